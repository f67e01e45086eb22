"""Parts of one group come off that group together (三（七）2/3/4): 「一共N人 其中A个符合；B个大专；另外C个不是项目经理」
counts A (N − B − C), never N − B in one note and N − C in another; a follow-up 「N个人里面有B个…还有C个…剩下的都…」
takes both parts off the N told; trainees narrowed with the rest named again (「剩下M个里面…」「考核通过的当中…」)
are nested parts, no overlap asked; an agreement said by its dates (「2021年3月到2023年3月」) runs two years; another
person's degree-course cost (「另外还有个总监在读EMBA，学费25万」) is never spread over the people counted, whose
one cost 「每人」 is everyone's. Wording is our own."""

from decimal import Decimal

import pytest

from bot.estimate.clauses import institution_training, internships, senior_training
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import understand
from bot.understand.agreement_span import from_dates
from bot.understand.whole_split import read as read_split

D = Decimal


def _item(session, code):
    assert session.status == "done", session.question()
    return D(str(next(i for i in session.compute()["items"] if i["code"] == code)["amount_cny"]))


def _amount(text: str, code: str) -> Decimal:
    return _item(EstimateSession.start(text), code)


# 1. a group split into described parts that add up: every failing part off the same group
@pytest.mark.parametrize(
    "text, amount",
    [
        (  # 12 = 7 + 3 + 2 → 7 × 1.5万 × 50%
            "公司安排12名员工参加涉外业务培训，每人学费1.5万。这里面7个是硕士学历的项目经理；3个是大专毕业的项目总监；"
            "还有2个是本科的普通测试工程师。补贴多少",
            D(7) * D("7500"),
        ),
        (  # 9 = 5 + 2 + 2 → 5 × 3万 (capped per person at 3万: 4万 × 50% = 2万)
            "我们派了9个人去参加海外交付业务研修班，每人4万。其中5个是本科的项目总监，2个是专科的项目经理，"
            "另外2个是研究生学历的普通开发。能补多少",
            D(5) * D("20000"),
        ),
        (  # the failing part said first: 30 = 6 + 24
            "今年做了涉外业务的中高级培训，一共30个人，每人2.4万。其中6个是大专学历的项目经理；另外24个都是本科以上的项目经理。"
            "这个补贴怎么算",
            D(20) * D("12000"),  # 24 qualify, at most 20 people
        ),
    ],
)
def test_failing_parts_come_off_one_group_together(text, amount):
    assert _amount(text, "3.7.3") == amount


def test_parts_that_do_not_add_up_are_not_read_as_a_split():
    t = understand("一共20个人 每人2万 其中12个是本科的项目经理；5个是大专的项目经理；另外2个是本科的普通员工")
    assert read_split(t, "3.7.3", senior_training.PERSON_CONDITIONS, group=20) is None


def test_split_note_names_each_part_and_the_subtraction():
    t = understand("一共15人参加 每人3万 其中10个是本科的项目经理；3个是大专的项目经理；2个是本科的普通工程师")
    found = read_split(t, "3.7.3", senior_training.PERSON_CONDITIONS, group=15)
    assert found is not None and found.counted == 10
    assert "15 − 3 − 2 = 10" in found.said()


# 2. a follow-up naming failing parts of the group told, the rest said without a count
@pytest.mark.parametrize(
    "first, then, amount",
    [
        (
            "今年组织了18个本科以上的项目经理参加涉外业务培训，每人培训费3万，能补多少",
            "核对了一下，18个人里面有3个是大专学历，还有2个只是普通程序员不是项目经理，其余的都是本科以上项目经理，重新算下",
            D(13) * D("15000"),
        ),
        (
            "24个项目经理（都本科以上）参加了涉外业务培训，每人4万，补贴多少",
            "更正：24人当中有4个其实是专科，另外1个是普通员工，剩下的都符合本科以上和项目经理，再算一下",
            D(19) * D("20000"),
        ),
        (
            "我们有10个本科以上的项目经理参加了涉外业务培训，每人2万",
            "不好意思，10个人里面有2个是大专的，还有1个不是项目经理是普通开发，剩下的都是本科项目经理",
            D(7) * D("10000"),
        ),
    ],
)
def test_followup_parts_come_off_the_group_told(first, then, amount):
    session = EstimateSession.start(first)
    assert session.status == "done", session.question()
    session.handle(then, "correct_value")
    assert _item(session, "3.7.3") == amount


# 3. trainees narrowed with the rest named again: nested parts, no overlap asked
@pytest.mark.parametrize(
    "text, counted",
    [
        (
            "我们是认定的服务外包培训机构。今年结业200人：30个是高中学历；剩下170个大专以上的里面有10个考核没通过；"
            "考核通过的当中又有20个只签了半年合同，其余都和服务外包企业签了2年劳动合同。能申请多少",
            140,
        ),
        (
            "认定的服务外包培训机构，今年培训了90个学员：8个是中专学历；剩下82个大专以上的里面有2个考试没过；"
            "通过的当中又有10个只签了3个月合同，其余都跟外包企业签了1年以上劳动合同。定额培训支持多少",
            70,
        ),
        (
            "我们是认定的服务外包培训机构，今年培训结业120人：15个是高中学历；剩下105个大专的里面有5个没通过考核；"
            "考核通过的当中有12个只签了半年合同，剩下的都和服务外包企业签了1年以上劳动合同。能拿多少",
            88,
        ),
    ],
)
def test_trainees_narrowed_with_the_rest_named_again(text, counted):
    assert _amount(text, institution_training.CODE) == D(counted) * 500


# 4. an agreement said by its dates
@pytest.mark.parametrize(
    "text, years",
    [
        ("我们和某大学签的实习协议是2021年3月到2023年3月", D(2)),
        ("校企合作协议从2020年9月至2023年9月", D(3)),
        ("实训协议期限2023年1月到2024年7月", D("1.5")),
    ],
)
def test_agreement_years_from_its_dates(text, years):
    found = from_dates(understand(text))
    assert found is not None and found[0] == years


def test_a_date_range_of_something_else_is_no_agreement():
    assert from_dates(understand("实习生是2023年7月到2023年12月在我们这里实习的")) is None


@pytest.mark.parametrize(
    "text, amount",
    [
        (
            "我们跟一所高职签的实训协议是2021年6月到2023年6月，刚好两年。今年收了外包实习生25个，都是应届大专以上；其中3个"
            "实习期才1个月，其他人实习都超过3个月、社保交满6个月以上了。能补多少",
            D(22) * 5000,
        ),
        (
            "实习基地的事：与某学院的实训协议是2022年3月到2025年3月。今年接收服务外包实习生30名，都是应届本科，"
            "实习期都超过3个月，在职社保都交满了6个月。补多少",
            D(30) * 5000,
        ),
    ],
)
def test_internship_agreement_by_dates_is_read(text, amount):
    assert _amount(text, internships.CODE) == amount


def test_internship_agreement_by_dates_too_short_fails():
    session = EstimateSession.start(
        "实训协议是2023年3月到2024年9月。今年接收外包实习生25名，都是应届大专以上，实习期都超过3个月，社保都交满6个月"
    )
    assert session.inputs.get("internship_agreement_years") == D("1.5")


# 5. one cost 「每人」 for everyone; another person's degree-course cost left out
@pytest.mark.parametrize(
    "text, amount",
    [
        (
            "今年送了22个本科以上的项目经理去参加涉外业务研修，每人学费6万；另外还有个总监在读EMBA学位，学费25万。培训补贴最多多少",
            D(20) * D("30000"),
        ),
        (
            "我们有8个项目经理（都是本科）参加了离岸交付管理培训，每人培训费2万；另外还有个副总读了在职MBA，学费18万，能一起算吗",
            D(8) * D("10000"),
        ),
        (
            "派了15个硕士学历的项目总监参加涉外业务高级研修班，每人5万；此外有个经理在读在职研究生，学费12万。补多少",
            D(15) * D("25000"),
        ),
    ],
)
def test_degree_course_cost_of_another_person_left_out(text, amount):
    session = EstimateSession.start(text)
    assert _item(session, "3.7.3") == amount
    assert any("学历教育" in n for n in session.notes)
