"""A requirement a clause does not state (conditions.yml `unstated_topics`): 「培训机构那500块…政策里有没有要求必须交社保」.

The policy requires what a clause's conditions say and nothing more: asked whether a clause requires something its
conditions do not use (三（七）2 names no 社保; 三（七）4 does), the answer says that clause does not require it and
names the clause's own conditions, from conditions.yml. Plain Python, no Rasa.
"""

import re
from functools import lru_cache
from typing import List, Optional, Tuple

from knowledge import conditions, query

from bot.answers.model import Answer


@lru_cache(maxsize=1)
def _topics() -> Tuple[re.Pattern, List[Tuple[str, re.Pattern, set]]]:
    data = conditions.unstated_topics()
    topics = [(name, re.compile(t["words"]), set(t.get("facts") or [])) for name, t in data["topics"].items()]
    return re.compile(data["asks"]), topics


@lru_cache(maxsize=1)
def _refers_back() -> re.Pattern:
    return re.compile(conditions.unstated_topics().get("refers_back") or "(?!)")


def asked_topics(text: str) -> List[Tuple[str, set]]:
    """(topic, its facts) of each requirement the message asks about: a topic word with a word of requiring (「有没有
    要求」「必须」「需不需要」) in the same clause, and the clause a question; or a topic word of the clause before a
    question whether that matters (「员工个人报个税时也填了专项附加扣除，这会影响…吗」)."""
    from bot.understand.segment import clauses, is_question

    asks, topics = _topics()
    out = []
    parts = clauses(text or "")
    for i, clause in enumerate(parts):
        if _refers_back().search(clause) and is_question(clause) and i:
            read = parts[i - 1] + clause
        elif asks.search(clause) and (is_question(clause) or re.search(r"要求", clause)):
            read = clause
        else:
            continue
        for name, words, facts in topics:
            if words.search(read) and name not in [n for n, _ in out]:
                out.append((name, facts))
    return out


def line(code: Optional[str], text: str) -> str:
    """「第三条第（七）项第2点没有要求社保…这一项的条件是：…」 for each topic asked that clause `code` does not state;
    "" when the clause has no conditions in conditions.yml or states every topic asked."""
    if not code or code not in conditions.clause_codes():
        return ""
    own = set(conditions.facts_of(code))
    missing = [name for name, facts in asked_topics(text) if not facts & own]
    if not missing:
        return ""
    return _not_required(code, "、".join(missing))


def _not_required(code: str, named: str) -> str:
    label = query.clause(code)["label"]
    kept = "；".join(leaf["label"] for leaf in conditions.leaves(code))
    return f"{label}对{named}没有要求：政策原文这一项的条件中没有{named}，它不是这一项的条件。这一项的条件是：{kept}。"


def with_line(a, text: str):
    """An answer on a clause, with the line on the requirements asked that it does not state (unless already said)."""
    from dataclasses import replace

    extra = line(a.clause, text) if a is not None and a.text else ""
    if not extra or extra in a.text:
        return a
    return replace(a, text=a.text.rstrip() + "\n" + extra)


def asked_of(code: Optional[str], part: str) -> Optional[Answer]:
    """「这样给培训机构的每人补贴还能拿吗？最高多少？社保要交满几个月才行？」: a part asking a requirement, naming no
    item, asked of the clause the message's other parts are about (`code`): that clause's own condition on it, or that
    it has none (its conditions said), and where the policy does state it (「连续交纳社保不低于6个月」 is 三（七）4's);
    None when the part asks no requirement or `code` has no conditions."""
    if not code or code not in conditions.clause_codes() or not code.startswith(("2", "3")):
        return None  # 第四条's rules (不得重复申报) are no applicant's requirements
    topics = asked_topics(part)
    if not topics or names_item_beyond(part):
        return None
    c = query.clause(code)
    lines = []
    for name, facts in topics:
        own = [leaf for leaf in conditions.leaves(code) if leaf["fact"] in facts]
        if own:
            said = "；".join(f"{leaf['label']}（原文：“{leaf['quote']}”）" for leaf in own)
            lines.append(f"{c['label']}（{c['title']}）对{name}的要求：{said}。")
            continue
        lines.append(_not_required(code, name))
        for other in conditions.clause_codes():
            there = [leaf for leaf in conditions.leaves(other) if leaf["fact"] in facts] if other != code else []
            if there:
                o = query.clause(other)
                said = "、".join(f"“{leaf['label']}”" for leaf in there)
                lines.append(f"{said}是{o['label']}（{o['title']}）的条件，不适用于{c['label']}。")
    return Answer("\n".join(lines), clause=code)


def names_item_beyond(part: str) -> bool:
    """Whether a part names a support item by more than the requirement it asks (「实习期要多长才行」 names 三（七）4
    only by 实习期, a condition's word; 「实习生补贴的社保要交几个月」 names the item itself)."""
    from bot.estimate.items import detect_items

    _, topics = _topics()
    rest = part
    for _, words, _ in topics:
        rest = words.sub(" ", rest)
    return bool(detect_items(rest))
