"""An offshore amount typed as a zero (「离岸0」「海外为0」) is that year's none, like 「没有离岸」; several such
nones, each in its year's words, are each year's 0."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession


@pytest.mark.parametrize(
    "text",
    [
        "上年在岸520万 离岸0 本年在岸700万 离岸130万美元 增量和离岸能拿多少",
        "去年国内单子500w 海外0，今年国内650w 海外120万刀，增量 离岸各多少",
        "去年境内800万，境外为0；今年境内900万，境外110万美元，两项奖励多少",
    ],
)
def test_last_years_zero_offshore_is_read(text):
    est = EstimateSession.start(text)
    assert est.inputs.get("previous_offshore_usd") == Decimal(0)
    assert est.inputs.get("offshore_usd") > 0


@pytest.mark.parametrize(
    "text",
    [
        "今年在岸900万 离岸0 去年在岸700万 离岸0 增量能拿多少",
        "今年在岸900万 离岸没有 去年在岸700万 离岸也没有 增量奖励多少",
    ],
)
def test_each_years_none_is_that_years_zero(text):
    est = EstimateSession.start(text)
    assert est.status == "done"
    assert est.inputs.get("previous_offshore_usd") == Decimal(0)
    assert est.inputs.get("onshore_cny") == Decimal("9000000")
    assert est.inputs.get("previous_onshore_cny") == Decimal("7000000")
