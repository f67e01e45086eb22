"""Groups of people told apart in one message (三（七）3): each cost goes with the count said before it, even
across a comma; another group said beside the first (另外还有…/另有…) is counted by its own figures and its
facts (专科, 普通员工) are not the applicant's. The wording here is the team's own."""

from decimal import Decimal

from bot.estimate.session import EstimateSession
from bot.understand.facts import read_facts
from bot.understand.subgroups import additions, without_parts


def estimate(text):
    session = EstimateSession.start(text)
    assert "done" == session.status, session.question()
    return session


def test_count_across_a_comma_goes_with_its_cost():
    """12 × min(3.5万 × 50%, 3万) = 12 × 17,500 = 210,000; the 4 大专 普通员工 are named and not counted."""
    session = estimate("派了12个本科学历的项目经理参加涉外业务培训，每人3.5万，另有4个大专的普通员工每人1万，补多少")
    assert 12 == len(session.inputs["senior_training"])
    assert Decimal("210000") == session.compute()["total_cny"]
    assert any("4人不符合" in n for n in session.notes)


def test_another_groups_facts_do_not_fail_the_clause():
    """The 6 中专 技术员 beside the 9 硕士 总监: 9 × min(8万 × 50%, 3万) = 270,000, the clause met."""
    session = estimate(
        "9个硕士的项目总监参加了涉外业务培训 每人培训费8万 另外还有6个中专的技术员也跟着去了 每人1.5万 补贴多少"
    )
    assert Decimal("270000") == session.compute()["total_cny"]
    assert "中专" != session.facts.get("education_level")


def test_an_other_group_is_blanked_only_for_facts():
    text = "10个本科项目经理参加培训 此外还有3个高中学历的助理"
    assert additions(text) and "高中" not in without_parts(text)
    assert "高中" != read_facts(text).get("education_level")


def test_no_group_counted_before_no_addition():
    """「另外有3个人…」 with no group counted before it is the group itself: its facts stay."""
    assert [] == additions("另外有3个人是大专学历 参加了涉外培训")


def test_trainees_counted_by_the_signed_contract_with_yigong():
    """三（七）2: of 90 trained, 「签了一年以上劳动合同的一共57个」 are counted: 57 × 500 = 28,500."""
    session = estimate("我们是认定过的服务外包培训机构 今年培训了90人 大专以上 签了一年以上劳动合同的一共57个 补多少")
    assert 57 == session.inputs["institution_trainees"]
    assert Decimal("28500") == session.compute()["total_cny"]


def test_levels_said_of_two_groups_fail_neither():
    """Interns 「大专以上」 and trainees 「本科以上的项目经理」: 三（七）3 is not failed on 大专; 3 × min(2万 × 50%, 3万)
    = 30,000 plus 15 × 5,000 = 75,000."""
    session = estimate(
        "实习协议签了三年 每年接25名实习生 今年合格的应届生（大专以上 实习满3个月 社保满6个月）15人 "
        "另外有3个本科以上的项目经理参加涉外业务培训 每人培训费2万 两项合计多少"
    )
    assert Decimal("105000") == session.compute()["total_cny"]
