"""Several applicants in one message: each independent legal entity is estimated on its own, with its own caps
and its own total, never pooled with another's (第四条第（三）项, 三（六）'s 3 items and 三（七）3's 20 people are
per enterprise). Wording of our own, not the case files'."""

from actions.estimate import ActionEstimateStart
from bot.estimate import applicants
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from tests.test_actions import run, texts, tracker


def names(text: str) -> list:
    return [name for name, _ in applicants.split(normalize(text))]


class TestSplit:
    def test_letter_companies_are_two_applicants(self):
        """「C公司…；D公司…两家各多少」: two applicants, in the order named."""
        assert ["c公司", "d公司"] == names("C公司今年离岸120万美元 汇率7；D公司去了一场境外展 5万。两家各多少")

    def test_subsidiaries_named_after_the_word(self):
        """「子公司丙：…子公司丁：…」 with 各自: two applicants."""
        assert ["子公司丙", "子公司丁"] == names("子公司丙：ITSS 5万\n子公司丁：CCRC 4万\n各自能补多少")

    def test_zhengzhou_names_with_legal_entity_in_brackets(self):
        """「郑州M软件（独立法人）…郑州N数据（独立法人）…分别补多少」: two applicants by name."""
        assert ["郑州m软件", "郑州n数据"] == names(
            "郑州M软件（独立法人）ITSS认证8万；郑州N数据（独立法人）CCRC认证4万。分别补多少"
        )

    def test_closing_question_goes_with_every_applicant(self):
        """The last words, with no figure, ask for each; the words before the first name are shared."""
        parts = dict(applicants.split(normalize("帮两家问增量：甲公司今年在岸800万；乙公司今年在岸600万。两家各多少")))
        assert parts["甲公司"].startswith("帮两家问增量") and parts["乙公司"].endswith("两家各多少")
        assert "600万" not in parts["甲公司"] and "800万" not in parts["乙公司"]

    def test_one_and_the_other_are_two_applicants(self):
        """「两家公司 一家…另一家…」: told apart by order, named 第1家 and 第2家."""
        parts = applicants.split(
            normalize("集团有两家公司 一家离岸130万美元 汇率7 另一家去了一场境外展 4万 各能拿多少")
        )
        assert ["第1家", "第2家"] == [n for n, _ in parts]
        assert "4万" not in parts[0][1] and "130万" not in parts[1][1]

    def test_a_company_then_another_is_not_two_applicants_without_the_word(self):
        """「我们是一家软件公司…分别」: one applicant; 一家 alone names no second one."""
        assert [] == names("我们是一家软件公司 ITSS 8万 CCRC 4万 分别能补多少")

    def test_one_company_is_not_split(self):
        """One applicant, even with 分别: nothing to split."""
        assert [] == names("我们公司ITSS 8万 CCRC 4万 分别能补多少")

    def test_two_names_without_saying_several_are_asked(self):
        """Names alone, with no word saying several applicants are asked about, are not split."""
        assert [] == names("甲公司介绍的客户 乙公司做的项目 离岸150万美元 汇率7.1")


class TestEachApplicantHasItsOwnCaps:
    def test_each_applicant_keeps_its_three_certifications(self):
        """Six certifications over two applicants: each keeps its own three; pooled, three of the six would be
        dropped."""
        parts = applicants.split(
            normalize(
                "子公司甲：CMMI5 20万；ITSS 10万；PCMM 10万；CCRC 10万\n子公司乙：SAS70 10万；CCRC 10万\n各自补多少"
            )
        )
        totals = {name: EstimateSession.start(words).compute()["total_cny"] for name, words in parts}
        assert {"子公司甲": 280000.0, "子公司乙": 140000.0} == totals


class TestAction:
    async def test_each_applicant_gets_its_own_block_and_no_pooled_total(self):
        """Offshore for one, a fair for the other: two blocks, each with its own figure, and no sum of both."""
        d, _ = await run(
            ActionEstimateStart(),
            tracker(
                "集团两家子公司：A公司今年离岸执行额120万美元，汇率7；B公司今年去了一场境外展会 展位费4万。两家各能拿多少",
                intent="estimate_award",
            ),
        )
        out = texts(d)
        assert "【A公司】" in out and "【B公司】" in out
        assert "840,000.00元" in out and "28,000.00元" in out  # 120万美元 × 10% × 7; 4万 × 70%
        assert "868,000" not in out and "86.80万" not in out

    async def test_an_applicant_missing_figures_is_asked_naming_it_the_other_estimated(self):
        """One applicant's estimate needs a figure still (no exchange rate): the other one, complete, is estimated;
        the one that lacks the rate is asked for it by name, with no figure of its own and no sum."""
        d, events = await run(
            ActionEstimateStart(),
            tracker(
                "两家子公司分别问：甲公司今年离岸执行额150万美元；乙公司今年去了一场境外展会 展位费4万。各能拿多少",
                intent="estimate_award",
            ),
        )
        out = texts(d)
        assert "一次只说一家企业" not in out
        assert "28,000.00元" in out  # 乙: 4万 × 70%
        assert "甲公司的测算还需要" in out and "汇率" in out
        assert "1,050,000" not in out and "1,065,000" not in out  # no rate assumed for 甲
        state = next(e["value"] for e in events if e.get("name") == "estimate_state")
        assert state and state["status"] == "collecting"  # 甲's estimate goes on with the answer
