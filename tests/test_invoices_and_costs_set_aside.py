"""Beside an estimate: a request to issue an invoice (「你们能开发票吗」) is declined as a request not served, never read as
a clause (「开发」 of CMMI), and the estimate goes on; a cost the user bears or leaves unclaimed (「机票酒店我们自费，
不申报」) is a cost, never the business described; training costs per person in dollars are converted at the user's own
rate, never taken as yuan. Wording is our own, not the case files'."""

import asyncio
from decimal import Decimal

import pytest

from actions.estimate import ActionEstimateStart
from bot.answers import not_outsourcing
from bot.answers.general import cannot_serve
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import understand
from tests.test_actions import run, texts, tracker


class TestInvoiceRequests:
    @pytest.mark.parametrize(
        "text",
        ["对了，你们能开发票吗？", "咨询费用你们可以开专票吗", "麻烦给我们开张收据", "能开发票吗 离岸奖励能拿多少"],
    )
    def test_declined(self, text):
        answer = cannot_serve(understand(text))
        assert answer is not None and "发票" in answer.text and answer.text.startswith("抱歉")

    @pytest.mark.parametrize(
        "text",
        [
            "开了发票的金额算执行额吗",
            "租金发票能拿来申报吗",
            "我们给境外客户开发票的金额算离岸吗",
            "认证机构开的发票金额都能补吗",
        ],
    )
    def test_a_question_about_this_policys_invoices_is_no_request(self, text):
        assert cannot_serve(understand(text)) is None

    def test_declined_beside_counts_and_the_estimate_goes_on(self):
        text = (
            "我们是认定的培训机构，今年有36个学员大专以上、考核通过、签了一年以上劳动合同。"
            "对了，你们能开发票吗？培训补贴多少"
        )
        d, _ = asyncio.run(run(ActionEstimateStart(), tracker(text, "estimate")))
        said = texts(d)
        assert "发票" in said and "18,000.00元" in said
        assert "第三条第（六）项" not in said


class TestCostsSetAside:
    def test_travel_paid_by_us_is_no_business(self):
        text = understand(
            "派3个本科项目经理去东京参加涉外业务培训，每人培训费2万，住宿餐饮我们自己承担，不申报。培训补贴多少"
        )
        assert not_outsourcing.answer(text) is None

    def test_flights_and_lodging_paid_by_us(self):
        text = understand(
            "派3个本科项目经理去东京参加涉外业务培训，每人培训费2万，机票住宿我们自己掏，不报。培训补贴多少"
        )
        assert not_outsourcing.answer(text) is None

    def test_lodging_reimbursed_is_no_business(self):
        text = understand("我们6个项目经理去新加坡做涉外交付培训每人3万，住宿我们公司报销，培训补贴能拿多少")
        assert not_outsourcing.answer(text) is None

    def test_a_restaurant_is_still_named(self):
        answer = not_outsourcing.answer(understand("我们是开餐厅的，今年离岸150万美元，能拿离岸奖励吗"))
        assert answer is not None and "不属于服务外包" in answer.text


class TestDollarCostsOfGroups:
    def test_groups_in_dollars_at_the_users_rate(self):
        """3 × 4,000美元 × 7 = 28,000元 each → 14,000; 1 × 1万美元 × 7 = 70,000 → 35,000, capped at 30,000."""
        session = EstimateSession.start(
            "派了3个本科项目经理去新加坡参加涉外业务培训，每人培训费4000美元；1个硕士总监每人1万美元，汇率按7算。培训补贴多少"
        )
        assert session.status == "done", session.question()
        item = next(i for i in session.compute()["items"] if i["code"] == "3.7.3")
        assert Decimal("72000") == Decimal(str(item["amount_cny"]))

    def test_groups_in_dollars_without_a_rate_are_asked(self):
        session = EstimateSession.start(
            "派了3个本科项目经理去培训，每人培训费4000美元；1个硕士总监每人1万美元。培训补贴多少"
        )
        assert session.status != "done"
        assert "汇率" in session.question() and not session.inputs.get("senior_training")
