"""Rough amounts (knowledge/data/vague_figures.yml, bot/estimate/vague_figures.py): a form that gives no single
number is never computed with — the estimate asks for the exact amount, naming what was said — while one exact
number with a hedge word is the user's figure. A whole said to hold a part of one kind asks for the part; travel
beside a fair is named as not covered by 三（五） even with no exact figure. Wording is our own, not the case files'."""

from decimal import Decimal

import pytest

from bot.estimate import vague_figures
from bot.estimate.session import EstimateSession
from bot.estimate.understand import read


@pytest.mark.parametrize(
    "text, said",
    [
        ("服务器采购花了小三百万", "小三百万"),
        ("离岸将近三百万美元", "将近三百万美元"),
        ("去年在岸快四百万了", "快四百万"),
        ("境外展位费十来万", "十来万"),
        ("在岸一千万出头", "一千万出头"),
        ("软件三百万不到", "三百万不到"),
        ("正版软件好几十万", "好几十万"),
        ("硬件投入二三百万", "二三百万"),
        ("离岸做了七八十万刀", "七八十万刀"),
        ("年租金40多万", "40多万"),
        ("认证费150余万元", "150余万元"),
        ("研发平台花了大几百万", "大几百万"),
        ("培训费一两万块", "一两万块"),
        ("接近五百万的执行额", "接近五百万"),
        ("认证费二十几万", "二十几万"),
        ("软件一百几十万", "一百几十万"),
    ],
)
def test_rough_forms_are_found_as_said(text, said):
    assert [v.raw for v in vague_figures.find(text)] == [said]


@pytest.mark.parametrize(
    "text",
    [
        "离岸大约350万美元",  # one exact number with a hedge word: the user's figure
        "在岸350万上下",
        "差不多350万",
        "约350万美元",
        "预计在岸300万左右",
        "三十多个学员",  # counts are not money
        "近三年都在园区",
        "几十人的团队",
        "最近两百万的单子很多",  # 最近 is a word, not 近 of a figure
        "在岸三百五十万",
    ],
)
def test_exact_or_not_money_is_not_rough(text):
    assert vague_figures.find(text) == []


def test_guess_at_the_award_is_not_an_input():
    text = "离岸奖励算下来是不是三百多万"
    found = vague_figures.find(text)
    assert [v.raw for v in found] == ["三百多万"]
    assert not vague_figures.is_input(text, found[0])


def test_word_lists_are_plain_non_empty_strings():
    words = vague_figures.vague_words()
    for key in ("prefixes", "suffixes", "tails", "currencies", "not_inputs"):
        assert words[key] and all(isinstance(w, str) and w for w in words[key])
    assert words["ranges"]["pairs"] and words["ranges"]["some"]


def test_rough_platform_cost_is_not_read_as_its_round_number():
    r = read("建了个公共技术服务平台 服务器等硬件投了将近三百万 平台补贴多少")
    assert "platforms" not in r.fields
    assert r.vague and "将近三百万" in r.vague[0]


def test_hedged_exact_amount_is_used_as_told():
    r = read("今年离岸大约150万美元 汇率按7.0 离岸奖励多少")
    assert r.fields.get("offshore_usd") == Decimal("1500000")
    assert r.vague == []


def test_rough_offshore_amount_is_asked_for_by_name_then_computed_exactly():
    s = EstimateSession.start("今年离岸做了一百五来万美元 汇率按7.0 离岸奖励多少")
    assert s.status == "collecting"
    assert "offshore_usd" not in s.inputs
    assert "「一百五来万美元」" in s.problems[0] and "具体金额" in s.problems[0]
    s.handle("准确是153万美元")
    assert s.status == "done"
    assert s.inputs["offshore_usd"] == Decimal("1530000")


def test_rough_amount_the_estimate_does_not_need_is_not_asked():
    s = EstimateSession.start("今年新拿到技术先进型服务企业资格 公司营收大几千万 能拿多少")
    assert s.status == "done"
    assert not any("大概的数" in p for p in s.problems)


def test_whole_with_an_unsaid_offshore_part_asks_for_the_part():
    r = read("全年执行额2600万 当中有一部分是海外业务 汇率7.0 离岸奖励多少")
    assert "offshore_usd" not in r.fields and "onshore_cny" not in r.fields
    asked = [c for c in r.clarifications if c.kind == "part"]
    assert asked and asked[0].data["key"] == "offshore_usd"
    assert "2600万" in asked[0].question and "美元" in asked[0].question
    assert "是在岸" not in asked[0].question


def test_whole_with_an_unsaid_part_answered_then_computed():
    s = EstimateSession.start("全年执行额2600万 当中有一部分是海外业务 汇率7.0 离岸奖励多少")
    s.handle("海外那部分是130万美元")
    assert s.inputs.get("offshore_usd") == Decimal("1300000")


def test_rough_travel_beside_fairs_is_named_not_covered_and_not_asked():
    r = read("去新加坡参展 展位费5万 特装1万 住宿和机票每次一万多 开拓市场补贴多少")
    assert [e["cost_cny"] for e in r.fields["fairs"]] == [Decimal("60000")]
    assert any("住宿和机票" in n and "不属于" in n for n in r.notes)
    assert r.vague == []


def test_travel_without_any_figure_is_named_not_covered():
    r = read("在上海参加服贸会 展位费2.5万 差旅另算 能补多少")
    assert any("差旅" in n and "不在补贴范围内" in n for n in r.notes)


def test_whole_with_an_unsaid_part_both_parts_answered_at_once():
    s = EstimateSession.start("全年业务额2500万 其中有些是国外客户的单子 汇率7.0 能拿多少奖")
    assert {"3.1", "3.2"} <= set(s.items)
    s.handle("国外的110万美元 国内1730万")
    assert s.inputs.get("offshore_usd") == Decimal("1100000")
    assert s.inputs.get("onshore_cny") == Decimal("17300000")
    assert "上一年度" in s.question()
