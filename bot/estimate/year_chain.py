"""Amounts of several calendar years in one message (「今年在岸4,000万…如果明年做到5,500万、后年做到1亿，这两年的增量
奖励各是多少」「今年离岸80万美元…明年做到130万美元…」): each year asked about is estimated against the year before it.

Calendar words (去年/今年/明年/后年 …, estimate_words.yml `years.calendar`) count from the present year; the estimate's
own words (本年度/上一年度) count from the year estimated. A figure belongs to the last calendar word before it (a word
inside a closed aside only to the figures in that aside). For one year asked, the message is read with that year's
words as 今年 and the year before's as 去年; the figures of other years are left out (a cost of another item —
a fair, a platform — is left out in the year before too: only the business amounts are compared).
"""

import re
from dataclasses import dataclass
from typing import List, Optional

from bot.estimate.reading import alternation, estimate_words, figures

BUSINESS_CODES = {"3.1", "3.2", "3.3"}
# the words put in place of a calendar word, by its length: the year estimated, the year before it, any other year
CURRENT = {2: "今年", 3: "今年度"}
PREVIOUS = {2: "去年", 3: "上年度"}
OTHER = {2: "某年", 3: "某一年"}


@dataclass(frozen=True)
class YearWord:
    start: int
    end: int
    word: str
    offset: int  # years from the present one


def _calendar() -> dict:
    return {str(k): int(v) for k, v in estimate_words()["years"]["calendar"].items()}


NUMERIC_YEAR = re.compile(
    r"(?<![0-9.])(20[0-9]{2}|[0-9]{2})(?:\s*年(?:度)?(?![0-9]*[个月天])|(?=\s*(?:和|与|跟|及|、)\s*(?:20)?[0-9]{2}\s*年))"
)  # 「22年」「2023年度」, and 「2022和2023年」's first year, which shares the second's 年
DURATION_BEFORE = re.compile(
    r"(入驻|满|领了?|签了?|已经?|享受了?|运营了?|成立了?|经营了?|做了|干了|有|近|共|合计|连续)\s*$"
)
SERIES_OF_OTHER = re.compile(r"研发|投入")  # 「研发投入21年1200万 22年…」: 三（三）'s own series, read by its clause


def numeric_words(text: str) -> List[YearWord]:
    """The years written as numbers (「21年」「2022年」「23年度」), each standing for its own calendar year (offset: the
    year itself, 2021), when a message names no calendar word: a two-digit one is of this century (15–35); a duration
    (「入驻15年」「满20年」) is none. [] for a message with an R&D series (三（三）reads its own years)."""
    if SERIES_OF_OTHER.search(text):
        return []
    out = []
    for m in NUMERIC_YEAR.finditer(text):
        digits = m.group(1)
        year = int(digits) if len(digits) == 4 else 2000 + int(digits)
        if not 2015 <= year <= 2035 or DURATION_BEFORE.search(text[max(0, m.start() - 4) : m.start()]):
            continue
        out.append(YearWord(m.start(), m.end(), m.group(0), year))
    return out


def calendar_words(text: str) -> List[YearWord]:
    """Every calendar word of `text`, in order (not inside another word: 以后年度, 明后年); with none, the years written
    as numbers (numeric_words)."""
    cal = _calendar()
    blocked = {str(k): "".join(map(str, v)) for k, v in estimate_words()["years"]["calendar_not_after"].items()}
    out = []
    for m in re.finditer(alternation(cal), text):
        word = m.group(0)
        if m.start() and text[m.start() - 1] in blocked.get(word, ""):
            continue
        out.append(YearWord(m.start(), m.end(), word, cal[word]))
    return out or numeric_words(text)


def _asides(text: str) -> list:
    return [(m.start(), m.end()) for m in re.finditer(r"[（(][^（）()]*[）)]", text)]


def year_of(words: List[YearWord], pos: int, asides: list) -> Optional[int]:
    """The calendar year of the figure at `pos`: the last calendar word before it, a word in a closed aside counting
    only inside that aside; None when no word comes before it."""
    inside = next(((a, b) for a, b in asides if a <= pos < b), None)
    last = None
    for w in words:
        if w.start >= pos:
            break
        aside = next(((a, b) for a, b in asides if a <= w.start < b), None)
        if aside is None or aside == inside:
            last = w
    return last.offset if last else None


def _dated_money(text: str):
    words, asides = calendar_words(text), _asides(text)
    money = [f for f in figures(text) if f.kind == "money" and f.value is not None]
    return words, [(f, year_of(words, f.start, asides)) for f in money]


def asked_years(text: str) -> List[int]:
    """The calendar years to estimate, each against the year before it; [] when the message is no chain of years
    (amounts in fewer than two calendar years, or only in 去年/今年-like pairs that the reader reads as they are).
    A question naming years with amounts (「明年总共能拿多少」) asks those; else every year with amounts but the
    first (「这两年各是多少」)."""
    words, dated = _dated_money(text)
    years = sorted({y for _, y in dated if y is not None})
    if len(years) >= 2 and each_alone(text):
        return years  # 「2021年离岸130万美元…2022年离岸95万美元 两年离岸奖励加起来多少」: every year on its own
    if len(years) < 2 or (max(years) < 1 and len(years) < 3) or (min(years) > 1000 and len(years) < 3):
        return []  # two numbered years (「22年1000万 23年1300万」) are read as they are, like 去年/今年
    last = max(f.end for f, _ in dated)
    named = sorted({w.offset for w in words if w.start >= last} & set(years[1:]))
    return named or years[1:]


OFFSHORE_ONLY = {"3.2"}


def each_alone(text: str) -> bool:
    """Whether every year told is estimated on its own, the first too (「21年离岸120万美元…22年95万美元…每年各多少
    三年合计多少」): the message names the offshore award alone (三（二）, which reads one year's amount and that
    year's rate, never the year before's) and asks about each year or the years added up (estimate_words.yml
    `years.each_asked`). A message naming the increment too, or asking one year (「去年离岸90万美元 今年130万美元
    能拿多少」), is read as before."""
    from bot.estimate.items import detect_items

    if set(detect_items(text)) != OFFSHORE_ONLY or re.search(r"在岸|境内|增量", text):
        return False
    return bool(re.search(alternation_of_patterns(estimate_words()["years"]["each_asked"]), text))


def alternation_of_patterns(patterns: list) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def other_item(segment: str) -> bool:
    """Whether `segment` names an item other than the business amounts (a fair, a platform …)."""
    from bot.estimate.items import detect_items

    return bool(set(detect_items(segment)) - BUSINESS_CODES)


_other_item = other_item


def _segment(text: str, pos: int) -> tuple:
    start = max(text.rfind(c, 0, pos) for c in "，,。；;！!？?\n") + 1
    end = re.search(r"[，,。；;！!？?\n]|$", text[pos:])
    return start, pos + end.start()


def names_other_item(text: str, pos: int) -> bool:
    """Whether the part of `text` around `pos` (between punctuation) names an item other than the business amounts
    (a fair, a platform …): a figure there is that item's cost."""
    s, e = _segment(text, pos)
    return _other_item(text[s:e])


def _renamed(chars: list, words: List[YearWord], year: int, alone: bool = False) -> str:
    for w in words:
        table = CURRENT if w.offset == year else PREVIOUS if w.offset == year - 1 and not alone else OTHER
        new = table.get(len(w.word), table[2].ljust(len(w.word)))
        chars[w.start : w.end] = list(new)
    return "".join(chars)


def focus(text: str, year: int) -> str:
    """`text` read for the calendar `year`: its words become 今年, the year before's 去年, other years' 某年; the
    figures of other years are blanked, and in the year before only the business amounts are kept (a part naming
    another item is blanked, its year word left). Same length: every figure keeps its place."""
    words, asides = calendar_words(text), _asides(text)
    chars = list(text)
    alone = each_alone(text)
    for f in figures(text):
        if f.kind == "year":
            continue
        y = year_of(words, f.start, asides)
        if y is None or y == year:
            continue
        if alone:  # 三（二） alone: the year before's figures are no part of this year's estimate
            chars[f.start : f.end] = [" "] * (f.end - f.start)
            continue
        s, e = _segment(text, f.start)
        if _other_item(text[s:e]):
            for i in range(s, e):
                if not any(w.start <= i < w.end for w in words):
                    chars[i] = " "
        elif y != year - 1:
            chars[f.start : f.end] = [" "] * (f.end - f.start)
    return _renamed(chars, words, year, alone)


def relabel(text: str, year: int) -> str:
    """A later answer of an estimate for calendar `year` (「今年按7.1，明年也先按7.1估」 for 明年): its calendar words
    read as that estimate's years; nothing is blanked."""
    return _renamed(list(text), calendar_words(text), year)


def name(year: int) -> str:
    """The user's word for a calendar year (0 今年, 1 明年 …)."""
    if year > 1000:
        return f"{year}年"
    return next((w for w, y in _calendar().items() if y == year), f"{year:+d}年")


def basis_note(year: int) -> str:
    """What the estimate for `year` compares (said with the answer)."""
    return f"按{name(year)}与{name(year - 1)}相比测算：{name(year - 1)}的数字作为上一年度，{name(year)}的数字作为本年度"


def alone_note(year: int) -> str:
    """What the estimate for `year` reads when each year is estimated on its own (each_alone)."""
    return f"按{name(year)}的离岸执行额和{name(year)}的汇率单独测算（第三条第（二）项只看当年，不与其他年度比较）"


def in_user_words(text: str, year: int) -> str:
    """A reply of the estimate for calendar `year` in the user's calendar words: its 今年 is `year`, its 上年 the year
    before, its 上一年度 named (「上一年度（今年）」); the note that says so (basis_note) is left as it is."""
    if not year:
        return text
    note, prev = basis_note(year), name(year - 1)

    def word(m):
        w = m.group(0)
        if w == "今年":
            return name(year)
        if w == "上年":
            return prev
        return w if text[m.end() : m.end() + 1] in "（(" else f"{w}（{prev}）"

    return note.join(re.sub(r"今年|上一年度|上年度|上年(?!度)", word, part) for part in text.split(note))


def asks_sum(text: str) -> bool:
    """Whether the message asks the years' awards added up (「两年合计多少」「加起来一共多少」: estimate_words.yml
    `years.summed`)."""
    return bool(re.search(alternation(estimate_words()["years"]["summed"]), text))


def sum_line(totals: list) -> str:
    """The years' awards added up, each year's named (a year with none shown as 0元): what the user asked for; each
    year is still applied for on its own."""
    from decimal import Decimal

    from bot.estimate.reading import wan

    parts = [f"{name(year)}{wan(Decimal(str(total)))}" for year, total in totals]
    whole = sum((Decimal(str(total)) for _, total in totals), Decimal(0))
    return f"{len(totals)}个年度合计：{' + '.join(parts)} = {wan(whole)}（各年度分别申报）。"
