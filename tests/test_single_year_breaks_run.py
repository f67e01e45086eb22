"""「22年」 is the year 2022, never 两年; a fact limited to one year (「发明专利只有22年拿了2个」「软著仅今年有」) breaks
三（三）'s run of two years (连续两年), in the estimate's reading and in facts.yml alike."""

import pytest

from bot.estimate.reading import only_one_year
from bot.estimate.understand import read
from bot.nlu.normalize import understand
from bot.understand.facts import read_facts_cached


class TestOnlyOneYear:
    @pytest.mark.parametrize(
        "text", ["发明专利只有22年拿了2个", "软著仅今年有", "就2023年新拿了一个专利", "专利只是去年有"]
    )
    def test_one_year_alone(self, text):
        """One year after 只有/仅/就 limits the fact to that year."""
        assert only_one_year(text)

    @pytest.mark.parametrize("text", ["只有今年和去年都有", "软著去年今年都有", "只有22、23年有", "只拿了2个专利"])
    def test_two_years_or_none(self, text):
        """Two years listed, or a count with no year, are no single year."""
        assert not only_one_year(text)


class TestPatentsRun:
    @pytest.mark.parametrize(
        "text",
        [
            "发明专利只有22年拿了2个，软著没有。今年在岸1亿 离岸200万美元 汇率7 创新奖励多少",
            "软著仅23年有3个 专利没有 今年离岸200万美元 汇率7 创新奖励多少",
            "专利就2024年新拿了一个 今年离岸200万美元 汇率7 创新奖励多少",
        ],
    )
    def test_one_year_of_new_patents_is_no_run(self, text):
        """The estimate reads the run of two years as not met."""
        reading = read(text, items=["3.2", "3.3"])
        assert reading.fields.get("innovation_patents_two_years") is False

    def test_two_digit_year_is_not_two_years(self):
        """「22年拿了新专利」 alone says nothing of two years."""
        reading = read("专利22年拿了2个 今年离岸200万美元 汇率7 创新奖励多少", items=["3.2", "3.3"])
        assert reading.fields.get("innovation_patents_two_years") is not True

    @pytest.mark.parametrize("text", ["发明专利只有22年拿了2个", "只有2023年有新的软著"])
    def test_facts_read_the_same(self, text):
        """facts.yml: the run fails."""
        assert read_facts_cached(understand(text)).get("innovation_patents_two_years") is False
