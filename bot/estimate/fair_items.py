"""Fairs told as numbered items: 「①美国那个服务贸易展12k美元；②迪拜的8500美元；③日本的6000美元，这三个都是商务局指定的。
④还有个印度的展是我们自己找的，不在指定名单里，花了5000美元」, 「1）…2）…」, 「(1)…(2)…」.

Each number starts one fair, and the words up to the next number are that fair's own (its cost, region and whether it is
designated), as a letter's are (bot/estimate/fair_letters.py reads both). A phrase speaking of the items before it
(「这三个都是商务局指定的」「以上都是指定展会」) holds for those items whose own words say nothing of it."""

import re
from typing import Optional

CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
# a number opening an item: ①; 1）1) (1)（1） 1、 at the start, after punctuation or a line break — never a figure's
# digits (「1.5万」「12k」: a digit follows) nor a count (「1个」); at a line's start also 「1 服贸会…」「1.服贸会」
# (a space or a full stop, then a word)
_MARK = re.compile(
    rf"(?P<c>[{CIRCLED}])"
    r"|(?:(?<=^)|(?<=[\n:：,，;；。.!！?？\s]))(?<!\d\.)(?:[(（](?P<p>\d{1,2})[)）]|(?P<n>\d{1,2})(?:[)）]|、(?!\d)))"
    r"|(?m:^)[ \t]*(?P<s>\d{1,2})(?P<sm>[ \t]+|[.．](?!\d)[ \t]*)(?=[^\d\s.．,，、])"
)
# a line that heads the fairs below it with their region: 「境内：」「境外展会：」「国内的:」
REGION_LABELS = {"domestic": "境内", "overseas": "境外"}
HEADING = re.compile(
    r"(?m)^[ \t]*(?P<r>境内|国内|境外|国外|海外)"
    r"(?:[^\n:：,，。;；\d]{0,8}?[:：]|(?:的)?(?:展会|展|活动|部分|参展)?[ \t]*(?=\n))"
)  # (a line of the region's name alone heads the lines below it too: 「境外\n1 迪拜 7.5」)


def _number(m: re.Match) -> int:
    if m.group("c"):
        return CIRCLED.index(m.group("c")) + 1
    return int(m.group("p") or m.group("n") or m.group("s"))


def _style(m: re.Match) -> str:
    if m.group("c"):
        return "c"
    if m.group("s"):
        return "." if m.group("sm").strip() else " "
    return m.group(0)[-1]


def headings(text: str) -> list:
    """(where the heading line starts, where its words end, region) of each region heading line of `text`."""
    return [
        (m.start("r"), m.end(), "domestic" if m.group("r") in ("境内", "国内") else "overseas")
        for m in HEADING.finditer(text)
    ]


def _in_order(found: list, text: str) -> bool:
    """Whether the items' numbers run 1, 2, 3 … — numbering may start again at 1 under a new region heading
    (「境内：1…12 境外：1 新加坡… 2 吉隆坡…」)."""
    heads = [h for h, _, _ in headings(text)]
    expected, prev = 1, -1
    for start, n, _ in found:
        if n != expected and not (n == 1 and any(prev < h < start for h in heads)):
            return False
        expected, prev = n + 1, start
    return True


def groups(text: str) -> list:
    """(start, [label]) of each numbered item of `text`, in order; [] unless two items at least numbered 1, 2, 3 …
    in one style (numbering may start again under a region heading)."""
    found = [(m.start("s") if m.group("s") else m.start(), _number(m), _style(m)) for m in _MARK.finditer(text)]
    styles = {s for *_, s in found}
    if len(found) < 2 or len(styles) != 1 or not _in_order(found, text):
        return []
    return [(start, [text[start : start + 1] if text[start] in CIRCLED else str(n)]) for start, n, _ in found]


# a phrase of an item that speaks of the items before it too: 「这三个都是…」「以上都是…」「前面几个都…」
_BACK = re.compile(
    r"(?:这|那|以上|上面|前面|上述)(?:境内|国内|境外|国外|海外)?(?:的)?(?P<k>\d{1,2}|[两二三四五六七八九十几]{1,3})?\s*"
    r"(?:个|场|项|些|趟|次)?[^，。；,;]{0,3}?(?:都|全|均)"
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
