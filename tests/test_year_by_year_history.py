"""三（三）'s 连续两年 told year by year (「21年23年啥也没有，22年拿了2个软著，24年下来3个发明专利」「研发投入23年比22年少了
24年又涨回来了」): each year's phrase says whether that year had it (bot/understand/year_history.py, facts.yml
year_history); the verdict says 不符合 with the years, never the clause alone."""

import pytest

from bot.answers import compose
from bot.understand.facts import read_facts

PATENTS = "innovation_patents_two_years"
RND = "innovation_rd_growth_two_years"


class TestPatentYears:
    @pytest.mark.parametrize(
        "text, expected",
        [
            ("2020年拿了一个软著，2021年什么都没有，2022年又有两个发明专利，2023年没有", False),
            ("23年登记了3个软著 24年也下来2个发明专利", True),
            ("21年有专利 23年有软著", None),  # 22 unsaid: not known
            ("22年没有新专利 23年拿了一个软著 24年又登记了两个软著", True),
        ],
    )
    def test_consecutive_years(self, text, expected):
        assert expected == read_facts(text).get(PATENTS)


class TestResearchYears:
    @pytest.mark.parametrize(
        "text, expected",
        [
            ("研发费用2022年比2021年降了 2023年又增加了", False),
            ("研发经费22年涨了不少 23年也增加了", True),
        ],
    )
    def test_growth_years(self, text, expected):
        assert expected == read_facts(text).get(RND)


class TestVerdict:
    def test_not_met_with_the_years(self):
        text = (
            "想问问创新奖励 我司20年啥都没有，21年拿了个软著，22年没有，23年下来2个发明专利，"
            "研发投入22年比21年减少了 23年又增加了，这样能拿那15%吗"
        )
        out = compose("ask_subsidy", text, facts=read_facts(text)).text
        assert out.startswith("结论：不符合第三条第（三）项")
        assert "2021年、2023年有新的" in out
        assert "第四条第（三）项" not in out
