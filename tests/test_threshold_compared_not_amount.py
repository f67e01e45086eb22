"""A policy threshold the user compares the amount with (「1,002,000 USD 刚好比100万美元多一点点」「超过100万美元了吧」)
names the threshold, never the amount: the dollars said are read whatever their form."""

from decimal import Decimal

import pytest

from bot.estimate.items import detect_items
from bot.estimate.understand import read
from bot.nlu.normalize import normalize


def _fields(text):
    return read(text, items=detect_items(normalize(text))).fields


@pytest.mark.parametrize(
    "text, key",
    [
        (
            "去年离岸执行额1,002,000 USD 刚好比100万美元多一点点 这样算超过100万美元了吧 中间价6.9 能拿多少",
            "previous_offshore_usd",
        ),
        ("去年离岸执行额1,002,000美元 比100万美元多一点 能拿多少 中间价6.9", "previous_offshore_usd"),
        ("离岸USD 1,002,000，就比100万美元高一点，超过100万美元了吧，汇率6.9", "offshore_usd"),
        ("离岸$1,002,000 超过100万美元了对吧 汇率6.9", "offshore_usd"),
        ("离岸1002k USD 比100万美元略多 汇率6.9", "offshore_usd"),
        ("离岸100.2万美元，超过100万美元了吧，汇率6.9", "offshore_usd"),
    ],
)
def test_compared_threshold_is_not_the_amount(text, key):
    assert _fields(text)[key] == Decimal("1002000")
