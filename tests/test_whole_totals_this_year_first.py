"""Both years' whole totals (offshore converted inside) with THIS year's said first (「今年执行总额（含离岸，按人民币）4800万，
去年4200万；离岸120万美元」): 三（一） is total less total, the dollars serve 三（二） only, dollars after last year's total
with no year of their own are this year's, and a doubt whether the totals hold the offshore part keeps them from being
read whole. The wordings are the team's own (round 47's phenomenon, not its cases)."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.estimate.understand import read


def amounts(session) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in session.compute()["items"]}


@pytest.mark.parametrize(
    "text, increment, offshore",
    [
        # the whole word in a parenthesis after this year's figure, 折算进去
        (
            "本年度合同执行额合计6200万（离岸已按7.0折算进去），上年度5600万；今年离岸180万美元，汇率7.0，增量和离岸分别多少",
            180000,
            1260000,
        ),
        # 包括离岸，已折成人民币 before the figure
        (
            "今年总执行额（包括离岸，已折成人民币）9000万，去年8000万，离岸部分今年150万美元，按6.8算，两项奖励多少",
            300000,
            1020000,
        ),
        # last year's total corrected in the same message
        (
            "今年执行额合计5000万（含离岸），去年4500万，不对，去年是4600万；今年离岸110万美元，汇率7.1，能拿多少",
            120000,
            781000,
        ),
        # dollars after last year's total, no year of their own: this year's
        ("今年全口径执行额3500万，去年3000万；离岸130万美元，汇率6.9，增量加离岸多少", 150000, 897000),
    ],
)
def test_increment_is_total_less_total(text, increment, offshore):
    session = EstimateSession.start(text)
    assert "done" == session.status, session.question()
    got = amounts(session)
    assert Decimal(increment) == got["3.1"]
    assert Decimal(offshore) == got["3.2"]


def test_totals_said_whole_are_never_asked_for_a_currency():
    """Negative of the old reading: 「…是美元还是人民币」 is never asked of totals said to hold the offshore part."""
    session = EstimateSession.start("今年执行总额（含离岸）7000万，去年6500万；离岸今年140万美元，汇率7，能拿多少")
    assert "done" == session.status
    assert "美元还是人民币" not in (session.question() or "")


def test_a_doubt_about_the_offshore_part_keeps_the_totals_open():
    """「离岸那块不确定算没算进去」: the totals are not read as whole; nothing is computed from a guess."""
    text = "今年执行额5000万，去年4000万；今年离岸200万美元（离岸那块不确定算没算进去），汇率7，能拿多少"
    reading = read(text, items=["3.1", "3.2"])
    assert "onshore_cny" not in reading.fields and "increment_cny" not in reading.fields
    assert EstimateSession.start(text).status != "done"


def test_last_years_own_dollars_are_not_this_years():
    """「去年离岸120万美元」 after the totals names its own year: never read as this year's offshore business."""
    reading = read("今年执行总额（含离岸）6000万，去年5000万；去年离岸120万美元，汇率7，增量多少", items=["3.1", "3.2"])
    assert Decimal(1200000) != reading.fields.get("offshore_usd")
