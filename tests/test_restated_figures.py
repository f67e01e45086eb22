"""A figure said again in brackets right after a figure (「100万美元（系统里填的就是1,000,000.00）」「150万美元（约1000万
元）」) is the same amount told twice: the estimate reads one figure and asks nothing about the bracket
(bot/estimate/restated_figures.py)."""

from decimal import Decimal

from bot.estimate import restated_figures
from bot.estimate.session import EstimateSession


class TestRestatedFigures:
    def test_same_value_in_digits(self):
        """The system's figure in brackets is the dollars said before it."""
        s = EstimateSession.start("今年离岸执行额120万美元（报表上是1,200,000.00），离岸奖励多少")
        assert {"offshore_usd": Decimal("1200000")} == s.inputs

    def test_rough_conversion_in_brackets(self):
        """An approximate yuan conversion of the dollars is no second amount; the rate told is used."""
        s = EstimateSession.start("今年离岸做了200万美元（大概1400万人民币左右），汇率7.1，离岸奖励能拿多少")
        assert Decimal("2000000") == s.inputs["offshore_usd"] and "done" == s.status

    def test_same_value_in_words(self):
        """「2000万元（两千万）」: the yuan said again in words."""
        s = EstimateSession.start("今年在岸2000万元（两千万），去年1500万，增量奖励多少")
        assert Decimal("20000000") == s.inputs["onshore_cny"]

    def test_a_different_amount_in_brackets_stays(self):
        """「（其中离岸30万美元）」 is another figure, not a restatement."""
        norm = "今年执行额800万元(其中离岸30万美元)"
        assert norm == restated_figures.without_restatements(norm)

    def test_an_exact_conversion_stays(self):
        """An exact conversion is left to the readers that use it."""
        norm = "离岸120万美元(折合人民币850万元)"
        assert norm == restated_figures.without_restatements(norm)
