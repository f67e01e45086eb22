"""Fairs named by their place and 展 (「日本展」「迪拜那个展」) name 三（五） (never another item), and fairs named together
at a clause's start with 分别 opening the next clause (「日本展和迪拜展都是商务局指定的，分别花了6万和10万」) get their
costs in order. Wording of our own."""

from decimal import Decimal

import pytest

from bot.estimate.items import detect_items
from bot.estimate.lists import spell_out_respective
from bot.estimate.session import EstimateSession


@pytest.mark.parametrize("text", ["日本展花了6万", "迪拜那个展10万", "去了东京的展 8万", "参加了深圳展"])
def test_place_and_fair_names_fairs(text):
    assert "3.5" in detect_items(text)


@pytest.mark.parametrize("text", ["我们公司发展很快", "北京分公司能申报吗", "业务拓展到日本了"])
def test_no_fair_named(text):
    assert "3.5" not in detect_items(text)


@pytest.mark.parametrize(
    "text",
    [
        "日本展和迪拜展都是商务局指定的，分别花了6万和10万，能补多少",
        "去了日本展和迪拜展，分别花了6万和10万，都是指定的",
        "东京展与迪拜展都是指定展会，费用分别是6万、10万，补贴多少",
    ],
)
def test_names_before_respective_clause(text):
    s = EstimateSession.start(text)
    assert [Decimal("60000"), Decimal("100000")] == [Decimal(str(f["cost_cny"])) for f in s.inputs["fairs"]]


def test_other_lists_unchanged():
    text = "去年和今年分别是80万美元、150万美元"
    assert "去年" in spell_out_respective(text) and "今年" in spell_out_respective(text)
