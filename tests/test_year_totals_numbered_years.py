"""Two years' whole business named by their numbers (「2020年执行额… 2021年总执行额…（含离岸折算）」), last year said to
have had no offshore business: last year's figure is its whole (onshore) business, this year's total holds the
converted offshore, so 三（一） is total less total and the dollars serve 三（二） alone. Wording of our own."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession

D = Decimal


@pytest.mark.parametrize(
    "text,total",
    [
        # (9000万 − 6000万) × 3% = 90万; 300万美元 × 7.1 × 10% = 213万 → 200万
        (
            "2023年执行额6000万 2024年总执行额9000万（含离岸折算）2024年离岸300万美元 汇率7.1 2023年没有离岸 能拿多少",
            D(2900000),
        ),
        # (1.1亿 − 8000万) × 3% = 90万; 500万美元 × 7.1 × 10% → 200万
        (
            "去年执行额8000万 今年总执行额1.1亿 含离岸折算 今年离岸500万美元 汇率7.1 去年没有离岸业务 增量和离岸能拿多少",
            D(2900000),
        ),
        # (4000万 − 3500万) × 3% = 15万; 150万美元 × 6.9 × 10% = 103.5万
        ("22年执行额3500万 23年总执行额4000万 这个含离岸折算 23年离岸150万美元 汇率6.9 22年没有离岸业务", D(1185000)),
    ],
)
def test_totals_less_totals(text, total):
    s = EstimateSession.start(text)
    assert [] == s.missing()
    assert D(0) == s.inputs["previous_offshore_usd"]
    assert total == D(str(s.compute()["total_cny"]))


def test_this_years_total_is_never_onshore_as_said():
    s = EstimateSession.start(
        "2020年执行额1亿 2021年总执行额1.6亿（含离岸折算）2021年离岸500万美元 汇率6.5 2020年没有离岸"
    )
    assert D(160000000) != s.inputs.get("onshore_cny")
