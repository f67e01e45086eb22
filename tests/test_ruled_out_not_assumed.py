"""An item the figures rule out (business fell: 第三条第（一）项 gives 0) lists none of its conditions as
「还需确认的条件（测算假定已满足）」 beside that verdict; an item the figures award keeps its unconfirmed ones."""

from actions.estimating import estimate_reply
from bot.estimate.session import EstimateSession
from knowledge.text import normalize

ASSUMED = "还需确认的条件（测算假定已满足）"


def _reply(text: str) -> str:
    s = EstimateSession.start(normalize(text))
    return estimate_reply(s, s.compute())


def test_fall_lists_no_growth_condition_as_assumed():
    for text in (
        "去年在岸执行额3000万，今年在岸2800万，没有离岸，增量奖励多少",
        "上年度执行额5200万元 本年度4900万元 都是境内业务 增量奖励能拿多少",
    ):
        reply = _reply(text)
        assert "不予奖励" in reply
        assert ASSUMED not in reply or "业务规模增量奖励——" not in reply.split(ASSUMED)[1]


def test_growth_keeps_its_unconfirmed_conditions():
    reply = _reply("去年在岸执行额3000万，今年在岸3600万，没有离岸，增量奖励多少")
    assert "180,000.00元" in reply
    assert ASSUMED in reply and "业务规模增量奖励——" in reply.split(ASSUMED)[1]
