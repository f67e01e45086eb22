"""Pre-screening in conversation: start, the form's answers and questions, the saved report, look-up."""

import logging
import os
import re
from typing import Text

from rasa_sdk import Action
from rasa_sdk.events import SlotSet

from actions.common import intent_of, message_id, state_of, user_text
from actions.forms import SessionFormValidation
from bot.estimate import explain
from bot.prescreen.session import PrescreenSession
from bot.reports import get_report, render_chat, save_report, verdict_from

log = logging.getLogger(__name__)
REF = re.compile(r"YS-?\d{8}-?\d{4,}", re.IGNORECASE)


def prescreen_first(dispatcher, tracker):
    """A message that asks for a pre-screening but that the NLU labels otherwise (an answer, an estimate):
    the pre-screening opens all the same (its form runs next) and reads the message's facts and figures
    (PrescreenSession.start); None when the message does not ask for one or a form is running."""
    from rasa_sdk.events import FollowupAction

    from knowledge import shapes

    if (tracker.active_loop or {}).get("name") or not shapes.search("prescreen_request", user_text(tracker)):
        return None
    events = open_prescreen(dispatcher, tracker)
    if any(e.get("name") == "prescreen_answer" and e.get("value") == "cancelled" for e in events):
        return events
    return events + [SlotSet("estimate_pending", False), FollowupAction("prescreen_form")]


def open_prescreen(dispatcher, tracker) -> list:
    """The events that open a pre-screening from the latest message (see ActionPrescreenStart)."""
    from actions.policy import not_served_first

    declined = not_served_first(dispatcher, tracker)  # 「帮我分析一下我们明年能不能在创业板上市」
    if declined is not None:
        # the form opens already answered and closes at once; the finish step says nothing more
        return declined + [
            SlotSet("prescreen_state", {"step": "cancelled", "handled": message_id(tracker)}),
            SlotSet("prescreen_answer", "cancelled"),
        ]
    session = PrescreenSession.start(user_text(tracker))
    if session.step != "applicant":
        business = ("\n" + session.business) if session.business else ""
        dispatcher.utter_message(
            text="好的，我们来做一次申报前预审，随时可以说“取消”。" + business + session.opening_verdicts()
        )
    from actions.side_answers import side_answers

    side_answers(dispatcher, tracker)  # 「…入驻企业的房租补贴能不能直接给我们园区」 beside the pre-screening asked for
    state = state_of(session, tracker)
    # a stated unmet condition settles the verdict at once (the form ends and the report follows)
    done = "done" if session.step == "done" else None
    return [SlotSet("prescreen_state", state), SlotSet("prescreen_answer", done)]


class ActionPrescreenStart(Action):
    """Open a pre-screening, keeping what the opening message already says."""

    def name(self) -> Text:
        return "action_prescreen_start"

    async def run(self, dispatcher, tracker, domain):
        from rasa_sdk.events import FollowupAction

        events = open_prescreen(dispatcher, tracker)
        if intent_of(tracker) == "prescreen_start" or any(
            e.get("name") == "prescreen_answer" and e.get("value") == "cancelled" for e in events
        ):
            return events  # (the rule of prescreen_start runs the form next)
        # asked for inside another question (actions/policy.py prescreen_asked_first): the form runs next all the same
        return events + [SlotSet("estimate_pending", False), FollowupAction("prescreen_form")]


class ValidatePrescreenForm(SessionFormValidation):
    """Each answer in the pre-screening."""

    state_slot, answer_slot, resume_text = "prescreen_state", "prescreen_answer", "——回到预审："

    def name(self) -> Text:
        return "validate_prescreen_form"

    def load(self, state: dict) -> PrescreenSession:
        return PrescreenSession.load(state)

    def complete(self, session: PrescreenSession) -> bool:
        return session.step == "done"


class ActionAskPrescreenAnswer(Action):
    """Ask the pre-screening's next question."""

    def name(self) -> Text:
        return "action_ask_prescreen_answer"

    async def run(self, dispatcher, tracker, domain):
        session = PrescreenSession.load(tracker.get_slot("prescreen_state"))
        dispatcher.utter_message(text=session.question())
        return []


def print_link_text(ref: str) -> str:
    """The sentence with the report's print link (an unguessable token: whoever has the link can open it)."""
    from bot.reports.store import create_print_token

    base = os.environ.get("PUBLIC_BASE_URL") or f"http://localhost:{os.environ.get('WEB_PORT') or '8000'}"
    return f"打印版预审报告（凭此链接查看，请勿转发）：{base.rstrip('/')}/report/{create_print_token(ref)}"


class ActionPrescreenFinish(Action):
    """Verdict, estimate and a saved report with its reference number."""

    def name(self) -> Text:
        return "action_prescreen_finish"

    async def run(self, dispatcher, tracker, domain):
        from calculator import CalculatorError, calculate

        state = tracker.get_slot("prescreen_state")
        if not state or tracker.get_slot("prescreen_answer") == "cancelled":
            return [SlotSet("prescreen_answer", None)]
        session = PrescreenSession.load(state)
        inputs = session.calculator_input()
        try:
            # an item a stated fact fails that the calculator cannot see (「国内500强入园正常运营才6个月」): 0 with why
            result = calculate(inputs, ruled_out=session.estimate_ruled_out())
        except CalculatorError as err:
            dispatcher.utter_message(text=f"这些数字还不能计算：{explain.error_words(err)}。预审未保存，请重新开始。")
            return [SlotSet("prescreen_state", None), SlotSet("prescreen_answer", None)]
        verdict = verdict_from(result["eligibility"], session.applicant or "enterprise")
        if session.business:  # the catalog domain of the business described, kept in the report
            verdict["business"] = session.business
        ref = save_report(tracker.sender_id, session.applicant or "enterprise", inputs, result, verdict)
        log.info("prescreen report saved: %s", ref)
        report = get_report(ref, tracker.sender_id)
        dispatcher.utter_message(text=render_chat(report))
        dispatcher.utter_message(text=print_link_text(ref))
        refs = list(tracker.get_slot("report_refs") or []) + [ref]
        return [SlotSet("prescreen_state", None), SlotSet("prescreen_answer", None), SlotSet("report_refs", refs)]


class ActionQueryReport(Action):
    """ "查询预审 YS-…": show a report again, only in the conversation that made it."""

    def name(self) -> Text:
        return "action_query_report"

    async def run(self, dispatcher, tracker, domain):
        text = user_text(tracker).upper().replace("－", "-")
        m = REF.search(text)
        refs = tracker.get_slot("report_refs") or []
        if not m:
            if refs:
                dispatcher.utter_message(
                    text="本次对话生成的预审报告：" + "、".join(refs) + "。回复“查询预审 编号”即可查看。"
                )
            else:
                dispatcher.utter_message(
                    text="请提供预审报告编号，例如“查询预审 YS-20261128-0007”。"
                    "本次对话还没有生成过预审报告，可以说“我想做个预审”开始。"
                )
            return []
        digits = re.sub(r"\D", "", m.group(0))
        ref = f"YS-{digits[:8]}-{digits[8:]}"
        report = get_report(ref, tracker.sender_id)
        if report is None:
            dispatcher.utter_message(
                text=f"没有找到预审报告 {ref}。出于保密，只能查看本次对话中生成的报告；请核对编号，或重新做一次预审。"
            )
            return []
        dispatcher.utter_message(text=render_chat(report))
        return []
