"""Fairs counted in trips: 「今年跑了3趟境外展，每趟展位费5万」「去了两趟国内的指定展会，一趟3万一趟1.5万」.

In a message that names fairs (reading.FAIR_WORDS), each trip is one event of 第三条第（五）项, so the counter is read
as 场 (「3场」「每场」「一场」「那场」) by every fair reader; the text keeps its length. The counters are
knowledge/data/estimate_words.yml `fair_trips`."""

import re
from functools import lru_cache


@lru_cache(maxsize=1)
def _trip() -> re.Pattern:
    from bot.estimate.reading import alternation, estimate_words

    words = alternation(estimate_words()["fair_trips"]["words"])
    # after a number, 每/一/那/这/哪/几/各 or 两/俩: a counter, not a word such as 趟过
    return re.compile(rf"(?<=[\d一二两俩三四五六七八九十百几每那这哪各])\s*(?:{words})")


def as_events(text: str) -> str:
    """`text` with each trip counter read as 场 when the message names fairs; unchanged otherwise."""
    from bot.estimate.reading import FAIR_WORDS

    if not re.search(FAIR_WORDS, text):
        return text
    return _trip().sub(lambda m: m.group(0)[:-1] + "场", text)
