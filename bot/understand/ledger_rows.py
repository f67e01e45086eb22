"""People listed one group per line, like a pasted ledger (「项目经理 本科 12人 PMP培训 每人1.2万」 / 「开发工程师 本科 4人
日语培训 每人2万」 / 「部门经理 本科 2人 在职MBA学费 每人15万」): each line is its own group's, the position before the
count included. A line whose own words fail a person condition of a clause counting people (or, for 三（七）3, its
course is 学历教育) is that group's alone: its facts are never the whole message's, as long as another line fails none
(bot/understand/subgroups.py without_parts blanks them; bot/estimate/degree_costs.py leaves the group out).
"""

import re
from typing import List, Tuple

from bot.understand.people_counts import PEOPLE

_busy = [False]


# a row of a pasted table (「孙七\t本科\t项目经理\t50000\t在职读研（学历教育）学费」): three cells or more, a figure in one
_TABLE_ROW = re.compile(r"^[^\t|｜\n]*([\t|｜][^\t|｜\n]*){2,}$")


def rows(text: str) -> List[Tuple[int, int]]:
    """(start, end) of each line holding exactly one count of people, or each row of a pasted table with a figure
    (one person or group a row), when two lines or more do; else []."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        if len(PEOPLE.findall(line)) == 1 or (_TABLE_ROW.match(line) and re.search(r"\d", line)):
            out.append((m.start(), m.end()))
    return out if len(out) >= 2 else []


def _conditions() -> dict:
    """{clause code: the conditions a line's own words may fail} (three clauses counting people)."""
    from bot.estimate.clauses import senior_training
    from bot.understand.person_checks import person_clauses

    found = dict(person_clauses())
    found["3.7.3"] = senior_training.PART_CONDITIONS
    return found


def failing_spans(text: str) -> List[Tuple[int, int]]:
    """The lines (`rows`) whose own words fail a clause's person condition while another line of the list fails none
    of that clause's: those lines' facts are theirs alone."""
    if _busy[0] or "\n" not in text:
        return []
    found = rows(text)
    if not found:
        return []
    from bot.understand.person_checks import failed

    _busy[0] = True
    try:
        out = set()
        for code, ids in _conditions().items():
            fails = [bool(failed(text[s:e], code, ids)) for s, e in found]
            if any(fails) and not all(fails):
                out |= {span for span, bad in zip(found, fails) if bad}
        return sorted(out)
    finally:
        _busy[0] = False
