"""三（八）3 told in round-48 shapes, each with wording written for the test: a price per m² per month said 「40块一平一月」
or with a bare number before 一平 (「租金48一平一个月」); 「三年都不变」 saying the rent stays the same (no years of
subsidy); a price kept when the area comes in a later message; two-digit years (「21年和22年」) as calendar years and
the entry year (「2018年就进了…园区」) read by the estimate and the fact reader; an area named wrong after its
replacement (「…是706平，760是我记反了」); the contract amount of this year, never last year's."""

from decimal import Decimal

from bot.estimate import rent_price, rent_years
from bot.estimate.reading import figures
from bot.estimate.session import EstimateSession
from bot.understand.facts import read_facts
from bot.understand.retractions import without_retracted

PARK = "入驻市级服务外包重点园区5年 今年执行额900万 没领过租金补贴 "


def rent_item(s):
    return next(i for i in s.compute()["items"] if i["code"] == "3.8.3")


class TestPricePerSquareMetre:
    def test_a_month_said_as_yi_yue_beside_the_area_word(self):
        """「40块一平一月」「一月一平36块」: a month's price; a bare 一月 (January) is no period."""
        assert "month" == rent_price.period("租金40块一平一月")
        assert "month" == rent_price.period("一月一平36块")
        assert None is rent_price.period("一月份交的租金")

    def test_a_bare_number_before_yi_ping_is_the_price(self):
        for text, value in (("租金48一平一个月", "48"), ("房租 55每平米每月", "55"), ("租金 36.5一平一个月", "36.5")):
            money = [f for f in figures(text) if f.kind == "money"]
            assert [Decimal(value)] == [f.value for f in money], text

    def test_the_years_rent_from_such_a_price(self):
        s = EstimateSession.start(PARK + "办公室500平，租金42一平一个月，补多少")
        assert Decimal("252000") == s.inputs["rent_annual_cny"]  # 42 × 500 × 12
        s = EstimateSession.start(PARK + "办公室500平、租金42块一平一月，补多少")
        assert Decimal("252000") == s.inputs["rent_annual_cny"]


class TestRentUnchangedOverYears:
    def test_n_years_unchanged_is_no_years_subsidised(self):
        for said in ("三年都不变", "3年租金没涨过", "两年都一样"):
            s = EstimateSession.start("入驻市级服务外包重点园区5年 今年执行额900万 面积600平 租金40元每平每月，" + said)
            assert "rent_years_subsidized" not in s.inputs, said
            assert Decimal("288000") == s.inputs["rent_annual_cny"], said


class TestPriceKeptForTheArea:
    def test_the_area_asked_and_the_years_rent_worked_out_when_it_comes(self):
        s = EstimateSession.start("入驻市级服务外包重点园区5年，今年合同执行额1200万，租金35块每平每月，租金补贴多少")
        assert "rent_annual_cny" not in s.inputs and "面积" in s.question()
        s.handle("租了800平")
        assert Decimal("336000") == s.inputs["rent_annual_cny"]  # 35 × 800 × 12
        assert "done" == s.status and Decimal("100800") == Decimal(str(rent_item(s)["amount_cny"]))

    def test_a_years_price_kept_too(self):
        s = EstimateSession.start("入驻市级服务外包重点园区4年，执行额800万，房租每平米每年500元")
        s.handle("面积是300平方米")
        assert Decimal("150000") == s.inputs["rent_annual_cny"]


class TestTwoDigitYears:
    def test_calendar_years_are_no_lengths_of_time(self):
        text = "我们2017年进的园区，22年和23年两年的房租补贴拿过了，24年还能领吗"
        shorts = rent_years.short_calendar_years(text, figures(text))
        assert [22, 23, 24] == [int(f.value) for f in shorts]

    def test_the_estimate_counts_years_subsidised_and_in_the_park(self):
        s = EstimateSession.start(
            "我们2017年进的园区（市级重点园区），22年和23年两年的房租补贴拿过了，24年还能领吗，24年执行额900万，"
            "面积400平，月租金每平50元"
        )
        assert 2 == int(s.inputs["rent_years_subsidized"])
        assert 7 == int(s.inputs["rent_years_in_park"])  # 2017 → 2024

    def test_a_length_of_time_stays_one(self):
        text = "入驻园区12年了"
        assert [] == rent_years.short_calendar_years(text, figures(text))

    def test_the_fact_reader_counts_the_entry_year(self):
        facts = read_facts("我们2018年就进了市级服务外包重点园区，租金补贴能领吗")
        assert facts["rent_years_in_park"].exact() >= 5


class TestAreaNamedWrong:
    def test_the_old_area_named_wrong_after_the_new_one_is_blanked(self):
        out = without_retracted("租的820平，每平每月45元。哦不对，合同上是802平，820是我记反了")
        assert "820" not in out and "802平" in out

    def test_the_estimate_prices_the_corrected_area(self):
        s = EstimateSession.start(PARK + "租的930平，租金50元每平每月，不对，合同写的是903平，930平是我写错了")
        assert Decimal("903") == s.inputs["rent_area_m2"]
        assert Decimal("541800") == s.inputs["rent_annual_cny"]  # 50 × 903 × 12


class TestContractAmountOfThisYear:
    def test_last_years_amount_is_not_the_contract_amount(self):
        """This year's amount, or none read (asked): never last year's."""
        for text in (
            "入驻园区4年，去年执行额420万，今年600万，租金补贴能拿吗",
            "在重点园区入驻5年 上年合同额300万 今年合同额520万 房租补贴够不够",
        ):
            amount = read_facts(text).get("rent_contract_amount_cny")
            assert amount is None or amount.exact() > 5000000, text
