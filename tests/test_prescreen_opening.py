"""A pre-screening reads its opening message: the items its figures are about, the items' facts, and
what ends it early (bot/prescreen/session.py). The wordings here are our own, not the case files'."""

from decimal import Decimal

from calculator import calculate

from bot.prescreen.session import PrescreenSession
from tests.test_prescreen_session import play, verdict

ALL_MET = "郑州注册的独立法人，产权清楚，依法经营、依法纳税，财务制度健全，商务部统计系统已注册并按时填报"


def status(s):
    return verdict(s)["status"]


class TestOpeningFigures:
    def test_offshore_figure_names_the_item(self):
        """「离岸做到了180万美元」 in the opening makes 三（二） an item, and its figure is kept for later."""
        s = PrescreenSession.start("我们想自查一下申报条件 公司是郑州的独立法人 去年离岸做到了180万美元")
        assert "3.2" in s.hint
        assert s.step == "conditions" and s.said

    def test_kept_figure_is_not_asked_again(self):
        """After 第二条, the figures step asks the rate, not the offshore amount the opening gave."""
        s, asked = play("我们想自查一下申报条件 公司是郑州的独立法人 今年离岸做到了180万美元", [ALL_MET])
        assert s.step == "figures"
        assert Decimal("1800000") == s.calculator_input().get("offshore_usd") or "汇率" in s.question()
        assert "离岸执行额是多少" not in s.question()

    def test_rate_given_finishes_with_amount(self):
        """With the rate, the report's estimate carries the opening's offshore figure."""
        s, _ = play("我们想自查一下申报条件 公司是郑州的独立法人 今年离岸做到了180万美元", [ALL_MET, "汇率7.1"])
        assert s.step == "done"
        assert "符合" == status(s)
        result = calculate(s.calculator_input())
        assert [i["code"] for i in result["items"] if i["qualified"]] == ["3.2"]

    def test_second_article_restated_instead_of_the_rate_ends_with_a_verdict(self):
        """Restating 第二条 twice where the rate is asked ends the pre-screening with its verdict; the dollar
        figure whose rate is unknown is left out of the amounts, never converted at a guessed rate."""
        s, _ = play("我们想自查一下申报条件 公司是郑州的独立法人 今年离岸做到了180万美元", [ALL_MET, ALL_MET, ALL_MET])
        assert s.step == "done"
        assert "符合" == status(s)
        assert "offshore_usd" not in s.calculator_input()

    def test_foreign_owned_applicant_is_not_the_park_item(self):
        """「外商独资的公司」 describes the applicant: it names no 园区吸引外资 item."""
        s = PrescreenSession.start("我们是外商独资的软件公司 想预审一下 顺便算算资质认证补贴 CMMI3认证花了20万")
        assert "3.8.2b" not in s.hint and "3.6" in s.hint


class TestEndsEarly:
    def test_penalty_stated_ends_with_not_qualified(self):
        """「被区市场监管局处罚过」 answering 依法经营 is a failed condition: 不符合 at once."""
        s, _ = play("我想做个预审", ["企业", "独立法人", "是", "是", "上个月刚被区市场监管局处罚过"])
        assert s.step == "done" and "不符合" == status(s)
        assert False is s.facts["lawful_operation"]

    def test_named_item_failed_by_a_stated_fact_is_said_at_once(self):
        """A park run by the government, not by an enterprise, told while 第二条 is asked: the recognition
        award it asked about is 不符合 at once, naming 由企业统一管理和运营; 第二条, asked of a park operator as one
        question (bot/prescreen/other_kinds.py), is left 需确认 and not asked again."""
        s = PrescreenSession.start("园区上个月认定成市级示范园区了 想预审一下认定奖励")
        turn = s.handle("园区归开发区管委会直接管理 没有运营企业")
        text = "".join(turn.messages)
        assert "不符合第三条第（八）项第1点" in text and "由企业统一管理和运营" in text
        assert s.step == "done" and "clear_property_rights" in s.unsure

    def test_rent_subsidy_nickname_names_the_item(self):
        """「租补」 names 三（八）3, so the applicant is an enterprise in a park."""
        s = PrescreenSession.start("园区里企业的租补 帮我对一下条件")
        assert s.hint == ["3.8.3"] and s.applicant == "enterprise"


class TestReportNamesMissedCondition:
    def test_unqualified_item_says_why(self):
        """The chat report names the condition an item misses, not only the item."""
        from bot.reports import render_chat

        result = calculate(
            {
                "rent_years_in_park": Decimal("5"),
                "rent_contract_amount_cny": Decimal("4200000"),
                "rent_area_m2": Decimal("300"),
                "rent_annual_cny": Decimal("360000"),
                "rent_years_subsidized": 0,
            }
        )
        report = {"ref": "YS-20260101-0001", "result": result, "verdict": {"status": "符合"}}
        line = next(x for x in render_chat(report).splitlines() if x.startswith("未达条件"))
        assert "租金补贴" in line and "未超过500万元" in line


class TestFiguresInsteadOfAChoice:
    def test_business_figures_pick_the_increment_item(self):
        """The checklist answered with last and this year's amounts: 三（一） is the item, its figures read; a
        「没有离岸」 beside them names no offshore item."""
        s, _ = play("预审一下吧", ["郑州的独立法人公司 各项条件都具备", "上年境内执行额1500万 本年2100万 离岸没有"])
        assert s.step == "done"
        result = calculate(s.calculator_input())
        assert [i["code"] for i in result["items"]] == ["3.1"]
        assert Decimal("180000") == Decimal(str(result["total_cny"]))


class TestOpeningVerdicts:
    def test_district_park_told_in_the_opening_is_said_first(self):
        """A 区级 park run by its company asking for the recognition award: the applicant is the park's
        operator, and the opening's own facts already give 不符合 naming 市级或市级以上."""
        s = PrescreenSession.start("园区是县里的区级服务外包园区 今年新认定 由我们公司统一运营 想预审认定奖励")
        assert s.applicant == "park_operator" and "3.8.1" in s.hint
        text = s.opening_verdicts()
        assert "不符合第三条第（八）项第1点" in text and "市级或市级以上" in text


class TestEstimateNamesMetConditions:
    def test_conditions_stated_are_named_as_met(self):
        """Figures given with the item's conditions stated: the estimate says which conditions they meet."""
        from bot.estimate.session import EstimateSession

        s = EstimateSession.start("中高级人才培训补贴 我们条件够吗")
        s.handle("5名硕士学历的项目总监 参加涉外业务培训 每人4万 不是学历教育")
        assert "学员本科以上学历" in s.met_conditions().get("3.7.3", [])

    def test_nothing_stated_names_nothing(self):
        from bot.estimate.session import EstimateSession

        s = EstimateSession.start("中高级人才培训补贴能补多少")
        s.handle("5个人 每人4万")
        assert {} == s.met_conditions()


def test_figures_given_with_the_conditions_pick_the_items():
    """Asked about 第二条, the user answers everything and adds figures: the items they are about are chosen and
    read from that message (new enterprise: (800万 + 120万 × 7.0) × 3% = 492,000; 120万 × 10% × 7.0 = 840,000)."""
    s = PrescreenSession.start("今年刚成立的公司 想先预审一下")
    s.handle(
        "在郑州经开区注册的独立法人，首年；产权清晰，依法经营纳税，财务制度健全，统计系统注册并按时填报。"
        "今年在岸800万，离岸120万美元，汇率7.0",
        "inform",
    )
    assert "done" == s.step
    assert Decimal("1332000") == Decimal(str(calculate(s.calculator_input())["total_cny"]))
