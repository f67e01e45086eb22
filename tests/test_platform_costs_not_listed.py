"""三（九） with costs the clause does not list beside the platform's purchases: wages and a site's rent are named as
not counted, never added to the platform's cost; a rent listed among a platform's costs starts no park rent subsidy
(三（八）3); a labour figure said in a question about which costs count is never computed with, and the costs the user
lists are each sorted (hardware, supporting facilities, licensed software counted; labour not)."""

import asyncio
from decimal import Decimal

from rasa_sdk.executor import CollectingDispatcher

from actions.policy import ActionAnswerPolicy
from bot.answers.named_costs import named_costs_line, sorted_costs
from bot.estimate.items import detect_items
from bot.estimate.session import EstimateSession
from tests.test_actions import tracker


def reply(text: str, intent: str = "ask_subsidy") -> str:
    d = CollectingDispatcher()
    asyncio.run(ActionAnswerPolicy().run(d, tracker(text, intent), {}))
    return "\n".join(m.get("text") or "" for m in d.messages)


class TestRentAmongPlatformCosts:
    def test_a_sites_rent_after_the_platform_is_its_cost(self):
        """「…还有运营人员工资80万、机房场地租金20万」: the platform only, 400万 + 100万."""
        text = "我们搭了个公共信息服务平台，采购硬件设备400万，正版软件100万，还有运营人员工资80万、机房场地租金20万，补贴多少"
        assert detect_items(text) == ["3.9"]
        s = EstimateSession.start(text)
        assert s.inputs["platforms"][0]["cost_cny"] == Decimal("5000000")
        assert "rent_annual_cny" not in s.inputs
        note = " ".join(s.notes)
        assert "工资" in note and "租金" in note and "不计入" in note

    def test_a_park_and_an_office_keep_the_rent_subsidy(self):
        """A rent said of the office in a park is the rent subsidy's, beside a platform."""
        text = "平台买服务器花了200万；另外我们入驻园区4年了，办公室房租一年60万，执行额800万，这两项能拿多少"
        assert detect_items(text) == ["3.8.3", "3.9"]

    def test_the_labour_figure_of_a_platform_question_is_no_purchase(self):
        """The part of the question that gives the figures names no 平台 (the topic does): the labour cost is named."""
        s = EstimateSession.start("预算有服务器和正版软件，另外人员工资两百万，哪些能补", topic="3.9")
        assert not s.inputs.get("platforms")
        assert any("工资" in n and "不在" in n for n in s.notes)


class TestWhichCostsCount:
    def test_each_listed_cost_is_sorted(self):
        counted, left_out = sorted_costs("3.9", "准备买存储设备、精密空调和UPS，再加上运维人员工资，哪些可以算")
        assert [k for _, k in counted] == ["信息化硬件设备", "相关配套设施"]
        assert [w for w, _ in left_out] == ["再加上运维人员工资"] or left_out[0][0].endswith("运维人员工资")

    def test_one_cost_alone_is_left_to_the_other_answers(self):
        assert named_costs_line("3.9", "机房装修算进平台补贴吗") == ""
        assert named_costs_line("3.5", "展位费、机票哪些能算") == ""  # no cost words of its own: not this answer

    def test_a_labour_figure_is_never_a_base(self):
        """「人力成本一年两百五十万」 beside the platform's purchases: nothing computed from it, the rate and cap told."""
        text = reply(
            "公司打算搭一个服务外包公共培训服务平台，要买交换机服务器、配UPS机柜，再采购正版操作系统，"
            "另外人力成本一年两百五十万，哪些费用能补？补多少比例，单个平台上限多少"
        )
        assert "750,000" not in text and "75万" not in text  # 250万 × 30%
        assert "30%" in text and "200万" in text
        assert "人力成本" in text and "不能计入" in text


def test_costs_none_of_which_the_clause_lists_are_left_to_the_other_answers():
    """「自己开发的 开发人员工资」: nothing counted, so no sorted list (the clause's own why answers)."""
    assert named_costs_line("3.9", "系统是自主开发的 研发人员的薪酬和办公场地租金能算吗") == ""
