"""A year said right before a figure heads that figure, in English as in Chinese (own wording): 「offshore 3.1m usd
last year 2.6m」 is this year 3.1m and last year 2.6m; 「2.6 million last year, 3.1 million this year」 still puts each
year after its figure. A million with a space before its M (「1.4 m美元」) is a million when dollars are named."""

from decimal import Decimal

import pytest

from bot.estimate.understand import read
from bot.nlu.normalize import normalize
from calculator.figures_zh import parse_figures


@pytest.mark.parametrize(
    "said",
    [
        "offshore 3.1m usd last year 2.6m usd rate 7.0",
        "offshore revenue 3.1 million usd, last year: 2.6 million usd, rate 7.0",
        "offshore 3.1m usd; last year was 2.6m usd; rate 7.0",
    ],
)
def test_last_year_heading_the_next_figure(said):
    f = read(said).fields
    assert f["offshore_usd"] == Decimal("3100000")
    assert f["previous_offshore_usd"] == Decimal("2600000")


def test_year_after_its_figure_still_belongs_to_it():
    f = read("offshore usd 2.6 million last year, 3.1 million this year, rate 7.0").fields
    assert f.get("previous_offshore_usd") == Decimal("2600000")
    assert f.get("offshore_usd") == Decimal("3100000")


@pytest.mark.parametrize("text, value", [("离岸1.4 m美元", "1400000"), ("离岸 2 M 美金", "2000000")])
def test_spaced_m_next_to_dollars_is_a_million(text, value):
    money = [(f.value, f.currency) for f in parse_figures(normalize(text)) if f.kind == "money"]
    assert money == [(Decimal(value), "USD")]


def test_spaced_m_without_dollars_is_no_million():
    assert all(f.value != Decimal("3000000") for f in parse_figures(normalize("走廊长3 m")))
