"""「哪几年够条件拿离岸奖励」 with figures for several years: one verdict per year (bot/answers/year_verdicts.py),
the figure said again in brackets read once."""

from bot.answers import year_verdicts
from bot.nlu.normalize import understand
from knowledge import shapes


class TestWhichYearsQualify:
    def test_shape_of_which_years(self):
        for said in ("哪几年够条件拿离岸奖励", "哪些年度符合", "哪几个年度能拿"):
            assert shapes.search("whether_each_year", said), said

    def test_a_verdict_per_year_with_a_bracketed_repeat(self):
        m = "离岸2023年是100万美元（系统里1,000,000.00），2024年150万美元，哪几年能拿离岸奖励"
        text = year_verdicts.answer(m, understand(m), {}).text
        assert "【2023年】结论：不符合" in text and "【2024年】结论：符合" in text
