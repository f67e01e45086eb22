"""Counts of people corrected, taken from, or set apart in parts: a count said again with 刚才 and a new one
replaces it; 「这N个得去掉」 subtracts from the qualified count; parts listed of a count that fail a person
condition are left out of it, not the whole clause failed. New wording, not the case files'."""

from decimal import Decimal

from bot.estimate.session import EstimateSession, removes_a_part, replaces_a_count
from bot.understand.subgroups import listed, without_parts
from tests.test_estimate_corrections_r13 import amend


class TestACountReplaced:
    FIRST = "我们是已认定的服务外包培训机构 今年培训了150个学员 考核通过也签了合同 定额支持多少"
    SECOND = "不好意思 刚才150个是全部学员 大专以上又签了1年以上合同的其实只有88个"

    def test_the_count_said_again_is_replaced(self):
        first = EstimateSession.start(self.FIRST)
        assert 150 == first.inputs["institution_trainees"]
        assert replaces_a_count(self.SECOND, first.inputs)
        amended, turn = amend(first, self.SECOND)
        assert turn.understood and 88 == amended.inputs["institution_trainees"]
        assert Decimal("44000") == Decimal(str(amended.compute()["total_cny"]))

    def test_a_new_count_without_pointing_back_is_no_replacement(self):
        assert not replaces_a_count("又培训了30个学员", {"institution_trainees": 150})
        assert not replaces_a_count("刚才150个", {"institution_trainees": 150})  # no new count


class TestAPartTakenOut:
    FIRST = "和两所学校签了三年实训协议 今年收了40个实习生 符合应届大专以上 实习3个月以上 社保连续6个月以上的有30个"

    def test_qualified_count_is_read_before_the_group(self):
        s = EstimateSession.start(self.FIRST)
        assert 30 == s.inputs["qualified_interns"] and 40 == s.inputs["interns_per_year"]

    def test_removed_part_is_subtracted_not_failing_the_clause(self):
        first = EstimateSession.start(self.FIRST)
        text = "又查了一下 有6个人实习期只有2个月 这6个要去掉"
        assert removes_a_part(text, first.inputs)
        amended, _ = amend(first, text)
        assert 24 == amended.inputs["qualified_interns"]
        assert {} == amended.failed()
        assert Decimal("120000") == Decimal(str(amended.compute()["total_cny"]))


class TestPartsListedOfACount:
    def test_listed_parts_carry_their_group(self):
        t = "合格的有30个 这30个里面4个社保只交了3个月 还有1个是高中学历"
        parts = listed(t)
        assert [(4, 30), (1, 30)] == [(p.count, p.group) for p in parts]
        assert "社保只交了3个月" not in without_parts(t)

    def test_interns_parts_left_out(self):
        s = EstimateSession.start(
            "跟学校签了两年实训协议 今年接了30个实习生 应届大专以上的有25个 这25个里面4个社保只交了3个月 还有1个实习期不到3个月"
        )
        assert 20 == s.inputs["qualified_interns"]
        assert Decimal("100000") == Decimal(str(s.compute()["total_cny"]))

    def test_trainees_parts_left_out(self):
        s = EstimateSession.start(
            "我们是认定的服务外包培训机构 考核通过并签了劳动合同的50个 这50个里有6个只签了半年合同 另外有2个是中专学历"
        )
        assert 42 == s.inputs["institution_trainees"]
        assert Decimal("21000") == Decimal(str(s.compute()["total_cny"]))


def test_six_people_four_qualify():
    """「7个人 3个本科项目经理 2个专科项目经理 2个本科测试人员 每人3万」: only the 3 qualify → 3 × 15,000."""
    s = EstimateSession.start(
        "送去涉外业务培训的7个人 3个是本科的项目经理 2个是专科的项目经理 2个本科但是测试人员 每人培训费都是3万"
    )
    assert [Decimal("30000")] * 3 == [e["cost_cny"] for e in s.inputs["senior_training"]]
    assert Decimal("45000") == Decimal(str(s.compute()["total_cny"]))


def test_removed_trainees_are_subtracted():
    """The same for 三（七）2's trainees: 60 − 5 = 55 × 500."""
    first = EstimateSession.start(
        "我们是已认定的服务外包培训机构 今年培训了60个学员 都考核通过签了一年以上合同 都是大专以上"
    )
    amended, _ = amend(first, "又核对了一下 有5个人合同只签了半年 这5个要去掉")
    assert 55 == amended.inputs["institution_trainees"] and {} == amended.failed()
    assert Decimal("27500") == Decimal(str(amended.compute()["total_cny"]))
