"""A short answer that names no subject, read as said of the clause just talked about.

Right after 第三条第（四）项 was discussed, 「不是新认定的」「今年是复审通过」「资格到期续上了」 speak of the 技术先进型
status; right after 三（三）'s question, 「只有今年有」「去年有今年没有」 of the new patents. facts.yml `bare` gives each
such fact its `subject` (the words put before the answer to read it), the words an answer about it has (`fits`) and
those that make it another fact's (`not`). A message naming a support item, or the subject's own words, is read as
it stands (bot/understand/facts.py). Plain Python, no Rasa.
"""

import re
from functools import lru_cache
from typing import Iterable, Optional

from bot.nlu.normalize import normalize, understand


def _bare_specs() -> dict:
    from bot.understand.facts import fact_specs

    return {name: spec["bare"] for name, spec in fact_specs().items() if spec.get("bare")}


def facts_in_topic(text: str, wanted: Iterable[str], said: Optional[dict] = None) -> dict:
    """The facts of `wanted` (a clause's facts) that `text`, naming no subject, states of the clause talked about."""
    from bot.estimate.items import detect_items
    from bot.understand.facts import message_facts

    t = normalize(text or "")
    said = said or {}
    if not t.strip() or detect_items(t):
        return {}
    out = {}
    for name, bare in _bare_specs().items():
        if name not in wanted or name in said or re.search(bare["own"], t):
            continue
        read = normalize(understand(text or ""))  # 「renewed, not new」: the glossary's words fit too
        if not re.search(bare["fits"], read) or (bare.get("not") and re.search(bare["not"], read)):
            continue
        value = message_facts(f"{bare['subject']} {text}").get(name)
        if isinstance(value, bool):
            out[name] = value
    return out


def clause_facts_in_topic(text: str, clause: Optional[str], said: Optional[dict] = None) -> dict:
    """facts_in_topic for the facts of a clause of conditions.yml (none for no clause)."""
    from knowledge import conditions

    if not clause or clause not in conditions.clause_codes():
        return {}
    read = dict(_in_clause(text or "", clause))  # earlier messages are read again each turn: remembered
    return {k: v for k, v in read.items() if k not in (said or {})}


@lru_cache(maxsize=4096)
def _in_clause(text: str, clause: str) -> tuple:
    from knowledge import conditions

    return tuple(facts_in_topic(text, conditions.facts_of(clause)).items())
