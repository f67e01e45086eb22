"""A pasted table of fairs whose one cost column names in its heading the kinds of cost its figures hold and their
unit (「费用(注册费+展位费+特装费，元)」「金额（含展位、特装；单位：万元）」「费用(元，含注册费、展位费、特装费)」), beside a
类型 column of 境内/境外: each row's figure is that fair's cost in the heading's unit, capped per fair; a row marked not
designated is left out; a heading that mixes a cost 三（五） does not cover (差旅) asks the covered part, never counts
the whole. A fair's own name (「中国国际服务外包交易博览会」) names no other item (国际服务外包 is no offshore
business). Wording of our own."""

import asyncio
from decimal import Decimal

import pytest

from actions.estimate import ActionEstimateStart
from bot.estimate.items import detect_items
from bot.estimate.session import EstimateSession
from bot.estimate.tables import plain_header_cell
from tests.test_actions import run, texts, tracker


def reply(text: str) -> str:
    d, _ = asyncio.run(run(ActionEstimateStart(), tracker(text, intent="estimate_award")))
    return texts(d)


def fairs(text: str) -> list:
    s = EstimateSession.start(text)
    return [(f["region"], Decimal(str(f["cost_cny"]))) for f in s.inputs.get("fairs") or []]


class TestPlainHeaderCell:
    @pytest.mark.parametrize(
        "cell,plain",
        [
            ("费用(注册费+展位费+特装费，元)", "注册费+展位费+特装费(元)"),
            ("金额（含展位、特装；单位：万元）", "展位+特装(万元)"),
            ("费用(元，含注册费、展位费、特装费)", "注册费+展位费+特装费(元)"),
            ("费用(注册+展位+特装)", "注册+展位+特装"),
            ("费用(展位费+差旅，元)", "展位费+差旅(元)"),
        ],
    )
    def test_kinds_and_unit(self, cell, plain):
        """The kinds the bracket names, joined, with the unit it gives."""
        assert plain == plain_header_cell(cell)

    @pytest.mark.parametrize("cell", ["费用(元)", "在岸(万元)", "备注(说明一下情况)", "活动"])
    def test_other_cells_unchanged(self, cell):
        assert cell == plain_header_cell(cell)


TAB = (
    "今年参展的情况，麻烦测算一下补贴：\n"
    "展会\t类别\t商务局指定\t费用(注册费+展位费+特装费，元)\n"
    "中国国际服务外包交易博览会\t境内\t是\t16000\n"
    "数字经济峰会\t境内\t是\t35000\n"
    "客户答谢会\t境内\t否\t12000\n"
    "新加坡科技周\t境外\t是\t90000"
)


class TestTabTableOneCostColumn:
    def test_amount(self):
        """16000×70% = 11200; 35000×70% = 24500 → 2万; 90000×70% = 63000 → 5万; the 答谢会 left out: 81,200."""
        out = reply(TAB)
        assert "81,200.00元" in out
        assert "客户答谢会" in out and "不计入" in out

    def test_no_offshore_item_from_the_fair_name(self):
        out = reply(TAB)
        assert "离岸" not in out

    def test_fairs(self):
        expected = [("domestic", Decimal("16000")), ("domestic", Decimal("35000")), ("overseas", Decimal("90000"))]
        assert expected == fairs(TAB)


SPACED = "帮忙算下展会补贴\n活动 区域 是否指定 费用（展位费 + 布展费，万元）\n软交会 国内 是 2.4\n迪拜GITEX 国外 是 6\n"


def test_space_table_unit_in_bracket_with_spaces():
    """2.4万×70% = 1.68万; 6万×70% = 4.2万: 58,800."""
    assert [("domestic", Decimal("24000")), ("overseas", Decimal("60000"))] == fairs(SPACED)
    assert "58,800.00元" in reply(SPACED)


def test_markdown_table_unit_inside_bracket_and_total_row():
    """The unit after 单位： in the bracket; the 合计 row no fair: 2.6万×70%; 6.5万×70% = 4.55万: 63,700."""
    text = (
        "展会补贴\n| 展会名称 | 类型 | 指定 | 金额（含展位、特装；单位：万元） |\n|---|---|---|---|\n"
        "| 服贸会 | 境内 | 是 | 2.6 |\n| 汉诺威CeBIT | 境外 | 是 | 6.5 |\n| 合计 | | | 9.1 |\n"
    )
    assert [("domestic", Decimal("26000")), ("overseas", Decimal("65000"))] == fairs(text)


def test_units_in_cells_and_total_row_with_tabs():
    text = (
        "展会补贴多少\n展会\t境内/境外\t商务局指定\t费用(注册+展位+特装)\n软交会\t国内\t是\t2.5万\n"
        "数博会\t国内\t是\t1.2万\nGITEX迪拜\t国外\t是\t7万\n合计\t\t\t10.7万"
    )
    expected = [("domestic", Decimal("25000")), ("domestic", Decimal("12000")), ("overseas", Decimal("70000"))]
    assert expected == fairs(text)


def test_travel_in_the_heading_asks_the_covered_part():
    """「费用(展位费+差旅，元)」: the figure holds travel; never counted whole, its covered part asked."""
    text = "算下参展补贴\n活动名称\t区域\t是否商务部门指定\t费用(展位费+差旅，元)\n服贸会\t境内\t是\t30000\n东京IT周\t境外\t是\t90000"
    s = EstimateSession.start(text)
    assert not s.inputs.get("fairs")
    assert "差旅" in s.clarify["question"] and "30000元" in s.clarify["question"]


@pytest.mark.parametrize(
    "text",
    ["1. 「中国国际服务外包交易博览会」（境内，商务部门指定） 注册费25000元", "参加了国际服务外包交易会 展位费2万"],
)
def test_fair_name_names_no_offshore_item(text):
    assert "3.2" not in detect_items(text)
