"""An English yes/no question opened by its auxiliary (「Do we get the 10万 again?」) asks whether, not how much; a
first business year said in English (「first business year, no previous year」) is the new enterprise's 首年 (三（一）);
R&D spending growing in both years is 研发投入 growth (三（三）). New wording, not the case files'."""

import pytest

from bot.answers.qualify import is_shape
from bot.nlu.normalize import understand


class TestAuxiliaryOpensAYesNoQuestion:
    @pytest.mark.parametrize(
        "text",
        [
            "Do we get the 10万 award again after the renewal?",
            "Will we still receive the one-time reward?",
            "So do we get it or not?",
            "Could our company claim the offshore award twice?",
            "Thanks. Does it get paid every year?",
        ],
    )
    def test_yes_no(self, text):
        assert is_shape("qualify", understand(text)), text

    @pytest.mark.parametrize(
        "text", ["How much do we get?", "how much will we receive", "what do we get for CMMI", "When do we get paid"]
    )
    def test_amount_and_wh_questions_are_not(self, text):
        assert not is_shape("qualify", understand(text)), text


class TestEnglishYearsAndSpending:
    @pytest.mark.parametrize(
        "text",
        [
            "2024 is our first business year",
            "it is the first year of operation",
            "this is our first fiscal year, no prior year",
            "first financial year for the subsidiary",
        ],
    )
    def test_first_business_year(self, text):
        assert "首年" in understand(text)

    @pytest.mark.parametrize(
        "text, read",
        [
            ("our R&D expenses increased in both 2022 and 2023", "研发投入 两年都增加"),
            ("R&D investment grew for two consecutive years", "研发投入 连续两年增长"),
            ("Is the 10万 included in the base?", "算进基数"),
        ],
    )
    def test_r_and_d_growth_and_base(self, text, read):
        assert read in understand(text)

    def test_growth_by_a_figure_is_not_both_years(self):
        assert "两年" not in understand("our revenue grew by 200万")
