"""A message with an estimate and other questions: the estimate reads only what it can compute, and the
other questions are answered after it, each on the facts stated (issue 13). Wording of our own."""

from actions.estimate import ActionEstimateStart, ActionLooseAnswer
from actions.policy import estimate_text
from tests.test_actions import run, texts, tracker


class TestEstimateText:
    def test_yes_no_question_without_figures_is_left_out(self):
        """「…能补多少 另外ITSS的认证费也能补吗」: the estimate reads the platform's figures only."""
        text = estimate_text("培训平台买设备花了300万 能补多少 另外ITSS的认证费也能补吗")
        assert text is not None and "itss" not in text.lower() and "300万" in text

    def test_question_asking_an_amount_stays(self):
        """「然后增量奖呢」 asks for an amount without figures of its own: the estimate keeps it."""
        assert estimate_text("今年离岸180万美元 汇率7.1 离岸奖多少 然后增量奖呢 去年是0") is None

    def test_how_a_clause_is_computed_is_left_out(self):
        """「…能拿多少 然后平台补贴是怎么算的」: the estimate reads the offshore figures; the how-question is answered."""
        text = estimate_text("今年离岸160万美元 汇率7.1 能拿多少离岸奖 然后平台补贴是怎么算的")
        assert text is not None and "平台" not in text and "160万" in text


class TestOtherParts:
    async def test_estimate_then_the_yes_no_question(self):
        """The platform is computed (300万 × 30%), then 三（六） answers the certification question."""
        d, _ = await run(
            ActionEstimateStart(),
            tracker("培训平台买设备花了300万 能补多少 另外ITSS的认证费也能补吗", intent="estimate_award"),
        )
        out = texts(d)
        assert "900,000.00元" in out and "第三条第（六）项" in out and "每项的认证或维护费用" not in out

    async def test_other_part_gets_its_verdict(self):
        """「离岸那块能不能拿」 after an estimate: 40万美元 is not over 100万美元, said as a verdict."""
        d, _ = await run(
            ActionLooseAnswer(),
            tracker("今年新成立 在岸做了500万 离岸40万美元 汇率7 增量奖励怎么算 离岸那块能不能拿"),
        )
        assert "结论：不符合第三条第（二）项" in texts(d)

    async def test_run_on_inform_answers_its_second_question(self):
        """An inform with a rent estimate and 「分公司能不能报」: both answered in one turn."""
        d, _ = await run(
            ActionLooseAnswer(),
            tracker("我们是分公司 税在郑州交 重点园区入驻一年 执行额800万 租金补贴能拿吗 还有分公司能不能报"),
        )
        out = texts(d)
        assert "入驻三年以上" in out and "分支机构可以申报" in out


class TestHeadcountEstimateBesideAnotherQuestion:
    async def test_trainee_headcount_is_computed(self):
        """Headcounts alone (no money) with 「能补多少」 and a second question: the 三（七）4 estimate,
        10 × 5000 = 50,000, not the clause text asking for figures already given."""
        from actions.policy import ActionAnswerPolicy

        d, _ = await run(
            ActionAnswerPolicy(),
            tracker(
                "和两所职业学院签了四年的实训协议 每年来30个外包实习生 今年有10个应届大专生 实习期4个月 "
                "社保连续交了7个月 能补多少 补贴总额最多多少"
            ),
        )
        out = texts(d)
        assert "50,000.00元" in out and "告诉我具体数字" not in out
