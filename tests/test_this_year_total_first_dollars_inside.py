"""This year's whole total told first, the offshore dollars in its parenthesis (「今年执行额合计4650万（含离岸150万美元…）」),
last year's total after it, perhaps corrected in the same message (「上年一共6000万，不对，上年是6200万」): 三（一） is this
year's total less last year's (the corrected one), the dollars serve 三（二） only; never 「…是美元还是人民币」 of the
totals. The wordings are the team's own."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession


def amounts(session) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in session.compute()["items"]}


@pytest.mark.parametrize(
    "text, increment, offshore",
    [
        # a correction of last year's total: the corrected figure counts
        (
            "今年总执行额7000万（含离岸200万美元，按7.1折了1420万），上年一共6000万，不对，上年是6200万，增量和离岸多少",
            240000,
            1420000,
        ),
        # the business fell: no increment, the dollars still count
        ("本年度执行额合计5000万（包含离岸120万美元，按7.0折算是840万），去年合计5200万，增量离岸多少", 0, 840000),
        # 其中 in the parenthesis, the rate said as 用…换算为
        ("今年合计1亿（其中离岸300万美元，用7.2换算为2160万），去年合计9000万，增量离岸多少", 300000, 2000000),
    ],
)
def test_increment_is_total_less_total(text, increment, offshore):
    session = EstimateSession.start(text)
    assert "done" == session.status, session.question()
    got = amounts(session)
    assert Decimal(increment) == got["3.1"]
    assert Decimal(offshore) == got["3.2"]


def test_the_converted_part_is_taken_out_of_this_years_total():
    """This year's 在岸 in the calculator is the total less the dollars × rate; last year's total stands as said."""
    session = EstimateSession.start(
        "今年总执行额7000万（含离岸200万美元，按7.1折了1420万），去年合计6500万，增量离岸多少"
    )
    assert Decimal(55800000) == session.inputs["onshore_cny"]
    assert Decimal(65000000) == session.inputs["previous_onshore_cny"]
    assert Decimal(0) == session.inputs["previous_offshore_usd"]


def test_rd_spending_below_last_year_fails_innovation():
    """「研发投入今年比上年低」 with no patents: 三（三） not met, 0."""
    session = EstimateSession.start(
        "今年合计1亿（其中离岸300万美元，用7.2换算为2160万），去年合计9000万，研发投入今年比上年低，专利也没有，"
        "增量离岸创新多少"
    )
    assert "done" == session.status, session.question()
    assert Decimal(0) == amounts(session)["3.3"]
    assert session.inputs["innovation_rd_growth_two_years"] is False
