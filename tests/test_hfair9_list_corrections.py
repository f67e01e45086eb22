"""Corrections inside one message of a list of fair or certificate costs (bot/understand/retractions.py): the new figure
takes the old one's place — after an aside that checks a document (「我刚看了报销单」「我查了合同」), in a list opened by
一场/另一场 (「一场3万一场8万……不对不对，第二场是6万」), after 哦不是, by the certificate named again (「CMMI3是17万」) —
and a figure said to be the wrong one (「之前说8万是说错了」) is no figure at all."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from bot.understand.retractions import without_retracted


def fairs(text):
    return [(f["region"], Decimal(str(f["cost_cny"]))) for f in EstimateSession.start(text).inputs.get("fairs", [])]


def certs(text):
    return [(c["name"], Decimal(str(c["cost_cny"]))) for c in EstimateSession.start(text).inputs["certifications"]]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "境外指定展会去了两场，一场4万一场9万……不对不对，第一场是5万，能补多少",
            [("overseas", Decimal("50000")), ("overseas", Decimal("90000"))],
        ),
        (
            "国内指定展会两场，一场2万，另一场3万，哦不是，第二场是2.5万，能补多少",
            [("domestic", Decimal("20000")), ("domestic", Decimal("25000"))],
        ),
        (
            "境外指定展三场，每场大约3000美元…不对，我核对了一下发票，每场是5000美元，汇率按7算，能补多少",
            [("overseas", Decimal("35000"))] * 3,
        ),
        (
            "去了4场商务局指定的境内展，每场1万左右，哦不对，我问了财务，每场是1.6万，能补多少",
            [("domestic", Decimal("16000"))] * 4,
        ),
    ],
)
def test_fair_costs_corrected_in_place(text, expected):
    assert fairs(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "ITSS维护费3万，PCMM认证费12万，哦不对，我查了合同，PCMM是14万，能补多少",
            [("ITSS", Decimal("30000")), ("PCMM", Decimal("140000"))],
        ),
        (
            "CMMI5认证费大概40万…不对，我翻了下合同，是45万，能补多少",
            [("CMMI5", Decimal("450000"))],
        ),
        (
            "今年新拿了ITSS和PCMM，认证费分别12万、18万，哦不是，第二个是16万，能补多少",
            [("ITSS", Decimal("120000")), ("PCMM", Decimal("160000"))],
        ),
    ],
)
def test_certificate_costs_corrected_in_place(text, expected):
    assert certs(text) == expected


@pytest.mark.parametrize(
    "text,gone",
    [
        ("境外两场，一场3万、一场6万（之前说8万是说错了）", "8万"),
        ("境内两场各2万，刚才说的3万是记错了", "3万"),
        ("PCMM认证费14万，前面写的12万那个是写错的", "12万"),
    ],
)
def test_a_figure_said_wrong_is_no_figure(text, gone):
    read = without_retracted(normalize(text))
    assert gone not in read


@pytest.mark.parametrize("text", ["一场2万，哦不是指定的那种", "这笔不是说错了吗"])
def test_words_that_correct_nothing_leave_the_text(text):
    t = normalize(text)
    assert without_retracted(t) == t


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "境外指定展两场，一场3万，一场8万，8万是写错了，应该是6万，能补多少",
            [("overseas", Decimal("30000")), ("overseas", Decimal("60000"))],
        ),
        (
            "国内指定展会两场，一场1.2万，一场2万，刚才说的2万是记错了，应该是1.8万，能补多少",
            [("domestic", Decimal("12000")), ("domestic", Decimal("18000"))],
        ),
    ],
)
def test_a_figure_said_wrong_gives_its_place_to_the_new_one(text, expected):
    assert fairs(text) == expected
