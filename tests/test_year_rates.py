"""A rate said right after its year with no rate word (own wording): 「2024年7.12，2023年7.08」 answering the rate
question are the two years' rates; a figure with a unit or outside the dollar's range stays what it was."""

from decimal import Decimal

import pytest

from bot.estimate.understand import Reader
from calculator.figures_zh import parse_figures


@pytest.mark.parametrize("said", ["2024年7.12，2023年7.08", "2024年是7.12 2023年是7.08", "今年7.12；去年7.08"])
def test_rates_after_their_years(said):
    fields = Reader(said, pending="usd_cny_rate").read().fields
    assert fields["usd_cny_rate"] == Decimal("7.12")
    assert fields["previous_usd_cny_rate"] == Decimal("7.08")


@pytest.mark.parametrize("text", ["2024年7.5万", "2024年1.25", "2024年7.1亿", "2024年3.75"])
def test_other_figures_after_a_year_are_no_rates(text):
    assert all(f.kind != "rate" for f in parse_figures(text))
