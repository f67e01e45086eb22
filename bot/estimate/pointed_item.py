"""The one item a question points at (「…去年离岸三百万美元 今年送了28个人去参加…高级培训… 这个培训补贴能补多少钱」): a
question that names a single item after a pointer (这个/这项/该…, knowledge/data/estimate_words.yml `pointed_item`) and
asks for no total asks about that item alone; the other items the message names are its background (我们是做离岸外包的),
their figures are not asked and never hold up the answer with a question of their own (the dollar rate). Plain Python.
"""

import re
from functools import lru_cache
from typing import List, Optional


@lru_cache(maxsize=1)
def _patterns() -> tuple:
    from bot.estimate.reading import alternation, estimate_words

    w = estimate_words()["pointed_item"]
    pointed = re.compile(
        rf"(?:{alternation(w['pointers'])})(?P<words>[^，,。；;！!？?\s\d]{{1,12}}?)(?:{alternation(w['asks'])})"
    )
    return pointed, re.compile(alternation(w["totals"])), re.compile(alternation(w["asks"]))


def asked(norm: str, named: List[str]) -> Optional[str]:
    """The one item of `named` (the items the normalised message names) that its only question points at, when the
    message names others too; else None."""
    from bot.estimate.items import detect_items

    if len(named) < 2:
        return None
    pointed, totals, asks = _patterns()
    found = list(pointed.finditer(norm))
    if len(found) != 1:
        return None
    m = found[0]
    question = norm[m.start() :]
    before = norm[: m.start()]
    if totals.search(question) or asks.search(before) or re.search(r"[？?吗]", before):
        return None  # 「…一共能拿多少」, or another question asked before it
    words = m.group("words")
    codes = [c for c in detect_items(words) if c in named] or _by_name(words, named)
    if not codes and _core(words) == "":  # 「…涉外高级管理培训…这项补贴能补多少」: the item told last before it
        codes = _named_last(before, named)
    return codes[0] if len(codes) == 1 else None


def _core(words: str) -> str:
    return re.sub(r"(?:的)?(?:补贴|奖励|奖|补助|支持|资金|钱)$", "", words)


def _named_last(before: str, named: List[str]) -> List[str]:
    """The one item of `named` whose words stand last in `before` (the words before the question)."""
    from bot.estimate.items import ITEM_PATTERNS

    at = {c: max((m.start() for m in re.finditer(pat, before)), default=-1) for c, pat in ITEM_PATTERNS if c in named}
    found = [c for c, pos in at.items() if pos >= 0]
    return [max(found, key=lambda c: at[c])] if found else []


def _by_name(words: str, named: List[str]) -> List[str]:
    """The items of `named` whose name holds the pointed words less their award word (「培训补贴」 → 培训: 中高级人才培训补贴)."""
    from bot.estimate.clauses import NAMES

    core = _core(words)
    return [c for c in named if len(core) >= 2 and core in NAMES[c]]


def keep_asked(session, norm: str) -> None:
    """The session's items narrowed to the one its question points at (asked), the figures of the others dropped and
    named in a note as background: they are not estimated and ask nothing (no exchange rate for a 离岸 figure)."""
    from bot.estimate.clauses import BY_CODE, CLAUSES, NAMES

    one = asked(norm, list(session.items))
    if one is None:
        return
    others = [c for c in session.items if c != one]
    own = {f.key for f in BY_CODE[one].fields}
    for clause in CLAUSES:  # every other item's figure (「去年离岸…」 is 三（一）'s last year too)
        for field in clause.fields:
            if field.key not in own:
                session.inputs.pop(field.key, None)
    session.items = [one]
    # notes on the figures dropped (「按您说的去年…的离岸执行额计算」) say nothing of the item estimated
    dropped = {re.sub(r"^(今年|上年|去年)|（.*）$", "", f.label) for c in others for f in BY_CODE[c].fields}
    dropped -= {re.sub(r"^(今年|上年|去年)|（.*）$", "", f.label) for f in BY_CODE[one].fields}
    session.notes[:] = [n for n in session.notes if not any(label and label in n for label in dropped)]
    names = "、".join(NAMES[c] for c in others)
    session.notes.append(
        f"您问的是{NAMES[one]}；您提到的{names}相关情况只作背景，不在这次测算之内（需要的话可以单独问我）"
    )
