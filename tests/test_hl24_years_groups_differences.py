"""Round-24 classes, in our own wording: fiscal years said with a label (FY / 财年 / 财务年度 / 23年度) are that
calendar year; a bare year before 按 and a rate labels the rate; per-person costs of several groups keep each group's
count and cost, also when the training is described as offshore-related; a difference between two years (比去年少了
差不多X) is never a year's amount, and the whole business being less than last year means there is no increment;
one person's own question beside a group estimate is not the group's fact."""

from decimal import Decimal

import pytest

from bot.estimate.other_subject import names_another
from bot.estimate.reading import fiscal_years
from bot.estimate.understand import read, whole_business_fell
from bot.understand.facts import read_facts
from bot.nlu.normalize import normalize


# --- fiscal years ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "said, year",
    [
        ("FY2024 离岸", "2024年度"),
        ("fy 25 的离岸", "2025年度"),
        ("Fiscal year 2022 offshore", "2022年度"),
        ("2024财年在岸", "2024年度"),
        ("24财年在岸", "2024年度"),
        ("2022财务年度", "2022年度"),
        ("2021会计年度", "2021年度"),
        ("25年度离岸", "2025年度"),
    ],
)
def test_fiscal_year_labels_are_calendar_years(said, year):
    assert year in fiscal_years(said)


@pytest.mark.parametrize("said", ["满12年度", "第23年度", "两个年度", "0.25年度", "FY2023.5"])
def test_numbers_that_are_no_fiscal_year_stay(said):
    assert fiscal_years(said) == said


def test_fy_labelled_amounts_and_rates_are_read_by_year():
    r = read(
        "FY2025 offshore USD 3.2 million, FY2024 offshore USD 2.5 million. Rates: 2025 按7.2，2024 按7.0。离岸奖多少",
        items=["3.1", "3.2"],
    )
    f = r.fields
    assert f["year"] == 2025
    assert f["offshore_usd"] == Decimal("3200000")
    assert f["previous_offshore_usd"] == Decimal("2500000")
    assert f["usd_cny_rate"] == Decimal("7.2")
    assert f["previous_usd_cny_rate"] == Decimal("7.0")


def test_caishen_year_amounts_go_to_their_years():
    r = read("24财年离岸180万美元，25财年离岸260万美元，汇率2025年按7.2，2024年按7.1", items=["3.1"])
    assert r.fields["year"] == 2025
    assert r.fields["offshore_usd"] == Decimal("2600000")
    assert r.fields["previous_offshore_usd"] == Decimal("1800000")


# --- groups of people, each at its own per-person cost --------------------------------------------------------------


def test_groups_keep_their_own_cost_beside_offshore_described_training():
    r = read(
        "派了9个项目经理参加离岸项目交付相关的业务培训，6个人每人花了5万，3个人每人花了2万，能补多少",
        items=["3.7.3"],
    )
    costs = [p["cost_cny"] for p in r.fields["senior_training"]]
    assert costs == [Decimal("50000")] * 6 + [Decimal("20000")] * 3


def test_english_offshore_words_do_not_hide_the_training_costs():
    r = read(
        "We sent 4 project managers to an offshore delivery related training. 3个人每人花了6万，1个人花了2万。",
        items=["3.7.3"],
    )
    costs = [p["cost_cny"] for p in r.fields["senior_training"]]
    assert sorted(costs) == [Decimal("20000"), Decimal("60000"), Decimal("60000"), Decimal("60000")]


def test_an_offshore_amount_beside_training_is_still_the_offshore_amount():
    r = read("离岸执行额300万美元，另外3个项目经理参加离岸项目管理培训，每人4万", items=["3.2", "3.7.3"])
    assert r.fields["offshore_usd"] == Decimal("3000000")
    assert [p["cost_cny"] for p in r.fields["senior_training"]] == [Decimal("40000")] * 3


@pytest.mark.parametrize(
    "part, other",
    [
        ("另外有个项目经理在读在职mba 学费能报吗", True),
        ("also 有个pm在读非全日制研究生 学费能报吗", True),
        ("其中一位总监的emba学费能不能报", True),
        ("我们有个项目经理", False),
        ("这些培训费能报多少", False),
    ],
)
def test_one_person_spoken_of_in_a_part_of_its_own(part, other):
    assert names_another(part) is other


# --- differences between two years ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "said",
    [
        "今年离岸比去年少了大概80万美元，离岸奖还有吗",
        "今年在岸比去年多了差不多300万 增量奖多少",
        "离岸今年比上年度减少了约40万美元 离岸奖励还能拿吗",
    ],
)
def test_a_difference_is_no_years_amount(said):
    r = read(said, items=["3.1", "3.2"])
    assert not {
        k for k in r.fields if k in ("offshore_usd", "previous_offshore_usd", "onshore_cny", "previous_onshore_cny")
    }
    # an onshore rise is the user's own increment, used as said (bot/estimate/stated_increment.py); a dollar
    # difference is named, never computed
    assert r.problems or r.fields.get("onshore_increment_cny") == 3000000


def test_whole_business_less_than_last_year_has_no_increment():
    r = read("国内加国外两块合起来今年比去年少了将近一百五十万，增量奖励还有没有", items=["3.1"])
    assert any("没有增量" in p for p in r.problems)
    assert "onshore_cny" not in r.fields and "previous_onshore_cny" not in r.fields


@pytest.mark.parametrize(
    "clause, fell",
    [
        ("在岸加离岸算下来比去年少了差不多", True),
        ("总的执行额比上年度下降了", True),
        ("业务比去年少了", True),
        ("在岸比去年少了", False),
        ("培训费比去年少了", False),
        ("在岸加离岸比去年多了", False),
    ],
)
def test_whole_business_fell(clause, fell):
    assert (whole_business_fell(clause) is not None) is fell


@pytest.mark.parametrize(
    "said",
    ["境内加境外合起来比上一年少了两百万左右 增量奖还能拿吗", "总的算下来比去年低了大概三百万"],
)
def test_whole_business_fell_is_a_failed_growth_fact(said):
    assert read_facts(normalize(said)).get("business_grew") is False


def test_not_less_is_no_failed_growth():
    assert read_facts(normalize("在岸加离岸比去年不少")).get("business_grew") is not False
