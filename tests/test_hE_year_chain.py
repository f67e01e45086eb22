"""Figures of several calendar years in one message: each year asked about is estimated against the year before it
(明年 against 今年, 后年 against 明年), one estimate per year, never added up; explicit years 2022/2023 the same way.
Wording of our own, not the case files'."""

from decimal import Decimal

import pytest

from actions.estimate import ActionEstimateStart
from bot.estimate import year_chain
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from tests.test_actions import run, texts, tracker

D = Decimal


def asked(text: str) -> list:
    return year_chain.asked_years(normalize(text))


class TestAskedYears:
    def test_next_year_against_this_year(self):
        assert [1] == asked("今年在岸做了3000万。要是明年在岸做到3600万，明年增量奖励多少")

    def test_two_later_years_each_asked(self):
        assert [1, 2] == asked("今年在岸2000万，明年打算做到2600万，后年做到3500万，两年的增量奖励分别多少")

    def test_question_naming_one_year_asks_that_one(self):
        assert [0] == asked("去年在岸2000万，今年2600万，明年预计3000万，今年的增量奖励能拿多少")

    def test_last_and_this_year_alone_is_no_chain(self):
        """The reader's own pair (去年/今年): nothing to refocus."""
        assert [] == asked("去年在岸2000万，今年2600万，增量奖励多少")

    def test_one_year_alone_is_no_chain(self):
        assert [] == asked("如果明年在岸做到2900万呢")

    def test_words_inside_other_words_are_no_years(self):
        """「以后年度」「明后年」 name no year of a figure."""
        words = [w.word for w in year_chain.calendar_words("做下明后年预算，以后年度也一样，今年在岸100万")]
        assert ["今年"] == words


class TestOneYearAsked:
    def test_next_year_compared_with_this_year(self):
        """(5,000万 − 3,800万) × 3% = 36万: 今年 is 明年's previous year, no question about 上一年度."""
        s = EstimateSession.start("今年在岸执行额3800万，没有离岸业务。假如明年在岸做到5000万，增量奖励有多少")
        assert "done" == s.status
        assert D("360000") == s.compute()["total_cny"]
        assert any("明年与今年相比" in n for n in s.notes)

    def test_later_answer_uses_the_users_years(self):
        """Asked the rates, 「今年6.9，明年7.0」 gives 今年 to the previous year: (150 × 7.0 − 90 × 6.9)万 × 3% =
        12.87万; 150万美元 × 10% × 7.0 = 105万."""
        s = EstimateSession.start("今年离岸90万美元，没有在岸。如果明年离岸做到150万美元，离岸奖励和增量奖励多少")
        assert "done" != s.status and "明年" in s.question()
        s = EstimateSession.load(s.dump())
        s.handle("今年6.9，明年7.0")
        assert (D("6.9"), D("7.0")) == (s.inputs["previous_usd_cny_rate"], s.inputs["usd_cny_rate"])
        assert D("1178700") == s.compute()["total_cny"]

    def test_another_items_cost_of_the_year_before_is_left_out(self):
        """A fair of 今年 is no cost of 明年's estimate: only 明年's fair counts (3万 × 70% = 2.1万)."""
        s = EstimateSession.start("今年去了一场境内展会花了6万，明年打算去一场境内展会 展位费3万，明年能补多少")
        assert [D("30000")] == [f["cost_cny"] for f in s.inputs.get("fairs", [])]

    def test_explicit_years_with_the_contract_amount(self):
        """「2024年合同执行额820万元（全部在岸），2023年700万元」 with rent: 820万 is 2024's business amount, which is
        also the rent subsidy's contract amount: (820万 − 700万) × 3% = 3.6万; 24万 × 30% = 7.2万."""
        s = EstimateSession.start(
            "入驻市级重点园区已满4年。2024年合同执行额8,200,000元（全部在岸），2023年7,000,000元；"
            "办公面积600平方米，年租金240,000元，没享受过租金补贴。增量奖励和租金补贴一共多少"
        )
        assert (D("8200000"), D("7000000")) == (s.inputs.get("onshore_cny"), s.inputs.get("previous_onshore_cny"))
        assert D("108000") == s.compute()["total_cny"]


class TestUserWords:
    def test_question_names_the_users_years(self):
        said = year_chain.in_user_words("上一年度的执行额是多少？请告诉我今年（业务执行年度）的汇率", 1)
        assert "上一年度（今年）" in said and "明年（业务执行年度）" in said

    def test_basis_note_is_kept(self):
        note = year_chain.basis_note(2)
        assert note in year_chain.in_user_words(note + "。按上年在岸5000万元、今年在岸9000万元计算", 2)
        assert "按明年在岸5000万元、后年在岸9000万元" in year_chain.in_user_words(
            "按上年在岸5000万元、今年在岸9000万元", 2
        )


class TestEachYear:
    async def test_two_years_two_blocks_never_summed(self):
        """明年 (2600万 − 2000万) × 3% = 18万; 后年 (3500万 − 2600万) × 3% = 27万; no 45万 sum."""
        d, _ = await run(
            ActionEstimateStart(),
            tracker(
                "今年在岸2000万 没有离岸，明年打算做到2600万，后年做到3500万，这两年的增量奖励分别多少",
                intent="estimate_award",
            ),
        )
        out = texts(d)
        assert "【明年（与今年相比）】" in out and "【后年（与明年相比）】" in out
        assert "180,000.00元" in out and "270,000.00元" in out
        assert "450,000" not in out and "45.00万" not in out

    async def test_a_year_missing_a_figure_is_asked(self):
        """Offshore amounts without a rate: 明年's estimate asks for it, naming the user's years."""
        d, events = await run(
            ActionEstimateStart(),
            tracker("今年离岸80万美元，明年做到120万美元，后年做到160万美元，两年各能拿多少", intent="estimate_award"),
        )
        out = texts(d)
        assert "明年的测算还需要" in out and "汇率" in out
        state = next(e["value"] for e in events if e.get("name") == "estimate_state")
        assert 1 == state["year_focus"]


@pytest.mark.parametrize(
    "text,total",
    [
        ("今年在岸1亿 没有离岸，明年在岸做到1.5亿，明年增量奖励多少", 1500000),
        ("今年在岸1亿 没有离岸，明年在岸做到2亿，明年增量奖励多少", 2000000),  # 300万 capped at 200万
    ],
)
def test_next_year_amounts(text, total):
    assert D(total) == EstimateSession.start(text).compute()["total_cny"]
