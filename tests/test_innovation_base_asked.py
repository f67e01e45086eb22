"""「创新发展能力那条的15%，是按研发投入的15%算吗？还是把展会补贴…也加进去一起算15%？」: one question with two choices
(a part starting with 还是 belongs to the question before it), answered with what 三（三）'s base is and is not."""

import pytest

from bot.answers import router
from bot.understand.segment import question_parts
from knowledge import shapes


class TestAlternativeJoins:
    @pytest.mark.parametrize(
        "text",
        [
            "创新发展能力那条的15%，是按研发投入的15%算吗？还是把展会补贴、资质认证补贴也加进去一起算15%？",
            "离岸奖励按美元算吗？还是按人民币算？",
            "展会补贴每场2万是按场算吗，还是说全年一共2万",
        ],
    )
    def test_one_part(self, text):
        assert 1 == len(question_parts(text))

    def test_another_question_stays_apart(self):
        assert 2 == len(question_parts("增量奖励多少？另外租金补贴呢"))


class TestBaseAnswered:
    @pytest.mark.parametrize(
        "text",
        [
            "创新发展能力那条的15%，是按研发投入的15%算吗？还是把展会补贴、资质认证补贴也加进去一起算15%？",
            "创新奖励的15%是按营业收入算的吗",
            "创新发展奖励那个百分之十五，基数是研发费用吗？还是说把技先的10万也合起来算？",
            "提升创新能力那项按15%给，是按我们的利润算吗",
            "创新奖那个15%，技术先进型那10万和展会补贴也一起算进去吗",
        ],
    )
    def test_base_is_the_two_awards(self, text):
        answer = router.compose(None, text, facts={})
        assert "增量奖励" in answer.text and "离岸业务奖励" in answer.text
        assert "不计入基数" in answer.text
        assert "第三条第（六）项" not in answer.text

    def test_shape(self):
        assert shapes.search("asks_basis", "是按研发投入的15%算吗")
        assert not shapes.search("asks_basis", "增量奖励按3%算多少")
