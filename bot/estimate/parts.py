"""An entry's costs by name (a fair's 展位费/布展费, a platform's 硬件/软件), kept with the entry as `_parts` so
that a later 「软件其实是53万」 corrects that one part and the entry's total is recomputed; never the whole entry
replaced by the one figure. `_parts` is the dialogue's own: calculator_inputs strips it."""

import re
from decimal import Decimal
from typing import Optional


def parts_of(words: list, values: list) -> dict:
    """{"_parts": {name: value}} when every cost was named, each name once; {} otherwise."""
    if len(words) < 2 or len(words) != len(values) or None in words or len(set(words)) != len(words):
        return {}
    return {"_parts": {w: Decimal(str(v)) for w, v in zip(words, values)}}


def _same(a: str, b: str) -> bool:
    return a.rstrip("费") == b.rstrip("费")  # 特装 is the part told as 特装费


def correct_named_part(entries: list, text: str, names: re.Pattern) -> Optional[list]:
    """「布展费其实是2.8万」「软件是53万 不是35万」: the one entry holding every part named, those parts replaced and
    its total recomputed; None when no single entry told part by part holds every part named.
    A figure right after 不是 is the old value and is skipped; a figure with no part name of its own
    belongs to the part named before it."""
    from bot.estimate.understand import figures

    money = [f for f in figures(text) if f.kind == "money" and f.currency in (None, "CNY")]
    if not money:
        return None
    from bot.estimate.reading import alternation, estimate_words

    remainder = re.compile(alternation(estimate_words()["remainder_words"]))
    changes, name, end = {}, None, 0
    for i, f in enumerate(money):
        lead = text[end : f.start]
        named = [m.group(0) for m in names.finditer(lead)]
        if not named:  # 「…，剩下130万是人员工资」「53万是软件」: the figure's own clause says what it is
            stop = money[i + 1].start if i + 1 < len(money) else len(text)
            own = re.split(r"[，,。；;！!？?]", text[f.end : stop], maxsplit=1)[0]
            after = [m.group(0) for m in names.finditer(own)]
            if after:
                named = after[:1]
            elif remainder.search(lead) or re.match(r"\s*(是|为|都是|用于|花在|属于)", own):
                end = f.end  # what is left of a total, or said to be something else: no part's new figure
                continue
        name, end = (named[-1] if named else name), f.end
        if name is None:
            return None
        if not re.search(r"(不是|而非|并非)\s*$", text[max(0, f.start - 3) : f.start]):
            changes[name] = f.value
    if not changes:
        return None

    def key_in(entry: dict, name: str) -> Optional[str]:
        return next((k for k in entry.get("_parts") or {} if _same(k, name)), None)

    holders = [i for i, e in enumerate(entries) if isinstance(e, dict) and all(key_in(e, n) for n in changes)]
    if len(holders) != 1:
        return None
    entry = dict(entries[holders[0]])
    parts = {k: Decimal(str(v)) for k, v in entry["_parts"].items()}
    parts.update({key_in(entry, n): v for n, v in changes.items()})
    entry["_parts"], entry["cost_cny"] = parts, sum(parts.values(), Decimal(0))
    return entries[: holders[0]] + [entry] + entries[holders[0] + 1 :]


def without_parts(entry: dict) -> dict:
    """The entry with its named parts dropped (its total was replaced as a whole)."""
    return {k: v for k, v in entry.items() if k != "_parts"}
