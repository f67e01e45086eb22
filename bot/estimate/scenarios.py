"""One figure supposed at two (or three) values, each outcome asked: 「如果离岸做到150万美元和做到300万美元分别能拿多少」
「离岸分别做到150万美元和300万美元，两种情况下一共分别能拿多少」. Each value is estimated on its own, as if the message
said only it, and the outcomes are shown side by side, never added or averaged (estimate_words.yml scenarios).

A pair is two amounts of the same currency with only a joining word (和/或者/还是 …) and a verb of reaching between
them, after a what-if opener (如果/假如 …) in the same sentence, and followed by a word asking for each outcome
(分别/各/两种情况 …). A count of things before the pair (「两场展会展位费分别2万和3万」) makes it a list of items."""

import re
from typing import List, Optional, Tuple

from bot.estimate.reading import alternation, estimate_words
from calculator.figures_zh import parse_figures

SENTENCE_END = re.compile(r"[。；;！!？?\n]")
SEVERAL = re.compile(r"(?<![第\d.])(?:[2-9]|[1-9]\d|[两二三四五六七八九十几])\s*(?:场|个|家|人|名|位|项|次|批)")


def _words() -> dict:
    return estimate_words()["scenarios"]


def _sentence(text: str, start: int, end: int) -> Tuple[int, int]:
    before = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    after = SENTENCE_END.search(text, end)
    return (before[-1] if before else 0), (after.start() if after else len(text))


def _pairs(text: str) -> Optional[Tuple[int, int, List[str]]]:
    """(start, end, [each value's words]) of the first run of two or three supposed values, or None."""
    w = _words()
    joins, reach = alternation(w["joins"]), alternation(w["reach"])
    # 「90万美元、150万美元、或者250万美元」「150万, 或者300万」「$1.5M or $2M」: a mark before a joining word joins too
    between = re.compile(rf"\s*(?:(?:{joins})|[,，]\s*(?:{joins}))(?:\s*(?:{joins}))*\s*(?:{reach})?\s*$")
    # 「$0.9M, $1.5M or $2.5M」: a bare comma joins only in a run that a joining word closes
    comma = re.compile(rf"\s*[,，]\s*(?:{reach})?\s*$")
    moneys = [f for f in parse_figures(text) if f.kind == "money" and f.value is not None and f.value > 0]
    for i, first in enumerate(moneys):
        run, hard = [first], 1
        for nxt in moneys[i + 1 :]:
            gap = text[run[-1].end : nxt.start]
            if not between.match(gap) and not comma.match(gap):
                break
            if (nxt.currency or first.currency) != (first.currency or nxt.currency):
                break
            run.append(nxt)
            if between.match(gap):
                hard = len(run)
        run = run[:hard]
        gaps = "".join(text[a.end : b.start] for a, b in zip(run, run[1:]))
        either = re.search(
            alternation(w["alternatives"]), gaps, re.I
        )  # 「90万或者150万」: outcomes apart, asked or not
        if not 2 <= len(run) <= len(w["labels"]) or len({f.value for f in run}) < len(run):
            continue
        s_start, s_end = _sentence(text, first.start, run[-1].end)
        lead, tail = text[s_start : first.start], text[run[-1].end : s_end]
        opener = re.search(alternation(estimate_words()["what_if"]["openers"]), lead)
        asks = re.search(alternation(w["asks"]), tail + " " + lead[-6:])
        if not opener or not (asks or either) or SEVERAL.search(lead[opener.end() :]):
            continue
        unit = run[-1].unit if run[-1].currency else ""
        values = [f.raw if f.currency or not unit else f.raw + unit for f in run]  # 「150万或者300万美元」
        return first.start, run[-1].end, values
    return None


def split(text: str) -> List[Tuple[str, str, str]]:
    """[(label, value said, the message with only that value)] for a message supposing one figure at several values;
    [] for any other message. The asking words that spoke of several outcomes (分别, 两种情况下) are dropped from
    each copy, so each reads as one plain estimate."""
    found = _pairs(text)
    if found is None:
        return clause_cases(text)
    start, end, values = found
    labels = _words()["labels"]
    drop = re.compile(
        r"[两三四几]种情况下|[两三四几]种情况|[两三四几]个情况下|[两三四几]种|分别|各自|各(?=能|是|有|可以)"
    )
    out = []
    for label, value in zip(labels, values):
        copy = text[:start] + value + text[end:]
        out.append((label, value, drop.sub("", copy)))
    return out


def supposed_case(text: str) -> Optional[Tuple[str, str]]:
    """(the facts part, the supposed part) of a message that asks an amount on its own figures, then supposes another
    case and asks again (「…增量奖励多少？如果我们是2024年才成立的新企业 第一年做了4000万 又是多少」): each is
    estimated, the supposition on a copy of the facts, never both read as one case. None for any other message: a
    what-if opening the message, a first part that asks nothing, a pair of values (split()), a next year (year_chain)."""
    from bot.estimate.session import own_figures

    if _pairs(text) is not None:
        return None
    w, words = _words()["supposed"], estimate_words()
    openers = alternation(words["what_if"]["openers"])
    follow = alternation(words["what_if"]["follow_up"])
    for m in re.finditer(rf"(?<=[，,。；;！!？?\s])(?:(?:{follow})\s*)?(?:{openers})", text):
        before, after = text[: m.start()].strip(), text[m.start() :].strip()
        if not before or not re.search(alternation(w["asks"]), before):
            continue
        if not re.search(alternation(w["again"]), after) or re.search(alternation(words["years"]["next"]), after):
            return None
        if not [f for f in own_figures(before) if f.kind == "money"]:
            return None
        return before, after
    return None


def asks_difference(text: str) -> bool:
    """Whether the message asks how far apart the supposed outcomes are (estimate_words.yml scenarios differences)."""
    return bool(re.search(alternation(_words()["differences"]), text, re.I))


def difference_line(totals: List[Tuple[str, object]]) -> str:
    """「两种情况相差：45万 − 24万 = 21万」: the larger total less the smaller, each as estimated; "" unless two."""
    from decimal import Decimal

    from bot.estimate.explain import money

    if len(totals) != 2:
        return ""
    (a_label, a), (b_label, b) = totals
    a, b = Decimal(str(a)), Decimal(str(b))
    (hi_label, hi), (lo_label, lo) = ((a_label, a), (b_label, b)) if a >= b else ((b_label, b), (a_label, a))
    return f"【两种情况相差】{hi_label} {money(hi)} − {lo_label} {money(lo)} = {money(hi - lo)}。"


ASKING = re.compile(r"多少|能拿|能补|可以拿|可以补|能领|几万|怎么算")


def clause_cases(text: str) -> List[Tuple[str, str, str]]:
    """「如果明年去3场境外展会，每场8万；或者干脆去7场，也是每场8万，分别多少」: a supposed case told whole, then an
    alternative opened by 或者/要么 (estimate_words.yml scenarios clause_alternatives) that gives some of its figures
    again: [(label, the figures that differ, the first case's words with that case's figures)] for both cases, the
    closing question each one's; [] unless the first part supposes (a what-if opener), every figure of the second
    part has one of the same kind and unit in the first, and at least one differs."""
    w = _words()
    opened = re.search(
        rf"[，,；;。]\s*(?:{alternation(w['clause_alternatives'])})\s*(?:{alternation(w['clause_fillers'])})*", text
    )
    if not opened:
        return []
    first, second = text[: opened.start()], text[opened.end() :]
    if not re.search(alternation(estimate_words()["what_if"]["openers"]), first, re.I):
        return []
    phrases = [p for p in re.split(r"(?<=[，,；;。？?！!\s])", second) if p.strip()]
    tail = phrases[-1] if len(phrases) > 1 and ASKING.search(phrases[-1]) and not re.search(r"\d", phrases[-1]) else ""
    if not tail:
        return []
    own = second[: len(second) - len(tail)]
    from bot.estimate.items import detect_items

    if re.match(r"\s*(?:再|还|另外|也)", second) or set(detect_items(own)) - set(detect_items(first)):
        return []  # 「或者再做个ITSS认证6万」: another item added, not the same case again
    theirs = [f for f in parse_figures(first) if f.kind in ("money", "count") and f.value is not None]
    mine = [f for f in parse_figures(own) if f.kind in ("money", "count") and f.value is not None]
    if not mine or not theirs:
        return []
    swaps, used = [], set()
    for f in mine:
        match = next(
            (
                g
                for g in theirs
                if id(g) not in used
                and g.kind == f.kind
                and (g.unit or "") == (f.unit or "")
                and (g.currency or "CNY") == (f.currency or "CNY")
            ),
            None,
        )
        if match is None:
            return []  # a figure of a kind the first case does not have: not the same case again
        used.add(id(match))
        swaps.append((match, f))
    changed = [(g, f) for g, f in swaps if g.value != f.value]
    if not changed:
        return []
    alternative = first
    for g, f in sorted(swaps, key=lambda p: p[0].start, reverse=True):
        alternative = alternative[: g.start] + f.raw + alternative[g.end :]
    drop = re.compile(r"[两三四几]种情况下|[两三四几]种情况|分别|各自|各(?=能|是|有|可以|多少)")
    ask = drop.sub("", tail)
    labels = w["labels"]
    return [
        (labels[0], "、".join(g.raw for g, _ in changed), first.rstrip("，,；;。 ") + "，" + ask),
        (labels[1], "、".join(f.raw for _, f in changed), alternative.rstrip("，,；;。 ") + "，" + ask),
    ]
