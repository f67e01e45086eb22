"""Whether each year qualifies (bot/answers/year_verdicts.py): a clause's deciding amount given for several calendar
years with a question only whether (「哪年够格」「先不用算钱」) gets one verdict per year on that year's figure."""

from bot.answers import year_verdicts
from bot.nlu.normalize import normalize


def answer(text):
    return year_verdicts.answer(text, normalize(text))


class TestWhetherEachYear:
    def test_exactly_the_bound_fails_and_above_it_passes(self):
        """超过100万美元 excludes 100万 itself: that year is 不符合, the year above it 符合."""
        a = answer("离岸执行额2021年正好100万美元 2022年101万美元 哪一年能拿离岸奖励 不用算金额")
        assert a is not None
        first, second = a.text.split("【2022年】")
        assert "【2021年】" in first and "不符合" in first and "超过100万美元" in first
        assert second.startswith("结论：符合")

    def test_below_the_bound_in_one_year(self):
        """A year under the bound is named 不符合 with its own figure; no amount is computed."""
        a = answer("我们2022年离岸合同执行额90万美元，2023年离岸合同执行额150万美元，两年分别够不够格拿离岸奖励")
        assert a is not None
        assert "您说的是：90万美元" in a.text and "元（约" not in a.text

    def test_an_amount_question_is_left_to_the_estimate(self):
        """「各能拿多少」 asks for the amounts: no verdict-only answer."""
        assert answer("2023年离岸150万美元 2024年离岸180万美元 这两年离岸奖励各能拿多少") is None

    def test_one_year_is_left_to_the_single_verdict(self):
        """One year's figure is the ordinary verdict's, not this one's."""
        assert answer("2023年离岸刚好100万美元 先不用算钱 够不够格拿离岸奖励") is None

    def test_amounts_asked_with_separately_are_left_to_the_estimate(self):
        """「请分别测算…并给出合计」 asks amounts (分别 is no 别 of 别算): no verdict-only answer."""
        assert answer("2022年离岸110万美元 2023年离岸140万美元 汇率都按7.0 请分别测算两年的离岸奖励 再给个合计") is None
