"""Several parks of one park operator in one message (「A园今年新认定为市级…；B园是区级的…」): a fact said of one
named park is that park's alone. A park whose own words give a level below the one 三（八） requires is left out of
the estimate and named; the estimate reads the words of the parks that remain and those said of every park.
Words in knowledge/data/estimate_words.yml (several_parks)."""

import re
from typing import List, Optional, Tuple

from knowledge import conditions

from bot.estimate.reading import estimate_words

PHRASE = re.compile(r"[^，,。；;！!？?\s]+[，,。；;！!？?\s]*")


def _words() -> dict:
    return estimate_words()["several_parks"]


def _marks(text: str) -> List[Tuple[int, str]]:
    """(position, park name) of each park named at the start of its words, in order; [] when fewer than two."""
    w = _words()
    parks = "|".join(sorted(map(re.escape, w["park_words"]), key=len, reverse=True))
    named = [
        (m.start(), m.group(1).lower()) for m in re.finditer(rf"(?<![a-z\d])([{w['letters']}])(?:{parks})", text, re.I)
    ]
    if len({n for _, n in named}) >= 2:
        return named
    for first, second in w["in_turn"]:
        b = text.find(second)
        a = text.find(first)
        if 0 <= a < b:
            return [(a, "第1个园区"), (b, "第2个园区")]
    return []


def _shown(name: str) -> str:
    """A park's name as shown (B园, 第2个园区)."""
    return name if name.startswith("第") else name.upper() + "园"


def _level(words: str) -> Optional[str]:
    """The park level word said in a park's own words (区级, 市级 …), or None."""
    said = [(words.find(x), x) for level in conditions.scales()["park_level"] for x in level if x in words]
    return min(said)[1] if said else None


def _below(level: Optional[str], low: int) -> bool:
    """Whether a park's stated level is below the one required (a park whose level is unsaid is not)."""
    at = conditions.rank("park_level", level)
    return at is not None and at < low


def _required() -> Optional[str]:
    for leaf in conditions.spec("3.8.1").get("conditions", []):
        if leaf.get("fact") == "park_level":
            return leaf.get("at_least")
    return None


def focus(text: str) -> Tuple[str, List[str]]:
    """(the words the estimate reads, notes naming each park left out): the message unchanged and no notes unless it
    names several parks of which some, by their own words, are below the level 三（八） requires and some are not."""
    marks = _marks(text)
    if not marks:
        return text, []
    w = _words()
    owner: dict = {}
    current = None
    spans = [(m.start(), m.group(0)) for m in PHRASE.finditer(text)]
    for start, phrase in spans:
        starting = [n for p, n in marks if start <= p < start + len(phrase)]
        if starting:
            current = starting[-1]
            owner[start] = current
        elif current and not any(s in phrase for s in w["shared"]) and not any(a in phrase for a in w["asks"]):
            owner[start] = current  # 「也是今年认定的」: the park just named
    own = {}
    for start, phrase in spans:
        if start in owner:
            own[owner[start]] = own.get(owner[start], "") + phrase
    need = _required()
    low = conditions.rank("park_level", need)
    out = [n for n, words in own.items() if low is not None and _below(_level(words), low)]
    if not out or len(out) == len(own):
        return text, []
    kept = "".join(phrase for start, phrase in spans if owner.get(start) not in out)
    label = next(
        (leaf["label"] for leaf in conditions.spec("3.8.1")["conditions"] if leaf.get("fact") == "park_level"), need
    )
    notes = [
        f"{_shown(n)}是{_level(own[n])}园区，不符合“{label}”（第三条第（八）项），"
        f"不计入；只按{'、'.join(_shown(k) for k in own if k not in out)}测算"
        for n in out
    ]
    return kept, notes
