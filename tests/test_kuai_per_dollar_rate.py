"""Yuan per dollar said in words (「按7块钱一美元」「一美元7块钱」「每美元6.9块」) is the dollar's rate — never 7 yuan and
a dollar (which asked 「7元折合多少美元」); a price (「花了7块钱买了一美元的东西」) stays money
(calculator/figures_zh.normalize)."""

from decimal import Decimal

import pytest

from calculator.figures_zh import parse_figures


@pytest.mark.parametrize(
    "text, rate",
    [
        ("今年离岸执行额260万USD，按7块钱一美元", "7"),
        ("离岸150万美元 按7块一美元算", "7"),
        ("汇率就一美元7块钱吧", "7"),
        ("1美元7块 离岸120万美元", "7"),
        ("每美元6.9块", "6.9"),
        ("按7.05元一美元折", "7.05"),
    ],
)
def test_yuan_per_dollar_in_words_is_a_rate(text, rate):
    figs = parse_figures(text)
    assert [f.value for f in figs if f.kind == "rate"] == [Decimal(rate)]
    assert not [f for f in figs if f.kind == "money" and f.value in (Decimal(1), Decimal(rate))]


@pytest.mark.parametrize("text", ["花了7块钱买了一美元的东西", "展位费7块", "每人5000元一年"])
def test_prices_stay_money(text):
    assert not [f for f in parse_figures(text) if f.kind == "rate"]
