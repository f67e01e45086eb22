"""「增值税按3%交的 这跟你们政策里说的那个3%奖励是一回事吗」: a rate of another policy (a tax's) asked to be the same
as this policy's rate of the same number. It is not: the answer says so, names what the policy says of the other
topic (document.yml other_policies `note`) and quotes the clause whose rate it is (figures.yml)."""

import re
from decimal import Decimal
from typing import Optional

from bot.answers.model import Answer
from knowledge import figures, other_policies, query, shapes

PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*%")


def _rate_clauses(rates: set) -> list:
    """The clauses whose `rate` figure is one of `rates` (fractions), in the order of figures.yml."""
    return [
        code
        for code, items in figures.all_figures().items()
        if any(f["key"] == "rate" and f["value"] in rates for f in items)
    ]


def answer(t: str) -> Optional[Answer]:
    """The answer when normalised `t` asks whether another policy's rate is this policy's rate; None otherwise."""
    if not shapes.search("same_thing", t):
        return None
    topic = next((tp for tp, pattern in other_policies.topics() if pattern.search(t)), None)
    rates = {Decimal(m.group(1)) / 100 for m in PERCENT.finditer(t)}
    codes = _rate_clauses(rates)
    if topic is None or not codes or len(codes) > 1:
        return None  # no other policy named, or the number is no single rate of this policy: nothing to tell apart
    c = query.clause(codes[0])
    rate = next(f for f in figures.figures(codes[0]) if f["key"] == "rate" and f["value"] in rates)
    note = topic.get("note") or "本政策没有对它作出规定"
    text = (
        f"不是一回事，两者没有关系。{topic['name']}不是本政策的内容：{note}。"
        f"政策里的{(rate['value'] * 100).normalize():f}%是{c['label']}（{c['title']}）的奖励比例：{c['text']}"
    )
    return Answer(text, clause=codes[0], confident=True)
