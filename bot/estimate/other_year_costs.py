"""Costs of yearly items told for several calendar years in one message (「前年我们新拿了CMMI3，认证费15万，当年已经申请过
补贴了。今年做了CMMI3的维护复评花了8万，今年还新拿了ITSS二级花了20万。今年这两项一共能补多少」「去年去了2场境外展 每场5万
今年去了3场 每场4万 能补多少」).

三（五） fairs, 三（六） certifications and 三（七）3 training are paid on the costs of one year, with caps per year
(estimate_words.yml `years.yearly_costs`): the year asked (a calendar word after the last cost, else the latest year
told) is estimated; the costs of the other years are left out of the message — their figures, counts and certificates' names
blanked (「去年去了2场境外展，每场5万」), the words naming the item kept — and named in a note, never added to this year's. A cost said
already subsidised (`years.claimed_before`) is named so. Business amounts (在岸、离岸 …) are never touched: the year
before's are the increment's base. A message whose costs are of one year only, or that asks about each year
(year_chain.each_alone), is left as it is.
"""

import re
from typing import List, Tuple

from bot.estimate.reading import CERT_NAME, estimate_words, figures
from bot.estimate.year_chain import BUSINESS_CODES, EVENT_DATE, asides, calendar_words, name, year_of

STOPS = "，,。；;！!？?\n"
BUSINESS_WORDS = r"执行额|执行金额|合同额|在岸|离岸"  # a piece naming the business (境外 may be a fair's)


def _codes(words: str) -> set:
    from bot.estimate.items import detect_items

    return set(detect_items(words))


def _segments(text: str, start: int, end: int) -> List[Tuple[int, int]]:
    """The (start, end) of each stretch of text[start:end] between punctuation."""
    out, a = [], start
    for i in range(start, end):
        if text[i] in STOPS:
            if i > a:
                out.append((a, i))
            a = i + 1
    if end > a:
        out.append((a, end))
    return out


def _yearly_costs(text: str) -> list:
    """(figure, year, dating word) of each money figure of a yearly item dated by a calendar word."""
    yearly = set(estimate_words()["years"]["yearly_costs"])
    words = [w for w in calendar_words(text) if not EVENT_DATE.match(text, w.end)]
    if len({w.offset for w in words}) < 2:
        return []
    closed = asides(text)
    money = [f for f in figures(text) if f.kind == "money" and f.value is not None]
    out, prev_end = [], 0
    for f in money:
        y = year_of(words, f.start, closed)
        if y is None:
            prev_end = f.end
            continue
        word = [w for w in words if w.start < f.start and w.offset == y][-1]
        lead = _codes(text[max(prev_end, word.end) : f.start])
        codes = lead or _codes(text[word.end : f.end]) or _named_before(text, f.start)
        prev_end = f.end
        if codes & yearly and not lead & BUSINESS_CODES:
            out.append((f, y, word))
    return out


def _named_before(text: str, pos: int) -> set:
    """The items the nearest stretch before `pos` that names any names (「CMMI3是前年拿的，今年交维护费6万」: 三（六）;
    「去年去了2场境外展，每场5万；今年去了3场，每场4万」: 三（五））. A message run on with spaces is read piece by piece too
    (R62E027: 「3.去境外参加了一场展会 费用4万 … 5.在岸离岸合计执行额今年2000万 去年2050万」: 2050万 is the business's)."""
    for a, b in reversed(_segments(text, 0, pos)):
        for piece in reversed(re.split(r"\s+", text[a:b])):
            if re.search(BUSINESS_WORDS, piece):
                return {"3.1"}  # the business (its amounts are never a yearly cost)
            codes = _codes(piece)
            if codes:
                return codes
    return set()


def _asked_year(text: str, costs: list, words) -> int:
    """The year the question names after the last cost (「今年这两项一共能补多少」), else the latest year told."""
    last = max(f.end for f, _, _ in costs)
    years = {y for _, y, _ in costs}
    # 「…在岸执行额今年3000万 去年2500万」: a calendar word dating a figure of its own is no question's year
    starts = [f.start for f in figures(text) if f.kind == "money"]

    def dating(w) -> bool:
        return any(w.end <= s <= w.end + 6 and not re.search(r"[，,。；;！!？?\s]", text[w.end : s]) for s in starts)

    after = [w.offset for w in words if w.start >= last and w.offset in years and not dating(w)]
    return after[-1] if after else max(years)


def scoped(text: str) -> Tuple[str, List[str]]:
    """`text` with the yearly items' costs of years other than the one asked blanked (same length), and the notes
    naming them; (`text`, []) when the costs are of one year only or every year is asked about."""
    from bot.estimate.year_chain import each_alone

    costs = _yearly_costs(text)
    if len({y for _, y, _ in costs}) < 2 or each_alone(text):
        return text, []
    words = calendar_words(text)
    asked = _asked_year(text, costs, words)
    yearly = set(estimate_words()["years"]["yearly_costs"])
    chars, notes = list(text), []
    by_year: dict = {}
    for f, y, word in costs:
        if y == asked:
            continue
        later = [w.start for w in words if w.start > word.start]
        span_end = min(later) if later else len(text)
        blanked = []
        for a, b in _segments(text, word.end, span_end):
            if a > f.start:
                break
            holds = a <= f.start < b
            own_money = [g for g in figures(text[a:b]) if g.kind == "money"]
            names = _codes(text[a:b])
            if holds or (not own_money and names & yearly and not names & BUSINESS_CODES):
                blanked.append((a, b))
        for a, b in blanked:  # figures and certificates only: the words still name the item (and region) asked
            spans = [(g.start, g.end) for g in figures(text[a:b]) if g.kind in ("money", "count")]
            spans += [m.span() for m in CERT_NAME.finditer(text[a:b])]
            for s, e in spans:
                chars[a + s : a + e] = [" "] * (e - s)
        said = by_year.setdefault(y, [])
        for a, b in blanked:
            piece = re.sub(r"[a-z][a-z0-9]*", lambda m: m.group(0).upper(), text[a:b].strip())  # CMMI3 as typed
            if piece and piece not in said:
                said.append(piece)
    claimed = re.compile("|".join(f"(?:{p})" for p in estimate_words()["years"]["claimed_before"]))
    for y, said in by_year.items():
        span = " ".join(said)
        whole = _year_span(text, words, y)
        note = (
            f"“{'，'.join(said)}”是{name(y)}的费用，不计入{name(asked)}的测算"
            f"（这些补贴按年度计算，每年的上限和项目数分别计，各年度的费用分别申报）"
        )
        if claimed.search(whole) or claimed.search(span):
            note += f"；您说{name(y)}这笔已经申请过补贴，同一笔费用不能再次申报"
        notes.append(note)
    return "".join(chars), notes


def _year_span(text: str, words, year: int) -> str:
    """The words said under the calendar words of `year` (each up to the next calendar word)."""
    out = []
    for i, w in enumerate(words):
        if w.offset == year:
            out.append(text[w.end : words[i + 1].start if i + 1 < len(words) else len(text)])
    return " ".join(out)
