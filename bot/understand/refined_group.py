"""A message that splits the group of people an estimate counted, after that estimate: 「60人里跟服务外包企业签了1年以上
劳动合同的有48个，另外12个签的是半年」 after 60 trainees counted, 「这62人里有5个是高中学历」, 「其中42个签了一年以上，另外8个
签的是半年」, 「他们当中有4个是高中毕业的」, 「80个学员：签1年以上的70个，另外10个签了半年」 after 80.

It names the group counted — its count followed by an among word (里/中/当中…), the count after 这/那, a message opening
with a word pointing at the people counted (其中/他们/这些学员…), or its own counts adding up to the count held (48 + 12 =
60), or that count said first with smaller parts after it — and says a part smaller than it. It refines that count (the
estimate is corrected: the part meeting the conditions is counted, the rest named), never adds a batch of people to it,
whatever 另外/还有 it says; unless it says the group is new (「另外又培训了30人」「还有一期40个学员」, estimate_words.yml
`refined_group.new_batch`). Words in estimate_words.yml `refined_group`.
"""

import re
from typing import List, Optional

from bot.understand.people_counts import PEOPLE, whole

# a noun between a count and its among word (「60个学员里」「62个trainees中」): letters or a few hanzi naming people
NOUN = r"(?:[a-zA-Z]+|学员|学生|实习生|应届生|毕业生|员工|人员|项目经理|经理|人)?"


def _words() -> dict:
    from bot.estimate.reading import estimate_words

    return estimate_words()["refined_group"]


def held(running: Optional[dict]) -> set:
    """The counts of people the running estimate holds: the counted fields, the groups they were taken from, the batches,
    and the people listed one by one (三（七）3)."""
    from bot.understand.fresh_group import held_counts

    if not running:
        return set()
    out = held_counts(running)
    people = running.get("senior_training")
    if isinstance(people, list) and people:
        out.add(len(people))
    return out


def _counts(norm: str) -> List[tuple]:
    """(count, match) of each count of people in the message, in order."""
    return [
        (n, m)
        for m in PEOPLE.finditer(norm)
        if (n := whole(m.group("n"))) and not _counts_a_thing(norm, m.start(), m.end())
    ]


def _counts_a_thing(norm: str, start: int, end: int) -> bool:
    """「同一个培训」「一个班」: the count names a course or the same thing, no people."""
    return norm[max(0, start - 1) : start] == "同" or bool(re.match(r"\s*(?:培训|课程|班|研修|进修)", norm[end:]))


def _named_by_count(norm: str, counts: List[tuple], group: set) -> Optional[int]:
    """The held count the message names with an among word after it (「60人里」) or 这/那 before it (「这62人」)."""
    from bot.estimate.reading import alternation

    w = _words()
    inside, this = alternation(w["inside"]), alternation(w["this"])
    for n, m in counts:
        if n not in group:
            continue
        if re.match(rf"\s*{NOUN}\s*(?:{inside})", norm[m.end() :]) or re.search(rf"(?:{this})\s*$", norm[: m.start()]):
            return n
    return None


def _pointing(norm: str) -> bool:
    """Whether the message opens (after a filler) with a word pointing at the people counted (「其中…」「他们里面…」)."""
    from bot.estimate.reading import alternation

    w = _words()
    openers = alternation(w["openers"])
    return bool(re.match(rf"^[\s，,。：:]*(?:(?:{openers})[\s，,。：:]*)*(?:{alternation(w['pointing'])})", norm))


def new_batch(norm: str) -> bool:
    """Whether the message says its people are a new batch (「又培训了30人」「还有一期」)."""
    from bot.estimate.reading import alternation

    return bool(re.search(alternation(_words()["new_batch"]), norm))


def refined(text: str, running: Optional[dict]) -> Optional[int]:
    """The count held by the running estimate that `text` splits (see the module's words), or None."""
    from bot.understand.facts import normalize

    group = held(running)
    if not group:
        return None
    norm = normalize(text or "")
    if new_batch(norm) or _names_another_item(norm, running):
        return None
    counts = _counts(norm)
    if not counts:
        return None
    said = [n for n, _ in counts]
    named = _named_by_count(norm, counts, group)
    if named is None and _pointing(norm):
        named = max(n for n in group if n > min(said)) if any(n > min(said) for n in group) else None
    if named is None and said[0] in group and len(said) > 1 and all(n < said[0] for n in said[1:]):
        named = said[0]  # 「80个学员：签1年以上的70个，另外10个签了半年」: the group said again with its parts
    if named is None and len(said) > 1 and sum(said) in group and not _own_group(said):
        named = sum(said)  # 「42个签了一年以上，8个签的是半年」 after 50: its parts add up to the group
    if named is None or not any(n < named for n in said):
        return None
    return named


def _names_another_item(norm: str, running: dict) -> bool:
    """Whether the message names an item the running estimate does not compute (「其中3个项目经理参加了涉外培训 每人2万」
    after trainees counted): its people are that item's, never a part of the group held."""
    from bot.estimate import items as item_words
    from bot.estimate.session import items_for_inputs

    named = set(item_words.detect_items(norm))
    return bool(named - set(items_for_inputs(running)))


def _own_group(said: list) -> bool:
    """Whether one of the counts is the sum of the others: the message's own group with its parts (「今年培训了50人，45个
    …另外5个…」), which is no part of a group held."""
    return any(n == sum(said) - n for n in said)


def refines(text: str, running: Optional[dict]) -> bool:
    """Whether `text` splits a group of people the running estimate counted (a correction of that count)."""
    return refined(text, running) is not None
