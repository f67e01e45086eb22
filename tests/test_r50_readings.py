"""Readings from round 50's first play, each with other phrasings: an award asked about is no cost; an item deferred
(「下次再问」) is set aside; a contract group of its own is never inside another; a part naming only a length takes the
condition of the part before it; rows of a pasted table are each their own person's facts."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from bot.understand.facts import message_facts


def start(text: str) -> EstimateSession:
    return EstimateSession.start(normalize(text))


@pytest.mark.parametrize(
    "text, total",
    [
        (
            "2019年就认定了技术先进型，今年CMMI5新认证花了50万，ITSS维护费6万，能补多少？技先那块还能再给10万吗",
            "342000",
        ),
        ("ITSS维护费8万 CMMI3认证费20万 补多少 认证这块能给30万吗", "196000"),
    ],
)
def test_award_asked_is_no_cost(text, total):
    assert Decimal(str(start(text).compute()["total_cny"])) == Decimal(total)


def test_item_deferred_is_set_aside():
    s = start(
        "去年在岸1500万 今年在岸1800万 今年离岸130万美元 汇率6.5 去年没有离岸。离岸奖励我们下次再单独问，先算增量"
    )
    result = s.compute()
    assert [i["code"] for i in result["items"]] == ["3.1"]


@pytest.mark.parametrize(
    "text, counted",
    [
        (
            "认定的培训机构，培训120名学员，大专以上，考核都通过。其中96人签了1年劳动合同，15人签的是半年的合同，剩下9人没就业，能补多少",
            96,
        ),
        (
            "我们是认定的服务外包培训机构 今年培训80人 都考核通过 大专以上 60人签了两年合同 12人签了半年 其余8人没签 培训支持多少",
            60,
        ),
    ],
)
def test_contract_group_never_inside_another(text, counted):
    assert start(text).inputs.get("institution_trainees") == counted


@pytest.mark.parametrize(
    "text, counted",
    [
        (
            "签了3年实训协议，今年接收35名实习生，留用28名应届本科生，实习都4个月，都在职；其中24人社保连续交了7个月，另外4人才交了5个月。补贴多少",
            24,
        ),
        (
            "实训协议两年，每年收实习生30人，应届大专生26人实习期都满3个月在职，其中20人社保交满6个月，另外6人只交了4个月，能拿多少",
            20,
        ),
    ],
)
def test_part_naming_a_length_takes_the_condition_before(text, counted):
    assert start(text).inputs.get("qualified_interns") == counted


def test_table_rows_are_each_their_own():
    text = (
        "给员工报了涉外业务培训，能补多少\n姓名\t学历\t职位\t培训费(元)\t备注\n张三\t本科\t项目经理\t40000\t\n"
        "孙七\t本科\t项目经理\t50000\t在职读研（学历教育）学费\n周八\t本科\t项目经理\t12000\t\n"
    )
    facts = message_facts(normalize(text))
    assert facts.get("degree_education") is not True  # one row's 学历教育 is that row's alone
    s = start(text)
    assert Decimal(str(s.compute()["total_cny"])) == Decimal("26000")  # (40000 → 20000) + 6000; 孙七 学历教育


def test_fair_table_with_empty_remarks_and_a_total_row():
    text = (
        "这几个指定的境内展能补多少\n展会\t地点\t展位费\t特装费\t机票酒店\t备注\n服贸会\t北京\t30000\t10000\t6000\t\n"
        "软交会\t大连\t15000\t0\t4000\t\n数博会\t贵阳\t10000\t2000\t5000\t差旅是3个人的\n合计\t\t55000\t12000\t15000\t\n"
    )
    s = start(text)
    assert [str(f["cost_cny"]) for f in s.inputs["fairs"]] == ["40000", "15000", "12000"]
    # 服贸会 40000 × 70% → 20000 (每场上限); 15000 × 70% = 10500; 12000 × 70% = 8400; 机票酒店 never counted
    assert Decimal(str(s.compute()["total_cny"])) == Decimal("38900")


def test_basis_and_rate_both_answered():
    from bot.answers import scope
    from bot.answers.router import _with_aspect

    t = normalize("我们开的发票金额和系统里填的不一样，离岸奖励到底按啥口径算？比例是多少")
    text = _with_aspect(scope.answer(t), t).text
    assert "服务外包业务管理和统计系统" in text and "10%" in text


@pytest.mark.parametrize(
    "text",
    [
        "去年服务外包执行额1.2亿，今年2亿（离岸部分都已经按各年中间价折成人民币算进去了）；今年离岸执行额350万美元，中间价按6.5 增量奖励多少",
        "去年执行额1.2亿 今年2亿 两年的离岸都已经折成人民币算在里面了 今年离岸350万美元 汇率6.5 增量多少",
    ],
)
def test_totals_said_whole_for_both_years(text):
    """Both years' totals hold their offshore part, converted: the increment is 2亿 − 1.2亿, 3% capped at 200万."""
    s = start(text)
    assert s.status == "done"
    assert s.inputs["previous_onshore_cny"] == 120000000
    assert Decimal(str(s.compute()["items"][0]["amount_cny"])) == Decimal("2000000")
