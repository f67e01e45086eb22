"""A figure right after 「能再拿」「还能拿」「可以再领」 is the award the user asks about getting (again), never an
amount of the business: 「技术先进型今年复审又通过了 这个还能再拿10万吗」 must not ask whether 10万 is onshore
or offshore (R39E013)."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession


@pytest.mark.parametrize(
    "text",
    [
        "我们22年就认定技术先进型服务企业了 今年复审又通过了 这个还能再拿10万吗 另外今年离岸执行额1,050,000美元 汇率1:7.2 离岸奖励加一起能拿多少",
        "技术先进型去年拿过了 今年能再领10万不 还有今年离岸150万美元 汇率7.1 算下离岸奖励",
        "技术先进型今年延续了 可以再拿10万吗？离岸执行额150万美元，汇率7.1，离岸奖励多少",
    ],
)
def test_award_asked_again_is_not_business(text):
    s = EstimateSession.start(text)
    assert s.inputs.get("offshore_usd") in (Decimal("1050000"), Decimal("1500000"))
    assert "onshore_cny" not in s.inputs
    assert not (s.clarify and "10万" in s.clarify.get("question", ""))


def test_business_amount_after_kind_is_kept():
    # a business figure with its kind stays one (negative: no ask word before it)
    s = EstimateSession.start("今年在岸执行额10万，去年在岸0，今年能拿多少增量奖励")
    assert s.inputs.get("onshore_cny") == Decimal("100000")
