"""This year's bare yuan figure beside last year's whole total and this year's dollars, settled by the direction of the
business said in words (「今年业务掉了点」): the one reading (onshore part, or whole total) that agrees with it is taken
and said; otherwise asked as before (bot/estimate/stated_direction.py)."""

from decimal import Decimal

import pytest

from bot.estimate import stated_direction
from bot.estimate.session import EstimateSession


def amounts(session) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in session.compute()["items"]}


class TestReading:
    def test_fell_and_only_the_whole_reading_agrees(self):
        """9860万 whole < 1.05亿; 9860万 + 2256万 onshore reading would be a rise: whole."""
        assert "whole" == stated_direction.reading(
            Decimal("98600000"), Decimal("105000000"), Decimal("3200000"), Decimal("7.05"), False
        )

    def test_grew_and_only_the_onshore_reading_agrees(self):
        """4800万 whole < 5000万 would be a fall; 4800万 + 355万 is a rise: onshore."""
        assert "onshore" == stated_direction.reading(
            Decimal("48000000"), Decimal("50000000"), Decimal("500000"), Decimal("7.1"), True
        )

    def test_both_readings_agree_is_no_answer(self):
        """4000万 and 4350万 both below 5000万: the words do not decide."""
        assert (
            stated_direction.reading(Decimal("40000000"), Decimal("50000000"), Decimal("500000"), Decimal("7"), False)
            is None
        )


class TestInAnEstimate:
    @pytest.mark.parametrize(
        "text, offshore",
        [
            (
                "今年业务掉了点，去年总执行额1.05亿，今年9800万，哦不对今年是9860万，其中离岸320万美元（中间价7.05）。能拿多少",
                "2000000",
            ),
            ("今年业务下滑了，去年执行额合计8000万，今年7500万，其中离岸100万美元 汇率7 能拿多少", "0"),
            ("今年执行额比去年少了一些，去年总共5000万，今年4800万，离岸50万美元 汇率7.1 增量奖多少", "0"),
            ("业绩有所下降 去年全年执行额3亿 今年2.8亿 其中离岸500万美元 汇率7 增量和离岸奖励各多少", "2000000"),
        ],
    )
    def test_a_fall_said_gives_no_increment(self, text, offshore):
        """The figure read as the whole total: no increment, the offshore award from the dollars alone."""
        session = EstimateSession.start(text)
        assert "done" == session.status and not session.clarify
        got = amounts(session)
        assert Decimal(0) == got["3.1"]
        assert Decimal(offshore) == got.get("3.2", Decimal(0))
        assert any("下降" in n for n in session.notes)

    def test_a_rise_said_reads_the_onshore_part(self):
        """(4800万 + 50万美元 × 7.1 − 5000万) × 3% = 4.65万."""
        session = EstimateSession.start("今年业务涨了 去年总共5000万 今年4800万 离岸50万美元 汇率7.1 增量多少")
        assert "done" == session.status
        assert Decimal("46500") == amounts(session)["3.1"]

    def test_no_direction_said_is_asked(self):
        """Without words of the direction the figure is asked about, naming it."""
        # (「今年9860万，其中离岸320万美元」 says the dollars are inside 9860万: bot/estimate/total_parts.py; with the
        # part's own year said again, which figure holds them is open)
        session = EstimateSession.start("去年总执行额1.05亿，今年9860万，其中今年离岸320万美元（中间价7.05）。能拿多少")
        assert "9860万" in session.question()
