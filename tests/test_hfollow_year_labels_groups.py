"""A year written as a heading (「上年度：…」「2023年：…」「去年的话，…」) scopes every figure and every none after it
until another year word, so a none said under last year's heading never zeroes this year's amount; a training total
for people named in the plural or as a team (「骨干们」「整个交付团队」「全体中层」) is never one person's cost; a user who says
the business is not a new enterprise is estimating 三（一）, whose last-year amounts are asked; an open question with
this year's offshore amount alone says what 三（一） would need. The wording here is the team's own."""

from decimal import Decimal

import pytest

from bot.estimate.clauses.senior_training import _unnamed_group
from bot.estimate.session import EstimateSession
from bot.estimate.understand import read
from bot.estimate.year_label import earlier_label, label_before
from bot.understand.facts import read_facts

KNOWN = {"onshore_cny": Decimal(8000000), "offshore_usd": Decimal(1500000)}


# --- year headings ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "said",
    [
        "上年度：国内业务1800万，无离岸。今年汇率7.05",
        "去年的话，境内做了1500万 离岸也没有 今年汇率按7.2",
        "上一年度数据: 在岸2100万 没做离岸；汇率今年7",
        "去年——在岸900万，没有离岸业务",
    ],
)
def test_none_under_last_years_heading_is_last_years_only(said):
    r = read(said, pending="business_previous", items={"3.1", "3.2"}, known=KNOWN)
    assert r.fields.get("previous_offshore_usd") == Decimal(0)
    assert "offshore_usd" not in r.fields  # this year's 150万美元 is untouched
    assert r.fields["previous_onshore_cny"] > 0


def test_a_later_year_word_ends_the_heading():
    said = "去年的：在岸1200万。今年：离岸没有"
    assert earlier_label(said, said.index("在岸"))
    assert not earlier_label(said, said.rindex("离岸"))


def test_year_word_without_heading_mark_is_no_label():
    said = "今年在岸1000万 去年900万 没有离岸"
    assert label_before(said, said.index("离岸")) is None
    r = read(said, items={"3.1", "3.2"})
    assert r.fields["offshore_usd"] == Decimal(0) and r.fields["previous_offshore_usd"] == Decimal(0)


def test_this_year_fact_not_denied_under_last_years_heading():
    assert read_facts("上年度：国内业务1800万，无离岸").get("offshore_usd") is None


def test_heading_reply_keeps_this_years_offshore_award():
    """今年在岸900万、离岸130万美元; 上年度：在岸2500万 无离岸, 汇率7.0 → 三（二） 130万 × 10% × 7.0 = 91万;
    三（一） (900万 + 910万) − 2500万 < 0 → 0."""
    session = EstimateSession.start("今年在岸900万 离岸130万美元 增量和离岸奖励分别多少")
    assert session.status == "collecting"
    session.handle("上年度：在岸2500万 无离岸。今年汇率7.0", "inform")
    result = session.compute()
    amounts = {i["code"]: i["amount_cny"] for i in result["items"]}
    assert amounts["3.2"] == Decimal("910000")
    assert amounts["3.1"] == 0


# --- a group of unnamed size ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "said",
    [
        "技术骨干们参加了架构师研修",
        "整个交付团队做了一轮PMP培训",
        "全体中层去上了高级管理课程",
        "各部门的主管参加了培训",
    ],
)
def test_plural_and_collective_people_are_a_group(said):
    assert _unnamed_group(said)


@pytest.mark.parametrize("said", ["我们的一个项目经理参加了培训", "派了项目经理张工去培训"])
def test_one_person_is_no_group(said):
    assert not _unnamed_group(said)


def test_group_total_asks_people_and_each_cost():
    r = read("安排技术骨干们去上海做高级研修 一共花了36万 中高级人才培训补贴多少", items={"3.7.3"})
    assert "senior_training" not in r.fields
    assert any("人数" in p and "每人" in p for p in r.problems)


def test_group_with_count_is_still_computed():
    r = read("交付团队的6个项目经理参加了培训 每人2万 能补多少", items={"3.7.3"})
    assert [p["cost_cny"] for p in r.fields["senior_training"]] == [Decimal(20000)] * 6


# --- 三（一） follows from what is said --------------------------------------------------------------------------------


def test_not_a_new_enterprise_asks_last_year():
    session = EstimateSession.start("今年离岸做了210万美元 汇率7.15 能拿多少")
    assert session.items == ["3.2"]
    session.handle("我们不是新成立的企业，今年也没有在岸", "inform")
    assert "3.1" in session.items
    assert session.status == "collecting"
    assert "上一年度" in session.question()


def test_open_question_with_offshore_alone_says_what_the_increment_needs():
    session = EstimateSession.start("今年离岸做了210万美元 汇率7.15 能拿多少")
    assert session.status == "done"
    assert any("上一年度" in n and "第三条第（一）项" in n for n in session.notes)


def test_offshore_award_named_gets_no_increment_note():
    session = EstimateSession.start("今年离岸做了210万美元 汇率7.15 离岸奖励能拿多少")
    assert not any("第三条第（一）项" in n for n in session.notes)


def test_group_total_in_a_policy_question_is_asked_not_dropped():
    """Read as a question about the clause (ask_subsidy), the group's total is still answered: the number of people
    and each one's cost are asked, and the total is never taken as one person's."""
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    from actions.policy import ActionAnswerPolicy
    from tests.test_actions import tracker

    d = CollectingDispatcher()
    said = "公司给研发骨干们安排了涉外项目管理培训 费用一共42万 中高级人才培训补贴能拿多少"
    asyncio.run(ActionAnswerPolicy().run(d, tracker(said, "ask_subsidy"), {}))
    text = "\n".join(m.get("text") or "" for m in d.messages)
    assert "42万" in text and "人数" in text
    assert "210,000" not in text and "30,000.00元" not in text
