"""How long an agreement runs when the user says it by its dates or says its length apart from the word 协议:
「实训协议是2022年9月到2024年9月，正好两年」 → 2 years (三（七）4 两年以上: exactly two years meets it).

- `from_dates`: 「协议…YYYY年M月 到/至 YYYY年M月」 → the months between ÷ 12 (Decimal); only with both months said (a
  range of years alone, 「2022年到2024年」, may be two years or three: not guessed).
- `said_of_agreement`: whether a length in years at `at` is said in the same sentence after the agreement's word
  (「协议是…，正好两年」), with no 合同 (a trainee's contract) between.
The agreement words are knowledge/data/facts.yml internship_agreement_years `cue`.
"""

import re
from decimal import Decimal
from typing import Optional, Tuple

STOP = re.compile(r"[。；;！!？?\n]")
RANGE = re.compile(
    r"(?P<y1>(?:19|20)\d\d)\s*年\s*(?P<m1>\d{1,2})\s*月(?:份)?\s*(?:到|至|－|-|—|~|～)\s*"
    r"(?P<y2>(?:19|20)\d\d)\s*年\s*(?P<m2>\d{1,2})\s*月"
)


def _cue() -> str:
    from bot.understand.facts import fact_specs

    return fact_specs()["internship_agreement_years"]["cue"]


def _sentence_before(t: str, at: int) -> str:
    stops = [m.end() for m in STOP.finditer(t, 0, at)]
    return t[(stops[-1] if stops else 0) : at]


def from_dates(t: str) -> Optional[Tuple[Decimal, str]]:
    """(years, the dates as typed) of the agreement said by its dates in the normalised `t`, or None."""
    for m in RANGE.finditer(t):
        before = _sentence_before(t, m.start())
        if not re.search(_cue(), before[-20:]) or "合同" in before[-20:]:
            continue
        months = (int(m.group("y2")) - int(m.group("y1"))) * 12 + int(m.group("m2")) - int(m.group("m1"))
        if months <= 0 or not (1 <= int(m.group("m1")) <= 12 and 1 <= int(m.group("m2")) <= 12):
            return None
        return Decimal(months) / Decimal(12), m.group(0)
    return None


def said_of_agreement(t: str, at: int) -> bool:
    """Whether the length of years at `at` is said of the agreement named earlier in its sentence."""
    before = _sentence_before(t, at)
    cue = list(re.finditer(_cue(), before))
    return (
        bool(cue)
        and "合同" not in before[cue[-1].end() :]
        and not re.search(r"实习生|学生|社保|实习期", before[cue[-1].end() :])
    )
