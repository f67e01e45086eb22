"""A fair's whole cost said with its parts inside (「9万那场…其中2万是机票酒店，7万是展位费和特装费」「8万（含机票住宿
2万）」「新加坡那场9万里2万是机票酒店」): the parts are never added nor other fairs, the base is the total less the parts
三（五） does not pay, read in the opening message, a cost answer and the answer placing fairs 境内/境外."""

from decimal import Decimal

import pytest

from bot.estimate import region_answers
from bot.estimate.understand import read


def _fairs(said, pending=None):
    return [(f["region"], f["cost_cny"]) for f in read(said, pending).fields.get("fairs", [])]


@pytest.mark.parametrize(
    "said, fairs",
    [
        (
            "参加了一场迪拜的指定展会，一共花了10万，其中差旅3万，展位费和特装7万，能补多少",
            [("overseas", Decimal("70000"))],
        ),
        ("去Tokyo参展一场，总费用8万（含机票酒店2万），补贴多少", [("overseas", Decimal("60000"))]),
        ("去新加坡参展一场，花了8万，里面有2万是差旅", [("overseas", Decimal("60000"))]),
        (
            "境外展会一场 一共8万 包括机票2万，境内展会一场展位费1.5万",
            [("overseas", Decimal("60000")), ("domestic", Decimal("15000"))],
        ),
        (
            "参加了两场展会，4万那场在北京（境内），全是展位费；9万那场在新加坡（境外），其中2万是机票酒店，7万是展位费和特装费",
            [("domestic", Decimal("40000")), ("overseas", Decimal("70000"))],
        ),
        (
            "两场指定展会：5万那场是在深圳办的，12万那场在迪拜，里面有机票酒店4万",
            [("domestic", Decimal("50000")), ("overseas", Decimal("80000"))],
        ),
    ],
)
def test_opening_message_reads_the_eligible_part(said, fairs):
    assert fairs == _fairs(said)


@pytest.mark.parametrize(
    "said, fairs",
    [
        (
            "北京那场4万全是展位费；新加坡那场9万里2万是机票酒店、7万是展位费和特装费",
            [("domestic", Decimal("40000")), ("overseas", Decimal("70000"))],
        ),
        (
            "境内那场3万都是展位费，境外那场8万，包括机票酒店2.5万",
            [("domestic", Decimal("30000")), ("overseas", Decimal("55000"))],
        ),
    ],
)
def test_cost_answer_reads_the_eligible_part(said, fairs):
    assert fairs == _fairs(said, "fairs")


@pytest.mark.parametrize(
    "answer, entries, costs",
    [
        (
            "4万那场在北京（境内），全是展位费；9万那场在新加坡（境外），其中2万是机票酒店，7万是展位费和特装费",
            ["40000", "90000"],
            [("domestic", Decimal("40000")), ("overseas", Decimal("70000"))],
        ),
        (
            "6万的在上海，全是展位费；10万的在东京，里面机票住宿4万，剩下是展位和布展",
            ["60000", "100000"],
            [("domestic", Decimal("60000")), ("overseas", Decimal("60000"))],
        ),
        ("12万那个在迪拜 含差旅3.5万", ["120000"], [("overseas", Decimal("85000"))]),
    ],
)
def test_region_answer_reads_the_eligible_part(answer, entries, costs):
    fairs, notes = region_answers.placed(answer, [Decimal(v) for v in entries])
    assert costs == [(f["region"], f["cost_cny"]) for f in fairs]
    assert any("不计入补贴基数" in n for n in notes)


def test_the_note_names_the_part_left_out_once():
    notes = read("去新加坡参展一场，一共8万，其中机票酒店2万，展位费6万").notes
    said = [n for n in notes if "机票酒店" in n]
    assert 1 == len(said) and "8万元 − 2万元 = 6万元" in said[0]


def test_parts_bigger_than_the_total_are_not_inside_it():
    assert [("overseas", Decimal("60000"))] != _fairs("去新加坡参展一场，一共8万，其中机票酒店9万")
