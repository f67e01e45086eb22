"""A year's business amount is never an item's cost (own wording): 「2024年境内3100万，2023年2600万；PCMM认证费12万」
gives the certification 12万 only and the two years to 三（一）; a figure inside quotation marks (the rule quoted,
「"超过100万美元"」) is not the user's own fact."""

from decimal import Decimal

import pytest

from bot.estimate.items import detect_items
from bot.estimate.understand import read
from bot.nlu.normalize import normalize
from bot.understand.facts import read_facts
from bot.answers.router import understand


def _read(text):
    return read(text, items=detect_items(normalize(text))).fields


@pytest.mark.parametrize(
    "text, costs",
    [
        ("2024年境内3100万，2023年2600万；PCMM认证费12万", [Decimal("120000")]),
        (
            "增量这块：今年在岸执行额1800万 去年1500万\n资质：CMMI5新认证花了35万 ITSS维护4万",
            [Decimal("350000"), Decimal("40000")],
        ),
        ("去年营收2000万 今年2600万 另外ISO27001认证费5万", [Decimal("50000")]),
    ],
)
def test_business_amounts_stay_out_of_certification_costs(text, costs):
    f = _read(text)
    assert [c["cost_cny"] for c in f["certifications"]] == costs


def test_year_amounts_still_go_to_the_business():
    f = _read("2024年境内3100万，2023年2600万；PCMM认证费12万")
    assert f["onshore_cny"] == Decimal("31000000") and f["previous_onshore_cny"] == Decimal("26000000")


@pytest.mark.parametrize(
    "said",
    [
        "文件写的是“超过100万美元”，我们今年离岸正好100万美元",
        "政策原话「超过100万美元」 我们今年离岸做了整整100万美元",
    ],
)
def test_quoted_rule_is_not_the_users_figure(said):
    span = read_facts(understand(said)).get("offshore_usd")
    assert span is not None and span.lo == Decimal("1000000") and span.hi == Decimal("1000000")
