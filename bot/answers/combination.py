"""「发明专利和研发投入增长 是要两个都满足还是满足一个就行」: whether a clause's conditions must all be met or one of
them is enough, from knowledge/data/conditions.yml — an `any` group needs one of its conditions (三（三）: 专利软著
或研发投入增长), every other condition is needed as well. Asked in routes.yml's `both_or_either` words."""

from typing import Optional

from knowledge import conditions, query, shapes

from bot.answers.model import Answer


def _clause_of(t: str, topic_clause: Optional[str]) -> Optional[str]:
    """The clause the question is about: an item it names, else the one talked about, else a clear search hit."""
    from bot.estimate.items import detect_items

    known = set(conditions.clause_codes())
    named = [c for c in detect_items(t) if c in known] + [c.rstrip("ab") for c in detect_items(t)]
    named = [c for c in named if c in known]
    if named:
        return named[0]
    if topic_clause in known:
        return topic_clause
    hits = [h for h in query.search(t, limit=3) if h["kind"] == "clause" and h["key"] in known]
    return hits[0]["key"] if hits and hits[0]["score"] >= 2 else None


def _required(code: str) -> list:
    """The clause's conditions every applicant must meet (not those that only set the amount)."""
    return [
        c for c in conditions.spec(code)["conditions"] if "any" not in c and not c.get("basis") and not c.get("minor")
    ]


def answer(t: str, topic_clause: Optional[str] = None) -> Optional[Answer]:
    """Whether one condition is enough or all are needed, or None when the question does not ask it."""
    if not shapes.search("both_or_either", t):
        return None
    code = _clause_of(t, topic_clause)
    if code is None:
        return None
    c = query.clause(code.rstrip("ab"))
    where = f"{c['label']}（{c['title']}）"
    groups = [g for g in conditions.spec(code)["conditions"] if "any" in g]
    lines = []
    for g in groups:
        either = "；".join(leaf["label"] for leaf in g["any"])
        lines.append(
            f"满足其中一项即可（{len(g['any'])}项满足其一就行，不要求同时满足）：{either}。"
            f"{where}写的是“{g['label']}”，用的是“或”。"
        )
    others = _required(code)
    if groups and others:
        lines.append("此外还须满足：" + "；".join(o["label"] for o in others) + "。")
    elif not groups and others:
        lines.append(f"{where}的条件要同时满足，缺一不可：" + "；".join(o["label"] for o in others) + "。")
    if not lines:
        return None
    lines.append(f"依据{where}：{c['text']}")
    return Answer("\n".join(lines), clause=code.rstrip("ab"))
