"""This year's total said to hold its offshore part converted, in a bracket right after it (「今年2亿（离岸已折好人民币）」
「今年2.3亿(离岸已折人民币算进去了)」): 离岸 there names no kind of that figure — it is never asked 「是美元还是人民币」;
with the business named once for both years, both are whole totals and the increment is their difference
(bot/estimate/understand._kind_after, bot/estimate/year_totals.py)."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession


def _increment_item(text):
    session = EstimateSession.start(text)
    assert "done" == session.status, session.status
    return next(i for i in session.compute()["items"] if i["code"] == "3.1")


@pytest.mark.parametrize(
    "text, award",
    [
        # (2亿 − 1.5亿) × 3% = 150万
        ("去年执行额1.5亿，今年2亿（离岸已折好人民币），增量奖励多少", "1500000"),
        # (2.3亿 − 1.5亿) × 3% = 240万 → 200万
        ("合同执行额去年1.5亿今年2.3亿(离岸已折人民币算进去了) 增量奖励能拿多少", "2000000"),
        # (5200万 − 4800万) × 3% = 12万
        ("服务外包执行额去年4800万，今年5200万（离岸部分已经折算成人民币了），算下增量", "120000"),
        # (9000万 − 8000万) × 3% = 30万
        ("执行额去年8000万 今年9000万(离岸已按7.1折进去了) 增量奖多少", "300000"),
    ],
)
def test_whole_totals_with_offshore_converted_after_this_year(text, award):
    item = _increment_item(text)
    assert Decimal(award) == Decimal(str(item["amount_cny"]))


def test_no_currency_question_of_the_total():
    session = EstimateSession.start("去年执行额1.5亿，今年2亿（离岸已折好人民币），增量奖励多少")
    assert "美元还是人民币" not in (session.question() or "")
