"""Award estimates in conversation: start, the form's validation and questions, the answer, totals."""

from typing import Text

from rasa_sdk import Action
from rasa_sdk.events import SlotSet

from actions.common import REPHRASE, intent_of, note_other_company, user_text
from actions.conversation import answer_events, compose_reply, earlier_facts
from actions.estimate_store import (
    INPUTS_SLOT,
    STATE_SLOT,
    clear_session,
    has_running_estimate,
    load_inputs,
    load_session,
    pending_state,
    save_session,
    session_from_state,
)
from actions.estimating import (
    amend_last_estimate,
    amend_entry_first,
    answer_beside_question,
    ask_added,
    estimate_each_applicant,
    estimate_each_scenario,
    estimate_each_year,
    estimate_from_question,
    finish,
    running_total,
    scope_confirmed,
    unsure_line,
    what_if_after_verdict,
)
from actions.forms import SessionFormValidation, answer_side_question
from actions.policy import (
    adds_item,
    classify_first,
    estimate_text,
    figures_first,
    first_answer,
    not_outsourcing_first,
    not_served_first,
    other_parts,
    stated_awards_first,
    unpriced_first,
    verdict_first,
    double_claim_first,
    recurrence_first,
)
from bot.answers import compose, eligibility
from bot.answers.router import message_parts
from actions.details import details_first, say
from actions.prescreen import prescreen_first
from bot.answers.subsidies import clause_answer
from bot.estimate.reading import is_what_if
from bot.estimate.tables import read_labelled_rows, without_tables
from bot.estimate.session import (
    QUESTION_SHAPE,
    EstimateSession,
    added_items,
    calculator_inputs,
    changes_a_status,
    own_figures,
    removes_a_part,
    restates_the_rest,
)
from bot.nlu.normalize import normalize, understand
from bot.understand.segment import asks_something
from knowledge import shapes


def rule_of_how_question(dispatcher, tracker):
    """「我们去年才注册的新公司 没有上年度数据 增量咋算」: how a clause computes, with no figure to compute from, is
    answered from the clause's rule; the events of that answer, or None."""
    text = user_text(tracker)
    if not shapes.search("asks_how_computed", text) or own_figures(normalize(text)):
        return None
    answer = compose("ask_subsidy", text, [], tracker.get_slot("topic_clause"), tracker.get_slot("topic_domain"))
    if not answer.text:
        return None
    say(dispatcher, answer)
    return answer_events(answer)


class ActionEstimateStart(Action):
    """Read the estimate request; answer at once when nothing is missing, else open the form."""

    def name(self) -> Text:
        return "action_estimate_start"

    async def run(self, dispatcher, tracker, domain):
        from actions.side_answers import side_answers

        events = self._run(dispatcher, tracker)
        side_answers(dispatcher, tracker)  # 「…另外听说还有政府购买培训服务 这个标准是多少」: answered too
        return events

    def _run(self, dispatcher, tracker):
        events = first_answer(
            dispatcher,
            tracker,
            answer_beside_question,  # 「150万刀吧 另外问下…」 while an added item's question is open
            amend_entry_first,
            estimate_each_applicant,
            estimate_each_scenario,
            estimate_each_year,
            not_served_first,
            not_outsourcing_first,
            classify_first,
            stated_awards_first,
            unpriced_first,
            recurrence_first,
            double_claim_first,
            verdict_first,
        )
        if events is not None:
            return events + [SlotSet("estimate_pending", False)]
        events = prescreen_first(dispatcher, tracker)  # a pre-screening asked for, with figures: it reads them
        if events is not None:
            return events
        events = rule_of_how_question(dispatcher, tracker)
        if events is not None:
            return events + [SlotSet("estimate_pending", False)]
        if is_what_if(user_text(tracker)) and has_running_estimate(tracker):
            events = amend_last_estimate(dispatcher, tracker)  # 「那如果离岸是200万美元呢」: the estimate just made
            if events is not None:
                return events
        if changes_a_status(user_text(tracker), load_inputs(tracker)) or removes_a_part(
            user_text(tracker), load_inputs(tracker)
        ):
            # 「等下 其实我们上年就注册了 上年在岸…」 after a 新增企业 estimate, 「其中3个其实只是大专学历」 after people
            # counted: that estimate corrected
            events = amend_last_estimate(dispatcher, tracker, "correct_value")
            if events is not None:
                return events
        trimmed = estimate_text(user_text(tracker))
        session = EstimateSession.start(
            trimmed or user_text(tracker),
            known=earlier_facts(tracker),
            running=load_inputs(tracker),
            topic=tracker.get_slot("topic_clause"),
        )
        note_other_company(session, tracker)
        if not session.items and not load_inputs(tracker):  # 「那明年如果培训120人都符合条件 能拿多少」 after an aside
            session = EstimateSession.sole_fit(user_text(tracker), known=earlier_facts(tracker)) or session
        for problem in session.problems:
            dispatcher.utter_message(text=problem)
        if session.status == "done":
            return finish(dispatcher, tracker, session) + other_parts(dispatcher, tracker)
        if session.items and not session.inputs and not session.clarify:
            standard = clause_answer(session.items[0].rstrip("ab"), user_text(tracker))
            dispatcher.utter_message(text=standard.text.replace("告诉我具体数字，我可以帮您测算。", "").strip())
            dispatcher.utter_message(text="下面帮您测算，随时可以说“取消”。")
        unsure_line(dispatcher, session)
        answered = (
            other_parts(dispatcher, tracker) if trimmed else []
        )  # 「…然后那个创新奖是怎么算的」 before the question
        return (
            answered
            + save_session(session, tracker)
            + [SlotSet("estimate_answer", None), SlotSet("estimate_pending", True)]
        )


class ValidateEstimateForm(SessionFormValidation):
    """Each answer in the estimate form: read it, correct, skip, cancel or answer a question."""

    state_slot, answer_slot, resume_text = STATE_SLOT, "estimate_answer", "——回到刚才的测算："

    def name(self) -> Text:
        return "validate_estimate_form"

    def load(self, state: dict) -> EstimateSession:
        return session_from_state(state)

    def complete(self, session: EstimateSession) -> bool:
        return session.status == "done"

    def cancel_events(self, turn):
        return [SlotSet(INPUTS_SLOT, None)] if turn.reset_all else []


class ActionAskEstimateAnswer(Action):
    """Ask the estimate's next question."""

    def name(self) -> Text:
        return "action_ask_estimate_answer"

    async def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(text=load_session(tracker).question())
        return []


class ActionEstimateFinish(Action):
    """The form is done (or cancelled): show the estimate."""

    def name(self) -> Text:
        return "action_estimate_finish"

    async def run(self, dispatcher, tracker, domain):
        state = pending_state(tracker)
        if not state or tracker.get_slot("estimate_answer") == "cancelled":
            return [SlotSet("estimate_pending", False), SlotSet("estimate_answer", None)]
        session = session_from_state(state)
        return finish(dispatcher, tracker, session) + [SlotSet("estimate_answer", None)]


class ActionEstimateTotal(Action):
    """ "一共多少": every figure of the conversation together, under the caps and the 500万 total."""

    def name(self) -> Text:
        return "action_estimate_total"

    async def run(self, dispatcher, tracker, domain):

        events = stated_awards_first(dispatcher, tracker)
        if events is not None:
            return events
        inputs = load_inputs(tracker)
        text = user_text(tracker)
        if inputs:  # "后来又补报了一批35个…总共多少": what the message adds first, then the total
            fresh = EstimateSession.start(text, known=earlier_facts(tracker), running=inputs)
            added = added_items(fresh, text, inputs) if fresh.status == "collecting" else []
            if fresh.extends and (calculator_inputs(fresh.inputs) != calculator_inputs(inputs) or fresh.clarify):
                if fresh.status == "done":
                    return finish(dispatcher, tracker, fresh)
                if added:
                    return ask_added(dispatcher, tracker, fresh, added)
                dispatcher.utter_message(text=fresh.question())
                return save_session(fresh, tracker)
            if added:  # 「那再加上CMMI认证的 一共多少」: the new item's questions first, then the whole summed
                return ask_added(dispatcher, tracker, fresh, added)
        if not inputs:
            from bot.answers import router
            from knowledge import query

            fresh = EstimateSession.start(text, known=earlier_facts(tracker), topic=tracker.get_slot("topic_clause"))
            if not fresh.items:  # the topic moved on (a question in between): the one clause the figures fit
                fresh = EstimateSession.sole_fit(text, known=earlier_facts(tracker)) or fresh
            if fresh.items and fresh.status == "done":
                # 「那140个人一共能拿多少」 after 「认定的培训机构…学员有140个」: the facts told before decide it
                return finish(dispatcher, tracker, fresh)

            hits = query.search(understand(text), limit=1)
            if (
                hits and hits[0]["score"] >= router.SEARCH_FLOOR and hits[0]["kind"] != "clause"
            ):  # 「一共多少个领域」: the catalog
                answer = compose_reply(tracker, None)
                if answer.text:
                    say(dispatcher, answer)
                    return answer_events(answer)
            dispatcher.utter_message(
                text="这次对话里还没有测算过。告诉我数字，比如“去年在岸执行额2000万元，今年2600万元”，"
                "我逐项帮您算，最后再汇总。"
            )
            return []
        return running_total(dispatcher, tracker)


class ActionResetEstimates(Action):
    """ "重新开始": forget the figures of this conversation."""

    def name(self) -> Text:
        return "action_reset_estimates"

    async def run(self, dispatcher, tracker, domain):
        dispatcher.utter_message(text="好的，已清空本次对话中的测算数据，我们重新开始。想算哪一项？")
        return clear_session() + [
            SlotSet(INPUTS_SLOT, None),
            SlotSet("estimate_pending", False),
            SlotSet("estimate_answer", None),
        ]


def _figures_told(text: str) -> list:
    """The user's own figures, less those among the choices of an alternative question (「是每年都给还是只给一次」:
    一次 is a choice asked about, not a count told)."""
    choices = [m.span() for m in shapes.pattern("alternative_question").finditer(text)]
    return [f for f in own_figures(text) if not any(a <= f.start and f.end <= b for a, b in choices)]


def states_facts(text: str, intent) -> bool:
    """「还没认定 正在准备认定材料」 labelled 不知道: a statement of facts all the same (knowledge/data/facts.yml)."""
    from bot.understand.facts import read_facts

    return intent == "dont_know" and bool(read_facts(normalize(text)))


class ActionLooseAnswer(Action):
    """A figure, yes/no or correction with no form open: amend the last estimate, or start one."""

    def name(self) -> Text:
        return "action_loose_answer"

    async def run(self, dispatcher, tracker, domain):
        intent = intent_of(tracker)
        text = user_text(tracker)
        inputs = load_inputs(tracker)
        done = [SlotSet("estimate_pending", False)]
        pending = pending_state(tracker)
        if intent != "cancel" and not (pending and pending.get("status") == "collecting"):
            events = prescreen_first(dispatcher, tracker)  # 「想做个申报资格预审：…」 labelled as an answer
            if events is not None:
                return events
            events = first_answer(
                dispatcher,
                tracker,
                amend_entry_first,
                estimate_each_applicant,
                estimate_each_year,  # 「21年离岸300w刀 22年260w刀 23年320w刀…分别算22年和23年」 labelled as an answer
                details_first,
                stated_awards_first,
                what_if_after_verdict,  # 「如果再多收一个凑够20个呢 …」 after a verdict: the estimate it supposes
                recurrence_first,  # 「去年拿过技术先进型的10万，今年复审通过了还能拿吗」 taken for a figure: 一次性, not 0 元
                double_claim_first,  # 「展会去年省里补过一次 市里还能补吗」 taken for a figure: 第四条第（三）项
            )  # 「再加上技先的10万 一共多少」
            if events is not None:
                return done + events
        if intent == "cancel":
            dispatcher.utter_message(text="好的。目前没有进行中的测算。还有什么可以帮您？")
            return done
        pending = pending_state(tracker)
        asking = not (pending and pending.get("status") == "collecting")
        rest = restates_the_rest(text, inputs) if asking and intent != "deny" else []
        if rest:  # 「剩下的人合同都是一年以上」 after an estimate that counted them: it stands
            said = "、".join(f"{name}计入的{n}名" for name, n in rest)
            dispatcher.utter_message(text=f"好的，您说的其余人员就是上面测算中{said}，与测算所用的一致，测算结果不变。")
            return done
        if asking and (intent in ("inform", "correct_value") or states_facts(text, intent)):
            events = verdict_first(dispatcher, tracker)
            if events is not None:
                return done + events
        if (
            asking
            and not inputs
            and intent in ("inform", "correct_value")
            and len(message_parts(understand(text))) >= 2
        ):
            # 「…入驻了两年 执行额1000万 租金补贴能拿吗 还有分公司本身能不能申报」: the estimate, then the other parts
            events = figures_first(dispatcher, tracker)
            if events is not None:
                return done + events
        if asking and inputs and adds_item(text):  # 「还有技术先进型…也是今年新获得的 总共多少」
            events = estimate_from_question(dispatcher, tracker)
            if events is not None:
                return events
        # 「用2023年的还是2024年的」; a pasted table's header (「是否商务部门指定」) asks nothing, its rows are figures told
        unpasted = without_tables(text)
        asks = QUESTION_SHAPE.search(unpasted) or shapes.search("alternative_question", unpasted)
        told = _figures_told(text) or (unpasted != text and _figures_told(read_labelled_rows(normalize(text))))
        if asking and asks and not told and intent in ("inform", "correct_value"):
            answer = compose(
                "ask_subsidy", text, [], tracker.get_slot("topic_clause"), tracker.get_slot("topic_domain")
            )
            if answer.text:
                say(dispatcher, answer)
                return done + answer_events(answer)
        if asking and intent == "dont_know" and not own_figures(text) and asks_something(text):
            # 「今年申报截止是几号 别跟我说不知道」: a question, not an answer to one (on the conversation's facts:
            # 「其他情况说不清楚 还需要满足哪些条件」)
            answer = compose_reply(tracker, None)
            if answer.text:
                say(dispatcher, answer)
                return done + answer_events(answer)
        if asking and intent == "dont_know" and not inputs and not own_figures(text):
            # 「其他的我不太清楚，得回去问财务」 after a verdict: the conditions not settled stay to be confirmed
            from actions.conversation import known_facts
            from bot.answers.qualify import rest_unknown_answer

            answer = rest_unknown_answer(tracker.get_slot("topic_clause"), known_facts(tracker)[0])
            if answer is not None:
                say(dispatcher, answer)
                return done + answer_events(answer)
        if pending and pending.get("status") == "collecting" and intent != "cancel":
            session = session_from_state(pending)
            turn = session.handle(text, intent)
            if turn.understood and not turn.interjection:
                for m in turn.messages:
                    dispatcher.utter_message(text=m)
                answer_side_question(dispatcher, tracker, turn.question, session)
                if turn.cancelled:
                    return done + clear_session()
                if session.status == "done":
                    return finish(dispatcher, tracker, session)
                if intent in ("inform", "correct_value"):
                    return save_session(session, tracker) + [
                        SlotSet("estimate_answer", None),
                        SlotSet("estimate_pending", True),
                    ]
                dispatcher.utter_message(text=session.question())
                return done + save_session(session, tracker)
        if inputs and intent in ("correct_value", "inform"):
            events = amend_last_estimate(dispatcher, tracker, intent)
            if events is not None:
                return events
        events = rule_of_how_question(dispatcher, tracker) if asking else None
        if events is not None:
            return done + events
        events = scope_confirmed(dispatcher, tracker) if inputs else None  # 「就这两场」 after an estimate
        if events is not None:
            return done + events
        from actions.policy import topic_answer_first

        events = topic_answer_first(dispatcher, tracker)  # 「不是新认定的」「今年刚认定」 after 三（四）: its verdict
        if events is not None:
            return done + events
        if intent in ("affirm", "deny"):  # 「是的」 after an estimate: no new estimate from the earlier facts alone
            dispatcher.utter_message(
                text="好的。还有什么可以帮您？可以问申报资格、领域目录、奖补标准，或让我测算奖励。"
            )
            return done
        fresh = EstimateSession.start(
            text, known=earlier_facts(tracker), running=inputs, topic=tracker.get_slot("topic_clause")
        )
        if fresh.items and fresh.status == "done":
            return finish(dispatcher, tracker, fresh)
        # 「去年的单子80万，哦不对是90万，今年120万，能拿多少」 (a correction inside the question, no item named): the
        # figures are asked about, so the estimate opens and asks which item they are, never a rephrase
        unplaced = fresh.inputs.get("_unplaced") and asks_something(text)
        if (fresh.items or unplaced) and intent in ("inform", "correct_value"):
            dispatcher.utter_message(text="好的，我来帮您测算。")
            return save_session(fresh, tracker) + [
                SlotSet("estimate_answer", None),
                SlotSet("estimate_pending", True),
            ]
        if inputs and shapes.search("running_total_ask", text):  # 「那一共能补多少」 labelled as an answer
            return done + running_total(dispatcher, tracker)
        from actions.after_report import fact_after_report

        events = fact_after_report(dispatcher, tracker)  # 「财务制度健全规范」 after a saved report: it stands
        if events is not None:
            return done + events
        stated = eligibility.facts_from(normalize(text))
        if len(stated) >= 2:  # the applicant describes itself against 第二条
            answer = eligibility.answer(normalize(text))
            say(dispatcher, answer)
            return done + answer_events(answer)
        if stated:  # 「产权清晰」 on its own (after a pre-screening report): 第二条 on all the conversation told
            answer = second_article_verdict(tracker, text)
            say(dispatcher, answer)
            return done + answer_events(answer)
        dispatcher.utter_message(text=REPHRASE)
        return done


def second_article_verdict(tracker, text: str):
    """第二条's verdict on the facts the conversation stated, this message's last (a fact told alone is no question
    to rephrase)."""
    from actions.conversation import stated_facts
    from bot.answers.qualify import verdict_answer

    from dataclasses import replace

    from knowledge import conditions

    history = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-41:-1]
    answer = verdict_answer(["2"], stated_facts(history + [text]), normalize(text))
    if answer.verdict == conditions.UNKNOWN:  # what follows once the conditions still to confirm are met
        head, basis, rest = answer.text.partition("\n依据第二条")
        line = "还需确认的条件也都满足的，就可以申报（最终以市商务局审核为准）。"
        answer = replace(answer, text=head + "\n" + line + basis + rest)
    return answer
