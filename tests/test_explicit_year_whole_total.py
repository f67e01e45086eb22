"""Last year's whole total under an explicit year (「2022年：执行额合计5200万元（在岸离岸合计，已折人民币）」「23年：总执行额
6000万」), this year's onshore and offshore told apart under the later year: last year's offshore is in its total, so it is
not asked; 三（一） is this year's onshore + dollars × rate less last year's total. The wordings are the team's own."""

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
            "2023年执行额合计8000万（含离岸折算）；2024年在岸7000万，离岸200万美元，汇率7.1，增量和离岸多少",
            126000,
            1420000,
        ),
        ("23年：总执行额6000万\n24年：在岸5500万，离岸150万美元，汇率7.0\n增量和离岸各多少", 165000, 1050000),
        (
            "2021年全年执行额3000万（离岸已折成人民币）\n2022年：境内2800万；离岸80万美元，汇率6.7\n增量和离岸多少",
            100800,
            0,
        ),
    ],
)
def test_last_years_total_is_whole(text, increment, offshore):
    session = EstimateSession.start(text)
    assert "done" == session.status, session.question()
    got = amounts(session)
    assert Decimal(increment) == got["3.1"]
    assert Decimal(offshore) == got["3.2"]


def test_last_years_offshore_is_zero_beside_its_total():
    reading = read("2022年：执行额合计5000万元（已折人民币）\n2023年：在岸4800万元；离岸50万美元，汇率7", items=["3.1"])
    assert Decimal(50000000) == reading.fields["previous_onshore_cny"]
    assert Decimal(0) == reading.fields["previous_offshore_usd"]


def test_an_onshore_year_is_not_a_total():
    """Negative: 「2023年在岸6000万」 is that year's onshore only: its offshore is asked, never taken as 0."""
    session = EstimateSession.start("2023年在岸6000万；2024年在岸6500万，离岸150万美元，汇率7.0，增量离岸多少")
    assert "done" != session.status
    assert "2023年的离岸" in session.question()
