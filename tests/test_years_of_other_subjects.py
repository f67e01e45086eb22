"""Years named for another clause's figures (研发投入, 专利 …) never make the increment a chain of years (round 56:
「去年在岸2000万，今年2500万。研发投入前年500万，去年450万，今年600万 … 增量奖励多少？」 was estimated for 去年 and
今年 and asked 前年's business); 三（三） is judged from the figures, the reason said. The wordings are the team's own."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.estimate.year_chain import asked_years, other_subject
from bot.nlu.normalize import normalize


def amounts(session) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in session.compute()["items"]}


class TestOtherSubjectYears:
    @pytest.mark.parametrize(
        "text",
        [
            "我们去年在岸2000万，今年2500万。研发投入前年500万，去年450万，今年600万；专利就今年拿了一个。增量奖励多少",
            "在岸业务去年1800万今年2300万，研发费用大前年200万、前年260万、去年240万、今年300万，增量奖和创新奖能拿多少",
            "执行额2023年2000万，2024年2600万，都是在岸；研发投入2022年300万，2023年280万，2024年350万。增量奖多少",
            "去年国内业务3000万，今年3600万；R&D前年120万 去年150万 今年140万，增量奖励多少",
        ],
    )
    def test_rd_years_make_no_chain(self, text):
        """Only the business amounts' years count: two years, read as they are."""
        assert [] == asked_years(normalize(text))

    def test_business_years_still_make_a_chain(self):
        """「前年…去年…今年」 of the business itself, each year asked: a chain, as before."""
        assert [-1, 0] == asked_years(normalize("前年在岸1000万，去年1500万，今年2100万，这两年的增量奖励各是多少"))

    def test_a_business_word_after_the_subject_ends_it(self):
        """「研发投入500万，去年执行额2000万」: the business figure after the business word is the business's."""
        text = "研发投入今年600万，去年执行额2000万"
        assert other_subject(text, text.index("600"))
        assert not other_subject(text, text.index("2000"))


class TestInnovationJudged:
    def test_rd_fell_and_patents_one_year_is_not_met(self):
        """R&D 500万 → 450万 → 600万 did not grow two years running; patents this year only: 三（三） 不符合."""
        session = EstimateSession.start(
            "我们去年在岸2000万，今年2500万。研发投入前年500万，去年450万，今年600万；专利就今年拿了一个发明专利，"
            "去年没有，软著也没有。增量奖励多少？那个15%的创新奖励能不能拿"
        )
        assert "done" == session.status, session.question()
        got = amounts(session)
        assert Decimal(150000) == got["3.1"]
        assert Decimal(0) == got["3.3"]
        assert any("450万元没有超过前一年的500万元" in n for n in session.notes)  # why, from the figures
