"""A rate said right after its year with no rate word (own wording): 「2024年7.12，2023年7.08」 answering the rate
question are the two years' rates; a figure with a unit or outside the dollar's range stays what it was."""

from decimal import Decimal

import pytest

from bot.estimate.understand import Reader
from calculator.figures_zh import parse_figures


@pytest.mark.parametrize("said", ["2024年7.12，2023年7.08", "2024年是7.12 2023年是7.08", "今年7.12；去年7.08"])
def test_rates_after_their_years(said):
    fields = Reader(said, pending="usd_cny_rate").read().fields
    assert fields["usd_cny_rate"] == Decimal("7.12")
    assert fields["previous_usd_cny_rate"] == Decimal("7.08")


@pytest.mark.parametrize("text", ["2024年7.5万", "2024年1.25", "2024年7.1亿", "2024年3.75"])
def test_other_figures_after_a_year_are_no_rates(text):
    assert all(f.kind != "rate" for f in parse_figures(text))


@pytest.mark.parametrize(
    "said, prev",
    [
        ("不好意思 去年的汇率我写错了 应该是6.8 今年7.1没问题", "6.8"),
        ("去年中间价我打错了，其实是6.95，今年的7.1是对的", "6.95"),
    ],
)
def test_a_corrected_rate_after_its_rate_word(said, prev):
    from bot.estimate.session import EstimateSession

    s = EstimateSession.start("去年离岸150万美元，今年离岸200万美元，没有在岸。汇率去年7.0、今年7.1。各多少")
    s.handle(said)
    assert s.inputs["previous_usd_cny_rate"] == Decimal(prev)
    assert s.inputs["usd_cny_rate"] == Decimal("7.1")


def test_batch_count_before_the_batches_names_none():
    from bot.estimate.session import EstimateSession

    s = EstimateSession.start(
        "认定的培训机构 今年办了三期班 第一期20人 第二、三期各25人 都是大专以上 都考核通过 都签了一年以上合同"
    )
    assert s.inputs["institution_trainees"] == 70
