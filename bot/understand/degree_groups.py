"""People counted in groups that each carry their own degree: 「来了12个本科应届生；…10个大专应届生；…8个中专应届生」,
「本科生12人、大专生10人、中专生8人」.

Each count keeps the degree said right beside it (the education scale of knowledge/data/conditions.yml `scales`),
so a clause that needs 大专以上 counts 12 + 10 and leaves the 8 中专 out, never the last count alone. The counts are
the figures the user typed (calculator/figures_zh.py); nothing is guessed: a message with fewer than two such groups,
or with two groups naming the same degree, is no degree list (None).
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Tuple

# what may stand between a count and its degree: 「12个本科应届生」「12名是本科的」「本科生12人」「大专的有10个」
_AFTER_GAP = r"\s*(?:是|都是|全是|为)?\s*"
_BEFORE_GAP = r"(?:生|学历|毕业生|应届生|应届毕业生|的)?\s*(?:的)?\s*(?:有|是|共|一共|来了|招了)?\s*$"


@dataclass(frozen=True)
class DegreeGroup:
    """One count the user typed and the degree said with it."""

    count: int
    degree: str
    start: int  # the count's span in the text
    end: int


@lru_cache(maxsize=1)
def _degree_words() -> Tuple[str, ...]:
    from knowledge import conditions

    words = [w for level in conditions.scales()["education"] for w in level]
    return tuple(sorted(words, key=len, reverse=True))


def groups(text: str, figures) -> Optional[List[DegreeGroup]]:
    """The counts of people in `figures` (parse_figures of `text`) that each name their own degree, in order,
    or None when fewer than two counts do or two name the same degree."""
    words = "|".join(map(re.escape, _degree_words()))
    after = re.compile(rf"{_AFTER_GAP}(?P<d>{words})")
    before = re.compile(rf"(?P<d>{words}){_BEFORE_GAP}")
    out = []
    for f in figures:
        if f.kind != "count" or f.value is None or f.value != int(f.value) or f.value <= 0:
            continue
        m = after.match(text, f.end)
        degree = m.group("d") if m else None
        if degree is None:
            b = before.search(text[max(0, f.start - 12) : f.start])
            degree = b.group("d") if b else None
        if degree is not None:
            out.append(DegreeGroup(int(f.value), degree, f.start, f.end))
    if len(out) < 2 or len({g.degree for g in out}) < len(out):
        return None
    return out


def split(text: str, figures, at_least: str) -> Optional[Tuple[List[DegreeGroup], List[DegreeGroup]]]:
    """(groups meeting the degree `at_least`, groups below it), or None when the text lists no degree groups."""
    from knowledge import conditions

    found = groups(text, figures)
    if found is None:
        return None
    need = conditions.rank("education", at_least)
    met = [g for g in found if conditions.rank("education", g.degree) >= need]
    return met, [g for g in found if g not in met]
