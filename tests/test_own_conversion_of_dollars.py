"""The user's own conversion of this year's offshore dollars said right after them (「其中离岸500万美元，按7.1折算是3550万」
「用7.2换算就是1440万」「按6.9折了2070万」): the rate is read from 「按/用 R 折算」, the yuan result is no amount of its own
(never asked 「…是美元还是人民币」), and a result that differs from dollars × rate is named. The wordings are the
team's own."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from calculator.figures_zh import parse_figures


def amounts(session) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in session.compute()["items"]}


class TestRateBeforeAConvertingVerb:
    @pytest.mark.parametrize(
        "text, rate",
        [
            ("其中离岸500万美元，按7.1折算是3550万", Decimal("7.1")),
            ("离岸200万美元，用7.2换算就是1440万", Decimal("7.2")),
            ("含离岸300万美元，按6.9折了2070万", Decimal("6.9")),
        ],
    )
    def test_the_number_is_a_rate(self, text, rate):
        """按/用 + a number + 折算/换算/折了, dollars before it in its sentence: that number is the dollars' rate."""
        rates = [f.value for f in parse_figures(text) if f.kind == "rate"]
        assert [rate] == rates

    @pytest.mark.parametrize("text", ["这批货按8.5折了", "衣服按7折卖了300件", "门票按6折算下来才90块"])
    def test_a_discount_is_no_rate(self, text):
        """Negative: with no dollars before it, 「按8.5折」 is a discount, not a rate."""
        assert not [f for f in parse_figures(text) if f.kind == "rate"]


class TestResultIsNoAmount:
    @pytest.mark.parametrize(
        "text, increment, offshore",
        [
            ("去年合计2.6亿，今年合计3亿，其中离岸500万美元，按7.1折算是3550万，增量和离岸各多少", 1200000, 2000000),
            ("去年总共8000万，今年总共9000万，里面离岸200万美元，用7.2换算就是1440万，两个奖多少", 300000, 1440000),
            (
                "今年执行额一共6000万（包括离岸300万美元，按6.9折了2070万），上年一共5000万，增量和离岸奖多少",
                300000,
                2000000,
            ),
        ],
    )
    def test_totals_hold_the_dollars(self, text, increment, offshore):
        """三（一） is total less total; 三（二） the dollars × the rate; the user's yuan result is not asked about."""
        session = EstimateSession.start(text)
        assert "done" == session.status, session.question()
        got = amounts(session)
        assert Decimal(increment) == got["3.1"]
        assert Decimal(offshore) == got["3.2"]
        assert any("换算后的金额，不另计" in n for n in session.notes)

    def test_a_result_that_differs_is_named(self):
        """「3000万美元，按7.0折算就是2.2亿」: 3000万 × 7 = 2.1亿, not 2.2亿; computed from the dollars, the difference said."""
        session = EstimateSession.start(
            "今年合计2.5亿，其中离岸3000万美元，按7.0折算就是2.2亿，去年合计2亿，增量和离岸多少"
        )
        assert "done" == session.status, session.question()
        assert any("与您说的2.2亿不一致" in n for n in session.notes)
        assert Decimal(1500000) == amounts(session)["3.1"]

    def test_whole_totals_without_a_rate_ask_the_rate_only(self):
        """「去年合计2亿，今年合计2.5亿，其中离岸300万美元」 with no rate: never 「2.5亿是在岸还是合计」 (合计 said)."""
        session = EstimateSession.start("去年合计2亿，今年合计2.5亿，其中离岸300万美元，增量和离岸多少")
        assert Decimal(50000000) == session.inputs["increment_cny"]
        assert "合计" not in session.question() and "汇率" in session.question()
