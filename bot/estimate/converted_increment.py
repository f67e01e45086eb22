"""The whole increment stated already converted (「增量部分（已经按规定折算好了）是1,350万元」「业务增量含离岸折算后
800万」「今年比去年增加的执行额（离岸已折成人民币）是600万」).

三（一）'s base is the increment in yuan with offshore business converted at its year's rate; a user who gives that figure
and says it is converted has given the base itself (calculator input `increment_cny`), so neither year's amounts nor
any rate are asked for it. This year's offshore dollars beside it are 三（二）'s only and never added to it again.

Only a yuan figure whose words before it (its clause, a bracket included) name the increment (增量/增加的部分) and say it
is converted or holds offshore business (estimate_words.yml converted_increment), or whose bracket right after it
says so; and only when no year's onshore amount is read. Otherwise the increment is read as before.

The increment may also be said as a rise of the whole business (「今年服务外包执行额比去年多了2000万（离岸那部分已经按汇率折成
人民币算进去了）」「执行额（含离岸，已折人民币）同比增加了800万」「比上年多做了1500万，离岸的已经折算在里面了」): a yuan
difference of the business with no 在岸/离岸 kind of its own, whose words (before it, its bracket or the clause right
after it) say offshore business is inside it, converted — an offshore word with a converted/included word, or
含/包括 离岸. A rise said of onshore business alone stays bot/estimate/stated_increment.py's.
"""

import re

from bot.estimate.reading import OFFSHORE, ONSHORE, alternation as _alt, estimate_words, wan

KEY = "increment_cny"
_INCREMENT = r"增量|增加的部分|增长的部分|增加部分|增长部分|增加额|增长额|多出的部分"


def _clause_before(text: str, pos: int) -> str:
    """The words before `pos` back to a mark that ends a clause (a bracket's own comma is inside it)."""
    flat = re.sub(r"[（(][^（()）]*[）)]", lambda m: "·" * len(m.group(0)), text[:pos])
    start = max([flat.rfind(c) for c in "，。；,;！？!?\n"] + [-1]) + 1
    return text[start:pos]


def _offshore_inside(words: str) -> bool:
    """「离岸那部分已经按汇率折成人民币算进去了」「含离岸，已折人民币」「离岸的已经折算在里面了」: offshore business said to be
    inside the figure, converted."""
    from bot.estimate.year_totals import holds_offshore

    return holds_offshore(words)


def _whole_rise(text: str, f) -> bool:
    """A rise of the whole business by the yuan figure `f`, said to hold offshore business converted (see the module)."""
    from bot.estimate.stated_increment import rise_before

    clause = _clause_before(text, f.start)
    if not rise_before(clause) or re.search(r"\d", re.sub(r"[（(][^）)]*[）)]", "", clause)):
        return False
    if re.search(rf"{ONSHORE}|美元|美金", re.sub(r"[（(][^）)]*[）)]", "", clause)):
        return False  # 「在岸比去年多了300万」: onshore's own difference
    if re.search(OFFSHORE, re.sub(r"[（(][^）)]*[）)]", "", clause)) and not _offshore_inside(clause):
        return False  # 「离岸比去年多了」: offshore's own difference
    after = re.match(r"\s*(?:[（(][^）)]{0,30}[）)]|[，,]?[^，。；,;！？!?\n\d]{0,24})", text[f.end :]).group(0)
    return _offshore_inside(clause) or _offshore_inside(after)


def take(reader) -> bool:
    """Read the increment said to be converted (see the module's words); True when read."""
    words = _alt(estimate_words()["converted_increment"])
    fields = reader.out.fields
    if any(k in fields for k in ("onshore_cny", "previous_onshore_cny", "onshore_increment_cny", KEY)):
        return False
    t = reader.text
    for f in reader.unused("money"):
        if f.value is None or f.value <= 0 or f.currency not in (None, "CNY"):
            continue
        if _whole_rise(t, f):
            fields[KEY] = f.value
            reader.use(f)
            reader.out.notes.append(
                f"按您说的今年比上年增加的{wan(f.value)}作为业务增量计算（您说离岸部分已折算为人民币含在其中，不再要两年的"
                "执行额和汇率；今年的离岸美元只用于离岸业务奖励，不重复计入增量）"
            )
            return True
        before = _clause_before(t, f.start)
        before = before[max([0] + [len(before) - (f.start - g.end) for g in reader.figs if g.end <= f.start]) :]
        if re.search(r"\d", before) or not re.search(_INCREMENT, before):
            continue
        if re.search(r"奖励|奖金|补贴|能拿", before):
            continue  # 「增量奖励（折算后）是40万」: an award, not the base
        after = re.match(r"\s*[（(][^）)]{0,16}[）)]", t[f.end :])
        if not (re.search(words, before) or (after and re.search(words, after.group(0)))):
            continue
        fields[KEY] = f.value
        reader.use(f)
        reader.out.notes.append(
            f"按您说的业务增量{wan(f.value)}计算（离岸部分您已按规定折算为人民币，直接作为增量，不再要两年的执行额和汇率；"
            "今年的离岸美元只用于离岸业务奖励，不重复计入增量）"
        )
        return True
    return False
