"""A figure said again in brackets right after a figure (「2023年整整100万美元（系统里填的就是1,000,000.00）」
「150万美元（约1000万元）」): the same amount told twice, never a second amount.

A total named again by a demonstrative right after it (「今年2600万元，这2600万里含离岸150万美元」「2500万，这个2500万
里面有300万是离岸的」) is the same amount: 「这2600万里」 reads as 「其中」, so the part after it is read as a part of
the total (bot/estimate/total_parts.py), never a third amount.

A bracket right after a money figure whose only money figure has the same value (in the same currency, or with no
currency of its own), or is marked as approximate (约、大约、大概、差不多、左右、≈: a rough conversion of it), is blanked
before the estimate reads the message; the figure before it is the one used. An exact conversion in brackets
(「120万美元（折合人民币850万元）」) is left to the readers that use it. Plain Python, no Rasa.
"""

import re

from calculator.figures_zh import parse_figures

BRACKET = re.compile(r"\s*[(（]([^()（）]{0,40})[)）]")
APPROXIMATE = re.compile(r"约|大约|大概|差不多|左右|≈|将近|接近")


def _restates(before, inside: list, words: str) -> bool:
    """Whether the bracket's figures say the figure before it again."""
    money = [f for f in inside if f.kind == "money" and f.value is not None]
    if len(money) != 1 or len(inside) != 1:
        return False
    again = money[0]
    if again.value == before.value and (again.currency in (None, before.currency)):
        return True
    return bool(APPROXIMATE.search(words)) and again.currency != before.currency and again.currency is not None


# 「，这2600万里含…」: a demonstrative, the figure said again, then an inside word (里/里面/当中/中 …)
POINTED_AGAIN = re.compile(r"[，,]\s*(?:今年|去年|上年|本年)?(?:的)?\s*(?:这|那)(?:个|笔)?\s*$")
INSIDE_AFTER = re.compile(r"\s*(?:里面|里头|当中|之中|中间|里|中)")


def pointed_again(norm: str) -> str:
    """`norm` with a total said again after a demonstrative (「这2600万里」) read as 「其中」 (same length)."""
    figs = [f for f in parse_figures(norm) if f.kind == "money" and f.value is not None]
    out = norm
    for before, again in zip(figs, figs[1:]):
        lead = POINTED_AGAIN.search(norm[before.end : again.start])
        inside = INSIDE_AFTER.match(norm, again.end)
        if not lead or not inside or again.value != before.value or again.currency not in (None, before.currency):
            continue
        if norm[before.end : before.end + lead.start()].strip():
            continue  # words between the total and the comma: not the same figure pointed at
        start, end = before.end + lead.start() + 1, inside.end()
        out = out[:start] + "其中".rjust(end - start) + out[end:]
    return out


def without_restatements(norm: str) -> str:
    """`norm` with each bracket that restates the money figure right before it blanked (same length, so positions
    hold); `norm` itself when there is none. A total pointed at again (「这2600万里」) reads as 「其中」."""
    out = norm = pointed_again(norm)
    for f in parse_figures(norm):
        if f.kind != "money" or f.value is None or f.currency is None:
            continue
        m = BRACKET.match(norm, f.end)
        if not m:
            continue
        inside = parse_figures(m.group(1))
        if _restates(f, inside, m.group(1)):
            out = out[: m.start()] + " " * (m.end() - m.start()) + out[m.end() :]
    return out
