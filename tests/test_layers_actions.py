"""Requests for details through the actions (hand-built trackers, no server): whatever the NLU calls
「5」「展开」「详细说说第五项」, the action the rules pick answers with the full clause."""

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.details import offered_buttons
from actions.estimate import ActionLooseAnswer
from actions.policy import ActionAnswerPolicy, ActionDefaultFallback, ActionOutOfScope
from bot.answers import layers
from knowledge import query

OVERVIEW = layers.overview()


def after_overview(text, intent, slots=None, buttons=None):
    """A tracker whose last bot message was the overview (with its buttons) and whose latest message is `text`."""
    events = [
        {"event": "user", "text": "有哪些奖励和补贴", "timestamp": 1},
        {"event": "bot", "text": OVERVIEW.text, "data": {"buttons": OVERVIEW.buttons if buttons is None else buttons}},
        {"event": "user", "text": text, "timestamp": 2},
    ]
    msg = {"text": text, "intent": {"name": intent, "confidence": 0.6}, "entities": [], "message_id": f"m-{text}"}
    return Tracker(
        "u-layers", dict({"topic_clause": "3"}, **(slots or {})), msg, events, False, None, {}, "action_listen"
    )


async def run(action, t):
    d = CollectingDispatcher()
    events = await action.run(d, t, {})
    return d, events


def slots(events) -> dict:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def topic(events):
    return slots(events).get("topic_clause")


class TestOfferedButtons:
    def test_the_last_replys_buttons(self):
        """The buttons of the bot's message before the latest user message."""
        assert OVERVIEW.buttons == offered_buttons(after_overview("5", "inform"))

    def test_none_when_the_last_reply_had_none(self):
        """An older reply's buttons are not offered any more."""
        t = after_overview("5", "inform")
        t.events.insert(2, {"event": "user", "text": "谢谢", "timestamp": 1.5})
        t.events.insert(3, {"event": "bot", "text": "不客气", "data": {}})
        assert [] == offered_buttons(t)


class TestDetailsFirst:
    @pytest.mark.parametrize(
        "action, text, intent, code",
        [
            (ActionLooseAnswer(), "5", "inform", "3.5"),
            (ActionLooseAnswer(), "第5个", "inform", "3.5"),
            (ActionLooseAnswer(), "详细说说第五项", "dont_know", "3.5"),
            (ActionDefaultFallback(), "展开", "nlu_fallback", "3"),
            (ActionAnswerPolicy(), "第三条第（七）项第2点具体是什么", "ask_subsidy", "3.7.2"),
            (ActionOutOfScope(), "7", "out_of_scope", "3.7"),
            (ActionAnswerPolicy(), "详细说说第四条", "ask_general_rules", "4"),
        ],
    )
    async def test_request_brings_the_clause_in_full(self, action, text, intent, code):
        """The full clause (or every point of it), its topic remembered for 「展开」 and numbers."""
        d, events = await run(action, after_overview(text, intent))
        assert layers.detail(code).text == d.messages[0]["text"]
        assert code == topic(events)
        if isinstance(action, ActionLooseAnswer):
            assert slots(events)["estimate_pending"] is False  # the rules expect it

    async def test_a_number_picks_from_the_last_reply_only(self):
        """With nothing offered, 「5」 is no request for details (the estimate reads it as before)."""
        d, _ = await run(ActionLooseAnswer(), after_overview("5", "inform", buttons=[]))
        assert all(m.get("text") != layers.detail("3.5").text for m in d.messages)

    async def test_not_while_an_estimate_is_collecting(self):
        """An estimate waiting for a figure reads 「5」 as that figure."""
        state = {"status": "collecting", "items": ["3.5"], "inputs": {}}
        d, _ = await run(ActionLooseAnswer(), after_overview("5", "inform", {"estimate_state": state}))
        assert all(m.get("text") != layers.detail("3.5").text for m in d.messages)


class TestWalk:
    """From the overview every clause and sub-item of 第三条 and 第四条 is at most two requests away."""

    async def test_every_clause_within_two_turns(self):
        reached = {}
        for n, first in enumerate(OVERVIEW.buttons, 1):
            d, events = await run(ActionLooseAnswer(), after_overview(str(n), "inform"))
            reply = d.messages[0]
            reached[topic(events)] = reply["text"]
            for k, second in enumerate(reply.get("buttons") or [], 1):
                t = after_overview(str(k), "inform", {"topic_clause": topic(events)}, buttons=reply["buttons"])
                d2, events2 = await run(ActionLooseAnswer(), t)
                reached[topic(events2)] = d2.messages[0]["text"]
        leaves = [c["code"] for c in query.clauses() if c["code"][0] in "34" and not c["children"]]
        for code in leaves:
            c = query.clause(code)
            assert code in reached, code
            for part in [c["text"]] + (c["conditions"] or []) + (c["eligible_costs"] or []) + (c["exclusions"] or []):
                assert part in reached[code], (code, part)
