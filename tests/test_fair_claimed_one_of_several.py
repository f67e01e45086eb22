"""One fair of several said already subsidised under another policy (第四条第（三）项 不得重复申报): the fact is that
fair's alone. It is left out and named with the rule, the other fairs are computed; the message gets no verdict
不符合 on the whole, and the applicant is not said to claim twice. The fair is found by the cost told in its own
phrase, by its place or name told with its cost elsewhere in the message, or among fairs whose region or parts are
still asked (its question is then not asked). Wording of our own."""

import asyncio
from decimal import Decimal

import pytest

from actions.estimate import ActionEstimateStart
from bot.estimate import fair_elsewhere
from bot.estimate.session import EstimateSession
from bot.understand.facts import message_facts
from knowledge.other_policies import subject
from tests.test_actions import run, texts, tracker


def reply(text: str) -> str:
    d, _ = asyncio.run(run(ActionEstimateStart(), tracker(text, intent="estimate_award")))
    return texts(d)


CASES = [
    (  # the claim in the fair's own phrase, its cost a lump (「一共10万」) whose parts are otherwise asked
        "今年参加了两场境外展，都是商务部门指定的。一场在东京，展位费加特装一共7万；另一场在迪拜的总共12万，"
        "不过迪拜这场已经用市里另一个会展扶持政策拿过补贴了。这边能补多少",
        [("overseas", "70000")],
        "49,000.00元",
    ),
    (  # the claim in a phrase of its own, naming the fair by its place
        "境内指定展会三场，深圳3万、成都2万、杭州2.5万；杭州那场之前区里的专项资金已经补过了，展会补贴算下",
        [("domestic", "30000"), ("domestic", "20000")],
        "34,000.00元",
    ),
    (  # the claim before the cost
        "两个境外指定展，迪拜那个已经用别的政策补过了，花了10万；日本的6万。能补多少",
        [("overseas", "60000")],
        "42,000.00元",
    ),
    (  # the verb before the other policy, in a sentence of its own
        "我们今年参加了新加坡和东京两个指定展会，新加坡的花了7万，东京的花了5万。东京那个展已经享受过市里别的政策补贴了，还能拿多少",
        [("overseas", "70000")],
        "49,000.00元",
    ),
    (  # the place named with a policy word is no question about that place's policy
        "参加了两场商务局指定的展会，境外迪拜一场10万，国内上海一场3万，上海那场别的政策已经补过了，能补多少",
        [("overseas", "100000")],
        "50,000.00元",
    ),
]


@pytest.mark.parametrize("text,kept,amount", CASES)
def test_left_out_and_the_rest_computed(text, kept, amount):
    s = EstimateSession.start(text)
    assert [(r, Decimal(c)) for r, c in kept] == [(f["region"], Decimal(str(f["cost_cny"]))) for f in s.inputs["fairs"]]
    out = reply(text)
    assert amount in out
    assert "不得重复申报" in out and "不计入" in out
    assert "不符合第四条" not in out and "0元（按您说的情况" not in out


@pytest.mark.parametrize("text", [t for t, _, _ in CASES])
def test_no_fact_of_the_whole_message(text):
    """The claim is of one fair: no claimed_elsewhere fact of the applicant."""
    assert fair_elsewhere.partly(text)
    assert "claimed_elsewhere" not in message_facts(text)


def test_claimed_fair_whose_region_is_asked_is_not_asked_about():
    """「第二场CeBIT 8万（这场已在区里另一个专项报过了）」: the CeBIT fair leaves; only the other fair's region is asked."""
    s = EstimateSession.start(
        "都是商务局指定的：第一场广交会4万；第二场CeBIT 8万（这场已在区里另一个专项报过了）。展会这块能补多少"
    )
    assert s.clarify["data"]["entries"] == ["40000"]
    assert any("不得重复申报" in n for n in s.notes)


@pytest.mark.parametrize(
    "text",
    [
        "国内指定展会一场3万，这场已经用区里的会展政策拿过补贴了，还能补多少",
        "两场指定展，深圳3万、迪拜8万，这两场都已经用市里另一个会展政策拿过补贴了，还能补吗",
    ],
)
def test_every_fair_claimed_stays_a_fact(text):
    """Said of the only fair, or of every fair: the rule decides the whole item."""
    assert not fair_elsewhere.partly(text)


def test_place_policy_question_still_declined():
    assert subject("上海那边的展会补贴政策是多少") == "上海的相关政策"
    assert subject("参加了两场展会，上海那场别的政策已经补过了，迪拜的8万能补多少") is None


def test_body_of_the_city_that_paid_already():
    """「进博会这个区里已经给过补贴了」: a district body paid that fair; the others are computed."""
    text = "今年参加了三场商务部门指定的境内展会：软交会2.5万，数博会1.8万，还有一场进博会3万，进博会这个区里已经给过补贴了，还能补多少"
    s = EstimateSession.start(text)
    assert [Decimal("25000"), Decimal("18000")] == [Decimal(str(f["cost_cny"])) for f in s.inputs["fairs"]]


def test_one_of_several_not_told_apart_is_asked():
    """「其中一场…补过了」 of fairs of different costs: which one is not guessed; the cost of the one left to claim is asked,
    no amount is said yet, and no verdict 不符合 on the whole."""
    text = "两场境外指定展，一场6万一场10万，其中一场已经用市里别的政策补过了，还能补多少"
    s = EstimateSession.start(text)
    assert not s.inputs.get("fairs")
    assert "哪一场" in s.clarify["question"] and "不得重复申报" in s.clarify["question"]
    assert fair_elsewhere.partly(text)
    out = reply(text)
    assert "不符合第四条" not in out and "92,000" not in out


def test_one_of_several_of_one_cost_leaves():
    s = EstimateSession.start("三场境内指定展，每场都是3万，其中一场已经用区里的专项资金报过了，能补多少")
    assert [Decimal("30000")] * 2 == [Decimal(str(f["cost_cny"])) for f in s.inputs["fairs"]]
