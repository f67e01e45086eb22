"""bot/rasa_speedups_dialogue.py: the RulePolicy's states of a growing conversation, and a remote
action run on the tracker itself, give exactly what Rasa's own code gives (kept beside them as
`Domain._rasa_states_for_tracker_history` and `MessageProcessor._rasa_run_action_copying`)."""

import asyncio
import random
from pathlib import Path

import pytest

pytest.importorskip("rasa")

from rasa.core.actions.action import ActionExecutionRejection, RemoteAction  # noqa: E402
from rasa.core.channels.channel import CollectingOutputChannel  # noqa: E402
from rasa.core.policies.policy import PolicyPrediction  # noqa: E402
from rasa.core.processor import MessageProcessor  # noqa: E402
from rasa.shared.core import events as ev  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity  # noqa: E402

from bot import rasa_speedups  # noqa: E402

rasa_speedups.install(honour_switch=False)  # installed here whatever RASA_SPEEDUPS says: compared both ways

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = Domain.load(str(ROOT / "domain.yml"))


def random_event(rng: random.Random) -> ev.Event:
    """One event of any kind the dialogue meets, reverts and restarts included."""
    slots = [s.name for s in DOMAIN.slots]
    loops = list(DOMAIN.form_names) + [None]
    r = rng.random()
    if r < 0.25:
        return ev.ActionExecuted(rng.choice(["action_listen", "action_policy_answer", "estimate_form"]))
    if r < 0.45:
        entities = [{"entity": "money", "value": "1"}] if rng.random() < 0.3 else []
        return ev.UserUttered("你好", {"name": rng.choice(DOMAIN.intents), "confidence": 1.0}, entities)
    if r < 0.65:
        return ev.SlotSet(rng.choice(slots), rng.choice([None, "x", 1.0, True, [1]]))
    if r < 0.72:
        return ev.ActiveLoop(rng.choice(loops))
    if r < 0.76:
        return ev.LoopInterrupted(rng.random() < 0.5)
    if r < 0.80:
        return ev.UserUtteranceReverted()
    if r < 0.83:
        return ev.ActionReverted()
    if r < 0.85:
        return ev.Restarted()
    if r < 0.88:
        return ev.FollowupAction("action_listen")
    return ev.BotUttered("好的")


@pytest.mark.parametrize("seed", range(40))
def test_states_of_a_growing_conversation_equal_rasas(seed):
    """After every event, the states equal a full replay's, whether the last call was made on the
    same tracker (continued), with the other slot setting (replayed afresh), or not at all."""
    rng = random.Random(seed)
    tracker = DialogueStateTracker("s", DOMAIN.slots)
    for _ in range(rng.randint(1, 60)):
        tracker.update(random_event(rng), DOMAIN)
        for omit in [False] * rng.randint(0, 2) + [rng.random() < 0.2]:
            ours = DOMAIN.states_for_tracker_history(tracker, omit_unset_slots=omit)
            assert ours == DOMAIN._rasa_states_for_tracker_history(tracker, omit_unset_slots=omit)
            for state in ours:  # callers edit the states they get: that must not reach the next call
                for sub_state in state.values():
                    sub_state.clear()


def test_a_conversation_that_loses_events_is_replayed_afresh():
    """Events reverted (the applied events no longer begin with those replayed) or a different
    tracker with the same events: the states are still Rasa's."""
    user = ev.UserUttered("你好", {"name": "greet", "confidence": 1.0})
    tracker = DialogueStateTracker.from_events(
        "s", [ev.ActionExecuted("action_listen"), user, ev.ActionExecuted("action_policy_answer")], DOMAIN.slots
    )
    first = DOMAIN.states_for_tracker_history(tracker)
    tracker.update(ev.UserUtteranceReverted())
    assert DOMAIN.states_for_tracker_history(tracker) == DOMAIN._rasa_states_for_tracker_history(tracker)
    assert DOMAIN.states_for_tracker_history(tracker) != first
    twin = tracker.copy()
    assert DOMAIN.states_for_tracker_history(twin) == DOMAIN._rasa_states_for_tracker_history(tracker)


def test_rule_only_turns_keep_rasas_own_path():
    tracker = DialogueStateTracker.from_events("s", [ev.ActionExecuted("action_listen")], DOMAIN.slots)
    before = len(Domain._state_replays)
    DOMAIN.states_for_tracker_history(tracker, ignore_rule_only_turns=True, rule_only_data={})
    assert len(Domain._state_replays) == before


def test_replays_go_with_their_trackers():
    import gc

    before = len(Domain._state_replays)
    tracker = DialogueStateTracker.from_events("s", [ev.ActionExecuted("action_listen")], DOMAIN.slots)
    DOMAIN.states_for_tracker_history(tracker)
    assert len(Domain._state_replays) == before + 1
    del tracker
    gc.collect()
    assert len(Domain._state_replays) == before


# --- 8. remote actions read the tracker itself --------------------------------------------------


def processor() -> MessageProcessor:
    proc = MessageProcessor.__new__(MessageProcessor)
    proc.domain = DOMAIN
    return proc


def conversation() -> DialogueStateTracker:
    return DialogueStateTracker.from_events(
        "s",
        [
            ev.ActionExecuted("action_session_start"),
            ev.SessionStarted(),
            ev.ActionExecuted("action_listen"),
            ev.UserUttered("离岸奖励怎么算？", {"name": "ask_offshore", "confidence": 0.9}),
        ],
        DOMAIN.slots,
    )


def without_times(tracker: DialogueStateTracker) -> dict:
    state = tracker.current_state(EventVerbosity.ALL)
    for event in state["events"]:
        event.pop("timestamp", None)
    state.pop("latest_event_time", None)
    return state


def run_both(monkeypatch, answer, prediction_events=()):
    """(what the action saw, the tracker after) for our _run_action and Rasa's, with the action
    server's answer given by `answer` (events, or an exception)."""
    results = []
    for run in (MessageProcessor._run_action, MessageProcessor._rasa_run_action_copying):
        seen = []

        async def remote_run(self, output_channel, nlg, tracker, domain):
            seen.append(without_times(tracker))
            if isinstance(answer, Exception):
                raise answer
            return [e for e in answer]

        monkeypatch.setattr(RemoteAction, "run", remote_run)
        tracker = conversation()
        action = RemoteAction("action_policy_answer", None)
        prediction = PolicyPrediction([], "RulePolicy", events=list(prediction_events))
        again = asyncio.run(run(processor(), action, tracker, CollectingOutputChannel(), None, prediction))
        results.append((seen, without_times(tracker), again))
    return results


@pytest.mark.parametrize(
    "answer",
    [
        [ev.SlotSet("topic_clause", "3.2"), ev.BotUttered("依据第三条……")],
        [],
        ActionExecutionRejection("action_policy_answer"),
        RuntimeError("the action server failed"),
    ],
)
def test_remote_action_result_equals_rasas(monkeypatch, answer):
    ours, theirs = run_both(monkeypatch, answer)
    assert ours == theirs


def test_policy_events_still_go_to_a_copy(monkeypatch):
    ours, theirs = run_both(monkeypatch, [ev.BotUttered("好的")], [ev.LoopInterrupted(True)])
    assert ours == theirs


def test_the_action_gets_the_tracker_itself_only_without_policy_events(monkeypatch):
    got = []

    async def remote_run(self, output_channel, nlg, tracker, domain):
        got.append(tracker)
        return []

    monkeypatch.setattr(RemoteAction, "run", remote_run)
    for events, sender, same in (([], "s", True), ([ev.LoopInterrupted(True)], "s", False), ([], "", False)):
        tracker = conversation()
        tracker.sender_id = sender
        prediction = PolicyPrediction([], "RulePolicy", events=events)
        asyncio.run(
            MessageProcessor._run_action(
                processor(), RemoteAction("a", None), tracker, CollectingOutputChannel(), None, prediction
            )
        )
        assert (got[-1] is tracker) is same
