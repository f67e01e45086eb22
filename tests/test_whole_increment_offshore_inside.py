"""A rise of the whole business said in yuan with the offshore part converted inside it (「今年执行额比去年多了1500万（离岸的
已经折成人民币算在里面了）」): that difference is 三（一）'s base itself; this year's dollars serve 三（二） only, never
compared with it as a year's amount nor added to it. The wordings are the team's own."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.estimate.understand import read


def amounts(session) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in session.compute()["items"]}


@pytest.mark.parametrize(
    "text, increment, offshore",
    [
        (
            "今年执行额比去年多了1500万（离岸的已经折成人民币算在里面了），今年离岸160万美元，汇率7.0，增量奖和离岸奖多少",
            450000,
            1120000,
        ),
        # the parenthesis before the rise, 同比
        ("服务外包执行额（含离岸，已折人民币）同比增加了800万；离岸今年120万美元，汇率6.9，两项多少", 240000, 828000),
        # the clause after it says so; 三（二） held to its cap
        (
            "我们比上年多做了3000万，离岸的已经按中间价折算进去了；今年离岸300万美元，汇率7.2，增量和离岸奖励各多少",
            900000,
            2000000,
        ),
    ],
)
def test_the_rise_is_the_increment(text, increment, offshore):
    session = EstimateSession.start(text)
    assert "done" == session.status, session.question()
    got = amounts(session)
    assert Decimal(increment) == got["3.1"]
    assert Decimal(offshore) == got["3.2"]


def test_the_rise_is_no_last_years_total():
    """「比去年多了2000万」 is never read as last year's whole total."""
    reading = read(
        "今年执行额比去年多了2000万（离岸那部分折成人民币算进去了），离岸今年$4M，汇率7", items=["3.1", "3.2"]
    )
    assert Decimal(20000000) == reading.fields.get("increment_cny")
    assert "previous_onshore_cny" not in reading.fields


def test_an_onshore_rise_stays_onshore():
    """Negative: 「在岸比去年多了300万」 is onshore's own difference, read as before (offshore added at each year's rate)."""
    reading = read("在岸比去年多了300万，离岸今年150万美元、去年100万美元，汇率都按7，增量多少", items=["3.1", "3.2"])
    assert "increment_cny" not in reading.fields
