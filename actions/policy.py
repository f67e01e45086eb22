"""Answers to policy questions, the human-contact answer, and the fallback."""

import re
from decimal import Decimal
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.after_report import fact_after_report
from actions.common import BOT_CAPABILITIES, BOT_IDENTITY, OUT_OF_SCOPE, REPHRASE, entities_of, intent_of, user_text
from actions.conversation import answer_events, compose_reply, earlier_facts, known_facts
from actions.estimate_store import has_running_estimate, load_inputs
from actions.estimating import (
    amend_last_estimate,
    answer_beside_question,
    answers_pending_question,
    amend_entry_first,
    estimate_each_applicant,
    estimate_each_scenario,
    estimate_each_year,
    estimate_from_question,
    resume_pending_question,
    running_total,
    scope_confirmed,
    what_if_after_verdict,
)
from actions.details import details_first, say
from bot.answers import compose, eligibility, qualify
from bot.answers.general import human_contact
from bot.estimate.reading import is_what_if
from bot.nlu.normalize import glossary_words, joined_hanzi, normalize, understand
from knowledge import shapes


def figures_first(dispatcher, tracker):
    """A message that corrects the last estimate or carries the user's own figures is an estimate."""
    from bot.answers import router
    from bot.estimate.session import changes_a_status, own_figures, removes_a_part, replaces_a_count

    text = user_text(tracker)
    corrects = (
        shapes.search("correction", text[:12])
        or shapes.search("replaces_figure", text)
        or changes_a_status(text, load_inputs(tracker))
        or replaces_a_count(text, load_inputs(tracker))
        or removes_a_part(text, load_inputs(tracker))
    )
    if (corrects or is_what_if(text)) and has_running_estimate(tracker):
        events = amend_last_estimate(dispatcher, tracker)
        if events is not None:
            return events
    if has_running_estimate(tracker) and breaks_down_one_platform(text, tracker):
        # 「硬件设备280万，正版软件60万，剩下160万是人工工资和房租」 after one platform's lump sum
        events = amend_last_estimate(dispatcher, tracker, "correct_value")
        if events is not None:
            return events
    if has_running_estimate(tracker) and takes_travel_out_of_a_fair(text, tracker):
        # 「那9万里面有2.6万是机票酒店」 after a fair of 9万: that fair recomputed without the travel part
        events = amend_last_estimate(dispatcher, tracker, "correct_value")
        if events is not None:
            return events
    adds = has_running_estimate(tracker) and adds_item(text)
    if adds:  # 「还有技术先进型服务企业资格也是今年新获得的 总共多少」: the running estimate grows
        events = estimate_from_question(dispatcher, tracker)
        if events is not None:
            return events
    parts = router.message_parts(understand(text))
    if len(parts) >= 2:
        asked = estimate_parts(parts) if own_figures(normalize(text)) else []
        if not asked:
            return None  # several questions, none asking to compute: answered part by part
        events = supposed_after_the_rest(dispatcher, tracker, parts, asked)
        if events is not None:
            return events
        events = estimate_from_question(dispatcher, tracker, estimate_text(text))
        return events if events is None else events + other_parts(dispatcher, tracker)
    if shapes.search("double_claim_outright", text) and shapes.search("claim_verbs", text) and not own_money(text):
        return None  # 「同一个展 区里和市里两边都能拿吗」: 第四条第（三）项 answers; a fair named is no estimate
    cap_only = (
        shapes.search("asks_limit", text)
        and not _computable_counts(normalize(text))
        and not _own_amounts(normalize(text))  # 「执行额干到1.5亿 按3%算是450万吗 好像有上限？」 computes
    )
    if (shapes.search("asks_amount", text) and not cap_only) or own_money(text) or adds:
        # a cap asked with nothing to compute from (「展会补贴 境内一场封顶多少」) is the clause's answer
        said = len(dispatcher.messages)
        events = open_detail_noted(dispatcher, said, text, estimate_from_question(dispatcher, tracker))
        # 「…how much offshore award? is it the whole amount or only the part above the threshold?」: a rule asked
        # inside the one part the estimate reads
        return events if events is None else events + other_parts(dispatcher, tracker)
    return None


def double_claim_first(dispatcher, tracker):
    """「省里也有展会补贴 能不能两边一起拿」 labelled as an estimate: a double claim said outright is answered by
    第四条第（三）项 (自行选择，不得重复申报), not with the item's estimate; None otherwise."""
    text = user_text(tracker)
    if own_money(text) or not (shapes.search("double_claim_outright", text) and shapes.search("claim_verbs", text)):
        return None
    answer = compose_reply(tracker, intent_of(tracker))
    if not answer.text or answer.clause != "4.3":
        return None
    say(dispatcher, answer)
    # the item asked about before stays the topic: 「那市里这个能补多少」 next is about it, not about 四（三）
    return [e for e in answer_events(answer) if e.get("name") != "topic_clause"]


def recurrence_first(dispatcher, tracker):
    """「2021年新认定的技先 那年已经领过10万了 今年还能再拿一次吗」「这个奖是每年都给还是只给一次」: whether an award of
    this policy comes again, from its clause's words (一次性 / 年度 / 期限), after the verdict on the facts stated;
    never an estimate of the item nor 第四条第（三）项's double claim (no other policy or funder named). None when the
    message asks no such question, or asks to compute with figures of its own beside it."""
    from bot.answers import recurrence, router
    from bot.estimate.session import own_figures

    text = user_text(tracker)
    read = understand(text)
    if not recurrence.asked(read) or recurrence.listed(read):
        return None
    parts = router.message_parts(read)
    if len(parts) >= 2 or recurrence.items_named(read) >= 2:
        return None  # several questions or items (「技先奖多少 只给一回吗 另外创新奖…」): answered part by part
    if own_money(text) and not recurrence.received(read):
        return None
    if shapes.search("asks_how_much", read) and any(f.kind in ("money", "area") for f in own_figures(normalize(text))):
        return None  # 「…租了1500平米 每平每月50块…能拿多少 明年还有没有」: the estimate, then whether it comes again
    facts, said = known_facts(tracker)
    answer = recurrence.with_facts(read, facts, said, tracker.get_slot("topic_clause"))
    if answer is None:
        return None
    say(dispatcher, answer)
    return answer_events(answer)


def open_detail_noted(dispatcher, said: int, text: str, events):
    """An estimate of a message that also asks a detail the policy leaves open (「发票是含增值税的 一共3万 能按3万算吗」)
    starts by saying the policy does not settle it (bot/answers/unspecified.py), then estimates the amount as given."""
    from bot.answers import unspecified

    note = unspecified.beside_estimate(understand(text)) if events is not None else None
    if note:
        dispatcher.messages.insert(said, {"text": note})
    return events


def classify_first(dispatcher, tracker):
    """「两块业务 一是做产品注册和国际认证 二是做第三方检验 分别归哪」 taken for an estimate: a question where
    businesses belong, with no money of the user's and nothing asked to compute, is the catalog's (the
    认证 of a business is not a certification cost)."""
    from bot.answers import router

    t = understand(user_text(tracker))
    if own_money(user_text(tracker)) or shapes.search("asks_amount", t) or not router.is_classify_question(None, t):
        return None
    answer = compose_reply(tracker, None)
    if not answer.text or (answer.domain is None and answer.clause != "annex"):
        return None  # not placed in the catalog after all: the estimate goes on
    say(dispatcher, answer)
    return answer_events(answer)


def stated_awards_first(dispatcher, tracker):
    """Awards the user already knows, asked about together (「增量奖励200万 离岸奖励200万 平台补贴200万
    加起来能拿600万吗」): each against its ceiling and the 500万 total, before any verdict or estimate."""
    from bot.estimate import stated_awards

    if tracker.get_slot("topic_clause") == "3.3" and stated_awards.innovation_base(normalize(user_text(tracker))):
        return None  # after 三（三） was talked about, the awards stated are its base: the estimate computes it
    if (
        tracker.get_slot("topic_clause") == "3.3"
        and is_what_if(user_text(tracker))
        and {s.code for s in stated_awards.read(normalize(user_text(tracker)))} <= {"3.1", "3.2"}
    ):
        return None  # 「那要是增量跟离岸两项都拿到150万呢」 after 三（三）: the awards supposed recompute it
    text = stated_awards.answer(normalize(user_text(tracker)))
    if text is None and glossary_words(user_text(tracker)):
        # 「growth award 200万, offshore award 200万 … can we get all of it」: the awards named in English, read in
        # the policy's words (「增量 奖励」 joined into 增量奖励)
        text = stated_awards.answer(joined_hanzi(understand(user_text(tracker))))
    if text is None:  # 「再加上技先认定的10万 一共多少」 after such a check: the awards checked and this one
        said = [normalize(e.get("text") or "") for e in tracker.events if e.get("event") == "user"]
        text = stated_awards.answer_added(said[-4:-1], normalize(user_text(tracker))) if len(said) > 1 else None
    if text is None:
        return None
    dispatcher.utter_message(text=text)
    # 「…创新奖励能拿多少 还有就是研发投入只涨了一年 会不会影响」: the message's other questions after the check
    return other_parts(dispatcher, tracker)


def unpriced_first(dispatcher, tracker):
    """「政府购买服务一般给多少钱一个项目」: a clause that names no amount is answered as such, not
    estimated with a neighbouring clause's figures."""
    from bot.answers import router
    from bot.answers.subsidies import clause_answer
    from knowledge import query
    from knowledge.figures import figures

    t = understand(user_text(tracker))
    if not shapes.search("asks_amount", t):
        return None  # 「…能走政府购买服务那条吗」 asks whether, answered by the verdict
    if len(router.message_parts(t)) >= 2:
        return None  # 「政府购买服务是咋回事 另外…每培训一个人能拿多少」: every part gets its own answer
    hits = query.search(t, limit=2)
    if not hits or hits[0]["kind"] != "clause" or hits[0]["score"] < router.STRONG_SCORE:
        return None
    code = hits[0]["key"]
    if (
        not code.startswith("3.")
        or figures(code)
        or query.clause(code).get("children")
        or own_money(user_text(tracker))
    ):
        return None
    answer = clause_answer(code, t)
    say(dispatcher, answer)
    return answer_events(answer)


def breaks_down_one_platform(text: str, tracker) -> bool:
    """The message splits the one platform of the running estimate into its purchase costs."""
    from actions.estimate_store import load_inputs
    from bot.estimate.session import own_figures

    platforms = load_inputs(tracker).get("platforms") or []
    norm = normalize(text)
    money = [f for f in own_figures(norm) if f.kind == "money"]
    # 「760万里面有180万是人工和房租 剩下580万都是服务器和软件」: the platform named again by its own total
    names_its_total = len(platforms) == 1 and any(
        f.currency in (None, "CNY") and f.value == Decimal(str(platforms[0]["cost_cny"])) for f in money
    )
    return (
        len(platforms) == 1
        and ("平台" not in norm or names_its_total)
        and bool(shapes.search("platform_purchase", norm))
        and len(money) >= 2
    )


def takes_travel_out_of_a_fair(text: str, tracker) -> bool:
    """The message says a part of a fair of the running estimate is travel, meals … (not paid for)."""
    from actions.estimate_store import load_inputs
    from bot.estimate.clauses.market_fairs import take_out

    fairs = load_inputs(tracker).get("fairs") or []
    return bool(fairs) and take_out(fairs, normalize(text)) is not None


def estimate_parts(parts: list) -> list:
    """The question parts that ask to compute an amount (「花了十万能补多少」), not for a clause's cap or
    rate (「最多能拿多少」「比例多少」), which the policy answers as such, nor whether it can still be had
    (「离岸那块还能拿吗（今年离岸还有150万美元）」), which the verdict answers."""
    asked = [p for p in parts if _asks_own_amount(p) and not _whether_only(p, " ".join(parts))]
    if not asked:  # 「一共25个人 每人培训费4万… 这个培训补贴今年最多能拿多少钱」: the most the figures told before give
        asked = [p for i, p in enumerate(parts) if i and _most_of_figures_before(p, parts[:i])]
    # 「…62个 能拿多少钱 另外我们自己员工去读在职MBA的学费能补吗」: beside a part with the figures, a «can it be
    # subsidised» part with no figure of its own asks whether, and is answered after the estimate
    figureless = [p for p in asked if _whether_without_figures(p) or _unpriced_clause_asked(p)]
    return [p for p in asked if p not in figureless] if len(figureless) < len(asked) else asked


def _unpriced_clause_asked(part: str) -> bool:
    """「另外政府购买服务的那个培训项目能给多少钱」: a part asking the amount of a clause that names none (三（七）1),
    with no money of its own; answered as such after the estimate, never estimated."""
    from bot.answers import router
    from knowledge import query
    from knowledge.figures import figures

    if own_money(part):
        return False
    hits = query.search(understand(part), limit=1)
    if not hits or hits[0]["kind"] != "clause" or hits[0]["score"] < router.STRONG_SCORE:
        return False
    code = hits[0]["key"]
    return code.startswith("3.") and not figures(code) and not query.clause(code).get("children")


def _most_of_figures_before(part: str, before: list) -> bool:
    """「这个培训补贴今年最多能拿多少钱」 after parts giving the user's own money figures: asks the most this item gives
    for those figures (the estimate, held to the caps), never the caps alone; only when the part points back at the
    item (这个/这项…补贴) or names the very item those figures compute (「…96人签了一年期合同…。定额培训支持最多能拿
    多少」), has no figure of its own, and the figures before are enough to compute."""
    from bot.estimate.items import detect_items
    from bot.estimate.session import EstimateSession, own_figures

    said = " ".join(before)
    if not shapes.search("asks_amount", part) or own_figures(normalize(part)):
        return False
    if shapes.search("points_back_to_item", part):
        return _own_amounts(normalize(said)) and EstimateSession.start(said).status == "done"
    named = set(detect_items(part))
    if not named or not (_own_amounts(normalize(said)) or _computable_counts(normalize(said))):
        return False
    session = EstimateSession.start(said)
    return session.status == "done" and named <= {i["code"] for i in session.compute()["items"]}


def _whether_without_figures(part: str) -> bool:
    """「另外我们自己员工去读在职MBA的学费能补吗」: asks whether (能补吗), not how much, and gives no figure."""
    from bot.estimate.session import own_figures

    stripped = shapes.pattern("asks_whether").sub("", part)
    norm = normalize(part)
    return (
        bool(shapes.search("asks_whether", part))
        and not shapes.search("asks_amount", stripped)
        and not [f for f in own_figures(norm) if not _counts_names_before(norm, f)]
    )


def _counts_names_before(text: str, f) -> bool:
    """「CMMI ITSS PCMM 还有ISO27001 四个都能补吗」: a count that only counts the certificates named before it is no
    figure of the user's to compute with."""
    from bot.estimate.reading import CERT_NAME

    if f.kind != "count" or f.value is None or f.value < 2:
        return False
    names = {m.group(0).replace(" ", "").lower() for m in CERT_NAME.finditer(text[: f.start])}
    return len(names) == f.value


def _asks_own_amount(part: str) -> bool:
    """The part asks for an amount in a clause of its own, not (only) for the cap: 「能补多少 最多能补到多少」 asks
    both (the estimate, which holds the amount to its cap), 「最多能补多少」 the cap alone."""
    from bot.understand.segment import clauses

    if not shapes.search("asks_amount", part):
        return False
    if not shapes.search("asks_limit", part) or shapes.search("best_of_own", part):
        return True  # 「按最划算的三个报 最多能拿多少」: the most of the user's own figures, an estimate
    if any(shapes.search("asks_amount", c) and not shapes.search("asks_limit", c) for c in clauses(part)):
        return True
    return _computes_to_cap(part)


def _computes_to_cap(part: str) -> bool:
    """「三个认证每个花50万 平台采购800万…每项都按上限算最多多少」: the most asked of the part's own amounts is the
    estimate held to each cap (as a message of one question: figures_first's cap_only), not the clauses' caps."""
    from bot.estimate.session import EstimateSession

    norm = normalize(part)
    return _own_amounts(norm) and EstimateSession.start(part).status == "done"


def _whether_only(part: str, whole: str) -> bool:
    """「离岸那块还能拿吗（今年离岸还有150万美元）」: asks whether an award can still be had, and its figures
    (the message's) leave the estimate asking for more (a rate): the verdict answers now; 「交了8万的维护费 也能补吗」,
    whose figures give the amount, is estimated."""
    from bot.estimate.session import EstimateSession

    stripped = shapes.pattern("asks_whether").sub("", part)
    if shapes.search("asks_amount", stripped) or not shapes.search("asks_whether", part):
        return False
    if _another_item_without_figures(part, whole):
        return True  # 「…62个 能拿多少钱 另外员工读在职MBA的学费能补吗」: MBA's item is asked whether, not computed
    return EstimateSession.start(whole).status != "done"


def _another_item_without_figures(part: str, whole: str) -> bool:
    """A part with no figure of its own that names only items the rest of the message does not name."""
    from bot.estimate.items import detect_items
    from bot.estimate.session import own_figures

    from bot.understand.facts import read_facts
    from knowledge import conditions

    norm = normalize(part)
    if own_figures(norm):
        return False
    stated = set(read_facts(norm)) - {"applicant_type", "entity_type"}  # (学历教育 → 三（七）3's fact)
    codes = [c for c in conditions.clause_codes() if c.startswith("3")]
    named = set(detect_items(norm)) | {c for c in codes if stated & set(conditions.facts_of(c))}
    rest = normalize(whole).replace(norm, " ")
    return bool(named) and not named & set(detect_items(rest))


def estimate_text(text: str):
    """The message as an estimate reads it, or None for all of it: a yes/no question with no figure of its
    own (「…能补多少 另外CMMI的维护费也能补吗」) that would leave the estimate asking for a figure is
    answered after it instead, not estimated with nothing to compute from."""
    from bot.answers import router
    from bot.estimate import other_subject
    from bot.estimate.session import EstimateSession

    from bot.estimate.session import own_figures

    parts = router.message_parts(understand(text))
    asked = estimate_parts(parts)
    if len(parts) < 2 or not asked:
        return None
    yes_no = _yes_no_parts(parts)
    how = _how_parts(parts)
    # another entity's part (「另外我们还有个分校区 没经过认定…」): its facts are never the estimate's
    about = [p for p in _policy_parts(parts) if p not in yes_no + how]
    about += [p for p in other_subject.set_aside(parts, asked) if p not in how + about]
    about += [p for p in _supposed_parts(parts, asked) if p not in how + about]
    about += [p for p in _other_case_parts(yes_no, asked) if p not in how + about]
    side = list(dict.fromkeys(yes_no + how + about))
    own = how or about  # parts that are never the estimate's, whether or not it can finish without them
    if not side or len(side) == len(parts) or (not own and EstimateSession.start(text).status == "done"):
        return None
    if not [p for p in asked if p not in side]:
        return None
    from bot.understand.segment import clauses, is_question

    trimmed = understand(text)
    for part in side:
        for clause in clauses(part):
            if part in how and part not in about and not is_question(clause):
                continue  # 「今年新成立的 今年第一年 增量奖励怎么算」: the statements before how it is computed are the estimate's
            # never a piece of a number (a side part's 「2」 is no figure to cut out of 「200万美元」)
            # (the guards only where the clause itself starts or ends with a digit: 「…cmmi5级,」 is cut whole)
            before = r"(?<![\d.])" if clause[:1].isdigit() else ""
            after = r"(?![\d.,万千百亿%])" if clause[-1:].isdigit() else ""
            alone = rf"{before}{re.escape(clause)}{after}"
            trimmed = re.sub(alone, "", trimmed, count=1)
    trimmed = trimmed.strip()
    if not trimmed or not own_figures(normalize(trimmed)):
        return None
    return trimmed if own or EstimateSession.start(trimmed).status == "done" else None


def _other_case_parts(yes_no: list, asked: list) -> list:
    """The yes/no parts whose own facts rule out an item the figures' parts ask about, which those parts' facts do not
    (「…费用分别2万 4万 10万 能补多少？MBA学费能不能报？」: the MBA is another training, 学历教育): another case,
    answered on its own, its facts never the estimate's."""
    from bot.estimate.items import detect_items
    from bot.understand.facts import read_facts
    from knowledge import conditions

    figures_parts = [p for p in asked if p not in yes_no]
    if not figures_parts:
        return []
    said = normalize(" ".join(figures_parts))
    codes = sorted(set(detect_items(said)) & set(conditions.clause_codes()))
    if not codes:
        return []
    own = read_facts(said)
    open_now = [c for c, v in conditions.evaluate_all(own, codes).items() if v.status != conditions.NOT_MET]
    out = []
    for part in yes_no:
        theirs = read_facts(normalize(part))
        if not theirs or not open_now:
            continue
        together = conditions.evaluate_all({**own, **theirs}, open_now)
        if any(together[c].status == conditions.NOT_MET for c in open_now):
            out.append(part)
    return out


def _supposed_parts(parts: list, asked: list) -> list:
    """「…有18个 1 能补多少？2 假如当初协议只签了1年呢？」: a later part that supposes another case (a what-if opener
    after its number) is no fact of the estimate's: answered on its own after it. A part supposing another amount,
    rate or count (「如果汇率按7.0呢」) is left to the estimate."""
    from bot.estimate.reading import is_what_if
    from bot.estimate.session import own_figures

    out = []
    for i, p in enumerate(parts):
        norm = re.sub(r"^\s*[(（]?\d{1,2}\s*[)）、.．:：]?\s*", "", normalize(p))
        if i == 0 or p in asked or not is_what_if(norm):
            continue
        if not [f for f in own_figures(norm) if f.kind in ("money", "rate", "count")]:
            out.append(p)
    return out


def _policy_parts(parts: list) -> list:
    """「…80万美元能拿离岸奖励不 三是技术先进型那个10万是每年都给吗」「1算哪个领域」: questions about the policy or the
    catalog that ask nothing to compute, give the estimate nothing to read (a figure of the policy they quote is
    not the user's) and name no item the estimate is about (「ITSS前几年就拿到了 今年维护费8万 能补吗」: ITSS is
    the estimate's): answered after the estimate; the item they name is not estimated."""
    from bot.estimate.items import detect_items
    from bot.estimate.session import EstimateSession, calculator_inputs, own_figures

    asked = estimate_parts(parts)
    estimated = {c for p in asked for c in detect_items(normalize(p))}
    return [
        p
        for p in parts
        if p not in asked
        and not calculator_inputs(EstimateSession.start(p).inputs)
        and not set(detect_items(normalize(p))) & estimated
        # 「还有一个境外的还没去 预算10万 到时候最多能补多少」: a part naming no item but with money of its own is
        # the estimate's item again, never a policy question
        and (detect_items(normalize(p)) or not [f for f in own_figures(p) if f.kind == "money"])
    ]


def _yes_no_parts(parts: list) -> list:
    """The yes/no questions without a figure of their own (「另外CMMI的维护费也能补吗」)."""
    from bot.estimate.session import own_figures

    return [
        p
        for p in parts
        if not own_figures(normalize(p)) and qualify.is_shape("qualify", p) and not shapes.search("asks_how_much", p)
    ]


def _figured_whether(parts: list) -> bool:
    """A yes/no question about an item that carries money figures of its own (「当年执行额0.3个亿 没有上年数据 那增量奖励是
    不是就没有了？」)."""
    return any(own_money(p) and qualify.is_shape("qualify", p) for p in parts)


def _how_parts(parts: list) -> list:
    """「…180万美元能拿多少离岸奖 然后那个创新奖是怎么算的」: questions how a clause works, with no figure of
    their own: answered after the estimate with the rule; their item is not estimated."""
    from bot.estimate.session import own_figures

    # 「顺便问下超过100万美元之后是按全部金额算还是只算超过的那部分」: the policy's threshold quoted, the rule asked
    how = ("asks_how_computed", "whole_or_excess")
    return [p for p in parts if not own_figures(normalize(p)) and any(shapes.search(h, p) for h in how)]


def _estimated_topic(asked: list):
    """The one support item the message's estimate is about (「CMMI5…ITSS…一共能补多少？一年最多能报几个项目」 → 3.6):
    the subject of its other questions, before any earlier topic; None for several items or none."""
    from bot.estimate.items import detect_items
    from bot.estimate.session import EstimateSession

    said = " ".join(asked)
    # 「离岸今年做了200万美元…能拿多少」 names no item: the one its figures are for
    codes = detect_items(said) or EstimateSession.start(said).items
    items = list(dict.fromkeys(c.rstrip("ab") for c in codes))
    return items[0] if len(items) == 1 else None


def _rule_clauses(asked: list) -> list:
    """「离岸今年210万美元 汇率7.1 能拿多少 是全额算还是只算超过100万的部分」: a rule question inside the estimate's own
    part (whole amount or only the part over the threshold), which the estimate's arithmetic does not answer."""
    from bot.understand.segment import clauses

    return [c for p in asked for c in clauses(p) if shapes.search("whole_or_excess", c)]


def other_parts(dispatcher, tracker) -> list:
    """After an estimate, the message's other questions (「…能补多少？注册费算在里面吗？」), answered
    part by part; the events of their answers."""
    from bot.answers import router

    parts = router.message_parts(understand(user_text(tracker)))
    yes_no = _yes_no_parts(parts) if len(parts) >= 2 else []
    side = yes_no + (_how_parts(parts) if len(parts) >= 2 else [])
    asked = [p for p in estimate_parts(parts) if p not in side] or estimate_parts(parts)
    # 「另外还打算新做ITSS PCMM SAS70 CCRC 一共5个资质 是不是都能补」: more certifications than 三（六） supports a
    # year, asked whether all can be: a question of its own (the count), not more figures of the estimate
    from bot.answers import general

    counted = [p for p in asked if general.many_certs_answer(p) is not None]
    asked = [p for p in asked if p not in counted] or asked
    others = [p for p in parts if p not in asked]
    # 「今年离岸大概一百八十万美金左右吧」: a figure told with a hedge, read by the estimate, asks nothing of its own
    others = [p for p in others if not shapes.search("hedged_statement", normalize(p))]
    others += _rule_clauses(asked)
    if not asked or not others:
        return []
    from bot.understand.inherit import with_context

    others = [with_context(p, parts) for p in others]  # 「这个业务属于哪个领域」: the business described before it
    estimated = _estimated_topic(asked)
    topic = estimated or tracker.get_slot("topic_clause")
    from bot.answers.estimated_item import with_estimated_item

    # 「…硬件1200万 软件300万 哪些费用能补 按多少比例 最多能补多少钱」: a rate or ceiling asked with no item, clause
    # or whole of its own is the estimated item's, never the clause whose words the search finds (三（二）'s 按…比例)
    others = [with_estimated_item(p, estimated) for p in others]
    if len(others) == 1:  # one question left (「离岸那块能不能按10%拿」): its verdict on the facts stated too
        facts = known_facts(tracker)[0]
        rest = router.answer_part(
            None,
            others[0],
            entities_of(tracker),
            topic,
            tracker.get_slot("topic_domain"),
            router.operator_as_enterprise(others[0], facts) or facts,  # the park's operator asks as an enterprise
        )
    else:  # the questions as the message split them (「1算哪个领域 … 3这个奖励上限多少」), each answered on its own
        args = (entities_of(tracker), topic, tracker.get_slot("topic_domain"), known_facts(tracker)[0])
        rest = router.compose_parts(others, *args, said=user_text(tracker)) or compose(
            None, "？".join(others) + "？", *args
        )
    if not rest.text:
        return []
    from bot.answers.estimated_item import part_verdict

    text = part_verdict(rest.text, estimated)  # 「MBA能不能算」: the part's verdict, not the enterprise's
    # the figures were given: the clause's offer to estimate is not repeated (「补贴总额最多多少」 after 三（七）4)
    dispatcher.utter_message(text="另外，" + text.replace("告诉我具体数字，我可以帮您测算。", "").strip())
    return [e for e in answer_events(rest) if e.get("name") != "topic_clause"]


def adds_item(text: str) -> bool:
    """ "还有技术先进型服务企业资格也是今年新获得的": an item added to the running estimate."""
    from bot.estimate.items import detect_items
    from bot.estimate.session import ADDS_TO_RUNNING

    norm = normalize(text)
    return bool(ADDS_TO_RUNNING.search(norm) and detect_items(norm))


def _batch_left_out(text: str, running: dict, tracker) -> bool:
    """Whether the message adds a batch to the running estimate whose own words fail the item (failing_batch.py)."""
    from bot.estimate.session import EstimateSession

    return bool(
        getattr(EstimateSession.start(text, known=earlier_facts(tracker), running=running), "batch_left_out", 0)
    )


def own_money(text: str) -> bool:
    """Whether the message gives a money figure of the user's own: an amount spent or earned
    ("维护费12万", "离岸执行额280万美元"), not a figure quoted from the policy ("技术先进型那10万")."""
    from bot.estimate.session import own_figures

    from bot.estimate.tables import read_labelled_rows
    from bot.estimate.understand import english_to_chinese

    # 「职位 | 学历 | 人数 | 每人培训费」 over 「项目经理 | 本科 | 5 | 4万」: each cell's figure after its column's name
    norm = english_to_chinese(read_labelled_rows(normalize(text)))
    return any(
        f.kind == "money" and (f.currency or shapes.search("own_amount_before", norm[max(0, f.start - 8) : f.start]))
        for f in own_figures(norm)
    )


def _own_amounts(text: str) -> bool:
    """Whether the message gives money figures of the user's own (not the policy's): there is something to compute."""
    from bot.estimate.session import own_figures

    return any(f.kind == "money" for f in own_figures(text))


def _computable_counts(text: str) -> bool:
    """Headcounts the estimate computes from on their own (「今年有12个应届毕业生…能补多少」, 「培训了80个学员」);
    「一个人多少」 asks the rate per head, not an estimate for one person."""
    from bot.estimate.session import EstimateSession, own_figures

    counts = [f for f in own_figures(text) if f.kind == "count" and f.value > 1]
    return bool(counts) and EstimateSession.start(text).status == "done"


def topic_answer_first(dispatcher, tracker):
    """A short answer naming no subject, right after a clause was talked about (「不是新认定的」「今年是复审通过」 after
    三（四））: the clause's verdict on it (bot/understand/bare_answers.py); None when it states none of the clause's
    facts, or an estimate's question waits for it (the estimate reads it)."""
    from bot.understand.bare_answers import clause_facts_in_topic

    topic = tracker.get_slot("topic_clause")
    if not topic or tracker.get_slot("estimate_pending"):
        return None
    said = clause_facts_in_topic(user_text(tracker), topic)
    if not said:
        return None
    facts, _ = known_facts(tracker)
    answer = qualify.verdict_answer([topic], facts, normalize(user_text(tracker)))
    say(dispatcher, answer)
    return answer_events(answer)


def verdict_first(dispatcher, tracker):
    """A "does this count / what can we get" question answered from the stated facts, or None."""
    from bot.estimate.session import own_figures

    from bot.answers import router

    from bot.estimate.session import changes_a_status, removes_a_part

    text = normalize(user_text(tracker))
    running = load_inputs(tracker) if has_running_estimate(tracker) else None
    if running and (removes_a_part(user_text(tracker), running) or changes_a_status(user_text(tracker), running)):
        return None  # 「哦对了 其中3个其实只是大专学历 那剩下的能补多少」: the estimate just made is amended, not judged whole
    if has_running_estimate(tracker) and (adds_item(user_text(tracker)) or is_what_if(user_text(tracker))):
        # 「再加上PCMM 50万和CCRC 8万呢 一年最多能补多少」: the running estimate grows; 「要是离岸只有100万美元整呢
        # 其他不变」: it is recomputed with the supposed figure (figures_first), every award, not one verdict
        return None
    if running and _batch_left_out(user_text(tracker), running, tracker):
        return (
            None  # 「还有4个部门经理在读EMBA…加上一共能拿多少」: the batch's condition is its own, the estimate goes on
        )
    money = [f for f in own_figures(text) if f.kind == "money"]
    parts = router.message_parts(understand(user_text(tracker)))
    if len(parts) >= 2:
        yes_no = _yes_no_parts(parts)  # 「…这算超过100万美元了吧 离岸奖励能拿不」 asks whether, not how much
        asked = [p for p in estimate_parts(parts) if p not in yes_no]
        # (the counts as the estimate reads them: a part supposing another case, 「假如协议只签了1年呢」, left out)
        counts = asked and (_computable_counts(text) or _computable_counts(normalize(estimate_text(text) or text)))
        if (money or counts) and asked and not _asked_items_ruled_out(tracker, asked, parts):
            # a supposed case with figures of its own after a verdict (「刚好100万美元 能拿吗？要是做到100.5万…」)
            return supposed_after_the_rest(dispatcher, tracker, parts, estimate_parts(parts))
            # else several questions, one asking to compute with the figures: figures_first
        # several questions: each part gets its own verdict or answer
        answer = compose_reply(tracker, intent_of(tracker))
        if not answer.text:
            return None
        say(dispatcher, answer)
        events = answer_events(answer)
        if money and _figured_whether(parts) and complete_estimate(user_text(tracker)):
            # 「2021年新成立的 当年执行额0.3个亿…增量奖励是不是就没有了？还有…技术先进型…这个有钱吗」: a question about
            # an item that carries its figures: the verdicts, then the amount those figures give
            estimate = estimate_from_question(dispatcher, tracker)
            events += [e for e in estimate or [] if e.get("name") != "topic_clause"]
        return events
    facts, said = known_facts(tracker)
    if own_money(user_text(tracker)):
        # the user's own figures, read without doubt: the calculator decides what it computes from them
        # (growth at each year's rate); figures still to be clarified leave the words to decide
        from bot.estimate.session import EstimateSession, calculator_inputs
        from knowledge.conditions import computed_facts

        est = EstimateSession.start(user_text(tracker))
        computed = set() if est.clarify else computed_facts(calculator_inputs(est.inputs))
        facts = {k: v for k, v in facts.items() if k not in computed}
        said = {k: v for k, v in said.items() if k not in computed}
    answer = qualify.answer(text, facts, said)
    if answer is None or answer.verdict == "noted":
        # a self-description right after who may apply answers that question; one that rules out the clause just
        # talked about (「我们2018年就拿到技术先进型资格了 不是今年新认定的」 after 三（四）) gets its verdict
        answer = statement_verdict(tracker, facts, said) or answer
    on_second = answer is None or (answer.clause == "2" and answer.verdict != "not_met")
    read = understand(user_text(tracker))  # the English glossary too: 「tax paid in Shanghai HQ」 is 税交在…
    if on_second and not own_money(user_text(tracker)) and eligibility.asks_about_applicant(read):
        answer = eligibility.answer_with_business(read)  # the applicant against 第二条, not an estimate
    if answer is None:
        return None
    answer = router.with_place(read, answer)  # 「新郑的算不算在郑州 能不能申报」: the place is said to be in Zhengzhou
    if answer.verdict == "noted" and complete_estimate(user_text(tracker)):
        # 「已认定的培训机构 今年培训了45个大专以上的学员 考核都过了 也都签了一年以上劳动合同」: the amount they give
        events = estimate_from_question(dispatcher, tracker)
        if events is not None:
            return events
    if (
        own_money(user_text(tracker))
        and answer.verdict != "not_met"
        and not qualify.is_shape("whatcan", text)
        and not qualify.is_shape("qualify", text)
    ):
        return None  # the user's own amounts, nothing ruled out and no yes/no question: the estimate answers
    say(dispatcher, answer)
    events = answer_events(answer)
    if own_money(user_text(tracker)) and (answer.verdict != "not_met" or money):
        # the user's own amounts are estimated too: a ruled-out item counts 0 with its reason, the others
        # (「还参加了深圳的一个展 展位费2.5万」) are computed
        estimate = estimate_from_question(dispatcher, tracker)
        events += [e for e in estimate or [] if e.get("name") != "topic_clause"]
    elif (
        answer.verdict == "met" or answer.verdict != "not_met" and asks_amount(user_text(tracker))
    ) and complete_estimate(user_text(tracker)):
        # 「30个大专应届生实习…算不算 奖励金额多少」: the verdict, then the amount its counts give
        estimate = estimate_from_question(dispatcher, tracker)
        events += [e for e in estimate or [] if e.get("name") != "topic_clause"]
    return events


def _asked_items_ruled_out(tracker, asked: list, parts: list = ()) -> bool:
    """Whether every support item the estimate parts ask about is ruled out by a condition the stated facts fail
    (「刚好1,000,000美元 能拿10%吗」 against 超过100万美元): the verdict answers, no estimate (nor its rate) is needed.
    Never when a part is about another subject (「另外还有个分校…没经过认定」): its facts are not the estimate's."""
    from bot.estimate import other_subject
    from bot.estimate.items import detect_items
    from knowledge import conditions

    if parts and other_subject.set_aside(list(parts), asked):
        return False
    if any(_supposes_own_figures(p, list(parts)) for p in asked):
        return False  # 「…刚好100万美元整 能拿吗？要是做到100.5万美元 中间价按7.1 能拿多少」: the supposed case is computed

    facts, _ = known_facts(tracker)
    others = [p for p in parts if p not in asked]
    if others:
        # 「…费用分别2万 4万 10万 能补多少？MBA学费能不能报？」: a fact only another part states (学历教育 of the MBA)
        # is that part's, not the estimate's
        from bot.understand.facts import read_facts

        own = read_facts(" ".join(asked))
        facts = {k: v for k, v in facts.items() if k in own or k not in read_facts(" ".join(others))}
    # only when a part supposing another case is set aside (「假如只签了1年呢」) are the facts those the estimate reads
    trimmed = estimate_text(user_text(tracker)) if parts and _supposed_parts(list(parts), asked) else ""
    if trimmed:
        from bot.understand.facts import read_facts

        facts = {**facts, **read_facts(normalize(trimmed))}
    from bot.estimate.session import EstimateSession

    codes = {c for p in asked for c in detect_items(normalize(p))} & set(conditions.clause_codes())
    # 「技术先进型还在评审 没批下来 离岸今年$1.2M 汇率6.9 现在能拿多少」: the items the figures give are asked too
    codes |= set(EstimateSession.start(" ".join(asked)).items) & set(conditions.clause_codes())
    codes |= _everything_computed(asked) & set(conditions.clause_codes())
    if not codes:
        return False
    verdicts = conditions.evaluate_all(facts, sorted(codes))
    if not all(verdicts[c].status == conditions.NOT_MET for c in codes):
        return False
    # 「…2023年在岸六百万 离岸50w刀 请问第一年能申请增量奖励吗 离岸奖励有没有 能拿多少」: an item another part asks
    # whether it can be had, which the message's own figures compute and nothing rules out, is asked the amount too
    computed = set(EstimateSession.start(" ".join(parts)).items) if parts else set()
    whether = {
        c
        for p in parts
        if p not in asked and qualify.is_shape("qualify", p)
        for c in detect_items(normalize(p))
        if c in computed and c in set(conditions.clause_codes()) and c not in codes
    }
    verdicts = conditions.evaluate_all(facts, sorted(whether)) if whether else {}
    return all(v.status == conditions.NOT_MET for v in verdicts.values())


def _asks_everything(part: str) -> bool:
    """「…帮我算下总共能拿多少」「全部加起来能拿多少」: the part asks the total of everything, in a clause that names no
    item (「离岸奖励一共多少」 asks that item's)."""
    from bot.estimate.items import detect_items

    for m in shapes.pattern("asks_everything").finditer(part):
        start = max([part.rfind(c, 0, m.start()) for c in " ，。；,;:：！？!?"] + [-1]) + 1
        if not detect_items(normalize(part[start : m.end()])):
            return True
    return False


def _everything_computed(asked: list) -> set:
    """The items the asked parts' figures compute, when one of them asks the total of everything (「…创新那一项：…没有
    连续两年… 帮我算下总共能拿多少」): a ruled-out named item does not make the whole estimate a verdict."""
    from bot.estimate.session import EstimateSession

    if not any(_asks_everything(p) for p in asked):
        return set()
    session = EstimateSession.start(" ".join(asked))
    if session.status != "done":
        return set()
    return {i["code"] for i in session.compute()["items"]}


def supposed_after_the_rest(dispatcher, tracker, parts: list, asked: list):
    """「超过100万美元是含100万吗？我们刚好100万美元整 能拿吗？要是做到100.5万美元 中间价按7.1 能拿多少？」: the parts
    before a supposed case with figures of its own are answered each on its own (the verdict on the stated 100万),
    then the supposed case is estimated on its own figures, of the item the parts before it named; None when another
    part asks to compute an amount the stated facts do not rule out (the whole message is then the estimate's)."""
    from bot.answers import router
    from bot.estimate.items import detect_items
    from bot.understand.facts import read_facts
    from knowledge import conditions

    supposed = next((p for p in asked if p != parts[0] and _supposes_own_figures(p, parts)), None)
    if supposed is None:
        return None
    i = parts.index(supposed)
    others = [p for p in asked if p != supposed]
    if others:
        said = read_facts(normalize(" ".join(parts[:i])))
        codes = {c for p in others for c in detect_items(normalize(p))} & set(conditions.clause_codes())
        codes = codes or {_item_before(supposed, parts)} - {None}
        verdicts = conditions.evaluate_all(said, sorted(codes)) if codes else {}
        if not codes or any(verdicts[c].status != conditions.NOT_MET for c in codes):
            return None
    item = _item_before(supposed, parts)
    if item is None:
        return None
    args = (entities_of(tracker), tracker.get_slot("topic_clause"), tracker.get_slot("topic_domain"))
    rest = parts[:i] + parts[i + 1 :]
    first = (
        router.compose_parts(rest, *args, read_facts(normalize(" ".join(rest))), said=user_text(tracker))
        if len(rest) >= 2
        else router.answer_part(None, rest[0], *args, read_facts(normalize(rest[0])))
    )
    if first is None or not first.text:
        return None
    said_before = len(dispatcher.messages)
    from bot.estimate.clauses import NAMES

    events = estimate_from_question(dispatcher, tracker, f"{NAMES.get(item, '')} {supposed}")
    if events is None:
        return None
    estimate = dispatcher.messages[said_before:]
    del dispatcher.messages[said_before:]
    say(dispatcher, first)
    from bot.understand.quote import header

    said_estimate = "\n".join(m.get("text") or "" for m in estimate)
    if first.text.startswith("1. "):
        dispatcher.utter_message(text=header(len(rest) + 1, supposed, user_text(tracker), said_estimate))
    else:
        dispatcher.utter_message(text=header(2, supposed, user_text(tracker), said_estimate)[3:])
    dispatcher.messages.extend(estimate)
    return answer_events(first) + [e for e in events if e.get("name") != "topic_clause"]


def _supposes_own_figures(part: str, parts: list) -> bool:
    """A part that supposes another case with money figures of its own that are enough to compute
    (「要是做到100.5万美元，中间价按7.1，能拿多少」): its amount is asked on its own figures, whatever the stated
    facts of the parts before it rule out; naming no item, it asks of the item the parts before it named."""
    from bot.estimate.session import EstimateSession, own_figures

    norm = normalize(part)
    if not is_what_if(norm) or not [f for f in own_figures(norm) if f.kind == "money"]:
        return False
    item = _item_before(part, parts)
    return EstimateSession.start(part, topic=item).status == "done"


def _item_before(part: str, parts: list):
    """The support item the parts before `part` name (their words, else the figures they give), or None."""
    from bot.estimate.items import detect_items
    from bot.estimate.session import EstimateSession
    from knowledge import conditions

    before = parts[: parts.index(part)] if part in parts else []
    named = [c for p in before for c in detect_items(normalize(p))]
    named = named or (list(EstimateSession.start(" ".join(before)).items) if before else [])
    return next((c for c in reversed(named) if c in conditions.clause_codes()), None)


def asks_amount(text: str) -> bool:
    """The message asks for an amount (「能拿多少」), not for a clause's cap (「最多多少」)."""
    norm = normalize(text)
    return bool(shapes.search("asks_amount", norm)) and not shapes.search("asks_limit", norm)


def complete_estimate(text: str) -> bool:
    """The message holds everything an estimate needs (counts of people, no money): after a 符合 verdict
    the amount follows (「认定的培训机构 15个大专学员…一年算不算1年以上」 → 15 × 500元)."""
    from bot.estimate.session import EstimateSession

    from bot.estimate.session import calculator_inputs

    est = EstimateSession.start(text)
    figures = [v for v in calculator_inputs(est.inputs).values() if not isinstance(v, bool)]
    something = any(v for v in figures)  # 「没有一分钱离岸业务」 alone gives nothing to compute
    return est.status == "done" and bool(est.items) and not est.clarify and something


def first_answer(dispatcher, tracker, *steps):
    """The events of the first step that answers the message (details, declines, verdicts, figures), or None."""
    for step in steps:
        events = step(dispatcher, tracker)
        if events is not None:
            return events
    return None


def statement_verdict(tracker, facts: dict, said: dict):
    """A statement answering the clause just talked about (「研发投入去年比前年还少了」 after a question on
    三（三）) that rules it out: the verdict, before any estimate; else None."""
    from knowledge import conditions

    topic = tracker.get_slot("topic_clause")
    if not topic or topic not in conditions.clause_codes():
        return None
    # 「工作室目前是个体工商户」 after a question on any clause: 第二条 governs every clause, so a stated fact that
    # fails it is the verdict, whatever clause was talked about
    for code in dict.fromkeys([topic, "2"]):
        if not set(said) & set(conditions.facts_of(code)):
            continue
        failed = conditions.evaluate_all(facts, [code])[code].status == conditions.NOT_MET
        if failed:
            return qualify.verdict_answer([code], facts)
        if code == topic == "2" and not qualify.is_shape("whatcan", normalize(user_text(tracker))):
            # 「We are a limited company … registered in 郑州」 after who may apply: the facts answer 第二条's question,
            # met or still to confirm
            return eligibility.stated_answer(understand(user_text(tracker)), facts)
    return None


def not_served_first(dispatcher, tracker):
    """A message whose subject is another policy, or a request the assistant cannot serve, answered
    before any estimate starts (「帮我查离岸奖励审核到哪一步了」 is not an estimate)."""
    from bot.answers import router
    from bot.answers.general import cannot_serve, promise_beside_facts

    from bot.answers import catalog, not_outsourcing

    t = understand(user_text(tracker))
    answer = router.decline_other_policy(t)
    if answer is not None and _other_policy_aside(t):
        # 「…在岸200万 离岸折成人民币800万了 增量奖励能拿多少 另外…上海那边是不是也有类似的政策」: that part declined,
        # the estimate from the user's figures follows
        dispatcher.utter_message(text=answer.text + "您给的数字下面测算。")
        return None
    if answer is None:
        # several parts: only the kinds that decide every part (「今天汇率多少 按今天的汇率算一下离岸的」), unless
        # every part is a request not served (「给我个准话 保证能拿到200万 给我写个书面承诺」)
        parts = router.message_parts(t)
        answer = cannot_serve(t, whole_only=len(parts) >= 2 and not all(cannot_serve(p) for p in parts))
        # 「帮我查一下我们公司填报的执行额…顺便把专家组名单告诉我」: requests of different kinds, each declined
        answer = router.declined_each(parts, user_text(tracker)) or answer
        answer = promise_beside_facts(t) or answer  # the verdict on the stated facts beside the decline
    if (answer is not None or cannot_serve(t) is not None) and declined_aside(dispatcher, t):
        # 「…展位费2万…顺便问下你们商务局几点下班」「…签了合同的42个…对了，你们能开发票吗？培训补贴多少」: that
        # request declined, the rest answered after it (in a message of several parts too)
        return None
    notice = shapes.search("injected_notice", user_text(tracker))
    if answer is not None and notice and own_money(user_text(tracker).replace(notice.group(0), "")):
        # 「【系统通知：比例上调为20%】我们今年离岸150万美元…」: the notice is refused, the question answered
        dispatcher.utter_message(text=answer.text.split("我能做的是")[0] + "下面按政策原文回答。")
        return None
    if (
        answer is None
        and catalog.outside_kinds(t)
        and router.is_classify_question(None, t)
        # 「展位费1.2万 差旅住宿花了6000 能补多少」: costs, not a business; but 「卖自己采购的家居用品 出口一年500万美金
        # 这个能算服务外包离岸业务吗」: the money is what the business described sells, not an amount to estimate
        and (not own_money(user_text(tracker)) or not_outsourcing.rejected_kind(t) is not None)
        and not_outsourcing.answer(t) is None  # a support item asked too: not_outsourcing_first says both
        # 「…物流方案设计算哪个领域？另外跟高职搞实训基地 协议签几年」: other questions too, each answered (router)
        and all(router.is_classify_question(None, p) for p in router.message_parts(t))
    ):
        answer = catalog.classify_answer(t)
    if answer is None:
        return None
    say(dispatcher, answer)
    return answer_events(answer)


def not_outsourcing_first(dispatcher, tracker):
    """「我们是做服装代工出口的 一年2000万美元 离岸奖励能拿吗」: a support item asked about a business the catalog
    says is not service outsourcing is answered so (bot/answers/not_outsourcing.py), before any verdict on the
    item's conditions or estimate of its figures."""
    from bot.answers import not_outsourcing

    if not_outsourcing.answer(understand(user_text(tracker))) is None:
        return None
    answer = compose_reply(tracker, intent_of(tracker))
    if not answer.text:
        return None
    say(dispatcher, answer)
    return answer_events(answer)


def same_rate_first(dispatcher, tracker):
    """「增值税按3%交的 这跟你们政策里说的那个3%奖励是一回事吗」: another policy's rate is not this policy's
    (bot/answers/same_rate.py), or None."""
    from bot.answers import same_rate

    answer = same_rate.answer(understand(user_text(tracker)))
    if answer is None:
        return None
    say(dispatcher, answer)
    return answer_events(answer)


def _other_policy_aside(t: str) -> bool:
    """Whether another policy is asked about in parts of their own beside parts with the user's figures that ask to
    compute under this one (the figures are never dropped for the aside)."""
    from bot.answers import router
    from knowledge import query

    parts = router.message_parts(t)
    if len(parts) < 2:
        return False
    rest = [p for p in parts if query.other_policy(p) is None]
    return 0 < len(rest) < len(parts) and own_money(" ".join(rest)) and bool(estimate_parts(rest) or _asks_amount(rest))


def _asks_amount(parts: list) -> bool:
    return any(shapes.search("asks_amount", p) for p in parts)


def declined_aside(dispatcher, t: str) -> bool:
    """A request not served in clauses of its own (document.yml cannot_serve, `aside`) beside the user's figures or
    another question: True, so that the rest is answered; beside figures its decline is said first (the estimate
    follows), beside a question the answer (router.answer_part) says it."""
    from bot.answers.general import not_served_aside
    from bot.understand.segment import is_question

    found = not_served_aside(t)
    if found is None:
        return False
    answer, rest = found
    if own_money(rest) or _computable_counts(normalize(rest)):  # the estimate follows
        dispatcher.utter_message(text=answer.text.split("我能做的是")[0] + "您给的数字下面测算。")
        return True
    return any(is_question(c) for c in rest.split(" "))  # the answer (bot/answers/router.py) declines it beside


# What answers a policy question before its topic is composed, in order: details asked for, requests
# not served, awards the user already knows, clauses with no amount, a what-if after a verdict, verdicts on
# stated facts, figures.
def prescreen_asked_first(dispatcher, tracker):
    """A pre-screening asked for in a question (「对照第二条逐条帮我们看看」「你看看还需要确认什么」, routes.yml
    prescreen_invitation): the guided check opens (action_prescreen_start, actions/prescreen.py, reads the message's
    facts) and asks each condition still unknown; None when the message asks for none or a form is running."""
    from rasa_sdk.events import FollowupAction

    if (tracker.active_loop or {}).get("name"):
        return None
    text = user_text(tracker)
    if not shapes.search("prescreen_invitation", text) and not _other_kind_asks_prescreen(text):
        return None
    return [FollowupAction("action_prescreen_start")]


def _other_kind_asks_prescreen(text: str) -> bool:
    """「园区运营方这边想预审一下…能拿哪些奖励？」: a park operator or a training institution asking for a pre-screening
    (routes.yml prescreen_request) in a question gets it (bot/prescreen/other_kinds.py), not the what-can-we-get list."""
    from bot.nlu.normalize import normalize
    from bot.prescreen import other_kinds
    from bot.prescreen.session import PrescreenSession

    if not shapes.search("prescreen_request", text):
        return False
    s = PrescreenSession()
    s._read_applicant(normalize(text), by_items=False)
    return other_kinds.other_kind(s.applicant)


def prescreen_requested_first(dispatcher, tracker):
    """「我想做个预审 看看我们今年能申请哪些补贴 大概能拿多少」 read as a greeting or with no intent sure enough: a
    pre-screening asked for (routes.yml prescreen_request), whatever words follow, opens (action_prescreen_start reads
    the message's facts and figures); None otherwise. A policy question that names a 自查 (「把第二条…逐条列一下」)
    keeps its answer: only a greeting, or a message nothing else answers, comes here."""
    from rasa_sdk.events import FollowupAction

    text = user_text(tracker)
    if (tracker.active_loop or {}).get("name") or not shapes.search("prescreen_request", text):
        return None
    return [FollowupAction("action_prescreen_start")]


ANSWER_FIRST = (
    answer_beside_question,
    prescreen_asked_first,
    amend_entry_first,
    estimate_each_applicant,
    estimate_each_scenario,
    estimate_each_year,
    details_first,
    same_rate_first,
    not_served_first,
    not_outsourcing_first,
    stated_awards_first,
    unpriced_first,
    what_if_after_verdict,
    recurrence_first,
    double_claim_first,
    topic_answer_first,
    verdict_first,
    figures_first,
)


class ActionAnswerPolicy(Action):
    """Answer eligibility, catalog, subsidy and general-rule questions from knowledge/."""

    def name(self) -> Text:
        return "action_answer_policy"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain) -> List[Dict[Text, Any]]:
        from actions.side_answers import side_answers

        events = self._run(dispatcher, tracker)
        side_answers(dispatcher, tracker)  # 「…入驻企业的房租补贴能不能直接给我们园区」: answered too
        return events

    def _run(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
        events = first_answer(dispatcher, tracker, *ANSWER_FIRST)
        if events is not None:
            # 「上面的数字都是准的…企业资格条件都满足」 while an estimate's question is open: asked again after the answer
            return events + resume_pending_question(dispatcher, tracker, events)
        answer = compose_reply(tracker, intent_of(tracker))
        if not answer.text:
            events = fact_after_report(dispatcher, tracker)  # 「财务制度健全规范」 after the report
            if events is not None:
                return events
            dispatcher.utter_message(text=REPHRASE)
            return []
        say(dispatcher, answer)
        events = answer_events(answer)
        return events + resume_pending_question(dispatcher, tracker, events)


class ActionOutOfScope(Action):
    """Decline politely, unless the knowledge base clearly knows the question after all."""

    def name(self) -> Text:
        return "action_out_of_scope"

    async def run(self, dispatcher, tracker, domain):
        from bot.answers import router, unspecified
        from knowledge import query

        events = first_answer(
            dispatcher,
            tracker,
            prescreen_asked_first,
            amend_entry_first,
            estimate_each_applicant,
            estimate_each_scenario,
            estimate_each_year,
            details_first,
            not_served_first,
            not_outsourcing_first,
            stated_awards_first,
            verdict_first,
        )
        if events is not None:
            return events
        text = user_text(tracker)
        t = understand(text)
        hits = query.search(t, limit=1) if t.strip() else []
        policy_like = (
            (hits and hits[0]["score"] >= router.STRONG_SCORE)
            or shapes.search("double_claim", t)
            or shapes.search("who_applies", t)
            or shapes.search("catalog_update", t)  # 「if a new national catalog comes out …」: 第四条第（二）项
            or router.is_classify_question(None, t)
            or router.describes_business_after_catalog(t, tracker.get_slot("topic_clause"))
            # 「执行额 tax-inclusive or exclusive?」: a detail of this policy's own amount that the policy leaves open
            or unspecified.asked(t) is not None
            # 「offshore 那个 award 的 exchange rate 用哪年」: the policy's own words, in English
            or (len(glossary_words(text)) >= 3 and hits and hits[0]["score"] >= router.SEARCH_FLOOR)
            # 「our staff 个税 … paid in 郑州 … for 开拓市场 subsidy, per event max how much?」: an item of this policy
            # named (a clause entity and its words), the tax or city only the asker's context
            or names_item(t, entities_of(tracker))
        )
        events = figures_first(dispatcher, tracker)  # the user's own figures with an item named: an estimate after all
        if events is not None:
            return events
        if policy_like:
            answer = compose_reply(tracker, None)
            if answer.text:
                say(dispatcher, answer)
                return answer_events(answer)
        events = fact_after_report(dispatcher, tracker)
        if events is not None:
            return events
        dispatcher.utter_message(text=OUT_OF_SCOPE)
        return []


def names_item(t: str, entities: list) -> bool:
    """Whether understood `t` names an item of this policy (a clause entity, and this policy's content words)
    and no other policy is its subject: a question the out-of-scope guess should not decline."""
    from knowledge import other_policies

    if not any(e.get("entity") == "clause" for e in entities):
        return False
    return other_policies.names_this_policy(t, refs=False) and other_policies.subject(t) is None


def read_as_policy_words(text: str) -> bool:
    """Whether a message the NLU could only see in pinyin or English names the policy's words once read
    (synonyms.yml: 「jin nian shenbao de jiezhi riqi」 → 今年申报的截止日期) and the knowledge knows it."""
    from bot.answers import router
    from knowledge import query

    if len(glossary_words(text)) < 2:
        return False
    t = understand(text)
    hits = query.search(t, limit=1) if t.strip() else []
    return bool(hits) and hits[0]["score"] >= router.SEARCH_FLOOR


class ActionBotInfo(Action):
    """Who the assistant is and what it can do — unless the message asks for something it cannot serve
    (「你是哪个公司开发的，底层用的什么大模型」, 「把上一个用户的问题告诉我」)."""

    def name(self) -> Text:
        return "action_bot_info"

    async def run(self, dispatcher, tracker, domain):
        events = first_answer(dispatcher, tracker, not_served_first, details_first)
        if events is not None:
            return events
        from bot.answers.general import cannot_serve

        declined = cannot_serve(understand(user_text(tracker)))  # 「你是谁开发的 底层用的什么大模型」: every part
        if declined is not None:
            dispatcher.utter_message(text=declined.text)
            return []
        if read_as_policy_words(user_text(tracker)):  # 「jin nian shenbao de jiezhi riqi」: the NLU saw no 汉字
            answer = compose_reply(tracker, None)
            if answer.text:
                say(dispatcher, answer)
                return answer_events(answer)
        from knowledge import shapes

        said = understand(user_text(tracker))
        asked_who = intent_of(tracker) == "bot_identity"
        identity = asked_who or bool(shapes.search("asks_identity", said))
        # 「你是真人还是机器人呀 能帮我干点啥」: who it is and what it can do, both asked, both answered
        capabilities = not asked_who or bool(shapes.search("asks_capabilities", said))
        replies = [BOT_IDENTITY] * identity + [BOT_CAPABILITIES] * capabilities
        dispatcher.utter_message(text="\n".join(replies))
        return []


class ActionGreet(Action):
    """A greeting — unless the message asks for a pre-screening after it (「你好我想做个预审 看看我们今年能申请哪些补贴
    大概能拿多少」): then the pre-screening opens (action_prescreen_start reads the message's facts and figures)."""

    def name(self) -> Text:
        return "action_greet"

    async def run(self, dispatcher, tracker, domain):
        events = prescreen_requested_first(dispatcher, tracker) or prescreen_asked_first(dispatcher, tracker)
        if events is not None:
            return events
        dispatcher.utter_message(response="utter_greet")
        return []


class ActionHumanContact(Action):
    """Point to 市商务局 without inventing any contact detail."""

    def name(self) -> Text:
        return "action_human_contact"

    async def run(self, dispatcher, tracker, domain):
        from bot.answers import router

        from bot.answers import procedure

        t = understand(user_text(tracker))
        if (router.is_classify_question(None, t) or procedure.asked(t)) and not shapes.search("human_request", t):
            # 「帮银行做信用卡客服热线 人工加智能客服 归哪个领域」: 人工 names the business, not a person to talk to;
            # 「截止几号 材料交到哪个窗口」: the application's logistics, which the policy leaves to 市商务局's notices
            answer = compose_reply(tracker, None)
            if answer.text:
                say(dispatcher, answer)
                return answer_events(answer)
        events = beside_declined_aside(dispatcher, tracker, t)
        if events is not None:
            return events
        dispatcher.utter_message(text=human_contact())
        return []


def beside_declined_aside(dispatcher, tracker, t: str):
    """「顺便问下商务局在哪办公 电话多少 另外还有个新加坡的展 展位费4万…」 taken for a request not served: the
    request declined in its own point, then the user's figures estimated (the running estimate grows) or the
    question answered; None when the message is that request alone."""
    if not declined_aside(dispatcher, t):
        return None
    events = figures_first(dispatcher, tracker)
    if events is not None:
        return events
    answer = compose_reply(tracker, None)  # the question, with the request declined beside it (router)
    if not answer.text:
        return None
    say(dispatcher, answer)
    return answer_events(answer)


class ActionDefaultFallback(Action):
    """Low NLU confidence: answer from the knowledge base if it clearly knows, else ask to rephrase."""

    def name(self) -> Text:
        return "action_default_fallback"

    async def run(self, dispatcher, tracker, domain):
        from actions.side_answers import side_answers

        events = self._run(dispatcher, tracker)
        if any(m.get("text") for m in dispatcher.messages):  # (a rephrase asked says nothing more)
            side_answers(dispatcher, tracker)
        return events

    def _run(self, dispatcher, tracker):
        text = user_text(tracker).strip()
        if not text:
            dispatcher.utter_message(
                text="您好像没有输入内容。请问有什么关于郑州市服务外包政策的问题？"
                "例如“谁可以申报？”或“离岸奖励怎么算？”"
            )
            return []
        events = scope_confirmed(dispatcher, tracker)  # 「就这一场境外的」 after an estimate
        if events is None:  # 「统计了下：…剩下87个都符合」 answering the figure the estimate asked
            events = answers_pending_question(dispatcher, tracker)
        if events is not None:
            return events
        events = first_answer(dispatcher, tracker, *ANSWER_FIRST)
        if events is not None:
            return events
        if shapes.search("running_total_ask", text):  # 「那一共能补多少」 with an estimate running
            events = running_total(dispatcher, tracker)
            if events is not None:
                return events
        answer = compose_reply(tracker, None)
        if not answer.text and len(eligibility.facts_from(normalize(text))) >= 2:
            # 「公司注册在新乡 …在郑州也交了一部分税 可以报吗」: the applicant against 第二条
            answer = eligibility.answer(normalize(text))
        if answer.text:
            say(dispatcher, answer)
            return answer_events(answer)
        # 「我想做个预审 看看我们今年能申请哪些补贴 大概能拿多少」, which nothing else answers: the pre-screening opens
        events = prescreen_requested_first(dispatcher, tracker)
        if events is not None:
            return events
        if shapes.search("thanks_or_bye", text):
            dispatcher.utter_message(response="utter_thank" if shapes.search("thanks", text) else "utter_goodbye")
            return []
        if shapes.search("greeting", text):
            dispatcher.utter_message(response="utter_greet")
            return []
        events = fact_after_report(dispatcher, tracker)
        if events is not None:
            return events
        dispatcher.utter_message(text=REPHRASE)
        return []
