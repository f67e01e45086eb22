"""People counted in groups the user totals: 「办了三期 分别20 15 8个人」 (20 + 15 + 8), 「第一期30人 第二、三期各28人」
(30 + 28 × 2), 「三个班 45人、38人、52人」, 「两个班 每班25人」 (25 × 2).

The total is a sum of the counts the user typed, each group once: a count of groups (三期) that does not match the
groups listed makes the message no group total (None), never a guess. The words are knowledge/data/estimate_words.yml
`groups`; a part said of one group (「第三期里有3个是中专」) is read by bot/understand/subgroups.py.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Tuple

from bot.estimate.reading import alternation

NUMBER = r"[\d一二两三四五六七八九十百]+"
ORDINAL = r"[\d一二两三四五六七八九十]+"
UNIT = r"(?:个|名|位|人)"


@dataclass(frozen=True)
class Groups:
    """Groups of people the user counted: each group's count (in order), the text's spans of the counts typed."""

    counts: Tuple[int, ...]
    numbers: Tuple[Tuple[int, int], ...]  # (start, end) of each count typed, its unit included
    said: str  # the sum as the user's counts make it: 「20 + 15 + 8」「30 + 28 × 2」

    @property
    def total(self) -> int:
        return sum(self.counts)

    def covers(self, pos: int) -> bool:
        return any(start <= pos < end for start, end in self.numbers)


def _count(numeral: str) -> Optional[int]:
    from calculator.figures_zh import numeral_value

    value = numeral_value(numeral)
    return int(value) if value is not None and value == int(value) and value > 0 else None


@lru_cache(maxsize=1)
def _patterns() -> dict:
    from bot.estimate.reading import estimate_words

    w = estimate_words()["groups"]
    batch, each, per = alternation(w["batch"]), alternation(w["each"]), alternation(w["per_batch"])
    respective, joins = alternation(w["respective"]), alternation(w["joins"])
    item = rf"{NUMBER}(?:\s*{UNIT})?"
    labels = alternation(w["labels"])
    return {
        # 「三期」「三个班」「两批」 (not 第三期): how many groups the user says there are
        "how_many": re.compile(rf"(?<![第\d一二两三四五六七八九十])(?P<k>{NUMBER})\s*个?\s*(?:{batch})(?!里)"),
        # 「分别20 15 8个人」「分别是45人、38人和52人」
        "respective": re.compile(rf"(?:{respective})\s*(?P<list>{item}(?:\s*(?:{joins})\s*{item})+)"),
        # 「45人、38人、52人」 (each with its unit) after a count of groups
        "plain": re.compile(rf"(?P<list>{NUMBER}\s*{UNIT}(?:\s*(?:{joins})\s*{NUMBER}\s*{UNIT})+)"),
        # 「第一期30人」「第二、三期各28人」
        "ordinal": re.compile(
            rf"(?:第(?P<o>{ORDINAL}(?:\s*[、,，和及]\s*第?{ORDINAL})*)|(?P<label>{labels}|(?<![a-z])[a-z]+)的?\s*(?:一个|一)?)"
            rf"\s*(?:{batch})\s*(?:有|是|招了|招|培训了|培训|：|:)?\s*"
            rf"(?P<each>{each})?\s*(?:是|有)?\s*(?P<n>{NUMBER})\s*(?:{UNIT}|(?![\d.万千百亿元块%％年月天周个wWkK]))"
        ),
        # 「一期60人 二期45人」「一批50 一批70」: a group named by its numeral alone, its count right after it (a bare
        # number too: the batch word says what it counts)
        "numeral": re.compile(
            rf"(?<![第\d一二两三四五六七八九十百几多个])(?P<o>[一二三四五六七八九十])\s*(?:{batch})(?!里)"
            rf"(?:有|是|招了|招|培训了|培训|：|:)?\s*(?P<n>\d+|[一二两三四五六七八九十百]+)\s*(?:{UNIT})?"
            rf"(?![\d.万千百亿元块%％年月天周wWkK])"
        ),
        # 「两个班各20人」「三期 每期20人」「每班25人」
        "each": re.compile(
            rf"(?:(?P<each>{each})|(?:{per}))\s*(?:都是|都有|都|是|有|招了|培训了)?\s*(?P<n>{NUMBER})\s*{UNIT}"
        ),
        # 「下半年一批33人」「另外还有一个班20人」: one more group said by itself after a list of groups
        "one_more": re.compile(
            rf"(?:{labels}|{alternation(w['one_more'])})的?\s*(?:一个|一)\s*(?:{batch})\s*"
            rf"(?:有|是|招了|招|培训了|培训|：|:)?\s*(?P<n>{NUMBER})\s*{UNIT}"
        ),
        "number": re.compile(rf"(?P<n>{NUMBER})(?:\s*{UNIT})?"),
        "ordinal_one": re.compile(ORDINAL),
    }


def _how_many(t: str) -> List[int]:
    return [k for m in _patterns()["how_many"].finditer(t) if (k := _count(m.group("k"))) and k > 1]  # 一个班: one


def _listed(t: str, m) -> Optional[Groups]:
    """The counts of a list matched by `m` (its group "list"), the last one said with a unit of people."""
    counts, numbers = [], []
    start = m.start("list")
    for n in _patterns()["number"].finditer(m.group("list")):
        value = _count(n.group("n"))
        if value is None:
            return None
        counts.append(value)
        numbers.append((start + n.start(), start + n.end()))
    if len(counts) < 2 or not re.search(rf"{UNIT}$", m.group("list")):
        return None
    return Groups(tuple(counts), tuple(numbers), " + ".join(str(c) for c in counts))


def _ordinals(t: str) -> Optional[Groups]:
    """「第一期35人 第二期27人 第三期18人」「第一期30人 第二、三期各28人」「上半年一个班30人 下半年一个班26人」「a班22人
    b班19人」: each group said once (a group said
    again, 「第三期有3个是中专」, is a part of it, not another group)."""
    seen, counts, numbers, said = set(), [], [], []
    for m in _patterns()["ordinal"].finditer(t):
        which = tuple(_patterns()["ordinal_one"].findall(m.group("o"))) if m.group("o") else (m.group("label"),)
        n = _count(m.group("n"))
        if n is None or seen & set(which):
            continue
        if len(which) > 1 and not m.group("each"):
            return None  # 「第二、三期28人」: both together or each is not said
        seen |= set(which)
        counts += [n] * len(which)
        numbers.append((m.start("n"), m.end()))
        said.append(f"{n} × {len(which)}" if len(which) > 1 else str(n))
    if len(counts) < 2:
        return None
    return Groups(tuple(counts), tuple(numbers), " + ".join(said))


def _plain(t: str, how_many: List[int]) -> Optional[Groups]:
    """「一期60人 二期45人」「两批 一批50 一批70」: groups named by a numeral alone, with no 第. Only as a run the
    message makes plain: numbered in order from 一 (一期、二期、三期), or each 「一批」 (one batch, then another) after a
    count of batches that matches them; anything else is no group total."""
    from calculator.figures_zh import numeral_value

    found = list(_patterns()["numeral"].finditer(t))
    if len(found) < 2:
        return None
    marks = [int(numeral_value(m.group("o")) or 0) for m in found]
    each_one = set(marks) == {1} and how_many and how_many[0] == len(marks)
    if not each_one:  # 「一期20人 二期20人 一期有1个…」: a batch said again is a part of it, not another batch
        kept = [i for i, mark in enumerate(marks) if mark not in marks[:i]]
        found, marks = [found[i] for i in kept], [marks[i] for i in kept]
        if len(found) < 2:
            return None
    counts = [_count(m.group("n")) for m in found]
    if any(c is None for c in counts):
        return None
    in_order = marks == list(range(1, len(marks) + 1))
    if not (in_order or each_one):
        return None
    numbers = tuple((m.start("n"), m.end()) for m in found)
    return Groups(tuple(counts), numbers, " + ".join(str(c) for c in counts))


def _each(t: str, how_many: List[int]) -> Optional[Groups]:
    """「两个班各20人」「办了三期 每期20人」: one count for each of the groups counted (said once)."""
    found = list(_patterns()["each"].finditer(t))
    if len(found) != 1 or len(set(how_many)) != 1:
        return None
    m, k = found[0], how_many[0]
    n = _count(m.group("n"))
    if n is None or k < 2:
        return None
    at = [g for g in _patterns()["how_many"].finditer(t)]
    numbers = ((m.start("n"), m.end()),) + tuple((g.start(), g.end()) for g in at)
    return Groups((n,) * k, numbers, f"{n} × {k}")


def _with_one_more(t: str, listed: Groups, how_many: List[int]) -> Groups:
    """A list of groups (「两批…分别是48人和52人」) and each group said by itself besides it (「下半年一批33人」): all are
    counted, each once. The groups said before the list (两批) name the list's groups, or all of them."""
    first, last = listed.numbers[0][0], listed.numbers[-1][1]
    more = [m for m in _patterns()["one_more"].finditer(t) if m.end() <= first or m.start() >= last]
    counts = [c for m in more if (c := _count(m.group("n")))]
    if not counts or len(counts) != len(more) or (how_many and len(listed.counts) + len(counts) < how_many[0]):
        return listed
    numbers = listed.numbers + tuple((m.start("n"), m.end()) for m in more)
    return Groups(listed.counts + tuple(counts), numbers, " + ".join([listed.said] + [str(c) for c in counts]))


def read(t: str) -> Optional[Groups]:
    """The groups of people counted in `t` (normalised text), or None when the message counts no groups, or when
    the groups listed do not match the number of groups said (三期 but two counts)."""
    how_many = _how_many(t)
    groups, m = _ordinals(t) or _plain(t, how_many), None
    if groups is None:
        m = _patterns()["respective"].search(t)
        groups = _listed(t, m) if m else None
    if groups is None and how_many:
        m = _patterns()["plain"].search(t)
        groups = _listed(t, m) if m else None
    if groups is None:
        return _each(t, how_many)
    listed = len(groups.counts)
    if m is not None and groups.numbers and groups.numbers[0][0] >= m.start("list"):
        groups = _with_one_more(t, groups, how_many)
    if how_many and len(set(how_many)) == 1 and how_many[0] not in (listed, len(groups.counts)):
        return None
    at = tuple((g.start(), g.end()) for g in _patterns()["how_many"].finditer(t))
    return Groups(groups.counts, groups.numbers + at, groups.said)
