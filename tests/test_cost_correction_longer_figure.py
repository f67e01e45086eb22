"""A cost corrected in the same message by its own word, with a new figure longer than the old one (「布展1万 … 不对
布展是1.5万」「展位费1.2万 … 展位费是1.25万」): the old figure gives way, the event's other costs are kept, and the two
figures are never added (bot/understand/retractions.py)."""

import pytest

from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize


@pytest.mark.parametrize(
    "text, cost",
    [
        ("参加了北京服贸会，指定展会，展位费3万 布展1万 特装0.5万，不对布展是1.5万，能补多少", "50000"),
        ("境内指定展会一场 展位费1.2万，布展0.8万，哦说错了展位费是1.25万 补贴多少", "20500"),
        ("商务局指定的境内展一个，注册费2000 展位费8000 宣传推广3000，不对注册费是2500，补贴多少", "13500"),
        ("指定的境内展一场：展位费9000 布展3000 宣传5000，不对不对展位费是12000，补多少", "20000"),
    ],
)
def test_corrected_cost_replaces_its_own_figure(text, cost):
    s = EstimateSession.start(normalize(text))
    assert [str(f["cost_cny"]) for f in s.inputs.get("fairs") or []] == [cost]


@pytest.mark.parametrize(
    "text, costs",
    [
        ("境内指定展会：北京展位费3万 布展1万，深圳展位费2万，不对北京布展是1.5万，补贴多少", ["45000", "20000"]),
        ("境外指定展会：迪拜展位费3万 布展2万 伦敦9万 哦不对 迪拜那场布展是2.5万 补贴多少", ["55000", "90000"]),
        ("境外指定展会 一场迪拜的6.5万 一场伦敦的9万 哦不对不对 迪拜那场是10.5万 能补多少", ["105000", "90000"]),
        ("境外指定展会：迪拜展位费3万 布展2万 伦敦9万 哦不对 迪拜那场是2.5万 补贴多少", ["25000", "90000"]),
        ("境外指定展会：东京展位费4万 特装1万 首尔6万，不对，东京那场一共是12.5万，补贴多少", ["125000", "60000"]),
    ],
)
def test_longer_figure_of_an_earlier_event_stays_with_that_event(text, costs):
    """Never the last event's figure replaced, never a third event made of the correction."""
    s = EstimateSession.start(normalize(text))
    assert [str(f["cost_cny"]) for f in s.inputs.get("fairs") or []] == costs


def test_not_a_correction_word():
    s = EstimateSession.start(normalize("我们不对外是100万美元的离岸合同 汇率7 离岸奖励多少"))
    assert s.inputs.get("offshore_usd") == 1000000
