"""Last year's offshore business told already in yuan (「去年在岸0.8个亿，离岸折人民币0.5个亿；今年在岸2个亿，离岸500万美元，
1美元=7.2元」): 三（一） counts it in yuan as said (离岸业务合同执行额折合为人民币计算), and 三（二）/（三） count only this
year's dollars, so its dollars are never asked — whatever items are asked. This year's offshore in yuan is still asked
in dollars when 三（二） needs it. The wordings are the team's own."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession


def amounts(session) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in session.compute()["items"]}


class TestNeverAskedInDollars:
    @pytest.mark.parametrize(
        "text, increment",
        [
            # (2亿 + 500万 × 7.2) − (0.8亿 + 0.5亿) = 1.06亿 × 3% → 200万 cap
            (
                "去年在岸0.8个亿，离岸折人民币0.5个亿；今年在岸2个亿，离岸500万美元，1美元=7.2元。增量奖励和离岸奖励能拿多少",
                2000000,
            ),
            # (4000 + 600 × 7.1) − (3000 + 3000) = 2260万 × 3%
            (
                "去年在岸3000万，离岸折合人民币3000万；今年在岸4000万，离岸600万美元，汇率7.1，增量奖励和离岸奖励各多少",
                678000,
            ),
            # (5200 + 400 × 7) − (5000 + 2000) = 1000万 × 3%
            (
                "上年在岸5000万元，上年离岸按人民币算是2000万元，今年在岸5200万元、离岸400万美元，汇率7.0，能拿多少奖励",
                300000,
            ),
            # (7000 + 300 × 7.1) − (6000 + 1500) = 1630万 × 3%
            (
                "我们去年境内业务6000万，境外业务换算成人民币是1500万；今年境内7000万，境外300万美元，中间价7.1，增量和离岸奖励一共多少",
                489000,
            ),
            (
                "去年在岸8000万，离岸5000万（已折人民币），今年在岸2亿，离岸500万美元，汇率7.2，增量奖励和离岸奖励多少",
                2000000,
            ),
            ("去年在岸0.8亿、离岸（已折人民币）0.5亿，今年在岸2亿、离岸500万美元，汇率7.2，能拿多少", 2000000),
        ],
    )
    def test_last_years_yuan_counts_as_said(self, text, increment):
        session = EstimateSession.start(text)
        assert "done" == session.status, session.question()
        got = amounts(session)
        assert Decimal(increment) == got["3.1"]
        assert "3.2" in got
        assert not session.inputs.get("previous_offshore_usd")
        assert any("上年离岸执行额按您给的人民币金额" in n for n in session.notes)

    def test_the_whole_years_estimate(self):
        session = EstimateSession.start(
            "想整体估一下今年能拿多少政策资金：去年在岸0.8个亿，离岸折人民币0.5个亿；今年在岸2个亿，离岸500万美元，"
            "1美元=7.2元。研发投入连续两年都在增长。今年新认定了技术先进型服务企业。这些加起来今年最多能拿多少？"
        )
        assert "done" == session.status, session.question()
        got = amounts(session)
        assert Decimal(2000000) == got["3.1"] == got["3.2"]
        assert Decimal(600000) == got["3.3"]  # (200万 + 200万) × 15%


class TestThisYearsYuanStillAsked:
    def test_only_this_years_dollars_are_asked(self):
        session = EstimateSession.start(
            "去年在岸3000万，离岸折人民币5000万；今年在岸4000万，离岸折人民币7000万，增量奖励和离岸奖励各多少"
        )
        assert "7000万元折合多少美元" in session.question()
        assert "5000万" not in session.question()

    def test_yuan_said_in_answer_to_the_currency_question(self):
        session = EstimateSession.start(
            "去年在岸3000万，离岸500万；今年在岸4000万，离岸800万，汇率7，增量奖励和离岸奖励各多少"
        )
        assert "是美元还是人民币" in session.question()
        session.handle("都是人民币")
        assert "800万元折合多少美元" in session.question()
        session.handle("100万美元")
        assert "done" == session.status, session.question()
        # (4000 + 100 × 7) − (3000 + 500) = 1200万 × 3%
        assert Decimal(360000) == amounts(session)["3.1"]
        assert Decimal(Decimal(5000000)) == session.inputs["previous_offshore_cny"]

    def test_a_converted_figure_in_another_currency_is_not_yuan(self):
        from bot.estimate.understand import read

        fields = read("今年离岸150万 折成人民币1000万 汇率7").fields
        assert fields.get("offshore_cny") != Decimal(1500000)
