"""Award estimates in conversation: start, the form's validation and questions, the answer, totals."""

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import REPHRASE, intent_of, message_id, user_text
from actions.forms import SessionFormValidation
from actions.details import details_first, say
from actions.policy import answer_events, earlier_facts, not_served_first, verdict_first
from bot.answers.subsidies import clause_answer
from bot.estimate import explain
from bot.answers import compose, eligibility
from bot.estimate.session import QUESTION_SHAPE, EstimateSession, calculator_inputs, own_figures, to_json
from bot.estimate.session import ADDS_TO_RUNNING, from_json
from bot.understand import facts as fact_reader
from bot.nlu.normalize import normalize


def load_inputs(tracker: Tracker) -> dict:
    """The figures gathered over the whole conversation."""
    raw = tracker.get_slot("estimate_inputs") or {}
    return {k: from_json(k, v) for k, v in raw.items()}


def finish(dispatcher: CollectingDispatcher, tracker: Tracker, session: EstimateSession) -> List[Dict[Text, Any]]:
    """Compute, answer, and add the figures to the conversation's running estimate."""
    from calculator import CalculatorError

    merged = load_inputs(tracker)
    merged.update(calculator_inputs(session.inputs))  # a session that extends the running one holds it already
    title = "连同本次对话中前面的数字一起测算，" if session.extends else ""
    try:
        result = session.compute()
    except CalculatorError as err:
        dispatcher.utter_message(text=f"这些数字还不能计算：{err}。请更正后再试。")
        return [SlotSet("estimate_state", None), SlotSet("estimate_pending", False)]
    skipped = [f"缺少{_skip_label(k)}，相关项目未计算。" for k in session.skipped]
    second_article = eligibility.summary(fact_reader.from_json(session.facts))
    if second_article:
        dispatcher.utter_message(text=second_article)
    text = explain.render(
        result, calculator_inputs(session.inputs), session.notes, skipped, failed=session.failed(), title=title
    )
    unsure = session.unsure_conditions()
    if unsure:
        text += (
            "\n还需确认的条件（测算假定已满足）："
            + "；".join(f"{explain.item_name(code)}——{'、'.join(labels)}" for code, labels in unsure.items())
            + "。"
        )
    dispatcher.utter_message(text=text)
    events = [
        SlotSet("estimate_state", None),
        SlotSet("estimate_pending", False),
        SlotSet("estimate_inputs", to_json(merged)),
    ]
    if session.items:
        events.append(SlotSet("topic_clause", session.items[0].replace("a", "").replace("b", "")))
    return events


def unsure_line(dispatcher, session: EstimateSession) -> None:
    """Before asking for figures: the conditions of the items that nobody has confirmed yet."""
    unsure = session.unsure_conditions()
    if unsure:
        dispatcher.utter_message(
            text="测算前提（还需确认）："
            + "；".join(f"{explain.item_name(code)}——{'、'.join(labels)}" for code, labels in unsure.items())
            + "。"
        )


def _skip_label(key: str) -> str:
    return {"usd_cny_rate": "本年度汇率", "previous_usd_cny_rate": "上年度汇率"}.get(key, "部分信息")


def estimate_from_question(dispatcher, tracker):
    """A policy question that carries the user's own figures: estimate instead, or None."""
    from calculator.figures_zh import parse_figures

    text = user_text(tracker)
    figures = parse_figures(text)
    if figures and all(getattr(f, "bound", None) for f in figures):
        # "超过100万美元有奖励吗" quotes the rule, it gives no figure of the user's; but in
        # "引进了2家500强，运营一年多，能拿多少" the bounded "一年多" sits beside the user's "2家".
        return None
    running = load_inputs(tracker)
    session = EstimateSession.start(text, known=earlier_facts(tracker), running=running)
    if not session.items or not (calculator_inputs(session.inputs) or session.clarify):
        return None
    if (
        session.extends
        and calculator_inputs(session.inputs) == running
        and not session.clarify
        and set(session.items) == set(_items_for(running))
    ):
        return None  # nothing added: a question about the policy, answered as such
    if session.status == "done":
        return finish(dispatcher, tracker, session)
    for problem in session.problems:
        dispatcher.utter_message(text=problem)
    if not session.clarify:
        standard = clause_answer(session.items[0].rstrip("ab"), text)
        dispatcher.utter_message(text=standard.text.replace("告诉我具体数字，我可以帮您测算。", "").strip())
    else:
        standard = None
    dispatcher.utter_message(text="按您给的数字测算，还需要：" + session.question())
    state = session.dump()
    state["handled"] = message_id(tracker)
    return [SlotSet("estimate_state", state)] + (answer_events(standard) if standard else [])


class ActionEstimateStart(Action):
    """Read the estimate request; answer at once when nothing is missing, else open the form."""

    def name(self) -> Text:
        return "action_estimate_start"

    async def run(self, dispatcher, tracker, domain):
        events = verdict_first(dispatcher, tracker)
        if events is None:
            events = not_served_first(dispatcher, tracker)
        if events is not None:
            return events + [SlotSet("estimate_pending", False)]
        session = EstimateSession.start(user_text(tracker), known=earlier_facts(tracker), running=load_inputs(tracker))
        for problem in session.problems:
            dispatcher.utter_message(text=problem)
        if session.status == "done":
            return finish(dispatcher, tracker, session)
        if session.items and not session.inputs and not session.clarify:
            standard = clause_answer(session.items[0].rstrip("ab"), user_text(tracker))
            dispatcher.utter_message(text=standard.text.replace("告诉我具体数字，我可以帮您测算。", "").strip())
            dispatcher.utter_message(text="下面帮您测算，随时可以说“取消”。")
        unsure_line(dispatcher, session)
        state = session.dump()
        state["handled"] = message_id(tracker)
        return [SlotSet("estimate_state", state), SlotSet("estimate_answer", None), SlotSet("estimate_pending", True)]


class ValidateEstimateForm(SessionFormValidation):
    """Each answer in the estimate form: read it, correct, skip, cancel or answer a question."""

    state_slot, answer_slot, resume_text = "estimate_state", "estimate_answer", "——回到刚才的测算："

    def name(self) -> Text:
        return "validate_estimate_form"

    def load(self, state: dict) -> EstimateSession:
        return EstimateSession.load(state)

    def complete(self, session: EstimateSession) -> bool:
        return session.status == "done"

    def cancel_events(self, turn):
        return [SlotSet("estimate_inputs", None)] if turn.reset_all else []


class ActionAskEstimateAnswer(Action):
    """Ask the estimate's next question."""

    def name(self) -> Text:
        return "action_ask_estimate_answer"

    async def run(self, dispatcher, tracker, domain):
        state = tracker.get_slot("estimate_state") or {}
        session = EstimateSession.load({k: v for k, v in state.items() if k != "handled"})
        dispatcher.utter_message(text=session.question())
        return []


class ActionEstimateFinish(Action):
    """The form is done (or cancelled): show the estimate."""

    def name(self) -> Text:
        return "action_estimate_finish"

    async def run(self, dispatcher, tracker, domain):
        state = tracker.get_slot("estimate_state")
        if not state or tracker.get_slot("estimate_answer") == "cancelled":
            return [SlotSet("estimate_pending", False), SlotSet("estimate_answer", None)]
        session = EstimateSession.load({k: v for k, v in state.items() if k != "handled"})
        return finish(dispatcher, tracker, session) + [SlotSet("estimate_answer", None)]


class ActionEstimateTotal(Action):
    """ "一共多少": every figure of the conversation together, under the caps and the 500万 total."""

    def name(self) -> Text:
        return "action_estimate_total"

    async def run(self, dispatcher, tracker, domain):
        from calculator import CalculatorError, calculate

        inputs = load_inputs(tracker)
        text = user_text(tracker)
        if inputs:  # "后来又补报了一批35个…总共多少": what the message adds first, then the total
            fresh = EstimateSession.start(text, known=earlier_facts(tracker), running=inputs)
            if fresh.extends and (calculator_inputs(fresh.inputs) != inputs or fresh.clarify):
                if fresh.status == "done":
                    return finish(dispatcher, tracker, fresh)
                dispatcher.utter_message(text=fresh.question())
                state = fresh.dump()
                state["handled"] = message_id(tracker)
                return [SlotSet("estimate_state", state)]
        if not inputs:
            dispatcher.utter_message(
                text="这次对话里还没有测算过。告诉我数字，比如“离岸执行额150万美元，汇率7.05”，"
                "我逐项帮您算，最后再汇总。"
            )
            return []
        try:
            result = calculate(inputs)
        except CalculatorError as err:
            dispatcher.utter_message(text=f"汇总时发现数字有问题：{err}。")
            return []
        dispatcher.utter_message(text=explain.render(result, inputs, title="汇总本次对话中的全部测算，"))
        return []


class ActionResetEstimates(Action):
    """ "重新开始": forget the figures of this conversation."""

    def name(self) -> Text:
        return "action_reset_estimates"

    async def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(text="好的，已清空本次对话中的测算数据，我们重新开始。想算哪一项？")
        return [
            SlotSet("estimate_state", None),
            SlotSet("estimate_inputs", None),
            SlotSet("estimate_pending", False),
            SlotSet("estimate_answer", None),
        ]


class ActionLooseAnswer(Action):
    """A figure, yes/no or correction with no form open: amend the last estimate, or start one."""

    def name(self) -> Text:
        return "action_loose_answer"

    async def run(self, dispatcher, tracker, domain):
        intent = intent_of(tracker)
        text = user_text(tracker)
        inputs = load_inputs(tracker)
        done = [SlotSet("estimate_pending", False)]
        pending = tracker.get_slot("estimate_state")
        if intent != "cancel" and not (pending and pending.get("status") == "collecting"):
            events = details_first(dispatcher, tracker)
            if events is not None:
                return done + events
        if intent == "cancel":
            dispatcher.utter_message(text="好的。目前没有进行中的测算。还有什么可以帮您？")
            return done
        pending = tracker.get_slot("estimate_state")
        asking = not (pending and pending.get("status") == "collecting")
        if asking and intent in ("inform", "correct_value"):
            events = verdict_first(dispatcher, tracker)
            if events is not None:
                return done + events
        if asking and QUESTION_SHAPE.search(text) and not own_figures(text) and intent in ("inform", "correct_value"):
            answer = compose(
                "ask_subsidy", text, [], tracker.get_slot("topic_clause"), tracker.get_slot("topic_domain")
            )
            if answer.text:
                say(dispatcher, answer)
                return done + answer_events(answer)
        if pending and pending.get("status") == "collecting" and intent != "cancel":
            session = EstimateSession.load({k: v for k, v in pending.items() if k != "handled"})
            turn = session.handle(text, intent)
            if turn.understood and not turn.interjection:
                for m in turn.messages:
                    dispatcher.utter_message(text=m)
                if turn.cancelled:
                    return done + [SlotSet("estimate_state", None)]
                if session.status == "done":
                    return finish(dispatcher, tracker, session)
                state = session.dump()
                state["handled"] = message_id(tracker)
                if intent in ("inform", "correct_value"):
                    return [
                        SlotSet("estimate_state", state),
                        SlotSet("estimate_answer", None),
                        SlotSet("estimate_pending", True),
                    ]
                dispatcher.utter_message(text=session.question())
                return done + [SlotSet("estimate_state", state)]
        if inputs and intent in ("correct_value", "inform"):
            events = amend_last_estimate(dispatcher, tracker, intent)
            if events is not None:
                return events
        fresh = EstimateSession.start(text, known=earlier_facts(tracker), running=inputs)
        if fresh.items and fresh.status == "done":
            return finish(dispatcher, tracker, fresh)
        if fresh.items and intent in ("inform", "correct_value"):
            dispatcher.utter_message(text="好的，我来帮您测算。")
            state = fresh.dump()
            state["handled"] = message_id(tracker)
            return [
                SlotSet("estimate_state", state),
                SlotSet("estimate_answer", None),
                SlotSet("estimate_pending", True),
            ]
        if intent in ("affirm", "deny"):
            dispatcher.utter_message(
                text="好的。还有什么可以帮您？可以问申报资格、领域目录、奖补标准，或让我测算奖励。"
            )
            return done
        if len(eligibility.facts_from(normalize(text))) >= 2:  # the applicant describes itself against 第二条
            answer = eligibility.answer(normalize(text))
            say(dispatcher, answer)
            return done + answer_events(answer)
        dispatcher.utter_message(text=REPHRASE)
        return done


def amend_last_estimate(dispatcher, tracker, intent="correct_value"):
    """ "不对，CMMI是28万": apply a figure to the conversation's estimate and recompute, or None."""
    inputs = load_inputs(tracker)
    if (
        not inputs
        or ADDS_TO_RUNNING.search(normalize(user_text(tracker)))
        or EstimateSession.start(user_text(tracker), running=inputs).extends
    ):
        return None  # a message that adds to the estimate starts a session that extends it
    session = EstimateSession(items=_items_for(inputs), inputs=dict(inputs))
    session.last_keys = list(inputs.keys())
    turn = session.handle(user_text(tracker), intent)
    if not (turn.understood and session.status == "done") or session.inputs == inputs:
        return None
    for m in turn.messages:
        dispatcher.utter_message(text=m)
    return finish(dispatcher, tracker, session)


def _items_for(inputs: dict) -> list:
    probe = EstimateSession(items=[], inputs=dict(inputs))
    probe._infer_items()
    return probe.items
