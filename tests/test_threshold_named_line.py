"""「刚过一百万美元那个线」: the policy's threshold named with 那个线/那道坎 is no amount of the user's (round 39: the
threshold replaced the stated 一百零五万美金 and 105万 was judged as exactly 100万, not 超过)."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession


@pytest.mark.parametrize(
    "text, usd",
    [
        ("我们今年离岸大概一百零五万美金 汇率6.95 刚过一百万美元那个线 能拿多少", 1050000),
        ("离岸120万美元 汇率7.1 过了100万美元这个线吧 奖励多少", 1200000),
        ("今年离岸做了101万美元 汇率7 算是迈过100万美元那道坎了 能拿多少", 1010000),
    ],
)
def test_the_threshold_named_is_not_the_amount(text, usd):
    assert EstimateSession.start(text).inputs["offshore_usd"] == Decimal(usd)


def test_an_amount_followed_by_other_words_is_still_read():
    s = EstimateSession.start("今年离岸100万美元 汇率7 能拿多少")
    assert s.inputs["offshore_usd"] == Decimal(1000000)
