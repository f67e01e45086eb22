"""A part of a group (「其中N个是…」) belongs to the group it follows and comes off no other: the interns' qualifying
part is the interns' count, never subtracted from the project managers said before them; a part that fails a
condition comes off its own group, a part said to qualify is the count. A level denied (「不是项目经理」) is no level of
those people; a group named again with 人 (「这70人里有6人…」) has its parts; the others left after a split (「剩下10个
是高中」) are no one else's fact. Wording is our own, not the case files'."""

from decimal import Decimal

from bot.estimate.clauses.senior_training import rank_said
from bot.estimate.session import EstimateSession
from bot.estimate.understand import read
from bot.nlu.normalize import normalize
from bot.understand.facts import read_facts
from bot.understand.subgroups import of_other_people, parts


def _amounts(text: str) -> dict:
    session = EstimateSession.start(text)
    assert session.status == "done", session.question()
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in session.compute()["items"]}


class TestPartOfAnotherClausesPeople:
    def test_interns_part_after_managers_is_the_interns_count(self):
        """The 10 are of the 25 interns: 18 managers × 1万, 10 interns × 5,000."""
        text = (
            "今年派了18个本科以上的项目经理参加涉外交付培训，每人2万；另外和河南大学签了两年实训协议，"
            "每年收实习生25名，里面有10个是应届本科、实习4个月、社保交满半年的。培训和实习补贴各多少"
        )
        assert {"3.7.3": Decimal("180000"), "3.7.4": Decimal("50000")} == _amounts(text)

    def test_interns_part_with_ming_before_the_managers(self):
        text = (
            "公司签了三年实训协议，每年接收实习生40名，其中15名是应届本科毕业、实习满3个月、社保交满6个月的；"
            "另外9个本科项目经理参加了涉外业务培训，每人3万。"
        )
        assert {"3.7.3": Decimal("135000"), "3.7.4": Decimal("75000")} == _amounts(text)

    def test_managers_part_after_interns_comes_off_the_managers(self):
        """「其中4个是大专学历」 follows the 10 managers: 6 counted, the interns' 20 untouched."""
        text = (
            "实训协议签了4年，每年接收实习生30个，符合条件的应届毕业生20个；派了10个项目经理去做涉外业务培训，"
            "每人2万，其中4个是大专学历。两项能补多少"
        )
        assert {"3.7.3": Decimal("60000"), "3.7.4": Decimal("100000")} == _amounts(text)

    def test_the_part_is_said_of_the_other_clause(self):
        t = normalize("送了12个项目经理去培训，每人1万；实训协议3年，今年收了28个实习生，其中9个是应届大专的")
        part = next(p for p in parts(t) if p.count == 9)
        assert of_other_people(t, part, "3.7.3")
        assert not of_other_people(t, part, "3.7.4")


class TestFailingPartBeforeTheCost:
    def test_failing_part_between_the_group_and_its_cost(self):
        """「10个…其中4个是大专学历，每人2万」: the cost is each of the 10's; 6 counted, never 4 − 4 = 0."""
        text = "派了10个项目经理去做涉外业务培训，其中4个是大专学历，每人2万。能补多少"
        assert {"3.7.3": Decimal("60000")} == _amounts(text)

    def test_qualifying_part_is_the_count(self):
        text = "10个人参加了涉外业务培训，其中6个是本科以上的项目经理，每人2万。能补多少"
        assert {"3.7.3": Decimal("60000")} == _amounts(text)

    def test_twelve_with_five_below(self):
        text = "公司安排12个项目经理参加了对欧交付的业务培训，其中5个只是专科学历，每人培训费3万。补贴多少"
        assert {"3.7.3": Decimal("105000")} == _amounts(text)


class TestDeniedLevel:
    def test_denied_position_is_no_position(self):
        assert (0, 0) == rank_said("普通开发工程师(不是项目经理)", "position")
        assert (0, 0) == rank_said("测试工程师(非项目经理)", "position")

    def test_affirmed_position_is_read(self):
        assert (1, 1) == rank_said("本科的项目经理", "position")
        assert (1, 1) == rank_said("职位都不低于项目经理", "position")

    def test_testers_not_managers_left_out(self):
        """8 managers × 2.5万; the 4 testers (非项目经理) are left out, never everyone ruled out."""
        text = "8个项目经理参加了涉外培训，每人5万，都是本科；另外有4个测试工程师（非项目经理）也去了，每人也是5万。能补多少"
        assert {"3.7.3": Decimal("200000")} == _amounts(text)

    def test_developers_in_the_same_class_left_out(self):
        text = (
            "给6个硕士项目经理报了涉外交付管理培训，每人3万，同期还有4个本科的开发人员（不是项目经理）也报了，"
            "每人3万。能补多少"
        )
        assert {"3.7.3": Decimal("90000")} == _amounts(text)


class TestGroupNamedAgainWithRen:
    def test_part_of_the_signed_comes_off_them(self):
        text = (
            "我们是认定的培训机构，今年培训了90人，考核通过80人，跟外包企业签了1年以上合同的有70人"
            "（另外10人签的半年），这70人里有6人是高中学历。能拿多少"
        )
        assert 64 == read(text, items=["3.7.2"]).fields["institution_trainees"]

    def test_part_said_with_ge(self):
        text = (
            "已认定的服务外包培训学校，结业150人，考核通过的130人，和服务外包企业签了两年劳动合同的120人"
            "（还有10人没签），这120人里有8个是中专的，其余都是大专以上。培训支持多少"
        )
        assert 112 == read(text, items=["3.7.2"]).fields["institution_trainees"]


class TestFailingRestAfterSplit:
    TEXT = (
        "我们是认定的服务外包培训机构，今年培训了90人：大专以上的80人（剩下10个是高中），这80人里考核通过70人，"
        "通过的人里签了一年以上合同的60人，另外10个只签了半年。能拿多少"
    )

    def test_the_rest_is_not_everyones_level(self):
        assert "高中" != read_facts(self.TEXT).get("education_level")

    def test_the_innermost_count(self):
        assert {"3.7.2": Decimal("30000")} == _amounts(self.TEXT)

    def test_rest_said_with_qiyu(self):
        text = (
            "我们是已认定的培训机构，一共培训了50人，其中大专及以上的45人（其余5个是中专），45人都考核通过，"
            "都跟外包公司签了一年以上的劳动合同。补贴多少"
        )
        assert "中专" != read_facts(text).get("education_level")
