"""The estimate flow the actions share: compute and answer, estimate from a policy question that
carries figures, amend the last estimate. The session's slots are actions/estimate_store.py's."""

import re
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import intent_of, note_other_company, user_text
from actions.conversation import answer_events, earlier_facts
from actions.estimate_store import clear_session, load_inputs, save_session, saved_inputs
from bot.answers import eligibility, year_verdicts
from bot.console.queue import note_estimate
from bot.answers.subsidies import clause_answer
from bot.estimate import applicants, claims, explain, relative_figures, rent_years, scenarios, sum_except, year_chain
from bot.estimate.rate_waits import waiting_notes, without_waiting
from bot.estimate.items import detect_items
from bot.estimate.understand import english_to_chinese
from bot.estimate.reading import is_what_if
from bot.estimate.session import (
    ADDS_TO_RUNNING,
    ASKS_MORE_NOTES,
    EstimateSession,
    added_items,
    calculator_inputs,
    changes_an_entry,
    items_for_inputs,
    replaces_a_count,
    next_year_supposed,
    running_inputs,
)
from bot.nlu.normalize import normalize
from bot.understand import facts as fact_reader
from bot.understand.refined_group import refines


def finish(dispatcher: CollectingDispatcher, tracker: Tracker, session: EstimateSession) -> List[Dict[Text, Any]]:
    """Compute, answer, and add the figures to the conversation's running estimate."""
    from calculator import CalculatorError

    merged = load_inputs(tracker)
    merged.update(running_inputs(session.inputs))  # a session that extends the running one holds it already
    title = "连同本次对话中前面的数字一起测算，" if session.extends else ""
    try:
        result = session.compute()
    except CalculatorError as err:
        dispatcher.utter_message(text=f"这些数字还不能计算：{explain.error_words(err)}。请更正后再试。")
        return clear_session() + [SlotSet("estimate_pending", False)]
    second_article = eligibility.summary(fact_reader.from_json(session.facts))
    if second_article:
        dispatcher.utter_message(text=second_article)
    reply = estimate_reply(session, result, title)
    # 「除了引进领军企业那块，另外两项加起来多少」: the sum asked of the other items, under the estimate
    rest = sum_except.line(normalize(user_text(tracker)), result.get("items") or [], explain.item_name)
    dispatcher.utter_message(text=reply + ("\n" + rest if rest else "") + many_certs_line(tracker))
    note_estimate(tracker.sender_id, result.get("total_cny", 0))
    events = clear_session() + [SlotSet("estimate_pending", False), saved_inputs(merged)]
    if session.items:
        events.append(SlotSet("topic_clause", session.items[0].replace("a", "").replace("b", "")))
    return events


def many_certs_line(tracker: Tracker) -> str:
    """「CMMI3认证费20万 ITSS维护费5万 另外还想做PCMM CCRC SAS70 ISO27001 这么多个都能补吗」 said as one part: the count
    三（六） supports a year, under the estimate (a part of its own is answered after it, actions/policy.other_parts)."""
    from bot.answers import general, router
    from bot.nlu.normalize import understand

    text = understand(user_text(tracker))
    if len(router.message_parts(text)) != 1:
        return ""
    many = general.many_certs_answer(text)
    return "\n另外，" + many.text.split("\n")[0] if many is not None else ""


def estimate_reply(session: EstimateSession, result: dict, title: str = "") -> str:
    """The estimate's text: the items worked out, the user's own results checked, the conditions met or unsure."""
    if session.items:  # 「增量怎么算」 with offshore figures given: an item not asked about is left out when it gives 0
        result = dict(result, items=[i for i in result["items"] if i["qualified"] or i["code"] in session.items])
    waiting = result.get("waiting") or {}
    skipped = waiting_notes(waiting, session.inputs.get("year")) + [
        f"缺少{_skip_label(k)}，相关项目未计算。" for k in session.skipped if k not in waiting.values()
    ]
    notes = list(session.notes)
    if session.ineligible() and not any(i["qualified"] for i in result["items"]):
        # 第二条 failed: no figure can change the 0, so nothing more is asked for (rates, last year's amounts)
        skipped, notes = [], [n for n in notes if n not in ASKS_MORE_NOTES]
    bases = ("3.1", "3.2") if "3.3" in session.items else ()  # 三（三） is 15% of these: shown as its base
    aside = [f"{explain.item_name(c)}按您说的先不计算，不计入合计" for c in result.get("set_aside") or ()]
    text = explain.render(
        result,
        calculator_inputs(session.inputs),
        notes + rent_years.period_notes(session.inputs, result) + aside,
        skipped,
        failed=session.failed(),
        title=title,
        bases=bases,
        applicants=explain.applicants_of([i["code"] for i in result["items"] if i["qualified"]])
        if session.facts.get("applicant_also_enterprise")
        else (),
        derived=relative_figures.shown_by_item(session.inputs, [i["code"] for i in result["items"]]),
    )
    if session.year_focus:  # 「明年…能拿多少」 estimated as this year against last: said in the user's years
        text = year_chain.in_user_words(text, session.year_focus)
    checked = claims.compare(session.inputs.get("_claims") or [], result)
    if checked:  # 「我算的…对不对」: the user's own results beside the estimate
        text += "\n" + checked
    met = session.met_conditions()
    if met:  # 「够不够条件」: the item's conditions the user's own words meet, named
        text += "\n" + "\n".join(
            f"按您说的情况，{explain.item_name(code)}的条件满足：{'、'.join(labels)}。" for code, labels in met.items()
        )
    # an item the figures themselves rule out (「业务下降，没有增量，不予奖励」) is 0 whatever its other conditions: none
    # of them is listed as assumed met beside that verdict
    ruled_out = {i["code"] for i in result["items"] if not i["qualified"]}
    unsure = {
        code: labels
        for code, labels in session.unsure_conditions().items()
        if code not in waiting and code not in ruled_out
    }
    if unsure:
        text += (
            "\n还需确认的条件（测算假定已满足）："
            + "；".join(f"{explain.item_name(code)}——{'、'.join(labels)}" for code, labels in unsure.items())
            + "。"
        )
    return text


def amend_entry_first(dispatcher: CollectingDispatcher, tracker: Tracker):
    """「1.8万那场是行业协会自己办的…把它去掉」「那个展其实是…境内的」 after an estimate: that estimate corrected
    before any verdict on the words (they are about the entry taken out); None for any other message."""
    inputs = load_inputs(tracker)
    if not inputs or not changes_an_entry(user_text(tracker), inputs):
        return None
    return amend_last_estimate(dispatcher, tracker, "correct_value")


def computed(session: EstimateSession):
    """The session's result when it has every figure, else None (a figure the calculator refuses included): the
    applicants', years' and scenarios' blocks each use it."""
    from calculator import CalculatorError

    try:
        return session.compute() if session.status == "done" and not session.clarify else None
    except CalculatorError:
        return None


def _classifies_only(said: str) -> bool:
    """A question where each named company's business belongs, with no money of the user's and nothing asked to
    compute: no estimate of several applicants."""
    from bot.answers import router
    from bot.estimate.session import own_figures
    from bot.nlu.normalize import understand
    from knowledge import shapes

    t = understand(said)
    money = any(f.kind == "money" for f in own_figures(english_to_chinese(normalize(said))))
    return not money and not shapes.search("asks_amount", t) and router.is_classify_question(None, t)


def _placed_apart(said: str):
    """The answer of bot/answers/placed_applicants.py for applicants set up in different places, asked with no money of
    the user's; None otherwise."""
    from bot.answers import placed_applicants
    from bot.estimate.session import own_figures
    from bot.nlu.normalize import understand

    if any(f.kind == "money" for f in own_figures(english_to_chinese(normalize(said)))):
        return None
    return placed_applicants.answer(understand(said))


def estimate_each_applicant(dispatcher: CollectingDispatcher, tracker: Tracker):
    """「A公司…；B公司…两家各能拿多少」: each independent legal entity estimated on its own, with its own caps and its
    own total, never added to another's unless the user asks for their sum (「集团合计多少」: then the arithmetic sum of
    the separate totals, labelled as such), each with its own 第二条 verdict from what the message says of it; one its
    own 第二条 facts rule out is told so. Every applicant whose figures are complete is estimated; one that still needs
    a figure is asked for it, naming the applicant (the first such one's estimate then goes on with the answer). A
    total said of several entities (「两个子公司合计5000万」) is never estimated as one enterprise's: each one's own
    figures are asked. None when the message names fewer than two."""

    text = normalize(user_text(tracker))
    if _classifies_only(user_text(tracker)):
        return (
            None  # 「几个子公司：甲做…乙做… 各属于23个领域里哪个」: the catalog answers each business (classify_first)
        )
    parts = applicants.split(text)
    done = clear_session() + [SlotSet("estimate_pending", False), saved_inputs({})]
    # 「一家在荥阳注册 另一家在洛阳注册…能报吗」: applicants told apart by order only (第1家, 第2家), placed apart
    placed = _placed_apart(user_text(tracker)) if all(n.startswith("第") for n, _ in parts) else None
    if placed is not None:  # 「一家在荥阳注册 另一家在洛阳注册…能报吗」: each one's place and 第二条 verdict
        dispatcher.utter_message(text=placed.text)
        return done
    if not parts:
        combined = applicants.combined_figures(text)
        if not combined:
            return None
        dispatcher.utter_message(text=applicants.combined_reply(combined))
        return done
    names = "、".join(name.upper() for name, _ in parts)
    summed = applicants.asks_sum(text)
    noun, each_one = applicants.applicant_noun([name for name, _ in parts])
    intro = (
        f"您问的是{len(parts)}{noun}（{names}）。{each_one}各自申报，各项上限（含单个企业年度总额上限）按每家分别计算，"
        + ("您问的合计在最后按各家金额相加列出。" if summed else "各家的金额不相加。")
    )
    # the named companies are the applicants (「我们是园区运营方 园区里两家企业想问」): their clauses are theirs
    known = dict(earlier_facts(tracker) or {}, applicant_also_enterprise=True)
    each = [_one_applicant(name, words, known) for name, words in parts]
    totals = [(name, result) for name, kind, _, result in each if kind in ("estimated", "refused")]
    waiting = [(name, result) for name, kind, _, result in each if kind == "waiting"]
    figured = any(kind in ("estimated", "waiting") for _, kind, _, _ in each)
    if not any(block for _, _, block, _ in each):  # nothing read of any of them: each one's figures asked
        dispatcher.utter_message(
            text=intro
            + "请分别告诉我每家企业自己的数字（例如：A公司今年离岸多少美元、汇率多少；B公司参加展会的费用多少），"
            "我逐家为您测算。"
        )
        return done
    if not figured:  # 「两家分别问能不能申报」: no figures at all, each one's 第二条 verdict
        intro = f"您问的是{len(parts)}{noun}（{names}）。{each_one}各自申报，第二条的申报资格按每家自己的情况分别判断："
    dispatcher.utter_message(text=intro)
    for name, kind, block, _ in each:
        if kind == "verdict" and figured:
            block += (
                "\n" if block else ""
            ) + f"您没有给出{name.upper()}用于测算的数字（执行额、费用等），这里没有测算它的金额。"
        elif kind == "verdict" and not block:  # every applicant named gets a line, one said too little of as well
            block = _unsaid(name)
        if block:
            dispatcher.utter_message(text=f"【{name.upper()}】" + block)
    if not waiting:
        if summed:
            dispatcher.utter_message(text=applicants.sum_line(totals))
        return done
    first, session = waiting[0]
    later = "、".join(n.upper() for n, _ in waiting[1:])
    dispatcher.utter_message(
        text=f"请先回答{first.upper()}的问题，我接着算出{first.upper()}的金额"
        + (f"；{later}的数字之后请再单独告诉我（注明是哪家）" if later else "")
        + ("，合计等各家都算出后再相加" if summed else "")
        + "。"
    )
    session.notes.append(f"以上是{first.upper()}一家的测算，不与其他企业的金额相加")
    return save_session(session, tracker) + [saved_inputs({})]


def _one_applicant(name: str, words: str, known: dict) -> tuple:
    """(name, kind, its block's text without the label, its result): kind "refused" (its own 第二条 facts rule it
    out; result None), "estimated" (the calculator's result), "waiting" (a figure still missing or unclear, asked
    naming the applicant; its session), "verdict" (no figure to estimate: its 第二条 verdict alone, or "")."""
    facts = eligibility.facts_from(words)
    verdict = eligibility.summary(facts, placed=True, form_alone=True)
    if verdict.startswith("结论：不符合"):  # 「B是在洛阳注册的」「丙是个体户」: why, with the verdict
        outside = eligibility.outside_line(words)  # 「洛阳不在郑州市行政区域内。」
        why = eligibility.explain(words, facts)
        if outside:  # said once: the explanation may open with the same place line
            why = why.replace(outside, "", 1)
        why = "\n" + why if why else ""
        return name, "refused", verdict + outside + why, None
    session = EstimateSession.start(words, known=known)
    if not session.items:
        ruled_out = _clauses_ruled_out(words)  # 「乙学校还在申请认定没批下来，培训了30个」: 三（七）2 not met, said
        if ruled_out:
            return name, "refused", (verdict + "\n" if verdict else "") + ruled_out, None
        return name, "verdict", verdict, None
    head = verdict + "\n" if verdict else ""
    result = computed(session)
    if result is not None:
        return name, "estimated", head + estimate_reply(session, result), result
    return name, "waiting", head + f"{name.upper()}的测算还需要：" + session.question(), session


def _clauses_ruled_out(words: str) -> str:
    """The verdicts of the support clauses an applicant's own words rule out (its items then left out of the
    estimate), each with why; "" when none."""
    from bot.answers import qualify
    from bot.understand.facts import read_facts
    from knowledge import conditions as cond

    facts = read_facts(words)
    codes = qualify.stated_clauses(facts)
    verdicts = cond.evaluate_all(facts, codes) if codes else {}
    return "\n".join(qualify.verdict_text(v, verdicts) for v in verdicts.values() if v.status == cond.NOT_MET)


def _unsaid(name: str) -> str:
    """The line for an applicant the message says too little of to judge 第二条."""
    return (
        f"您没有说明{name.upper()}的企业形式和设立地，还不能判断：第二条的申报主体须是在郑州市行政区域内依法设立的"
        "独立法人企业，或在郑纳税的法人企业分支机构，并满足产权清晰、依法经营、依法纳税、财务管理规范，"
        "在商务部“服务外包业务管理和统计系统”中注册并及时填报。"
    )


def estimate_each_year(dispatcher: CollectingDispatcher, tracker: Tracker):
    """「今年在岸4,000万…如果明年做到5,500万、后年做到1亿，这两年的增量奖励各是多少」: each calendar year asked about
    estimated against the year before it, one block per year, never added up (each year is applied for on its own);
    a year that needs more figures is asked about, the years before it shown. None when the message asks about fewer
    than two years (year_chain.asked_years)."""
    text = user_text(tracker)
    whether = year_verdicts.answer(text, english_to_chinese(normalize(text)))
    if whether is not None:  # 「…哪年够格拿离岸奖励 先不用算钱」: each year's verdict, no amount and no rate asked
        dispatcher.utter_message(text=whether.text)
        return answer_events(whether)
    years = year_chain.asked_years(english_to_chinese(normalize(text)))
    if len(years) < 2:
        return None
    name = year_chain.name
    summed = year_chain.asks_sum(english_to_chinese(normalize(text)))
    norm = english_to_chinese(normalize(text))
    alone, founded = year_chain.each_alone(norm), year_chain.founded_year(norm)
    offshore = "3.2" in detect_items(norm)

    def basis(y: int) -> str:  # 「2021年新成立的」: its first year has no year before it
        return f"{name(y)}为设立首年，按纯增量" if y == founded else f"{name(y)}与{name(y - 1)}比"

    how = (
        ("每个年度按当年的离岸执行额和当年汇率单独测算" if offshore else "每个年度的费用单独测算，上限按年度分别计算")
        if alone
        else "每个年度与它的上一年度相比分别测算（" + "，".join(basis(y) for y in years) + "）"
    )
    dispatcher.utter_message(
        text=f"您问的是{len(years)}个年度（{'、'.join(name(y) for y in years)}）：{how}。各年度的奖励按年度分别申报"
        + ("，合计在最后列出。" if summed else "，金额不相加。")
    )
    totals = []
    for year in years:
        session = EstimateSession.start(text, known=earlier_facts(tracker), year=year)
        result = computed(session)
        if result is None or not session.items:
            dispatcher.utter_message(text=f"{name(year)}的测算还需要：" + session.question())
            return save_session(session, tracker) + [saved_inputs({})]
        first = f"【{name(year)}（设立首年）】" if year == founded else f"【{name(year)}（与{name(year - 1)}相比）】"
        title = f"【{name(year)}】" if alone else first
        dispatcher.utter_message(text=title + estimate_reply(session, result))
        totals.append((year, result["total_cny"]))
    if summed:
        dispatcher.utter_message(text=year_chain.sum_line(totals))
    return clear_session() + [SlotSet("estimate_pending", False), saved_inputs({})]


def estimate_each_scenario(dispatcher: CollectingDispatcher, tracker: Tracker):
    """「如果离岸做到150万美元和300万美元分别能拿多少」: each supposed value estimated on its own (bot/estimate/scenarios.py),
    one block per value, never added up; a value that needs more figures is asked about, the values before it shown.
    None when the message supposes one figure at fewer than two values."""
    cases = scenarios.split(normalize(user_text(tracker)))
    if not cases:
        return estimate_supposed_case(dispatcher, tracker)
    dispatcher.utter_message(
        text=f"您问的是{len(cases)}种情况（{'、'.join(value for _, value, _ in cases)}），下面分别测算；"
        "各情况是不同的假设，金额不相加。"
    )
    totals = []
    for label, value, words in cases:
        session = EstimateSession.start(words, known=earlier_facts(tracker), running=load_inputs(tracker))
        result = computed(session)
        if result is None or not session.items:
            dispatcher.utter_message(text=f"{label}（{value}）的测算还需要：" + session.question())
            return save_session(session, tracker) + [saved_inputs({})]
        dispatcher.utter_message(text=f"【{label}：{value}】" + estimate_reply(session, result))
        totals.append((f"{label}（{value}）", result["total_cny"]))
    if scenarios.asks_difference(normalize(user_text(tracker))) and (line := scenarios.difference_line(totals)):
        dispatcher.utter_message(text=line)  # 「…分别多少？差多少？」
    return clear_session() + [SlotSet("estimate_pending", False)]


def estimate_supposed_case(dispatcher: CollectingDispatcher, tracker: Tracker):
    """「…增量奖励多少？如果我们是2024年才成立的新企业 第一年做了4000万 又是多少」: the figures as told estimated, then
    the supposed case on a copy of them (bot/estimate/scenarios.py supposed_case), two blocks never added up; the
    facts' estimate stays the running one. None when either cannot be computed as it stands (the message is then
    read whole, as before)."""
    found = scenarios.supposed_case(normalize(user_text(tracker)))
    if found is None:
        return None
    facts_text, supposed = found
    first = EstimateSession.start(facts_text, known=earlier_facts(tracker), running=load_inputs(tracker))
    first_result = computed(first)
    if first_result is None or not first.items:
        return None
    second = EstimateSession(items=items_for_inputs(first.inputs), inputs=dict(first.inputs))
    second.last_keys, second.amending = list(first.inputs.keys()), True
    turn = second.handle(supposed, "correct_value")
    second_result = computed(second) if turn.understood else None
    if second_result is None or _figures_of(second.inputs) == _figures_of(first.inputs):
        return (
            None  # 「如果连续申请5年一共能拿多少」: only the period asked, no other figure — one estimate, read whole
        )
    if second.inputs.get("new_enterprise") and not first.inputs.get("new_enterprise"):
        # a new enterprise supposed has no previous year: its figures are not listed as used (三（一）纯增量)
        for key in ("previous_onshore_cny", "previous_offshore_usd", "previous_usd_cny_rate"):
            second.inputs.pop(key, None)
        second_result = computed(second) or second_result
    said = supposed.rstrip("？?。！!，, ")
    dispatcher.utter_message(
        text=f"您问的是两种情况：按您给的实际数字，以及假设“{said}”，下面分别测算；两种情况是不同的假设，金额不相加。"
    )
    dispatcher.utter_message(text="【情况一：按您给的数字】" + estimate_reply(first, first_result))
    lines = [m for m in turn.messages if m]
    dispatcher.utter_message(text="【情况二：假设的情况】" + "\n".join(lines + [estimate_reply(second, second_result)]))
    return clear_session() + [SlotSet("estimate_pending", False), saved_inputs(running_inputs(first.inputs))]


def _figures_of(inputs: dict) -> dict:
    """The calculator's inputs of a session, without the readers' own marks (「_rent_years_asked」: a period asked)."""
    return {k: v for k, v in inputs.items() if not k.startswith("_")}


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


def estimate_from_question(dispatcher, tracker, text=None):
    """A policy question that carries the user's own figures: estimate instead, or None.

    `text`: the parts of the message that the estimate reads, when not all of it (a question without
    figures beside it, 「另外CMMI的维护费也能补吗」, is answered on its own, not estimated)."""
    from calculator.figures_zh import parse_figures
    from knowledge import shapes

    events = supposed_awards(dispatcher, tracker)
    if events is not None:  # 「那假如增量和离岸两项都到了200万封顶呢」 after 三（三） from given awards
        return events
    text = text or user_text(tracker)
    figures = parse_figures(text)
    if shapes.search("asks_how_computed", text) and all(f.kind in ("year", "duration_years") for f in figures):
        return None  # 「公司去年新成立 头一年增量咋算」: how the clause computes, with no amount; the rule answers
    if figures and all(getattr(f, "bound", None) for f in figures):
        # "超过100万美元有奖励吗" quotes the rule, it gives no figure of the user's; but in
        # "引进了2家500强，运营一年多，能拿多少" the bounded "一年多" sits beside the user's "2家".
        return None
    running = load_inputs(tracker)
    session = EstimateSession.start(
        text, known=earlier_facts(tracker), running=running, topic=tracker.get_slot("topic_clause")
    )
    if not session.items and not running:  # the figures of the one clause the facts told before are about
        session = EstimateSession.sole_fit(text, known=earlier_facts(tracker)) or session
    note_other_company(session, tracker)
    # 「给骨干们做培训 总共花了30万 …能补多少」: a figure the estimate cannot take as it is (a group's total) is a
    # problem to answer, asking what it needs, never dropped for the clause's text alone
    if not session.items or not (calculator_inputs(session.inputs) or session.clarify or session.problems):
        return None
    if (
        session.extends
        and calculator_inputs(session.inputs) == calculator_inputs(running)
        and not session.clarify
        and set(session.items) == set(items_for_inputs(running))
    ):
        return None  # nothing added: a question about the policy, answered as such
    if session.status == "done":
        return finish(dispatcher, tracker, session)
    added = added_items(session, text, running)
    if added:  # 「CMMI那个也帮我加上」: the new item's questions, then everything summed
        return ask_added(dispatcher, tracker, session, added)
    for problem in session.problems:
        dispatcher.utter_message(text=problem)
    if not session.clarify:
        standard = clause_answer(session.items[0].rstrip("ab"), text)
        dispatcher.utter_message(text=standard.text.replace("告诉我具体数字，我可以帮您测算。", "").strip())
    else:
        standard = None
    dispatcher.utter_message(text="按您给的数字测算，还需要：" + session.question())
    return save_session(session, tracker) + (answer_events(standard) if standard else [])


def ask_added(dispatcher, tracker, session: EstimateSession, added: list):
    """An item added to the running estimate (「那再加上CMMI认证的 一共多少」) that still needs figures: say it is added
    and will be summed with the earlier items, then ask its first question; the session waits for the answer."""
    names = "、".join(explain.item_name(c) for c in added)
    dispatcher.utter_message(
        text=f"好的，把{names}加进来，和前面已测算的项目一起汇总（各项上限和单个企业年度总额上限照算）。"
    )
    for problem in session.problems:
        dispatcher.utter_message(text=problem)
    dispatcher.utter_message(text="还需要：" + session.question())
    return save_session(session, tracker) + [SlotSet("estimate_pending", False)]


def running_total(dispatcher, tracker):
    """Every figure of the conversation together, under the caps and the 500万 total; None when no estimate
    was made."""
    from calculator import CalculatorError, calculate

    inputs = load_inputs(tracker)
    if not inputs:
        return None
    try:
        inputs_now, waiting = without_waiting(calculator_inputs(inputs))
        result = calculate(inputs_now)
    except CalculatorError as err:
        dispatcher.utter_message(text=f"汇总时发现数字有问题：{explain.error_words(err)}。")
        return []
    waits = waiting_notes(waiting, inputs.get("year"))
    dispatcher.utter_message(text=explain.render(result, inputs, (), waits, title="汇总本次对话中的全部测算，"))
    note_estimate(tracker.sender_id, result.get("total_cny", 0))
    return []


def scope_confirmed(dispatcher, tracker):
    """「就这两场」「只有展位费 没有别的」 after an estimate: the user confirms that what was estimated is all; a short
    acknowledgement with the running estimate, never a new reading. None when no estimate was made or the message
    is not such a confirmation (routes.yml `scope_confirmation`)."""
    from knowledge import shapes

    text = normalize(user_text(tracker)).strip()
    if not text or not shapes.search("scope_confirmation", text) or not load_inputs(tracker):
        return None
    dispatcher.utter_message(text="好的，就按您说的这些测算，没有其他项。")
    return running_total(dispatcher, tracker)


def what_if_after_verdict(dispatcher, tracker):
    """「那如果明年实习生招到22个 合格的还是15个呢」 after a verdict with no estimate running: the supposed
    figures with the facts told before, estimated when they are complete; else None."""
    if not is_what_if(user_text(tracker)) or load_inputs(tracker):
        return None
    session = EstimateSession.start(
        user_text(tracker), known=earlier_facts(tracker), topic=tracker.get_slot("topic_clause")
    )
    if not session.items or session.status != "done" or session.clarify:
        session = supposed_on_the_last_message(tracker)
    if session is None or not session.items or session.status != "done" or session.clarify:
        return None
    return finish(dispatcher, tracker, session)


def supposed_on_the_last_message(tracker):
    """「如果我们把协议续签成两年的呢，其它条件不变」: the figures of the message the verdict answered, read
    again with the one supposed change; None when that message gave no figures to estimate."""
    said = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]
    if len(said) < 2:
        return None
    previous = EstimateSession.start(said[-2], topic=tracker.get_slot("topic_clause"))
    if not previous.items or not calculator_inputs(previous.inputs):
        return None
    session = EstimateSession(items=list(previous.items), inputs=dict(previous.inputs), facts=previous.facts)
    session.last_keys = list(previous.inputs)
    session.amending = True
    turn = session.handle(user_text(tracker), "correct_value")
    return session if turn.understood and session.inputs != previous.inputs else None


def supposed_awards(dispatcher, tracker):
    """「那假如增量和离岸两项都到了200万封顶呢」 after 三（三） was worked out from the awards the user gave: the
    awards supposed replace those given and 三（三） is recomputed; None for any other message."""
    from bot.estimate import stated_awards
    from bot.estimate.clauses.innovation import awards_given

    text = normalize(user_text(tracker))
    said = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"]
    if not is_what_if(text) or len(said) < 2:
        return None
    previous = EstimateSession.start(said[-2], known=earlier_facts(tracker))
    supposed = stated_awards.supposed(text)
    if "3.3" not in previous.items or not awards_given(previous.inputs) or not supposed:
        return None
    inputs = dict(previous.inputs, **{f"_award_{code}": value for code, value in supposed.items()})
    session = EstimateSession(items=["3.3"], inputs=inputs, facts=previous.facts)
    session.advance()
    return finish(dispatcher, tracker, session) if session.status == "done" and not session.clarify else None


ASKS = re.compile(r"[吗呢?？]|多少|怎么|什么|哪些|是否|能不能|可不可以|有没有|问一下|请问")


def answers_pending_question(dispatcher, tracker):
    """「统计了下：三个班一共103人…剩下87个都符合」 labelled nlu_fallback while the estimate asks a figure
    (estimate_state collecting): the message is read as the answer, as an inform is; None when it gives no figure
    of its own or the session does not take it."""
    from actions.estimate_store import pending_state
    from bot.estimate.session import own_figures

    pending = pending_state(tracker)
    text = user_text(tracker)
    if not (pending and pending.get("status") == "collecting") or not own_figures(text):
        return None
    if ASKS.search(text):  # 「入驻4年了。对了先问一下，境外参展每场最多补多少钱？」: a question is answered as one
        return None
    return _pending_answered(dispatcher, tracker, "inform")


def answer_beside_question(dispatcher, tracker):
    """「150万刀吧 另外问下技术先进型是一次性的吗」 labelled a question while an estimate's question is open outside the
    form (an item added to the running estimate, a question with figures): the answer is read, the side question
    answered, and the estimate goes on; None when the message is no answer with a question beside it."""
    from actions.estimate_store import pending_state
    from bot.estimate.side_questions import answer_and_question

    pending = pending_state(tracker)
    if not (pending and pending.get("status") == "collecting") or (tracker.active_loop or {}).get("name"):
        return None
    if answer_and_question(user_text(tracker), asked=True) is None:
        return None
    return _pending_answered(dispatcher, tracker, intent_of(tracker))


def _pending_answered(dispatcher, tracker, intent):
    """The open estimate's session moved on by the message (its side question answered); None when not understood."""
    from actions.estimate_store import pending_state, session_from_state
    from actions.forms import answer_side_question

    session = session_from_state(pending_state(tracker))
    turn = session.handle(user_text(tracker), intent)
    if not turn.understood or turn.interjection or turn.cancelled:
        return None
    for m in turn.messages:
        dispatcher.utter_message(text=m)
    answer_side_question(dispatcher, tracker, turn.question, session)
    if session.status == "done":
        return finish(dispatcher, tracker, session)
    dispatcher.utter_message(text=session.question())
    return save_session(session, tracker) + [SlotSet("estimate_pending", False)]


def amend_last_estimate(dispatcher, tracker, intent="correct_value"):
    """ "不对，CMMI是28万", 「那如果离岸是200万美元呢」: apply a figure to the conversation's estimate and
    recompute, or None. A supposed figure replaces the running one as a correction does."""
    events = supposed_awards(dispatcher, tracker)
    if events is not None:
        return events
    inputs = load_inputs(tracker)
    if is_what_if(user_text(tracker)):
        intent = "correct_value"
    # 「那如果明年呢 明年在岸做到1500万 再加上离岸120万美元…一共多少」: next year supposed against this year, never an
    # addition to this year's estimate (its 再加上/一共 join next year's own figures)
    next_year = has_business(inputs) and next_year_supposed(normalize(user_text(tracker))) is not None
    if not inputs or (
        not next_year
        and (
            (ADDS_TO_RUNNING.search(normalize(user_text(tracker))) and not replaces_a_count(user_text(tracker), inputs))
            or EstimateSession.start(user_text(tracker), running=inputs).extends
        )
    ):
        return None  # a message that adds to the estimate starts a session that extends it
    session = EstimateSession(items=items_for_inputs(inputs), inputs=dict(inputs))
    session.last_keys = list(inputs.keys())
    session.amending = True  # the figures of the estimate just made change; no item is added
    turn = session.handle(user_text(tracker), intent)
    if turn.understood and session.status == "collecting" and (session.inputs != inputs or session.clarify):
        # 「是130万欧元不是美元」: the corrected figure needs the user's conversion before recomputing;
        # 「如果明年在岸做到1600万呢」: next year's offshore amount is asked, not taken from this year;
        # 「汇率按7.0」 for an item that waited for it, last year's offshore still untold: the running
        # estimate's figures are kept and only what is still missing is asked
        for m in turn.messages:
            dispatcher.utter_message(text=m)
        dispatcher.utter_message(text=session.question())
        return save_session(session, tracker) + [SlotSet("estimate_pending", False)]
    if turn.understood and session.inputs == inputs and not getattr(session, "facts_changed", False):
        events = restated(dispatcher, session, user_text(tracker), inputs)
        if events is not None or not refines(user_text(tracker), inputs):
            return events
        # 「60人里…签了1年以上的有48个，另外12个签的是半年」 said again: the same part of the group, the estimate again
    if not (turn.understood and session.status == "done"):
        return None
    session.keep_named_items(user_text(tracker))
    for m in turn.messages:
        dispatcher.utter_message(text=m)
    return finish(dispatcher, tracker, session)


def has_business(inputs: dict) -> bool:
    """Whether the running estimate holds this year's business amounts (what a next year supposed is compared with)."""
    return any(k in inputs for k in ("onshore_cny", "offshore_usd"))


def restated(dispatcher, session: EstimateSession, text: str, inputs: dict):
    """「今年第一次认定」 after an estimate made on 新认定: the message restates what the estimate used; it is
    acknowledged, the estimate stands. None when the message says anything else."""
    from bot.estimate.session import QUESTION_SHAPE, describe_field, restated_fields

    keys = restated_fields(text, inputs, session.items)
    if not keys or QUESTION_SHAPE.search(normalize(text)):
        return None
    said = "、".join(describe_field(k, inputs[k]) for k in keys)
    dispatcher.utter_message(text=f"好的，{said}，与上面测算所用的一致，测算结果不变。")
    return [SlotSet("estimate_pending", False)]


def resume_pending_question(dispatcher, tracker, events: list) -> list:
    """「上面的数字都是准的，其他项目没有，企业资格条件都满足」 while an estimate's question is open outside the form
    (asked by estimate_from_question): the statement was answered, then the open question is asked again so the
    estimate goes on, as the form does after an aside. Only for a statement with no question and no figure of its
    own, and when the answer did not start another estimate. Returns no events (the session stays as saved)."""
    from actions.estimate_store import STATE_SLOT, pending_state, session_from_state
    from bot.estimate.session import own_figures
    from bot.understand.segment import asks_something

    state = pending_state(tracker)
    if not state or state.get("status") != "collecting" or (tracker.active_loop or {}).get("name"):
        return []
    if any(e.get("name") == STATE_SLOT for e in events or []):
        return []
    text = user_text(tracker)
    if asks_something(text) or own_figures(normalize(text)):
        return []
    question = session_from_state(state).question()
    if question:
        dispatcher.utter_message(text="——回到刚才的测算：")
        dispatcher.utter_message(text=question)
    return []
