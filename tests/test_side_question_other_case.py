"""A yes/no question beside an estimate whose own facts rule the item out (「…费用分别2万 4万 10万 能补多少？MBA学费能
不能报？」) is about another case: the estimate keeps to its figures' facts, the side question gets its own verdict
(actions/policy._other_case_parts)."""

from actions.estimate import ActionEstimateStart
from actions.policy import _other_case_parts
from tests.test_actions import run, texts, tracker


class TestOtherCaseParts:
    def test_a_degree_course_is_another_case(self):
        """学历教育 in the side question rules out 三（七）3; the staff training asked is still open."""
        asked = ["派了2个本科项目经理参加涉外业务培训 每人3万 能补多少?", "在职研究生学费能报吗?"]
        assert ["在职研究生学费能报吗?"] == _other_case_parts(asked[1:], asked)

    def test_a_side_question_without_failing_facts_stays(self):
        """A side question that rules nothing out is no other case."""
        asked = ["派了2个本科项目经理参加涉外业务培训 每人3万 能补多少?", "发票要原件吗?"]
        assert [] == _other_case_parts(asked[1:], asked)

    async def test_the_estimate_keeps_its_own_facts(self):
        """1.5万 + 2.5万 = 4万 estimated, and the degree course refused on its own."""
        d, _ = await run(
            ActionEstimateStart(),
            tracker(
                "两个骨干参加了涉外项目管理培训 都是本科项目经理 费用分别3万 5万 能补多少？那读在职MBA的学费呢 能不能报？",
                intent="estimate_award",
            ),
        )
        text = texts(d)
        assert "40,000.00元" in text and "学历教育" in text
