"""「两年多」「7个月多」: more than the number and short of the next one. 「入驻两年多」 fails 三（八）3's 入驻三年以上;
「一年多的协议」 fails 三（七）4's 两年以上; 「三年多」 meets 三年以上 (bot/understand/facts._span)."""

from decimal import Decimal as D

import pytest

from bot.prescreen.session import PrescreenSession
from bot.understand.facts import read_facts_cached
from knowledge.conditions import Span


@pytest.mark.parametrize(
    "text, fact, span",
    [
        ("入驻市级重点园区两年多了", "rent_years_in_park", Span(lo=D(2), hi=D(3), lo_open=True, hi_open=True)),
        ("在园区待了三年多", "rent_years_in_park", Span(lo=D(3), hi=D(4), lo_open=True, hi_open=True)),
        (
            "跟学校的实训协议签了一年多",
            "internship_agreement_years",
            Span(lo=D(1), hi=D(2), lo_open=True, hi_open=True),
        ),
        ("社保交了5个月多", "social_insurance_months", Span(lo=D(5), hi=D(6), lo_open=True, hi_open=True)),
        # 「半年多」 is vague above: no upper bound is read into it
        ("社保交了半年多", "social_insurance_months", Span(lo=D(6), lo_open=True)),
    ],
)
def test_more_than_a_whole_number_is_short_of_the_next(text, fact, span):
    assert span == read_facts_cached(text).get(fact)


@pytest.mark.parametrize(
    "opening, said",
    [
        ("租金补贴帮忙看下我们够不够格", "入驻市级重点园区两年多 合同额900万 租600平"),
        ("想预审一下房租补贴", "我们进市级园区两年多一点 去年执行额800万 租了500平"),
    ],
)
def test_volunteered_short_stay_rules_out_the_rent_subsidy(opening, said):
    s = PrescreenSession.start(opening)
    turn = s.handle(said)
    text = "".join(turn.messages or [])
    assert "不符合第三条第（八）项第3点" in text and "入驻三年以上" in text, text
    assert "2年多（不到3年）" in text, text
    assert s.ruled_out()["3.8.3"].status == "not_met"
