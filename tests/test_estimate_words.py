"""knowledge/data/estimate_words.yml: every word list steers the estimate reader as documented."""

import re

import pytest
from decimal import Decimal

from bot.estimate.session import EstimateSession
from bot.estimate.understand import english_to_chinese, estimate_words

WORDS = estimate_words()


@pytest.mark.parametrize("region", ["domestic", "overseas"])
def test_every_place_decides_the_region(region):
    """A fair held at any listed place is 境内 / 境外 as listed."""
    for place in WORDS["places"][region]:
        s = EstimateSession.start(f"去{place}参展 展位费2万 补贴多少")
        assert [region] == [f["region"] for f in s.inputs.get("fairs", [])], place


def test_eligible_costs_are_counted():
    for word in WORDS["fair_costs"]["eligible"]:
        s = EstimateSession.start(f"去迪拜参展 {word}3万 补贴多少")
        assert [30000] == [f["cost_cny"] for f in s.inputs.get("fairs", [])], word


def test_costs_not_covered_are_named_and_left_out():
    for word in WORDS["fair_costs"]["not_covered"]:
        s = EstimateSession.start(f"去迪拜参展 展位费3万 {word}1万 补贴多少")
        assert [30000] == [f["cost_cny"] for f in s.inputs.get("fairs", [])], word
        named = english_to_chinese(word)  # English words are read through the glossary
        assert any(named in n and "不计入" in n for n in s.notes), word


def test_english_glossary_translates_each_entry():
    for english, chinese in WORDS["english"].items():
        assert chinese in english_to_chinese(f"x {english} y"), english


@pytest.mark.parametrize(
    "text,expected",
    [
        ("offshore three point two million dollars", "offshore 3.2 million dollars"),
        ("onshore forty-five million yuan", "onshore 45 million yuan"),
        ("one hundred twenty thousand usd", "120 thousand usd"),
        ("one of the booths was free", "one of the booths was free"),  # no scale or currency after it
    ],
)
def test_spelled_english_numbers_become_digits(text, expected):
    from bot.estimate.reading import spelled_numbers

    assert expected == spelled_numbers(text)


def test_spelled_numbers_reach_the_estimate():
    """(45,000,000 − 38,500,000) × 3% = 195,000."""
    from bot.estimate.session import EstimateSession

    s = EstimateSession.start(
        "onshore this year forty-five million yuan, last year thirty-eight point five million, no offshore 增量奖"
    )
    assert "done" == s.status and Decimal("195000") == s.compute()["total_cny"]


def test_english_count_of_fairs_and_flat_onshore():
    """「2 domestic fairs: 30k, 15k」 are two fairs (2万 cap + 1.05万 = 30,500); 「onshore flat at 500万」 is both years."""
    s = EstimateSession.start("booth fees for 2 domestic fairs: 30k, 15k RMB. how much")
    assert [Decimal(30000), Decimal(15000)] == [f["cost_cny"] for f in s.inputs["fairs"]]
    assert Decimal("30500") == s.compute()["total_cny"]
    flat = EstimateSession.start("onshore flat at 500万, offshore USD 1.2 million this year, none last year, rate 7.0")
    assert flat.inputs["previous_onshore_cny"] == flat.inputs["onshore_cny"] == Decimal(5000000)


def test_english_rates_for_each_year():
    """「rate 7.12 for this year and 6.98 for last year」: each year its own rate, no number made of 「and」."""
    s = EstimateSession.start(
        "offshore USD 1.3 million this year and USD 1.1 million last year, no onshore. "
        "Exchange rate 7.12 for this year and 6.98 for last year. increment award?"
    )
    assert (Decimal("7.12"), Decimal("6.98")) == (s.inputs["usd_cny_rate"], s.inputs["previous_usd_cny_rate"])
    assert "0" not in [str(v) for k, v in s.inputs.items() if k.endswith("offshore_usd")]


@pytest.mark.parametrize(
    "text",
    [
        "去年离岸执行额1,000,000 USD 一分不多一分不少 汇率按7.1",
        "离岸 1,000,000 usd 一分钱都不差 rate 7.1",
        "offshore 1000000 USD 一分都没少 汇率7.1",
    ],
)
def test_code_after_a_figure_takes_no_next_number(text):
    """R62Q004: 「1,000,000 USD 一分不多」 — USD written after the figure is its unit, not a code before 「一分」 (it had
    made the offshore amount 1美元)."""
    assert Decimal(1000000) == EstimateSession.start(text).inputs["offshore_usd"]


PLATFORM_WORDS = WORDS["platforms"]


@pytest.mark.parametrize("part", PLATFORM_WORDS["parts"])
def test_each_platform_part_stays_one_platform(part):
    """A platform's costs named part by part (硬件 60万 and a second part) are one platform, not two."""
    from bot.estimate.understand import read

    r = read(f"建了一个公共技术服务平台 {part}60万 正版软件40万 补贴多少", items=["3.9"])
    assert len(r.fields.get("platforms") or []) == 1, r.fields


@pytest.mark.parametrize("word", PLATFORM_WORDS["several"])
def test_each_several_word_keeps_platforms_apart(word):
    """「…分别…」「每个平台…」: the costs belong to several platforms, never summed into one."""
    from bot.estimate.clauses.platforms import SEVERAL

    assert re.search(SEVERAL, f"两个平台{word}投入了300万和200万")
    assert re.search(SEVERAL, "建了3个平台")
    assert not re.search(SEVERAL, "建了一个平台 硬件60万")


@pytest.mark.parametrize("word", PLATFORM_WORDS["same"])
def test_each_same_platform_word_points_back(word):
    from bot.estimate.clauses.platforms import SAME_PLATFORM

    assert re.fullmatch(SAME_PLATFORM, word)
