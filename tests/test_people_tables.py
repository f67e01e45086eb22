"""People lists pasted from a spreadsheet with a header row (三（七）2 and 4): the header maps each column to one of
the clause's person conditions (pasted_tables.yml people_table), every row is judged on every such column, the rows
meeting all are counted (their 人数 summed), the others named with the condition and the cell; 「以上」/「不低于」
include the threshold; a blank cell is asked about, naming the row. Wording and tables are our own."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.estimate.tables import people_table
from bot.nlu.normalize import normalize
from bot.understand.facts import read_facts
from bot.understand.segment import question_parts

D = Decimal

INTERNS_MARKS = (
    "我们和学院签了两年的实训协议，每年接收25名实习生，下面是应届生名单，实习生补贴能拿多少\n"
    "是否在职\t社保(月)\t实习期\t学历\t应届\t姓名\n"
    "✓\t6\t3个月\t本科\t✓\t小王\n✓\t8\t5个月\t大专\t×\t小李\n×\t7\t4个月\t本科\t✓\t小张\n✓\t10\t6个月\t硕士\t✓\t小赵"
)
TRAINEES_PIPES = (
    "我们是已认定的服务外包培训机构，定额培训支持能报多少？\n| 班级 | 学历 | 考核 | 合同年限 | 人数 |\n"
    "| Java班 | 本科 | 合格 | 2 | 20 |\n| 测试班 | 大专 | 不合格 | 1 | 6 |\n| UI班 | 高中 | 合格 | 1 | 4 |\n"
    "| 运维班 | 大专 | 合格 | 0.5 | 3 |"
)
TRAINEES_SPACES = (
    "我们机构已经认定了，这批学员情况（能拿多少定额培训支持）：\n姓名  学历  考核结果  劳动合同\n周一  大专  通过  1年\n"
    "吴二  本科  通过  3年\n郑三  本科  未通过  2年\n王四  大专  通过  半年"
)
INTERNS_YES_NO_COUNTS = (
    "跟高校签了两年实习协议 今年一共收了40个实习生 实习生补贴怎么算\n学历\t是否应届\t实习满3个月\t社保满6个月\t人数\n"
    "本科\t是\t是\t是\t12\n大专\t是\t否\t是\t5\n大专\t是\t是\t是\t9\n中专\t是\t是\t是\t3\n本科\t否\t是\t是\t4"
)
INTERNS_BLANK = (
    "实训协议签了3年，今年接收实习生30人，以下是申报名单，能补多少\n姓名\t学历\t应届\t实习期(月)\t社保连续月数\n"
    "刘一\t本科\t是\t4\t7\n陈二\t大专\t是\t3\t\n张三\t本科\t是\t5\t6"
)
TRAINEES_GROUPS = (
    "我们是认定过的培训机构，本期结业情况：\n学历\t考核情况\t签约情况\t人数\n本科\t合格\t与外包公司签1年劳动合同\t14\n"
    "大专\t合格\t签了2年劳动合同\t10\n中专\t合格\t签了3年劳动合同\t5\n本科\t合格\t签了半年合同\t7\n定额支持能拿多少"
)


SENIOR_REORDERED = (
    "中高级人才培训补贴帮算下，都是涉外项目管理培训\n培训费(万元)\t职位\t姓名\t学历\n4\t项目经理\t张伟\t本科\n"
    "2\t项目经理\t李娜\t大专\n8\t技术总监\t王强\t硕士\n3\t测试工程师\t赵敏\t本科"
)
SENIOR_GROUPS = (
    "中高级人才培训补贴能拿多少？培训都是针对海外客户项目的\n职位\t学历\t人数\t每人培训费\n项目经理\t本科\t5\t2万\n"
    "部门经理\t硕士\t2\t8万\n开发工程师\t本科\t6\t1万\n项目经理\t大专\t3\t1万"
)
SENIOR_DEGREE_COLUMN = (
    "涉外业务的中高级人才培训补贴：\n姓名\t学历\t职位\t是否学历教育\t费用(元)\n张伟\t本科\t项目经理\t否\t40000\n"
    "李娜\t硕士\t部门经理\t是\t100000\n王强\t本科\t项目总监\t否\t70000"
)
SENIOR_GROUP_TOTAL = (
    "中高级人才培训补贴能拿多少？培训都是涉外项目管理\n职位\t学历\t人数\t培训费\n项目经理\t本科\t5\t10万\n"
    "部门经理\t硕士\t2\t8万"
)


def _amount(text: str, code: str) -> Decimal:
    session = EstimateSession.start(text)
    assert session.status == "done", session.question()
    item = next(i for i in session.compute()["items"] if i["code"] == code)
    assert item["qualified"], item
    return D(str(item["amount_cny"]))


@pytest.mark.parametrize(
    "text, code, amount",
    [
        (INTERNS_MARKS, "3.7.4", D(2 * 5000)),  # 小李 往届 (×), 小张 not in service (×)
        (TRAINEES_PIPES, "3.7.2", D(20 * 500)),  # 不合格, 高中, 0.5年 each left out
        (TRAINEES_SPACES, "3.7.2", D(2 * 500)),  # 1年 counts (以上 includes it), 半年 does not
        (INTERNS_YES_NO_COUNTS, "3.7.4", D((12 + 9) * 5000)),  # 人数 summed over the rows meeting every column
        (TRAINEES_GROUPS, "3.7.2", D((14 + 10) * 500)),
        (SENIOR_REORDERED, "3.7.3", D(20000 + 30000)),  # 4万 × 50%; 8万 × 50% held to 3万; 大专, 测试工程师 out
        (SENIOR_GROUPS, "3.7.3", D(5 * 10000 + 2 * 30000)),  # 每人 in the header: each row's cost per person
        (SENIOR_DEGREE_COLUMN, "3.7.3", D(20000 + 30000)),  # 学历教育 marked 是 leaves that row out
    ],
)
def test_each_row_is_judged_on_each_column(text, code, amount):
    assert amount == _amount(text, code)


def test_the_rows_left_out_are_named_with_their_cell():
    session = EstimateSession.start(TRAINEES_SPACES)
    said = " ".join(session.notes)
    assert "郑三" in said and "未通过" in said
    assert "王四" in said and "半年" in said
    assert "周一、吴二" in said


def test_a_blank_cell_is_asked_naming_the_row():
    session = EstimateSession.start(INTERNS_BLANK)
    assert "collecting" == session.status
    said = " ".join(session.problems)
    assert "陈二" in said and "社保连续月数" in said
    assert "刘一、张三" in said


def test_header_units_and_marks():
    table = people_table(normalize(INTERNS_MARKS))
    assert ["在职", "社保连续交纳6个月", "实习期3个月", "本科学历", "应届毕业生"] == [
        table.said(table.rows[0], k) for k in range(5)
    ]
    assert "非应届毕业生" == table.said(table.rows[1], 4)
    assert "不在职" == table.said(table.rows[2], 0)


def test_no_people_header_is_no_people_table():
    assert people_table(normalize("年度\t在岸(万元)\t离岸(万美元)\n2023\t1800\t120\n2024\t2300\t260")) is None
    assert people_table(normalize("展会\t地点\t展位费\n服贸会\t北京\t3万")) is None


def test_a_column_name_asks_nothing():
    """「是否在职」 in a header is a column's name, no question of its own: the message stays one part."""
    text = "帮忙看下能补多少钱\n姓名\t学历\t是否在职\n张三\t本科\t是\n李四\t大专\t否"
    assert 1 == len(question_parts(text))


def test_a_failing_row_is_not_the_message_fact():
    facts = read_facts(INTERNS_MARKS)
    assert facts.get("fresh_graduate") is not False


def test_a_group_cost_not_said_per_person_is_asked():
    """「人数 5 / 培训费 10万」: the row's total or each one's? Asked, naming the row; never split or multiplied."""
    session = EstimateSession.start(SENIOR_GROUP_TOTAL)
    assert "done" != session.status
    said = " ".join(session.problems)
    assert "培训费" in said and "第1行" in said
