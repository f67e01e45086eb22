"""A year word written as a heading scopes what follows it (knowledge/data/estimate_words.yml `years.label`).

「去年的：境内2000万 没离岸。汇率今年7.1」: every figure and every none after 「去年的：」 is last year's until another year
word (here 今年 of the rate); 「没离岸」 says nothing of this year's offshore business. A year word with no heading
mark (「今年在岸1000万 去年900万 没有离岸」) is no label, and its reader decides as before. A heading naming two years side
by side (「今年 vs 去年：」「this year vs last year for our company:」, `years.pair_heading`) labels neither: the lines
after it say each figure's year themselves (「在岸3200万（去年2600万）」), so pair_headings_blanked() hides it.
"""

import re
from functools import lru_cache
from typing import Optional

from bot.estimate.reading import alternation, estimate_words


@lru_cache(maxsize=1)
def _patterns() -> tuple:
    years = estimate_words()["years"]
    words = [*years["previous"], *years["current"], *years["next"], *years["calendar"]]
    year = rf"(?:{alternation(words)}|(?<!\d)(?:19|20)?\d{{2}}年)"
    label = years["label"]
    mark = "|".join(f"(?:{m})" for m in label["marks"])
    return re.compile(year), re.compile(rf"{label['between']}(?:{mark})")


@lru_cache(maxsize=1)
def _pair_heading() -> "re.Pattern":
    years = estimate_words()["years"]
    words = [*years["previous"], *years["current"], *years["calendar"], "last year", "this year", "previous year"]
    year = rf"(?:{alternation(words)}|(?<!\d)(?:19|20)\d{{2}}年?度?)"
    pair = years["pair_heading"]
    joins = alternation(pair["joins"])
    marks = "|".join(f"(?:{m})" for m in pair["marks"])
    return re.compile(
        rf"{year}\s*(?:的)?\s*(?:{joins})\s*{year}(?:[^\d\n:：]{{0,{int(pair['tail'])}}}?)(?={marks})", re.I
    )


def pair_headings_blanked(text: str) -> str:
    """`text` with each heading naming two years (「今年 vs 去年：」「今年和去年对比如下：」) blanked, same length: it is the
    year of no figure after it."""
    return _pair_heading().sub(lambda m: " " * len(m.group(0)), text)


def label_word(text: str, pos: int) -> Optional["re.Match"]:
    """The year word heading what stands at `pos`: its last year word before `pos` when that word is a label."""
    text = pair_headings_blanked(text)
    year, tail = _patterns()
    words = [m for m in year.finditer(text, 0, pos) if m.end() <= pos]
    if not words:
        return None
    m = tail.match(text, words[-1].end())
    return words[-1] if m and m.end() <= pos else None


def label_before(text: str, pos: int) -> Optional[int]:
    """The end of the year word heading what stands at `pos`, else None."""
    m = label_word(text, pos)
    return m.end() if m else None


def earlier_label(text: str, pos: int) -> bool:
    """Whether what stands at `pos` is headed by a label of an earlier year (去年的：, 上年度：, 前年：)."""
    m = label_word(text, pos)
    if m is None:
        return False
    years = estimate_words()["years"]
    return m.group(0) in years["previous"] or years["calendar"].get(m.group(0), 0) < 0


# 「2025年比2024年降了」「相比2024年」: a year compared with labels no figure
COMPARED = re.compile(r"(?:比|较|相比|对比|同比)\s*$")
COMPARES = re.compile(r"^\s*(?:的)?\s*(?:比|较|相比|对比|同比)")


def numbered_year_roles(text: str, figs) -> dict:
    """{start of a money figure: "previous" | "current"} for amounts labelled by calendar years written as numbers
    (「2025年执行额1800万，2026年2600万」「24年在岸900万 25年1100万」「2024年度离岸…2025年度…」): a figure's label is
    the last such year before it in its sentence, with no 去年/今年 word between them; a year compared with (「2026年比
    2025年涨了」), one dating an event (「2023年首次认定」「2016年入驻」) or a founding (「2023年成立」) labels nothing.
    When exactly two years label figures and they follow each other, the later is the year estimated (本年度) and the
    earlier its previous year; otherwise {} (a chain of years is year_chain's, a gap of years is asked)."""
    from bot.estimate.reading import YEAR_CUR, YEAR_PREV
    from bot.estimate.year_chain import DURATION_BEFORE, EVENT_DATE, NUMERIC_YEAR, founded_year_word

    years = []
    for m in NUMERIC_YEAR.finditer(text):
        digits = m.group(1)
        year = int(digits) if len(digits) == 4 else 2000 + int(digits)
        if not 2000 <= year <= 2100 or DURATION_BEFORE.search(text[max(0, m.start() - 4) : m.start()]):
            continue
        if COMPARED.search(text[max(0, m.start() - 3) : m.start()]) or COMPARES.match(text, m.end()):
            continue
        if EVENT_DATE.match(text, m.end()) or founded_year_word(text, m.end()):
            continue
        years.append((m, year))
    labels = {}
    for f in figs:
        if f.kind != "money" or f.value is None:
            continue
        before = [(m, y) for m, y in years if m.end() <= f.start]
        if not before:
            continue
        m, year = before[-1]
        gap = text[m.end() : f.start]
        if re.search(r"[。；;！!？?\n]", gap) or re.search(rf"{YEAR_PREV}|{YEAR_CUR}", gap):
            continue
        labels[f.start] = year
    distinct = sorted(set(labels.values()))
    if len(distinct) != 2 or distinct[1] != distinct[0] + 1:
        return {}
    return {start: "current" if year == distinct[1] else "previous" for start, year in labels.items()}
