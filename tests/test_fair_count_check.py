"""Fairs told whole in an answer (「两场在国内（上海、深圳），每场3万；两场在国外（迪拜、法兰克福），一场7万一场9万」): the
places decide the regions (no 境内/境外 asked again), said again they replace the fairs told, never add to them, and the
count said before must agree with the fairs read — else it is asked (bot/estimate/fair_count_check.py)."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession


def costs(s):
    return sorted((f["region"], Decimal(str(f["cost_cny"]))) for f in s.inputs.get("fairs", []))


R62E023 = "两场在国内（上海、深圳），每场3万；两场在国外（迪拜、法兰克福），一场7万一场9万，都是商务部门指定的展会"
TOLD = [
    ("domestic", Decimal("30000")),
    ("domestic", Decimal("30000")),
    ("overseas", Decimal("70000")),
    ("overseas", Decimal("90000")),
]


@pytest.mark.parametrize(
    "opening, answer, fairs",
    [
        ("我们今年参加了4场展会总共花了22万 展会补贴能补多少", R62E023, TOLD),
        (
            "今年去了5场展会 一共花了26万 展会补贴怎么算",
            "三场国内的（杭州、成都、武汉）每场4万，两场国外（新加坡、东京）分别6万和8万，都是商务部门指定的",
            [("domestic", Decimal("40000"))] * 3 + [("overseas", Decimal("60000")), ("overseas", Decimal("80000"))],
        ),
        (
            "4 fairs this year, total 20万, all designated, how much subsidy",
            "booth in 北京 2.5万, 广州 3.5万; 新加坡 6万, 迪拜 8万",
            [
                ("domestic", Decimal("25000")),
                ("domestic", Decimal("35000")),
                ("overseas", Decimal("60000")),
                ("overseas", Decimal("80000")),
            ],
        ),
    ],
)
def test_the_places_said_decide_the_regions(opening, answer, fairs):
    s = EstimateSession.start(opening)
    assert s.clarify and s.clarify["kind"] == "each_cost"
    s.handle(answer)
    assert costs(s) == sorted(fairs)
    assert s.clarify is None


def test_the_answer_said_again_replaces_the_fairs():
    s = EstimateSession.start("我们今年参加了4场展会总共花了22万 展会补贴能补多少")
    s.handle(R62E023)
    s.handle(R62E023)
    assert costs(s) == TOLD


def test_a_full_answer_to_the_region_question_stands_for_the_costs_asked():
    s = EstimateSession.start("我们今年参加了4场展会总共花了22万 展会补贴能补多少")
    s.handle("3万 3万 7万 9万")
    assert s.clarify and s.clarify["kind"] == "region"
    s.handle("两场在国内（上海、深圳），每场3万；两场在国外（迪拜、法兰克福），一场7万一场9万")
    assert costs(s) == TOLD


def test_a_count_that_disagrees_is_asked_then_taken():
    s = EstimateSession.start("我们今年参加了4场展会总共花了22万 展会补贴能补多少")
    s.handle("国内两场（上海、深圳），每场3万；国外三场（迪拜、法兰克福、东京），分别7万、9万、4万，都是指定展会")
    assert "fairs" not in s.inputs
    assert "4场" in s.clarify["question"] and "5场" in s.clarify["question"]
    s.handle("对不起 是5场，总共26万")
    assert costs(s) == sorted(TOLD + [("overseas", Decimal("40000"))])


def test_a_total_the_fairs_do_not_add_up_to_is_named():
    s = EstimateSession.start("今年3场展会一共15万 能补多少")
    s.handle("北京4万，成都5万，新加坡7万")
    assert any("合计15万元" in n and "16万元" in n for n in s.notes)
