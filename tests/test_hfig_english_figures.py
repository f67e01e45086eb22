"""Figures typed the English or spreadsheet way (own wording, not the case files'): a lower-cased M next to a dollar
word is a million (the reader's text is lower case), a pasted table's dollar column with K/M cells and an English
year/rate header, 「last year 0」 and 「上年境内境外都没有」, a typo corrected to another currency, 「3%是X万吧」 as the
user's own result (a claim, never an amount), and a lone rate answering the rate question."""

from decimal import Decimal

import pytest

from bot.estimate import claims, tables
from bot.estimate.understand import read
from bot.nlu.normalize import normalize
from calculator.figures_zh import parse_figures
from bot.understand.retractions import without_retracted


def _money(text):
    return [(f.value, f.currency) for f in parse_figures(text) if f.kind == "money"]


@pytest.mark.parametrize(
    "text, value",
    [
        ("离岸2.4m美元", Decimal("2400000")),
        ("离岸0.9m美金", Decimal("900000")),
        ("3.75m刀", Decimal("3750000")),
        ("2.1mn美元", Decimal("2100000")),
        ("1.7 million美金", Decimal("1700000")),
        ("850k美元", Decimal("850000")),
        ("美元 1,450k", Decimal("1450000")),
    ],
)
def test_magnitude_next_to_a_dollar_word_in_either_order(text, value):
    assert _money(normalize(text)) == [(value, "USD")]


@pytest.mark.parametrize("said, value", [("1.6m usd", "1600000"), ("usd 2.2m", "2200000"), ("USD 0.95M", "950000")])
def test_dollar_code_with_m_in_an_estimate(said, value):
    r = read(f"今年离岸 {said} 汇率7.1", items=["3.2"])
    assert r.fields["offshore_usd"] == Decimal(value)


def test_rates_after_a_comma_of_the_normalised_text_are_each_years():
    r = read("2023年按7.05,2024年按7.11", pending="usd_cny_rate", items=["3.1"])
    assert r.fields["previous_usd_cny_rate"] == Decimal("7.05")
    assert r.fields["usd_cny_rate"] == Decimal("7.11")


def test_lower_case_m_alone_is_not_a_million():
    assert not [f for f in parse_figures("楼层高度12m") if f.kind == "money"]
    assert [f.kind for f in parse_figures("办公面积500m2")] == ["area"]


def test_offshore_millions_of_both_years_are_read():
    r = read("今年境内800w 离岸2.6M刀 去年境内700w 离岸2.2M刀 汇率今年7.15 去年7.05", items=["3.1", "3.2"])
    assert r.fields["offshore_usd"] == Decimal("2600000")
    assert r.fields["previous_offshore_usd"] == Decimal("2200000")
    assert r.fields["onshore_cny"] == Decimal("8000000")


def test_usd_column_cells_with_k_and_m_are_dollars():
    text = normalize("年份\t境内(元)\t离岸(usd)\n2024\t3,300,000\t2.05M\n2025\t3,900,000\t2,600K")
    said, problems = tables.read_tables(text)
    assert not problems
    assert "2024年境内3,300,000元，离岸2.05m美元" in said
    assert "2025年境内3,900,000元，离岸2,600k美元" in said


def test_english_header_with_rate_column_reads_years_and_rates():
    r = read(
        "Year  Offshore(USD)  Rate\n2024  3.1M  7.12\n2025  3.4M  7.18\n2025是奖励年度 没有在岸业务",
        items=["3.1", "3.2"],
    )
    assert r.fields["offshore_usd"] == Decimal("3400000")
    assert r.fields["previous_offshore_usd"] == Decimal("3100000")
    assert r.fields["usd_cny_rate"] == Decimal("7.18")
    assert r.fields["previous_usd_cny_rate"] == Decimal("7.12")
    assert not any("看起来不对" in p for p in r.problems)


def test_last_year_zero_with_a_space_is_last_years_offshore():
    r = read("离岸今年210万美元， 去年 0，境内两年都没有", items=["3.1", "3.2"])
    assert r.fields["previous_offshore_usd"] == Decimal(0)
    assert r.fields["offshore_usd"] == Decimal("2100000")


def test_both_kinds_of_last_year_said_none_together():
    r = read("上年在岸和离岸都没有", pending="previous_offshore_usd", items=["3.1"])
    assert r.fields["previous_onshore_cny"] == Decimal(0)
    assert r.fields["previous_offshore_usd"] == Decimal(0)


def test_zero_said_while_the_rate_is_asked_is_no_rate():
    r = read("前一年境外境内也都是0", pending="usd_cny_rate", items=["3.1"])
    assert "usd_cny_rate" not in r.fields
    assert not r.problems


def test_typo_correction_replaces_only_the_currency():
    text = normalize("今年离岸300万美元 上年离岸150万人民币 笔误 应该是150万美元 汇率7.1 上年7.0")
    kept = without_retracted(text)
    assert "上年离岸" in kept and "150万人民币" not in kept
    r = read("今年离岸300万美元 上年离岸150万人民币 哦typo 是150万usd 汇率7.1 上年7.0", items=["3.1", "3.2"])
    assert r.fields["previous_offshore_usd"] == Decimal("1500000")
    assert r.fields["offshore_usd"] == Decimal("3000000")
    assert not r.clarifications


@pytest.mark.parametrize(
    "text",
    [
        "今年在岸9000万 上年在岸2000万 3%=210万对吧",
        "今年在岸2.5亿 去年1.5亿 增量奖励按3%就是300万？",
        "今年境内1.1亿 去年0.3亿 3%得240万",
    ],
)
def test_rate_result_is_a_claim_not_last_years_amount(text):
    r = read(text, items=["3.1"])
    said = {Decimal(c["value"]) for c in r.fields.get("_claims", [])}
    assert said, r.fields
    assert r.fields["previous_onshore_cny"] not in said


def test_share_percentage_is_not_a_result():
    figs = [f for f in parse_figures("执行额500万 其中离岸占60%是300万") if f.kind == "money"]
    assert claims.find("执行额500万 其中离岸占60%是300万", figs) == []


def test_capped_claim_names_the_cap():
    result = {
        "items": [
            {
                "code": "3.1",
                "qualified": True,
                "amount_cny": 2000000.0,
                "capped": True,
                "explanation": "…× 3% = 2,700,000.00元，超过单项上限200万元，按200万元计。",
            }
        ],
        "total_cny": 2000000.0,
    }
    text = claims.compare([{"value": "2700000", "code": "3.1", "total": False, "each": False}], result)
    assert "最高200万元" in text and "270万" in text


@pytest.mark.parametrize("answer, rate", [("6.98 吧", "6.98"), ("7.12。去年的我再查", "7.12"), ("大约7.2左右", "7.2")])
def test_lone_rate_answer_is_the_rate_asked(answer, rate):
    r = read(answer, pending="usd_cny_rate", items=["3.2"])
    assert r.fields.get("usd_cny_rate") == Decimal(rate)


def test_lone_number_with_a_unit_is_no_rate():
    r = read("8万", pending="usd_cny_rate", items=["3.2"])
    assert "usd_cny_rate" not in r.fields
