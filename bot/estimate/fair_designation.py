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
OPENS = re.compile(
    r"^\s*(?:还有|另外|另|然后|之后|此外)?[^，。；\d]{0,6}?(?:一个|一场|一次|第[一二三四五六七八九十\d]+(?:个|场|次))(?:是|为)?"
)  # (「另外还去了一个行业协会自己办的交流会，花了3万」「另外国内也去了一场指定展会 花了2万」)
# a phrase naming some of the fairs told, with no cost of its own (「9场 每场10万左右 其中有一场是我们自己办的答谢会
# 不是指定的」): k of them, those its words name leave when they cannot be told apart by cost (all the same)
MEMBER = re.compile(
    r"^\s*(?:(?:其中|这里面|里面|当中|这些里面)(?:有)?|有)\s*(?P<k>[一两二三四五六七八九\d])\s*(?:场|个|次)(?!\s*(?:都|全|均))"
)
REST = re.compile(r"^\s*(?:其他|其它|其余|剩下|剩余)")  # 「其他8场都是指定的」: said of the other fairs
ASKED = re.compile(r"\s+[^\s]*(?:能|可以|多少|吗|么)[^\s]*$")  # 「… 能补多少」: the question, no words of the fair
AGAIN = re.compile(r"^\s*(?:这个|那个|这场|那场|这一场|那一场|这次|那次|这家|这个展|那个展|该展)")


def _verdict(words: str) -> Optional[bool]:
    from bot.understand.facts import bool_fact, fact_specs

    return bool_fact(fact_specs()["fair_designated"], words)


def designation_said(words: str) -> Optional[bool]:
    """Whether `words` say their fair is designated (True), not designated (False) or neither (None)."""
    return _verdict(words)


def _phrases(text: str, bounds_re=PHRASE) -> list:
    """(words, money values, k) of each phrase, a phrase naming its fair again joined to the one before it; k is the
    number of fairs a MEMBER phrase (no cost of its own) names, else None."""
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
        asks = re.search(r"多少|吗|么|呢|能补|能拿|[?？]", words)
        member = None if values or opening else MEMBER.match(words)
        if values:
            out.append(((opening + "，" if opening else "") + words, values, None))
            opening = ""
        elif member:
            out.append((words, [], _count(member.group("k"))))
        elif out and AGAIN.match(words):
            out[-1] = (out[-1][0] + "，" + words, out[-1][1], out[-1][2])  # 「越南那个展位费4万，这个不是指定的」
        elif OPENS.match(words) or (out and out[-1][1] and _opens_at_place(words, out[-1][0])):
            opening = (opening + "，" if opening else "") + words
        elif opening and not asks:  # 「吉隆坡那个是协会办的，不是指定的，花了4万」: said of the fair opened
            opening = opening + "，" + words
        elif out and out[-1][2] and not opening and not asks and not REST.match(words) and not GROUP.search(words):
            out[-1] = (out[-1][0] + "，" + words, out[-1][1], out[-1][2])  # 「其中有一场是…，不是指定的」
        elif out and len(out[-1][1]) == 1 and not opening and not asks:
            out[-1] = (
                out[-1][0] + "，" + words,
                out[-1][1],
                None,
            )  # 「花了5万，不是商务部门安排的」: said of that fair
        else:
            out.append((words, values, None))
    return out


# a phrase that opens with a place and then 那个/那场/的展 (「吉隆坡那个是行业协会自己办的年会」): another fair, whose cost follows
_PLACE_THEN = re.compile(r"^\s*(?:还有|另外|另|然后)?\s*$")
_PLACE_NAMED = re.compile(r"^(?:那个|那场|那次|的那个|的那场|的展|的会|展|站)")


def _opens_at_place(words: str, before: str) -> bool:
    """Whether `words` open another fair by naming its place first (「吉隆坡那个是…」「曼谷的展是…」), with no figure;
    the place of the fair told `before` names that fair again (「国内上海一场3万，上海那场别的政策已经补过了」)."""
    from bot.estimate.reading import region_mentions

    for a, b, _ in region_mentions(words):
        return bool(_PLACE_THEN.match(words[:a]) and _PLACE_NAMED.match(words[b:]) and words[a:b] not in before)
    return False


def fair_phrases(text: str) -> list:
    """(words, money values) of each phrase of `text` that tells one fair with its cost, a phrase naming the fair
    again (「…2.5万，不过这场…」) joined to it (fair_elsewhere.py reads them too)."""
    return [(w, v) for w, v, k in _phrases(text) if len(v) == 1 and not k]


def _count(k: str) -> int:
    from calculator.figures_zh import numeral_value

    return int(numeral_value(k))


def _said(text: str, bounds_re) -> tuple:
    """(each one-cost or MEMBER phrase's (words, cost, verdict, k)), those of them said not designated)."""
    said = [(w, v[0] if v else None, _verdict(w), k) for w, v, k in _phrases(text, bounds_re) if len(v) == 1 or k]
    return said, [x for x in said if x[2] is False]


def _grouped(words: str) -> bool:
    """Whether a phrase said not designated speaks of every fair (「两场 展位费各3万 都不是指定的」); a MEMBER phrase's
    own count (「其中有两场」) is no such word."""
    m = MEMBER.match(words)
    return bool(GROUP.search(words[m.end() :] if m else words))


def _left_out(text: str) -> tuple:
    """(said, left): the phrases of `text` read for designation, and those said not designated — punctuated phrases
    first, then (voice text) phrases ended by spaces too; left is [] when one speaks of every fair."""
    said, left = _said(text, PHRASE)
    if not left or any(_grouped(w) for w, *_ in left):
        said, left = _said(text, SPACED)  # (a phrase of all the words of a voice text speaks of every fair too)
    if any(_grouped(w) for w, *_ in left):
        return said, []
    return said, left


def _verdict_of_rest(text: str, left: list) -> Optional[bool]:
    """The designation the message states once the phrases of the fairs left out are taken away (「商务部门指定的境内
    展会三场…另外还去了一个行业协会自己办的交流会 花了3万 那个不是商务部门指定的」 → True)."""
    for words, *_ in left:
        for piece in words.split("，"):
            at = text.find(piece)
            if piece and at >= 0:
                text = text[:at] + " " * len(piece) + text[at + len(piece) :]
    return _verdict(text)


def message_verdict(text: str) -> tuple:
    """(True, verdict) when some fairs of the message are said not designated, each by its own phrase, and others are
    told beside them: the message's designation is that of the rest (True, or None when unsaid); (False, None) when no
    such fair is singled out (the message's last statement stands, bot/understand/facts.py). Fairs told letter by
    letter (bot/estimate/fair_letters.py) are read by their letters' own words."""
    from bot.estimate.fair_letters import verdicts

    lettered = verdicts(text)
    if any(v is False for _, v in lettered) and any(v is not False for _, v in lettered):
        rest = [v for _, v in lettered if v is not False]
        return True, (True if all(rest) else None)
    said, left = _left_out(text)
    if not left or not any(verdict is not False for _, _, verdict, _ in said) and not any(k for *_, k in left):
        return False, None
    return True, _verdict_of_rest(text, left)


def _ask_designated(r, fairs: list, kept: list, same: list, k: int, words: str) -> list:
    """「两场 一场4万 一场6万 其中有一场是我们自己办的」: which fair is not designated is not told by its cost — never
    guessed: the costs of the designated fairs of that region are asked (a fair_cost question, its answer replaces
    that region's fairs), the other region's fairs kept. `fairs` unchanged when the fairs meant span both regions."""
    from bot.estimate.reading import Clarification, wan

    regions = {kept[i]["region"] for i in same}
    if len(regions) != 1:
        return fairs
    region = regions.pop()
    place = {"domestic": "境内", "overseas": "境外"}.get(region, "")
    told = "、".join(wan(Decimal(str(kept[i]["cost_cny"]))) for i in same)
    n = len(same) - k
    r.out.clarifications.append(
        Clarification(
            "fair_cost",
            f"您说的“{ASKED.sub('', words).strip()}”不符合“商务部门指定”，不能补贴；"
            f"从费用看不出是{place}{len(same)}场（{told}）中的哪{'一' if k == 1 else k}场，我不猜。"
            f"请告诉我{place}商务部门指定的那{n}场"
            + (
                "的费用（注册费、展位费、布展费、特装费、宣传推广费）是多少？"
                if n == 1
                else "每场的费用（注册费、展位费、布展费、特装费、宣传推广费）分别是多少？"
            ),
            {"groups": [{"region": region, "count": n}]},
        )
    )
    r.out.fields["_fact_fair_designated@3.5"] = True if _verdict_of_rest(r.text, [(words,)]) is True else None
    return [f for f in fairs if f["region"] != region]


def unplaced_left_out(r, value: Decimal) -> bool:
    """Whether the one fair of cost `value` whose region is asked (a region clarification) is taken out of that
    question: a fair left out needs no region."""
    asked = [c for c in r.out.clarifications if c.kind == "region" and "entries" in c.data]
    held = [c for c in asked if any(Decimal(v) == value for v in c.data["entries"])]
    if len(held) != 1 or [Decimal(v) for v in held[0].data["entries"]].count(value) != 1:
        return False
    c = held[0]
    c.data["entries"] = [v for v in c.data["entries"] if Decimal(v) != value]
    if not c.data["entries"]:
        r.out.clarifications.remove(c)
    else:
        from bot.estimate.clauses.market_fairs import caps_note
        from bot.estimate.reading import wan

        said = "、".join(wan(Decimal(v)) for v in c.data["entries"])
        c.question = (
            f"费用{said}的活动是在境内还是境外举办的？{caps_note()}"
            if len(c.data["entries"]) == 1
            else f"费用分别为{said}的这几场活动，各是在境内还是境外举办的？{caps_note()}"
        )
    return True


def designated_only(r, fairs: list) -> list:
    """The fairs of `fairs` ({region, cost_cny}) less those whose own phrase says they are not designated, each named;
    `fairs` unchanged when that cannot be told (see the module's words)."""
    from bot.estimate.clauses.market_fairs import region_of

    if len(fairs) < 2:
        return fairs
    said, left_said = _left_out(r.text)
    if not left_said:
        return fairs  # 「两场 展位费各3万 都不是指定的」: said of every fair, the item fails whole
    kept = list(fairs)
    for words, value, _, k in left_said:
        if k:  # 「其中有一场是我们自己在新加坡搞的…」: k of the fairs its words place, all of one cost
            region = region_of(None, words)
            same = [i for i, f in enumerate(kept) if region is None or f["region"] == region]
            if len(same) <= k and len(same) < len(kept):
                return fairs
            if len({Decimal(str(kept[i]["cost_cny"])) for i in same}) != 1:
                return _ask_designated(r, fairs, kept, same, k, words)
            for i in reversed(same[:k]):
                kept.pop(i)
            continue
        same = [i for i, f in enumerate(kept) if Decimal(str(f["cost_cny"])) == value]
        if not same and unplaced_left_out(r, value):
            continue  # 「…一个行业协会自己办的交流会 花了3万 那个不是指定的」: its region is never asked
        if not same or len({kept[i]["region"] for i in same}) > 1:
            return fairs  # which fair leaves is not told by its cost
        kept.pop(same[0])
    if not kept:
        return fairs
    from knowledge import conditions

    leaf = next(x for x in conditions.leaves("3.5") if x.get("fact") == "fair_designated")
    named = "、".join(f"“{ASKED.sub('', w).strip()}”" for w, *_ in left_said)
    r.out.notes.append(f"{named}不符合“{leaf['label']}”，不计入；按其余{len(kept)}场计算")
    held = [verdict for _, _, verdict, _ in said if verdict is not False]
    rest = _verdict_of_rest(r.text, left_said)
    r.out.fields["_fact_fair_designated@3.5"] = True if rest is True or (held and all(held)) else None
    return kept
