"""People pasted one group per line, like a ledger: each line is its group's own words — the position before the
degree (「开发工程师 本科 4人」: below 项目经理) and a degree course (「在职MBA学费」: 学历教育) leave that line out alone,
never the whole item; the lines kept decide the item's facts, so the verdict agrees with the estimate. Wording is
our own."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.understand.facts import read_facts
from bot.understand.ledger_rows import failing_spans, rows

D = Decimal

LEDGER = (
    "HR给的培训台账，全是给海外客户交付相关的培训：\n"
    "项目经理 本科 12人 PMP及海外项目管理培训 每人1.2万\n"
    "交付总监（职位在项目经理之上）硕士 6人 海外交付管理高级研修 每人7万\n"
    "开发工程师 本科 4人 日语+离岸开发培训 每人2万\n"
    "项目经理 大专 3人 项目管理培训 每人1万\n"
    "部门经理 本科 2人 在职MBA学费 每人15万\n"
    "今年人才培训补贴能拿多少"
)


def _amount(text: str) -> Decimal:
    session = EstimateSession.start(text)
    assert session.status == "done", session.question()
    item = next(i for i in session.compute()["items"] if i["code"] == "3.7.3")
    assert item["qualified"], item
    return D(str(item["amount_cny"]))


@pytest.mark.parametrize(
    "text, amount",
    [
        (LEDGER, D(252000)),  # 12 × 6,000 + 6 × 30,000 (capped)
        (
            "我们是服务外包企业，今年涉外业务培训的明细：\n项目经理 硕士 5人 海外项目交付培训 每人3万\n"
            "技术总监 本科 3人 在读EMBA 每人20万\n测试人员 本科 6人 英语培训 每人1万\n能补多少",
            D(75000),
        ),
        (
            "今年给海外项目做的培训：\n部门经理 硕士 2人 离岸交付管理培训 每人4万\n项目经理 本科 5人 海外项目管理培训 每人2万\n"
            "普通员工 本科 8人 英语培训 每人5000\n项目经理 本科 1人 在职研究生学费 每人6万\n人才培训补贴多少",
            D(2 * 20000 + 5 * 10000),
        ),
    ],
)
def test_each_ledger_line_is_its_own_group(text, amount):
    assert amount == _amount(text)


def test_the_failing_lines_are_not_the_message_facts():
    facts = read_facts(LEDGER)
    assert facts.get("degree_education") is not True
    assert "项目经理" == facts.get("position_level")


def test_lines_with_one_count_each():
    assert 5 == len(rows(LEDGER))
    assert [] == rows("项目经理 本科 12人 每人1.2万")
    blanked = {LEDGER[s:e].split()[0] for s, e in failing_spans(LEDGER)}
    assert {"开发工程师", "项目经理", "部门经理"} == blanked  # the 大专 line is the second 项目经理 line


def test_no_line_fails_nothing_is_blanked():
    text = "培训明细：\n项目经理 本科 3人 每人2万\n部门经理 硕士 2人 每人3万"
    assert [] == failing_spans(text)
