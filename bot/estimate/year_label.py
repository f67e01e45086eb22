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
