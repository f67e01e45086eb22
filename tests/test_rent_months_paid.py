"""三（八）3 with the rent told by the month and the months actually paid: a month's rent (or a price per m² per month)
× the months paid — said outright, or 12 less the rent-free months — is the year's rent, shown in a note; a year's
rent beside rent-free months is asked (the contract's year or what was paid), never taken as said."""

from decimal import Decimal

from bot.estimate import rent_months
from bot.estimate.session import EstimateSession

PARK = "我们入驻市级服务外包重点园区已经5年，执行额1200万，没拿过租金补贴。"


def _rent(s):
    return next(i for i in s.compute()["items"] if i["code"] == "3.8.3")


class TestMonthsPaid:
    def test_rent_free_months_are_taken_off_a_months_rent(self):
        s = EstimateSession.start(PARK + "写字楼700平方米，每个月房租5万，合同给了3个月的免租期，补贴多少")
        assert s.inputs["rent_annual_cny"] == Decimal("450000")  # 5万 × 9
        assert Decimal(str(_rent(s)["amount_cny"])) == Decimal("135000")
        assert any("9个月" in n and "免租3个月" in n for n in s.notes)

    def test_months_paid_said_outright(self):
        s = EstimateSession.start(PARK + "办公面积650平，月租金4.2万，今年房租只交了10个月，能补多少")
        assert s.inputs["rent_annual_cny"] == Decimal("420000")

    def test_a_price_per_square_metre_and_month_counts_the_months_paid(self):
        s = EstimateSession.start(PARK + "租了1200平，每平方米每月45元，头两个月免租，租金补贴多少")
        assert s.inputs["rent_annual_cny"] == Decimal("540000")  # 45 × 1200 × 10
        assert Decimal(str(_rent(s)["amount_cny"])) == Decimal("135000")  # × 30% × 1000/1200

    def test_months_paid_at_a_time_are_no_months_of_the_year(self):
        s = EstimateSession.start(PARK + "租了600平，押一付三，月租3万，补贴能拿多少")
        assert s.inputs["rent_annual_cny"] == Decimal("360000")  # 3万 × 12

    def test_without_months_a_months_rent_is_twelve_months(self):
        s = EstimateSession.start(PARK + "租了600平，月租3万，补贴能拿多少")
        assert s.inputs["rent_annual_cny"] == Decimal("360000")


class TestYearsRentBesideFreeMonths:
    START = PARK + "办公室900平米，年租金60万，其中有2个月免租期，补贴多少"

    def test_asked_never_taken(self):
        s = EstimateSession.start(self.START)
        assert "rent_annual_cny" not in s.inputs
        assert "免租期" in s.question() and "实际" in s.question()

    def test_the_contracts_year_counts_the_months_paid(self):
        s = EstimateSession.start(self.START)
        s.handle("60万是合同上全年的")
        assert s.inputs["rent_annual_cny"] == Decimal("500000")  # 60万 ÷ 12 × 10

    def test_the_rent_paid_is_kept(self):
        s = EstimateSession.start(self.START)
        s.handle("是实际交的，已经扣过了")
        assert s.inputs["rent_annual_cny"] == Decimal("600000")

    def test_a_figure_answers(self):
        s = EstimateSession.start(self.START)
        s.handle("今年实际交了52万")
        assert s.inputs["rent_annual_cny"] == Decimal("520000")


class TestWords:
    def test_other_months_are_not_rent_months(self):
        assert rent_months.paid_months("有3个月没交社保") is None
        assert rent_months.paid_months("交了一个月的押金") is None
        assert rent_months.paid_months("按一年12个月算") is None

    def test_free_months_in_several_wordings(self):
        for said in ("免租期4个月", "前4个月免租", "免了4个月房租", "4个月的房租不用交"):
            assert rent_months.paid_months(said) == 8, said
