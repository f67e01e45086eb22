"""People trained in groups that each carry a degree, with the cost each person's training took (三（七）3):
「硕士2人每人培训费8万 本科3人每人3万」「本科5个硕士2个 每人培训费4万 另外还有3个大专学历的项目经理也一起培训了」.

Every group is a count (bot/understand/degree_groups.py). A cost goes with the groups said since the cost before it
(「本科5个硕士2个 每人4万」: both; 「硕士2人每人8万 本科3人每人3万」: each its own), so each person keeps the cost of
their own group (never an average). Groups whose degree is below the clause's (本科以上, knowledge/data/conditions.yml)
are named and not counted; a group that counts but has no cost of its own is asked about, named; a cost that may be
the whole group's (no 每人 with it) is asked too.
"""

import re
from decimal import Decimal
from typing import List, Optional

from bot.estimate.reading import TOTAL_WORDS, Clarification

CODE = "3.7.3"
EACH = r"每人|人均|每个人|每位|每名|每个|各"


def read(r, costs: list, counts: list) -> bool:
    """Reads the degree groups of clause 三（七）3 and their costs into `senior_training`; True when the message was
    read (or asked about) this way, False when it lists no degree groups for the clause, or counts people of the
    clause outside them (「1个高级工程师本科2万」: read person by person elsewhere). `counts`: the message's counts of
    people."""
    from bot.understand.degree_groups import for_clause, topic_before

    found = for_clause(r.text, r.unused("count"), CODE)
    if found is None:
        return False
    at = {g.start for g in found}
    heads = {sum(g.count for g in found)}
    if any(
        f.start not in at and int(f.value) not in heads and topic_before(r.text, f.start) in (CODE, None)
        for f in counts
    ):
        return False
    failing = _failing(r.text, found, costs)
    kept = [g for g in found if not failing[g]]
    below = [(g, failing[g]) for g in found if failing[g]]
    if not kept:
        return False
    costs = sorted(costs, key=lambda c: c.start)
    if not costs:
        if r.pending != "senior_training":
            return False
        _use_counts(r, found)
        r.out.fields["_senior_count"] = sum(g.count for g in kept)
        r.out.notes.append(_counted_note(kept, below))
        return True
    shares = _shares(found, costs)
    if not shares:
        return False  # every cost said before the groups: not a list of groups with their costs
    _use_counts(r, found)
    for c in costs:
        r.use(c)
    r.out.notes.append(_counted_note(kept, below))
    values: List[Decimal] = []
    for groups, said in shares:
        mine = [g for g in groups if g in kept]
        if not mine:
            continue
        got = _values(r, groups, mine, said)
        if got is None:
            return True  # asked
        values += got
    unplaced = [g for g in kept if not any(g in groups for groups, _ in shares)]
    if unplaced:
        r.out.clarifications.append(_unplaced_question(unplaced, values))
        return True
    r.out.fields["senior_training"] = [{"cost_cny": v} for v in values]
    r.out.fields["_fact_education_level@" + CODE] = _level_word(min(_rank(g.degree) for g in kept))
    from bot.estimate.clauses.senior_training import degree_course_label

    if any(degree_course_label() in labels for _, labels in below):
        r.out.fields["_fact_degree_education@" + CODE] = False  # the degree course is that group's, left out
    _kept_position(r, found, kept)
    return True


def _kept_position(r, found: list, kept: list) -> None:
    """「项目经理 硕士 5人…」「测试人员 本科 6人…」 one per line: the position of the people counted is the lowest one
    their own rows name (`_fact_position_level@3.7.3`), the rows below it being left out; nothing is set unless every
    kept row names one."""
    from bot.estimate.clauses.senior_training import rank_said
    from knowledge import conditions

    rows = _rows(r.text, found)
    said = [rank_said(rows[g], "position") if g in rows else None for g in kept]
    if not kept or any(x is None for x in said):
        return
    r.out.fields["_fact_position_level@" + CODE] = conditions.scales()["position"][min(x[0] for x in said)][0]


def _shares(found: list, costs: list) -> list:
    """(groups, costs) pairs: each cost with the groups said since the cost before it; a cost right after another
    (no group between) is one more cost of the same groups (「本科3人 分别2万、3万、4万」)."""
    out, pending = [], list(found)
    for c in costs:
        mine = [g for g in pending if g.end <= c.start]
        if mine:
            out.append((mine, [c]))
            pending = [g for g in pending if g not in mine]
        elif out and not any(out[-1][1][-1].end <= g.first < c.start for g in found):
            out[-1][1].append(c)
    return out


def _values(r, groups: list, mine: list, said: list) -> Optional[List[Decimal]]:
    """Each counted person's cost for one share, or None after asking."""
    people = sum(g.count for g in mine)
    if len(said) > 1:  # several costs for one group, one per person
        if len(groups) == 1 and len(said) == groups[0].count:
            values = [r.yuan(c, "培训费用") for c in said]
            return None if any(v is None for v in values) else values
        r.out.clarifications.append(_each_question(mine, [c.raw for c in said]))
        return None
    c = said[0]
    window = r.text[groups[0].first : c.end + 4]
    value = r.yuan(c, "培训费用")
    if value is None:
        return None
    total_group = sum(g.count for g in groups)
    if re.search(EACH, window) and not re.search(TOTAL_WORDS, r.text[groups[-1].end : c.start]):
        return [value] * people
    if total_group == 1:
        return [value]
    r.out.clarifications.append(_each_question(groups, [c.raw]))
    return None


def _each_question(groups: list, raws: list) -> Clarification:
    """The costs said cannot be placed person by person: each person's cost is asked, naming the groups."""
    named = "、".join(f"{g.degree}{g.count}人" for g in groups)
    people = sum(g.count for g in groups)
    return Clarification(
        "each_cost",
        f"您说的{'、'.join(raws)}对应{named}，是每人的培训费还是合计？每人的补贴单独计算、各有上限，不能按平均数估算；"
        f"请分别告诉我这{people}人每人的培训费（例如“{'、'.join(['X万'] * min(people, 3))}”）。",
        {"kind": "senior", "count": people},
    )


def _unplaced_question(groups: list, known: List[Decimal]) -> Clarification:
    """A counted group said with no cost of its own: its people's cost is asked, naming the group; the costs already
    placed are kept with the question."""
    from bot.estimate.clauses.base import wan

    named = "、".join(f"{g.degree}{g.count}人" for g in groups)
    people = sum(g.count for g in groups)
    placed = f"已按{len(known)}人的培训费（{'、'.join(wan(v) for v in sorted(set(known)))}）计入；" if known else ""
    return Clarification(
        "each_cost",
        f"{placed}您说的{named}没有说培训费。每人的补贴单独计算、各有上限，请告诉我这{people}人每人的培训费"
        f"（例如“每人X万”或“{'、'.join(['X万'] * min(people, 3))}”）。",
        {"kind": "senior", "count": people, "known": [str(v) for v in known]},
    )


def _counted_note(kept: list, below: list) -> str:
    said = "+".join(f"{g.degree}{g.count}名" for g in kept)
    note = f"中高级人才培训人数按符合条件的计：{said} = {sum(g.count for g in kept)}名"
    for g, labels in below:
        note += f"；{g.degree}{g.count}人不符合“{'、'.join(labels)}”，不计入"
    return note


def _failing(text: str, found: list, costs: list) -> dict:
    """Each group's conditions of 三（七）3 failed (the labels; empty when none): its degree against the clause's
    (本科以上), and the position said in its own words (「4个大专的普通员工」: below 项目经理), from conditions.yml."""
    from bot.estimate.clauses.senior_training import degree_course_label, degree_course, level_needs, rank_said

    bounds = sorted([g.first for g in found] + [c.start for c in costs] + [len(text)])
    rows = _rows(text, found)
    out = {}
    for g in found:
        # a ledger row (「开发工程师 本科 4人 日语培训 每人2万」) is all its group's; else up to the next group or cost
        own = rows.get(g) or text[g.first : min(b for b in bounds if b >= g.end)]
        labels = []
        if degree_course(own):  # 「部门经理 本科 2人 在职MBA学费 每人15万」: a degree course, that row alone
            labels.append(degree_course_label())
        for leaf, need in level_needs():
            if leaf["scale"] == "education":
                low = _rank(g.degree)
            else:
                said = rank_said(own, leaf["scale"])
                low = said[1] if said else need
            if low < need:
                labels.append(leaf["label"])
        out[g] = labels
    return out


def _rows(text: str, found: list) -> dict:
    """{group: its line} when the groups are said one per line (a pasted ledger: each line holds one group and its
    cost): the whole line, the position before the degree included, is that group's own words."""
    out = {}
    for m in re.finditer(r"[^\n]+", text):
        mine = [g for g in found if m.start() <= g.first < m.end()]
        if len(mine) != 1:
            continue
        out[mine[0]] = m.group(0)
    return out if len(out) == len(found) else {}


def _use_counts(r, found: list) -> None:
    for f in r.unused("count"):
        if any(f.start == g.start for g in found):
            r.use(f)


def _rank(degree: str) -> int:
    from bot.understand.degree_groups import rank

    return rank(degree)


def _level_word(rank: int) -> str:
    from knowledge import conditions

    return conditions.scales()["education"][rank][0]
