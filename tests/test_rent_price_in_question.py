"""三（八）3 with the rent said as a price per square metre inside a question (「租金每平米每月60块 租金补贴一年能补
多少 能补几年」): the price's period is read from the price's own words, never from the question's 一年 after it;
「N个平方」 is an area; the award is one year's with the years still open and what they come to named; an area over
1000平方米 is named beside a verdict that rules the item out; a reply that only states facts again keeps the form.
Wording of our own."""

from decimal import Decimal

import pytest

from bot.estimate import rent_price
from bot.estimate.clauses import rent
from bot.estimate.reading import figures
from bot.estimate.session import EstimateSession

D = Decimal
PARK = "我们在市级服务外包重点园区入驻6年了 合同执行额2000万 "


def rent_item(s):
    return next(i for i in s.compute()["items"] if i["code"] == "3.8.3")


def price_words(text):
    f = next(f for f in figures(text) if f.kind == "money")
    return rent_price.price_words(text, f)


class TestPriceWords:
    @pytest.mark.parametrize(
        "text, period",
        [
            ("办公室1500平米 租金每平米每月60块 租金补贴一年能补多少", "month"),
            ("租金每平方米每月55元，一年补多少", "month"),
            ("租金60元/㎡/天 一年可以补几年", "day"),
            ("房租45块一平米一个月，补贴一年多少", "month"),
            ("每平米一年720块 能补多少", "year"),
        ],
    )
    def test_the_question_after_the_price_says_no_period(self, text, period):
        """The price's own words decide its period, not 「一年能补多少」 after it."""
        assert period == rent_price.period(price_words(text))

    def test_a_price_that_says_two_periods_is_still_unknown(self):
        """「每平米每月60块一年」: month and year in the price's own words — which one is unsaid."""
        assert rent_price.period(price_words("租金每平米每月60块一年")) is None


class TestAreaWords:
    @pytest.mark.parametrize("text, area", [("租了800个平方", 800), ("两千个平方的办公室", 2000), ("650个平米", 650)])
    def test_n_ge_pingfang_is_an_area(self, text, area):
        assert [("area", D(area))] == [(f.kind, f.value) for f in figures(text) if f.kind == "area"]

    def test_ge_ping_tai_is_no_area(self):
        """「3个平台」 counts platforms."""
        assert [] == [f for f in figures("建了3个平台") if f.kind == "area"]


class TestEstimate:
    def test_month_price_with_question_after_it(self):
        """1200㎡ × 50元/月 × 12 = 72万; capped area 1000/1200; 72万 × 30% × 1000/1200 = 18万 a year."""
        s = EstimateSession.start(PARK + "租的办公室1200平方米 租金每平米每月50块 租金补贴一年能补多少 能补几年")
        assert D("720000") == s.inputs["rent_annual_cny"] and "done" == s.status
        item = rent_item(s)
        assert D("180000") == D(str(item["amount_cny"]))
        assert "还可享受3年" in item["explanation"] and "补贴面积最多1000平方米" in item["explanation"]

    def test_the_question_s_one_year_is_no_year_subsidised(self):
        """「租金补贴一年能补多少」 asks about a year; it says no year was had."""
        s = EstimateSession.start(PARK + "租了900平米 每平米每月40元 租金补贴一年能补多少")
        assert "rent_years_subsidized" not in s.inputs

    def test_years_left_and_their_sum(self):
        """800个平方 × 45 × 12 = 43.2万 × 30% = 12.96万 a year; 3 years at the same rent 38.88万."""
        s = EstimateSession.start(PARK + "租了800个平方 每平米一个月45块 房租补贴补满的话总共能补多少")
        assert "3年合计388,800.00元" in rent_item(s)["explanation"]

    def test_years_already_had_leave_fewer(self):
        s = EstimateSession.start(PARK + "已经享受了2年租金补贴 面积500平米 租金每平方米每月60元")
        text = rent_item(s)["explanation"]
        assert "还可享受1年" in text and "合计" not in text

    def test_day_price_in_yuan_per_m2_per_day_with_days(self):
        """2元/㎡/天 × 1500㎡ × 365 = 109.5万; × 30% × 1000/1500 = 21.9万."""
        s = EstimateSession.start(PARK + "面积1500㎡ 租金2元/㎡/天 一年按365天 三年能补多少")
        assert D("1095000") == s.inputs["rent_annual_cny"]
        assert D("219000") == D(str(rent_item(s)["amount_cny"]))

    def test_day_price_without_days_counts_365(self):
        """A day's price with no days said: 365, said; 「一年能补多少」 after it is the question's year."""
        s = EstimateSession.start(PARK + "面积600平方米 租金每平米每天2元 租金补贴一年能补多少")
        assert D("438000") == s.inputs["rent_annual_cny"] and s.clarify is None
        assert D("131400") == D(str(rent_item(s)["amount_cny"]))


class TestCapBesideVerdict:
    def test_area_over_cap_is_named(self):
        assert any("1,000平方米" in line for line in rent.caps_told({"rent_area_m2": D("1200")}))

    @pytest.mark.parametrize("area", [None, D("1000"), D("300")])
    def test_area_within_cap_says_nothing(self, area):
        assert [] == rent.caps_told({} if area is None else {"rent_area_m2": area})

    def test_in_the_reply_of_a_failed_item(self):
        from bot.estimate import explain

        s = EstimateSession.start("我们在市级重点园区 租了1500平米办公室 入驻才两年 执行额900万 房租补贴能不能补")
        text = explain.render(s.compute(), s.inputs, failed=s.failed())
        assert "不符合条件" in text and "1,000平方米" in text


class TestFactsAgain:
    def test_a_reply_of_facts_keeps_the_form(self):
        s = EstimateSession.start(PARK + "租金补贴能拿多少")
        turn = s.handle("园区是市级服务外包重点园区，我们是服务外包企业")
        assert not any("抱歉" in m for m in turn.messages) and s.status == "collecting"
        assert any("记下了" in m for m in turn.messages) and not turn.understood  # still counted as no answer

    def test_a_reply_with_nothing_still_says_so(self):
        s = EstimateSession.start(PARK + "租金补贴能拿多少")
        turn = s.handle("嗯嗯")
        assert s.status == "collecting" and not turn.understood
