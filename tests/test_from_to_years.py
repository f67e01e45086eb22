"""「国内从500万涨到1200万了」: a change told from one amount to another, with no year of its own, is last year's amount
then this year's (round 39: the 500万 was dropped and the increment counted last year's onshore as 0 — 283,153.50 for
133,153.50)."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession


@pytest.mark.parametrize(
    "text, previous, current",
    [
        ("国内业务从500万涨到1200万 离岸没有 增量奖励多少", 5000000, 12000000),
        ("在岸从3000万降到2800万 增量奖励还有吗", 30000000, 28000000),
        ("我们境内执行额从1500万增长到2100万了 能拿多少增量奖励", 15000000, 21000000),
        (
            "离岸业务去年300万美元 今年降到250万美元 但国内从500万涨到1200万了 汇率22年6.7261 23年7.0467 增量奖励多少",
            5000000,
            12000000,
        ),
    ],
)
def test_from_one_amount_to_another_is_last_year_then_this_year(text, previous, current):
    s = EstimateSession.start(text)
    assert s.inputs["previous_onshore_cny"] == Decimal(previous)
    assert s.inputs["onshore_cny"] == Decimal(current)


def test_years_said_outright_are_unchanged():
    s = EstimateSession.start("今年执行额1200万 去年500万 增量奖励多少")
    assert (s.inputs["previous_onshore_cny"], s.inputs["onshore_cny"]) == (Decimal(5000000), Decimal(12000000))


def test_the_worked_increment_uses_both_years():
    s = EstimateSession.start(
        "离岸业务去年300万美元 今年降到250万美元 但国内从500万涨到1200万了 汇率22年6.7261 23年7.0467 增量奖励多少"
    )
    growth = next(i for i in s.compute()["items"] if i["code"] == "3.1")
    # 2023: 1200万 + 250万 × 7.0467 = 29,616,750; 2022: 500万 + 300万 × 6.7261 = 25,178,300; 3% of 4,438,450
    assert Decimal(str(growth["amount_cny"])) == Decimal("133153.50")
