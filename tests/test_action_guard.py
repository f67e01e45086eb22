"""An action whose code raises still answers: one apology in Chinese (queued for staff as not understood), no slot
events so the conversation keeps what it had, then listening (no fallbacks after it until the circuit breaker); an
unknown action name is still the executor's own error."""

import asyncio

import pytest
from rasa_sdk import Action
from rasa_sdk.executor import ActionExecutor, ActionNotFoundException

from bot import action_guard
from bot.console.queue import NOT_UNDERSTOOD
from bot.guard import FAILED_ACTION_TEXT


class _Raises(Action):
    def name(self):
        return "action_test_raises"

    async def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(text="半句话")
        raise IndexError("list index out of range")


class _Answers(Action):
    def name(self):
        return "action_test_answers"

    async def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(text="依据第三条第（二）项")
        return []


def _call(name):
    tracker = {"sender_id": "s1", "slots": {}, "latest_message": {"text": "你好", "intent": {}}, "events": []}
    return {"next_action": name, "sender_id": "s1", "tracker": tracker, "domain": {}}


@pytest.fixture
def executor():
    action_guard.install()
    ex = ActionExecutor()
    ex.register_action(_Raises())
    ex.register_action(_Answers())
    return ex


def test_a_raising_action_answers_the_apology_and_keeps_the_slots(executor):
    out = asyncio.run(executor.run(_call("action_test_raises")))
    assert out["events"] == [{"event": "followup", "name": "action_listen"}]  # the apology ends the turn
    assert [r["text"] for r in out["responses"]] == [FAILED_ACTION_TEXT]
    assert NOT_UNDERSTOOD in FAILED_ACTION_TEXT  # the console queues it for staff


def test_an_action_that_works_is_untouched(executor):
    out = asyncio.run(executor.run(_call("action_test_answers")))
    assert [r["text"] for r in out["responses"]] == ["依据第三条第（二）项"]


def test_an_unknown_action_is_still_the_executors_error(executor):
    with pytest.raises(ActionNotFoundException):
        asyncio.run(executor.run(_call("action_nobody_wrote")))


def test_installing_twice_wraps_once():
    action_guard.install()
    first = ActionExecutor.run
    action_guard.install()
    assert ActionExecutor.run is first
