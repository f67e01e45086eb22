"""Answers to "does this count?" and "what can we get?", from the facts the user has stated.

The conditions are data (knowledge/data/conditions.yml), checked by one evaluator
(knowledge.conditions); this module only picks the clauses a question is about and words the
verdict: the verdict first (符合 / 不符合, and why), then what is still unknown, then the clause.
"""

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from knowledge import conditions as cond
from knowledge import query
import knowledge.shapes
from knowledge import shapes as routes

from bot.answers.model import Answer

SHAPES_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "question_shapes.yml"
ITEM_NAMES = {"3.8.2a": "园区引进重点企业奖励", "3.8.2b": "园区吸引外资奖励"}
# facts several clauses read: they point to a clause only together with a clause's own fact
SHARED_FACTS = {"education_level", "park_level", "new_enterprise"}
SECOND_ARTICLE_FACTS = {
    "entity_type",
    "registered_in_zhengzhou",
    "pays_tax_in_zhengzhou",
    "clear_property_rights",
    "lawful_operation",
    "lawful_tax",
    "sound_finance",
    "mofcom_registered",
}
# facts that say what a business does, making a clause relevant without settling it
RELEVANCE = {"has_offshore_business": ["3.2", "3.1", "3.3"], "new_enterprise": ["3.1"]}


@lru_cache(maxsize=1)
def shapes() -> Dict[str, List[re.Pattern]]:
    """The question shapes of knowledge/data/question_shapes.yml, compiled."""
    raw = yaml.safe_load(SHAPES_FILE.read_text(encoding="utf-8"))
    return {k: [re.compile(p) for p in v] for k, v in raw.items()}


def is_shape(name: str, text: str) -> bool:
    """Whether the text has one of a shape's patterns."""
    return any(p.search(text) for p in shapes()[name])


def label(code: str) -> str:
    """第三条第（二）项 for 3.2; the sub-items of 3.8.2 share their clause's label."""
    return query.clause(code.rstrip("ab"))["label"]


def title(code: str) -> str:
    """The clause's (or sub-item's) name."""
    return ITEM_NAMES.get(code) or query.clause(code.rstrip("ab"))["title"]


def short_label(code: str) -> str:
    """三（二）, 三（七）4 — the form for lists read on a phone."""
    parts = code.rstrip("ab").split(".")
    if parts[0] == "2":
        return "第二条"
    out = "三（" + "一二三四五六七八九"[int(parts[1]) - 1] + "）"
    return out + (parts[2] if len(parts) > 2 else "")


def standard(code: str) -> str:
    """The clause's award standard in one line, from its figures (rates, caps, awards)."""
    figs = query.clause(code.rstrip("ab"))["figures"]
    keys = {"3.8.2a": ("top_award",), "3.8.2b": ("investment",)}.get(code, ("rate", "cap", "award", "per_"))
    return "；".join(dict.fromkeys(f["text"] for f in figs if any(k in f["key"] for k in keys)))


def _signals(code: str, facts: dict) -> List[str]:
    """The facts of a clause the user stated, leaving out a default merely repeated (业务培训 → not 学历教育)."""
    out = []
    for leaf in cond.leaves(code):
        fact = leaf["fact"]
        if fact in facts and not ("assume" in leaf and facts[fact] == leaf["assume"]):
            out.append(fact)
    return out


def stated_clauses(facts: dict) -> List[str]:
    """Clauses whose own conditions the facts speak to, most facts first."""
    counts = {}
    for code in cond.clause_codes():
        if code == "2":
            continue
        own = [f for f in _signals(code, facts) if f not in SHARED_FACTS]
        if own:
            counts[code] = len(own) + len([f for f in cond.facts_of(code) if f in facts and f in SHARED_FACTS])
    return sorted(counts, key=lambda c: -counts[c])


def topic_clause(text: str) -> Optional[str]:
    """The support clause the question names, by knowledge search."""
    for hit in query.search(text, limit=3):
        if hit["kind"] == "clause" and hit["key"] in cond.clause_codes() and hit["score"] >= 2:
            return hit["key"]
        if hit["kind"] == "clause" and hit["key"] == "3.8.2" and hit["score"] >= 2:
            return "3.8.2b" if re.search(r"外资|外商", text) else "3.8.2a"
    return None


def _check_line(check: cond.Check) -> str:
    said = f"（您说的是：{check.stated}）" if check.stated and check.stated not in ("是", "否") else ""
    note = cond.excluded_bound_note(check)  # 「正好100万美元」: 超过 excludes the number
    if note and said:
        said = f"{said}，{note}"
    if check.short_by and said and check.status == cond.NOT_MET:  # 「交了5个月」 against 不低于6个月: 还差1个月
        said = f"{said}，还差{check.short_by}"
    if check.status == cond.NOT_MET:
        leaf = next((x for x in cond.leaves(check.clause) if x["id"] == check.id), {})
        if leaf.get("unmet"):
            return f"{check.label}（{leaf['unmet']}）{said}"
    return f"{check.label}{said}"


def reasons(v: cond.Verdict, verdicts: Dict[str, cond.Verdict]) -> str:
    """Why a clause is not met: its unmet conditions, and 第二条's when it blocks the clause."""
    out = [_check_line(c) for c in v.unmet]
    if v.blocked_by:
        out = ["第二条申报资格：" + "、".join(_check_line(c) for c in verdicts[v.blocked_by].unmet)] + out
    return "；".join(out)


PREMISE = (
    "前提：申报单位须符合第二条申报资格（在郑州依法设立的独立法人企业或在郑纳税的法人企业分支机构，"
    "产权清晰、依法经营纳税、财务规范，并在商务部“服务外包业务管理和统计系统”注册并及时填报）。"
)


def _met_line(c: cond.Check) -> str:
    if c.assumed and c.fact == "rent_years_subsidized":
        return f"{c.label}（未说明，按此前未享受过计）"
    if c.assumed:
        return f"{c.label}（未说明，按满足计）"
    note = cond.at_bound_note(c)  # 「正好两年」: 以上 includes the number
    if not note and c.stated and _compares_figure(c):
        note = f"您说的是：{c.stated}"  # 「101.3w美金 够不够门槛」: the figure said against the threshold
    return f"{c.label}（{note}）" if note else c.label


def _figure_compared(codes, message_facts: dict) -> bool:
    """Whether the message states a figure that one of the clauses compares with a threshold of figures.yml."""
    return any(leaf.get("figure") and leaf.get("fact") in message_facts for code in codes for leaf in cond.leaves(code))


def _compares_figure(c: cond.Check) -> bool:
    """Whether the check compares a figure the user said with a threshold (超过100万美元, 三年以上 …)."""
    return any(leaf["id"] == c.id and leaf.get("figure") for leaf in cond.leaves(c.clause))


def _failed_alternatives(v: cond.Verdict) -> List[str]:
    """The alternatives of an open `any` group the user said are not met (its stated words 「…：否」)."""
    out = []
    for c in v.unknown:
        for piece in (c.stated or "").split("；") if c.fact is None else []:
            label_, _, value = piece.rpartition("：")
            if label_ and value == "否":
                out.append(label_)
    return out


def verdict_text(v: cond.Verdict, verdicts: Dict[str, cond.Verdict]) -> str:
    """The verdict on one clause, first line first: 符合 / 不符合 / 还不能确定, and why."""
    head = f"{label(v.clause)}（{title(v.clause)}）"
    if v.status == cond.NOT_MET:
        # said plainly too: 不能 (「2019年的增量还能申请吗」 → 不能申报, 自2020年开始)
        return f"结论：不符合{head}的条件，不能申报。不满足：{reasons(v, verdicts)}。"
    premise = ("\n" + PREMISE) if v.premises else ""
    if v.status == cond.MET:
        return f"结论：符合{head}的条件，可以申报（{'；'.join(_met_line(c) for c in v.met)}）。{premise}"
    known = [_met_line(c) for c in v.met]
    basis = {leaf["id"] for leaf in cond.leaves(v.clause) if leaf.get("basis")}
    if known and v.unknown and all(c.id in basis for c in v.unknown):
        # what remains decides the amount, not the right to apply (三（三）: 15% of 三（一）+三（二）)
        amount = "；".join(c.label for c in v.unknown)
        return f"结论：符合{head}的申报条件，可以申报（{'；'.join(known)}）。奖励金额：{amount}。{premise}"
    unknown = [c.label for c in v.unknown]
    text = f"{head}：目前还不能确定是否符合。"
    failed_alone = _failed_alternatives(v)
    if failed_alone:  # 「只是研发投入增长了一年」: that alternative alone does not count; the others are still open
        text += f"单凭您说的这一点不能算：不满足“{'”“'.join(failed_alone)}”。"
    if known:
        text += "已满足：" + "；".join(known) + "。"
    if unknown:
        text += "还需确认：" + "；".join(unknown) + "。"
    return text + premise


def alternatives(code: str, facts: dict) -> str:
    """For an applicant the clause is not for, the clauses of the same direction that are."""
    family = code.rsplit(".", 1)[0] if code.count(".") == 2 else code
    open_ = [c for c in cond.applicant_clauses(facts.get("applicant_type")) if c.startswith(family + ".")]
    if not open_:
        return ""
    return "\n同一方向下适用于您的是：" + "；".join(f"{label(c)}（{title(c)}）" for c in open_) + "。"


def costs_line(code: str, text: str) -> str:
    """Costs the user names that the clause does not list (机票, 工资 …), said plainly."""
    entry = cond.spec(code)
    named = [w for w in entry.get("not_listed", []) if w in text]
    if not named:
        return ""
    return (
        f"\n费用：{'、'.join(named)}不在{label(code)}列明的可补贴费用内（列明的是："
        f"{'、'.join(entry['eligible_costs'])}），是否可以计入以市商务局的实施细则为准（第四条第（一）项）。"
    )


def verdict_answer(codes: List[str], facts: dict, text: str = "") -> Answer:
    """Verdicts on the clauses asked about, each followed by its clause's text."""
    verdicts = cond.evaluate_all(facts, codes)
    parts = []
    for code in codes:
        v = verdicts[code]
        part = verdict_text(v, verdicts) + histories(code, text)
        c = query.clause(code.rstrip("ab"))
        costs = costs_line(code, text)
        if costs:  # the question is about costs: that answer first
            part = costs.strip() + "\n" + part
        if any(c.id == "applicant" and c.status == cond.NOT_MET for c in v.checks):
            part += alternatives(code, facts)
        if v.status == cond.NOT_MET and text and routes.search("asks_how_much", text):
            part += f"\n金额：0元（按您说的情况，{label(code)}不予支持）。"  # 「能补多少」 answered with its figure
        if v.status != cond.NOT_MET and standard(code):
            part += f"\n标准：{standard(code)}。"
            from bot.answers.subsidies import once_line

            once = once_line(code, text)  # 「以后每年都有吗」: 一次性, said plainly
            if once:
                part += "\n" + once
        currency = routes.search("clause_currency", c["text"]) if text else None
        if currency and routes.search("asks_currency", text):  # 「按人民币算还是按美元算」: the clause's own words
            part += f"\n币种：原文是“{currency.group(0)}”。"
        part += f"\n依据{c['label']}：{c['text']}"
        if code == "2" and text:
            from bot.answers import eligibility

            named = eligibility.places_named(text)  # 「在登封注册」: say that 登封 is in Zhengzhou
            if named and not any(p in part for p in named):
                part = eligibility.place_line(text) + "\n" + part
        if text and knowledge.shapes.search("asks_others", text):
            part += siblings(code)
        if text:
            from bot.answers import unstated

            # 「有没有要求必须交社保」: what this clause does not require
            extra = unstated.line(code.rstrip("ab"), text)
            part += "\n" + extra if extra else ""
            from bot.answers import unspecified

            left_open = unspecified.beside_verdict(code, text)  # 「今年升CMMI5了能补吗」: 升级 the policy does not name
            part += "\n" + left_open if left_open else ""
        parts.append(part)
    return Answer("\n\n".join(parts), clause=codes[0].rstrip("ab"), verdict=verdicts[codes[0]].status)


def histories(code: str, text: str) -> str:
    """「连续两年取得新的发明专利、软件著作权——按您说的：2022年、2024年有新的，2021年、2023年没有。」: the years the
    message told one by one for the clause's 连续两年 facts (facts.yml year_history), under its verdict."""
    if not text or code not in cond.clause_codes():
        return ""
    from bot.understand.facts import fact_specs
    from bot.understand.year_history import told

    lines = [
        told(text, fact_specs().get(leaf["fact"]) or {}, leaf["label"])
        for leaf in cond.leaves(code)
        if (fact_specs().get(leaf.get("fact")) or {}).get("year_history")
    ]
    return "".join("\n" + line for line in lines if line)


def siblings(code: str) -> str:
    """「还有别的园区奖吗」: the other points of the clause's direction for the same applicant, with their text."""
    c = query.clause(code.rstrip("ab"))
    parent = c.get("parent")
    if not parent or not parent.startswith("3."):
        return ""
    others = [
        query.clause(k)
        for k in query.clause(parent).get("children") or []
        if k != c["code"] and query.clause(k).get("applicant") == c.get("applicant")
    ]
    if not others:
        return ""
    return "\n同一方向下（同一申报主体）还有：" + "\n".join(
        f"{o['label']}（{o['title']}）：{o['text']}" for o in others
    )


def deciding(v: cond.Verdict) -> Optional[cond.Check]:
    """The one unknown condition that would decide the clause (minor ones, like 自2020年, last)."""
    minor = {leaf["id"] for leaf in cond.leaves(v.clause) if leaf.get("minor")}
    ranked = [c for c in v.unknown if c.id not in minor] + [c for c in v.unknown if c.id in minor]
    return ranked[0] if ranked else None


def whatcan_answer(facts: dict, mentioned=(), each_most: bool = False) -> Answer:
    """The supports open to the applicant, given what it said: likely first, the rest briefly (`each_most`: 「分别最多
    多少钱」 asked, each of the applicant's own supports listed with its standard)."""
    applicant = facts.get("applicant_type") or "enterprise"
    codes = cond.applicant_clauses(applicant)
    verdicts = cond.evaluate_all(facts, codes + ["2"])
    lines = []
    second = verdicts["2"]
    who = cond.APPLICANT_TYPES[applicant]
    # 第二条 in full, but for what the policy leaves open to an applicant not said to be an enterprise (培训机构)
    open_ = cond.left_open(applicant, facts.get("entity_type"))
    failing = [c for c in second.unmet if c.fact not in open_]
    if failing:
        why = "；".join(_check_line(c) for c in failing)
        text = (
            f"结论：按您说的情况，不符合第二条的申报资格（{why}），第三条的各项企业奖补目前都不能申报。"
            "\n第二条要求：在郑州市行政区域内依法设立的独立法人企业或在郑纳税的法人企业分支机构，产权清晰，"
            "依法经营，依法纳税，财务管理规范，并在商务部“服务外包业务管理和统计系统”中注册并及时填报。"
        )
        return Answer(text, clause="2")
    stated = set(stated_clauses(facts))
    relevant = set(stated) | set(mentioned)
    for fact, clauses in RELEVANCE.items():
        if facts.get(fact):
            relevant.update(clauses)
    likely, possible, ruled_out = [], [], []
    for code in codes:
        v = verdicts[code]
        if v.status == cond.NOT_MET and v.clause in relevant | stated or (v.status == cond.NOT_MET and v.unmet):
            ruled_out.append(v)
        elif v.status == cond.MET or code in relevant:
            likely.append(v)
        else:
            possible.append(v)
    likely.sort(key=lambda v: (v.status != cond.MET, codes.index(v.clause)))
    if second.status == cond.MET:
        # every 第二条 condition stated and met: say so first (「符合第二条的申报资格」)
        lines.append(f"结论：按您说的情况，符合第二条的申报资格（{'；'.join(c.label for c in second.met)}）。")
    lines.append(f"按您说的情况（申报主体：{who}），可以关注这些支持方向：")
    for v in likely:
        decide = f"；关键看：{deciding(v).label}" if deciding(v) else ""
        mark = "符合条件" if v.status == cond.MET else "可能适用"
        lines.append(f"· {short_label(v.clause)} {title(v.clause)}（{mark}）：{standard(v.clause)}{decide}")
    if not likely:
        lines[-1] = f"按您说的情况（申报主体：{who}），还看不出哪一项一定适用；各方向的关键条件："
        for v in possible[:6]:
            decide = deciding(v).label if deciding(v) else ""
            lines.append(f"· {short_label(v.clause)} {title(v.clause)}：{decide}")
        possible = possible[6:]
    if possible and each_most and applicant != "enterprise":  # a park operator's or an institution's few supports
        lines.append("另外还有（视情况而定）：")
        for v in possible:
            decide = f"；关键看：{deciding(v).label}" if deciding(v) else ""
            lines.append(f"· {short_label(v.clause)} {title(v.clause)}：{standard(v.clause)}{decide}")
    elif possible:
        lines.append(
            "其他方向视情况而定：" + "、".join(f"{short_label(v.clause)}{title(v.clause)}" for v in possible) + "。"
        )
    for v in ruled_out:
        why = "；".join(_check_line(c) for c in v.unmet) or "第二条申报资格不满足"
        lines.append(f"· {short_label(v.clause)} {title(v.clause)}：不符合（{why}）")
    if second.status == cond.UNKNOWN and not open_:
        lines.append(PREMISE)
    lines.append("想看哪一项的详细条件或帮您测算，直接告诉我（例如“离岸奖励怎么算”）。")
    first = (likely or possible or ruled_out or [None])[0]
    return Answer("\n".join(lines), clause=first.clause.rstrip("ab") if first else "3")


def _money(text: str) -> bool:
    from calculator.figures_zh import parse_figures

    return any(f.kind == "money" and not f.bound for f in parse_figures(text))


def _second_article_failed(text: str, facts: dict, topic: Optional[str]) -> Optional[Answer]:
    """A question whether the applicant may apply (for anything that requires 第二条) when a 第二条 fact
    it stated fails: 不符合, naming the condition (bot/answers/eligibility.failed_answer)."""
    from bot.answers import eligibility

    if facts.get("applicant_type") not in (None, "enterprise") or not routes.search("claim_verbs", text):
        return None  # training institutions and parks apply without 第二条
    if topic and topic != "2" and "2" not in cond.spec(topic).get("requires", []):
        return None
    return eligibility.failed_answer(text, facts)


def _names_items(text: str) -> bool:
    """Whether the message names a support item (bot/estimate/items.py)."""
    from bot.estimate.items import detect_items

    return bool(detect_items(text))


def _clause_facts(message_facts: dict) -> dict:
    """The facts a message states of a 第三条 clause's own conditions (not 第二条's, not who applies)."""
    return {
        k: v
        for k, v in message_facts.items()
        if k not in SECOND_ARTICLE_FACTS and k not in ("applicant_type", "has_offshore_business")
    }


def _after_received(text: str, facts: dict) -> Optional[Answer]:
    """「技先领了10万 还能报展会补贴吗」「资质认证补贴我们领过了 参加展会的费用还能补吗」: an item said received beside a
    question about another one: the verdict on the item asked (its conditions and standard), and a line that the one
    received is another item — no 重复申报 (bot/understand/received_awards.py). None when the message does not say so, or
    gives figures of its own to compute with."""
    from bot.nlu.normalize import understand
    from bot.understand import received_awards

    if re.search(r"[A-Za-z]{3,}", text):
        text = understand(text)  # 「tech advanced award already received」: the English words in the policy's
    pair = received_awards.other_item_asked(text)
    if pair is None:
        return None
    rest = received_awards.without_received(text)
    if _money(rest) or not (is_shape("qualify", rest) or re.search(r"[吗呢么嘛](?=[\s?？,，。]|$)", rest.strip())):
        return None
    got, asking = pair
    codes = [c for c in asking if c in cond.clause_codes()][:2]
    if not codes:
        return None
    answer = verdict_answer(codes, facts, rest)
    head, _, tail = answer.text.partition("\n")
    answer.text = f"{head}\n{received_awards.note(got, codes)}" + (f"\n{tail}" if tail else "")
    return answer


def answer(text: str, facts: dict, message_facts: dict) -> Optional[Answer]:
    """A verdict or a "what can we get" list when the message asks for one, else None.

    `facts` are all the conversation's facts (this message's included); `message_facts` this
    message's alone, which decide what the question is about.
    """
    if is_shape("catalog", text):
        return None
    from bot.answers import recurrence, together

    if (
        knowledge.shapes.search("double_claim_outright", text)
        and knowledge.shapes.search("claim_verbs", text)
        and not together.own_items(text)  # 「有增量奖励 创新奖励能叠加吗」: this policy's own items, judged below
    ):
        return None  # 「同一笔投入 那边的补贴和这里的创新奖励能不能两头报」: 第四条第（三）项 answers, not a verdict
    again = recurrence.answer(text)
    if again is not None and not any(message_facts.get(f) is True for f in cond.facts_of(again.clause)):
        # 「技先那10万已经领过了 每年都能再领吗」: once or yearly, from the clause's words (router.answer_part); with a
        # fact of the item stated (「今年第一次拿到技先资格…明年还能拿吗」) its verdict says it, with the 一次性 line
        return None
    from bot.estimate import cert_elsewhere, fair_elsewhere

    if cert_elsewhere.partly(text) or fair_elsewhere.partly(text):
        return (
            None  # 「PCMM…已经用市里另一个政策报过」 beside other certificates: the estimate leaves it out (四（三）)
        )
    prior = _after_received(text, facts)
    if prior is not None:  # 「技先领了10万 还能报展会补贴吗」: the item asked about, not the one received
        return prior
    from bot.answers import eligibility

    several = eligibility.subjects_answer(text)
    if several is not None:  # 「一个是子公司 一个是分公司…」: each applicant on its own words, not their facts merged
        return several
    about_us = is_shape("self", text) or bool(message_facts)
    most_only = is_shape("most_each", text) and not _money(text)  # 「分别最多多少钱」: each one's most, no estimate
    if is_shape("whatcan", text) and (not is_shape("amount", text) or most_only) and about_us:
        if routes.search("place_question", text):
            # 「巩义算不算郑州市行政区域内啊？能享受这个政策不」: whether the place is in Zhengzhou decides 第二条
            placed = eligibility.place_answer(text)
            if placed is not None:
                return placed
        from bot.estimate.items import detect_items

        return whatcan_answer(facts, detect_items(text), each_most=most_only)
    if (
        is_shape("self", text)
        and message_facts
        and not _money(text)
        and not re.search(
            r"[?？吗呢么嘛吧啊]|多少|怎么|哪|什么|能|可以|可不可以|是否|行不行|会不会|帮|算|测|查|介绍|说说|讲讲|看看|告诉|"
            r"想|要|请|预审|问",
            text,
        )
        and not knowledge.shapes.search("alternative_question", text)  # 「是给园区还是给企业」 asks
        and not routes.search("asks_qualification", text)  # 「…够不够申报条件」 asks for the verdict
        # 「…每年刚好20个 这个够不够20名以上的条件」: a clause's own conditions stated and asked about get its verdict;
        # an applicant described against 第二条 too (「郑州注册的独立法人…没有离岸 是不是就没资格申报了」) asks what is
        # open to it: the list
        and not (
            is_shape("qualify", text) and _clause_facts(message_facts) and not set(message_facts) & SECOND_ARTICLE_FACTS
        )
    ):
        # 「我们是做软件外包的，主要接日本的单子」: a self-description with no question yet
        from bot.estimate.items import detect_items

        answer = whatcan_answer(facts, detect_items(text))
        answer.text = "好的，记下了。" + answer.text
        answer.verdict = "noted"  # a self-description: an estimate it completes is shown instead (actions/policy.py)
        return answer
    asks = is_shape("qualify", text) or re.search(r"[吗呢么嘛](?=[\s?？,，。]|$)", text.strip())
    topic = topic_clause(text)
    condition_facts = _clause_facts(message_facts)
    # 「…被处罚了 还在整改 能申请吗」: the applicant's own failing 第二条 fact decides; a message that speaks to a
    # clause's own conditions (「行业协会自己办的展会 没有商务部门指定」) gets that clause's verdict below
    # 「在许昌注册的…在郑州租的写字楼…能不能申报这个政策」: a question on who may apply (topic 第二条, no item named)
    # with a failing 第二条 fact is answered on 第二条, whatever other clause's facts (租的写字楼) it also states
    on_second = topic == "2" and not _names_items(text)
    failed = _second_article_failed(text, facts, topic) if asks and (not condition_facts or on_second) else None
    if failed is not None:
        return failed
    who = cond.APPLICANT_TYPES.get(message_facts.get("applicant_type") or "")
    if asks and topic and who and topic.startswith("3") and who not in cond.spec(topic)["applicants"]:
        return verdict_answer([topic], facts, text)  # 「我们是企业…能走培训机构那条吗」
    if not condition_facts:
        stated_second = set(message_facts) & (SECOND_ARTICLE_FACTS - {"entity_type"})
        if asks and stated_second and not (topic or "").startswith("3"):
            from bot.estimate.items import detect_items

            if not detect_items(text):
                # 「享受免征…交的税很少 会影响申报吗」: the stated 第二条 facts, read against 第二条, decide
                return eligibility.answer(text)
        if (
            topic
            and topic in cond.clause_codes()
            and topic != "2"
            # 「享受免征…会影响申报吗」: 四（三） is the topic only when a double claim is asked, not any 享受…政策
            and (topic != "4.3" or routes.search("double_claim", text) or "claimed_elsewhere" in message_facts)
            and is_shape("qualify", text)
            and routes.search("claim_verbs", text)
            and not any(routes.search(n, text) for n in ("amount_basis", "unlisted_cert", "belongs_question"))
        ):
            # 「技术先进型的10万我们能直接拿吗」: the verdict on what is known, and what would decide it
            return verdict_answer([topic], facts, text)
        return None
    codes = stated_clauses(message_facts)
    from bot.estimate.items import detect_items

    named = set(detect_items(text))
    if not codes:
        # 「员工大部分是大专的 参加培训能补吗」: a fact several clauses share (学历) speaks to the clause the words name
        codes = [c for c in cond.clause_codes() if c in named and set(cond.facts_of(c)) & set(condition_facts)]
    if not asks:
        # 「…能拿多少」 with a stated condition that rules the item asked about out: the verdict, not a form
        ruled_out = [c for c, v in cond.evaluate_all(facts, codes).items() if c in codes and v.status == cond.NOT_MET]
        asked = named | ({topic} if topic else set())
        if asked:  # 「没离岸 增量奖励多少」: 三（二） ruled out is not what is asked
            ruled_out = [c for c in ruled_out if c in asked]
        if not (ruled_out and is_shape("amount", text)):
            return None
    if topic and (topic in codes or not codes) and any(f in message_facts for f in cond.facts_of(topic)):
        codes = [topic] + [c for c in codes if c != topic]
    asked_about = named | ({topic} if topic else set())
    if not named and topic not in codes and _figure_compared(codes, message_facts):
        # 「去年离岸103万刀 够门槛吗 奖励比例多少」: no item named, a figure said against a clause's threshold; that clause
        # is asked about, whatever clause the words' search ranks first (3.1 for 离岸…比例)
        asked_about = set()
    if (
        asked_about
        and codes
        and not asked_about & set(codes)
        and "4.3" not in codes
        and not any(cond.evaluate_all(facts, codes)[c].blocked_by for c in codes)
    ):
        return None  # 「增量奖励多少」 beside 「离岸50万美元」: the facts speak to another item than the one asked
    if not codes:
        return None
    top = codes[:1]
    # a second clause only when the message speaks to it as much as to the first
    own = {c: len([f for f in cond.facts_of(c) if f in message_facts and f not in SHARED_FACTS]) for c in codes}
    top += [c for c in codes[1:3] if own[c] >= 2 and own[c] >= own[codes[0]]]
    top += [c for c in codes if c in named and c not in top][:2]  # 「增量和离岸分别能不能拿」
    # a stated condition that rules a clause out decides "can we?": it comes first
    verdicts = cond.evaluate_all(facts, codes)
    # 「已经拿了区里的补贴…还能再报吗」: a failing rule the question names, or 四（三）, decides it
    failing = [c for c in codes if verdicts[c].status == cond.NOT_MET and c not in top and (c in named or c == "4.3")]
    if failing and verdicts[top[0]].status != cond.NOT_MET:
        top = failing[:1] + [c for c in top if verdicts[c].status == cond.NOT_MET or c in named]
    from bot.answers import mixed_subjects

    # 「一个不是指定的展会 另一个是指定的服贸会 都能补吗」: each one; with costs told, the estimate sorts the fairs itself
    each = None if _money(text) else mixed_subjects.answer(text, facts, top)
    if each is not None:
        return each
    return verdict_answer(top, facts, text)


REST_UNKNOWN = "好的，您说不清楚的条件先记为“待确认”，确认后告诉我，我再帮您判断。"


def rest_unknown_answer(code: Optional[str], facts: dict) -> Optional[Answer]:
    """「其他的我不太清楚，得回去问财务」 after a verdict on `code`: what the stated facts settle, and the conditions
    that stay to be confirmed; None when the clause has no conditions or the facts say nothing of it."""
    if not code or code not in cond.clause_codes() or not set(facts) & set(cond.facts_of(code)):
        return None
    verdicts = cond.evaluate_all(facts, [code])
    v = verdicts[code]
    if code == "2":
        from bot.answers import eligibility

        second = {k: val for k, val in facts.items() if k in SECOND_ARTICLE_FACTS}
        v = cond.evaluate("2", second)
        line = eligibility.verdict_line(v)
    else:
        line = verdict_text(v, verdicts)
    lead = REST_UNKNOWN if v.status != cond.NOT_MET else "好的。按您已经说的情况，结论不变："
    return Answer(lead + "\n" + line, clause=code.rstrip("ab"), verdict=v.status)
