"""三（八）3 with the time in the park said as an ordinal year (bot/estimate/clauses/rent.py _ordinal_year): 「入驻…第5年」
「第四个年头」 is in the Nth year, N − 1 full years, read from the 4th year on (≥ 3 full years, the rule's 三年以上);
an earlier year is asked, and 「第4年起享受补贴」 (when the subsidy began) is no time in the park."""

from decimal import Decimal

import pytest

from bot.estimate.items import detect_items
from bot.estimate.understand import read
from bot.nlu.normalize import normalize

FIGURES = " 今年执行额2300万 办公面积800平米 年租金80万 "


def _fields(text):
    return read(text, items=detect_items(normalize(text))).fields


@pytest.mark.parametrize(
    "text, years",
    [
        ("入驻市级重点园区已经第5年" + FIGURES + "还没拿过租金补贴 能补多少", 4),
        ("今年是我们入驻市级重点园区的第四年" + FIGURES + "没拿过租金补贴 能补多少", 3),
        ("我们在市级重点园区是第5个年头了" + FIGURES + "没拿过租金补贴 能补多少", 4),
        ("进驻市级重点园区第六年" + FIGURES + "拿过2年租金补贴 能补多少", 5),
        ("入驻市级重点园区已经第五年了" + FIGURES + "没享受过租金补贴 能补多少", 4),
    ],
)
def test_the_nth_year_is_n_minus_one_full_years(text, years):
    assert _fields(text)["rent_years_in_park"] == Decimal(years)


@pytest.mark.parametrize(
    "text",
    [
        "入驻市级重点园区第3年" + FIGURES + "没拿过租金补贴 能补多少",
        "入驻市级重点园区后第4年开始享受租金补贴 已经拿了2年" + FIGURES + "能补多少",
        "入驻市级重点园区第4年起拿了补贴 拿了2年" + FIGURES + "能补多少",
    ],
)
def test_an_early_year_or_the_year_a_subsidy_began_is_not_read(text):
    assert "rent_years_in_park" not in _fields(text)


def test_years_said_as_a_duration_are_kept():
    text = "入驻市级重点园区5年 从入驻第4年起拿了租金补贴" + FIGURES + "能补多少"
    assert _fields(text)["rent_years_in_park"] == Decimal(5)
