"""A statement with no question and no figure (「上面的数字都是准的，其他项目没有，企业资格条件都满足」) while an estimate's
question is open outside the form: the statement is answered, then the open question is asked again, so the estimate
goes on; a question asked instead is answered alone. The wordings are the team's own."""

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.policy import ActionAnswerPolicy
from tests.test_actions import slots_of, tracker

OPENING = "离岸执行额去年800万，今年1200万，汇率7.0，离岸奖励怎么算，能拿多少？"


def turn(text: str, intent: str, slots: dict) -> tuple:
    d = CollectingDispatcher()
    events = asyncio.run(ActionAnswerPolicy().run(d, tracker(text, intent, slots=slots), {}))
    return "\n".join(m.get("text") or "" for m in d.messages), {**slots, **slots_of(events)}


def opened() -> tuple:
    text, slots = turn(OPENING, "ask_subsidy", {})
    assert "美元还是人民币" in text  # the estimate's open question
    assert (slots.get("estimate_state") or {}).get("status") == "collecting"
    return text, slots


@pytest.mark.parametrize(
    "statement, intent",
    [
        ("上面给的数字都没问题，别的项目也没有，资格条件我们都符合。", "ask_eligibility"),
        ("我们是在郑州注册的独立法人，税也在郑州交，财务制度健全", "ask_eligibility"),
        ("数字都是准确的，企业申报资格都满足", "inform"),
    ],
)
def test_the_open_question_is_asked_again(statement, intent):
    _, slots = opened()
    text, _ = turn(statement, intent, slots)
    assert "回到刚才的测算" in text
    assert text.rstrip().endswith("是美元还是人民币（元）？")


def test_a_question_instead_is_answered_alone():
    _, slots = opened()
    text, _ = turn("分公司能不能申报？", "ask_eligibility", slots)
    assert "回到刚才的测算" not in text
