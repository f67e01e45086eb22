"""The amount right after 「我算(的)是」「我估的是」 is the user's own result to check, never a business amount
(R38E009: 「今年2亿 … 增量奖励算下来多少 我算是240万对吧」 once made 240万 this year's amount and stated 0元)."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession


@pytest.mark.parametrize(
    "text, key, value, claimed",
    [
        (
            "我们去年执行额1.2亿 今年2亿 全是在岸 增量奖励算下来多少 我算是240万对吧",
            "onshore_cny",
            "200000000",
            "2400000",
        ),
        ("去年在岸执行额9000万 今年1.1亿 增量奖励多少 我算的是60万 对不对", "onshore_cny", "110000000", "600000"),
        ("离岸今年300万美元 汇率7 离岸奖励多少 我估的是210万吧", "offshore_usd", "3000000", "2100000"),
        ("去年在岸5000万，今年6000万，增量奖励多少？我自己算的是30万，没错吧", "onshore_cny", "60000000", "300000"),
    ],
)
def test_amount_after_the_opener_is_a_claim(text, key, value, claimed):
    s = EstimateSession.start(text)
    assert s.inputs[key] == Decimal(value)
    assert [Decimal(str(c["value"])) for c in s.inputs["_claims"]] == [Decimal(claimed)]


@pytest.mark.parametrize(
    "text, key, value",
    [
        ("我算了一下 去年在岸8000万 今年1亿 增量奖励多少", "onshore_cny", "100000000"),
        ("我算的增量是在岸 去年8000万 今年1亿 能拿多少", "onshore_cny", "100000000"),
    ],
)
def test_business_amounts_after_an_opener_stay_business(text, key, value):
    s = EstimateSession.start(text)
    assert s.inputs[key] == Decimal(value)
    assert not s.inputs.get("_claims")
