"""Readings that broke only when this stop's branches met (each branch replayed clean alone): a trainee who went to
work outside outsourcing once 「考核过了」 was read as passed, a person's 「培训费」 after 「一个」 read as a course, a
platform's letter label (平台A) read as a cost of the platform before, and a course opened by 「一门是」."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.understand import facts as fact_reader


@pytest.mark.parametrize(
    "text",
    [
        "我们是认定的服务外包培训机构 有个大专学员培训考核过了 但是去了一家餐饮公司上班 签了一年合同 这个能算进去吗",
        "我们是认定的培训机构 有个大专学员考核过了 但最后去了一家餐馆当店长 签了三年合同 这个人算不算数",
        "有一名学员跟一家房地产公司签了两年劳动合同 考核也过了 算不算",
        "这个学生去了超市当店员 合同签了3年",
    ],
)
def test_one_trainee_with_an_employer_outside_outsourcing_has_no_qualifying_contract(text):
    assert fact_reader.message_facts(text)["labor_contract_years"].hi == Decimal(0)


@pytest.mark.parametrize(
    "text, years",
    [
        ("有个学员跟外包公司签了两年劳动合同", 2),
        ("这个学员进了一家软件外包企业 签了三年合同", 3),
        # a group's parts that went elsewhere are the subgroup readers' (the others' contract stands)
        ("这期60个学员全部大专以上 考核都过了 其中5个人最后去了火锅店上班 其他的都跟外包公司签了三年合同", 3),
    ],
)
def test_contracts_with_outsourcing_firms_and_groups_keep_their_years(text, years):
    assert fact_reader.message_facts(text)["labor_contract_years"].hi == Decimal(years)


@pytest.mark.parametrize(
    "text, costs",
    [
        ("两个硕士的高级项目经理参加了涉外业务培训 一个培训费18600 一个33250 按政策补多少", [18600, 33250]),
        ("3个本科项目经理参加涉外培训 一个培训费2万 一个3万 一个1.5万", [15000, 20000, 30000]),
    ],
)
def test_a_persons_training_fee_after_one_is_that_persons_cost(text, costs):
    got = sorted(e["cost_cny"] for e in EstimateSession.start(text).inputs["senior_training"])
    assert got == [Decimal(c) for c in costs]


def test_a_course_opened_by_yimen_is_read_as_a_course():
    s = EstimateSession.start(
        "6个本科项目经理报了两门课 一门是海外交付管理培训每人2万 一门是消防安全培训每人5000 能补多少"
    )
    assert [e["cost_cny"] for e in s.inputs["senior_training"]] == [Decimal(20000)] * 6


@pytest.mark.parametrize(
    "text, costs",
    [
        ("两个公共服务平台 平台A 信息化硬件 450万 平台B 商品化正版软件 220w 各补多少 总共多少", [2200000, 4500000]),
        ("建了2个平台 平台一 硬件300万 平台二 软件100万", [1000000, 3000000]),
    ],
)
def test_a_platforms_letter_label_opens_its_own_platform(text, costs):
    got = sorted(p["cost_cny"] for p in EstimateSession.start(text).inputs["platforms"])
    assert got == [Decimal(c) for c in costs]


def test_a_label_opening_with_platform_is_still_the_one_platforms_cost():
    s = EstimateSession.start("建了一个公共服务平台 服务器260万 正版数据库授权90万 平台软件授权费20万 能补多少")
    assert [p["cost_cny"] for p in s.inputs["platforms"]] == [Decimal(3700000)]
