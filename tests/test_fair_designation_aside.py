"""A designation aside between a fair and its cost (「去了一趟国外参展 商务局指定的 花了8万」) keeps the cost the fair's:
it is never read as a year's business amount (which would replace the real one)."""

from decimal import Decimal

from bot.estimate.session import EstimateSession, calculator_inputs


def inputs(text):
    return calculator_inputs(EstimateSession.start(text).inputs)


class TestFairDesignationAside:
    def test_cost_after_the_aside_is_the_fairs(self):
        """The 4万 is the Japanese fair's; this year's business stays 2600万."""
        got = inputs("前年在岸2000万 去年2600万 没有离岸 另外去年去了一趟日本参展 是商务局指定的 花了4万")
        assert [{"region": "overseas", "cost_cny": Decimal("40000")}] == got["fairs"]
        assert Decimal("26000000") == got["onshore_cny"]

    def test_aside_with_dou(self):
        """「都是商务局指定的」 between the fair and its booth fee."""
        got = inputs("上个月去国外参展 都是商务局指定的 展位费花了6万")
        assert [{"region": "overseas", "cost_cny": Decimal("60000")}] == got["fairs"]

    def test_business_and_fair_in_one_message(self):
        """Both years' business read, and the overseas fair beside them."""
        got = inputs("去年在岸4kw 今年4.6kw 没离岸 然后今年还去了一趟国外参展 商务部门指定的 花了7万")
        assert Decimal("46000000") == got["onshore_cny"] and Decimal("70000") == got["fairs"][0]["cost_cny"]

    def test_a_fairs_cost_never_replaces_this_years_business(self):
        """However the fair is joined on (「还有…」), its 7万 is not this year's onshore amount."""
        got = inputs("去年在岸4kw 今年4.6kw 没离岸 还有今年去了一趟国外参展 商务部门指定的 花了7万")
        assert Decimal("46000000") == got["onshore_cny"]
