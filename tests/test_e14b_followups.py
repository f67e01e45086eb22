"""Round 14 follow-ups: a correction naming a figure of the running estimate corrects that figure; a supposed
addition (再多签…) adds; a part of a platform's cost that is no purchase cost is taken out; a park company asking
also for an enterprise in its park; firms under a year in the park not counted; 「580个w」; a client abroad inside
an amount; a yes to an either-or question. New wording, not the case files'."""

from decimal import Decimal

import pytest

from actions.estimate import ActionEstimateStart, ActionLooseAnswer
from bot.answers.eligibility import facts_from
from bot.estimate import corrections
from bot.estimate.reading import estimate_words
from bot.estimate.session import EstimateSession, restated_fields, to_json
from bot.estimate.understand import other_kind_part
from calculator.figures_zh import parse_figures
from knowledge import conditions
from tests.test_actions import run, slots_of, texts
from tests.test_estimate_multiturn import conversation

D = Decimal


def amend(inputs: dict, text: str, items=None):
    """The running estimate `inputs` amended by `text` as the correction path does: (session, turn)."""
    from bot.estimate.session import items_for_inputs

    session = EstimateSession(items=items or items_for_inputs(inputs), inputs=dict(inputs))
    session.last_keys = list(inputs)
    session.amending = True
    return session, session.handle(text, "correct_value")


FAIRS = {
    "fairs": [
        {"region": "overseas", "cost_cny": D("50000")},
        {"region": "domestic", "cost_cny": D("12000")},
        {"region": "domestic", "cost_cny": D("30000")},
    ]
}


class TestCorrectionNamesAToldFigure:
    def test_the_fair_of_the_old_figure_is_corrected(self):
        """境外 5万 → 9万: 9万 × 70% = 63,000 → capped 50,000; 境内 8,400 + 20,000 (cap); total 78,400."""
        s = EstimateSession.start("抱歉 境外那场我记错了 是9万不是5万 三场一共能补多少", running=FAIRS)
        assert "done" == s.status and s.clarify is None
        assert [D("90000"), D("12000"), D("30000")] == [f["cost_cny"] for f in s.inputs["fairs"]]
        assert "offshore_usd" not in s.inputs  # never read as 离岸 9万
        assert D("78400") == s.compute()["total_cny"]
        assert any("由5万元改为9万元" in n for n in s.notes)

    def test_through_a_correction_without_adding_words(self):
        s, turn = amend(FAIRS, "境外的说错了 应该是9万 不是5万")
        assert turn.understood and "done" == s.status
        assert D("90000") == s.inputs["fairs"][0]["cost_cny"]

    def test_an_old_figure_told_twice_is_not_guessed(self):
        """Two fairs of 1.2万: which one 「不是1.2万」 means is not said; the rule leaves it to the others."""
        two = {
            "fairs": [{"region": "domestic", "cost_cny": D("12000")}, {"region": "domestic", "cost_cny": D("12000")}]
        }
        assert corrections.correct_told_figure(two, "说错了 是2万不是1.2万") is None

    def test_region_narrows_the_entry(self):
        mixed = {
            "fairs": [{"region": "domestic", "cost_cny": D("50000")}, {"region": "overseas", "cost_cny": D("50000")}]
        }
        changed, note, key = corrections.correct_told_figure(mixed, "境外那场说错了 是6万不是5万")
        assert "fairs" == key
        assert [D("50000"), D("60000")] == [f["cost_cny"] for f in changed["fairs"]]

    def test_a_scalar_amount_named_by_its_old_figure(self):
        running = {"onshore_cny": D("8000000"), "previous_onshore_cny": D("6000000")}
        changed, _, key = corrections.correct_told_figure(running, "去年那个不对 是650万不是600万")
        assert "previous_onshore_cny" == key and D("6500000") == changed[key]
        assert D("8000000") == changed["onshore_cny"]


class TestSupposedAddition:
    def test_more_signed_adds_to_the_amount(self):
        """92万美元 + 10万美元 = 102万美元 > 100万: 1,020,000 × 10% × 7.1 = 724,200."""
        first = EstimateSession.start("离岸今年做了92万美元 汇率7.1 能拿离岸奖吗")
        s, turn = amend(first.inputs, "那如果年底再多签下来10万美元呢 汇率还是7.1")
        assert turn.understood and "done" == s.status
        assert D("1020000") == s.inputs["offshore_usd"]
        assert D("724200") == s.compute()["total_cny"]

    def test_a_plain_what_if_still_replaces(self):
        first = EstimateSession.start("离岸今年做了92万美元 汇率7.1 能拿离岸奖吗")
        s, _ = amend(first.inputs, "那如果离岸是150万美元呢")
        assert D("1500000") == s.inputs["offshore_usd"]

    def test_every_word_adds(self):
        """estimate_words.yml adds_to_amount: each word makes the figure an addition."""
        for word in estimate_words()["adds_to_amount"]:
            assert corrections.adds_to_amount(f"那要是{word}20万美元呢"), word
            out, _, _ = corrections.added_amounts(
                {"offshore_usd": D("900000")}, {"offshore_usd": D("200000")}, f"那要是{word}20万美元呢"
            )
            assert D("1100000") == out["offshore_usd"], word

    async def test_through_the_loose_answer(self):
        first = EstimateSession.start("离岸今年做了92万美元 汇率7.1 能拿离岸奖吗")
        tracker = conversation(
            "那要是年底再多签下来10万美元呢 汇率一样7.1 能拿多少",
            "correct_value",
            {"estimate_inputs": to_json(first.inputs)},
            earlier=["离岸今年做了92万美元 汇率7.1 能拿离岸奖吗"],
        )
        d, events = await run(ActionLooseAnswer(), tracker)
        assert "724,200" in texts(d)
        assert "1020000" == slots_of(events)["estimate_inputs"]["offshore_usd"]


class TestPlatformPartTakenOut:
    def test_overtime_pay_taken_out(self):
        """420万 − 60万 工资 = 360万 × 30% = 1,080,000; the part named as no eligible cost."""
        s, turn = amend({"platforms": [{"cost_cny": D("4200000")}]}, "那420万里面有60万其实是员工工资 要扣掉 重新算")
        assert turn.understood and "done" == s.status
        assert [D("3600000")] == [p["cost_cny"] for p in s.inputs["platforms"]]
        assert D("1080000") == s.compute()["total_cny"]
        assert any("员工工资60万元不属于" in n and "420万元 − 60万元 = 360万元" in n for n in s.notes)

    def test_an_eligible_part_is_not_taken_out(self):
        from bot.estimate.clauses.platforms import take_out

        assert take_out([{"cost_cny": D("4200000")}], "那420万里面有60万是正版软件") is None
        assert take_out([{"cost_cny": D("4200000")}], "那300万里面有60万是员工加班费") is None  # no platform of 300万


class TestParkCompanyAsksForAnEnterprise:
    TEXT = (
        "我们是园区运营公司 园区今年刚被认定为市级服务外包示范园区 公司统一运营 另外帮园区里一家企业问一下 "
        "他们入驻重点园区四年了 今年合同执行额700万 租了500平 年租金30万 还没享受过租金补贴 分别多少"
    )

    def test_rent_is_computed_for_the_enterprise(self):
        """园区 200,000; the enterprise's rent 300,000 × 30% = 90,000 (not refused for the asker's type)."""
        s = EstimateSession.start(self.TEXT)
        assert "done" == s.status and {} == s.failed()
        amounts = {i["code"]: D(str(i["amount_cny"])) for i in s.compute()["items"]}
        assert D("200000") == amounts["3.8.1"] and D("90000") == amounts["3.8.3"]

    def test_without_the_words_the_park_company_is_refused_rent(self):
        s = EstimateSession.start(self.TEXT.replace("另外帮园区里一家企业问一下 他们", "我们自己"))
        assert "3.8.3" in s.failed()

    def test_applicant_rule(self):
        facts = {"applicant_type": "park_operator"}
        assert "not_met" == conditions.evaluate("3.8.3", facts).status
        assert "not_met" != conditions.evaluate("3.8.3", dict(facts, applicant_also_enterprise=True)).status
        assert "not_met" != conditions.evaluate("3.8.1", dict(facts, applicant_also_enterprise=True)).status

    def test_every_word_says_so(self):
        for word in estimate_words()["for_another_enterprise"]:
            assert corrections.for_another_enterprise(f"我们是运营公司 {word}问下租金补贴"), word

    async def test_no_total_across_applicants(self):
        d, _ = await run(ActionEstimateStart(), conversation(self.TEXT, "estimate_award"))
        reply = texts(d)
        assert "90,000" in reply and "200,000" in reply
        assert "290,000" not in reply and "金额不相加" in reply

    def test_first_recognition_and_not_new(self):
        assert EstimateSession.start("园区今年第一次认定为市级示范园区 企业运营").inputs["park_newly_recognized"]
        assert not EstimateSession.start("园区不是新认定的 市级示范园区").inputs["park_newly_recognized"]

    def test_a_restated_fact_is_acknowledged(self):
        running = {"park_newly_recognized": True, "park_enterprise_operated": True}
        assert ["park_newly_recognized"] == restated_fields("今年第一次认定", running, ["3.8.1"])
        assert [] == restated_fields("不是新认定的", running, ["3.8.1"])


class TestFirmsUnderAYear:
    def test_the_firm_under_a_year_is_not_counted(self):
        """3 firms, one 半年 → 2 × 10–30万 = 200,000 – 600,000; the third named."""
        s = EstimateSession.start(
            "我们是市级示范园区 企业运营 引进了3家 一家世界500强 一家国内500强 运营两年多了 "
            "还有一家领军企业才来了6个月 奖励多少"
        )
        assert 2 == s.inputs["park_top_enterprises"]
        assert any("一家领军企业才来了6个月" in n and "3 − 1 = 2" in n for n in s.notes)
        assert D("200000") == s.compute()["total_cny"]

    def test_all_over_a_year_are_counted(self):
        s = EstimateSession.start("我们是市级示范园区 企业运营 引进了两家500强 都运营一年多了 能拿多少")
        assert 2 == s.inputs["park_top_enterprises"] and not s.notes


class TestFiguresAndParts:
    @pytest.mark.parametrize("text, value", [("今年660个w", 6600000), ("去年3个W", 30000), ("5个万", 50000)])
    def test_ge_w_is_wan(self, text, value):
        assert [D(value)] == [f.value for f in parse_figures(text) if f.kind == "money"]

    def test_ge_w_in_an_estimate(self):
        """(660万 − 500万) × 3% = 48,000."""
        s = EstimateSession.start("在岸今年660个w 去年500个w 增量多少")
        assert D("48000") == s.compute()["total_cny"]

    def test_a_client_abroad_inside_the_whole_is_asked(self):
        """「里面有日本客户的项目」 after 一共300万 and 去年200万: the 300万 is not computed as 在岸; its part is asked."""
        s = EstimateSession.start("我们今年执行额一共300万 去年200万 里面有日本客户的项目 增量多少")
        assert "onshore_cny" not in s.inputs and s.clarify and "300万" in s.clarify["question"]
        assert "离岸" in s.clarify["question"]
        assert other_kind_part(" 其中有德国客户的单子", "onshore")
        assert other_kind_part(" 里面有新加坡的订单", "onshore")
        assert not other_kind_part(" 里面有新加坡的订单", "offshore")

    def test_both_parts_answered(self):
        """在岸260万 + 离岸5万美元 × 7 = 2,950,000 − 2,000,000 = 950,000 × 3% = 28,500."""
        s = EstimateSession.start("我们今年执行额一共300万 去年200万 里面有日本客户的项目 增量多少")
        assert "离岸部分按美元计" in s.question()
        turn = s.handle("在岸260万 离岸5万美元 汇率7", "inform")
        assert turn.understood
        if s.status != "done":  # last year's offshore part is asked, never taken as 0 (e15a)
            assert "上一年度" in s.question() and "离岸" in s.question()
            s.handle("去年没有离岸业务", "inform")
        assert "done" == s.status
        assert D("2600000") == s.inputs["onshore_cny"] and D("50000") == s.inputs["offshore_usd"]
        assert D("28500") == s.compute()["total_cny"]

    def test_every_new_part_word(self):
        w = estimate_words()["part_of_other_kind"]
        for part in w["parts"]:
            assert other_kind_part(f" {part}海外客户的", "onshore"), part
        for client in w["clients"]:
            assert other_kind_part(f" 里面有外国{client}", "onshore"), client

    def test_yes_to_an_either_or_question(self):
        s = EstimateSession(items=["3.1"], inputs={})
        s.handle("今年520万 去年480万", "inform")
        assert s.clarify and "还是" in s.clarify["question"]
        turn = s.handle("对 520万和480万", "inform")
        assert not turn.understood and "分不出" in turn.messages[0]
        s.handle("在岸的", "inform")
        assert D("5200000") == s.inputs["onshore_cny"]


class TestAllConditionsOfACount:
    def test_interns_meeting_all_conditions_are_counted(self):
        s = EstimateSession.start("协议三年 今年收了25个实习生 全部条件都符合的有12个 补贴多少")
        assert 12 == s.inputs["qualified_interns"] and "done" == s.status

    def test_not_read_as_the_applicant_meeting_article_two(self):
        assert "lawful_tax" not in facts_from("今年收了25个实习生 全部条件都符合的有12个")
        assert facts_from("我们在郑州注册的 其他条件都满足").get("lawful_tax") is True
