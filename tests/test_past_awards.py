"""Awards received in an earlier year, said beside this year's figures (「去年我们拿了480万左右（参考）」): context,
never a business figure or a cost of this estimate (bot/estimate/past_awards.py, estimate_words.yml past_awards)."""

from decimal import Decimal

import pytest

from bot.estimate.past_awards import received
from bot.estimate.session import EstimateSession
from bot.estimate.understand import figures, read


def raws(text: str) -> list:
    return [f.raw for f in received(text, figures(text))]


class TestReceived:
    @pytest.mark.parametrize(
        "text, raw",
        [
            ("今年几项加一起最多能拿多少？去年我们拿了480万左右（参考）", "480万"),
            ("前年领过120万的补贴，今年在岸3000万", "120万"),
            ("上年度已获得奖补资金300万", "300万"),
            ("我们之前已经批下来200万扶持资金", "200万"),
        ],
    )
    def test_an_award_received_before_is_found(self, text, raw):
        """A yuan amount after a receiving verb placed in the past is an award received."""
        assert [raw] == raws(text)

    @pytest.mark.parametrize(
        "text",
        [
            "最多能拿到200万吗",  # a question about the cap
            "去年拿了CMMI认证费18万",  # a cost
            "去年增量奖励拿了150万",  # a named award: 三（三）'s base, read by its clause
            "去年在岸拿了500万订单",  # business
            "去年拿了500万的离岸合同",  # business
        ],
    )
    def test_other_amounts_are_not_awards_received(self, text):
        """Questions, costs, business and named awards are read as before."""
        assert [] == raws(text)


class TestInAnEstimate:
    def test_the_award_received_is_no_last_year_figure(self):
        """Last year's one total is still read as the whole of last year beside the award received before."""
        text = "去年我们拿了480万左右（参考）。数据：去年执行额1.6亿（离岸已折人民币）；今年在岸1.688亿，离岸900万美元，汇率6.8，增量多少"
        reading = read(text, items=["3.1", "3.2"])
        assert Decimal("160000000") == reading.fields.get("previous_onshore_cny")
        assert not reading.clarifications
        assert any("480万" in n and "参考" in n for n in reading.notes)

    @pytest.mark.parametrize(
        "text",
        [
            "前年领过120万的补贴。今年在岸3000万 去年在岸2500万 都没有离岸 增量奖多少",
            "上年度已获得奖补资金30万，今年在岸3000万 去年在岸2500万 都没有离岸 增量奖多少",
        ],
    )
    def test_estimate_leaves_it_out(self, text):
        """(3000万 − 2500万) × 3% = 15万: the award received is not counted anywhere."""
        session = EstimateSession.start(text)
        assert "done" == session.status
        total = Decimal(str(session.compute()["total_cny"]))
        assert Decimal("150000") == total
