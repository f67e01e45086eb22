"""Costs of any item in dollars or another currency (certificates, training, platforms): converted at the user's own
rate with the arithmetic said, else asked naming the figure; never dropped, never read as a business amount."""

from decimal import Decimal

from bot.estimate.items import detect_items
from bot.estimate.understand import Reader


def read(text):
    return Reader(text, items=detect_items(text)).read()


def test_certificate_fee_in_dollars_beside_one_in_yuan():
    out = read("PCMM认证花了3万美金 ISO27001认证12万 汇率7 能补多少")
    costs = {c["name"]: c["cost_cny"] for c in out.fields["certifications"]}
    assert costs == {"PCMM": Decimal("210000.00"), "ISO27001": Decimal("120000")}


def test_certificate_fee_in_dollars_without_rate_is_asked():
    out = read("CMMI认证费5万美元 能补多少")
    assert "certifications" not in out.fields
    assert any(c.kind == "usd_cost" and "5万美元" in c.question for c in out.clarifications)


def test_dollar_certificate_fee_after_a_comma():
    out = read("SAS70是今年新拿的，审计机构收了4万美元，汇率按7.2，另外CMMI3认证费15万，能补多少")
    costs = sorted(c["cost_cny"] for c in out.fields["certifications"])
    assert costs == [Decimal("150000"), Decimal("288000.00")]


def test_training_fee_in_dollars():
    out = read("今年2个项目经理参加涉外业务培训，都是本科，每人培训费5000美元，汇率7.1")
    assert [p["cost_cny"] for p in out.fields["senior_training"]] == [Decimal("35500.00")] * 2


def test_platform_purchase_in_dollars_and_euros():
    out = read("我们搭建了公共服务平台，设备购置费10万美元，汇率7，能补多少")
    assert out.fields["platforms"][0]["cost_cny"] == Decimal("700000.00")
    out = read("我们搭建了公共服务平台，服务器等硬件购置花了20万欧元，1欧元=1.1美元，1美元=7.2元，能补多少")
    assert out.fields["platforms"][0]["cost_cny"] == Decimal("1584000.00")
    out = read("我们搭建了公共服务平台，设备购置费10万美元，能补多少")
    assert "platforms" not in out.fields and any(c.kind == "usd_cost" for c in out.clarifications)


def test_offshore_dollars_stay_business():
    out = read("CMMI3认证费20万，离岸150万美元，汇率7.1，能拿多少")
    assert out.fields["offshore_usd"] == Decimal("1500000")
    assert [c["cost_cny"] for c in out.fields["certifications"]] == [Decimal("200000")]
