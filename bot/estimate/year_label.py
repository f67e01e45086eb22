"""A year word written as a heading scopes what follows it (knowledge/data/estimate_words.yml `years.label`).

「去年的：境内2000万 没离岸。汇率今年7.1」: every figure and every none after 「去年的：」 is last year's until another year
word (here 今年 of the rate); 「没离岸」 says nothing of this year's offshore business. A year word with no heading
mark (「今年在岸1000万 去年900万 没有离岸」) is no label, and its reader decides as before.
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


def label_word(text: str, pos: int) -> Optional["re.Match"]:
    """The year word heading what stands at `pos`: its last year word before `pos` when that word is a label."""
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
