"""Spoken numerals that hold their measure word: 仨 is 三个, 俩 is 两个 (「今年参加了仨国内展会」 counts three fairs).

The figure parser reads a count only with its measure word after it (三个、两场); these numerals carry it, so they are
read here as a count of 个 — never after words that make them a pair of people (咱俩、他俩), nor before 人
(estimate_words.yml colloquial_counts)."""

import re
from decimal import Decimal
from functools import lru_cache

from calculator.figures_zh import Figure


@lru_cache(maxsize=1)
def _words() -> tuple:
    from bot.estimate.reading import estimate_words

    w = estimate_words()["colloquial_counts"]
    numerals = {str(k): int(v) for k, v in w["numerals"].items()}
    before = "|".join(sorted(map(re.escape, w["not_before"]), key=len, reverse=True))
    pattern = re.compile(rf"[{''.join(numerals)}](?!{before})(?P<unit>[个场次项家届]?)")
    return numerals, pattern, tuple(w["not_after"])


def colloquial_counts(text: str, found) -> list:
    """Count figures for 仨/俩 in `text` where no figure of `found` already stands (「俩场」 the parser reads); 「仨场」 keeps its own measure word."""
    numerals, pattern, not_after = _words()
    taken = [(f.start, f.end) for f in found]
    out = []
    for m in pattern.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if any(text[: m.start()].endswith(w) for w in not_after):
            continue
        said = m.group(0)[0]
        out.append(
            Figure("count", Decimal(numerals[said]), None, m.group("unit") or "个", m.start(), m.end(), m.group(0))
        )
    return out
