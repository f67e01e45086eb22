"""三（七）3 中高级人才培训补贴 in conversation (calculator/items/senior_training.py computes it)."""

import re

from bot.estimate.reading import FAIR_WORDS, TOTAL_WORDS, each_cost_question

from .base import Clause, Field, wan


def question(session) -> str:
    count = session.inputs.get("_senior_count")
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


SUBSET_BELOW = re.compile(
    r"其中[^，。；,;]{0,3}([一二两三四五六七八九十\d]+)\s*(?:个|名|位|人)[^，。；,;]{0,3}(大专|专科|中专|高中|本科以下|没有本科)"
)


def _subset_below(r) -> bool:
    """「那要是其中有一个是大专学历的呢」 after N people: that many are not counted (本科以上 is asked)."""
    from calculator.figures_zh import numeral_value

    known = (r.known or {}).get("senior_training") or []
    m = SUBSET_BELOW.search(r.text)
    if not m or not known or r.unused("money"):
        return False
    n = numeral_value(m.group(1))
    if n is None or not 0 < n <= len(known):
        return False
    costs = sorted((e["cost_cny"] for e in known), reverse=True)
    if len(set(costs)) != 1:
        return False  # which person's cost leaves is not said: asked elsewhere, never guessed
    r.out.fields["senior_training"] = [dict(e) for e in known[: len(known) - int(n)]]
    r.out.notes.append(f"其中{int(n)}名{m.group(2)}学历，不符合“学员本科以上学历”，不计入")
    return True


def read(r):
    """Per-person training costs: "10个人每人7万，另外12个人每人1万", "A 培训费10万，B 3万"."""
    if _subset_below(r):
        return
    costs = r.item_costs(
        "senior_training", r"培训|研修|进修|项目经理|人才|学费|课程", FAIR_WORDS + "|租|平台|认证|离岸|在岸|执行额"
    )
    people = r"人|名|个|位"
    counts = [
        f
        for f in r.unused("count")
        if re.search(people, f.unit or f.raw or "")
        and not re.search(r"实习|学员|应届|毕业", r.text[max(0, f.start - 8) : f.end + 6])
        and not re.match(FAIR_WORDS, r.text[f.end : f.end + 3])  # 「一个展会」 counts no people
    ]
    if not costs:
        if counts and r.pending == "senior_training":
            r.out.fields["_senior_count"] = int(counts[0].value)
            r.use(counts[0])
        return
    pieces, prev_end = [], 0
    for c in costs:
        start = max([m.end() for m in re.finditer(r"[，,。；;：:]|另外|还有|其中|另", r.text[: c.start])] or [0])
        mine = [
            n for n in counts if start <= n.start < c.start and not any(n.start < o.start < c.start for o in costs)
        ] or [
            n for n in counts if prev_end <= n.start < c.start
        ]  # a count goes with the cost after it: 「12个项目经理参加培训，每人3.5万」 across the comma
        prev_end = c.end
        piece = r.text[start : c.end + 4]
        per = (
            "each"
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
            groups.append([r.cny(c, "培训")] * int(n.value))
        values = [v for g in _qualified_groups(r, costs, groups) for v in g]
        r.out.fields["senior_training"] = [{"cost_cny": v} for v in values]
        return
    n_fig = pieces[0][1] if len(costs) == 1 and pieces[0][1] is not None else (counts[0] if counts else None)
    n = int(n_fig.value) if n_fig is not None else r.known.get("_senior_count")
    if n_fig is not None:
        r.use(n_fig)
    per = pieces[0][2] if len(costs) == 1 else None
    if per is None:
        per = (
            "each"
            if re.search(r"每人|人均|每个人|每位|各", r.text)
            else "total"
            if re.search(TOTAL_WORDS, r.text)
            else None
        )
    values = r.spread(costs, n, per, "人", "培训", "senior")
    if values is not None:
        if len(values) == len(costs) > 1:
            values = [v for g in _qualified_groups(r, costs, [[v] for v in values]) for v in g]
        values = _counted_levels_only(r, values)
        r.out.fields["senior_training"] = [{"cost_cny": v} for v in values]


def _rank_said(words: str, scale: str):
    """The lowest and highest rank of `scale` (conditions.yml scales) named in `words`, or None."""
    from knowledge import conditions

    words = words.lower()
    for w in conditions.scales().get(f"{scale}_unsettled", []):
        words = words.replace(str(w).lower(), " ")  # 高级工程师 is no 工程师: its rank is not settled
    ranks = [rank for rank, level in enumerate(conditions.scales()[scale]) for w in level if str(w).lower() in words]
    return (min(ranks), max(ranks)) if ranks else None


def _qualified_groups(r, costs, groups: list) -> list:
    """「3个项目经理本科，培训费分别2万、3万、6万；还有1个大专学历的项目经理4万；1个本科的普通开发工程师5万」:
    each cost goes with the people described before it (a cost listed right after another, 「、」, shares
    that description); a group whose education or position is below the clause's (本科以上、项目经理以上,
    conditions.yml) is not counted and named; a group whose level is not said stays counted (asked as a
    condition)."""
    from knowledge import conditions

    leaves = {x.get("id"): x for x in conditions.leaves("3.7.3")}
    needs = []
    for cid in ("education", "position"):
        leaf = leaves.get(cid)
        if leaf:
            levels = conditions.scales()[leaf["scale"]]
            needs.append((leaf, next(i for i, level in enumerate(levels) if leaf["at_least"] in level)))
    kept, left, said, prev_end = [], [], "", 0
    for c, v in zip(costs, groups):
        between = r.text[prev_end : c.start]
        if any(_rank_said(between, leaf["scale"]) for leaf, _ in needs):
            said = between  # a new group is described; else the cost is listed with the group before it
        prev_end = c.end
        below = [
            leaf["label"] for leaf, need in needs if (ranks := _rank_said(said, leaf["scale"])) and ranks[1] < need
        ]
        (left if below else kept).append((c, v, below))
    if not left or not kept:
        return groups  # one level for everyone: the conditions decide the whole item
    for c, g, below in left:
        r.out.notes.append(f"培训费{c.raw}的{len(g)}人不符合“{'、'.join(below)}”，不计入")
    r.out.notes.append(f"按符合条件的{sum(len(g) for _, g, _ in kept)}人计算")
    return [g for _, g, _ in kept]


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
        r"培训费|涉外业务.{0,4}培训|(业务|专业|技术|高级|高端)(培训|研修|进修)|培训花了",
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
