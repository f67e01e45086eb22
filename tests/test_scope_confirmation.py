"""「就这两场」「只有展位费 没有别的」 after an estimate: a short acknowledgement with the running estimate, never
「没有理解」 and never a new estimate; without an estimate it is not taken as one. New wording, not the case files'."""

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import REPHRASE
from actions.estimate import ActionLooseAnswer
from actions.policy import ActionDefaultFallback
from knowledge import shapes

FAIRS = {"fairs": [{"region": "overseas", "cost_cny": "40000"}, {"region": "domestic", "cost_cny": "10000"}]}


def tracker(text, intent, slots):
    msg = {"text": text, "intent": {"name": intent, "confidence": 0.5}, "entities": [], "message_id": "m"}
    events = [{"event": "user", "text": text, "timestamp": 1}]
    return Tracker("scope", dict(slots), msg, events, False, None, {}, "action_listen")


async def replies(action, text, intent, slots) -> str:
    d = CollectingDispatcher()
    await action.run(d, tracker(text, intent, slots), {})
    return "\n".join(m.get("text") or "" for m in d.messages)


def test_confirmations_and_questions_told_apart():
    for text in ("就这两场", "就那一个境内的", "只有布展费 其他没有了", "就这些"):
        assert shapes.search("scope_confirmation", text), text
    for text in ("就这两场一共能补多少", "只有一场是境外的吗", "就两场 各3万", "还有一场境外的"):
        assert not shapes.search("scope_confirmation", text), text


async def test_after_an_estimate_the_running_estimate_is_given():
    """40,000 × 70% = 28,000 (< 5万) + 10,000 × 70% = 7,000 (< 2万) = 35,000."""
    for action, intent in ((ActionDefaultFallback(), "nlu_fallback"), (ActionLooseAnswer(), "inform")):
        text = await replies(action, "就这两场", intent, {"estimate_inputs": FAIRS})
        assert REPHRASE not in text
        assert "35,000.00元" in text, text


async def test_without_an_estimate_nothing_is_computed():
    text = await replies(ActionDefaultFallback(), "就这两场", "nlu_fallback", {})
    assert "测算" not in text and ".00元" not in text
