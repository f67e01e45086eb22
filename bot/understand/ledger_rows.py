"""People listed one group per line, like a pasted ledger (「项目经理 本科 12人 PMP培训 每人1.2万」 / 「开发工程师 本科 4人
日语培训 每人2万」 / 「部门经理 本科 2人 在职MBA学费 每人15万」): each line is its own group's, the position before the
count included. A line whose own words fail a person condition of a clause counting people (or, for 三（七）3, its
course is 学历教育) is that group's alone: its facts are never the whole message's, as long as another line fails none
(bot/understand/subgroups.py without_parts blanks them; bot/estimate/degree_costs.py leaves the group out).
"""

import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

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
    from bot.understand.person_checks import failed

    _busy[0] = True
    try:
        by_columns = people_table_failing(text)
        if by_columns is not None:  # a header names each column: the rows are judged cell by cell in its words
            return by_columns
        found = rows(text)
        out = set()
        for code, ids in _conditions().items():
            fails = [bool(failed(text[s:e], code, ids)) for s, e in found]
            if any(fails) and not all(fails):
                out |= {span for span, bad in zip(found, fails) if bad}
        return sorted(out)
    finally:
        _busy[0] = False


@dataclass(frozen=True)
class RowVerdict:
    """One row of a pasted people table judged on one clause's person conditions, cell by cell."""

    row: object  # bot.estimate.tables.PersonRow
    name: str  # the row as said back (its name cell, else 「第3行（…）」)
    failed: Tuple[Tuple[str, str], ...]  # (condition label, the cell as typed with its header) for each failed
    unclear: Tuple[str, ...]  # the headers of the columns speaking of a condition whose cell says nothing readable
    met: Tuple[Tuple[str, str, object], ...]  # (condition id, fact, value) met by a cell
    at_bound: Tuple[str, ...]  # notes on figures exactly at an inclusive threshold (「实习期正好3个月，也算达到」)


def judge(table, code: str, ids) -> Optional[List[RowVerdict]]:
    """Each row of a people table (bot/estimate/tables.py people_table) judged on clause `code`'s person conditions
    `ids`: every cell is read alone in its column's words; a condition fails when a cell fails it, is met when a cell
    meets it; a column that speaks of a condition in some row (covers it) and says nothing readable in another row
    leaves that row unclear, naming the column. None when no column speaks of any of the conditions."""
    from bot.understand.facts import read_facts_cached
    from knowledge import conditions

    said = {}  # (row number, column) → checks
    for row in table.rows:
        for k, col in enumerate(table.columns):
            words = table.said(row, k)
            if words:
                facts = read_facts_cached(words)
                said[(row.number, k)] = (  # a value taken while unsaid (学历教育: assumed not) is no cell's
                    [c for c in conditions.evaluate(code, facts).checks if c.id in ids and not c.assumed],
                    facts,
                )
    covers = {}  # column → the condition ids it speaks of
    for (_, k), (checks, _) in said.items():
        covers.setdefault(k, set()).update(c.id for c in checks if c.status in ("met", "not_met"))
    # a condition taken as met while unsaid (三（七）3's 学历教育: assumed not) is left so by a cell that says nothing of it
    assumed = {x.get("id") for x in conditions.leaves(code) if "assume" in x}
    covers = {k: v - assumed for k, v in covers.items() if v - assumed}
    if not covers:
        return None
    out = []
    for row in table.rows:
        failed, unclear, met, bound = [], [], [], []
        settled = {
            c.id
            for k in range(len(table.columns))
            for c in said.get((row.number, k), ([], {}))[0]
            if c.status in ("met", "not_met")
        }
        for k, col in enumerate(table.columns):
            checks, facts = said.get((row.number, k), ([], {}))
            for c in checks:
                if c.status == "not_met":
                    failed.append((c.label, f"{col.header}：{row.cells[k]}"))
                elif c.status == "met":
                    leaf = next((x for x in conditions.leaves(code) if x.get("id") == c.id), {})
                    value = facts.get(leaf.get("fact"))
                    value = value.exact() if hasattr(value, "exact") else value
                    met.append((c.id, leaf.get("fact"), value))
                    if c.at_bound and words_typed(row.cells[k]):  # 「是」 under 「实习满3个月」 says no exact figure
                        bound.append(conditions.at_bound_note(c))
            # a condition no cell of the row settles, spoken of by this column in another row: its cell is unclear
            if k in covers and covers[k] - settled:
                unclear.append(col.header)
        out.append(
            RowVerdict(
                row, row.name(table.columns), tuple(failed), tuple(unclear), tuple(met), tuple(dict.fromkeys(bound))
            )
        )
    return out


def owner(table) -> Optional[str]:
    """The clause counting people a people table speaks of: the one whose person conditions other than 学历 (the one
    they share) its columns speak of most (「职位」 → 三（七）3, 「考核」「合同」 → 三（七）2, 「应届」「实习期」「社保」 →
    三（七）4). None when no clause's or two clauses' alike; also when a row counts its people inside a cell (「项目总监
    4人」) with no count column: those rows are read as the ledger lines they are (`failing_spans`)."""
    from bot.understand.people_counts import PEOPLE

    if not table.counted and any(PEOPLE.search(c) for row in table.rows for c in row.cells):
        return None
    spoken = {}
    for code, ids in _conditions().items():
        judged = judge(table, code, ids) or []
        said = {c for v in judged for c, _, _ in v.met} | {
            i for v in judged for label, _ in v.failed for i in _ids_of(code, label)
        }
        spoken[code] = len(said - {"education"})
    best = max(spoken.values(), default=0)
    found = [code for code, n in spoken.items() if n == best]
    return found[0] if best and len(found) == 1 else None


def _ids_of(code: str, label: str) -> List[str]:
    from knowledge import conditions

    return [x.get("id") for x in conditions.leaves(code) if x.get("label") == label]


def words_typed(cell: str) -> bool:
    """Whether a cell holds its own words or figure, not a yes / no mark (「是」「✓」)."""
    from bot.estimate.tables import yes_no_mark

    return not (yes_no_mark(cell, "yes") or yes_no_mark(cell, "no"))


def people_table_failing(text: str) -> Optional[List[Tuple[int, int]]]:
    """The rows of a pasted people table (a header naming the columns) that fail a clause's person condition while
    another row fails none of that clause's, judged cell by cell with the header's words; None when `text` holds no
    such table (then the lines are judged as typed, `failing_spans`)."""
    from bot.estimate.tables import people_table

    table = people_table(text)
    if table is None:
        return None
    out = set()
    for code, ids in _conditions().items():
        judged = judge(table, code, ids)
        if not judged:
            continue
        fails = [bool(v.failed) for v in judged]
        if any(fails) and not all(fails):
            out |= {(v.row.start, v.row.end) for v in judged if v.failed}
    return sorted(out)
