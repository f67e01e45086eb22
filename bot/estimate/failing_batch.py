"""A batch added to an estimate whose own words fail the item's condition: 「还有8个项目经理今年在读在职MBA学位班，每人学费6万，
这个也能补吗？加上一共多少」 after 12 people counted (三（七）3, 学历教育), 「还有一期20人，都是中专」 after 55 trainees (三（七）2).

The condition is the batch's, never the item's: the batch is left out and named with the condition it fails, the
people (fairs, platforms) counted before stay, and so do the facts the conversation had (the new message's facts are
said of the batch alone). Only an item that passed before the message and fails with it, whose list or count the
message made longer, is read this way; a message that says something of the people already counted (「不对，他们读的
是MBA」) adds no batch and still fails the item.
"""

from typing import Optional

from bot.estimate import clauses

UNITS = {"senior_training": "人", "fairs": "场", "platforms": "个", "certifications": "项"}


def _grown(old, new) -> Optional[int]:
    """How many entries or people `new` adds to `old` (a list told again with more entries, or a larger count)."""
    if isinstance(old, list) and isinstance(new, list):
        return len(new) - len(old) if len(new) > len(old) > 0 and new[: len(old)] == old else None
    if isinstance(old, int) and isinstance(new, int) and not isinstance(old, bool):
        return new - old if new > old > 0 else None
    return None


def _words(stated) -> bool:
    """Whether a condition's stated value is the user's own words (「中专」), not a bare yes / no."""
    return bool(stated) and str(stated) not in ("是", "否", "True", "False", "有", "没有")


def _failed_with(session, inputs: dict, facts) -> dict:
    saved = session.inputs, session.facts
    session.inputs, session.facts = inputs, facts
    try:
        return session.failed()
    finally:
        session.inputs, session.facts = saved


def exclude(session, had: dict, facts_before, notes_before: list) -> bool:
    """Leave out the batch this message added to an item that its words fail (see the module); True when one was."""
    if not had:
        return False
    now = session.failed()
    if not now:
        return False
    before = _failed_with(session, had, facts_before)
    done = False
    for code in [c for c in now if c not in before]:
        keys = [f.key for f in clauses.BY_CODE[code].fields]
        grown = {k: _grown(had.get(k), session.inputs.get(k)) for k in keys}
        grown = {k: n for k, n in grown.items() if n}
        if not grown:
            continue
        inputs = dict(session.inputs)
        for k in grown:
            inputs[k] = had[k]
        for k in [k for k in inputs if k.startswith("_fact_") and k.endswith(f"@{code}") and k not in had]:
            inputs.pop(k)  # 「…在读在职MBA」: the batch's own facts, not the people counted before
        if code in _failed_with(session, inputs, facts_before):
            continue  # the item fails without the batch too: not the batch's condition
        verdict = session.verdicts().get(clauses.BY_CODE[code].condition_code)
        unmet = verdict.unmet if verdict is not None else []
        labels = "、".join(f"“{c.label}”" + (f"（{c.stated}）" if _words(c.stated) else "") for c in unmet)
        key, added = next(iter(grown.items()))
        unit = UNITS.get(key, "名")
        kept = len(had[key]) if isinstance(had[key], list) else had[key]
        session.inputs, session.facts = inputs, facts_before
        session.notes = list(notes_before) + [
            f"本次补充的{added}{unit}不符合{labels}，不计入；{clauses.BY_CODE[code].name}仍按此前的{kept}{unit}计算"
        ]
        done = True
    session.batch_left_out = done
    return done
