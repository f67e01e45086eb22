"""This year's figure with the offshore dollars in a parenthesis right after it (「今年3500万（其中离岸200万美元，汇率7.1）」)
beside last year's total: the parenthesis says the figure holds the dollars, so it is this year's whole total; 三（一） is
total less total (0 when the business fell), 三（二） the dollars. A separate 「其中今年离岸…」 with no 合计 and no
parenthesis is still asked. The wordings are the team's own."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession


def amounts(session) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in session.compute()["items"]}


@pytest.mark.parametrize(
    "text, increment, offshore",
    [
        ("去年合计5000万，今年4600万（其中离岸150万美元，汇率7.0），能拿多少", 0, 1050000),
        ("今年3500万（其中离岸200万美元，汇率7.1），去年3000万，增量和离岸能拿多少", 150000, 1420000),
        ("上年总共2800万，今年3000万（里面离岸120万刀，汇率7.2），增量离岸多少", 60000, 864000),
    ],
)
def test_the_figure_holds_the_dollars(text, increment, offshore):
    session = EstimateSession.start(text)
    assert "done" == session.status, session.question()
    got = amounts(session)
    assert Decimal(increment) == got["3.1"]
    assert Decimal(offshore) == got["3.2"]


def test_innovation_on_the_offshore_award_alone():
    """The business fell (三（一） 0) but 三（二） stands: 三（三） is 15% of it."""
    session = EstimateSession.start(
        "去年合计6000万，今年5800万（其中离岸300万美元，汇率7.0），这两年都有新的软著，能拿多少"
    )
    assert "done" == session.status, session.question()
    got = amounts(session)
    assert Decimal(0) == got["3.1"]
    assert Decimal(2000000) == got["3.2"]
    assert Decimal(300000) == got["3.3"]


def test_dollars_beside_the_figure_are_asked():
    """Negative: 「今年2.6kw 其中今年离岸110万美元」 (no parenthesis, no 合计 on this year's figure): asked."""
    session = EstimateSession.start("去年总共3.2kw 今年2.6kw 其中今年离岸110万美元 汇率按7 增量还有吗")
    assert "done" != session.status
    assert "合计" in session.question()
