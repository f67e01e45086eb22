"""Three readings from round 49: a remark column of an item table (「项目 | 金额 | 备注」) is read as a sentence after
its row's figure; dollar amounts listed on after a foreign investment (「外资一个2500万美元一个1500万美元」) are all
that investment's projects, never one kept and the others dropped; a clause that fails, asked 「能补多少」, says 0元."""

from decimal import Decimal

import pytest

from bot.answers.qualify import verdict_answer
from bot.estimate import tables
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from bot.understand.facts import read_facts


@pytest.mark.parametrize(
    "row, said",
    [
        ("上年在岸执行额\t5000万元\t去年没有离岸", "上年在岸执行额5000万元；去年没有离岸；"),
        ("本年离岸执行额 | 300万美元 | 汇率按7.1", "本年离岸执行额300万美元；汇率按7.1；"),
        ("本年在岸执行额\t8000万元", "本年在岸执行额8000万元；"),
    ],
)
def test_remark_column_said_after_the_figure(row, said):
    sep = " | " if "|" in row else "\t"
    text = tables.read_labelled_rows(normalize(sep.join(["项目", "金额", "备注"]) + "\n" + row + "\n"))
    assert said in text


def test_remark_says_no_previous_offshore():
    s = EstimateSession.start(
        normalize("项目\t金额\t备注\n上年在岸执行额\t5000万元\t上年无离岸\n本年在岸执行额\t6000万元\n增量奖励多少")
    )
    assert s.status == "done"
    assert Decimal(str(s.compute()["total_cny"])) == Decimal("300000")  # (6000万 − 5000万) × 3%


@pytest.mark.parametrize(
    "text, total",
    [
        ("园区引进两个软件项目，外商投资一个2500万美元一个1500万美元，外资奖励多少", 40000000),
        ("示范园区引进信息服务项目 外资1800万美元、900万美元 能奖多少", 27000000),
        ("园区引进软件项目外资1500万美元 另一个项目是800万美元 奖励多少", 23000000),
    ],
)
def test_listed_investments_all_counted(text, total):
    s = EstimateSession.start(normalize(text))
    assert s.inputs.get("park_foreign_investment_usd") == total


@pytest.mark.parametrize(
    "text",
    [
        "跟学校签的实训协议只有1年，今年接了25个应届实习生，都符合，能补多少",
        "我们和职院签了一年期实训协议 收了30个实习生 补贴能拿多少钱",
    ],
)
def test_failed_clause_asked_how_much_says_zero(text):
    answer = verdict_answer(["3.7.4"], read_facts(text), text)
    body = getattr(answer, "text", answer)
    assert "不符合" in body and "金额：0元" in body
