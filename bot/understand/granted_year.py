"""The year a status was granted, said plainly (「我们技术先进型是2016年拿的」「2017年认定的技术先进型」).

A fact of facts.yml with `granted_year` ({cue, verb, first, not_after, years_before}) is a new grant only: a grant
said of a year `years_before` or more before this one, with no word of a first grant (首次, 新认定, 今年 …) in its
sentence, is an old one — False. Nothing is said for a recent year, a year without a grant verb right after it
(「2016年成立」), or a message without the cue. Plain Python, no Rasa.
"""

import re
from typing import Optional

from bot.estimate.rent_years import this_year

YEAR = re.compile(r"(?<![0-9])(20[0-9]{2}|[0-9]{2})\s*年(?:度)?")
SENTENCE_END = re.compile(r"[。？?！!\n]")


def _sentence(t: str, pos: int) -> tuple:
    starts = [m.end() for m in SENTENCE_END.finditer(t, 0, pos)]
    start = starts[-1] if starts else 0
    end = SENTENCE_END.search(t, pos)
    return start, end.start() if end else len(t)


def old_grant(spec: dict, t: str) -> Optional[bool]:
    """False when the message says the status was granted in a year long past (see the module); else None."""
    rule = spec.get("granted_year")
    if not rule or not re.search(rule["cue"], t) or (rule.get("not_when") and re.search(rule["not_when"], t)):
        return None
    verb = re.compile(rf"\s*(?:就|起|被|便)?\s*(?:已经|已)?\s*(?:被)?\s*(?:{rule['verb']})")
    for m in YEAR.finditer(t):
        year = int(m.group(1))
        year = year if year >= 100 else 2000 + year
        if year > this_year() - rule["years_before"] or year < 1990:
            continue
        after = verb.match(t, m.end())
        if not after:
            continue
        start, end = _sentence(t, m.start())
        sentence = t[start:end]
        if not re.search(rule["cue"], sentence) or re.search(rule["first"], sentence):
            continue
        if rule.get("not_after") and re.match(rf"[^，。；\s]{{0,6}}(?:{rule['not_after']})", t[after.end() :]):
            continue  # 「2016年认定过高新」: another status
        return False
    return None
