"""A follow-up naming the group of people an estimate counted and splitting it by a person condition refines that
count, never adds a batch to it (bot/understand/refined_group.py; round 58 R58E026: 60 trainees, then 「60人里…签了1年
以上劳动合同的有48个，另外12个签的是半年」 is 48, never 60 + 48). A batch said to be new is still added."""

import re

import pytest

from bot.estimate.session import EstimateSession, removes_a_part, replaces_a_count
from bot.understand.fresh_group import describes_afresh
from bot.understand.refined_group import refines

TRAINEES = {"institution_recognized": True, "institution_trainees": 60}
INTERNS = {"internship_agreement_years": 3, "interns_per_year": 30, "qualified_interns": 30}

# (running, follow-up, the count the amended estimate holds)
REFINED = [
    (TRAINEES, "60人里跟服务外包企业签了1年以上劳动合同的有48个，另外12个签的是半年", "institution_trainees", 48),
    (TRAINEES, "这60个人中，有45个签了两年合同，另外15个只签了6个月", "institution_trainees", 45),
    (TRAINEES, "其中52个签了一年以上的劳动合同，另外8个签的是半年", "institution_trainees", 52),
    (TRAINEES, "他们里面签了1年以上合同的有55个，还有5个签了半年", "institution_trainees", 55),
    (TRAINEES, "60个学员：签1年以上劳动合同的50个，另外10个签了半年", "institution_trainees", 50),
    (TRAINEES, "50个签了一年以上，10个签的是半年", "institution_trainees", 50),
    (TRAINEES, "60个trainees里 50个签了1年以上的labor contract，另外10个只签了half a year", "institution_trainees", 50),
    (
        TRAINEES,
        "六十个人里面 跟外包企业签了一年以上合同的有四十五个 另外十五个只签了三个月",
        "institution_trainees",
        45,
    ),
    (TRAINEES, "另外，60个里面有5个是高中学历", "institution_trainees", 55),
    (TRAINEES, "他们当中有4个是高中毕业的，还有56个是本科", "institution_trainees", 56),
    (INTERNS, "30人里留下来在职并且连续交社保满6个月的有24个，另外6个实习完就走了", "qualified_interns", 24),
    (INTERNS, "其中22个留用了而且社保连续交了半年以上，另外8个社保只交了3个月", "qualified_interns", 22),
]


def _amended(running: dict, text: str) -> EstimateSession:
    session = EstimateSession(items=[], inputs=dict(running))
    session.infer_items()
    session.amending = True
    session.handle(text, "correct_value")
    return session


class TestRefines:
    @pytest.mark.parametrize("running,text,key,counted", REFINED)
    def test_a_split_of_the_group_held_is_a_refinement(self, running, text, key, counted):
        """The message names the group counted (its count with 里/中, 这, 其中/他们, or parts adding up to it)."""
        assert refines(text, running)
        assert replaces_a_count(text, running)
        assert removes_a_part(text, running)
        assert not describes_afresh(text, running)

    @pytest.mark.parametrize("running,text,key,counted", REFINED)
    def test_the_estimate_started_from_it_does_not_extend(self, running, text, key, counted):
        """Whatever 另外/还有 it says, it never adds its part to the count held."""
        assert not EstimateSession.start(text, running=running).extends

    @pytest.mark.parametrize("running,text,key,counted", REFINED)
    def test_the_amended_count_is_the_part_and_the_note_says_it(self, running, text, key, counted):
        """The count is the part meeting the conditions; the last count the notes name is that count."""
        session = _amended(running, text)
        assert counted == session.inputs[key]
        said = [int(n) for n in re.findall(r"(\d+)名(?:按您所说)?计算", "；".join(session.notes))]
        assert said and counted == said[-1]

    @pytest.mark.parametrize(
        "text",
        [
            "另外又培训了30人，都是大专以上，考核通过，签了一年以上合同，一共多少",
            "还有一期40个学员 其中35个签了一年以上 另外5个签的半年",
            "又招了一批20个学员 都符合条件",
            "今年培训了40个学员，其中30个本科考核合格签了两年合同，剩下10个考核没过，能补多少",  # its own group
            "换成下半年那批：36个学员里30个大专以上考核通过签了一年合同，6个没考过",  # a count not held
            "60个学员都符合条件",  # the group said again, no part
            "其中3个项目经理参加了涉外培训 每人2万",  # another item's people
            "我们还有40个项目经理 20个高管参加了涉外培训",  # another item's people, adding up to the count by chance
        ],
    )
    def test_a_new_batch_or_another_group_is_no_refinement(self, text):
        """A batch said to be new, a group of its own, or the group said again whole: not a split of the count held."""
        assert not refines(text, TRAINEES)

    def test_nothing_counted_is_nothing_to_refine(self):
        """No count of people in the running estimate."""
        assert not refines("其中48个签了一年以上，另外12个签的是半年", {"onshore_cny": 1})
        assert not refines("其中48个签了一年以上，另外12个签的是半年", None)


class TestNewBatchAdded:
    def test_a_new_batch_is_added_and_the_sum_said(self):
        """「另外又培训了30人」: 60 + 30, and the note says the sum (figure and note from one reading)."""
        session = EstimateSession.start(
            "另外又培训了30人，都是大专以上，考核通过，签了一年以上合同，一共多少",
            known={"institution_recognized": True},
            running={**TRAINEES, "_fact_labor_contract_years@3.7.2": None},
        )
        assert session.extends
        assert 90 == session.inputs["institution_trainees"]
        assert any("60 + 30 = 90名" in n for n in session.notes)


class TestPendingAnswer:
    def test_the_group_left_over_never_overrides_the_part_counted(self):
        """「这28个实习生中…的有20个，另外8个已经离职」 to the question of how many qualify: 20, as its note says."""
        session = EstimateSession.start(
            "本公司是服务外包企业，与河南一所高校签订了两年实习实训协议，今年接收应届本科实习生28人，实习期5个月，实习补贴能拿多少"
        )
        assert "qualified_interns" == session.pending
        session.handle("这28个实习生中，转正后在职并连续缴纳社保满6个月的有20个，另外8个已经离职")
        assert 20 == session.inputs["qualified_interns"]
        assert any(n.endswith("按20名计算") for n in session.notes)
