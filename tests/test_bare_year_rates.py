"""A bare year (no 年) before 是/为/: and a rate-like decimal heads that rate; a bare year right after a comma
heads the figure that follows it (「…，2023 offshore不是150万」)."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession

OPENING = "2023年离岸160万美元，在岸600万；2022年离岸110万美元，在岸520万。增量和离岸各多少"

RATES = [
    "汇率2023是7.05，2022是6.73",
    "中间价：2023为7.05；2022为6.73",
    "rate 2023: 7.05, 2022: 6.73",
    "2023 rate 7.05，2022是6.73",
]


@pytest.mark.parametrize("reply", RATES)
def test_each_years_rate_is_read(reply):
    est = EstimateSession.start(OPENING)
    est.handle(reply)
    assert est.inputs.get("usd_cny_rate") == Decimal("7.05")
    assert est.inputs.get("previous_usd_cny_rate") == Decimal("6.73")


@pytest.mark.parametrize(
    "reply",
    [
        "汇率2023是7.05，2022是6.73。刚才看错了，2023 offshore不是160万，是180万美元",
        "2023按7.05，2022按6.73，另外2023 离岸应该是180万美元",
    ],
)
def test_year_after_a_comma_heads_the_corrected_figure(reply):
    est = EstimateSession.start(OPENING)
    est.handle(reply)
    assert est.inputs.get("offshore_usd") == Decimal("1800000")
    assert est.inputs.get("previous_offshore_usd") == Decimal("1100000")


def test_no_rate_is_a_year():
    est = EstimateSession.start(OPENING)
    est.handle("汇率2023是7.05")
    assert est.inputs.get("usd_cny_rate") == Decimal("7.05")
    assert est.inputs.get("usd_cny_rate") != Decimal("2023")
