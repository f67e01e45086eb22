"""Last year's one total said to hold its offshore part converted, in the words right after it (「去年执行额2.2亿
（离岸已折好）」「（离岸已折人民币）」「离岸部分已经折算成人民币了」): the whole of last year, its offshore 0, with no
question whether the figure is offshore (bot/estimate/previous_total.py, estimate_words.yml previous_total)."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.estimate.understand import read


class TestConvertedInsideAfterTheFigure:
    @pytest.mark.parametrize(
        "text, value",
        [
            ("去年执行额2.2亿（离岸已折好）；今年在岸2.6亿，离岸1150万美元，中间价6.9 增量多少", 220000000),
            ("去年执行额1.6亿（离岸已折人民币）；今年在岸1.688亿，离岸900万美元 汇率6.8 增量多少", 160000000),
            ("去年执行额5000万(离岸已经按当年汇率折好) 今年在岸5200万 离岸50万美元 汇率7 增量多少", 50000000),
            ("去年执行额5000万（离岸的已经折进去了） 今年在岸5200万 离岸50万美元 汇率7 增量多少", 50000000),
            ("去年执行额合计8000万（离岸已折人民币） 今年在岸7000万 离岸200万美元 汇率7 增量奖多少", 80000000),
        ],
    )
    def test_last_years_total_holds_its_offshore(self, text, value):
        """The figure is last year's converted total: previous onshore = it, previous offshore 0, nothing asked."""
        reading = read(text, items=["3.1"])
        assert Decimal(value) == reading.fields.get("previous_onshore_cny")
        assert Decimal(0) == reading.fields.get("previous_offshore_usd")
        assert not reading.clarifications

    def test_increment_is_this_years_total_less_it(self):
        """(26000万 + 1150万美元 × 6.9 − 22000万) × 3% = 358.05万, held to 200万."""
        session = EstimateSession.start(
            "去年执行额2.2亿（离岸已折好）；今年在岸2.6亿，离岸1150万美元，中间价6.9 增量奖励多少"
        )
        assert "done" == session.status
        item = next(i for i in session.compute()["items"] if i["code"] == "3.1")
        assert Decimal("2000000") == Decimal(str(item["amount_cny"]))
