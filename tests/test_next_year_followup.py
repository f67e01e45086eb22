"""A next-year what-if after an estimate, even after an acknowledgement (「好的 那如果明年呢…」), compares next year
with this year; afterwards the user's 今年 is that comparison's previous year."""

from decimal import Decimal

import pytest

from bot.estimate.reading import is_what_if
from bot.estimate.session import EstimateSession, items_for_inputs


@pytest.mark.parametrize(
    "text",
    [
        "好的 那如果明年呢 明年在岸做到2000万",
        "ok 如果明年在岸1800万呢",
        "嗯嗯，那明年在岸做到1600万呢",
        "明白了 那假如明年离岸到150万美元呢",
    ],
)
def test_acknowledged_what_if_is_one(text):
    assert is_what_if(text)


@pytest.mark.parametrize("text", ["好几个展会呢", "行业是软件外包呢", "好的谢谢"])
def test_other_messages_are_not(text):
    assert not is_what_if(text)


def _amending(first: str) -> EstimateSession:
    start = EstimateSession.start(first)
    assert start.status == "done"
    inputs = dict(start.inputs)
    session = EstimateSession(items=items_for_inputs(inputs), inputs=dict(inputs))
    session.last_keys, session.amending = list(inputs), True
    return session


@pytest.mark.parametrize(
    "follow, answer",
    [
        ("好的 那如果明年呢 明年在岸做到1500万 离岸120万美元 汇率按7.2 一共多少", "今年没有离岸业务"),
        ("那明年在岸1500万 离岸120万美元呢 汇率7.2", "今年离岸是0"),
        ("ok 如果明年在岸做到1500万 再加离岸120万美元 汇率7.2呢", "没有"),
    ],
)
def test_next_year_against_this_year(follow, answer):
    session = _amending("去年在岸600万 今年在岸900万 都是境内的 增量奖励多少")
    session.handle(follow, "correct_value")
    assert session.inputs["previous_onshore_cny"] == Decimal("9000000")  # this year, not last year's 600万
    assert session.inputs["onshore_cny"] == Decimal("15000000")
    session.handle(answer)
    assert session.status == "done"
    assert session.inputs["previous_offshore_usd"] == Decimal(0)
    assert session.inputs["offshore_usd"] == Decimal("1200000")
