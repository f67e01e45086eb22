"""Estimates told in English (own wording, not the case files'): a negation before a policy word flips it (「non-学历教育」
「excluding 学历教育」), 「per head / each person」 is a cost per person, a heading naming two years leaves each line's
parenthesised year to its figure, English cost words (servers, salaries, booth, flights) go to the right item or are
named as not covered, a rate corrected in English recomputes, and a result the user guessed (「so roughly ¥250万?」) is
checked, never taken as an amount."""

from decimal import Decimal

import pytest

from bot.answers import router
from bot.estimate.session import EstimateSession
from bot.estimate.understand import read
from bot.understand.english_negations import chinese_negations, negations
from bot.understand.facts import read_facts
from knowledge import shapes


# --- negations -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("said, out", negations()["examples"])
def test_english_negations_examples(said, out):
    assert chinese_negations(said) == out


@pytest.mark.parametrize(
    "said",
    [
        "Our managers took a non-学历教育 course on 涉外 projects",
        "The programme was excluding 学历教育, purely 业务培训",
        "It isn't 学历教育 at all, just a PMP prep class",
        "this was not a 学历教育 programme",
    ],
)
def test_negated_degree_education_is_no_degree_education(said):
    assert read_facts(said)["degree_education"] is False


def test_degree_education_said_plainly_still_holds():
    assert read_facts("two of them are doing 学历教育 (an EMBA) paid by us")["degree_education"] is True


def test_negated_foreign_related_training():
    assert read_facts("the course does not involve 涉外业务, it was internal")["training_foreign_related"] is False


# --- per person ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "said, each",
    [
        ("5 project managers (本科) on a 涉外业务 course, RMB 12,000 per head, non-学历教育", Decimal("12000")),
        ("we trained 3 project managers with 硕士 degrees for 涉外 work, ¥20k each person", Decimal("20000")),
        ("4 project managers, all 本科, 涉外业务 training at ¥9,500 per participant", Decimal("9500")),
    ],
)
def test_english_per_person_cost(said, each):
    r = read(said, items=["3.7.3"])
    assert not [c for c in r.clarifications if c.kind == "per_or_total"]
    people = r.fields["senior_training"]
    assert people and all(p["cost_cny"] == each for p in people)


# --- two-year headings and parenthesised last-year figures ---------------------------------------------------------
@pytest.mark.parametrize(
    "said",
    [
        "this year vs last year for our firm:\nonshore 5,000万 (last year 4,100万)\noffshore USD 2.2M (last year USD 1.5M)\n"
        "rate this year 7.0, last year 6.8",
        "今年和去年对比如下：\n在岸5000万（去年4100万）\n离岸220万美元（去年150万美元）\n汇率今年7.0，去年6.8",
        "This year compared with last year:\n在岸 5000万 (去年 4100万)\n离岸 USD 2.2M (去年 USD 1.5M)\n今年汇率7.0 去年汇率6.8",
    ],
)
def test_two_year_heading_leaves_each_figure_its_year(said):
    f = read(said, items=["3.1", "3.2"]).fields
    assert f["onshore_cny"] == Decimal("50000000")
    assert f["previous_onshore_cny"] == Decimal("41000000")
    assert f["offshore_usd"] == Decimal("2200000")
    assert f["previous_offshore_usd"] == Decimal("1500000")


def test_a_one_year_heading_still_labels():
    f = read("去年的：境内2000万 没有离岸。今年境内2600万，汇率今年7.1", items=["3.1"]).fields
    assert f["previous_onshore_cny"] == Decimal("20000000")
    assert f["onshore_cny"] == Decimal("26000000")


# --- English cost words --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "said, platform, excluded",
    [
        (
            "Our 公共技术服务平台: servers ¥3.1M, software licenses ¥0.9M, staff salaries ¥0.6M",
            Decimal("4000000"),
            "工资",
        ),
        (
            "For the 公共服务平台 we spent RMB 2m on equipment, RMB 0.5m on licensed software and RMB 0.4m on wages",
            Decimal("2500000"),
            "工资",
        ),
        (
            "公共技术服务平台 this year — hardware 150万, software 50万, wages 30万, renovation 20万",
            Decimal("2000000"),
            "装修",
        ),
    ],
)
def test_english_platform_costs(said, platform, excluded):
    r = read(said, items=["3.9"])
    assert [p["cost_cny"] for p in r.fields["platforms"]] == [platform]
    assert any(excluded in n for n in r.notes)


@pytest.mark.parametrize(
    "said, cost, travel",
    [
        ("one 境外 trade fair in Tokyo: booth ¥45k, airfares ¥18k, lodging ¥9k", Decimal("45000"), "机票"),
        ("We went to one 境外 expo in Dubai: registration fee ¥8k, booth ¥30k, hotel ¥12k", Decimal("38000"), "酒店"),
        ("one overseas exhibition in Berlin: booth construction ¥20k, booth ¥25k, visas ¥3k", Decimal("45000"), "签证"),
    ],
)
def test_english_fair_costs(said, cost, travel):
    r = read(said, items=["3.5"])
    assert [x["cost_cny"] for x in r.fields["fairs"]] == [cost]
    assert any(travel in n for n in r.notes)


def test_platform_salary_is_no_fair_cost_beside_a_fair():
    r = read(
        "建了一个服务外包公共技术服务平台：服务器300万，正版软件100万，人员工资50万。另外参加了一个境外展会：展位费5万，机票1万",
        items=["3.9", "3.5"],
    )
    assert not r.clarifications
    assert [p["cost_cny"] for p in r.fields["platforms"]] == [Decimal("4000000")]
    assert [x["cost_cny"] for x in r.fields["fairs"]] == [Decimal("50000")]


# --- rate corrections in English -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "said, field, value",
    [
        ("Sorry, typo: the rate for this year is 7.2, not 6.9.", "usd_cny_rate", Decimal("7.2")),
        ("My mistake — last year's rate was 6.85, not 6.9", "previous_usd_cny_rate", Decimal("6.85")),
        ("oops, the exchange rate of this year should read 7.05 instead of 6.9", "usd_cny_rate", Decimal("7.05")),
    ],
)
def test_english_rate_correction_recomputes(said, field, value):
    s = EstimateSession.start(
        "Offshore USD 3M this year, USD 2M last year, no 在岸 either year, rate this year 6.9, last year 6.9. 第三条（一）（二）?"
    )
    assert s.status == "done"
    turn = s.handle(said, "correct_value")
    assert any("已更正" in m for m in turn.messages)
    assert s.inputs[field] == value


@pytest.mark.parametrize(
    "said",
    ["Correction: the 中间价 for this year is 7.12", "typo — offshore was USD 2.4M", "the rate should be 7.1, not 6.9"],
)
def test_english_correction_is_routed_to_the_running_estimate(said):
    assert shapes.search("correction", said[:12]) or shapes.search("replaces_figure", said)


def test_not_a_cent_more_is_no_replaced_figure():
    assert not shapes.search("replaces_figure", "it was exactly USD 1,000,000, not a cent more")


# --- the user's own guess ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "said",
    [
        "离岸 USD 4M this year, rate 7.0. The 第三条（二） award is 10%, so roughly ¥280万?",
        "offshore this year USD 4M, rate 7.0 — 10% of that, I get 280万, correct?",
        "Offshore USD 4M, rate 7.0; at 10% that's about ¥280万 right?",
    ],
)
def test_english_guess_is_no_amount(said):
    r = read(said, items=["3.2"])
    assert r.fields["offshore_usd"] == Decimal("4000000")
    assert not r.clarifications
    assert "onshore_cny" not in r.fields


# --- a rule cited for a part naming no item keeps the subject ------------------------------------------------------
@pytest.mark.parametrize(
    "said",
    [
        "We did about USD 1M 离岸 this year, not checked yet. Do we qualify for 第三条（二）? rate we'd use 7.0",
        "离岸业务一百来万美元 还没核实 第三条（二）能报吗？汇率用哪年的？",
        "Our 离岸 contracts were roughly 1.1M USD. Eligible for the offshore award? And which 汇率 applies?",
    ],
)
def test_rate_part_keeps_the_item_asked_as_topic(said):
    assert router.compose(None, said).clause == "3.2"
