"""三（八）3's numbers of years told apart (bot/estimate/rent_years.py, bot/estimate/clauses/rent.py): the years in the
park (「入驻4年了」), the years already subsidised (「已经享受了2年」「领了1年房补」), the years asked about (「接下来5年」
「以后三年的」「3年总共能补多少」: capped by 补贴期限最多3年, never years had), a lease's or the business's years (「租期2年」
「签了五年的租赁合同」「近两年执行额」) and a time to wait (「再过1年」「一年后」); and a contract amount said roughly
(「800万左右」 used and said to be rough; 「500万左右」「差不多500万」 at the 超过500万 threshold itself asked, never 500万).
Wording of our own."""

from decimal import Decimal

import pytest

from bot.estimate import rent_years
from bot.estimate.session import EstimateSession
from bot.understand.facts import read_facts

D = Decimal
FIGURES = "执行额900万，年租金50万，500平，"  # 50万 × 30% = 15万 a year


def rent_item(s):
    return next(i for i in s.compute()["items"] if i["code"] == "3.8.3")


def period(s):
    return rent_years.period_notes(s.inputs, s.compute())


class TestYearsAsked:
    @pytest.mark.parametrize(
        "text, asked",
        [
            (
                "我们入驻市级服务外包重点园区4年了，合同执行额每年800万左右，租了600平，月租45元每平米。"
                "假设以后条件一直都满足，接下来5年房租补贴总共能拿多少钱？",
                5,
            ),
            (
                "我们在市级重点园区已经待了5年，执行额每年900万，年租金40万，面积500平。以后5年的租金补贴加起来多少钱？",
                5,
            ),
            ("公司进驻服务外包重点园区6年，合同执行额1200万，房租每年60万，800平米。今后4年房补总共能领多少", 4),
            ("入园4年，执行额700万，年租金30万，400平，往后五年租金补贴能拿多少钱", 5),
            (f"入驻园区5年，{FIGURES}5年下来房租补贴一共多少", 5),
            (f"入驻园区5年 {FIGURES.replace('，', ' ')}以后4年房租补贴一共多少", 4),
        ],
    )
    def test_years_to_come_are_asked_never_had(self, text, asked):
        """The years asked about are capped by 补贴期限最多3年; none of them is a year already subsidised."""
        s = EstimateSession.start(text)
        assert "rent_years_subsidized" not in s.inputs
        assert asked == s.inputs["_rent_years_asked"]
        assert rent_item(s)["qualified"]
        line = period(s)[0]
        assert "只能补3年" in line and f"超出的{asked - 3}年不予补贴" in line

    def test_the_case_figure(self):
        """600平 × 45元 × 12个月 × 30% = 97,200 a year; 3 of the 5 years asked: 291,600."""
        s = EstimateSession.start(
            "我们入驻市级服务外包重点园区4年了，合同执行额每年800万左右，租了600平，月租45元每平米。"
            "假设以后条件一直都满足，接下来5年房租补贴总共能拿多少钱？"
        )
        assert D("97200") == D(str(rent_item(s)["amount_cny"]))
        assert "3年合计291,600.00元" in period(s)[0]

    @pytest.mark.parametrize(
        "text",
        [
            f"入驻重点园区4年了，{FIGURES}未来三年房租补贴一共能拿多少？",
            f"入驻园区5年，{FIGURES}房租补贴三年内最多能拿多少",
            f"入驻园区5年，{FIGURES}3年总共能补多少租金",
            f"入驻园区5年，{FIGURES}今后三年每年都申请，一共能拿多少",
            f"入驻园区5年，{FIGURES}如果明年起连续申请3年，合计多少",
            f"园区里待了6年了，{FIGURES}房补每年能拿多少，三年总共多少",
        ],
    )
    def test_three_years_asked(self, text):
        s = EstimateSession.start(text)
        assert 3 == s.inputs["_rent_years_asked"] and "rent_years_subsidized" not in s.inputs
        assert "3年合计450,000.00元" in period(s)[0]

    def test_years_had_leave_fewer_of_those_asked(self):
        s = EstimateSession.start(f"入驻园区4年了 已经领了1年房补 {FIGURES.replace('，', ' ')}未来5年还能拿多少")
        assert 1 == s.inputs["rent_years_subsidized"] and D(4) == s.inputs["rent_years_in_park"]
        line = period(s)[0]
        assert "已享受1年，只能补2年" in line and "2年合计300,000.00元" in line


class TestYearsHad:
    @pytest.mark.parametrize(
        "text, had",
        [
            (f"在园区入驻了4年，已经享受过2年房租补贴，{FIGURES}还能拿多少", 2),
            (f"入驻园区5年，房补拿过1年了，{FIGURES}接下来还能补几年，一共多少", 1),
            (f"入驻园区5年，之前领了两年租金补贴，{FIGURES}今年还能领多少", 2),
            (f"入驻园区5年，前两年都拿过房租补贴，{FIGURES}今年能拿多少", 2),
            (f"入驻园区5年，已经连续2年享受租金补贴，{FIGURES}今年能拿多少", 2),
            (f"入驻园区5年，{FIGURES}租补已经领了2年了，房租补贴多少", 2),
        ],
    )
    def test_years_had_stay_had(self, text, had):
        s = EstimateSession.start(text)
        assert had == s.inputs["rent_years_subsidized"] and "_rent_years_asked" not in s.inputs
        assert D(5) >= s.inputs["rent_years_in_park"] >= D(4)

    def test_three_years_had_end_it(self):
        s = EstimateSession.start(f"入驻园区5年，{FIGURES}房租补贴享受过3年了，还能申请吗")
        assert 3 == s.inputs["rent_years_subsidized"] and not rent_item(s)["qualified"]


class TestYearsInThePark:
    @pytest.mark.parametrize(
        "text, years",
        [
            (f"我们在重点园区里面已经4年了，{FIGURES}房补多少", 4),
            (f"公司搬进园区有五年了，{FIGURES}房补多少", 5),
            (f"在软件园（市级服务外包重点园区）办公了4年，{FIGURES}房补多少", 4),
            (f"我们进园区满三年了，{FIGURES}三年一共能拿多少房补", 3),
            (f"入驻重点园区已经4年多了，{FIGURES}如果连续三年都申请房租补贴总共多少", 4),
            ("在市级重点园区待了4年 执行额800万 租了1250平米 年租金50万 房补多少", 4),
        ],
    )
    def test_years_in_the_park(self, text, years):
        s = EstimateSession.start(text)
        assert D(years) == s.inputs["rent_years_in_park"] and "rent_years_subsidized" not in s.inputs
        assert rent_item(s)["qualified"]


class TestLeaseAndBusinessYears:
    @pytest.mark.parametrize(
        "text, in_park",
        [
            (f"入驻重点园区5年了，租期2年，{FIGURES}房补多少", 5),
            (f"入驻园区4年，租赁合同签了5年，{FIGURES}租金补贴能拿多少", 4),
            (f"入驻园区4年，签了五年的租赁合同，{FIGURES}租补多少", 4),
            ("入驻园区6年，近两年执行额每年都在800万以上，年租金50万，500平，租金补贴多少", 6),
            (f"入驻园区6年，租约是2年一签，{FIGURES}租金补贴多少", 6),
            (f"入驻园区5年，租赁合同一签就是5年，{FIGURES}房租补贴多少", 5),
            ("我们在市级重点园区，合同执行额连续两年超过800万，入驻5年，年租金40万，面积500平，房租补贴多少", 5),
        ],
    )
    def test_no_year_of_the_park_or_the_subsidy(self, text, in_park):
        s = EstimateSession.start(text)
        assert D(in_park) == s.inputs["rent_years_in_park"]
        assert "rent_years_subsidized" not in s.inputs and "_rent_years_asked" not in s.inputs
        assert rent_item(s)["qualified"]


class TestTimeToWait:
    @pytest.mark.parametrize(
        "text",
        [
            "入驻重点园区两年了，执行额1000万，再过1年能申请房租补贴吗",
            "入驻重点园区两年了，执行额1000万，年租金50万，500平，一年后房租补贴能拿多少",
            "入驻重点园区两年了，执行额1000万，年租金50万，500平，还有一年才满，到时候能拿多少",
        ],
    )
    def test_no_year_had(self, text):
        s = EstimateSession.start(text)
        assert "rent_years_subsidized" not in s.inputs and D(2) == s.inputs["rent_years_in_park"]


class TestFutureIsNoDenial:
    def test_office_still_rented(self):
        """「未来三年」: 未 of 未来 denies nothing (the office is rented)."""
        assert read_facts("月租45元每平米。未来三年房租补贴一共能拿多少？").get("office_rented") is True


class TestRoughContractAmount:
    @pytest.mark.parametrize("said", ["500万左右", "差不多500万", "500万上下", "约500万", "大概500万"])
    def test_at_the_threshold_it_is_asked(self, said):
        """超过500万 excludes 500万: a rough 500万 decides nothing, so the amount is asked, never taken as 500万."""
        s = EstimateSession.start(f"入驻园区5年，合同执行额{said}，年租金50万，500平，租金补贴多少")
        assert "rent_contract_amount_cny" not in s.inputs and s.status == "collecting"
        assert "rent_contract_amount_cny" == s.pending
        assert any(said in p and "超过500万元" in p for p in s.problems)

    def test_exactly_500_fails(self):
        s = EstimateSession.start("入驻园区5年，合同执行额刚好500万，年租金50万，500平，租金补贴多少")
        assert not rent_item(s)["qualified"]

    @pytest.mark.parametrize("said, value", [("每年800万左右", "800万左右"), ("大概1200万", "大概1200万")])
    def test_rough_above_is_used_and_said(self, said, value):
        s = EstimateSession.start(f"入驻园区5年，合同执行额{said}，年租金50万，500平，租金补贴多少")
        assert rent_item(s)["qualified"]
        assert any(f"“{value}”是约数" in n for n in s.notes)

    def test_more_than_the_threshold_itself_is_asked(self):
        s = EstimateSession.start("入驻园区5年，执行额五百多万，年租金50万，500平，租金补贴多少")
        assert "rent_contract_amount_cny" not in s.inputs and s.status == "collecting"

    @pytest.mark.parametrize("said", ["差不多500万", "500万上下", "500万左右"])
    def test_fact_reader_keeps_it_unknown(self, said):
        assert "rent_contract_amount_cny" not in read_facts(f"入驻园区5年 合同执行额{said} 租金补贴能拿吗")
