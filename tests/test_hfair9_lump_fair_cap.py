"""A fair told as one total (「总共花了十万块」): the eligible costs are asked, and the same reply says the per-fair cap
of its region and what it settles — when 70% of the whole total passes the cap, the award is the cap once the eligible
part reaches cap ÷ 70% (market_fairs.lump_cap_line; figures from knowledge/data/figures.yml)."""

import pytest

from bot.estimate.clauses.market_fairs import lump_cap_line
from bot.estimate.session import EstimateSession


@pytest.mark.parametrize(
    "text,said",
    [
        (
            "上个月去迪拜参加了一个商务局指定的展会，总共花了9万，能补多少",
            ["每场最高补贴5万元", "63,000.00元", "71,428.57元"],
        ),
        (
            "去北京参加了一个指定的服务贸易展会，总共花了5万块，能补多少",
            ["每场最高补贴2万元", "35,000.00元", "28,571.43元"],
        ),
        ("今年去新加坡参加了一个指定的展会，总共花了6万块，能补多少", ["每场最高补贴5万元"]),
    ],
)
def test_the_breakdown_question_says_the_cap(text, said):
    s = EstimateSession.start(text)
    assert s.clarify and s.clarify["kind"] == "fair_breakdown"
    for words in said:
        assert words in s.clarify["question"]


def test_under_the_cap_no_arithmetic_is_said():
    line = lump_cap_line("overseas", 60000)
    assert "每场最高补贴5万元" in line and "×" not in line


def test_region_unknown_gives_both_caps():
    line = lump_cap_line(None, 100000)
    assert "境内每场最高补贴2万元" in line and "境外每场最高5万元" in line
