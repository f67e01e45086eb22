"""三（八）2 counts foreign investment in US dollars (每1000万美元): an amount told in yuan is converted at the one rate
the user states in the same message (yuan ÷ rate), shown in a note; with no rate the dollar amount or the rate is
asked, naming the yuan amount — never read as dollars, never converted at an assumed rate."""

from decimal import Decimal

from bot.estimate.session import EstimateSession

OPERATOR = "我司负责运营的市级服务外包示范园区，"


def _item(s, code="3.8.2b"):
    return next(i for i in s.compute()["items"] if i["code"] == code)


class TestYuanWithTheUsersRate:
    def test_yuan_divided_by_the_rate_said(self):
        """1.42亿元 ÷ 7.1 = 2000万美元 → 2 × 10万."""
        s = EstimateSession.start(
            OPERATOR + "今年落地的软件信息服务项目外商投资折合人民币1.42亿元，按7.1换算成美元，引资奖励多少"
        )
        assert s.inputs["park_foreign_investment_usd"] == Decimal("20000000")
        assert s.status == "done" and Decimal(str(_item(s)["amount_cny"])) == Decimal("200000")
        assert any("÷ 7.1" in n and "2000万美元" in n for n in s.notes)

    def test_the_park_cap_after_conversion(self):
        """3.6亿元 ÷ 7.2 = 5000万美元 → 50万, held to the park's 30万."""
        s = EstimateSession.start(OPERATOR + "信息服务业项目吸引外资3.6亿元人民币，汇率按7.2算，这个能奖多少")
        assert s.inputs["park_foreign_investment_usd"] == Decimal("50000000")
        assert Decimal(str(_item(s)["amount_cny"])) == Decimal("300000")

    def test_below_one_step_after_conversion(self):
        """6000万元 ÷ 7 ≈ 857万美元: under 1000万美元, no award (never 6000万 read as dollars)."""
        s = EstimateSession.start(OPERATOR + "引进软件项目外商投资6000万元，美元汇率7，园区引资奖励有没有")
        assert s.inputs["park_foreign_investment_usd"] < Decimal("10000000")
        assert Decimal(str(_item(s)["amount_cny"])) == 0

    def test_the_conversion_rate_is_no_years_parity(self):
        """The rate only converted the investment: no 三（一）（二） rate is kept from it."""
        s = EstimateSession.start(OPERATOR + "外商投资折合人民币2.13亿，按7.1的汇率折成美元，能拿多少")
        assert "usd_cny_rate" not in s.inputs


class TestYuanWithoutARate:
    def test_the_dollars_are_asked_naming_the_yuan(self):
        s = EstimateSession.start(OPERATOR + "园区引进的信息技术项目外商投资9000万元，能奖多少")
        assert "park_foreign_investment_usd" not in s.inputs
        q = s.question()
        assert "9000万元" in q and "美元" in q and "汇率" in q

    def test_a_rate_answer_converts(self):
        s = EstimateSession.start(OPERATOR + "园区引进的信息技术项目外商投资9000万元，能奖多少")
        s.handle("按7.2折算")
        assert s.inputs["park_foreign_investment_usd"] == Decimal("12500000")
        assert Decimal(str(_item(s)["amount_cny"])) == Decimal("100000")

    def test_a_dollar_answer_is_taken(self):
        s = EstimateSession.start(OPERATOR + "园区引进的信息技术项目外商投资9000万元，能奖多少")
        s.handle("折合1250万美元")
        assert s.inputs["park_foreign_investment_usd"] == Decimal("12500000")

    def test_yuan_said_after_the_currency_question_asks_in_the_items_words(self):
        """「外资1.5亿」「是人民币」: the question names foreign investment, not 离岸执行额."""
        s = EstimateSession.start(OPERATOR + "引进软件项目吸引外资1.5亿，能奖多少")
        assert "美元吗" in s.question()
        s.handle("不是，是人民币")
        assert "吸引外商投资" in s.question() and "离岸" not in s.question()
