"""What the policy answers and the estimate flow share about a conversation: its facts, the policy
answer to the latest message, and the events that remember what an answer was about."""

from typing import Any, Dict, List, Text

from rasa_sdk.events import SlotSet

from actions.common import entities_of, user_text
from bot.answers import compose
from bot.understand import bare_answers
from bot.understand import facts as fact_reader
from knowledge import shapes


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


def told_of_itself(text: str) -> dict:
    """The facts an earlier message told of the applicant: 「个体户能不能申报这个政策」 asked in passing,
    with no 我/我们, asks about others; it does not make the applicant an individual for the turns after."""
    facts = fact_reader.message_facts(text)
    if facts.get("entity_type") == "other" and not shapes.search("self_reference", text or ""):
        facts = {k: v for k, v in facts.items() if k != "entity_type"}
    return facts


def known_facts(tracker) -> tuple:
    """(the conversation's facts with this message's, this message's facts alone).

    Read from the conversation's own messages (the last 40), later statements replacing
    earlier ones, so every action sees the same facts and a correction wins.
    """
    latest = user_text(tracker)
    history = user_turns(tracker)[-41:]
    if history and history[-1][0] == latest:
        history = history[:-1]
    facts = stated_facts(history[-40:])
    said = fact_reader.message_facts(latest)
    # 「不是新认定的」 right after 三（四） was talked about: said of the 技术先进型 status
    said.update(bare_answers.clause_facts_in_topic(latest, tracker.get_slot("topic_clause"), said))
    facts.update(said)
    return facts, said


def user_turns(tracker) -> list:
    """The user's messages, each with the clause talked about when it was said (the topic_clause slot then)."""
    topic, out = None, []
    for e in tracker.events:
        if e.get("event") == "slot" and e.get("name") == "topic_clause":
            topic = e.get("value")
        elif e.get("event") == "user":
            out.append((e.get("text") or "", topic))
    return out


def english_facts(text: str, said: dict) -> dict:
    """The facts an English or pinyin message states through synonyms.yml's glossary that its own words did not
    (bot.understand.facts.glossary_facts)."""
    return fact_reader.glossary_facts(text, said)


def stated_facts(history) -> dict:
    """The facts earlier messages stated, later replacing earlier, except that a yes/no question asked without
    我/我们 (「自己找的行业展算不算」 after 「参加了3场指定的展会」) supposes a case: it adds what was not known,
    it never replaces what the user stated of itself."""
    from bot.answers.qualify import is_shape

    facts = {}
    for said in history:
        text, topic = said if isinstance(said, tuple) else (said, None)
        told = told_of_itself(text)
        told.update(bare_answers.clause_facts_in_topic(text, topic, told))
        if is_shape("qualify", text or "") and not shapes.search("self_reference", text or ""):
            told = {k: v for k, v in told.items() if k not in facts}
        facts.update(told)
    return facts


def earlier_facts(tracker) -> dict:
    """The facts stated before this message, in JSON form (for an estimate's session)."""
    return fact_reader.to_json(stated_facts(user_turns(tracker)[-41:-1]))


def answer_events(answer) -> List[Dict[Text, Any]]:
    """Remember what the answer was about, for follow-ups."""
    events = []
    if answer.clause:
        events.append(SlotSet("topic_clause", answer.clause))
    if answer.domain:
        events.append(SlotSet("topic_domain", answer.domain))
    return events
