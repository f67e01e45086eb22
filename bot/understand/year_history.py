"""A year-by-year history of one thing (「21年23年啥也没有，22年拿了2个软著，24年下来3个发明专利」「研发投入23年比22年少了
24年又涨回来了」): which years had it and which did not, each from its own phrase, and whether two consecutive years
both had it (三（三）'s 「连续两年取得新的发明专利、软件著作权」「研发投入持续两年保持增长」).

The words are facts.yml's `year_history` of a fact: `cue` names the thing; `had` says a year had it (the cue itself
when absent), `none` that it did not; `not_about` marks a phrase about something else; `said` words each side in the
reply. A phrase naming years but not the thing counts when the phrase next to it does (「24年又涨回来了」 after
「研发投入23年比22年少了」); a year after 比 is the base of a comparison, not a year judged."""

import re
from typing import Optional

YEAR = re.compile(r"(?<![0-9])(比)?\s*((?:19|20)?[0-9]{2})\s*年(?!度?\s*(?:版|的?目录))")
PHRASE = re.compile(r"[，,。；;！!？?\n]+|\s+")
NEGATED = re.compile(r"(没|无|未|不)[^，。；\s]{0,4}$")


def _words(spec: dict) -> Optional[dict]:
    words = spec.get("year_history")
    if not words:
        return None
    out = {k: re.compile(words[k]) for k in ("cue", "none", "not_about")}
    out["had"] = re.compile(words.get("had") or words["cue"])
    out["said"] = words.get("said") or {"had": "有", "none": "没有"}
    return out


def _years(phrase: str) -> list:
    """The years a phrase judges (「23年比22年少了」: 2023 only)."""
    years = []
    for m in YEAR.finditer(phrase):
        if m.group(1):
            continue
        y = int(m.group(2))
        years.append(y if y >= 1900 else 2000 + y)
    return years


def _status(phrase: str, w: dict) -> Optional[bool]:
    no = w["none"].search(phrase)
    yes = w["had"].search(phrase)
    if yes and not no and not NEGATED.search(phrase[: yes.start()]):
        return True
    return False if no else None


def statuses(text: str, spec: dict) -> dict:
    """{year: True (had it) | False (did not)} from the phrases that name years and say one or the other."""
    w = _words(spec)
    if w is None or not w["cue"].search(text):
        return {}
    said = []  # (years, status, on the thing's own words)
    for phrase in PHRASE.split(text):
        years = _years(phrase)
        if not years or w["not_about"].search(phrase):
            if years:
                said.append(([], None, False))  # a phrase about something else parts the ones around it
            continue
        status = _status(phrase, w)
        if status is not None:
            said.append((years, status, bool(w["cue"].search(phrase))))
    out: dict = {}
    for i, (years, status, own) in enumerate(said):
        near = [said[j][2] for j in (i - 1, i + 1) if 0 <= j < len(said) and said[j][1] is not None]
        if status is None or not (own or any(near)):
            continue
        for y in years:
            out.setdefault(y, status)
    return out


def consecutive(text: str, spec: dict) -> Optional[bool]:
    """True when two consecutive years both had the thing; False when the years that had it stand apart and the
    years next to each, within the history told, are said not to; None otherwise (or with no history)."""
    known = statuses(text, spec)
    had = sorted(y for y, v in known.items() if v)
    if len(known) < 2 or not had:
        return None
    if any(y + 1 in had for y in had):
        return True
    low, high = min(known), max(known)
    neighbours = [n for y in had for n in (y - 1, y + 1) if low <= n <= high]
    return False if all(known.get(n) is False for n in neighbours) else None


def told(text: str, spec: dict, label: str) -> str:
    """「连续两年取得新的发明专利、软件著作权——按您说的：2022年、2024年有，2021年、2023年没有」; "" without a history."""
    known = statuses(text, spec)
    if len(known) < 2 or consecutive(text, spec) is None:
        return ""
    w = _words(spec)
    sides = []
    for value in (True, False):
        years = "、".join(f"{y}年" for y in sorted(y for y, v in known.items() if v is value))
        if years:
            sides.append(years + w["said"]["had" if value else "none"])
    return f"{label}——按您说的：{'，'.join(sides)}。"
