"""The same amount said again without its currency right after it (「审计完调成了一百万美元整 就100万刚刚好」「120万美元
也就是120万」): no amount of its own, never asked about (bot/estimate/understand.py `_restated_amount`)."""

from decimal import Decimal

import pytest

from bot.estimate.understand import read


class TestRestatedAmount:
    @pytest.mark.parametrize(
        "text, usd",
        [
            (
                "我们今年离岸业务 本来财务说150万美元 不对不对 审计完调成了一百万美元整 就100万刚刚好 这样还能拿离岸那个10%的奖励吗",
                1000000,
            ),
            ("今年离岸业务120万美元 也就是120万 能拿离岸奖励吗", 1200000),
            ("今年离岸做了200万美元，正好200万，离岸奖励多少", 2000000),
        ],
    )
    def test_said_again_is_not_asked(self, text, usd):
        """The dollars are read once and no currency is asked."""
        reading = read(text, items=["3.2"])
        assert Decimal(usd) == reading.fields.get("offshore_usd")
        assert not reading.clarifications

    def test_another_amount_after_dollars_is_read_as_before(self):
        """「离岸120万美元 在岸120万」: a kind of its own, the onshore yuan."""
        reading = read("今年离岸120万美元 在岸120万 汇率7 能拿多少", items=["3.1", "3.2"])
        assert Decimal(1200000) == reading.fields.get("onshore_cny")
