"""Typos of 离岸/在岸 in an estimate's figures (synonyms.yml typos of the same length, mended where the estimate reads
the message): 「离案800万美元」 is offshore business, never an onshore amount asked to be converted."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from knowledge.text import mend_typos_in_place


def amounts(session) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in session.compute()["items"]}


class TestMendTyposInPlace:
    @pytest.mark.parametrize("typed", ["离案", "理岸", "离按", "离暗"])
    def test_offshore_typos_are_mended(self, typed):
        """Each known typo of 离岸 reads as 离岸, the text's length kept."""
        text = f"今年{typed}120万美元"
        assert "今年离岸120万美元" == mend_typos_in_place(text)

    def test_typos_of_another_length_are_left(self):
        """A typo whose mend is longer (冇 → 没有) is not mended here: positions must hold."""
        assert "冇离岸" == mend_typos_in_place("冇离岸")


class TestTypoInAnEstimate:
    @pytest.mark.parametrize(
        "text, offshore",
        [
            (
                "去年全年执行额1.5亿（离岸那部分已经按去年中间价折好人民币了），今年在岸1.6亿，离案800万美元，今年中间价按7.0算，增量和离岸各多少",
                "2000000",
            ),
            ("今年理岸150万美元 汇率7.1 离岸奖励多少", "1065000"),
            ("今年离暗150万美元 汇率7.1 离岸奖励多少", "1065000"),
            ("今年离按200万美元 汇率7 离岸奖励能拿多少", "1400000"),
        ],
    )
    def test_offshore_typed_wrong_is_offshore(self, text, offshore):
        """The dollars after a typo of 离岸 are this year's offshore business, computed with no question."""
        session = EstimateSession.start(text)
        assert "done" == session.status and not session.clarify
        assert Decimal(offshore) == amounts(session)["3.2"]
