"""Parts of the qualifying group said after 但是/不过 (或 其中), and one more part opened by 还有/另外, even across a
full stop: each fails a person condition and comes off the group said just before them (32 − 5 − 2 = 25), never
counted as everyone, never read as groups of their own beside it. Parts said one after another with no word setting
them apart may be the same people: asked, never subtracted. Wording is our own."""

from decimal import Decimal

import pytest

from bot.estimate.clauses import internships
from bot.estimate.session import EstimateSession
from bot.understand.condition_groups import groups

D = Decimal
HEAD = "我们是服务外包企业，跟郑州的高校签了3年实训协议，"


def _item(session: EstimateSession, code: str) -> dict:
    return next(i for i in session.compute()["items"] if i["code"] == code)


@pytest.mark.parametrize(
    "text, counted",
    [
        (
            "今年接了40个实习生，应届大专以上的32个，但是有5个只实习了一个月，还有2个社保才交了4个月，其他都符合。补贴多少",
            25,
        ),
        (
            "今年接了40个实习生，应届大专以上的32个，不过其中5个只实习了一个月，另外2个社保才交了4个月，其余都符合。能拿多少",
            25,
        ),
        (
            "今年接了40个实习生，应届大专以上的有32个。但是有5个只实习了一个月。还有2个社保才交了4个月。其他都符合。补多少",
            25,
        ),
        ("今年接了32个应届大专以上的实习生，但是有5个只实习了一个月，还有2个社保才交了4个月，其他都符合。补多少", 25),
        (
            "今年来了45名实习生，其中应届大专以上的32个，可是有5个实习不满三个月，还有2个社保只交了4个月，剩下的都没问题。补多少",
            25,
        ),
        ("今年实习生一共28个，都是应届本科，但有3个社保才交了5个月，另外4个实习只有两个月，其他都没问题。能拿多少", 21),
    ],
)
def test_parts_after_but_come_off_the_group_before_them(text, counted):
    session = EstimateSession.start(HEAD + text)
    assert session.status == "done", session.question()
    assert counted == session.inputs["qualified_interns"]
    item = _item(session, internships.CODE)
    assert item["qualified"] and D(5000) * counted == D(str(item["amount_cny"]))


def test_parts_said_bare_one_after_another_are_asked_about():
    """「但是有5个只实习了一个月，2个社保才交了4个月」: the 2 may be among the 5 — asked, nothing subtracted."""
    session = EstimateSession.start(
        HEAD
        + "今年接了40个实习生，应届大专以上的32个，但是有5个只实习了一个月，2个社保才交了4个月，其他都符合。补贴多少"
    )
    assert "collecting" == session.status
    assert "qualified_interns" not in session.inputs
    assert "重叠" in session.question()


def test_others_counted_that_disagree_are_asked_about():
    """「其他24个都符合」 where 32 − 5 − 2 = 25: the qualified count is asked, never either figure taken."""
    session = EstimateSession.start(
        HEAD
        + "今年接了40个实习生，应届大专以上的32个，但是有5个只实习了一个月，还有2个社保才交了4个月，其他24个都符合。补多少"
    )
    assert "qualified_interns" not in session.inputs


@pytest.mark.parametrize(
    "text",
    [
        "应届大专以上的32个,但是有5个只实习了一个月,还有2个社保才交了4个月",
        "符合条件的20名,不过有3个社保只交了5个月,另外1个实习才两个月",
    ],
)
def test_a_count_right_after_but_is_no_group_beside_the_one_before(text):
    assert groups(text, internships.CODE, internships.PERSON_CONDITIONS) is None


def test_groups_told_apart_by_name_stay_groups():
    """「郑大12人…；但是河大7人…」: a name between 但是 and the count keeps it a group of its own."""
    text = "郑大来的12人 社保交满8个月;但是河大7人 社保只交了4个月;工学院5人 社保交满6个月"
    found = groups(text, internships.CODE, internships.PERSON_CONDITIONS)
    assert found is not None and [12, 7, 5] == [g.count for g in found]


def test_trainees_parts_after_but():
    session = EstimateSession.start(
        "我们是已认定的服务外包培训机构，今年培训结业60人，都是大专以上，都和外包企业签了两年劳动合同，"
        "但是有5个考核没通过，还有3个是高中学历，其他都没问题。培训补贴多少"
    )
    assert 52 == session.inputs["institution_trainees"]


def test_project_managers_parts_after_but():
    session = EstimateSession.start(
        "我们是服务外包企业，今年送了15个项目经理去参加涉外中高级培训，都是本科，每人培训费2万，不是学历教育，"
        "但是有3个是大专，还有2个是普通员工，其他都符合。能补多少"
    )
    assert 10 == len(session.inputs["senior_training"])


def test_but_cut_off_by_a_comma_still_opens_a_part():
    session = EstimateSession.start(
        HEAD
        + "今年接了40个实习生，应届大专以上的32个；但是，有5个只实习了一个月；还有2个社保才交了4个月。实习生补贴能拿多少"
    )
    assert 25 == session.inputs["qualified_interns"]


def test_one_more_part_opened_by_ling():
    session = EstimateSession.start(
        HEAD
        + "今年接了40个实习生，符合应届大专以上的32人，但5人实习期只有1个月，另2人社保只交4个月，其余都符合。补多少"
    )
    assert 25 == session.inputs["qualified_interns"]


@pytest.mark.parametrize(
    "text",
    [
        "今年接了40个实习生，应届大专以上的32个，有5个只实习了一个月，有2个社保才交了4个月，其他都符合。补贴多少",
        "今年接了30个实习生，符合条件的应届大专生20个，还有4个社保只交了3个月。补贴多少",
    ],
)
def test_bare_you_parts_after_a_qualifying_group_are_asked_about(text):
    """「32个，有5个只实习了一个月」: some of the 32, or others? Neither count is taken; asked, naming the parts."""
    session = EstimateSession.start(HEAD + text)
    assert "qualified_interns" not in session.inputs
    assert any("还是另外的人" in p for p in session.problems)


def test_bare_you_groups_adding_up_to_the_count_before_are_parts_of_it():
    """「30个实习生：应届大专以上的22个，有5个是大三的，有3个社保只交了4个月」 (22 + 5 + 3 = 30): beside each other."""
    session = EstimateSession.start(
        HEAD + "今年接了30个实习生：应届大专以上的22个，有5个是大三的，有3个社保只交了4个月。补贴多少"
    )
    assert 22 == session.inputs.get("qualified_interns")
