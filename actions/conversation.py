"""What the policy answers and the estimate flow share about a conversation: its facts, the policy
answer to the latest message, and the events that remember what an answer was about."""

from typing import Any, Dict, List, Text

from rasa_sdk.events import SlotSet

from actions.common import entities_of, user_text
from bot.answers import compose
from bot.understand import facts as fact_reader


def compose_reply(tracker, intent=None):
    """The policy answer to the latest message, with the conversation's topic and facts."""
    return compose(
        intent,
        user_text(tracker),
        entities_of(tracker),
        tracker.get_slot("topic_clause"),
        tracker.get_slot("topic_domain"),
        known_facts(tracker)[0],
    )


def known_facts(tracker) -> tuple:
    """(the conversation's facts with this message's, this message's facts alone).

    Read from the conversation's own messages (the last 40), later statements replacing
    earlier ones, so every action sees the same facts and a correction wins.
    """
    latest = user_text(tracker)
    history = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-41:]
    if history and history[-1] == latest:
        history = history[:-1]
    facts = {}
    for text in history[-40:]:
        facts.update(fact_reader.read_facts_cached(text))
    said = fact_reader.read_facts_cached(latest)
    facts.update(said)
    return facts, said


def earlier_facts(tracker) -> dict:
    """The facts stated before this message, in JSON form (for an estimate's session)."""
    history = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-41:-1]
    earlier = {}
    for text in history:
        earlier.update(fact_reader.read_facts_cached(text))
    return fact_reader.to_json(earlier)


def answer_events(answer) -> List[Dict[Text, Any]]:
    """Remember what the answer was about, for follow-ups."""
    events = []
    if answer.clause:
        events.append(SlotSet("topic_clause", answer.clause))
    if answer.domain:
        events.append(SlotSet("topic_domain", answer.domain))
    return events
