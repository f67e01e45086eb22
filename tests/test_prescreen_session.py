"""The pre-screening dialogue core (bot/prescreen): questions, skipping, verdicts, figures."""

from decimal import Decimal

import pytest

from calculator import calculate

from bot.prescreen.session import PrescreenSession
from bot.reports import verdict_from


def play(first, answers):
    s = PrescreenSession.start(first)
    asked = []
    for a in answers:
        if s.step in ("done", "cancelled"):
            break
        asked.append(s.question())
        s = PrescreenSession.load(s.dump())
        s.handle(a)
    return s, asked


def verdict(s):
    return verdict_from(calculate(s.calculator_input())["eligibility"], s.applicant)


class TestConditions:
    """Each 第二条 condition is asked once, plainly; what was said is not asked again."""

    def test_asks_each_condition(self):
        """A plain start asks type, entity, registration and the five conditions, then the checklist."""
        s, asked = play("我想做个预审", ["企业", "独立法人", "是", "是", "是", "是", "是", "是", "无"])
        assert "done" == s.step
        assert 9 == len(asked) and "统计系统" in asked[7] and "1." in asked[8]
        assert "符合" == verdict(s)["status"]

    def test_skips_what_was_said(self):
        """Facts in the opening message are not asked again."""
        s = PrescreenSession.start("帮我预审一下，我们是郑州注册的独立法人企业，已在统计系统注册")
        assert "conditions" == s.step and "clear_property_rights" == s.pending
        assert True is s.facts["mofcom_registered"]

    def test_branch_asks_tax(self):
        """A branch is asked about 在郑纳税, not registration."""
        s, asked = play("我想做个预审", ["企业", "分支机构", "否"])
        assert "纳税" in asked[2]
        assert False is s.facts["pays_tax_in_zhengzhou"]

    def test_failing_condition(self):
        """A 否 makes the verdict 不符合 with that condition named."""
        s, _ = play("我想做个预审", ["企业", "独立法人", "是", "是", "是", "是", "是", "否", "无"])
        v = verdict(s)
        assert "不符合" == v["status"] and any("统计系统" in f for f in v["failing"])

    def test_unsure_is_to_be_confirmed(self):
        """不确定 leaves the verdict 待确认."""
        s, _ = play("我想做个预审", ["企业", "独立法人", "是", "不确定", "是", "是", "是", "是", "无"])
        assert "待确认" == verdict(s)["status"]


class TestItemsAndFigures:
    """The checklist picks items; the figures reuse the estimate dialogue."""

    def test_offshore_and_fairs(self):
        """Choosing 2 and 5 asks their figures; the total is the calculator's."""
        s, _ = play(
            "我想做个预审",
            [
                "企业",
                "独立法人",
                "是",
                "是",
                "是",
                "是",
                "是",
                "是",
                "2 5",
                "离岸执行额150万美元",
                "7.05",
                "境外2场，每场6万元",
            ],
        )
        assert "done" == s.step
        assert Decimal("1141500") == Decimal(str(calculate(s.calculator_input())["total_cny"]))

    def test_park_operator_checklist(self):
        """A park operator sees the park items."""
        s, asked = play("我们是园区运营方，想做个预审", ["独立法人", "是", "是", "是", "是", "是", "是", "1"])
        assert "示范园区" in asked[-1]

    def test_cancel(self):
        """取消 ends the pre-screening."""
        s = PrescreenSession.start("我想做个预审")
        assert s.handle("取消", "cancel").cancelled and "cancelled" == s.step


class TestItemsNamedFirst:
    """An item named in the opening message decides the applicant type and the checklist's choice; facts
    given early are kept and decide that item's verdict at once."""

    def test_rent_named_first_means_an_enterprise(self):
        s = PrescreenSession.start("租金补贴的条件帮我对一下 看我们能不能申请")
        assert (s.applicant, s.hint, s.step) == ("enterprise", ["3.8.3"], "conditions")

    def test_question_mid_way_is_not_taken_as_the_type(self):
        s = PrescreenSession.start("我想做个预审")
        turn = s.handle("离岸奖励怎么算", "ask_subsidy")
        assert s.applicant is None and turn.interjection

    @pytest.mark.parametrize(
        "said,why",
        [
            ("市级重点园区入驻两年，执行额1200万，600平，年租金45万，没领过租金补贴", "入驻三年以上（您说的是：2年）"),
            (
                "市级重点园区入驻4年，合同执行额正好500万元，500平，年租金30万，没领过",
                "超过500万元（您说的是：500万元）",
            ),
        ],
    )
    def test_early_facts_give_the_items_verdict(self, said, why):
        s = PrescreenSession.start("租金补贴的条件帮我对一下")
        text = "".join(s.handle(said).messages)
        assert "不符合第三条第（八）项第3点" in text and why in text
        assert s.step == "conditions"  # the pre-screening goes on with 第二条

    def test_figures_given_early_reach_the_estimate(self):
        s = PrescreenSession.start("租金补贴的条件帮我对一下")
        s.handle("市级重点园区入驻4年，执行额1200万，600平，年租金45万，没领过租金补贴")
        for answer in ["独立法人", "是", "是", "是", "是", "是", "是"]:
            s.handle(answer)
        assert s.items == ["3.8.3"]
        assert s.calculator_input()["rent_annual_cny"] == Decimal("450000")

    def test_checklist_not_answered_twice_ends_with_second_article(self):
        s = PrescreenSession.start("帮我预审一下")
        for answer in ["企业", "独立法人", "是", "是", "是", "是", "是", "是"]:
            s.handle(answer)
        assert s.step == "items"
        restated = "郑州注册的独立法人公司；产权清晰；依法经营、依法纳税；财务制度健全；统计系统已注册并按时填报"
        s.handle(restated, "ask_eligibility")
        assert s.step == "items"
        s.handle(restated, "ask_eligibility")
        assert s.step == "done" and s.items == []
