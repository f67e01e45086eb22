"""Support items the user says were received already (「技先领了10万 还能报展会补贴吗」「资质认证补贴我们领过了 参加展会的
费用还能补吗」「已经拿了技术先进型奖励，还能申请房租补贴吗」「展会去年省里补过一次」).

An item named only in such a phrase is context when the message asks about another item: the question is about the
other one (its conditions and standard), and the award received decides nothing of it — a different item is no 重复申报
(第四条第（三）项 speaks of one matter claimed under this and another policy of the city). Asked again alone
(「去年拿过技先的10万 今年还能拿吗」), the received item is the one asked. Words in estimate_words.yml `received_awards`.
"""

import re
from functools import lru_cache
from typing import List, Optional, Tuple


@lru_cache(maxsize=1)
def _words() -> dict:
    from bot.estimate.reading import estimate_words

    return estimate_words()["received_awards"]


def _alt(words) -> str:
    return "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple:
    w = _words()
    verbs = re.compile(f"({_alt(w['verbs'])})|({_alt(w['past_only'])})")
    past = re.compile(_alt(w["past"]))
    stop = re.compile(_alt(w["stops"]))
    return verbs, past, stop


NEGATED = re.compile(r"(没|未|不|没有|从没|从未)$")
ASKED_AFTER = re.compile(r"^(了)?\s*(吗|么|没|没有|嘛)")
CLOSE_BEFORE = re.compile(r"[^\s\d，,。；;]{0,4}")


def _verb_in(t: str, seg: str, offset: int, context: str) -> Optional[Tuple[int, int]]:
    """The first receiving verb of `seg` (at `offset` in `t`) said done and not denied or asked; (start, end)."""
    verbs, past, _ = _patterns()
    for m in verbs.finditer(seg):
        if NEGATED.search(seg[: m.start()]) or ASKED_AFTER.match(t[offset + m.end() :]):
            continue
        if m.group(2) and not past.search(context):
            continue  # 「增量奖励拿了150万」: a sum said, not a receipt, unless a past word says so
        return offset + m.start(), offset + m.end()
    return None


def phrases(t: str) -> List[Tuple[int, int, str]]:
    """Each item mention of normalised `t` said received, with the phrase's span: (start, end, code)."""
    from bot.estimate.items import ITEM_PATTERNS

    gap = int(_words()["gap"])
    _, _, stop = _patterns()
    out = []
    for code, pat in ITEM_PATTERNS:
        for m in re.finditer(pat, t):
            after = t[m.end() : m.end() + gap + 4]
            cut = stop.search(after)
            after = after[: cut.start()] if cut else after
            before = t[max(0, m.start() - gap) : m.start()]
            cuts = list(stop.finditer(before))
            before_start = m.start() - len(before) + (cuts[-1].end() if cuts else 0)
            before = t[before_start : m.start()]
            context = before + t[m.start() : m.end()] + after
            verb = _verb_in(t, after, m.end(), context)
            if verb is not None:
                out.append((m.start(), _extended(t, verb[1]), code))
                continue
            verb = _verb_in(t, before, before_start, context)
            if verb is not None and CLOSE_BEFORE.fullmatch(t[verb[1] : m.start()]):
                # 「已经拿了技术先进型奖励」: the verb right before the item; 「领过了 参加展会」 starts another statement
                out.append((verb[0], _extended(t, m.end()), code))
    return out


AWARD_TAIL = re.compile(
    r"(了|的)?\s*((约|大概|差不多)?[\d.,]+\s*(万|亿|w)?\s*(元|块)?)?\s*(的)?\s*(奖励|奖金|补贴|补助|资金|钱)?\s*(了|过)?(一次|一回)?"
)


def _extended(t: str, end: int) -> int:
    """The phrase's end carried over what it still says of the award (「10万」「的10万奖励」「一次」)."""
    return AWARD_TAIL.match(t, end).end()


def received(t: str) -> List[str]:
    """Items named in `t` (normalised) only in phrases that say they were received."""
    from bot.estimate.items import ITEM_PATTERNS

    said = phrases(t)
    if not said:
        return []
    codes = {c for _, _, c in said}
    out = []
    for code, pat in ITEM_PATTERNS:
        if code not in codes:
            continue
        spans = [(a, b) for a, b, c in said if c == code]
        if all(any(a <= m.start() < b or a < m.end() <= b for a, b in spans) for m in re.finditer(pat, t)):
            out.append(code)
    return out


def asked(t: str) -> List[str]:
    """The items `t` asks about: those it names less the ones named only as received, unless no other is named (then
    the received item is asked again). 三（一）/三（二） received stay with 三（三）, their awards are its base."""
    from bot.estimate.items import detect_items

    named = detect_items(t)
    got = [c for c in received(t) if not ("3.3" in named and c in ("3.1", "3.2"))]
    others = [c for c in named if c not in got]
    return others or named


def other_item_asked(t: str) -> Optional[Tuple[List[str], List[str]]]:
    """(received, asked) when `t` names items received and asks about others; None otherwise."""
    from bot.estimate.items import detect_items

    named = detect_items(t)
    got = [c for c in received(t) if c in named and not ("3.3" in named and c in ("3.1", "3.2"))]
    others = [c for c in named if c not in got]
    if not got or not others:
        return None
    return got, others


def certificates_received(t: str) -> List[str]:
    """The certificates named inside phrases of `t` that say their subsidy was received (「去年CMMI3已经补过了」)."""
    from bot.estimate.clauses.certifications import names_in

    out: List[str] = []
    for a, b, code in phrases(t):
        if code == "3.6":
            out += [n for n in names_in(t[a:b]) if n not in out]
    return out


def without_received(t: str) -> str:
    """`t` with each received phrase blanked (same length): its amount is no figure of the question."""
    out = t
    for a, b, _ in phrases(t):
        out = out[:a] + " " * (b - a) + out[b:]
    return out


def note(got: List[str], asking: List[str]) -> str:
    """「您说已经领过的…是另一项支持，不影响按…的条件申报；…」 with 第四条第（三）项's own words."""
    from knowledge import query
    from knowledge.sources import load_cached

    def name(code: str) -> str:
        c = query.clause(code.rstrip("ab")) or {}
        return f"{c.get('label', code)}（{c.get('title', '')}）"

    rule = load_cached("document")["no_double_claim"]
    label = query.clause(rule["clause"])["label"]
    return (
        f"您说已经领过的{'、'.join(name(c) for c in got)}和这里问的{'、'.join(name(c) for c in asking)}是不同的支持项目，"
        f"领过前者不影响按后者自己的条件申报；{label}规定的是“{str(rule['text']).rstrip('。')}”，"
        "指同一事项不能在本政策和我市其他政策中重复申报。"
    )
