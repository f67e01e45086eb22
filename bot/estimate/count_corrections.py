"""A count of people corrected after an estimate, by the condition its words say they meet.

「不对，满6个月的是27个」 after an estimate of 三（七）4 with 28 qualified graduates: one count of people, said with a
correction word and with words saying the people meet something (满6个月、社保交满、符合条件、大专以上…), is the
clause's qualified count (the clause's `person_conditions` field), never its total; a bare 「不对，是27个」 replaces
the one count the running estimate holds, and names none when it holds two (the readers ask). A count said to fail
(「不满6个月的是5个」) or after 不是 (「不是28个」: bot/estimate/corrections.py) is no count read here.
"""

import re
from decimal import Decimal
from typing import Optional, Tuple

from bot.understand.people_counts import PEOPLE, whole

_FAILS = re.compile(r"不|没|未|差")
_BARE = re.compile(r"不对|说错了|错了|更正一下|更正|纠正一下|sorry|哦|噢|啊|是|有|为|应该|其实|个|名|人|位|都|我|\\s")
# words saying the people counted meet something (the condition named or not)
_MEETS = re.compile(r"满|符合|合格|达标|达到|通过|以上|够|超过")
_OLD = re.compile(r"(?:不是|而非|并非)\s*$")


def corrected_count(inputs: dict, text: str, items) -> Optional[Tuple[str, int]]:
    """(field, count) of the running estimate `inputs` that the normalised correction `text` gives again; None when it
    gives no one count of people, or its words do not say whose."""
    from bot.estimate import clauses
    from bot.understand.person_checks import checks

    counts = [m for m in PEOPLE.finditer(text) if not _OLD.search(text[: m.start()])]
    if len(counts) != 1 or len(list(PEOPLE.finditer(text))) != 1:
        return None
    n = whole(counts[0].group("n"))
    if n is None:
        return None
    clause = re.split(r"[，,。；;！!？?\n]", text[: counts[0].start()])[-1]
    clause += re.split(r"[，,。；;！!？?\n]", text[counts[0].end() :])[0]
    held = [c for c in clauses.CLAUSES if c.code in items and c.person_conditions]
    for c in held:
        qualified, total, ids = c.person_conditions
        if not isinstance(inputs.get(qualified), (int, Decimal)):
            continue
        said = [x for x in checks(clause, c.code, ids) if x.status != "unknown"]
        if _FAILS.search(clause) or any(x.status == "not_met" for x in said):
            return None
        if said or _MEETS.search(clause):
            return qualified, n
        told = [k for k in (qualified, total) if k and isinstance(inputs.get(k), (int, Decimal))]
        if len(told) == 1 and not _BARE.sub("", clause[: clause.find(counts[0].group(0))]):
            return told[0], n  # 「不对，是27个」: the one count held
    return None
