"""Several parks of one operator (bot/estimate/several_parks.py): a park's own level (「B园是区级的」) is that park's
alone; a park below 市级 is left out and named, the others estimated (三（八）1 and 2)."""

from decimal import Decimal

from bot.estimate.session import EstimateSession
from bot.estimate.several_parks import focus
from bot.nlu.normalize import normalize
from bot.understand.facts import message_facts


def test_a_district_park_is_left_out_and_named():
    text, notes = focus(
        normalize(
            "我们运营两个园区：甲园区去年刚认定为省级服务外包示范园区，乙园区是县级的，两个都由我们公司运营，能拿多少"
        )
    )
    assert "县级" not in text and "省级" in text
    assert len(notes) == 1 and "乙园" in notes[0] and "甲园" in notes[0]


def test_parks_told_apart_by_order():
    text, notes = focus(
        normalize("公司管着两个园区 一个园区今年新认定为市级示范园区 另一个园区是区级的 都是我们运营 能拿多少")
    )
    assert "区级" not in text and notes and "第2个园区" in notes[0]


def test_parks_all_at_the_required_level_are_left_as_said():
    said = "x园今年新认定为市级示范园区，y园是省级的，能拿多少"
    assert focus(normalize(said)) == (normalize(said), [])


def test_the_remaining_park_is_estimated_and_its_level_read():
    said = (
        "我们公司统一运营两个园子，C园今年新评为市级服务外包示范园区，D园是区级的。C园引进软件和信息服务业项目，"
        "外商投资1500万美元，一共能拿多少"
    )
    assert message_facts(said).get("park_level") == "市级"
    result = EstimateSession.start(said).compute()
    assert Decimal("300000") == Decimal(str(result["total_cny"]))
