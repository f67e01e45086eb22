"""「公司2023年新成立，第一年的增量奖励咋算（没有上年数据）？」: how a clause computes, a bracketed remark after the
question, is asked with no figure; 「没有上年数据」 is no award of 0 (the estimate reads no stated award), and the
answer is the first-year rule (bot/answers/reasoning.py)."""

from bot.answers import router
from bot.estimate.session import EstimateSession
from knowledge import shapes


class TestNewEnterpriseHowComputed:
    def test_how_asked_with_a_bracketed_remark(self):
        for said in ("第一年的增量奖励咋算（没有上年数据）？", "增量奖励怎么算(去年还没成立)"):
            assert shapes.search("asks_how_computed", said), said

    def test_no_prior_year_is_no_award_said(self):
        s = EstimateSession.start("公司去年刚成立，头一年增量奖励如何算（没有上年度数据）")
        assert "_award_3.1" not in s.inputs

    def test_the_rule_beside_another_question(self):
        text = router.compose(None, "我们是2024年新成立的，第一年增量奖励怎么算？另外展会补贴境外每场最多补多少").text
        assert "纯增量" in text and "5万元" in text
