"""Round 24 estimates: a first grant said with 「头一回」「以前从来没认定过」, a bracketed year after 去年, a year's
「无离岸」 placed by an explicit year, and the figure before a cap shown beside the cap."""

from decimal import Decimal

import pytest

from bot.estimate.explain import render
from bot.estimate.understand import read, relative_year_apposition
from calculator.engine import calculate


class TestFirstGrantOfTheStatus:
    @pytest.mark.parametrize(
        "text, new",
        [
            # 「头一回被认定」 is a first grant even with 「以前从来没认定过」 after it
            ("公司2025年头一回被认定为技术先进型服务企业，以前从来没认定过，奖励多少", True),
            ("今年我们被认定为技术先进型服务企业了，之前从没认定过", True),
            # 「以前从来没认定过 还在申请」 states no grant: no award
            ("技术先进型我们以前从来没认定过，今年还在申请", False),
            # a renewal stays not new
            ("技术先进型2021年就认定了，今年复审又通过了，以前从没被取消过", False),
        ],
    )
    def test_first_grant_words(self, text, new):
        assert read(text).fields.get("tech_advanced_new") is new

    def test_first_grant_estimate_is_the_one_off_award(self):
        result = calculate({"tech_advanced_new": True})
        assert [(i["code"], i["amount_cny"]) for i in result["items"]] == [("3.4", 100000.0)]


class TestBracketedYearAfterLastYear:
    def test_last_years_figure_is_read(self):
        fields = read("去年（2024年）我们在岸执行额1200万，今年1500万，没有离岸业务").fields
        assert fields["previous_onshore_cny"] == Decimal("12000000")
        assert fields["onshore_cny"] == Decimal("15000000")
        assert fields["year"] == 2025

    def test_this_years_word_takes_the_following_year(self):
        assert (
            relative_year_apposition("上年(2023年度)在岸100万 今年在岸200万") == "上年在岸100万 今年(2024年)在岸200万"
        )

    def test_text_without_apposition_unchanged(self):
        assert relative_year_apposition("今年(2025年)离岸120万美元") == "今年(2025年)离岸120万美元"


class TestNoneOffshoreOfANamedYear:
    def test_none_after_the_earlier_year_is_that_years(self):
        fields = read("2023年在岸6000万，无离岸；2024年在岸9000万，离岸300万美元", items={"3.1", "3.2"}).fields
        assert fields["previous_offshore_usd"] == Decimal(0)
        assert fields["offshore_usd"] == Decimal("3000000")


class TestFigureBeforeTheCap:
    def test_interns_cap_stated_without_the_product(self):
        """三（七）4's product above the cap is not written as a figure (outside cases took it for the award)."""
        result = calculate({"internship_agreement_years": 3, "interns_per_year": 100, "qualified_interns": 110})
        item = result["items"][0]
        assert item["amount_cny"] == 500000.0
        assert "550,000" not in item["explanation"]
        assert "上限50万元" in item["explanation"]

    def test_total_shows_sum_before_total_cap(self):
        result = calculate(
            {
                "platforms": [{"cost_cny": 9000000}, {"cost_cny": 9000000}, {"cost_cny": 5000000}],
            }
        )
        assert result["total_capped"]
        text = render(result, {})
        assert "各项合计5,500,000.00元" in text
        assert "按500万元计" in text

    def test_total_under_cap_has_no_sum_before_cap(self):
        result = calculate({"platforms": [{"cost_cny": 1000000}]})
        assert "各项合计" not in render(result, {})
