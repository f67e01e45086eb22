"""A message that describes a whole group of people anew after an estimate that counted people: 「我们是培训机构，今年
培训了40个学员，其中30个本科考核合格签了两年合同，剩下10个考核没过，能补多少」 after 85 trainees were counted.

It tells its own group (40), larger than every part it names, that the running estimate never held, and it says no
word of correcting (不对/更正/改成/其实…) nor points back (刚才/上面…) nor names a batch already counted: it replaces the
estimate (a new reading), never corrects it — its 10 left out are of its own 40, not of the 62 counted before.
"""

import re
from decimal import Decimal
from typing import Optional

from bot.understand.people_counts import PEOPLE, whole

# what the running estimate holds of a group of people: the counts, the larger groups they were taken from
GROUP_KEYS = ("_parts_institution_groups",)


def _count_fields() -> set:
    """The fields of the clauses counting people (bot/estimate/clauses/ person_conditions): counted, and group."""
    from bot.estimate import clauses

    return {k for c in clauses.CLAUSES if c.person_conditions for k in c.person_conditions[:2] if k}


def held_counts(running: dict) -> set:
    """The counts of people the running estimate holds: the counted fields, the groups and the batches."""
    fields = _count_fields()
    held = {int(v) for k, v in running.items() if k in fields and isinstance(v, (int, Decimal))}
    for key in GROUP_KEYS:
        held |= {int(v) for v in running.get(key) or [] if isinstance(v, (int, Decimal))}
    batches = running.get("_parts_institution_batches")
    if isinstance(batches, dict):
        held |= {int(v) for v in batches.values() if isinstance(v, (int, float, Decimal))}
    return held


def _points_back(norm: str) -> bool:
    from bot.estimate.reading import alternation, estimate_words
    from knowledge import shapes

    w = estimate_words()
    words = alternation(w["refers_back"] + w["fair_fixes"]["correcting"])
    return bool(re.search(words, norm) or shapes.search("correction", norm) or shapes.search("replaces_figure", norm))


def _names_batch_counted(norm: str, running: dict) -> bool:
    batches = running.get("_parts_institution_batches")
    if not isinstance(batches, dict) or not batches:
        return False
    from bot.understand.batches import segments

    return any(key in batches for key, _, _, _ in segments(norm))


def describes_afresh(text: str, running: Optional[dict]) -> bool:
    """Whether `text` describes a whole new group of people (see the module's words) after the running estimate."""
    from bot.understand.facts import normalize

    if not running:
        return False
    held = held_counts(running)
    if not held:
        return False
    norm = normalize(text or "")
    counts = [n for n in (whole(m.group("n")) for m in PEOPLE.finditer(norm)) if n]
    if len(counts) < 2:
        return False
    group = counts[0]
    # its own group first, then its parts, each within it; a group the estimate holds is that group said again
    if group in held or any(n >= group for n in counts[1:]):
        return False
    if _points_back(norm) or _names_batch_counted(norm, running):
        return False
    from bot.understand.refined_group import refines

    # 「其中42个签了一年以上，另外8个签的半年」 after 50: parts of the 50, no new group
    return not refines(norm, running)
