"""Rates said the spoken way further from the rate word (「汇率22年用6.9 23年按七块一」, 「七块零五」), English figures
with their year after them (「$3.5M in 2023」「7.05 for 2023」), 「as the USD/CNY rate」, and a none said of the
increment not read as no offshore business (「没有增量 离岸奖励多少」). Wording is our own."""

from decimal import Decimal

import pytest

from bot.estimate.reading import english_to_chinese
from bot.estimate.understand import read
from calculator.figures_zh import parse_figures


def _rates(text):
    return [f.value for f in parse_figures(text) if f.kind == "rate"]


@pytest.mark.parametrize(
    "text, rate",
    [
        ("汇率2022年用6.9 2023年按七块一", Decimal("7.1")),
        ("一美元能换七块零五", Decimal("7.05")),
        ("汇率按六块八", Decimal("6.8")),
        ("美元兑人民币6块8", Decimal("6.8")),
        ("汇率今年七块一五", Decimal("7.15")),
        ("中间价去年是6.7 今年按七块二", Decimal("7.2")),
    ],
)
def test_spoken_rates(text, rate):
    assert _rates(text)[-1] == rate


@pytest.mark.parametrize("text", ["分成两块一块是研发", "房租每平米四十五块五", "报名费三块五毛钱"])
def test_kuai_without_rate_words_is_no_rate(text):
    assert not _rates(text)


def test_each_year_its_own_spoken_rate():
    r = read("去年离岸300万美元 今年离岸420万美元 汇率去年6块9 今年七块零五", items=["3.1", "3.2"])
    assert r.fields["previous_usd_cny_rate"] == Decimal("6.9")
    assert r.fields["usd_cny_rate"] == Decimal("7.05")
    assert r.fields["offshore_usd"] == Decimal("4200000")


def test_rate_word_heading_two_years_spoken():
    r = read("21年在岸1000万 离岸100万美元 22年在岸1200万 离岸150万美元 汇率21年6.45 22年按六块七", items=["3.1"])
    assert r.fields["previous_usd_cny_rate"] == Decimal("6.45")
    assert r.fields["usd_cny_rate"] == Decimal("6.7")


@pytest.mark.parametrize(
    "text, current, previous, rate, previous_rate",
    [
        (
            "offshore usd 1.2 million for 2022 and usd 1.5 million for 2023, rate 6.9 for 2022 and 7.1 for 2023",
            "1500000",
            "1200000",
            "7.1",
            "6.9",
        ),
        (
            "We had $4M offshore in 2024 and $3.1M in 2023. Use 7.12 for 2024 and 7.05 for 2023.",
            "4000000",
            "3100000",
            "7.12",
            "7.05",
        ),
    ],
)
def test_english_figure_then_year(text, current, previous, rate, previous_rate):
    f = read(text).fields
    assert f["offshore_usd"] == Decimal(current)
    assert f["previous_offshore_usd"] == Decimal(previous)
    assert f["usd_cny_rate"] == Decimal(rate)
    assert f["previous_usd_cny_rate"] == Decimal(previous_rate)


def test_year_before_figure_is_left_as_it_is():
    assert english_to_chinese("in 2023 we did $3m offshore").startswith("in 2023")


@pytest.mark.parametrize("pair", ["USD/CNY", "usd-cny", "USD to CNY", "dollar"])
def test_as_the_pair_rate(pair):
    f = read(f"offshore this year 2 million usd, use 7.15 as the {pair} rate").fields
    assert f["usd_cny_rate"] == Decimal("7.15")
    assert "previous_usd_cny_rate" not in f


@pytest.mark.parametrize(
    "text",
    [
        "今年离岸做了200万美元 汇率7.15 今年总执行额比去年少 没有增量 离岸奖励能拿多少",
        "今年离岸180万美元 汇率7.1 业务没增长 离岸补贴多少",
        "今年离岸150万美元 汇率7 执行额没涨 离岸的奖励多少",
    ],
)
def test_no_increment_is_not_no_offshore(text):
    assert "previous_offshore_usd" not in read(text, items=["3.1", "3.2"]).fields


@pytest.mark.parametrize("text", ["去年没有离岸 今年离岸150万美元 汇率7.1", "今年在岸800万 没有离岸业务 增量奖励多少"])
def test_none_of_offshore_still_read(text):
    f = read(text, items=["3.1", "3.2"]).fields
    assert f.get("previous_offshore_usd") == Decimal(0) or f.get("offshore_usd") == Decimal(0)
