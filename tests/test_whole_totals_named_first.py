"""Whole yearly totals named before this year's figure (bot/estimate/year_totals.py), and yearly costs that never take
the business's years (bot/estimate/other_year_costs.py)."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize


def inputs(text: str) -> dict:
    return EstimateSession.start(normalize(text)).inputs


class TestWholeTotalsNamedFirst:
    @pytest.mark.parametrize(
        "text, onshore, previous",
        [
            ("离岸执行额九十万刀 汇率7.1 在岸离岸合计执行额今年2000万 去年2050万", "13610000", "20500000"),
            ("离岸120万美元 汇率7.0 在岸加离岸合计执行额今年3000万 去年2500万", "21600000", "25000000"),
            (
                "2.离岸执行额九十万刀 汇率7.1 3.去境外参加了一场展会 费用4万 5.在岸离岸合计执行额今年2000万 去年2050万",
                "13610000",
                "20500000",
            ),
        ],
    )
    def test_totals_hold_the_dollars(self, text, onshore, previous):
        """The totals are each year's whole business: this year's onshore is the total less the converted dollars."""
        got = inputs(text)
        assert Decimal(onshore) == got["onshore_cny"] and Decimal(previous) == got["previous_onshore_cny"]
        assert Decimal(0) == got["previous_offshore_usd"]


class TestYearlyCostsBesideBusiness:
    def test_last_years_business_is_no_fair_cost(self):
        """「…展会 费用4万 … 今年2000万 去年2050万」: 2050万 is last year's business, not a fair cost blanked."""
        got = inputs("去境外参加了一场展会 费用4万 在岸执行额今年2000万 去年2050万")
        assert Decimal("20500000") == got["previous_onshore_cny"]

    def test_business_years_do_not_choose_the_costs_year(self):
        """「去年境外展6万 今年境外展8万 在岸今年3000万 去年2500万」: this year's fair is estimated, not last year's."""
        got = inputs("展会：去年参加境外展花了6万 今年境外展花了8万 在岸执行额今年3000万 去年2500万")
        assert [Decimal("80000")] == [f["cost_cny"] for f in got["fairs"]]

    def test_fairs_of_two_years(self):
        """「去年去了2场境外展 每场5万 今年去了3场 每场4万」: this year's three fairs."""
        got = inputs("去年去了2场境外展 每场5万 今年去了3场 每场4万 能补多少")
        assert [Decimal("40000")] * 3 == [f["cost_cny"] for f in got["fairs"]]
