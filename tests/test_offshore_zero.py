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


@pytest.mark.parametrize(
    "text",
    [
        "离岸执行额130万美元 汇率7.2 还有我们发明专利是今年才第一次拿到的 去年没有 创新奖励能不能一起拿",
        "offshore 130万美元 rate 7.2，软著是今年新拿的 去年没有",
        "今年离岸130万美元 汇率7.2 CMMI认证今年才做 去年没有",
    ],
)
def test_none_said_of_a_named_thing_is_not_last_years_business(text):
    """R62E008: 「发明专利…去年没有」 is said of the patents: last year's offshore amount stays unknown (it had been read
    as 0, and an increment award of the whole 130万美元 nobody asked about was computed)."""
    assert "previous_offshore_usd" not in EstimateSession.start(text).inputs


def test_none_said_of_the_offshore_business_stays_zero():
    """「今年离岸150万美元 去年没有」 still says last year had no offshore business."""
    assert Decimal(0) == EstimateSession.start("今年离岸150万美元 去年没有 汇率7").inputs["previous_offshore_usd"]
