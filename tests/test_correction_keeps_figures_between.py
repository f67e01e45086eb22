"""A correction inside one message replaces the figure it corrects and nothing said between them (R63E004)."""

import pytest


@pytest.mark.parametrize(
    "text, usd, rate",
    [
        ("离岸执行额两百万刀 汇率6.95 离岸奖励多少 哦不对 是180万美元 刚看错了", "1800000", "6.95"),
        ("今年离岸150万美元 中间价7.1 不对不对 是160万美元", "1600000", "7.1"),
        ("offshore 2.3m USD rate 7.05 能拿多少 哦不对 是210万美元", "2100000", "7.05"),
    ],
)
def test_figures_between_the_old_figure_and_the_correction_stay(text, usd, rate):
    """R63E004: 「两百万刀 汇率6.95 …哦不对 是180万美元」: only the dollars are corrected; the rate said between them
    stays (it had been blanked with the old figure, and the rate asked again)."""
    from decimal import Decimal

    from bot.estimate.session import EstimateSession

    inputs = EstimateSession.start(text).inputs
    assert (Decimal(usd), Decimal(rate)) == (inputs["offshore_usd"], inputs["usd_cny_rate"])
