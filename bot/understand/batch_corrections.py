"""A later message that corrects the count of one failing part of a batch counted before: 「更正：一班是其中5个没拿到证，
不是3个；二班不变」 after 「一班40人 其中3个没拿到证 二班35人 其中2个退学」.

The batch keeps its size and its other parts (kept from the earlier estimate, `detail`: key → {size, fails: [[count,
[condition ids]]]}); the part corrected is the one whose old count the message names (「不是3个」), else the one failing
the same condition. The batch counts its size less its parts again (40 − 5 = 35); the batches not named keep their
counts. A part that cannot be placed (two earlier parts fit) is no correction read here (None).
"""

import re
from dataclasses import dataclass
from typing import Dict, List, Optional

from bot.understand import batches
from bot.understand.batches import COUNT, NUMBER, classify, count_of, segments

CORRECTION = re.compile(
    rf"更正|纠正|说错|打错|搞错|记错|弄错|写错|不对|应该是|其实是|改成|改为|不是\s*{NUMBER}\s*(?:个|名|位|人)"
)
OLD = re.compile(rf"不是\s*(?P<n>{NUMBER})\s*(?:个|名|位|人)")


@dataclass(frozen=True)
class Corrected:
    key: str
    label: str
    counted: int
    said: str
    fails: List[list]  # the batch's failing parts after the correction: [[count, [ids]]]


def corrected(t: str, code: str, ids, detail: Optional[Dict[str, dict]]) -> Optional[List[Corrected]]:
    """The batches of `detail` whose failing part the normalised message `t` corrects, each counted again; None when
    the message corrects none (or a part it names cannot be placed)."""
    if not detail or not CORRECTION.search(t) or batches.is_reading():
        return None
    batches.reading(True)  # the parts' own words are read without batches
    try:
        return _corrected(t, code, ids, detail)
    finally:
        batches.reading(False)


def _corrected(t: str, code: str, ids, detail: Dict[str, dict]) -> Optional[List[Corrected]]:
    out = []
    for key, label, start, end in segments(t):
        old = detail.get(key)
        if not old or not old.get("size"):
            continue
        parts = _failing_parts(t[start:end], code, ids)
        if not parts:
            continue
        fails = [[int(c), list(f)] for c, f in old.get("fails") or []]
        named = {count_of(m.group("n")) for m in OLD.finditer(t, start, end)}
        changes = []
        for n, failed in parts:
            at = [i for i, (c, _) in enumerate(fails) if c in named] or [
                i for i, (_, f) in enumerate(fails) if set(f) == set(failed)
            ]
            if len(at) != 1:
                return None
            changes.append(f"{fails[at[0]][0]} → {n}")
            fails[at[0]] = [n, list(failed)]
        size = int(old["size"])
        left = sum(c for c, _ in fails)
        said = f"{size} − " + " − ".join(str(c) for c, _ in fails) + f" = {max(size - left, 0)}"
        out.append(Corrected(key, label, max(size - left, 0), f"{said}（更正：{'，'.join(changes)}）", fails))
    return out or None


def _failing_parts(seg: str, code: str, ids) -> list:
    """(count, condition ids failed) of each phrase of a batch's words that counts people failing a condition
    (「是其中5个没拿到证」「没拿到证的是5个」), the old count named after 不是 left out."""
    out = []
    for phrase in re.split(r"[，,；;。！!？?\n]", seg):
        for m in COUNT.finditer(phrase):
            if re.search(r"不是\s*$", phrase[: m.start()]):
                continue
            n = count_of(m.group("n"))
            words = OLD.sub("", phrase[: m.start()] + " " + phrase[m.end() :])
            status, _, failed = classify(words, code, ids)
            if n and status == "fails":
                out.append((n, failed))
    return out
