"""三（五） a fair's cost in a currency other than yuan or dollars (own wording, not the case files'): converted to yuan
at the user's own rate for that currency before the 70%, the arithmetic said; without a rate the rate is asked, naming
the currency; a rate tied to that currency is never read as the dollar rate, and no rate is ever assumed."""

from decimal import Decimal as D

import pytest

from bot.estimate.session import EstimateSession
from tests.test_hfair2_each_fair_parts import fairs, total


@pytest.mark.parametrize(
    "text, cost, award",
    [
        ("参加了巴黎的商务局指定展会，展位费6万欧元，欧元汇率按7.7算，能补多少", D("462000.00"), D(50000)),
        ("首尔指定展会特装加展位一共500万韩元，1韩元=0.0052元，补贴多少", D("26000.00"), D("18200")),
        ("去大阪参加指定展，报名费30万日元，日元兑人民币按0.05，能拿多少", D("15000.00"), D("10500")),
    ],
)
def test_foreign_cost_at_the_users_rate(text, cost, award):
    """The foreign amount × the user's rate for it is the fair's yuan cost; the note shows the arithmetic."""
    got, r = fairs(text)
    assert {("overseas", cost): 1} == dict(got)
    assert any("×" in n and "折算" in n for n in r.notes)
    assert not any("美元" in p for p in r.problems)
    assert award == total(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("去新加坡参加指定展会，展位费2万新加坡元，能补多少", "新加坡元"),
        ("伦敦指定展会花了1.5万英镑，能补多少", "英镑"),
        ("香港指定展会展位费8万港币，能补多少", "港币"),
    ],
)
def test_without_a_rate_the_rate_is_asked_naming_the_currency(text, name):
    """No rate for the currency: asked, naming it; nothing computed and no rate assumed."""
    s = EstimateSession.start(text)
    assert "fairs" not in s.inputs
    assert s.clarify and name in s.clarify["question"] and "汇率" in s.clarify["question"]


@pytest.mark.parametrize("answer", ["按0.048", "1日元=0.048元", "日元汇率0.048", "折合人民币3.84万元"])
def test_the_answer_to_the_rate_question_converts(answer):
    """The rate (or the yuan amount) given in answer converts the cost asked about."""
    s = EstimateSession.start("东京指定展会的展位费80万日元，能补多少")
    s.handle(answer)
    assert [D("38400")] == [D(str(f["cost_cny"])) for f in s.inputs["fairs"]]
