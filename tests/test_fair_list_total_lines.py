"""Fairs listed one a line with their region word and cost, as typed into a chat (「服贸会 境内 3万\nGITEX 境外 7万」), with or
without an item number (「1 服贸会 境内 2.8万」) and with a 合计 line under them: each line is one fair, 境内/境外 places it
(never an offshore business amount when nothing of the business is said), the item's number is no cost, and the 合计
line is the list's sum, never one more fair's cost; a 合计 that is not the sum is named and the fairs computed from
their own figures. Wording of our own."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.estimate.tables import fair_total_lines


def fairs(text: str) -> list:
    s = EstimateSession.start(text)
    return [(f["region"], Decimal(str(f["cost_cny"]))) for f in s.inputs.get("fairs") or []]


THREE = [("domestic", Decimal("28000")), ("overseas", Decimal("70000")), ("overseas", Decimal("40000"))]


@pytest.mark.parametrize(
    "text",
    [
        "都是指定展会，帮我算补贴：\n服贸会 境内 2.8万\n新加坡展 境外 7万\n东京展 境外 4万\n合计 13.8万",
        "都是指定展会，帮我算补贴：\n1 服贸会 境内 2.8万\n2 新加坡展 境外 7万\n3 东京展 境外 4万\n合计 13.8万",
        "展会补贴怎么算，都是指定的：\n1. 服贸会 境内 2.8万\n2. 新加坡展 境外 7万\n3. 东京展 境外 4万\n总计：13.8万",
        "都是指定展会，帮我算补贴：\n1 服贸会 境内 2.8万\n2 新加坡展 境外 7万\n3 东京展 境外 4万",
    ],
)
def test_total_line_and_item_numbers(text):
    assert THREE == fairs(text)


def test_total_not_the_sum_is_named():
    text = "都是指定展会，帮我算补贴：\n服贸会 境内 2.8万\n新加坡展 境外 7万\n东京展 境外 4万\n合计 14万"
    s = EstimateSession.start(text)
    assert THREE == [(f["region"], Decimal(str(f["cost_cny"]))) for f in s.inputs["fairs"]]
    assert any("14万元" in n and "13.8万元" in n and "不一致" in n for n in s.notes)


@pytest.mark.parametrize(
    "text",
    [
        "展会补贴帮我算下\n服贸会 境内 3万\nGITEX 境外 7万\n都是指定的",
        "展会补贴帮我算下：服贸会 境内 3万；GITEX 境外 7万；都是指定的",
        "展会补贴帮我算下\n服贸会 境内 3万\nGITEX 境外 7万\n合计 10万\n都是指定的",
    ],
)
def test_region_word_places_a_fair_not_a_business_amount(text):
    s = EstimateSession.start(text)
    assert [("domestic", Decimal("30000")), ("overseas", Decimal("70000"))] == fairs(text)
    assert "offshore_usd" not in s.inputs


def test_total_line_of_other_lists_untouched():
    """No fairs named: a 合计 line is left to the other readers."""
    text = "平台投入：\n服务器 300万\n软件 100万\n合计 400万"
    assert text == fair_total_lines(text)[0]


def test_designation_said_after_a_table_counts_for_its_rows():
    """「都是商务局指定的」 on a line after the table: the kept rows are designated, no condition left to confirm."""
    text = (
        "展会补贴帮我算下\n展会\t地点\t类型\t费用(元)\t备注\n服贸会\t北京\t境内\t30000\t\n"
        "GITEX\t迪拜\t境外\t90000\t已用区里另一个会展政策拿过补贴了\n软交会\t大连\t境内\t15000\t\n都是商务局指定的"
    )
    from actions.common import user_text
    from tests.test_actions import tracker

    s = EstimateSession.start(user_text(tracker(text, intent="estimate_award")))
    assert [("domestic", Decimal("30000")), ("domestic", Decimal("15000"))] == [
        (f["region"], Decimal(str(f["cost_cny"]))) for f in s.inputs["fairs"]
    ]
    assert not s.unsure_conditions()
