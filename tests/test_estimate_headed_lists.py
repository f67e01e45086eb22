"""Figures told under a heading that names their year or region (own wording, not a case's sentence):

- a fair count heads its own region's parts (「国内参展3场，甲…；乙…；丙…；国外1场，…」), so each part is one fair,
  while a count with one part of costs for several fairs is still asked about, never one fair;
- 「2023年均中间价」 is that year's average rate (年均 = yearly average), not one rate for both years;
- 技先 (the short name of 技术先进型服务企业) said new in any order counts as 新获得;
- a total over several people or certificates is asked as a question, each cost by name, never averaged."""

from decimal import Decimal

import pytest

from bot.estimate.reading import each_cost_question
from bot.estimate.session import EstimateSession
from bot.estimate.understand import read
from calculator import calculate


def fairs(text: str) -> list:
    return [(f["region"], Decimal(str(f["cost_cny"]))) for f in read(text).fields.get("fairs", [])]


def test_region_count_heads_its_own_parts():
    text = (
        "国内参展3场：甲展展位费2.5万；乙展注册费800元、布展费9000元；丙展特装费1.1万、宣传推广费3000元；"
        "国外参展1场（曼谷），展位费4.4万元、布展费6000元"
    )
    assert fairs(text) == [
        ("domestic", Decimal(25000)),
        ("domestic", Decimal(9800)),
        ("domestic", Decimal(14000)),
        ("overseas", Decimal(50000)),
    ]
    expected = calculate({"fairs": [{"region": r, "cost_cny": c} for r, c in fairs(text)]})["total_cny"]
    s = EstimateSession.start(text + " 补贴多少")
    assert s.status == "done", s.question()
    assert Decimal(str(s.compute()["total_cny"])) == Decimal(str(expected))


def test_a_count_of_several_fairs_with_one_total_is_not_one_fair():
    """「国内三场…一共4.5万」: the three fairs' costs are asked, not read as one fair of 4.5万."""
    got = fairs("国内三场 展位费加起来4.5万；国外一场 展位费5.5万")
    assert ("domestic", Decimal(45000)) not in got
    assert ("overseas", Decimal(55000)) in got


@pytest.mark.parametrize(
    "text, current, previous",
    [
        ("2025年离岸260万美元，2025年均中间价7.1884；2024年离岸190万美元，2024年均中间价7.1217", "7.1884", "7.1217"),
        ("今年离岸260万美元 今年年均中间价7.19 去年离岸190万美元 去年年均中间价7.12", "7.19", "7.12"),
        ("今年离岸260万美元 去年离岸190万美元 汇率两年均按7.15", "7.15", "7.15"),
    ],
)
def test_year_average_rate_belongs_to_its_year(text, current, previous):
    f = read(text).fields
    assert f["usd_cny_rate"] == Decimal(current)
    assert f["previous_usd_cny_rate"] == Decimal(previous)


@pytest.mark.parametrize(
    "text, new",
    [
        ("技先今年也是第一次认定的", True),
        ("另外技先是上个月刚拿到的", True),
        ("技先首次评上 加上能拿多少", True),
        ("技先不是新拿的，是复审通过", False),
        ("技先前年就认定了", False),
    ],
)
def test_short_name_of_the_status_said_new(text, new):
    assert read(text).fields.get("tech_advanced_new") is new


@pytest.mark.parametrize("kind, unit", [("training", "人"), ("certifications", "项")])
def test_a_total_over_several_is_asked_as_a_question(kind, unit):
    q = each_cost_question(kind, 4, Decimal(380000), unit, "费用").question
    assert "？" in q and "多少" in q and "平均" in q
