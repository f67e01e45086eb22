"""Exact, cheaper replacements for two hot spots of Rasa 3.6's dialogue handling (found with py-spy
under `make bench`; installed by `bot.rasa_speedups.install()`, the one install point, with the
same switch and version check):

7. Every action prediction makes the RulePolicy turn the whole conversation into states
   (`Domain.states_for_tracker_history`): it replays every event on a fresh tracker and takes the
   state before each action — twice right after a user message (once with its text, once with its
   intent) and again after each action of the turn, on the same tracker that has only grown. The
   replay of a tracker is kept (weakly, with the tracker) and goes on from where it stopped while
   the tracker's applied events still begin with the very events replayed so far; anything else
   (events reverted, another domain, rule-only turns left out) replays from the start as before.
   The states are handed out as fresh dictionaries each time (callers edit them in place).
8. Before running an action Rasa copies the tracker by replaying every event
   (`MessageProcessor._run_action`), so that the policy's events can be dropped if the action
   rejects. A remote action (the action server) with no policy events only reads the tracker:
   it gets the tracker itself, which the copy equals (every event replayed on the same slots,
   same sender id; a tracker without one keeps the copy). Every other action (forms, Rasa's
   own) still gets a copy.
"""

import weakref
from typing import Any, Dict, List, Optional, Tuple


def _fresh(state: Dict[str, Any]) -> Dict[str, Any]:
    """A state with its own sub-state dictionaries (their values are strings and tuples)."""
    return {kind: dict(sub) if isinstance(sub, dict) else sub for kind, sub in state.items()}


class _Replay:
    """A tracker's applied events replayed so far on a fresh tracker, with the state before each
    action, as `Domain.states_for_tracker_history` takes them."""

    def __init__(self, domain, tracker, omit_unset_slots: bool) -> None:
        self.domain = domain
        self.omit_unset_slots = omit_unset_slots
        self.replayed = tracker.init_copy()
        self.events: List[Any] = []
        self.states: List[Dict[str, Any]] = []

    def continues(self, domain, omit_unset_slots: bool, events: List[Any]) -> bool:
        done = self.events
        if domain is not self.domain or omit_unset_slots != self.omit_unset_slots or len(events) < len(done):
            return False
        return all(a is b for a, b in zip(done, events))

    def state(self) -> Dict[str, Any]:
        domain = self.domain
        return domain._clean_state(domain.get_active_state(self.replayed, omit_unset_slots=self.omit_unset_slots))

    def extend(self, events: List[Any]) -> List[Dict[str, Any]]:
        from rasa.shared.core.events import ActionExecuted

        for event in events[len(self.events) :]:
            if isinstance(event, ActionExecuted):
                self.states.append(_fresh(self.state()))
            self.replayed.update(event)
            self.events.append(event)
        return [_fresh(s) for s in self.states] + [_fresh(self.state())]


def install_incremental_states() -> None:
    from rasa.shared.core.domain import Domain

    if getattr(Domain, "_incremental_states", False):
        return
    original = Domain.states_for_tracker_history
    # id(tracker) → (weak reference to it, its replay); the entry goes when the tracker does
    # (trackers compare by their events, so they cannot be keys themselves)
    replays: Dict[int, Tuple[Any, _Replay]] = {}

    def forget(key: int, ref) -> None:
        entry = replays.get(key)
        if entry is not None and entry[0] is ref:
            del replays[key]

    def states_for_tracker_history(
        self,
        tracker,
        omit_unset_slots: bool = False,
        ignore_rule_only_turns: bool = False,
        rule_only_data: Optional[Dict[str, Any]] = None,
    ):
        if ignore_rule_only_turns:
            return original(self, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
        events = tracker.applied_events()
        key = id(tracker)
        entry = replays.get(key)
        replay = entry[1] if entry is not None and entry[0]() is tracker else None
        if replay is None or not replay.continues(self, omit_unset_slots, events):
            try:
                ref = weakref.ref(tracker, lambda r, k=key: forget(k, r))
            except TypeError:  # not weakly referable: Rasa's own way
                return original(self, tracker, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
            replay = _Replay(self, tracker, omit_unset_slots)
            replays[key] = (ref, replay)
        return replay.extend(events)

    Domain._rasa_states_for_tracker_history = original
    Domain.states_for_tracker_history = states_for_tracker_history
    Domain._incremental_states = True
    Domain._state_replays = replays


def install_remote_actions_read_the_tracker() -> None:
    from rasa.core import processor as rasa_processor
    from rasa.core.actions import action as rasa_action
    from rasa.core.processor import MessageProcessor
    from rasa.shared.core.events import ActionExecutionRejected, UserUttered
    from rasa.shared.core.constants import ACTION_LISTEN_NAME
    from rasa.shared.constants import UTTER_PREFIX

    if getattr(MessageProcessor, "_remote_actions_uncopied", False):
        return
    original = MessageProcessor._run_action

    async def _run_action(self, action, tracker, output_channel, nlg, prediction):
        """MessageProcessor._run_action of Rasa 3.6.21; only the copy is left out for a remote
        action without policy events."""
        # (a copy of a tracker without a sender id would carry Rasa's default one)
        if prediction.events or type(action) is not rasa_action.RemoteAction or not tracker.sender_id:
            return await original(self, action, tracker, output_channel, nlg, prediction)
        try:
            events = await action.run(output_channel, nlg, tracker, self.domain)
        except rasa_action.ActionExecutionRejection:
            events = [ActionExecutionRejected(action.name(), prediction.policy_name, prediction.max_confidence)]
            tracker.update(events[0])
            return self.should_predict_another_action(action.name())
        except Exception:
            rasa_processor.logger.exception(
                f"Encountered an exception while running action '{action.name()}'."
                "Bot will continue, but the actions events are lost. "
                "Please check the logs of your action server for "
                "more information."
            )
            events = []

        self._log_action_on_tracker(tracker, action, events, prediction)
        if any(isinstance(e, UserUttered) for e in events):
            tracker = await self.run_action_extract_slots(output_channel, tracker)
        if action.name() != ACTION_LISTEN_NAME and not action.name().startswith(UTTER_PREFIX):
            self._log_slots(tracker)
        await self.execute_side_effects(events, tracker, output_channel)
        return self.should_predict_another_action(action.name())

    MessageProcessor._rasa_run_action_copying = original
    MessageProcessor._run_action = _run_action
    MessageProcessor._remote_actions_uncopied = True
