"""A figure corrected in the same message by one that names its year at most (「今年合计9800万，说错了今年是9860万」):
the new figure keeps the kind the old one was said with (合计, 在岸, 离岸), so it is read as that kind
(bot/understand/retractions.py)."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.understand.retractions import without_retracted


class TestWithoutRetracted:
    @pytest.mark.parametrize(
        "text, head",
        [
            ("去年合计1.05亿，今年合计9800万，说错了今年是9860万，离岸320万美元", "今年合计"),
            ("今年在岸9800万，哦不对今年是9860万，离岸320万美元", "今年在岸"),
            ("去年总执行额1.2亿，今年总执行额1.3亿，不对不对，今年是1.35亿", "今年总执行额"),
        ],
    )
    def test_the_claims_words_head_the_new_figure(self, text, head):
        """Only the old figure and the words up to the new one are blanked."""
        out = without_retracted(text)
        assert len(text) == len(out)
        new = [w for w in ("9860万", "1.35亿") if w in text][0]
        assert out.index(new) > out.index(head)
        assert out[out.index(head) + len(head) : out.index(new)].strip() == ""

    def test_a_replacement_naming_another_kind_is_read_as_said(self):
        """「今年合计9800万，不对，去年是9860万」: another year, the claim gives way whole."""
        out = without_retracted("今年合计9800万，不对，去年是9860万")
        assert "合计" not in out and "去年是9860万" in out


class TestEstimate:
    @pytest.mark.parametrize(
        "text, increment",
        [
            # whole totals: 9860万 − 1.05亿 < 0
            ("去年合计1.05亿，今年合计9800万，说错了今年是9860万，离岸320万美元 汇率7.05 增量多少", "0"),
            # (1.35亿 − 1.2亿) × 3%
            ("去年总执行额1.2亿，今年总执行额1.3亿，不对不对，今年是1.35亿，离岸200万美元 汇率7 增量多少", "450000"),
            # onshore: (9860万 + 320万美元 × 7.05 − 1亿) × 3%
            ("去年在岸1亿 离岸0 今年在岸9800万，哦不对今年是9860万，离岸320万美元 中间价7.05 增量多少", "634800"),
        ],
    )
    def test_corrected_figure_keeps_its_kind(self, text, increment):
        """The increment from the corrected figure read as the kind it was first said with, nothing asked."""
        session = EstimateSession.start(text)
        assert "done" == session.status and not session.clarify
        item = next(i for i in session.compute()["items"] if i["code"] == "3.1")
        assert Decimal(increment) == Decimal(str(item["amount_cny"]))
