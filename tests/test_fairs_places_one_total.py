"""Several fairs told by their places with one amount (「参加了两个境外展 东京和首尔 一共花了12万」「成都、西安、武汉，
总共9万」「新加坡和迪拜的展…加起来14万」): the total of those fairs — each fair's cost is asked, never split and never
one fair's; 「各花了6万」 is that cost at each place. Fairs counted in trips (「跑了3趟」「一趟3万一趟1.5万」) are events;
a count then 「总共花了6万」 tells a total. Own wordings, not the case files'."""

from decimal import Decimal as D

import pytest

from bot.estimate.fair_trips import as_events
from bot.estimate.session import EstimateSession


def start(text):
    return EstimateSession.start(text)


@pytest.mark.parametrize(
    "text, count",
    [
        ("参加了两个境外展 东京和首尔 商务局指定的 一共花了12万", "2场"),
        ("商务局指定的国内展去了三个地方：成都、西安、武汉，总共9万", "3场"),
        ("今年去了新加坡和迪拜的展，都是指定的，加起来14万", "2场"),
        ("两个展都是商务局指定的：深圳和广州，加起来12万", "2场"),
    ],
)
def test_one_total_of_several_places_is_asked_each(text, count):
    s = start(text)
    assert s.clarify, s.compute()["total_cny"]
    assert count in s.question() and "每场" in s.question()


@pytest.mark.parametrize(
    "text, award",
    [
        ("东京和首尔各一场指定展会，各花了6万", 84000),  # 42,000 each
        ("深圳和广州两个指定展会，每个展位费都是2.5万", 35000),  # 17,500 each
        ("东京、大阪和首尔的指定展会，各花了6万，能补多少", 126000),
    ],
)
def test_a_cost_at_each_place(text, award):
    s = start(text)
    assert not s.clarify and not s.missing(), s.question()
    assert D(award) == D(str(s.compute()["total_cny"]))


def test_trips_are_events():
    assert "3场境外展" in as_events("跑了3趟境外展,每趟展位费5万") and "每场" in as_events(
        "跑了3趟境外展,每趟展位费5万"
    )
    assert "趟" in as_events("去了一趟郑州办事")  # no fair named: left as it is
    s = start("今年跑了3趟境外展，都是商务部门指定的，每趟展位费5万")
    assert D(105000) == D(str(s.compute()["total_cny"]))  # 3 × 35,000
    s = start("去了两趟国内的指定展会，一趟3万一趟1.5万，能补多少")
    assert D(30500) == D(str(s.compute()["total_cny"]))  # 20,000 (cap) + 10,500


def test_a_count_then_a_total_spent_is_asked_each():
    for text in ("国内指定展会跑了两趟 总共花了6万", "国内指定展会去了两场 总共花了6万"):
        s = start(text)
        assert s.clarify and "2场" in s.question() and "6万" in s.question()


def test_a_fair_counted_or_designated_names_the_item():
    from bot.estimate.items import detect_items

    assert ["3.5"] == detect_items("新加坡和迪拜两个指定展加起来12万")
    assert ["3.5"] == detect_items("跑了两趟展 总共6万")
    assert [] == detect_items("业务发展很快 进展顺利 今年拓展了3个客户")
    assert [] == detect_items("今年一个展都没去")
