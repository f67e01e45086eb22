"""A cost corrected by its own word inside one message (「北京服贸会展位费3.2万 布展0.4万，不对不对展位费是2.3万我看串了」):
the figure said after that cost word earlier is replaced, the others of the event kept — never the last figure said
merely for being last, and never the corrected figure added beside the old one. Own wordings, not the case file's."""

from decimal import Decimal as D

import pytest

from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from bot.understand.retractions import without_retracted


@pytest.mark.parametrize(
    "text, kept, gone",
    [
        ("北京展位费3.2万 布展0.4万，不对不对展位费是2.3万我看串了", ["展位费2.3万", "布展0.4万"], ["3.2万"]),
        ("东京展特装5万，展位费4万，说错了，特装是3万", ["特装3万", "展位费4万"], ["5万"]),
        ("CMMI3认证费38万，ITSS维护费4.5万，哦不对，认证费是28万", ["认证费28万", "维护费4.5万"], ["38万"]),
        (
            "深圳那场注册费3000、展位费1.5万、宣传5000，我看岔了，注册费应该是4000",
            ["注册费4000", "展位费1.5万"],
            ["3000"],
        ),
    ],
)
def test_the_cost_named_is_replaced(text, kept, gone):
    out = without_retracted(normalize(text))
    assert all(k.lower() in out for k in kept), out
    assert not any(g in out for g in gone), out


def test_a_cost_word_said_of_two_events_is_not_placed():
    """「北京展位费3万，深圳展位费2万，不对，展位费是2.5万」: which 展位费 is meant is not said — not placed by the word."""
    out = without_retracted(normalize("北京展位费3万，深圳展位费2万，不对，展位费是2.5万"))
    assert "北京展位费3万" in out


def test_corrected_fair_costs_are_estimated_once():
    s = EstimateSession.start(
        "报销单：上海那场展位费2万 特装1.2万，哦不对，特装是1.5万；新加坡展位费4万，都是指定展会，能补多少"
    )
    assert not s.clarify and not s.missing()
    # 上海 2万 + 1.5万 = 3.5万 → 2万 (cap); 新加坡 4万 × 70% = 2.8万
    assert D(48000) == D(str(s.compute()["total_cny"]))
