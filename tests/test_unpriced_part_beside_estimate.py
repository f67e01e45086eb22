"""A part asking the amount of a clause that names none (三（七）1 政府购买服务), beside an estimate with figures, is
answered as such after the estimate (no amount, the 实施细则 named), never estimated nor dropped."""

from actions.estimate import ActionEstimateStart
from actions.policy import _unpriced_clause_asked
from tests.test_actions import run, texts, tracker


class TestUnpricedPart:
    def test_unpriced_clause_part(self):
        """政府购买服务 names no amount."""
        assert _unpriced_clause_asked("还有政府购买服务那块一个项目给多少")

    def test_priced_clause_part(self):
        """定额培训支持 names 500元 a person: an estimate part."""
        assert not _unpriced_clause_asked("定额培训支持能拿多少")

    async def test_answered_after_the_estimate(self):
        """40 × 500 = 20,000, then the clause with no amount of its own."""
        d, _ = await run(
            ActionEstimateStart(),
            tracker(
                "我们是已认定的本市服务外包培训机构 今年培训大专以上学员40人 都考核通过并和外包企业签了两年劳动合同 "
                "定额支持能拿多少 还有政府购买服务那块一个项目给多少",
                intent="estimate_award",
            ),
        )
        text = texts(d)
        assert "20,000.00元" in text and "政府购买服务" in text and "没有规定" in text
