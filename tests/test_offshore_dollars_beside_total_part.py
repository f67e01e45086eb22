"""「今年总执行额2800万元，其中在岸1.75kw，离岸150万美元（中间价7.0，折合1050万）」: the offshore part in yuan (total −
onshore) is the dollars said, converted: 三（二） counts those dollars and they are never asked; a part's kind is its
own words', not the next part's (「其中在岸1750万 离岸150万美元」)."""

from decimal import Decimal

import pytest

from bot.estimate.items import detect_items
from bot.estimate.understand import read
from bot.nlu.normalize import normalize


def _read(text):
    return read(text, items=detect_items(normalize(text)))


@pytest.mark.parametrize(
    "text",
    [
        "今年总执行额2800万元，其中在岸1.75kw，离岸150万美元（中间价7.0，折合1050万），离岸奖励怎么算",
        "今年执行额一共2800万，里面在岸1750万，离岸是150万美元，按7.0折成人民币1050万，离岸能奖多少",
        "今年合计2800万元 其中在岸1750万 离岸150万美元(汇率7) 离岸奖励多少",
        "今年总额2800万元，其中在岸1750万元，离岸150万美元（约合人民币1050万元，中间价7.0），算下离岸奖",
    ],
)
def test_dollars_said_are_used_not_asked(text):
    r = _read(text)
    assert r.fields["offshore_usd"] == Decimal("1500000")
    assert r.fields["onshore_cny"] == Decimal("17500000")
    assert "offshore_cny" not in r.fields
    assert not [c for c in r.clarifications if c.data.get("key") == "offshore_usd"]


def test_mismatch_is_noted():
    r = _read("今年总执行额2000万，其中在岸1600万 离岸是50万美元 汇率7.2")
    assert r.fields["offshore_usd"] == Decimal("500000") and r.fields["onshore_cny"] == Decimal("16000000")
    assert any("不一致" in n for n in r.notes)


def test_part_named_after_it_still_read():
    r = _read("今年总额2500万，里面有400万是离岸的")
    assert r.clarifications
