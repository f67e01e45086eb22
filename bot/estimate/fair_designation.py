"""One fair of several said not to be designated (三（五）): 「数博会展位费3万（商务局指定的），郑州房车展展位费2万（不是
指定展会）」, 「…还有一个行业协会办的小展会展位费1万，这个不是商务部门指定的」.

Each fair's own phrase (its cost, and a phrase right after it that names it again with 这个/那个/这场) is read for
knowledge/data/facts.yml `fair_designated`; a fair said not to be designated is left out and named, the others are
counted and the item stands on them. Nothing is changed when every fair is said not designated (the item fails
whole), when none is, or when the fair meant cannot be told apart by its cost (never a guess which one leaves).

Voice text has no commas (「一个是迪拜GITEX展 花了4万 一个是伦敦的… 8万 这两个是商务局指定的 还有一个是我们自己组织去美国
拜访客户 花了5万 不是商务部门安排的」): when the punctuated phrases tell no fair apart, a space between Chinese words or
figures is read as a phrase's end too, and the same rules run again.
"""

import re
from decimal import Decimal
from typing import Optional

PHRASE = re.compile(r"[，,。；;！!？?\n]")
# a space between two Chinese words or a figure and a word (voice text): 「花了4万 一个是伦敦的」, not 「Las Vegas」
SPACED = re.compile(r"[，,。；;！!？?\n]|(?<=[\u4e00-\u9fff\d])\s+(?=[\u4e00-\u9fff\d])")
GROUP = re.compile(
    r"都|全部|全都|均|各|每场|每个|分别|[两二三四五六七八九十\d]+\s*(?:场|个展|次)|这[两二三四五六七八九几]个|这些|它们|他们"
)
# a phrase that opens another fair (「还有一个是我们自己组织去美国…」): its words belong to the fair whose cost follows
OPENS = re.compile(r"^\s*(?:还有|另外|另)?(?:一个|一场|一次|第[一二三四五六七八九十\d]+(?:个|场|次))(?:是|为)?")
ASKED = re.compile(r"\s+[^\s]*(?:能|可以|多少|吗|么)[^\s]*$")  # 「… 能补多少」: the question, no words of the fair
AGAIN = re.compile(r"^\s*(?:这个|那个|这场|那场|这一场|那一场|这次|那次|这家|这个展|那个展|该展)")


def _verdict(words: str) -> Optional[bool]:
    from bot.understand.facts import bool_fact, fact_specs

    return bool_fact(fact_specs()["fair_designated"], words)


def _phrases(text: str, bounds_re=PHRASE) -> list:
    """(words, money values) of each phrase, a phrase naming its fair again joined to the one before it."""
    from calculator.figures_zh import parse_figures

    out: list = []
    start = 0
    cuts = [(m.start(), m.end()) for m in bounds_re.finditer(text)] + [(len(text), len(text))]
    opening = ""  # 「还有一个是我们自己组织去美国拜访客户，花了5万」: the words that open the fair whose cost follows
    for end, after in cuts:
        words = text[start:end]
        start = after
        if not words.strip():
            continue
        values = [Decimal(str(f.value)) for f in parse_figures(words) if f.kind == "money" and f.value is not None]
        if values:
            out.append(((opening + "，" if opening else "") + words, values))
            opening = ""
        elif out and AGAIN.match(words):
            out[-1] = (out[-1][0] + "，" + words, out[-1][1])  # 「越南那个展位费4万，这个不是指定的 能补多少」
        elif OPENS.match(words):
            opening = (opening + "，" if opening else "") + words
        elif out and len(out[-1][1]) == 1 and not opening and not re.search(r"多少|吗|么|呢|能补|能拿|[?？]", words):
            out[-1] = (out[-1][0] + "，" + words, out[-1][1])  # 「花了5万，不是商务部门安排的」: said of that fair
        else:
            out.append((words, values))
    return out


def _said(text: str, bounds_re) -> tuple:
    """(each one-cost phrase's (words, cost, verdict)), (words, cost) of those said not designated)."""
    said = [(w, v[0], _verdict(w)) for w, v in _phrases(text, bounds_re) if len(v) == 1]
    return said, [(w, value) for w, value, verdict in said if verdict is False]


def designated_only(r, fairs: list) -> list:
    """The fairs of `fairs` ({region, cost_cny}) less those whose own phrase says they are not designated, each named;
    `fairs` unchanged when that cannot be told (see the module's words)."""
    if len(fairs) < 2:
        return fairs
    said, left_said = _said(r.text, PHRASE)
    if not left_said:
        said, left_said = _said(r.text, SPACED)  # voice text: spaces end its phrases
    if not left_said or any(GROUP.search(w) for w, _ in left_said):
        return fairs  # 「两场 展位费各3万 都不是指定的」: said of every fair, the item fails whole
    kept = list(fairs)
    for _, value in left_said:
        same = [i for i, f in enumerate(kept) if Decimal(str(f["cost_cny"])) == value]
        if not same or len({kept[i]["region"] for i in same}) > 1:
            return fairs  # which fair leaves is not told by its cost
        kept.pop(same[0])
    if not kept:
        return fairs
    from knowledge import conditions

    leaf = next(x for x in conditions.leaves("3.5") if x.get("fact") == "fair_designated")
    named = "、".join(f"“{ASKED.sub('', w).strip()}”" for w, _ in left_said)
    r.out.notes.append(f"{named}不符合“{leaf['label']}”，不计入；按其余{len(kept)}场计算")
    held = [verdict for _, _, verdict in said if verdict is not False]
    r.out.fields["_fact_fair_designated@3.5"] = True if held and all(held) else None
    return kept
