"""An item the user sets aside (「离岸奖励先不用管，只算增量」「离岸10%那个先不用管」) is neither shown nor in the total;
the figures it shares with the asked item still count (the offshore dollars in 三（一）'s increment)."""

from decimal import Decimal

import pytest

from actions.estimating import estimate_reply
from bot.estimate import items
from bot.estimate.session import EstimateSession
from knowledge.text import normalize


@pytest.mark.parametrize(
    "text, aside",
    [
        ("离岸10%那个先不用管 增量奖励多少", ["3.2"]),
        ("离岸那块先别算，增量能拿多少", ["3.2"]),
        ("增量部分暂不考虑 离岸奖励多少", ["3.1"]),
        ("今年离岸150万美元不算多 离岸奖励多少", []),
        ("离岸不算在岸里吧", []),
    ],
)
def test_set_aside_read(text, aside):
    assert aside == items.set_aside(normalize(text))


def test_set_aside_item_not_shown_nor_summed():
    s = EstimateSession.start(
        normalize("去年在岸2000万 今年在岸2500万 今年离岸150万美元 汇率7.0 去年没离岸。离岸奖励先不用管，只算增量奖励")
    )
    result = s.compute()
    assert [i["code"] for i in result["items"]] == ["3.1"]
    assert Decimal(str(result["total_cny"])) == Decimal("465000")  # (2500万 + 150万×7 − 2000万) × 3%
    reply = estimate_reply(s, result)
    assert "离岸业务奖励按您说的先不计算" in reply
    assert "1,050,000" not in reply and "1,515,000" not in reply


def test_without_set_aside_both_are_shown():
    s = EstimateSession.start(normalize("去年在岸2000万 今年在岸2500万 今年离岸150万美元 汇率7.0 去年没离岸，能拿多少"))
    assert Decimal(str(s.compute()["total_cny"])) == Decimal("1515000")
