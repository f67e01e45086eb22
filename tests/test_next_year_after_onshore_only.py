"""「那如果明年呢…明年在岸…再加上离岸…一共多少」 after an estimate of two years of onshore business only: next year is
compared with this year (now the previous year, with the offshore the estimate counted: none, said so), never read
as an addition to this year's estimate. Wording of our own."""

import asyncio

from actions.estimate import ActionEstimateStart
from tests.test_actions import run, texts, tracker


def play(*messages) -> str:
    slots, out = {}, ""
    for m in messages:
        d, events = asyncio.run(run(ActionEstimateStart(), tracker(m, intent="estimate_award", slots=slots)))
        slots.update({e["name"]: e["value"] for e in events if e.get("event") == "slot"})
        out = texts(d)
    return out


def test_next_year_with_offshore_added():
    out = play(
        "去年在岸1000万 今年在岸1200万 都是国内业务 增量奖励能拿多少",
        "那假如明年呢 明年在岸做到1500万 另外加上离岸110万美元 汇率按7.1 增量和离岸一共多少",
    )
    # (1500万 + 781万 − 1200万) × 3% = 32.43万; 110万美元 × 7.1 × 10% = 78.1万
    assert "324,300.00元" in out and "781,000.00元" in out
    assert "按今年没有离岸业务计" in out


def test_next_year_onshore_only():
    out = play(
        "上年在岸2000万 今年在岸2600万 全是在岸 增量多少", "如果明年在岸做到3000万 再加上离岸50万美元 汇率7 一共多少"
    )
    assert "225,000.00元" in out  # (3000万 + 350万 − 2600万) × 3% = 22.5万; 50万美元 ≤ 100万: no 三（二）


def test_a_next_year_estimate_never_asks_this_years_offshore_again():
    out = play(
        "去年在岸500万 今年在岸700万 全是境内在岸的 能拿多少",
        "那明年呢 明年在岸900万 再加上离岸80万美元 汇率7.2 一共多少",
    )
    assert "上一年度的离岸服务外包合同执行额是多少美元" not in out
