"""Costs of fairs, certificates and training told for two calendar years in one message: the year asked (or, with
none asked, the latest told) is estimated, the other years' costs are left out and named — never added to this year's
caps and counts (bot/estimate/other_year_costs.py); business amounts of last year stay the increment's base."""

from decimal import Decimal

import pytest

from bot.estimate import other_year_costs
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize


def note_of(session):
    return next(n for n in session.notes if "不计入" in n and "的费用" in n)


@pytest.mark.parametrize(
    "text,kept,left,claimed",
    [
        (
            "大前年新拿了PCMM，认证费18万，那年已经申请过补贴了。今年PCMM维护花了5万，今年还新拿了CMMI3花了25万，今年能补多少",
            [("PCMM", Decimal("50000")), ("CMMI3", Decimal("250000"))],
            "18万",
            True,
        ),
        (
            "去年新拿了ITSS三级，认证费12万，已经补过了；今年新做了PCMM认证花了10万，能补多少",
            [("PCMM", Decimal("100000"))],
            "12万",
            True,
        ),
        (
            "CMMI3是前年拿的，今年交维护费6万，去年新拿了ITSS认证费10万，今年能补多少",
            [("CMMI3", Decimal("60000"))],
            "10万",
            False,
        ),
    ],
)
def test_certificates_of_another_year_left_out(text, kept, left, claimed):
    s = EstimateSession.start(text)
    assert [(c["name"], Decimal(str(c["cost_cny"]))) for c in s.inputs["certifications"]] == kept
    note = note_of(s)
    assert left in note and "今年" in note
    assert ("已经申请过补贴" in note) is claimed


@pytest.mark.parametrize(
    "text,kept,left",
    [
        (
            "去年去了2场指定的境外展，每场5万；今年去了3场，每场4万，能补多少",
            [("overseas", Decimal("40000"))] * 3,
            "5万",
        ),
        (
            "2023年参加了深圳一场指定展会花了3万，2024年参加了北京两场指定展会，各2.5万，2024年能补多少",
            [("domestic", Decimal("25000"))] * 2,
            "3万",
        ),
    ],
)
def test_fairs_of_another_year_left_out(text, kept, left):
    s = EstimateSession.start(text)
    assert [(f["region"], Decimal(str(f["cost_cny"]))) for f in s.inputs["fairs"]] == kept
    assert left in note_of(s)


def test_training_of_another_year_left_out():
    s = EstimateSession.start(
        "去年培训了2个本科项目经理每人3万，今年又培训了4个本科项目经理每人5万，都是涉外业务培训，今年能补多少"
    )
    assert [Decimal(str(p["cost_cny"])) for p in s.inputs["senior_training"]] == [Decimal("50000")] * 4
    assert "3万" in note_of(s)


@pytest.mark.parametrize(
    "text",
    [
        "我们去年在岸2000万，今年在岸2600万，今年还参加了一场指定的境外展8万，能拿多少",  # last year's is business
        "今年新拿了CMMI5认证费50万；ITSS二级是前年拿的今年交了维护费8万，能补多少",  # every cost is this year's
        "2022年去了4场国外展每场9万，2023年去了7场每场6万，这两年分别能补多少",  # each year asked
    ],
)
def test_messages_left_as_they_are(text):
    t = normalize(text)
    assert other_year_costs.scoped(t) == (t, [])


def test_last_years_business_amount_still_read():
    s = EstimateSession.start(
        "去年在岸2000万，今年在岸2600万，去年还去了一场指定境外展6万，今年去了一场指定境外展8万，能拿多少"
    )
    assert s.inputs["previous_onshore_cny"] == Decimal("20000000")
    assert [Decimal(str(f["cost_cny"])) for f in s.inputs["fairs"]] == [Decimal("80000")]
