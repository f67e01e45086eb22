"""三（七）3 中高级人才培训补贴 in conversation (calculator/items/senior_training.py computes it)."""

import re
from decimal import Decimal
from typing import Optional

from bot.estimate import degree_costs, vague_figures
from bot.estimate.reading import FAIR_WORDS, TOTAL_WORDS, Clarification, each_cost_question

from .base import Clause, Field, wan


def question(session) -> str:
    count, each = session.inputs.get("_senior_count"), session.inputs.get("_senior_each_cost")
    if each and not count:
        return f"每人培训费{wan(each)}：参加培训的中、高级人才（本科以上学历、项目经理以上职位）有几名？"
    if count:
        return f"这{count}人每人的培训费用是多少元？（或告诉我合计费用）"
    return "有几名中、高级人才（本科以上学历、项目经理以上职位）参加了涉外业务培训？每人的培训费用是多少元？"


def describe(value) -> str:
    return (
        f"中高级人才培训{len(value)}人（"
        + "、".join(wan(c["cost_cny"]) for c in value[:5])
        + ("等" if len(value) > 5 else "")
        + "）"
    )


PERSON_CONDITIONS = ("education", "position")  # each person counted must meet these (本科以上, 项目经理以上)
# a part of the people said apart may also fail by its course (「其中1个报的是在职MBA学位班」: 学历教育)
PART_CONDITIONS = PERSON_CONDITIONS + ("not_degree",)


def _subset_below(r) -> bool:
    """「其中有一个是大专学历的」「其中3个其实只是大专学历 那剩下的…」 after N people: the parts said to fail a person
    condition are not counted, each named; only when everyone's cost is the same (whose cost leaves is never guessed)."""
    from bot.understand.subgroups import excluded

    known = (r.known or {}).get("senior_training") or []
    if not known or r.unused("money"):
        return False
    split = _whole_split(r, [e["cost_cny"] for e in known])
    if split is not None:
        r.out.fields["senior_training"] = [{"cost_cny": v} for v in split]
        return True
    failing, _ = excluded(r.text, "3.7.3", PERSON_CONDITIONS)
    left = sum(p.count for p, _ in failing)
    if not failing or left > len(known):
        return False
    said = {int(f.value) for f in r.figs if f.kind == "count" and f.value is not None}
    if {len(known), len(known) + left} <= said:
        return False  # 「15个人里12个是…，另外3个是…大专」: the 12 counted already leave the 3 out (R62E026 had 12 − 3)
    if len({e["cost_cny"] for e in known}) != 1:
        return False  # which person's cost leaves is not said: asked elsewhere, never guessed
    for f in r.unused("count"):
        if any(p.number_at == f.start for p, _ in failing):
            r.use(f)
    r.out.fields["senior_training"] = [dict(e) for e in known[: len(known) - left]]
    said = "；".join(f"“{p.text}”不符合“{'、'.join(labels)}”，这{p.count}名不计入" for p, labels in failing)
    r.out.notes.append(f"{said}；按{len(known)} − {left} = {len(known) - left}名计算")
    return True


EACH = r"每人|人均|每个人|每位|每名"


def _whole_split(r, values: list) -> Optional[list]:
    """「一共25个人 每人2万 其中18个是本科以上的项目经理；4个是大专的项目经理；另外3个是本科的普通开发」: the group of
    `values` (one cost each, all the same) split into described parts (bot/understand/whole_split.py): every failing
    part comes off that one group together (25 − 4 − 3 = 18), named; None when the message does not split it so."""
    from bot.understand.whole_split import read as read_split

    if len(values) < 2 or len(set(values)) != 1:
        return None
    split = read_split(r.text, "3.7.3", _part_conditions(r.text), group=len(values))
    if split is None:
        return None
    for f in r.unused("count"):
        if any(p.number_at == f.start for p in split.parts):
            r.use(f)
    r.out.notes.append(split.said())
    if any(degree_course_label() in p.failed for p in split.parts):
        r.out.fields["_fact_degree_education@3.7.3"] = False  # the people counted are in a business training
    return values[: split.counted]


def _count_at_each_cost(r, counts) -> None:
    """The number of people asked after one cost for each of them (「每人1.5万」): the people who qualify, or the
    others named (「其中2个是大专学历 其他10个是本科以上的项目经理」: 10), or the count less the parts said to fail."""
    from bot.understand.subgroups import excluded

    cost = Decimal(str(r.known["_senior_each_cost"]))
    failing, others = excluded(r.text, "3.7.3", PERSON_CONDITIONS)
    n = int(counts[0].value)
    if others is not None:
        n = others.count
    elif failing:
        n = max(n - sum(p.count for p, _ in failing), 0)
    for f in counts:
        r.use(f)
    if failing:
        said = "；".join(f"“{p.text}”不符合“{'、'.join(labels)}”，这{p.count}名不计入" for p, labels in failing)
        r.out.notes.append(f"{said}；按{n}名计算")
    r.out.fields["senior_training"] = [{"cost_cny": cost} for _ in range(n)]


def qualified_of(text: str, group: int):
    """The people of a group of `group` who qualify, when the normalised `text` names parts failing the person
    conditions (「其中2个是大专 其他10个是本科以上的项目经理」: the others named, 10; else the group less the parts), or
    None when it names none."""
    from bot.understand.subgroups import excluded

    failing, others = excluded(text, "3.7.3", PERSON_CONDITIONS)
    if not failing:
        return None
    if others is not None:
        return others.count if others.count <= group else None
    left = sum(p.count for p, _ in failing)
    return group - left if left < group else None


# the business amounts' words, unless they describe the training itself (「离岸交付相关的业务培训」 is 涉外业务相关的培训)
BUSINESS = r"(?:离岸|在岸|执行额)(?![^，,。；;！!？?0-9]{0,20}(?:培训|研修|进修|课程))"


def read(r):
    """Per-person training costs: "10个人每人7万，另外12个人每人1万", "A 培训费10万，B 3万"."""
    _read(r)
    _own_degree(r)
    _others_on_degree_courses(r)
    _others_beside(r)


def _others_beside(r) -> None:
    """「25个本科项目经理每人8万。另外有个大专学历的技术骨干也去了，还有一个在读在职MBA的」: the others said beside the
    people counted whose own words fail a condition (bot/understand/subgroups.py failing_additions) are named as left
    out with the condition each misses — never the whole item ruled out for them, never counted."""
    from bot.understand.degree_course_parts import said
    from bot.understand.subgroups import failing_additions

    if not (r.out.fields.get("senior_training") or (r.known or {}).get("senior_training")):
        return
    named = said(r.text)
    for words, labels in failing_additions(r.text, "3.7.3", PART_CONDITIONS):
        if not any(words in w or w in words for w in named):
            r.out.notes.append(f"“{words}”不符合“{'、'.join(labels)}”，不计入")


def _others_on_degree_courses(r) -> None:
    """「25个项目经理…每人8万；另外两个同事在读EMBA 能一起报吗」: the others on a degree course are named as left out
    (bot/understand/degree_course_parts.py); the people counted are in the business training the user set apart from
    it, so `_fact_degree_education@3.7.3` is False unless the rest of the message says theirs is a degree course."""
    from bot.understand.degree_course_parts import said
    from bot.understand.subgroups import without_parts

    others = said(r.text)
    if not others or not (r.out.fields.get("senior_training") or (r.known or {}).get("senior_training")):
        return
    label = degree_course_label()
    if any(label in x and "不计入" in x for x in r.out.notes):
        return  # 「这里面有2个…读在职MBA」: a part of the people counted, already taken out and named
    r.out.notes.append("；".join(f"“{w}”属学历教育，不符合“{label}”，这部分不计入" for w in others))
    if not degree_course(without_parts(r.text)):
        r.out.fields["_fact_degree_education@3.7.3"] = False


def _own_degree(r) -> None:
    """「…应届生 本科10人…大专5人；再加上2个硕士学历的项目经理参加了涉外业务培训 每人5万」: the people counted are the
    degree groups said of this clause alone (their own words name it), so their degree is the item's 学历 (the
    whole message's levels straddle a floor and state none), set as `_fact_education_level@3.7.3`."""
    from bot.understand.degree_groups import rank, said_of
    from knowledge import conditions

    entries = r.out.fields.get("senior_training")
    key = "_fact_education_level@3.7.3"
    if not entries or key in r.out.fields:
        return
    mine = said_of(r.text, r.figs, "3.7.3")
    if mine and sum(g.count for g in mine) == len(entries):
        r.out.fields[key] = conditions.scales()["education"][min(rank(g.degree) for g in mine)][0]


def _read(r):
    if _subset_below(r) or _table_rows(r):
        return
    costs = r.item_costs(
        "senior_training", r"培训|研修|进修|项目经理|人才|学费|课程", FAIR_WORDS + "|租|平台|认证|" + BUSINESS
    )
    from bot.understand.degree_groups import of_other_clause
    from bot.understand.people_counts import of_another_clause

    people = r"人|名|个|位"
    others = of_other_clause(r.text, r.figs, "3.7.3")  # 「应届生里 本科10人、硕士4人…」: the interns' degree groups
    counts = [
        f
        for f in r.unused("count")
        if re.search(people, f.unit or f.raw or "")
        and f.start not in others
        and not re.search(
            r"实习|应届|毕业" + ("|学员" if "3.7.2" in r.items else ""), r.text[max(0, f.start - 8) : f.end + 6]
        )  # 学员 are a training body's, unless the enterprise's course alone is asked about (「研修班 24个学员」)
        and not re.match(FAIR_WORDS, r.text[f.end : f.end + 3])  # 「一个展会」 counts no people
        and not _counts_things(r.text[f.end : f.end + 6])  # 「问两个补贴：…」 counts the questions
        and not re.match(COURSE_AFTER, r.text[f.end : f.end + 20])  # 「一个是海外交付管理培训」: a course
        and not of_another_clause(r.text, f.start, "3.7.3")  # 「一是实习生…符合条件的有12名；二是…培训」: the interns'
    ]
    costs = _foreign_courses_only(r, costs)  # 「一个是海外交付培训每人2万 一个是消防安全培训每人5000」
    costs = _degree_course_costs_apart(r, costs)  # 「另外还有个副总读了在职EMBA学位，学费30万」
    vague = [v for v in vague_figures.people_counts(r.text) if not _counts_things(r.text[v.end : v.end + 6])]
    counts = [f for f in counts if not any(v.start <= f.start < v.end for v in vague)]
    if vague and costs and not counts:
        # 「20几个项目经理…总共45万」: no single number of people; a total is never one person's cost nor split
        said = "、".join(f"「{v.raw}」" for v in vague)
        r.out.problems.append(
            f"您说的{said}不是确切人数，{wan(costs[0].value)}也没有分到每个人。补贴按每人的培训费分别计算、每人各有上限，"
            "不能按一个人或平均数估算。请问具体参加培训的有多少人、每人的培训费各是多少？"
        )
        for c in costs:
            r.use(c)
        return
    if degree_costs.read(
        r, costs, counts
    ):  # 「硕士2人每人8万 本科3人每人3万」: groups by degree, each with its own cost
        return
    if not costs:
        if counts and r.pending == "senior_training" and r.known.get("_senior_each_cost"):
            _count_at_each_cost(r, counts)
        elif counts and r.pending == "senior_training":
            r.out.fields["_senior_count"] = int(counts[0].value)
            r.use(counts[0])
        return
    pieces, prev_end = [], 0
    inside = _part_counts(r.text)
    for c in costs:
        start = max([m.end() for m in re.finditer(r"[，,。；;：:]|另外|还有|其中|另", r.text[: c.start])] or [0])
        before = [n for n in counts if prev_end <= n.start < c.start]
        mine = (
            [n for n in counts if start <= n.start < c.start and not any(n.start < o.start < c.start for o in costs)]
            or [n for n in before if n.start not in inside]
            or before
        )  # a count goes with the cost after it: 「12个项目经理参加培训，每人3.5万」 across the comma; a part
        # said between them (「10个项目经理…，其中4个是大专学历，每人2万」) is of those 10, never the people the cost is for
        prev_end = c.end
        piece = r.text[start : c.end + 4]
        lead = r.text[start : c.start]
        per = (
            "total"  # 「一共花了35万5，每人费用一样」: 一共 before the figure makes it a total, whatever follows it
            if re.search(TOTAL_WORDS, lead) and not re.search(EACH, lead)
            else "each"
            if re.search(r"每人|人均|每个人|每位|各|每个", piece)
            else "total"
            if re.search(TOTAL_WORDS, piece)
            else None
        )
        pieces.append((c, mine[-1] if mine else None, per))
    for c in costs:
        r.use(c)
    if len(costs) > 1 and all(n is not None for _, n, _ in pieces):
        groups = []
        for c, n, per in pieces:
            r.use(n)
            if per == "total" and int(n.value) > 1:
                r.out.clarifications.append(each_cost_question("senior", int(n.value), c.value, "人", "培训费"))
                return
            value = r.yuan(c, "培训费用")  # 「每人培训费5000美元」: at the user's own rate, else asked
            if value is None:
                return
            groups.append([value] * int(n.value))
        head = _head_count(r, counts, costs[0])
        qualified = None
        if head is not None:
            r.use(head)
            if int(head.value) != sum(len(g) for g in groups):
                qualified = _head_of_qualified(r, costs, groups, int(head.value))
                if qualified is None:
                    r.out.clarifications.append(people_and_costs_question(int(head.value), costs, groups))
                    return
        values = [v for g in (qualified or _qualified_groups(r, costs, groups)) for v in g]
        r.out.fields["senior_training"] = [{"cost_cny": v} for v in values]
        return
    if len(costs) == 1 and _described_groups(r, counts, costs[0]):
        return
    n_fig = pieces[0][1] if len(costs) == 1 and pieces[0][1] is not None else (counts[0] if counts else None)
    n_fig = _group_of_part(r, n_fig, counts)  # 「一共30个人 其中3个是大专…每人8万」: the 30 each cost 8万, never the 3
    n = int(n_fig.value) if n_fig is not None else r.known.get("_senior_count")
    if n_fig is not None:
        r.use(n_fig)
    if n is None and len(costs) == 1 and _unnamed_group(r.text):
        # 「派了一批人出去做业务培训 总共花了48万」: several people, how many not said: never one person's cost
        r.out.problems.append(
            f"您说的{wan(costs[0].value)}是一批人的培训费合计，没有说人数。补贴按每人的培训费分别计算、每人各有上限，"
            "不能按一个人或平均数估算；请告诉我参加培训的人数和每人的培训费（例如“5人，每人3万”）。"
        )
        return
    per = pieces[0][2] if len(costs) == 1 else None
    if n is None and len(costs) == 1 and (per == "each" or re.search(EACH, r.text)):
        # 「每人的培训费都是1.5万」 with no number of people: several people, how many is asked, never one
        value = r.yuan(costs[0], "培训费用")
        if value is not None:
            r.out.fields["_senior_each_cost"] = value
        return
    if per is None:
        per = (
            "each"
            if re.search(r"每人|人均|每个人|每位|各", r.text)
            else "total"
            if re.search(TOTAL_WORDS, r.text)
            else None
        )
    values = _equal_shares(r, costs, n) if per == "total" else None
    values = values or r.spread(costs, n, per, "人", "培训", "senior")
    told = [int(f.value) for f in counts]
    if values is not None and n and len(values) == len(costs) > 1 and len(costs) not in (n, sum(told)):
        r.out.clarifications.append(people_and_costs_question(n, costs, [[v] for v in values]))
        return
    if values is not None:
        if len(values) == len(costs) > 1:
            values = [v for g in _qualified_groups(r, costs, [[v] for v in values]) for v in g]
        whole = len(values)
        split = _whole_split(r, values)
        if split is not None:
            r.out.fields["senior_training"] = [{"cost_cny": v} for v in split]
            return
        values = _counted_levels_only(r, values)
        # the parts are read against the whole group told, so a part already left out above (「8个人…其中5个是本科学历的
        # 项目经理 另外3个是专科的」) is never subtracted twice
        values = _less_failing_parts(r, values, whole)
        if values is None:
            return  # the parts' figures disagree or may overlap: asked (count_without_parts), nobody counted yet
        r.out.fields["senior_training"] = [{"cost_cny": v} for v in values]


def _part_counts(text: str) -> set:
    """Where the counts of the parts said inside a group that fail a condition begin (「其中4个是大专学历」,
    bot/understand/subgroups.py excluded): no people of their own to pay for — taken out of the group later. A part
    said to qualify (「其中6个是本科以上的项目经理」) is the count it names, so it is not here."""
    from bot.understand.subgroups import excluded

    return {p.number_at for p, _ in excluded(text, "3.7.3", PART_CONDITIONS)[0] if not p.rest}


def _group_of_part(r, n_fig, counts: list):
    """The count of the group that `n_fig` is a part of (「一共30个人 其中3个是大专学历 其余都本科以上…每人培训费8万」: the
    3 is a part said inside the 30 that fails a condition, bot/understand/subgroups.py parts), when that group's count
    is one of `counts` said before it; `n_fig` itself otherwise."""
    from bot.understand.subgroups import parts

    if n_fig is None:
        return n_fig
    part = next((p for p in parts(r.text) if p.number_at <= n_fig.start < p.end and not p.rest), None)
    if part is None or part.number_at not in _part_counts(r.text):
        return n_fig  # a part said to qualify (「其中6个是本科以上的项目经理」) is the count itself
    group = [f for f in counts if f.start < part.start and int(f.value) > int(n_fig.value)]
    return group[-1] if group else n_fig


def _equal_shares(r, costs: list, n: Optional[int]) -> Optional[list]:
    """「10个项目经理…一共花了35万5，每人费用一样」: a total for `n` people the user says were each charged the same
    (estimate_words.yml `equal_costs`) is each one's cost × n — the total ÷ n, read only because the user said so, and
    only when it divides to the fen; else None (each one's cost is asked, never averaged)."""
    from bot.estimate.reading import estimate_words
    from bot.estimate.reading import alternation

    if len(costs) != 1 or not n or n < 2 or not re.search(alternation(estimate_words()["equal_costs"]), r.text):
        return None
    total = r.yuan(costs[0], "培训费用")
    if total is None or (total / n) != (total / n).quantize(Decimal("0.01")):
        return None
    each = total / n
    r.out.notes.append(f"培训费合计{wan(total)}、{n}人，您说每人费用相同，按每人{wan(each)}计算")
    return [each] * n


def _part_conditions(text: str) -> tuple:
    """The conditions a part of the people may fail: 学历教育 too, unless a part on a degree course is said to be on it
    besides the training (「其中一个 is also doing an MBA」「有1个同时在读EMBA」, estimate_words.yml subgroups besides)."""
    from bot.estimate.reading import alternation, estimate_words
    from bot.understand.subgroups import excluded

    besides = re.compile(alternation(estimate_words()["subgroups"]["besides"]))
    label = degree_course_label()
    failing, _ = excluded(text, "3.7.3", PART_CONDITIONS)
    if any(label in labels and besides.search(p.text) for p, labels in failing):
        return PERSON_CONDITIONS
    return PART_CONDITIONS


def _less_failing_parts(r, values: list, whole: Optional[int] = None) -> Optional[list]:
    """「一共25个人 每人培训费4万 其中3个是大专学历 其他22个都是本科以上 不过这22个里面有1个报的是在职MBA学位班」: one
    cost for each of the group's people, and parts said apart that fail a person condition (学历, 职位, 学历教育): the
    people counted are the others named less their own failing parts, else the group less the parts (base
    count_without_parts: the parts' sums are checked, an overlap not said is asked). Only when everyone's cost is the
    same (whose cost leaves is never guessed); None when the count is asked."""
    from .base import OVERLAP_ASKED, count_without_parts

    if len(values) < 2 or len(set(values)) != 1:
        return values
    n = count_without_parts(r, "3.7.3", _part_conditions(r.text), whole or len(values))
    if n is None:
        asked = r.out.fields.get(OVERLAP_ASKED) or any("对不上" in x for x in r.out.notes)
        return None if asked else values
    if any(degree_course_label() in x for x in r.out.notes):
        r.out.fields["_fact_degree_education@3.7.3"] = False  # the people counted are in a business training
    return values[: min(n, len(values))]


# 「两个培训」「一个是海外交付管理培训」: the count is of courses, not of people
# (「一个培训费18600」: a person's cost, 费 after the course word)
COURSE_AFTER = r"\s*(?:的)?(?:培训|课程|研修|进修|班)(?!费)|\s*是[^，,。；;\d]{0,14}(?:培训|课程|研修|进修|班)(?!费)"
COURSE_OPENING = re.compile(
    r"[，,。；;]|一个是|另一个是|一门是|另一门是|一项是|另一项是|一是|二是|另外|还有|另一个|其中一个"
)


def _degree_course_costs_apart(r, costs: list) -> list:
    """「26个项目经理…每人学费7万；另外还有个副总读了在职EMBA学位，学费30万」: a cost said in the phrase of other people
    on a degree course (bot/understand/degree_course_parts.py) is theirs — left out (named by `_others_on_degree_courses`),
    never one of the people counted; the costs kept, unless no cost is left (then the conditions decide)."""
    from bot.understand.degree_course_parts import spans

    apart = spans(r.text)
    if not apart:
        return costs
    dropped = [c for c in costs if any(a <= c.start < b for a, b in apart)]
    if not dropped or len(dropped) == len(costs):
        return costs
    for c in dropped:
        r.use(c)
    return [c for c in costs if c not in dropped]


def _foreign_courses_only(r, costs: list) -> list:
    """「参加了两个培训 一个是海外交付管理培训每人2万 一个是消防安全培训每人5000」: each course is read from its own words
    (from the word opening it to the next); a course whose words fail 「与涉外业务相关」 (facts.yml
    training_foreign_related: 消防、团建…) beside one whose words hold it is left out and named, with its cost; the
    people counted are in the courses kept (`_fact_training_foreign_related@3.7.3`). The costs as they were unless
    both kinds of course are said (the conditions then decide the whole item)."""
    from bot.understand.facts import bool_fact, fact_specs

    spec = fact_specs()["training_foreign_related"]
    cuts = [0] + [m.end() for m in COURSE_OPENING.finditer(r.text)] + [len(r.text)]
    courses = []
    for a, b in zip(cuts, cuts[1:]):
        words = r.text[a:b]
        if re.search(r"培训|课程|研修|进修", words):
            courses.append((a, b, words, bool_fact(spec, words.lower())))
    left = [x for x in courses if x[3] is False]
    kept = [x for x in courses if x[3] is True]
    if not left or not kept or not any(a <= c.start < b for a, b, _, _ in kept for c in costs):
        return costs
    label = next(leaf["label"] for leaf in level_needs_all() if leaf.get("id") == "foreign")
    for _, _, words, _ in left:
        own = re.match(
            r"\s*(\S*?(?:培训|课程|研修|进修)\S*)", words
        )  # 「消防安全培训每人5000」, not the question after it
        said = own.group(1) if own else words.strip(" ，,。；;")
        r.out.notes.append(f"“{said}”不符合“{label}”，这项培训的费用不计入")
    dropped = [c for c in costs if any(a <= c.start < b for a, b, _, _ in left)]
    for c in dropped:
        r.use(c)
    for f in r.figs:  # 「消防安全培训每人5000」: its amount, read or not as a cost, is no one's cost here
        if any(a <= f.start < b for a, b, _, _ in left):
            r.use(f)
    r.out.fields["_fact_training_foreign_related@3.7.3"] = True
    return [c for c in costs if c not in dropped]


def level_needs_all() -> list:
    """三（七）3's condition leaves (knowledge/data/conditions.yml)."""
    from knowledge import conditions

    return list(conditions.leaves("3.7.3"))


def _counts_things(after: str) -> bool:
    """The words after a count name what it counts as no person (estimate_words.yml counted_things)."""
    from bot.estimate.reading import alternation, estimate_words

    if re.match(r"(的)?(项目经理|项目负责人|项目总监|人|员工|名|位)", after):
        return False
    return bool(re.match(rf"(的)?({alternation(estimate_words()['counted_things'])})", after))


def _unnamed_group(text: str) -> bool:
    """「一批人」「几个骨干」「项目经理们」「整个交付团队」: several people whose number is not said (estimate_words.yml
    unnamed_group, unnamed_group_shapes)."""
    from bot.estimate.reading import alternation, estimate_words

    words = estimate_words()
    return bool(
        re.search(alternation(words["unnamed_group"]), text)
        or any(re.search(p, text) for p in words.get("unnamed_group_shapes", ()))
    )


def level_needs() -> list:
    """(condition leaf, the rank it needs) for 三（七）3's 学历 and 职位 (knowledge/data/conditions.yml)."""
    from knowledge import conditions

    leaves = {x.get("id"): x for x in conditions.leaves("3.7.3")}
    needs = []
    for cid in ("education", "position"):
        leaf = leaves.get(cid)
        if leaf:
            levels = conditions.scales()[leaf["scale"]]
            needs.append((leaf, next(i for i, level in enumerate(levels) if leaf["at_least"] in level)))
    return needs


def _described_groups(r, counts, cost) -> bool:
    """「6个人 4个是本科学历的项目经理 1个是大专的项目经理 1个本科但是普通开发 每人培训费都是2.4万」: a group's count
    and the counts of its parts, each described by its 学历/职位, with one cost for each person: only the parts whose
    levels are not below the clause's (本科以上、项目经理以上) are counted, the others named; parts that do not add
    up to the group are asked, naming the figures; 「两个… 一个培训费1000」 (one cost for one of them) is asked too.
    True when the message was read (or asked) this way."""
    before = [f for f in counts if f.end <= cost.start and id(f) not in r.used]
    if len(before) < 2 or int(before[0].value) < 2:
        return False
    head, subs = before[0], before[1:]
    told, parts = int(head.value), sum(int(f.value) for f in subs)
    each = re.search(r"每人|人均|每个人|每位|各|都是", r.text[head.end : cost.end + 4])
    if len(subs) == 1 and not each and parts < told:
        if parts == 1 and re.match(r"\s*(的)?(培训费|费用|学费|花了)", r.text[subs[0].end : cost.start]):
            r.out.clarifications.append(people_and_costs_question(told, [cost], [[cost.value]]))
            for f in before:
                r.use(f)
            return True
        return False
    if len(subs) < 2:
        return False
    if parts != told:
        r.out.clarifications.append(
            Clarification(
                "qualified",
                f"您说{told}人，但分开说的{'、'.join(f.raw for f in subs)}合计{parts}人。"
                f"这{told}人里本科以上学历、项目经理以上职位的有几人？",
                {"entries": [str(cost.value)] * told},
            )
        )
        for f in before:
            r.use(f)
        return True
    needs = level_needs()
    kept, left, kept_said = 0, [], []
    for i, f in enumerate(subs):
        end = subs[i + 1].start if i + 1 < len(subs) else cost.start
        said = r.text[f.end : end]
        below = [leaf["label"] for leaf, need in needs if (ranks := rank_said(said, leaf["scale"])) and ranks[1] < need]
        if below:
            left.append((f, said.strip(" ，,是的"), below))
        else:
            kept += int(f.value)
            kept_said.append(said)
    for f in before:
        r.use(f)
    r.use(cost)
    if left:
        r.out.notes.append(
            "；".join(f"{f.raw}（{said}）不符合“{'、'.join(b)}”，不计入" for f, said, b in left)
            + f"；{told}人中按符合条件的{kept}人计算"
        )
        if kept:
            _counted_levels_are_the_items(r, kept_said, [said for _, said, _ in left])
    value = r.yuan(cost, "培训费用")
    if value is None:
        return True  # a dollar cost with no rate: asked (Reader.yuan), nobody counted meanwhile
    r.out.fields["senior_training"] = [{"cost_cny": value} for _ in range(kept)]
    return True


def _head_count(r, counts, first_cost):
    """「两个硕士的高级项目经理… 一个培训费18600 一个33250」: the count of people said before the first cost and
    before the counts of its groups (两个), or None; of several, the one nearest the costs (「问两个补贴：今年派了8个
    项目经理…3人每人2万、2人每人5万」: 8, the 两个 before it counts the questions)."""
    heads = [f for f in counts if f.end <= first_cost.start and id(f) not in r.used]
    return heads[-1] if heads else None


def _head_of_qualified(r, costs, groups: list, head: int) -> Optional[list]:
    """「符合本科以上的一共22人：10人每人8万，8人每人4万，4人每人2万；另外2个大专的每人3万」: the count said is of the
    people who qualify, so it matches the groups kept once those below the clause's level are left out; those
    groups, or None (nothing said or set is kept then)."""
    notes, fields = list(r.out.notes), dict(r.out.fields)
    kept = _qualified_groups(r, costs, groups)
    if len(kept) < len(groups) and sum(len(g) for g in kept) == head:
        return kept
    r.out.notes[:] = notes
    r.out.fields.clear()
    r.out.fields.update(fields)
    return None


def people_and_costs_question(told: int, costs, groups: list) -> Clarification:
    """The user's count of people and the costs listed do not match: each person's cost is asked, naming both
    (never one of them dropped, never an average)."""
    listed = sum(len(g) for g in groups)
    said = "、".join(wan(c.value) for c in costs)
    return Clarification(
        "each_cost",
        f"您说{told}人参加培训，但列出的培训费对应{listed}人（{said}）。每人的补贴单独计算、各有上限，"
        f"请分别告诉我这{told}人每人的培训费（例如“{'、'.join(['X万'] * min(told, 3))}”）。",
        {"kind": "senior", "count": told, "total": str(sum(c.value for c in costs))},
    )


def rank_said(words: str, scale: str):
    """The lowest and highest rank of `scale` (conditions.yml scales) named in `words`, or None."""
    from knowledge import conditions

    words = _denied_blanked(words.lower(), scale)
    for w in conditions.scales().get(f"{scale}_unsettled", []):
        words = words.replace(str(w).lower(), " ")  # 高级工程师 is no 工程师: its rank is not settled
    ranks = [rank for rank, level in enumerate(conditions.scales()[scale]) for w in level if str(w).lower() in words]
    return (min(ranks), max(ranks)) if ranks else None


AT_LEAST = re.compile(r"不(?:低|少|亚|次|差)于\s*$")


def _denied_blanked(words: str, scale: str) -> str:
    """`words` with each level word of `scale` that is denied right before it blanked (「普通开发工程师（不是项目经理）」
    says no 项目经理; facts.py NEGATION, within the word's phrase): a denied level is no level of these people."""
    from bot.understand.facts import NEGATION, PHRASE_END
    from knowledge import conditions

    levels = sorted((str(w).lower() for level in conditions.scales()[scale] for w in level), key=len, reverse=True)
    for w in levels:
        for m in re.finditer(re.escape(w), words):
            ends = [x.end() for x in PHRASE_END.finditer(words, 0, m.start())]
            before = words[ends[-1] if ends else 0 : m.start()]
            if NEGATION.search(before) and not AT_LEAST.search(before):  # 「不低于本科」 is no denial
                words = words[: m.start()] + " " * len(w) + words[m.end() :]
    return words


def _qualified_groups(r, costs, groups: list) -> list:
    """「3个项目经理本科，培训费分别2万、3万、6万；还有1个大专学历的项目经理4万；1个本科的普通开发工程师5万」:
    each cost goes with the people described before it (a cost listed right after another, 「、」, shares
    that description); a group whose education or position is below the clause's (本科以上、项目经理以上,
    conditions.yml) is not counted and named; a group whose level is not said stays counted (asked as a
    condition)."""
    needs = level_needs()
    kept, left, said, course, prev_end = [], [], "", False, 0
    kept_said, left_said = [], []
    for c, v in zip(costs, groups):
        between = _own_sentence(r.text[prev_end : c.start], needs)
        if any(rank_said(between, leaf["scale"]) for leaf, _ in needs) or degree_course(between):
            said = between  # a new group is described; else the cost is listed with the group before it
            course = degree_course(between)
        course = course or degree_course(_said_of_cost(r.text, c.end))
        prev_end = c.end
        below = [leaf["label"] for leaf, need in needs if (ranks := rank_said(said, leaf["scale"])) and ranks[1] < need]
        if course:
            below.append(degree_course_label())  # 「周 本科 项目经理 读在职MBA 学费10万」: that person alone
        (left if below else kept).append((c, v, below))
        (left_said if below else kept_said).append((said, c))
    if kept and not left and len({rank_said(x, "education") for x, _ in kept_said}) > 1:
        # each person with a level of their own, all counted (「张经理（本科 项目经理）…李总监（硕士 项目总监）…」)
        _counted_levels_are_the_items(r, [x for x, _ in kept_said], [])
    if not left or not kept:
        return groups  # one level for everyone: the conditions decide the whole item
    from bot.estimate import lists

    found = lists.figure_lists(r.text, r.figs)
    for c, g, below in left:
        lst = lists.list_of(found, c)
        entry = lst.entry_of(c) if lst and len(lst.entries) > 1 else None
        who = f"“{entry.label}{c.raw}”" if entry and entry.label else f"培训费{c.raw}的{len(g)}人"  # named as typed
        r.out.notes.append(f"{who}不符合“{'、'.join(below)}”，不计入")
    r.out.notes.append(f"按符合条件的{sum(len(g) for _, g, _ in kept)}人计算")
    if any(degree_course_label() in below for _, _, below in left):
        r.out.fields["_fact_degree_education@3.7.3"] = False  # the people counted are in a business training
    _counted_levels_are_the_items(r, [s for s, _ in kept_said], [s for s, _ in left_said])
    return [g for _, g, _ in kept]


def _said_of_cost(text: str, end: int) -> str:
    """The words right after a cost that say what it is (「F博士 项目经理 不过他那个1万是读在职博士学位的学费」: 「是读在职
    博士学位的学费」), up to the end of their phrase; "" unless they open with 是/为/属于 (the next person's words are
    never this cost's)."""
    m = re.match(r"\s*(?:元|块)?\s*(?:是|为|属于|都是|那是|这是)", text[end:])
    if not m:
        return ""
    stop = re.search(r"[，,。；;！!？?\s]", text[end + m.end() :])
    return text[end : end + m.end() + (stop.start() if stop else len(text))]


def degree_course(words: str) -> bool:
    """Whether `words` (one person's or group's own description) say their course is a degree course (学历教育:
    「读在职MBA」「在读EMBA」, knowledge/data/facts.yml degree_education)."""
    from bot.understand.facts import bool_fact, fact_specs

    return bool_fact(fact_specs()["degree_education"], (words or "").lower()) is True


def degree_course_label() -> str:
    from knowledge import conditions

    leaf = next((x for x in conditions.leaves("3.7.3") if x.get("id") == "not_degree"), {})
    return leaf.get("label", "业务培训，不包括学历教育")


def _own_sentence(between: str, needs: list) -> str:
    """The words describing the people of a cost: its own phrase when it names a level itself (「应届生大专以上的8个
    另外本科学历的项目经理培训费2万」: 本科, never the interns' 大专), else its own sentence when that does (「…应届生8个
    （大专以上…）。另外中高级人才培训：本科的项目经理培训费2.4万」), else all of `between`."""
    for breaks in ("，,、：: 。；;！!？?\n", "。；;！!？?\n"):
        cut = max(between.rfind(c) for c in breaks)
        own = between[cut + 1 :]
        if cut >= 0 and any(rank_said(own, leaf["scale"]) for leaf, _ in needs):
            return own
    # 「A 4万 B 8万 这四个都是本科以上的项目经理 然后还有E是大专学历的高级项目经理 培训费10万」: the words name two levels
    # of a scale, the one said of the people before (本科) and this cost's own (大专): the nearest phrase naming it
    mixed = [leaf["scale"] for leaf, _ in needs if (r := rank_said(between, leaf["scale"])) and r[0] != r[1]]
    for cut in sorted((i for i, ch in enumerate(between) if ch in "，,、：: "), reverse=True):
        if mixed and any(rank_said(between[cut + 1 :], scale) for scale in mixed):
            return between[cut + 1 :]
    return between


def _counted_levels_are_the_items(r, kept: list, left: list) -> None:
    """The people counted are the item's people: their 学历/职位 (the words describing each group kept) are what
    三（七）3's conditions read, never the level of the people left out (「研发部2个项目经理 本科…；测试组1个普通
    工程师 大专…」: 本科, not 大专). Set as `_fact_<fact>@3.7.3` (the session applies it to this item alone): the lowest
    level said of the groups kept; None (not known) when a kept group's is not said but a group left out said one."""
    from knowledge import conditions

    for leaf, _ in level_needs():
        ranks = [rank_said(words, leaf["scale"]) for words in kept]
        key = f"_fact_{leaf['fact']}@3.7.3"
        if ranks and all(ranks):
            r.out.fields[key] = conditions.scales()[leaf["scale"]][min(x[0] for x in ranks)][0]
        elif any(rank_said(words, leaf["scale"]) for words in left):
            r.out.fields[key] = None


def _counted_levels_only(r, values: list) -> list:
    """「8个人 每人4万 其中5个是本科的项目经理 另外3个是专科」: only the people at the level the clause
    asks (本科以上) are counted, the others named; kept as is when the groups do not add up."""
    from bot.understand.facts import counted_levels
    from knowledge import conditions

    groups = counted_levels(r.text)
    if len({rank for _, _, rank in groups}) < 2 or len(set(values)) != 1:
        return values
    leaf = next((x for x in conditions.leaves("3.7.3") if x.get("id") == "education"), None)
    if leaf is None:
        return values
    levels = conditions.scales()[leaf["scale"]]
    need = next(i for i, level in enumerate(levels) if leaf["at_least"] in level)
    kept = sum(n for n, _, rank in groups if rank >= need)
    left = [(n, word) for n, word, rank in groups if rank < need]
    if kept + sum(n for n, _ in left) != len(values):
        return values
    r.out.notes.append(
        "、".join(f"{n}名{word}" for n, word in left) + f"学历的人员不符合“{leaf['label']}”，不计入；按{kept}名计算"
    )
    return values[:kept]


CLAUSES = (
    Clause(
        code="3.7.3",
        name="中高级人才培训补贴",
        triggers=r"中高级|高级人才|项目经理[^。；？?]{0,24}(培训|研修|进修)|(培训|研修|进修).{0,8}项目经理|人才培训|员工培训|"
        r"(高管|总监)[^。；？?]{0,12}(培训|研修|进修)|"
        r"培训费|涉外业务.{0,4}培训|涉外[^。；？?\d]{0,8}(培训|研修)|(业务|专业|技术|高级|高端)(培训|研修|进修)|培训花了|"
        # 「派了10个人去培训」: the enterprise sends its people to a training
        r"(派|送|安排|选派)[^。；？?，,]{0,10}(人|员工|同事|骨干)[^。；？?，,]{0,6}(去|参加|外出)[^。；？?，,]{0,4}(培训|研修|进修)|"
        # 「员工大部分是大专的 参加培训能补吗」「给员工报了培训班」: the enterprise's own staff trained
        r"(员工|职工|同事|骨干|技术人员)[^。；？?，,]{0,12}(参加|去|接受|参与|报)[^。；？?，,]{0,4}(培训|研修|进修)|"
        r"(给|为|帮)(员工|职工|同事|骨干)[^。；？?，,]{0,6}(报|安排|组织)[^。；？?，,]{0,4}(培训|研修|进修)",
        fields=(
            Field(
                "senior_training",
                "中高级人才培训",
                question=question,
                recognised_by="yuan figures in a clause about 培训/项目经理/人才/学费, each with the count of people "
                "before it and 每人/合计 beside it",
                implies_item=True,
                describe=describe,
            ),
        ),
        checklist="中高级人才培训补贴",
        read=read,
        reads_when=lambda reader: reader.pending in ("senior_training",) or "3.7.3" in reader.items,
    ),
)


def levels_said(text: str) -> bool:
    """Whether `text` names any 学历 or 职位 (conditions.yml scales, the unsettled titles too) of the people trained."""
    from knowledge import conditions

    scales = conditions.scales()
    words = [w for scale in ("education", "position") for level in scales[scale] for w in level]
    words += list(scales.get("position_unsettled", []))
    low = (text or "").lower()
    return any(str(w).lower() in low for w in words)


def _table_rows(r) -> bool:
    """「姓名 学历 职位 培训 费用」 (or any order, 「是否学历教育」 as 是/否, a 人数 column with 「每人培训费」) pasted with a
    row per person or group: each row judged on every column speaking of 本科以上, 项目经理以上 and 学历教育
    (bot/understand/ledger_rows.py judge); each row kept gives its cost per person (its 人数 times), the others are
    named with the condition and the cell. A row kept whose cost is blank, has no unit, or is a group's cost not said
    per person is asked about, naming the row — never split or guessed. True when the message was read this way."""
    from bot.estimate.tables import people_words, row_cost
    from bot.understand.ledger_rows import judge, owner

    table = getattr(r, "people_table", None)
    if table is None or owner(table) != "3.7.3":
        return False
    words = people_words()
    costs = [k for k, col in enumerate(table.columns) if col.kind == "cost"]
    judged = judge(table, "3.7.3", PART_CONDITIONS)
    if not judged or len(costs) != 1:
        return False
    from .base import _use_table_figures

    _use_table_figures(r, table)
    k = costs[0]
    per_person = not table.counted or any(w in table.columns[k].header for w in words["per_person"])
    kept = [v for v in judged if not v.failed]
    each = {v.row.number: row_cost(table.columns[k].header, v.row.cells[k]) for v in kept}
    unclear = [v for v in kept if v.unclear or v.row.count is None or each[v.row.number] is None or not per_person]
    if unclear:
        said = "；".join(
            f"{v.name}的“{'”“'.join(v.unclear) if v.unclear else table.columns[k].header}”"
            + (
                "是这一行的合计还是每人的费用，看不出"
                if not per_person and not v.unclear
                else "一栏是空的、没有单位或看不出"
            )
            for v in unclear
        )
        r.out.problems.append(
            f"您贴的表格里，{said}，这部分我不猜。请告诉我这{'几' if len(unclear) > 1 else '一'}行每人的培训费（带单位），"
            "或符合条件的每人各花了多少。"
        )
        return True
    entries = [{"cost_cny": each[v.row.number]} for v in kept for _ in range(v.row.count)]
    r.out.fields["senior_training"] = entries
    parts = []
    if kept:
        names = "、".join(
            v.name + (f"{v.row.count}名（每人{wan(each[v.row.number])}）" if table.counted else "") for v in kept
        )
        parts.append(f"符合全部条件的：{names}，按{len(entries)}人计算")
    for v in judged:
        if v.failed:
            why = "、".join(f"“{label}”（{cell}）" for label, cell in v.failed)
            parts.append(f"{v.name}" + (f"{v.row.count}名" if table.counted else "") + f"不符合{why}，不计入")
    r.out.notes.append(f"按您贴的表格逐行核对（{len(judged)}行）：" + "；".join(parts))
    from .base import _facts_of_rows

    _facts_of_rows(r, "3.7.3", PART_CONDITIONS, kept)
    return True
