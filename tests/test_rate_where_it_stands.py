"""A rate said with no year word of its own and no rate asked (「离岸今年三百万美元 汇率我还没查 先随便按6.5算 … 去年在岸1800万」)
is the rate of the year where it stands, not of the last year word in the message: it was stored as last year's
rate, so this year's was asked again and the summary showed 「上年汇率6.5」 (R41E025)."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession


@pytest.mark.parametrize(
    "text",
    [
        "离岸今年三百万美元 汇率我还没查 先随便按6.5算 在岸今年500万 去年在岸1800万",
        "今年离岸300万美元 汇率还没查 就先按6.5吧 今年在岸500万 去年在岸1800万 去年没有离岸",
        "离岸今年三百万美元 汇率我还没查 先随便按6.5算 在岸今年500万 去年总执行额折人民币1800万 离岸和增量两项合计多少",
    ],
)
def test_rate_is_this_years(text):
    s = EstimateSession.start(text)
    assert s.inputs.get("usd_cny_rate") == Decimal("6.5")
    assert "previous_usd_cny_rate" not in s.inputs


def test_rate_beside_last_years_offshore_stays_last_years():
    s = EstimateSession.start("今年在岸500万 去年在岸300万 离岸去年100万美元 汇率按6.9")
    assert s.inputs.get("previous_usd_cny_rate") == Decimal("6.9")
    assert "usd_cny_rate" not in s.inputs


def test_rate_asked_for_last_year_is_last_years():
    s = EstimateSession.start("今年离岸150万美元 汇率7.1 去年离岸120万美元")
    assert s.inputs.get("usd_cny_rate") == Decimal("7.1")
    s.handle("6.9")
    assert s.inputs.get("previous_usd_cny_rate") == Decimal("6.9")
