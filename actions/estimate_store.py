"""Loading and saving the estimate session: the one place that knows its slots.

`estimate_state` holds the session being collected (with the id of the message it has read,
"handled"); `estimate_inputs` holds the figures of the conversation's finished estimates.
"""

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.common import state_of
from bot.estimate.session import EstimateSession, from_json, to_json

STATE_SLOT = "estimate_state"
INPUTS_SLOT = "estimate_inputs"


def load_inputs(tracker: Tracker) -> dict:
    """The figures gathered over the whole conversation."""
    raw = tracker.get_slot(INPUTS_SLOT) or {}
    return {k: from_json(k, v) for k, v in raw.items()}


def has_running_estimate(tracker: Tracker) -> bool:
    """Whether the conversation has finished an estimate whose figures a message may amend or add to."""
    return bool(tracker.get_slot(INPUTS_SLOT))


def saved_inputs(inputs: dict) -> Dict[Text, Any]:
    """The event that keeps `inputs` as the conversation's running estimate."""
    return SlotSet(INPUTS_SLOT, to_json(inputs))


def session_from_state(state: Optional[dict]) -> EstimateSession:
    """The session of a slot state (the form's bookkeeping left out)."""
    return EstimateSession.load({k: v for k, v in (state or {}).items() if k != "handled"})


def pending_state(tracker: Tracker) -> Optional[dict]:
    """The raw state of the session being collected, or None."""
    return tracker.get_slot(STATE_SLOT)


def load_session(tracker: Tracker) -> EstimateSession:
    """The session being collected (an empty one when there is none)."""
    return session_from_state(pending_state(tracker))


def save_session(session: EstimateSession, tracker: Tracker) -> List[Dict[Text, Any]]:
    """The event that keeps `session` as the estimate being collected."""
    return [SlotSet(STATE_SLOT, state_of(session, tracker))]


def clear_session() -> List[Dict[Text, Any]]:
    """The event that ends the estimate being collected."""
    return [SlotSet(STATE_SLOT, None)]
