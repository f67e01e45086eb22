"""The pre-screening dialogue core (bot/prescreen): questions, skipping, verdicts, figures."""

from decimal import Decimal

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
