"""Figures whose role is unclear are asked about, naming them, and every ask reads as a question: a rough number of
people beside a total training cost, a platform total said to hold costs 三（九） does not list, a fair total with
travel named in what it holds, two amounts for the increment with no year said, and the exchange-rate ask.
Wording is our own, not the case files'."""

import re

import pytest

from bot.estimate import vague_figures
from bot.estimate.session import EstimateSession


@pytest.mark.parametrize(
    "text, said",
    [
        ("三十几个骨干参加培训", "三十几个"),
        ("15多名项目总监", "15多名"),
        ("将近40位工程师", "将近40位"),
        ("二三十个人", "二三十个"),
    ],
)
def test_rough_people_counts_are_found(text, said):
    assert [v.raw for v in vague_figures.people_counts(text)] == [said]


def test_exact_people_counts_and_money_are_not_rough_counts():
    assert vague_figures.people_counts("8个项目经理每人2万") == []
    assert vague_figures.people_counts("培训费30多万") == []


@pytest.mark.parametrize(
    "text, said",
    [
        ("送了三十几个项目经理去做涉外培训，合计花了52万，补贴多少", "三十几个"),
        ("十几名部门骨干参加了涉外业务研修 一共28万 能补多少", "十几名"),
        ("将近25位项目总监参加涉外培训，费用总计70万，可以补多少", "将近25位"),
    ],
)
def test_total_for_a_rough_number_of_people_is_asked_never_one_person(text, said):
    s = EstimateSession.start(text)
    assert s.status == "collecting"
    assert "senior_training" not in s.inputs
    asked = " ".join(s.problems)
    assert f"「{said}」" in asked and "人数" in asked and "？" in asked


@pytest.mark.parametrize(
    "text, other",
    [
        ("公共服务平台总投资750万，场地装修、员工工资、服务器、正版软件都有，能补多少", "装修"),
        ("建平台一共投了480万 人员工资 机房设备 软件授权都在里面 补贴多少", "工资"),
        ("我们的公共信息服务平台花了260万，房租和服务器都算在内，能给多少", "房租"),
    ],
)
def test_platform_total_holding_unlisted_costs_asks_the_purchase_part(text, other):
    s = EstimateSession.start(text)
    assert "platforms" not in s.inputs
    q = s.question()
    assert other in q and "硬件" in q and "软件" in q and q.endswith("？")


def test_platform_total_of_purchases_only_is_computed():
    s = EstimateSession.start("公共服务平台投了320万，服务器和正版软件都有，补贴多少")
    assert s.inputs["platforms"][0]["cost_cny"] == 3200000


@pytest.mark.parametrize(
    "text, total",
    [
        ("去成都参加服务贸易交易会 一共花了7万 里面有特装费也有机票住宿 能补多少", "7万"),
        ("参加了一场境外推介会，总共9万，其中有布展费、宣传推广费，还有差旅，补贴多少", "9万"),
        ("在新加坡参展花了11万 当中有展位费也有酒店 能补多少", "11万"),
    ],
)
def test_fair_total_holding_travel_asks_the_eligible_part(text, total):
    s = EstimateSession.start(text)
    assert "fairs" not in s.inputs
    q = s.question()
    assert total in q and "展位费" in q and q.endswith("？")


@pytest.mark.parametrize(
    "text, a, b",
    [
        ("看下增量奖励 报表上是3600万和3100万 都是在岸的", "3600万", "3100万"),
        ("规模增量奖励，执行额1750万、1420万，都是国内业务，能拿多少", "1750万", "1420万"),
        ("增量奖励怎么算 在岸执行额990万跟760万", "990万", "760万"),
    ],
)
def test_two_amounts_with_no_year_for_the_increment_ask_which_year(text, a, b):
    s = EstimateSession.start(text)
    assert s.status == "collecting"
    assert "onshore_cny" not in s.inputs and "previous_onshore_cny" not in s.inputs
    q = s.question()
    assert a in q and b in q and "哪一年" in q


def test_amounts_with_years_said_are_computed():
    s = EstimateSession.start("增量奖励：上年度在岸1500万 本年度1800万")
    assert s.inputs["onshore_cny"] == 18000000 and s.inputs["previous_onshore_cny"] == 15000000


@pytest.mark.parametrize(
    "text",
    [
        "我们2023年离岸执行额240万美元，离岸奖励是多少",
        "离岸业务今年做了3,200,000美元 帮忙测算离岸奖励",
        "offshore 180万美元 离岸奖能拿多少",
    ],
)
def test_rate_ask_is_a_question(text):
    s = EstimateSession.start(text)
    assert s.pending == "usd_cny_rate"
    q = s.question()
    assert "中间价" in q and re.search(r"？$", q)
