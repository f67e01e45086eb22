"""Fair costs (own wording): a fair's total said to hold travel with no figure of its own (「一共花了7万 包括机票酒店」
「含机票住宿一共9万」) is never the base — the eligible part is asked, naming the total, and the other fairs of the
message are still read; a fair in a foreign city typed in English (Berlin, Osaka, Kuala Lumpur) is overseas."""

from decimal import Decimal

import pytest

from bot.estimate.understand import read


@pytest.mark.parametrize(
    "said, total",
    [
        ("参加了一个国内的指定展会 一共花了7万 包括机票酒店 能补多少", "7万"),
        ("去东京参展 含机票住宿一共9万 补贴多少", "9万"),
        ("境内展会一场，总共4.5万（包含差旅）", "4.5万"),
    ],
)
def test_total_holding_unpriced_travel_is_asked(said, total):
    r = read(said)
    assert not r.fields.get("fairs")
    assert len(r.clarifications) == 1
    q = r.clarifications[0].question
    assert total in q and "可补贴的费用一共是多少" in q


def test_other_fairs_of_the_message_are_still_read():
    r = read("境内展会一场展位费1.2万；去新加坡参展 包括机票酒店一共10万")
    assert r.fields["fairs"] == [{"region": "domestic", "cost_cny": Decimal("12000")}]
    assert "10万" in r.clarifications[0].question


def test_a_total_with_its_eligible_costs_listed_is_not_asked():
    r = read("境外展会一场 展位费4万 特装1万 机票酒店2万")
    assert not r.clarifications
    assert r.fields["fairs"][0]["cost_cny"] == Decimal("50000")


@pytest.mark.parametrize("city", ["Berlin", "Osaka", "Kuala Lumpur", "Toronto"])
def test_foreign_city_in_english_is_overseas(city):
    r = read(f"去{city}参加了一个商务部门指定的展会 展位费3万")
    assert r.fields["fairs"][0]["region"] == "overseas"
