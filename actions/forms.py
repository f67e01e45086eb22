"""The loop both guided forms share: read one answer into a plain-Python session, answer a
question asked in the middle, and tell the Rasa form whether to ask again or stop."""

import re
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Action
from rasa_sdk.events import SlotSet

from actions.common import QUESTION_INTENTS, entities_of, intent_of, message_id, state_of, user_text
from actions.conversation import answer_events
from bot.answers import compose
from bot.answers.general import human_contact
from bot.answers.unrelated_asides import decline, unrelated

SMALLTALK = {
    "greet": "您好！",
    "thank": "不客气！",
    "bot_identity": "我是郑州市服务外包政策助手。",
    "bot_capabilities": "我可以解答政策问题、测算奖励、做申报预审。",
    "out_of_scope": "抱歉，这个问题超出了我的范围，我只能解答郑州市服务外包政策的问题。",
    "goodbye": "好的。",
    "estimate_total": "先把这一项做完，再给您汇总。",
}


def figures_beside_declined(text: str):
    """(the decline, the rest of the message) when a request not served stands in a point of its own beside
    figures the form reads (「…展位费4万 另外你们商务局电话多少」); else None (a request beside a question is
    answered with that question)."""
    from bot.answers.general import not_served_aside
    from bot.answers.unrelated_asides import unrelated_aside
    from bot.nlu.normalize import understand

    found = not_served_aside(understand(text))
    if found is None or not re.search(r"\d", found[1]):
        return unrelated_aside(text)  # 「…每平米每月48元。另外你知道郑州这周限行尾号是多少吗？」
    return found[0].text.split("我能做的是")[0].rstrip(), found[1]


def answer_side_question(dispatcher, tracker, question: str, session=None) -> None:
    """The question asked beside an answer to a form's question (「6.9 对了顺便问下 分支机构能报吗」): answered about the
    item being estimated when it names no other (「机票酒店能算进去吗」 beside fairs), then the form goes on; an
    unrelated one is declined (never the overview of the clauses)."""
    if not question:
        return
    if unrelated(question):
        dispatcher.utter_message(text=decline())
        return
    items = getattr(session, "items", None) or []
    topic = items[0].rstrip("ab") if items else tracker.get_slot("topic_clause")
    answer = compose("ask_subsidy", question, [], topic, tracker.get_slot("topic_domain"))
    if answer.text:  # the estimate is already under way: no invitation to give figures
        said = answer.text.replace("告诉我具体数字，我可以帮您测算。", "").strip()
        dispatcher.utter_message(text="先回答您的问题：" + said)


class SessionFormValidation(Action, ABC):
    """validate_<form>: one user message moves the session on; the state lives in `state_slot`."""

    state_slot: Text = ""
    answer_slot: Text = ""
    resume_text: Text = ""

    @abstractmethod
    def name(self) -> Text:
        """The validate_<form> action name."""

    @abstractmethod
    def load(self, state: dict):
        """The session from its slot state."""

    @abstractmethod
    def complete(self, session) -> bool:
        """Whether the session has all it needs."""

    def cancel_events(self, turn) -> List[Dict[Text, Any]]:
        """Extra events when the user cancels."""
        return []

    async def run(self, dispatcher, tracker, domain):
        state = tracker.get_slot(self.state_slot) or {}
        mid = message_id(tracker)
        if state.get("handled") == mid:  # the form is just starting: its first message was read
            return []
        session = self.load({k: v for k, v in state.items() if k != "handled"})
        intent = intent_of(tracker)
        text = user_text(tracker)
        aside = figures_beside_declined(text)
        if aside is not None:  # 「汇率7.1 顺便问下商务局电话多少」: the request declined, the figures read
            dispatcher.utter_message(text=aside[0])
            text, intent = aside[1], None
        turn = session.handle(text, intent)
        events: List[Dict[Text, Any]] = []
        if turn.interjection:
            events += self.answer_interjection(dispatcher, tracker, intent)
        for m in turn.messages:
            dispatcher.utter_message(text=m)
        answer_side_question(dispatcher, tracker, getattr(turn, "question", ""), session)
        if turn.cancelled:
            return (
                events
                + [
                    SlotSet(self.state_slot, None),
                    SlotSet(self.answer_slot, "cancelled"),
                    SlotSet("requested_slot", None),
                ]
                + self.cancel_events(turn)
            )
        events.append(SlotSet(self.state_slot, state_of(session, tracker)))
        events.append(SlotSet(self.answer_slot, "done" if self.complete(session) else None))
        return events

    def answer_interjection(self, dispatcher, tracker, intent) -> List[Dict[Text, Any]]:
        """Answer what was asked in the middle; the form then asks its question again."""
        events: List[Dict[Text, Any]] = []
        if intent in QUESTION_INTENTS and intent != "out_of_scope" and unrelated(user_text(tracker)):
            dispatcher.utter_message(text=decline())  # 「你知道郑州这周限行尾号是多少吗」 read as a policy question
        elif intent in QUESTION_INTENTS or intent is None:
            answer = compose(
                intent,
                user_text(tracker),
                entities_of(tracker),
                tracker.get_slot("topic_clause"),
                tracker.get_slot("topic_domain"),
            )
            if answer.text:
                dispatcher.utter_message(text=answer.text)
                events = answer_events(answer)
        elif intent == "human_contact":
            dispatcher.utter_message(text=human_contact())
        elif SMALLTALK.get(intent):
            dispatcher.utter_message(text=SMALLTALK[intent])
        dispatcher.utter_message(text=self.resume_text)
        return events
