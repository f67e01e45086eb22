"""A list whose unit is said once in its heading: 「市场部今年展会费用明细（展位+特装+布展+注册，单位万元）：\n境内：\n
1 服贸会北京 4.6（另差旅1.1）\n2 软交会大连 3.2 …」.

Every bare number after the declaration (no unit or counter of its own, not a list's item number at a line's start,
not a rate or an ordinal) is in the declared unit; the text is rewritten with the unit written after it
(「4.6万元」), so every reader sees the amount as the user meant it. The words are knowledge/data/estimate_words.yml
`unit_heading`. With no declaration the text is returned as it is.
"""

import re
from functools import lru_cache
from typing import Optional, Tuple


@lru_cache(maxsize=1)
def _patterns() -> Tuple[re.Pattern, dict, re.Pattern, re.Pattern]:
    from bot.estimate.reading import alternation, estimate_words

    w = estimate_words()["unit_heading"]
    units = "|".join(sorted((re.escape(u) for u in w["units"]), key=len, reverse=True))
    declared = re.compile(
        "|".join(p.replace("{unit}", f"(?P<u{i}>{units})") for i, p in enumerate(w["declared"])), re.I
    )
    not_after = re.compile(rf"(?:{alternation(w['not_after'])})\s*$", re.I)
    counters = re.compile(rf"\s*(?:{w['counters']})", re.I)
    return declared, dict(w["units"]), not_after, counters


def declared_unit(text: str) -> Optional[Tuple[int, str]]:
    """(where the declaration ends, the unit to write) of the unit declaration of `text`; None when there is none, or
    when two different units are declared (a table's columns, 「在岸(万元) 离岸(万美元)」: tables.py reads those)."""
    declared, units, _, _ = _patterns()
    found = [(m.end(), units[next(g for g in m.groups() if g)]) for m in declared.finditer(text)]
    if not found or len({u for _, u in found}) > 1:
        return None
    return found[0]


# a bare number: digits, maybe a decimal part, not inside a longer number or a code (CMMI3, ISO20000, NASSCOM2024)
_NUMBER = re.compile(r"(?<![\d.a-z])(?<!\d,)\d+(?:\.\d+)?(?![\d.]|,\d{3})", re.I)
# what follows a list's item number at a line's start (「1 服贸会」「10、厦门」「3）」「(2)」「4:」)
_AFTER_MARK = re.compile(r"[ \t]+|[)）、:：]")


def apply(text: str) -> str:
    """`text` with the declared unit written after each bare number that follows the declaration."""
    found = declared_unit(text)
    if found is None:
        return text
    end, unit = found
    _, _, not_after, counters = _patterns()
    out, last = [], end
    quoted = [q.span() for q in re.finditer(r"「[^」\n]*」", text)]  # 「GITEX 2024」: a name's number is the name's
    for m in _NUMBER.finditer(text, end):
        if any(a < m.start() < b for a, b in quoted):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not text[line_start : m.start()].strip(" \t(（") and _AFTER_MARK.match(text, m.end()):
            continue  # the item's number
        if re.fullmatch(r"\d{1,2}", m.group(0)) and (
            (text[m.start() - 1 : m.start()] in ("(", "（") and re.match(r"[)）]", text[m.end() : m.end() + 1]))
            or (
                re.match(r"[\s,，;；:：。]", text[m.start() - 1 : m.start()])
                and re.match(r"[)）]|、(?!\d)", text[m.end() :])
            )
        ):
            continue  # an item's number inside a line (「…2.2 2、软交会…」「；(1)新加坡」), never 「差旅1.1）」
        if counters.match(text, m.end()) or not_after.search(text[max(0, m.start() - 4) : m.start()]):
            continue
        out.append(text[last : m.end()] + unit)
        last = m.end()
    return text[:end] + "".join(out) + text[last:]
