"""Rates as people quote them (own wording, not the case files'): per 100 units (「100日元=4.8元」「100美元兑690元」), in
a list after the rate word (「汇率：欧元7.8，美元7.1」), by currency name with 按 (「美元按7.1」), between two currencies
with 折 (「欧元折美元按1.08」); amounts typed with a code before them (EUR 9,000, JPY 1,500,000). A dollar rate is never
taken from another currency's rate, and no rate is ever assumed: an amount without its currency's rate is asked."""

from decimal import Decimal as D

import pytest

from bot.estimate import cross_rates, foreign_costs
from bot.estimate.items import detect_items
from bot.estimate.session import EstimateSession
from bot.estimate.understand import Reader
from calculator.figures_zh import normalize, parse_figures


def read(text):
    return Reader(text, items=detect_items(text)).read()


def costs(text):
    return sorted(D(str(f["cost_cny"])) for f in read(text).fields.get("fairs", []))


class TestPerHundredQuotes:
    @pytest.mark.parametrize(
        "text, pair, rate",
        [
            ("100日元兑5元人民币", ("JPY", "CNY"), D("0.05")),
            ("100日元按4.8元人民币", ("JPY", "CNY"), D("0.048")),
            ("一百日元换4.8块钱", ("JPY", "CNY"), D("0.048")),
            ("100美元兑690元", ("USD", "CNY"), D("6.9")),
            ("1000韩元=5.2元", ("KRW", "CNY"), D("0.0052")),
            ("100日元合4.8元", ("JPY", "CNY"), D("0.048")),
            ("1欧元相当于1.08美元", ("EUR", "USD"), D("1.08")),
        ],
    )
    def test_the_rate_is_per_unit(self, text, pair, rate):
        """A quote per 100 (or 1000) units is divided by that count."""
        assert rate == cross_rates.stated(text)[pair][0]

    def test_two_amounts_side_by_side_are_no_rate(self):
        """「100美元 700元」 links nothing: no rate."""
        assert {} == cross_rates.stated("100美元 700元")

    @pytest.mark.parametrize(
        "text",
        [
            "去大阪参加指定展会，展位费80万日元，100日元=4.8元，能补多少",
            "东京的指定展会展位费80万日元，汇率按100日元兑4.8元人民币，补多少",
            "参加了名古屋的商务局指定展，展位费80万日元，一百日元按4.8元算，能补多少",
        ],
    )
    def test_fair_cost_at_a_per_hundred_quote(self, text):
        """80万日元 at 100日元 = 4.8元 is 38,400元."""
        assert [D("38400.00")] == costs(text)


class TestRateLists:
    def test_each_currency_at_its_own_rate(self):
        """「汇率按付款时的：欧元7.8，100日元=4.9元，美元7.1」: each amount at its own currency's rate."""
        text = "参加了三个商务局指定的境外展：巴黎 EUR 9,000\n大阪 JPY 1,500,000\n纽约 USD 10k\n汇率：欧元7.8，100日元=4.9元，美元7.1。能补多少"
        assert [D("70200.00"), D("71000.00"), D("73500.00")] == costs(text)

    @pytest.mark.parametrize(
        "text, rate",
        [("汇率：欧元7.8，美元7.1", D("7.1")), ("美元按7.1", D("7.1")), ("汇率 美元7.05 欧元7.7", D("7.05"))],
    )
    def test_the_dollar_rate_is_the_one_after_the_dollar(self, text, rate):
        """Only the number after 美元 is the dollar's rate."""
        assert [rate] == [f.value for f in parse_figures(text) if f.kind == "rate"]

    @pytest.mark.parametrize("text", ["欧元7.8的汇率", "欧元汇率7.8", "汇率：欧元7.8"])
    def test_another_currencys_rate_is_no_dollar_rate(self, text):
        """A number after 欧元 is never a dollar rate."""
        assert [] == [f for f in parse_figures(text) if f.kind == "rate"]

    def test_a_rate_with_no_currency_beside_euros_only_is_not_the_dollars(self):
        """「离岸80万欧元，汇率7.8」: 7.8 may be the euro's; not kept as the dollar rate, the conversion asked."""
        out = read("离岸执行额80万欧元，汇率7.8，离岸奖励多少")
        assert "usd_cny_rate" not in out.fields and "offshore_usd" not in out.fields
        assert any("欧元" in c.question for c in out.clarifications)


class TestCurrencyCodes:
    @pytest.mark.parametrize(
        "text, value, currency",
        [("EUR 9,000", D(9000), "EUR"), ("JPY 1,500,000", D(1500000), "JPY"), ("展位费€8,000", D(8000), "EUR")],
    )
    def test_a_code_before_the_amount(self, text, value, currency):
        """The code before an amount is its currency."""
        [f] = [f for f in parse_figures(text) if f.kind == "money"]
        assert (value, currency) == (f.value, f.currency)


class TestOffshoreInOtherCurrencies:
    @pytest.mark.parametrize(
        "text, usd",
        [
            (
                "今年离岸合同两块，欧洲客户80万欧元，美国客户30万美元。欧元折美元按1.08，美元兑人民币6.9。离岸奖励多少",
                D("1164000.00"),
            ),
            ("离岸业务：德国客户50万欧元，另外美国客户60万美元，1欧元=1.1美元，汇率7.1，离岸奖励多少", D("1150000.00")),
            ("离岸执行额120万欧元，欧元兑美元1.08，汇率7.0", D("1296000.00")),
        ],
    )
    def test_converted_and_added_to_the_dollars(self, text, usd):
        """The euros at the user's euro-dollar rate, added to the dollars of the other contract."""
        assert usd == read(text).fields["offshore_usd"]

    @pytest.mark.parametrize(
        "text, usd",
        [
            (
                "离岸合同有两笔，欧洲客户60万欧元，美国客户70万美元，汇率：欧元7.8，美元7.1，离岸奖励能拿多少",
                D("1359154.93"),
            ),
            (
                "离岸业务两块：日本客户5000万日元，美国客户80万美元。100日元=4.8元人民币，美元7.1，离岸奖励多少",
                D("1138028.17"),
            ),
        ],
    )
    def test_through_yuan_at_the_rates_given(self, text, usd):
        """Another currency's rate to yuan and the dollar rate: to yuan, then to dollars, both the user's."""
        out = read(text)
        assert usd == out.fields["offshore_usd"]
        assert any("÷ 7.1" in n for n in out.notes)

    def test_without_the_other_currencys_rate_it_is_asked(self):
        """Only the dollar rate: the euros are asked about, never converted at the dollar rate."""
        out = read("离岸合同有两笔，欧洲客户60万欧元，美国客户70万美元，汇率7.1，离岸奖励能拿多少")
        assert D(700000) == out.fields["offshore_usd"]
        assert any("60万欧元" in c.question for c in out.clarifications)


class TestCorrectionInTheRateAnswer:
    @pytest.mark.parametrize(
        "answer",
        [
            "100日元按4.8元人民币。另外展位费刚才说错了，是68万日元不是80万。",
            "展位费不是80万日元，是68万，汇率100日元=4.8元",
            "汇率100日元兑4.8元，展位费应该是68万日元而不是80万",
        ],
    )
    def test_the_new_figure_replaces_the_old(self, answer):
        """The figure after 不是 is replaced in the message asked about; the new one is not read again."""
        said = normalize("去东京参加指定展会，展位费80万日元、特装22万日元，能补多少")
        fixed, rest = foreign_costs.corrected_in_answer(said, normalize(answer))
        assert "68万日元" in fixed and "80万" not in fixed
        assert "68万" not in rest and "80万" not in rest

    def test_in_the_conversation(self):
        """Asked for the yen's rate, told it with a correction: one fair of 68万 + 22万 日元 at 0.048."""
        s = EstimateSession.start("去东京参加了商务局组团的展会，展位费80万日元、特装22万日元，能补多少")
        assert s.clarify and "日元" in s.clarify["question"]
        s.handle("100日元按4.8元人民币。另外展位费说错了，是68万日元不是80万。")
        assert [D("43200.00")] == [D(str(f["cost_cny"])) for f in s.inputs["fairs"]]

    def test_no_correction_leaves_both_unchanged(self):
        said = normalize("展位费80万日元")
        assert (said, "汇率0.048") == foreign_costs.corrected_in_answer(said, "汇率0.048")


class TestFairsAbroad:
    @pytest.mark.parametrize("place", ["墨西哥", "阿根廷", "新西兰", "瑞士", "温哥华", "布拉格"])
    def test_each_place_abroad_is_its_own_fair(self, place):
        """A fair at a place abroad after another one is its own, overseas."""
        text = f"今年参加了商务局指定的展会：迪拜 USD 9k\n{place} USD 5k\n汇率7.1，能补多少"
        got = read(text).fields["fairs"]
        assert [("overseas", D("35500.00")), ("overseas", D("63900.00"))] == sorted(
            (f["region"], f["cost_cny"]) for f in got
        )

    @pytest.mark.parametrize("words", ["不含差旅", "不包括机票酒店", "没含差旅费"])
    def test_travel_said_outside_the_figures_is_not_asked(self, words):
        """「金额都是展位费，不含差旅」: the figures hold no travel; nothing asked about it."""
        out = read(f"今年去了商务局指定的境外展（金额都是展位费，{words}）：\n柏林 8万\n能补多少")
        assert not any(c.kind == "fair_breakdown" for c in out.clarifications)
        assert [D(80000)] == [f["cost_cny"] for f in out.fields["fairs"]]


@pytest.mark.parametrize(
    "text",
    [
        "今年离岸100万美元 100万在岸 离岸奖励和增量奖励多少，汇率7.1",
        "今年离岸80万美元 80万在岸 汇率7.1 增量奖励多少",
    ],
)
def test_a_kind_word_after_a_figure_and_a_space_names_it(text):
    """「100万在岸 离岸奖励…」: 在岸 after the figure names it, its currency is not asked."""
    out = read(text)
    assert out.fields["onshore_cny"] == out.fields["offshore_usd"]
    assert not any(c.kind == "currency" for c in out.clarifications)


class TestCurrencyNameBeforeTheAmount:
    def test_an_amount_after_the_name_is_in_that_currency(self):
        """「展位费欧元8000」: 8000 euros, asked about without a rate, never read as yuan."""
        out = read("巴黎指定展会，展位费欧元8000，能补多少")
        assert "fairs" not in out.fields
        assert any("8,000欧元" in c.question for c in out.clarifications)

    def test_with_the_rate_said_before_it(self):
        """「汇率7.8，展位费欧元8000」: 8000 is the cost, 7.8 its rate (euros only in the message)."""
        assert [D("62400.00")] == costs("巴黎指定展会，汇率7.8，展位费欧元8000，能补多少")

    def test_offshore_after_the_name(self):
        out = read("离岸执行额欧元80万，欧元兑美元1.08，汇率7.1")
        assert (D("864000.00"), D("7.1")) == (out.fields["offshore_usd"], out.fields["usd_cny_rate"])
