"""Fairs told as numbered items: 「①美国那个服务贸易展12k美元；②迪拜的8500美元；③日本的6000美元，这三个都是商务局指定的。
④还有个印度的展是我们自己找的，不在指定名单里，花了5000美元」, 「1）…2）…」, 「(1)…(2)…」.

Each number starts one fair, and the words up to the next number are that fair's own (its cost, region and whether it is
designated), as a letter's are (bot/estimate/fair_letters.py reads both). A phrase speaking of the items before it
(「这三个都是商务局指定的」「以上都是指定展会」) holds for those items whose own words say nothing of it."""

import re
from typing import Optional

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# a number opening an item: ①; 1）1) (1)（1） 1、 at the start, after punctuation or a line break — never a figure's
# digits (「1.5万」「12k」: a digit follows) nor a count (「1个」)
_MARK = re.compile(
    rf"(?P<c>[{CIRCLED}])"
    r"|(?:(?<=^)|(?<=[\n:：,，;；。.!！?？\s]))(?:[(（](?P<p>\d{1,2})[)）]|(?P<n>\d{1,2})(?:[)）]|、(?!\d)))"
)


def _number(m: re.Match) -> int:
    if m.group("c"):
        return CIRCLED.index(m.group("c")) + 1
    return int(m.group("p") or m.group("n"))


def groups(text: str) -> list:
    """(start, [label]) of each numbered item of `text`, in order; [] unless two items at least numbered 1, 2, 3 …
    in one style."""
    found = [(m.start(), _number(m), m.group(0)[-1] if not m.group("c") else "c") for m in _MARK.finditer(text)]
    styles = {s for *_, s in found}
    if len(found) < 2 or len(styles) != 1 or [n for _, n, _ in found] != list(range(1, len(found) + 1)):
        return []
    return [(start, [text[start : start + 1] if text[start] in CIRCLED else str(n)]) for start, n, _ in found]


# a phrase of an item that speaks of the items before it too: 「这三个都是…」「以上都是…」「前面几个都…」
_BACK = re.compile(
    r"(?:这|那|以上|上面|前面|上述)(?P<k>[两二三四五六七八九十\d几])?\s*(?:个|场|项|些)?[^，。；]{0,3}?(?:都|全|均)"
)


def spread_back(words: list, said: list) -> list:
    """`said` (each item's designation: True/False/None) with an item's verdict given to the items before it whose own
    words say none, when that item's words speak of them (「这三个都是商务局指定的」: the last three items)."""
    from calculator.figures_zh import numeral_value

    out = list(said)
    for i, w in enumerate(words):
        m = _BACK.search(w)
        if m is None or out[i] is None:
            continue
        k: Optional[int] = None
        if m.group("k") and m.group("k") != "几":
            k = int(numeral_value(m.group("k")))
        first = 0 if k is None else max(0, i + 1 - k)
        for j in range(first, i):
            if out[j] is None:
                out[j] = out[i]
    return out
