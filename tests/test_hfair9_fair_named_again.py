"""A fair named again by its cost (「其中8万那场」「7万的那场」) is no new fair, and 「另一个政策」「另外一个专项」 count no
fair: the fair claimed under another policy of the city leaves (第四条第（三）项), the others are counted in their
region, and no region is asked when one was said (「境外展」)."""

from decimal import Decimal

import pytest

from bot.estimate.fair_roles import counts_other_things, names_told_fair
from bot.estimate.session import EstimateSession
from bot.estimate.understand import figures
from bot.nlu.normalize import normalize


def costs(session):
    return [(f["region"], Decimal(str(f["cost_cny"]))) for f in session.inputs.get("fairs", [])]


@pytest.mark.parametrize(
    "text,kept,left",
    [
        (
            "今年去了三场商务部门指定的境外展，费用4万、9万、6万，其中9万那场已经用市里另一个政策拿过补贴了，能补多少",
            [("overseas", Decimal("40000")), ("overseas", Decimal("60000"))],
            "9万那场",
        ),
        (
            "指定的境内展去了两场，一场1.5万一场2.8万，2.8万的那场区里另外一个专项已经补过了，还能补多少",
            [("domestic", Decimal("15000"))],
            "2.8万的那场",
        ),
        (
            "境外展三场都在商务局名单里：5万、7万、6万，7万那一场之前已经用市里别的政策拿过补贴了，剩下的能补多少",
            [("overseas", Decimal("50000")), ("overseas", Decimal("60000"))],
            "7万那一场",
        ),
    ],
)
def test_the_fair_named_by_its_cost_leaves_and_no_region_is_asked(text, kept, left):
    s = EstimateSession.start(text)
    assert costs(s) == kept
    assert s.clarify is None
    note = next(n for n in s.notes if "不得重复申报" in n)
    assert left in note and "第四条第（三）项" in note


def test_the_note_quotes_the_fair_not_what_follows():
    s = EstimateSession.start(
        "境外展两场，费用6万、8万，其中8万那场已经按市里另一个政策拿过补贴了；另外今年新获得技术先进型服务企业资格，能拿多少"
    )
    note = next(n for n in s.notes if "不得重复申报" in n)
    assert "技术先进型" not in note
    assert s.inputs.get("tech_advanced_new") is True


@pytest.mark.parametrize("text", ["按市里另一个政策拿过", "用区里另外一个专项报过", "省里另一个文件里规定"])
def test_counts_of_policies_count_no_fairs(text):
    t = normalize(text)
    count = next(f for f in figures(t) if f.kind == "count")
    assert counts_other_things(t, count)


@pytest.mark.parametrize("text", ["另外去了一个展", "还有一场国内的", "一个行业协会办的交流会"])
def test_counts_of_fairs_stay(text):
    t = normalize(text)
    count = next(f for f in figures(t) if f.kind == "count")
    assert not counts_other_things(t, count)


def test_a_cost_not_told_before_is_a_new_fair():
    t = normalize("费用3万、5万，还有8万那场")
    f = [x for x in figures(t) if x.kind == "money"][-1]
    assert not names_told_fair(t, f, [Decimal("30000"), Decimal("50000")])
    assert names_told_fair(t, f, [Decimal("30000"), Decimal("80000")])
