"""A year's offshore business told in yuan already converted (「离岸已经按中间价折成人民币800万」): it counts in 三（一）
as said (calculator `offshore_cny`, no rate); the dollars are asked only when 三（二）/（三） needs them, and when the
user says they are not at hand the yuan is kept — never lost, never replaced by 0 — and 三（二） is named as not
computed. The wordings are the team's own."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession, calculator_inputs
from calculator import CalculatorError, calculate


def amounts(session) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in session.compute()["items"]}


class TestCalculator:
    def test_yuan_offshore_counts_in_the_first_years_total(self):
        items = calculate({"new_enterprise": True, "onshore_cny": 3000000, "offshore_cny": 6000000})["items"]
        assert Decimal("270000") == Decimal(str(items[0]["amount_cny"]))  # (300万 + 600万) × 3%
        assert "已折人民币" in items[0]["explanation"]

    def test_both_years_in_yuan(self):
        data = {"onshore_cny": 5000000, "offshore_cny": 3000000}
        data.update(previous_onshore_cny=4000000, previous_offshore_cny=2000000)
        items = calculate(data)["items"]
        assert Decimal("60000") == Decimal(str(items[0]["amount_cny"]))  # (800万 − 600万) × 3%

    def test_never_both_dollars_and_yuan_of_one_year(self):
        with pytest.raises(CalculatorError):
            calculate({"onshore_cny": 1, "offshore_usd": 1000000, "offshore_cny": 7000000, "new_enterprise": True})

    def test_dollars_told_later_stand_for_the_yuan(self):
        out = calculator_inputs({"offshore_cny": Decimal(7000000), "offshore_usd": Decimal(1000000)})
        assert "offshore_cny" not in out


class TestIncrementOnly:
    @pytest.mark.parametrize(
        "text, award",
        [
            ("我们是今年新设立的 首年 在岸350万 离岸已经按今年中间价折成人民币650万 增量奖励多少", 300000),
            ("新成立的公司第一年，国内业务120万元，离岸折合人民币380万元，业务增量奖能拿多少", 150000),
            ("去年在岸1000万 离岸折人民币300万；今年在岸1200万 离岸折人民币500万 增量奖励多少", 120000),
        ],
    )
    def test_no_dollars_asked(self, text, award):
        session = EstimateSession.start(text)
        assert "done" == session.status, session.question()
        assert Decimal(award) == amounts(session)["3.1"]


class TestDollarsDeclined:
    @pytest.mark.parametrize(
        "first, reply",
        [
            ("今年新成立 在岸300万 离岸折人民币500万 增量奖励和离岸奖励多少", "美元的数我不清楚，先算增量吧"),
            ("新设立企业首年，在岸260万，离岸已折合人民币540万元，增量和离岸两项奖励各多少", "美元金额手上没有"),
            ("2025年刚成立 首个业务年度 在岸400万 离岸按中间价折成人民币400万 增量、离岸奖励一起算", "跳过"),
        ],
    )
    def test_yuan_kept_offshore_award_named(self, first, reply):
        session = EstimateSession.start(first)
        assert "折合多少美元" in session.question()
        yuan = session.inputs["offshore_cny"]
        session.handle(reply)
        assert "done" == session.status, session.question()
        got = amounts(session)
        assert (session.inputs["onshore_cny"] + yuan) * Decimal("0.03") == got["3.1"]
        assert "3.2" not in got
        assert any("离岸业务奖励" in n and "暂未计算" in n for n in session.notes)

    def test_dollars_given_instead_replace_the_yuan(self):
        """Negative: the dollars answered with a rate are converted as before (the yuan is not added again)."""
        session = EstimateSession.start("今年新成立 在岸300万 离岸折人民币770万 增量奖励和离岸奖励多少")
        session.handle("汇率按7算")
        assert "done" == session.status, session.question()
        got = amounts(session)
        assert Decimal(321000) == got["3.1"]  # (300万 + 110万美元 × 7) × 3%
        assert Decimal(770000) == got["3.2"]  # 110万美元 × 10% × 7
