"""三（八）2's foreign investment when a park names several projects: each project's amount is judged by its own
words, a project outside 信息传输、软件和信息服务业 is left out and named, the others are added — never the last amount
kept silently in place of the others (round 38: a car-parts plant's 3000万美元 once replaced two software projects')."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from calculator.figures_zh import parse_figures


@pytest.mark.parametrize(
    "text, usd, left_out",
    [
        (
            "我们是市级服务外包示范园区 今年引进了三个外资项目 一个是软件开发 外资1,200万美元 一个是数据中心信息服务 $11M 还有一个是汽车零部件制造厂 外资3000万美元 能拿多少",
            23000000,
            True,
        ),
        ("市级示范园区，今年引进一个汽车制造项目外资2000万美元，一个软件公司外资1000万美元，能奖多少", 10000000, True),
        ("我们是市级示范园区 引进了两个软件项目 外资分别1200万美元和900万美元 能拿多少", 21000000, False),
        ("市级示范园区 引进软件项目外资2500万美元 能奖多少", 25000000, False),
    ],
)
def test_each_project_counted_by_its_own_words(text, usd, left_out):
    s = EstimateSession.start(text)
    assert s.inputs["park_foreign_investment_usd"] == Decimal(usd)
    assert any("不计入吸引外资金额" in n for n in s.notes) is left_out


@pytest.mark.parametrize("text, value", [("$11m", 11000000), ("$1.2m", 1200000), ("usd 2.5m", 2500000)])
def test_lower_case_million_after_a_dollar_sign(text, value):
    figs = [f for f in parse_figures(text) if f.kind == "money"]
    assert [(f.value, f.currency) for f in figs] == [(Decimal(value), "USD")]


@pytest.mark.parametrize("text", ["跑了5m", "面积300m"])
def test_lower_case_m_alone_is_no_money(text):
    assert not [f for f in parse_figures(text) if f.kind == "money"]


def test_an_amount_restated_in_brackets_is_one_amount():
    """「2,500万美元（USD 25,000,000）」 says one amount twice (R28E017 once got 5000万)."""
    s = EstimateSession.start(
        "园区引进的软件和信息服务业项目一共吸引外商投资2,500万美元（USD 25,000,000），园区这块能奖励多少"
    )
    assert s.inputs["park_foreign_investment_usd"] == Decimal(25000000)
