"""Requests for details after a layered answer (「5」「第5个」「展开」「详细说说第五项」), answered before
any topic decision: the NLU labels such short messages inform, dont_know or nlu_fallback at random."""

from dataclasses import replace
from typing import Any, Dict, List, Optional, Text

from rasa_sdk.events import SlotSet

from actions.common import user_text
from bot.answers import layers


def say(dispatcher, answer) -> None:
    """Send an answer with its quick replies (rendered as numbered choices on WeChat)."""
    if answer.buttons:
        dispatcher.utter_message(text=answer.text, buttons=answer.buttons)
    else:
        dispatcher.utter_message(text=answer.text)


def offered_buttons(tracker) -> List[dict]:
    """The buttons the bot's last reply offered (what a number picks): the last of its messages that had any."""
    seen_user, offered = False, []
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "user":
            if seen_user:
                break
            seen_user = True
        elif kind == "bot" and seen_user and not offered:
            offered = list((event.get("data") or {}).get("buttons") or [])
    return offered


def details_first(dispatcher, tracker) -> Optional[List[Dict[Text, Any]]]:
    """The full clause the message asks for, or None when it asks for none (or a form is running)."""
    if (tracker.active_loop or {}).get("name"):
        return None
    code = layers.requested(user_text(tracker), tracker.get_slot("topic_clause"), offered_buttons(tracker))
    if code is None:
        return None
    answer = layers.detail(code)
    correction = layers.number_correction(user_text(tracker), code)
    if correction:  # 「第三条规定的项目申报资格」: the subject's article, its number corrected
        answer = replace(answer, text=correction + "\n" + answer.text)
    say(dispatcher, answer)
    return [SlotSet("topic_clause", answer.clause)] if answer.clause else []
