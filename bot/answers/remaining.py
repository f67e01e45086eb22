"""「今年已经补过CMMI和PCMM两个了 还能再补几个」: what is left of a clause's count limit after the number the user
says is used — the limit from figures.yml (bound 最多), the subtraction by calculator/counts.py, said with the rule.

The question's words are routes.yml's `remaining_count` (its `unit` group: 个/项, 人/名, 年); the clause is the one
the message names (bot/estimate/items.detect_items) or the one just talked about.
"""

import re
from typing import Optional

from calculator.counts import remaining
from calculator.figures_zh import numeral_value
from calculator.text import plain
from knowledge import query, shapes
from knowledge.figures import figures

from bot.answers.model import Answer

# the unit a question asks in → the units a limit may be written in
UNITS = {"个": "个项", "项": "个项", "人": "人名", "名": "人名", "年": "年"}
PHRASE = re.compile(r"[，。；,;!?！？\s]+")
DONE = re.compile(r"已|过|了")  # a phrase saying something was had already
USED = re.compile(r"(\d+|[一二两三四五六七八九十]+)\s*(?:个|项|家)?\s*(个|项|人|名|年)")


def _limit(code: str, unit: str) -> Optional[dict]:
    """The clause's count limit in the unit asked (「几个」 of a clause counted in people: its people)."""
    limits = [f for f in figures(code) if f.get("bound") == "最多" and f["text"][-1:] in "个项人名年"]
    exact = [f for f in limits if f["text"][-1] in UNITS.get(unit, unit)]
    if exact:
        return exact[0]
    return limits[0] if len(limits) == 1 and unit in "个项" and limits[0]["text"][-1] != "年" else None


def _used(before: str, unit: str) -> Optional[int]:
    """The last count the text says is used already (「已经补过…两个了」 → 2); with no count, the qualifications it
    names (「CMMI和ITSS都补过了」 → 2) when the limit counts items."""
    found = list(USED.finditer(before))
    if found:
        value = numeral_value(found[-1].group(1))
        return int(value) if value is not None else None
    if unit not in UNITS["个"]:
        return None
    said_used = [p for p in PHRASE.split(before) if DONE.search(p)]  # not 「CMMI今年要做维护」
    names = {
        re.sub(r"[\s-]", "", m.group(0).lower())
        for p in said_used
        for m in shapes.pattern("qualification_names").finditer(p)
    }
    return len(names) or None


def answer(t: str, topic_clause: Optional[str] = None) -> Optional[Answer]:
    """How many more the clause allows this year, or None when the text does not ask that with a count used."""
    m = shapes.search("remaining_count", t)
    if not m:
        return None
    from bot.estimate.items import detect_items

    codes = [c.rstrip("ab") for c in detect_items(t)] or ([topic_clause] if topic_clause else [])
    unit = m.group("unit")
    used = _used(t[: m.start()], unit)
    for code in codes:
        limit = _limit(code, unit)
        if limit is None or used is None:
            continue
        left = remaining(limit["value"], used)
        c = query.clause(code)
        u = limit["text"][-1]
        line = (
            f"还能再{m.group('verb')}{plain(left)}{u}：{c['label']}规定{limit['text']}，"
            f"您说已经{m.group('verb')}了{used}{u}，{plain(limit['value'])}{u} − {used}{u} = {plain(left)}{u}。"
        )
        if left == 0:
            line = (
                f"不能再{m.group('verb')}了（还剩0{u}）：{c['label']}规定{limit['text']}，"
                f"您说已经{m.group('verb')}了{used}{u}，已经用满。"
            )
        return Answer(f"{line}\n依据{c['label']}（{c['title']}）：{c['text']}", clause=code)
    return None


def limit_answer(t: str, topic_clause: Optional[str] = None) -> Optional[Answer]:
    """「一个企业一年最多几个人」: the most people (or years) a clause allows, from its count limit (figures.yml, bound
    最多); the clause is the one the message names, else the one talked about, else the only clause with such a
    limit. None when the question asks no such limit or the clause has none (「实习生最多几个人能补」: 三（七）4
    sets a minimum, not a maximum)."""
    m = shapes.search("people_or_years_limit", t)
    if not m:
        return None
    from bot.estimate.items import detect_items

    unit = m.group("unit") or m.group("unit2")
    named = [c.rstrip("ab") for c in detect_items(t)]
    codes = named or [c for c in [topic_clause] if c and _limit(c, unit) is not None]
    if not codes:  # 「一个企业一年最多几个人」 naming nothing: the one clause that limits people, if there is one
        codes = [c for c in _leaf_codes() if _limit(c, unit) is not None]
        if len(codes) != 1:
            return None
    for code in codes:
        limit = _limit(code, unit)
        if limit is None:
            continue
        c = query.clause(code)
        u = limit["text"][-1]
        return Answer(
            f"最多{plain(limit['value'])}{u}：{c['label']}规定{limit['text']}。\n依据{c['label']}（{c['title']}）：{c['text']}",
            clause=code,
        )
    return None


def _leaf_codes() -> list:
    """Every support item of 第三条 that has figures of its own."""
    from knowledge.figures import all_figures

    return [c for c in all_figures() if c.startswith("3.")]
