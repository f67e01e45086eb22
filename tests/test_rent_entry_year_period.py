"""三（八）3 with the years said in other shapes: the entry year (「2016年入驻」) gives the years in the park up to this
year; the years asked (「连着四年都申请」「四年加起来最多能拿多少」) are the period asked, capped by 补贴期限最多3年, never
years already subsidised; 「一直没变」 denies nothing; 「租了1000平 每平每月40」 names the rent with a price in 元.
Wording of our own."""

from decimal import Decimal

import pytest

from bot.estimate import rent_years
from bot.estimate.items import detect_items
from bot.estimate.reading import figures
from bot.estimate.session import EstimateSession
from bot.understand.facts import read_facts

D = Decimal


@pytest.fixture(autouse=True)
def fixed_year(monkeypatch):
    monkeypatch.setattr(rent_years, "this_year", lambda: 2026)


def rent_item(s):
    return next(i for i in s.compute()["items"] if i["code"] == "3.8.3")


class TestEntryYear:
    @pytest.mark.parametrize(
        "text, years",
        [
            ("我们2018年入驻市级服务外包重点园区 合同执行额900万 年租金50万 面积500平 房租补贴多少", 8),
            ("公司19年进驻的园区 执行额800万 房租一年40万 400平米 租金补贴能拿多少", 7),
            ("入驻时间是2020年 执行额2000万 年租金60万 600平方米 房补多少", 6),
            ("2017年3月就搬进重点园区了 合同额1500万 年租金30万 300平 租补能拿多少", 9),
        ],
    )
    def test_years_in_the_park_from_the_entry_year(self, text, years):
        s = EstimateSession.start(text)
        assert D(years) == s.inputs["rent_years_in_park"]
        assert "year" not in s.inputs  # the entry year is no business year
        assert rent_item(s)["qualified"]

    def test_a_year_applied_for_is_the_reference(self):
        s = EstimateSession.start("2019年入驻重点园区 2021年申请房租补贴 执行额900万 年租金50万 500平")
        assert D(2) == s.inputs["rent_years_in_park"] and not rent_item(s)["qualified"]

    def test_exactly_three_calendar_years_is_asked(self):
        """2023 → 2026: three or fewer full years, the month unsaid — asked, never taken as 三年以上."""
        s = EstimateSession.start("我们2023年入驻的重点园区 执行额900万 年租金50万 500平 房租补贴多少")
        assert "rent_years_in_park" not in s.inputs and s.status == "collecting"

    def test_a_recent_entry_fails(self):
        s = EstimateSession.start("2025年刚入驻重点园区 执行额900万 年租金50万 500平 房租补贴多少")
        assert not rent_item(s)["qualified"]

    @pytest.mark.parametrize(
        "text",
        [
            "入驻园区5年了",
            "2016年成立的公司 入驻园区5年了",
            "23年在岸执行额900万",
            "2016年搬到郑州",
            "2019年搬进现在的办公楼",
        ],
    )
    def test_no_entry_year(self, text):
        assert rent_years.entry_year(text) is None


class TestPeriodAsked:
    @pytest.mark.parametrize(
        "text",
        [
            "入驻园区5年 执行额900万 年租金50万 500平 要是连着四年都申请房租补贴 四年一共能补多少",
            "入驻园区5年 执行额900万 年租金50万 500平 房租补贴四年加起来最多一共能拿多少",
            "入驻园区5年 执行额900万 年租金50万 500平 如果连续5年申请租金补贴总共能拿多少",
        ],
    )
    def test_the_years_asked_are_no_years_had(self, text):
        s = EstimateSession.start(text)
        assert "rent_years_subsidized" not in s.inputs
        assert s.inputs["_rent_years_asked"] >= 4
        line = rent_years.period_notes(s.inputs, s.compute())[0]
        assert "补贴期限最多3年" in line and "3年合计450,000.00元" in line  # 50万 × 30% × 3

    def test_fewer_years_asked_than_the_limit(self):
        s = EstimateSession.start("入驻园区5年 执行额900万 年租金50万 500平 房租补贴两年加起来能拿多少")
        line = rent_years.period_notes(s.inputs, s.compute())[0]
        assert "2年合计300,000.00元" in line and "不予补贴" not in line

    def test_years_had_leave_fewer(self):
        s = EstimateSession.start(
            "入驻园区5年 执行额900万 年租金50万 500平 已经享受了1年房租补贴 要是连着三年都申请 一共能补多少"
        )
        assert 1 == s.inputs["rent_years_subsidized"]
        line = rent_years.period_notes(s.inputs, s.compute())[0]
        assert "只能补2年" in line and "2年合计300,000.00元" in line

    @pytest.mark.parametrize(
        "text, had",
        [
            ("入驻园区5年 执行额900万 年租金50万 500平 已经连续两年拿了房租补贴 今年还能补吗", 2),
            ("入驻园区5年 执行额900万 年租金50万 500平 租金补贴已经拿了3年", 3),
        ],
    )
    def test_years_had_stay_years_had(self, text, had):
        s = EstimateSession.start(text)
        assert had == s.inputs["rent_years_subsidized"] and "_rent_years_asked" not in s.inputs

    @pytest.mark.parametrize(
        "text",
        [
            "入驻市级重点园区5年了，去年执行额2300w，办公面积1500㎡，租金每月每平米50块，一年租金补贴多少？能补几年？",
            "在重点园区待了4年 执行额1800万 年租金60万 800平 一年的租金补贴是多少 最多几年",
            "入园6年，合同执行额900万，房租一年48万，面积600平米，一年房租补贴能拿多少？",
            "我们入驻园区三年多了 执行额700万 年租金30万 400平 一年补贴大概多少",
        ],
    )
    def test_the_year_of_the_amount_asked_is_no_year_had(self, text):
        """R60E008: 「一年租金补贴多少」 asks the amount of one year; it had been read as one year of subsidy already
        had (「已享受补贴1年」, 2 years left), a fact the user never gave."""
        s = EstimateSession.start(text)
        assert s.inputs.get("rent_years_subsidized", 0) == 0

    def test_one_year_question_is_no_period(self):
        s = EstimateSession.start("入驻园区5年 执行额900万 年租金50万 500平 租金补贴一年能补多少")
        assert "_rent_years_asked" not in s.inputs and [] == rent_years.period_notes(s.inputs, s.compute())


class TestUnchangedIsNoDenial:
    @pytest.mark.parametrize(
        "text", ["年租金72万 一直没变 房租补贴四年加起来多少", "年租金72万 几年都没有变 房租补贴多少"]
    )
    def test_office_still_rented(self, text):
        assert read_facts(text).get("office_rented") is True

    def test_not_rented_still_read(self):
        assert read_facts("办公楼是我们自己买的 没有租金").get("office_rented") is not True


class TestRentedAreaAndBarePrice:
    def test_rented_area_names_the_rent(self):
        assert "3.8.3" in detect_items("入驻4年了 执行额3000万 租了1000平 每平每月40 能拿多少")

    @pytest.mark.parametrize("text", ["出租了1000平", "平台硬件260万"])
    def test_no_rent_named(self, text):
        assert "3.8.3" not in detect_items(text)

    @pytest.mark.parametrize(
        "text, price", [("租了1000平 每平每月40 能拿多少", 40), ("面积600平方米 每天每平米2.5 按365天", D("2.5"))]
    )
    def test_bare_price_is_yuan(self, text, price):
        assert [D(price)] == [f.value for f in figures(text) if f.kind == "money"]

    def test_count_after_is_no_price(self):
        assert [] == [f for f in figures("每平每月40个人") if f.kind == "money"]

    def test_contract_amount_with_rent_is_no_business_question(self):
        s = EstimateSession.start(
            "今年刚拿到技术先进型服务企业认定 另外我们在市级重点园区入驻4年了 合同执行额3000万 租了1000平 每平每月40 一共能拿多少"
        )
        assert s.status == "done" and not s.clarify
        assert D("144000") == D(str(rent_item(s)["amount_cny"]))  # 1000 × 40 × 12 × 30%
