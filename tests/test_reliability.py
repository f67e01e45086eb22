"""bot/reliability.py and bot/guard.py on Rasa's own classes (no trained model): a failing
custom action aborts the turn with ActionServerUnavailable (quickly), a working one does not;
the NLU runs off the event loop; the message checks."""

import asyncio
import threading
import time
from types import SimpleNamespace

import pytest

pytest.importorskip("rasa")

from aiohttp import web  # noqa: E402
from rasa.core.actions.action import RemoteAction  # noqa: E402
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage  # noqa: E402
from rasa.core.nlg import TemplatedNaturalLanguageGenerator  # noqa: E402
from rasa.core.policies.policy import PolicyPrediction  # noqa: E402
from rasa.core.processor import MessageProcessor  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402
from rasa.shared.core.events import ActionExecuted, SlotSet  # noqa: E402
from rasa.shared.core.trackers import DialogueStateTracker  # noqa: E402
from rasa.utils.endpoints import EndpointConfig  # noqa: E402

from bot import guard, reliability  # noqa: E402
from conftest import free_port  # noqa: E402

DOMAIN = Domain.from_dict(
    {"actions": ["action_answer"], "slots": {"topic": {"type": "any", "mappings": [{"type": "custom"}]}}}
)


def processor():
    proc = MessageProcessor.__new__(MessageProcessor)  # only what _run_action uses
    proc.domain = DOMAIN
    proc.http_interpreter = None
    return proc


async def run_answer(url):
    action = RemoteAction("action_answer", EndpointConfig(url=url))
    tracker = DialogueStateTracker.from_events("u1", [ActionExecuted("action_listen")], slots=DOMAIN.slots)
    await processor()._run_action(
        action,
        tracker,
        CollectingOutputChannel(),
        TemplatedNaturalLanguageGenerator({}),
        PolicyPrediction.for_action_name(DOMAIN, "action_answer"),
    )
    return tracker


async def test_action_server_down_aborts_the_turn_within_two_seconds():
    started = time.perf_counter()
    with pytest.raises(reliability.ActionServerUnavailable):
        await run_answer(f"http://127.0.0.1:{free_port()}/webhook")  # nobody listens
    assert time.perf_counter() - started < 2.0


async def test_action_server_error_aborts_the_turn():
    app = web.Application()
    app.router.add_post("/webhook", lambda request: web.Response(status=500, text="boom"))
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        with pytest.raises(reliability.ActionServerUnavailable):
            await run_answer(f"http://127.0.0.1:{port}/webhook")
    finally:
        await runner.cleanup()


async def test_a_hung_action_server_aborts_the_turn_after_action_timeout(monkeypatch):
    monkeypatch.setenv("ACTION_TIMEOUT", "0.5")

    async def hang(request):
        await asyncio.sleep(10)
        return web.json_response({})

    app = web.Application()
    app.router.add_post("/webhook", hang)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        started = time.perf_counter()
        with pytest.raises(reliability.ActionServerUnavailable):
            await run_answer(f"http://127.0.0.1:{port}/webhook")
        assert time.perf_counter() - started < 2.0
    finally:
        await runner.cleanup()


async def test_a_working_action_server_is_untouched():
    async def answer(request):
        return web.json_response(
            {"events": [{"event": "slot", "name": "topic", "value": "离岸"}], "responses": [{"text": "第三条"}]}
        )

    app = web.Application()
    app.router.add_post("/webhook", answer)
    runner = web.AppRunner(app)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        tracker = await run_answer(f"http://127.0.0.1:{port}/webhook")
    finally:
        await runner.cleanup()
    assert tracker.get_slot("topic") == "离岸"
    assert any(isinstance(e, SlotSet) for e in tracker.events)


async def test_the_nlu_runs_off_the_event_loop():
    """While one message is parsed (0.3 s of work here), the loop keeps serving others."""
    threads = []

    class Graph:
        def run(self, inputs, targets):
            threads.append(threading.current_thread())
            time.sleep(0.3)
            message = inputs["__message__"][0]
            return {
                "nlu": [
                    SimpleNamespace(
                        as_dict=lambda only_output_properties: {
                            "text": message.text,
                            "intent": {"name": "greet", "confidence": 1.0},
                            "entities": [],
                        }
                    )
                ]
            }

    proc = processor()
    proc.graph_runner = Graph()
    proc.model_metadata = SimpleNamespace(nlu_target="nlu")
    ticks = []

    async def ticker():
        for _ in range(20):
            ticks.append(time.perf_counter())
            await asyncio.sleep(0.01)

    tick = asyncio.ensure_future(ticker())
    parsed = await proc.parse_message(UserMessage("你好", sender_id="u1"))
    await tick
    assert parsed["text"] == "你好" and parsed["intent"]["name"] == "greet"
    assert threads and threads[0] is not threading.main_thread()
    assert max(b - a for a, b in zip(ticks, ticks[1:])) < 0.1  # the loop was never held 0.3 s


@pytest.mark.parametrize(
    "value, text, note",
    [
        ("  你好 ", "你好", None),
        ("你好\ud800", "你好", guard.UNREADABLE_NOTE),
        ("a\x00b", "ab", guard.UNREADABLE_NOTE),
        ("😀", "😀", None),
    ],
)
def test_check_message_accepts(value, text, note):
    assert guard.check_message(value) == (text, None, note)


@pytest.mark.parametrize("value", [None, 5, 1.5, True, [], {}, "", " ", "\ud800", "长" * 2001, "x" * 10**6])
def test_check_message_refuses_with_a_chinese_reason(value):
    text, reply, _ = guard.check_message(value)
    assert text is None and reply and any("\u4e00" <= c <= "\u9fff" for c in reply)


def test_a_turn_stopped_by_the_circuit_breaker_ends_listening():
    """Rasa counts the actions since the last action_listen: a turn the breaker stopped (ten fallbacks after a failed
    action) left none, and every later message tripped it at once and got no answer at all."""
    from rasa.shared.core.events import UserUttered

    events = [ActionExecuted("action_listen"), UserUttered("是的")] + [ActionExecuted("action_answer")] * 10
    tracker = DialogueStateTracker.from_events("u1", events, slots=DOMAIN.slots)
    assert reliability.ends_listening(tracker) is True
    assert tracker.latest_action_name == "action_listen"
    assert reliability.ends_listening(tracker) is False  # a turn that ended listening is left as it is
    tracker.update(UserUttered("去年在岸2300万"))
    proc = MessageProcessor.__new__(MessageProcessor)
    proc.max_number_of_predictions = 10
    assert not proc.is_action_limit_reached(tracker, True)  # the next message is answered
