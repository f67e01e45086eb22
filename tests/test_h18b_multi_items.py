"""Estimates with several items, conditions stated in the message, and figures whose role comes from the
words around them (per event vs. batch, 「一年」 as the rent's period, 境内 business vs. a bare contract total,
a platform total that includes costs 三（九） does not pay for). Own wording, not the case files'."""

from decimal import Decimal

from bot.estimate.session import EstimateSession
from bot.estimate.understand import read
from bot.understand.facts import read_facts
from calculator import calculate


def start(text: str) -> EstimateSession:
    return EstimateSession.start(text)


def total(session) -> Decimal:
    return Decimal(str(session.compute()["total_cny"]))


# -- 三（五） fairs told in batches, each batch a count × a per-event cost ---------------------------------


def fair_costs(text: str) -> list:
    return [(f["region"], f["cost_cny"]) for f in read(text).fields.get("fairs", [])]


def test_two_batches_told_per_event_are_five_fairs():
    """3 × 2.2万 then 2 × 1.4万, both 国内: five fairs, never the two costs as two fairs."""
    fairs = fair_costs("今年参展分两批：第一批去了3场国内展会 每场花2.2万；后来又去了2场 也在国内 每场1.4万 能补多少")
    assert fairs == [("domestic", Decimal("22000"))] * 3 + [("domestic", Decimal("14000"))] * 2


def test_batches_without_punctuation_between_them():
    fairs = fair_costs("去了4场国内展 每场1.2万 又去了1场国内展 每场3万 补贴多少")
    assert fairs == [("domestic", Decimal("12000"))] * 4 + [("domestic", Decimal("30000"))]


def test_batches_award_is_each_fair_at_70_percent_under_its_cap():
    """3 × 2.2万 × 70% = 46,200; 2 × 1.4万 × 70% = 19,600 → 65,800 (each under the 2万 domestic cap)."""
    s = start("国内展会上半年去了3场每场2.2万，下半年又去了2场每场1.4万，都是商务部门指定的展会，能补多少")
    assert s.status == "done", (s.pending, s.clarify)
    assert total(s) == Decimal("65800")


def test_heading_region_holds_for_every_batch():
    """「境外展会…」 opens the message: the second batch is 境外 too (5万 cap each, 70%)."""
    fairs = fair_costs("境外展会今年参加了2场，每场6万，后来又参加了3场，每场4万")
    assert fairs == [("overseas", Decimal("60000"))] * 2 + [("overseas", Decimal("40000"))] * 3


def test_second_batch_without_region_is_asked_when_no_heading_says_it():
    """「国内去了3场展会…还有2场…」: the second batch's region is not guessed."""
    r = read("国内去了3场展会每场2万，还有2场每场5万")
    assert [c.kind for c in r.clarifications] == ["region"]
    assert "境内的还是境外的" in r.clarifications[0].question


# -- 三（八）3 rent: 「一年」 beside the rent is its period, not years in the park ----------------------


def test_rent_per_year_is_not_one_year_in_the_park():
    s = start("我们在园区办公 房租一年45万 租金补贴能补多少")
    assert s.inputs.get("rent_annual_cny") == Decimal("450000")
    assert "rent_years_in_park" not in s.inputs
    assert s.failed() == {}
    assert s.status == "collecting" and s.pending == "rent_area_m2"
    assert {"rent_area_m2", "rent_years_in_park"} <= set(s.missing())


def test_rent_question_names_the_area():
    s = start("园区里租的办公室一年租金36万 能拿多少租金补贴")
    from bot.estimate.session import question_for

    assert s.pending == "rent_area_m2"
    assert "面积" in question_for("rent_area_m2", s)


def test_one_year_with_a_park_verb_stays_a_duration():
    """「入驻一年」 is a time in the park: 三（八）3 needs 三年以上, so it fails and says so."""
    s = start("入驻一年 房租60万 1200平 能补多少")
    assert s.inputs.get("rent_years_in_park") == Decimal("1")
    assert "3.8.3" in s.failed()


def test_rent_and_increment_in_one_message():
    """境内 900万 this year, 700万 last year are 三（一）'s years (and the contract amount the calculator takes);
    rent 48万 on 1600 m² is held to 1000 m²: 48万 × 1000/1600 × 30% = 9万; increment 200万 × 3% = 6万."""
    s = start(
        "在市级服务外包重点园区待了4年 租了1600平米 一年房租48万 今年境内合同执行额900万 去年700万 "
        "没有离岸 不是新企业 租金补贴加增量奖励一共多少"
    )
    assert s.inputs["onshore_cny"] == Decimal("9000000")
    assert s.inputs["previous_onshore_cny"] == Decimal("7000000")
    assert "rent_contract_amount_cny" not in s.inputs
    assert s.status == "done", (s.pending, s.clarify)
    assert total(s) == Decimal("150000")


# -- 三（九） platform: a total that includes costs the clause does not pay for -----------------------------


def test_platform_total_with_fitting_out_and_wages_asks_for_the_purchase_part():
    s = start("我们建了一个服务外包公共技术服务平台 总共投了600万 里面有装修 人员工资 也有服务器和软件 能补多少")
    assert "platforms" not in s.inputs
    assert s.clarify and s.clarify["kind"] == "platform_breakdown"
    q = s.clarify["question"]
    assert "装修" in q and "人员工资" in q and "600万元" in q and "硬件" in q and "软件" in q


def test_platform_total_listing_with_commas_still_asks():
    s = start("平台一共花了300万，包括服务器、正版软件、场地装修，能补多少")
    assert "platforms" not in s.inputs and s.clarify["kind"] == "platform_breakdown"


def test_platform_line_states_the_cap_even_below_it():
    result = calculate({"platforms": [{"cost_cny": Decimal("5000000")}]})
    text = result["items"][0]["explanation"]
    assert "1,500,000.00元" in text and "未超过单个平台上限200万元" in text


# -- 三（三） and 三（八）1: conditions stated in the message ------------------------------------------------


def test_rd_growth_with_years_separated_by_a_space():
    assert read_facts("研发投入2021 2022连着两年都在涨").get("innovation_rd_growth_two_years") is True
    assert read_facts("研发经费接连两年增加").get("innovation_rd_growth_two_years") is True


def test_rd_growth_stated_means_innovation_is_not_asked():
    """离岸 200万美元 at 7.0 (1400万元) and 160万美元 at 7.1 (1136万元): 三（一） 264万 × 3% = 79,200;
    三（二） 140万; 三（三） 15% × 1,479,200 = 221,880."""
    s = start(
        "研发费用2022 2023连着两年都在涨 创新发展奖励能拿多少 没有境内业务 全是离岸 今年200万美元 汇率7.0 "
        "去年160万美元 去年汇率7.1 不是新成立的"
    )
    assert s.inputs.get("innovation_rd_growth_two_years") is True
    assert "innovation" not in s.missing()
    assert s.status == "done", (s.pending, s.clarify)
    items = {i["code"]: Decimal(str(i["amount_cny"])) for i in s.compute()["items"]}
    assert items["3.3"] == Decimal("221880")


def test_company_run_park_is_enterprise_operated():
    s = start("我们园区今年刚获批市级示范园区 公司化运营 示范园区认定奖励多少")
    assert s.inputs.get("park_enterprise_operated") is True
    assert s.status == "done" and total(s) == Decimal("200000")
    assert read_facts("园区采取企业化管理 今年新认定").get("park_enterprise_operated") is True


# -- rates: never one the user did not give ------------------------------------------------------------------


def test_rate_question_gives_no_example_rate():
    import re

    from bot.estimate.clauses.offshore import USD_CNY_RATE

    s = start("离岸执行额150万美元 能拿多少")
    q = USD_CNY_RATE.question(s) if callable(USD_CNY_RATE.question) else USD_CNY_RATE.question
    assert "汇率" in q and not re.search(r"[5-8]\.[0-9]", q)
    r = read("离岸150万美元 汇率70")
    assert all(not re.search(r"例如\s*[0-9]", p) for p in r.problems)


def test_bare_years_after_rd_are_not_spending():
    """「研发投入2021 2022 2023」 names years: never three rising amounts, never a note about 2,022元."""
    r = read("研发投入2021 2022 2023 离岸今年150万美元 汇率6.8")
    assert "innovation_rd_growth_two_years" not in r.fields
    assert not any("2,022" in n for n in r.notes)
    assert r.fields["offshore_usd"] == Decimal("1500000")


# -- pre-screening: every 第二条 condition met is said as a verdict before the checklist --------------------

ALL_MET = (
    "没问题，我们是郑州高新区注册的独立法人公司，产权清晰，依法经营依法纳税，财务制度健全，统计系统已注册每月按时填报"
)


def test_prescreen_all_conditions_met_at_once_says_met_before_the_checklist():
    from bot.prescreen.session import PrescreenSession

    s = PrescreenSession.start("帮我逐条核对一下申报资格")
    turn = s.handle(ALL_MET)
    assert s.step == "items"
    said = "".join(turn.messages) + s.question()  # what the user reads: the turn, then the checklist question
    assert "结论：符合第二条的申报资格" in said and "不符合" not in said


def test_prescreen_all_met_one_by_one_says_met_too():
    from bot.prescreen.session import PrescreenSession

    s = PrescreenSession.start("我想做个预审")
    turns = [s.handle(a) for a in ["企业", "独立法人", "是", "是", "是", "是", "是", "是"]]
    assert s.step == "items"
    assert "结论：符合第二条的申报资格" in "".join(turns[-1].messages) + s.question()
    assert not any("结论" in m for t in turns[:-1] for m in t.messages)


def test_prescreen_facts_restated_at_the_checklist_are_acknowledged_with_the_verdict():
    from bot.prescreen.session import PrescreenSession

    s = PrescreenSession.start("帮我逐条核对一下申报资格")
    s.handle(ALL_MET)
    again = s.handle(ALL_MET)
    assert s.step == "items"
    assert "结论：符合第二条的申报资格" in "".join(again.messages) + s.question()


def test_prescreen_unmet_condition_gets_no_met_verdict():
    from bot.prescreen.session import PrescreenSession

    s = PrescreenSession.start("帮我逐条核对一下申报资格")
    turn = s.handle("我们是郑州注册的独立法人，产权清晰，依法经营依法纳税，财务制度健全，但是统计系统还没注册")
    assert "结论：符合" not in "".join(turn.messages)


# -- conditions read from the right words ---------------------------------------------------------------------


def test_pure_offshore_without_domestic_is_not_offshore_nought():
    """「纯离岸业务 没有境内」: the 没有 is about 境内; the offshore figures decide 三（二）."""
    facts = read_facts("我们纯离岸业务 没有境内 今年1.2M USD 汇率7.0")
    assert facts.get("offshore_usd") is None
    assert read_facts("离岸业务也没有").get("offshore_usd").exact() == 0


def test_pure_offshore_two_years_estimate():
    """离岸 130万美元 at 7.0 (910万元) against 90万美元 at 7.1 (639万元): 三（一） 271万 × 3% = 81,300;
    三（二） 910万 × 10% = 91万 → 991,300."""
    s = start("纯离岸业务 没有境内 今年1.3M USD 汇率7.0 去年0.9M USD 去年汇率7.1 不是新企业 增量和离岸奖励合计多少")
    assert s.inputs["offshore_usd"] == Decimal("1300000")
    assert s.status == "done", (s.pending, s.clarify)
    assert total(s) == Decimal("991300")


def test_correction_about_the_enterprise_keeps_the_new_tech_status():
    """「我们不算新增企业 去年就有业务了」 after 新拿了技术先进型: the status stays newly gained."""
    r = read(
        "哦不对 我们不是新成立的 去年就有业务了 去年境内300万 重新算下",
        items=["3.1", "3.4"],
        known={"tech_advanced_new": True},
    )
    assert "tech_advanced_new" not in r.fields
    assert r.fields["new_enterprise"] is False
    assert r.fields["previous_onshore_cny"] == Decimal("3000000")


def test_item_question_names_the_figure_told_without_an_item():
    from bot.estimate.session import question_for

    s = start("我们今年外包业务做了230万 能拿什么奖励")
    assert s.pending == "items"
    q = question_for("items", s)
    assert "230万元" in q and "在岸还是离岸" in q
    assert "7.05" not in q
