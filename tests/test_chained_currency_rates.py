"""Offshore business and costs in another currency with the user's own chain of rates (bot/estimate/cross_rates.py):
「1欧=1.08美元、1美元=7.10人民币」「1美元=150日元」「日元兑美元按0.0068」, read either way round; never an invented rate."""

from decimal import Decimal

from bot.estimate import cross_rates
from bot.estimate.items import detect_items
from bot.estimate.understand import Reader


def read(text):
    return Reader(text, items=detect_items(text)).read()


def test_pounds_to_dollars_at_the_users_rate():
    out = read("离岸收入80万英镑，汇率按1英镑=1.25美元，1美元=7.2元，离岸奖励多少")
    assert out.fields["offshore_usd"] == Decimal("1000000.00")
    assert out.fields["usd_cny_rate"] == Decimal("7.2")
    assert any("× 1.25" in n for n in out.notes)


def test_dollar_written_first_divides():
    out = read("新加坡客户离岸合同执行额270万新加坡元，汇率按1美元=1.35新加坡元，1美元=7.1元人民币，离岸奖能拿多少")
    assert out.fields["offshore_usd"] == Decimal("2000000.00")
    assert any("÷ 1.35" in n for n in out.notes)
    assert not out.clarifications


def test_named_pair_rate_is_no_dollar_rate():
    out = read("今年离岸做了1.5亿日元，日元兑美元按0.0068，美元汇率7.1，离岸奖励多少")
    assert out.fields["offshore_usd"] == Decimal("1020000.00")
    assert out.fields["usd_cny_rate"] == Decimal("7.1")


def test_without_a_rate_to_dollars_it_is_asked():
    out = read("离岸200万欧元，汇率7.1，离岸奖多少")
    assert "offshore_usd" not in out.fields
    assert any("欧元" in c.question and "美元" in c.question for c in out.clarifications)


def test_cost_through_dollars_to_yuan():
    out = read("ITSS维护费5万欧元，1欧元=1.1美元、1美元=7元，能补多少")
    assert out.fields["certifications"][0]["cost_cny"] == Decimal("385000.00")  # never 5万 × 1.1


def test_rates_read_either_way():
    rates = cross_rates.stated("按1美元=150日元、1美元兑7.2元人民币")
    assert rates[("USD", "JPY")][0] == Decimal("150")
    assert rates[("USD", "CNY")][0] == Decimal("7.2")
    assert ("JPY", "USD") in rates
    got = cross_rates.convert("按1美元=150日元、1美元兑7.2元人民币", Decimal("3000000"), "JPY", "CNY")
    assert got[0] == Decimal("144000.00")
    assert cross_rates.convert("欧元汇率还没定", Decimal("100"), "EUR", "USD") is None


def test_the_answer_giving_a_chain_converts_never_a_dollar_rate_as_the_euro_rate():
    from bot.estimate.session import EstimateSession

    s = EstimateSession.start("CMMI3今年新认证，认证费4万欧元，能补多少")
    assert s.clarify and "欧元" in s.clarify["question"]
    s.handle("1欧元=1.1美元，1美元=7.0元")
    assert [Decimal(str(c["cost_cny"])) for c in s.inputs["certifications"]] == [Decimal("308000.00")]
    s = EstimateSession.start("CMMI3今年新认证，认证费4万欧元，能补多少")
    s.handle("1欧元=1.1美元，汇率7.0")  # the dollar rate after the euro's: never 4万 × 7.0
    assert [Decimal(str(c["cost_cny"])) for c in s.inputs["certifications"]] == [Decimal("308000.00")]
    s = EstimateSession.start("CMMI3今年新认证，认证费4万欧元，能补多少")
    s.handle("1欧元=1.1美元")  # no rate to yuan: nothing computed, nothing assumed
    assert "certifications" not in s.inputs
