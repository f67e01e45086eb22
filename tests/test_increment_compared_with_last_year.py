"""The increment itself, said as this year against last (「今年比去年业务增量100万」「业务较上年增量500万」「跟去年比增量80万」),
beside other items' figures: 三（一） is 3% of it (the 去年 of the comparison names no figure of that year), and no other
item (a platform) takes it as a cost. The wordings are the team's own."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession


def amounts(session) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in session.compute()["items"]}


@pytest.mark.parametrize(
    "text, code, other",
    [
        ("今年比去年业务增量200万，另外CMMI新认证费30万，能拿多少", "3.6", 210000),
        ("我们业务较上年增量500万；公共信息服务平台硬件采购300万，一共多少", "3.9", 900000),
        ("建了个公共培训服务平台 设备投了600万 业务跟去年比增量80万 合计多少", "3.9", 1800000),
    ],
)
def test_the_increment_beside_another_item(text, code, other):
    session = EstimateSession.start(text)
    assert "done" == session.status, session.question()
    got = amounts(session)
    assert Decimal(other) == got[code]
    increment = Decimal(text.split("增量")[1].split("万")[0]) * 10000
    assert increment * Decimal("0.03") == got["3.1"]


def test_the_increment_is_no_platform():
    """Two platforms and 「今年比上年增量60万」: two platforms, not three."""
    session = EstimateSession.start(
        "两个平台：公共技术服务平台软件投入500万；公共信息服务平台设备投入200万。今年比上年增量60万。能拿多少"
    )
    assert 2 == len(session.inputs["platforms"])


def test_a_years_amount_beside_the_increment_is_still_asked():
    """Negative: 「去年在岸600万 今年增量300万」: last year's figure is told, so this year's amount is asked."""
    session = EstimateSession.start("去年在岸600万 今年增量300万 增量奖多少")
    assert "onshore_cny" not in session.inputs
