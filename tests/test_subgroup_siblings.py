"""Parts of a group that fail a condition drop out, the rest is counted (bot/understand/subgroups.py `_siblings`,
`overlap_unclear`, `listed`; bot/estimate/clauses/base.py count_without_parts): parts said one after another
(「其中6个… 4个… 另外5个…」), asked about when they may be the same people, nested in the others named
(「其他45个… 这45个里面…」), and one person of a list whose course is a degree course (三（七）3)."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.understand import subgroups
from bot.understand.facts import normalize


def start(text):
    return EstimateSession.start(text)


def statuses(est, code):
    return {c.id: c.status for c in est.verdicts()[code].checks}


class TestSiblingParts:
    def test_parts_said_one_after_another_are_each_a_part(self):
        """「其中6个… 4个… 另外5个…」: three parts of the 90, each with its own words."""
        t = normalize("今年结业了90个学员 其中6个是高中学历 4个没拿到结业证 另外5个只签了10个月合同 其余都符合")
        assert [6, 4, 5] == [p.count for p in subgroups.parts(t)]
        assert "签了10个月" not in subgroups.without_parts(t)

    def test_the_rest_is_never_a_part(self):
        """「另外27个都符合」 after a part is the others (其余), not one more part."""
        t = normalize("30个学员 其中3个高中 另外27个都符合")
        found = subgroups.parts(t)
        assert [(3, False), (27, True)] == [(p.count, p.rest) for p in found]

    def test_a_duration_is_no_part(self):
        """「3个月」 after a part is a duration, never 3 people."""
        t = normalize("接收了30个实习生 其中4个只实习了两个月 3个月以后都转正了")
        assert [4] == [p.count for p in subgroups.parts(t)]

    def test_counts_beyond_the_group_are_no_parts(self):
        """Counts adding up past the group are not its parts."""
        t = normalize("来了10个实习生 其中4个社保没交满 8个是本科")
        assert [4] == [p.count for p in subgroups.parts(t)]


class TestDisjointPartsCounted:
    def test_trainees_in_three_disjoint_parts(self):
        """90 − 6 − 4 − 5 = 75; the 10个月 contract is those 5's, never the whole group's."""
        est = start(
            "我们是认定的培训机构 今年结业了90个学员 其中6个是高中学历 4个没拿到结业证 另外5个只签了10个月合同 "
            "这三拨人互不重叠 其余都符合 培训支持多少"
        )
        assert 75 == est.inputs["institution_trainees"]
        assert "not_met" not in statuses(est, "3.7.2").values()
        assert Decimal(37500) == Decimal(str(est.compute()["total_cny"]))

    @pytest.mark.parametrize("apart", ["两部分没有重叠", "不是同一批人", "互不重叠"])
    def test_interns_in_two_disjoint_parts(self, apart):
        """40 − 5 − 2 = 33 interns, whichever words say the parts are apart."""
        est = start(
            f"跟学院签了两年半的实训协议 今年来了40个应届实习生 都是本科 当中有5个实习不到3个月 2个社保才交了4个月 "
            f"{apart} 实习生补贴多少"
        )
        assert 33 == est.inputs["qualified_interns"]
        assert "not_met" not in statuses(est, "3.7.4").values()

    def test_parts_of_one_condition_never_overlap(self):
        """Two parts each with their own degree cannot be the same people: subtracted, nothing asked."""
        est = start(
            "我们是认定的培训机构 今年培训了50个学员 其中3个是高中 2个是中专 其余都是大专以上 考核通过 签了两年合同"
        )
        assert 45 == est.inputs["institution_trainees"]


class TestOverlapAsked:
    @pytest.mark.parametrize("extra", ["", "有几个是同一批人 "])
    def test_parts_failing_different_conditions_not_said_apart(self, extra):
        """「5个实习不到3个月 2个社保才交了4个月」: maybe the same people: asked, never 33, never all 40."""
        est = start(
            f"跟学院签了两年半的实训协议 今年来了40个应届实习生 都是本科 当中有5个实习不到3个月 2个社保才交了4个月 "
            f"{extra}实习生补贴多少"
        )
        assert "qualified_interns" not in est.inputs
        assert any("是不是有同一批人" in n and "5个实习不到3个月" in n for n in est.notes)
        assert not any("均符合条件" in n for n in est.notes)

    def test_overlap_said_is_asked_even_with_words_setting_them_apart(self):
        """「有重叠」: subtracting both would count some twice: asked."""
        est = start(
            "我们是认定的培训机构 今年培训了60个学员 其中5个考核没过 另外4个只签了半年合同 这两拨有重叠 培训支持多少"
        )
        assert "institution_trainees" not in est.inputs
        assert any("是不是有同一批人" in n for n in est.notes)


class TestNestedParts:
    def test_a_split_of_the_others_all_meeting(self):
        """「其他45个… 这45个里面15个签一年 30个签两年」: 45 counted, their contract met (1年以上 includes 1年)."""
        est = start(
            "我们是认定的培训机构 这期48个学员 都是大专以上 考核都过了 其中3个人后来去考公务员了 其他45个进了外包企业 "
            "这45个里面15个合同签了一年 30个签了两年 培训支持多少"
        )
        assert 45 == est.inputs["institution_trainees"]
        assert "met" == statuses(est, "3.7.2")["contract"]

    def test_a_part_inside_the_others_is_taken_from_them(self):
        """「这45个里面40个签了两年 5个只签了半年」: 45 − 5 = 40, never the 45."""
        est = start(
            "我们是认定的培训机构 这期48个学员 都是大专以上 考核都过了 其中3个人后来去考公务员了 其他45个进了外包企业 "
            "这45个里面40个合同签了两年 5个只签了半年 培训支持多少"
        )
        assert 40 == est.inputs["institution_trainees"]
        assert "met" == statuses(est, "3.7.2")["contract"]


class TestPersonList:
    def test_a_degree_course_said_after_its_cost_leaves_that_person_out(self):
        """「丁 硕士 项目经理 他那个2万是读在职MBA的学费」: that person alone is left out; a 测试员 is below 项目经理."""
        est = start(
            "帮忙算下中高级人才培训补贴 4个人参加了涉外业务培训 甲本科 项目经理 培训费4万 乙硕士 总监 6万 "
            "丙本科 普通测试员 2万 丁硕士 项目经理 不过他那个2万是读在职MBA的学费 能补多少"
        )
        assert [Decimal(40000), Decimal(60000)] == [e["cost_cny"] for e in est.inputs["senior_training"]]
        assert "not_met" not in statuses(est, "3.7.3").values()
        assert Decimal(50000) == Decimal(str(est.compute()["total_cny"]))


INTERNS_UNCLEAR = (
    "跟一所学院签了三年实训协议 今年接收了32个应届实习生 都是大专 其中5个实习只有两个月 2个社保只交了4个月 "
    "其他人都超过3个月 社保也交满了6个月 补贴多少"
)


class TestOverlapAnswered:
    def test_apart_said_after_the_question_subtracts_each_part(self):
        """「两拨不是同一批人」 to the question: the message is read again with it, 32 − 5 − 2 = 25."""
        est = start(INTERNS_UNCLEAR)
        assert "是不是有同一批人" in est.question()
        est.handle("两拨不是同一批人", "inform")
        assert 25 == est.inputs["qualified_interns"]
        assert not any("是不是有同一批人" in n for n in est.notes)

    def test_the_count_told_after_the_question_is_taken(self):
        """The user's own count of those meeting every condition answers it (never 32, never 25)."""
        est = start(INTERNS_UNCLEAR)
        est.handle("符合条件的一共26个", "inform")
        assert 26 == est.inputs["qualified_interns"]


class TestRestRestated:
    RUNNING = {"institution_recognized": True, "institution_trainees": 87}

    def test_the_rest_restated_after_the_estimate_is_its_people(self):
        """「剩下的人…合同都是一年以上」 after 87 were counted: the estimate stands."""
        from bot.estimate.session import restates_the_rest

        assert [("培训机构定额培训支持", 87)] == restates_the_rest(
            "剩下的人去的都是服务外包企业，合同都是一年以上", self.RUNNING
        )
        assert restates_the_rest("其余87个都满足条件", self.RUNNING)

    @pytest.mark.parametrize(
        "text",
        ["剩下的人合同只签了半年", "剩下的80个都符合", "剩下的人合同算不算一年以上？", "我们还有一个平台想问问"],
    )
    def test_a_condition_failed_another_count_or_a_question_is_no_restatement(self, text):
        """A failing fact, another count or a question is read as such, never acknowledged."""
        from bot.estimate.session import restates_the_rest

        assert [] == restates_the_rest(text, self.RUNNING)


class TestOtherPeopleNoApplicantFacts:
    def test_the_rest_of_the_people_meeting_is_no_applicant_fact(self):
        """「其中5个… 其余都符合」: the other trainees meet the conditions; 第二条's facts are not said."""
        from bot.understand.facts import read_facts

        facts = read_facts(normalize("今年培训了60个学员 其中5个考核没过 4个只签了半年合同 其余都符合 培训支持多少"))
        assert "sound_finance" not in facts and "mofcom_registered" not in facts

    def test_other_conditions_all_met_still_read(self):
        """「税不在郑州交，其他都满足」: the applicant's other conditions (no people set apart)."""
        from bot.understand.facts import read_facts

        assert read_facts(normalize("我们公司有50个员工 税在郑州交 其他都满足")).get("sound_finance") is True
