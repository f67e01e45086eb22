"""A certificate said already subsidised under another city policy is left out of 三（六）, citing 第四条第（三）项
不得重复申报 (bot/estimate/cert_elsewhere.py); the others are estimated and no whole-policy verdict is said."""

from decimal import Decimal

from bot.answers import qualify
from bot.estimate import cert_elsewhere
from bot.estimate.items import detect_items
from bot.estimate.understand import Reader


def read(text):
    return Reader(text, items=detect_items(text)).read()


def test_named_in_its_own_clause_with_a_cost():
    out = read("CMMI3认证费20万，ITSS维护费8万，PCMM认证费12万，PCMM已经用区里的专项资金报过了，能补多少")
    assert [c["name"] for c in out.fields["certifications"]] == ["CMMI3", "ITSS"]
    assert any("第四条第（三）项" in n and "PCMM" in n for n in out.notes)


def test_named_in_the_clause_before():
    out = read("ITSS维护费6万；CMMI认证费30万，这个之前已经在市里另一个政策拿过补贴了。能补多少")
    assert out.fields["certifications"] == [{"name": "ITSS", "cost_cny": Decimal("60000")}]


def test_without_a_cost_it_takes_no_other_cost():
    out = read("ISO27001认证费10万，CCRC认证费6万，另外CMMI去年已经用省里的政策申报过了，还能补多少")
    assert [c["name"] for c in out.fields["certifications"]] == ["ISO27001", "CCRC"]
    assert not out.clarifications


def test_not_claimed_when_denied_and_partly_only():
    assert cert_elsewhere.named_elsewhere("CMMI之前没用别的政策申报过，认证费20万") == []
    assert cert_elsewhere.partly("CMMI认证费20万，ITSS已经用区里的专项资金报过了")
    assert not cert_elsewhere.partly("ITSS已经用区里的专项资金报过了，还能再报吗")


def test_no_whole_policy_verdict_when_others_remain():
    text = "PCMM认证费15万，ITSS维护费5万已经用市里另一个政策拿过补贴了，PCMM还能补多少"
    assert qualify.answer(text, {"claimed_elsewhere": True}, {"claimed_elsewhere": True}) is None
