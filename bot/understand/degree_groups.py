"""People counted in groups that each carry their own degree: 「来了12个本科应届生；…10个大专应届生；…8个中专应届生」,
「本科生12人、大专生10人、中专生8人」「本科12个硕士3个大专4个」.

Each count keeps the degree said right beside it (the education scale of knowledge/data/conditions.yml `scales`),
so a clause that needs 大专以上 counts 12 + 10 and leaves the 8 中专 out, never the last count alone. The counts are
the figures the user typed (calculator/figures_zh.py); nothing is guessed: a message with fewer than two such groups,
or with two groups naming the same degree, is no degree list (None).

A message may hold two lists for two clauses (「实训…应届的本科12个硕士3个 … 涉外业务培训 硕士2人…本科3人…」): the
groups are cut into runs (a degree said again, a long gap or another clause's topic word starts a new run), and each
run goes to the clause whose topic word (knowledge/data/estimate_words.yml `degree_groups`) is said nearest before it.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Tuple

# what may stand between a count and its degree: 「12个本科应届生」「12名是本科的」「3个应届生是中专的」「本科生12人」「大专的有10个」
_AFTER_GAP = r"\s*(?:应届毕业生|应届生|毕业生|实习生|学生)?\s*(?:是|都是|全是|为)?\s*"
_BEFORE_GAP = r"(?:生|学历|毕业生|应届生|应届毕业生|的)?\s*(?:的)?\s*(?:有|是|共|一共|来了|招了)?\s*$"
_RUN_GAP = 40  # characters between two groups beyond which they are two lists


@dataclass(frozen=True)
class DegreeGroup:
    """One count the user typed and the degree said with it."""

    count: int
    degree: str
    start: int  # the count's span in the text
    end: int
    degree_at: int = -1  # where the degree is said

    @property
    def first(self) -> int:
        """Where the group's words begin (its degree or its count, whichever comes first)."""
        return min(self.start, self.degree_at) if self.degree_at >= 0 else self.start


@lru_cache(maxsize=1)
def _degree_words() -> Tuple[str, ...]:
    from knowledge import conditions

    words = [w for level in conditions.scales()["education"] for w in level]
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _words() -> dict:
    from bot.estimate.reading import estimate_words

    return estimate_words()["degree_groups"]


def placed(text: str, figures) -> List[DegreeGroup]:
    """Every count of people in `figures` (parse_figures of `text`) with the degree said beside it, in order.

    A list is said one way throughout: 「本科12个硕士3个大专4个」 (each degree before its count) or 「12个本科、10个大专」
    (after it); the way that places more counts decides, so 「本科12个硕士3个」 never gives 12 to 硕士. A count the
    chosen way leaves without a degree may still take an unused one said the other way (「本科5个硕士2个…另外还有3个
    大专学历的」: 3 → 大专). Each degree word goes with one count only; a part of a group (「其中本科2个」) or a group
    named again (「这12个本科」) is no group of its own."""
    counts = [
        f
        for f in figures
        if f.kind == "count"
        and f.value is not None
        and f.value == int(f.value)
        and f.value > 0
        and re.search(r"[个名人位]", f.unit or f.raw or "")  # people, never 「两所高职」 (schools)
    ]
    before = {i: d for i, f in enumerate(counts) if (d := _degree_before(text, f)) is not None}
    after = {i: d for i, f in enumerate(counts) if (d := _degree_after(text, f)) is not None}
    first, second = (after, before) if len(_one_each(after, {})) > len(_one_each(before, {})) else (before, after)
    chosen = _one_each(first, {})
    chosen.update(_one_each({i: d for i, d in second.items() if i not in chosen}, chosen))
    out = [
        DegreeGroup(int(counts[i].value), chosen[i][0], counts[i].start, counts[i].end, chosen[i][1])
        for i in sorted(chosen)
    ]
    return [g for g in out if not _part_or_again(text, g)]


def runs(text: str, figures) -> List[List[DegreeGroup]]:
    """The groups of `placed`, cut into the lists they were said in: a degree said again, a gap of more than
    _RUN_GAP characters, or a topic word of another clause than the list's starts a new list."""
    return [run for _, run in _runs(text, figures)]


def _runs(text: str, figures) -> List[Tuple[Optional[str], List[DegreeGroup]]]:
    """(the clause each list is of, or None when no topic word names one, the list), in order."""
    out: List[List[DegreeGroup]] = []
    topics: List[Optional[str]] = []
    topic: Optional[str] = None  # the current list's clause: said before it, else the first said inside it
    found = placed(text, figures)
    for i, g in enumerate(found):
        run = out[-1] if out else None
        own = topic_after(text, g, found[i + 1].first if i + 1 < len(found) else len(text))
        between = own or (topic_before(text, g.first, run[-1].end) if run else None)
        if (
            run is None
            or g.degree in {x.degree for x in run}
            or g.first - run[-1].end > _RUN_GAP
            or (topic is not None and between not in (None, topic))
        ):
            out.append([g])
            topic = own or topic_before(text, g.first)
            topics.append(topic)
        else:
            run.append(g)
            topic = topic or between
    return list(zip(topics, out))


def topic_after(text: str, g: DegreeGroup, stop: int) -> Optional[str]:
    """The clause whose topic word the group's own words name right after its count and degree, up to the next group
    or phrase break (「再加上2个硕士学历的项目经理参加了…培训」: 3.7.3), or None."""
    tail = text[max(g.end, g.degree_at + len(g.degree)) : stop]
    tail = re.sub(r"^\s*(?:人|名|个|位)?\s*(?:学历|毕业)?\s*(?:及以上|以上)?\s*(?:学历)?\s*(?:的)?\s*", "", tail)[:6]
    found = [(tail.find(str(w)), str(c)) for c, words in _words()["topics"].items() for w in words if str(w) in tail]
    found = [(at, c) for at, c in found if at == 0]  # the people the count names, right after it
    return min(found)[1] if found else None


_ALL = re.compile(r"都|全部|全都|均|一律|每个人|每人")


def own_span(text: str, g: DegreeGroup, found: List[DegreeGroup]) -> Tuple[int, int]:
    """Where what the user says of group `g` alone stands: from its first word to the next group's or the end of its
    phrase (「还有2个本科社保只交了4个月」 → 「2个本科社保只交了4个月」)."""
    after = [x.first for x in found if x.first > g.first]
    stop = min(after) if after else len(text)
    cut = re.search(r"[，,；;。！!？?\n]", text[g.first : stop])
    return g.first, g.first + cut.start() if cut else stop


def own_words(text: str, g: DegreeGroup, found: List[DegreeGroup]) -> str:
    """The words of `own_span`; "" when they speak of everyone (「博士2人 社保都交满了」: 都)."""
    start, end = own_span(text, g, found)
    words = text[start:end]
    return "" if _ALL.search(words) else words


_ADDED = re.compile(r"(?:还有|另外|另有|此外|加上|外加)\s*(?:还有|有|也有)?\s*$")


def own_fact_spans(text: str) -> List[Tuple[int, int]]:
    """Where the words said of one more degree group alone stand, past its count and degree: a group added to a list
    (「还有2个本科社保只交了4个月」: 「社保只交了4个月」 is those 2's, never everyone's) whose words name no clause's topic
    (「再加上2个硕士的项目经理参加了培训」 speaks of its own clause's people)."""
    from calculator.figures_zh import parse_figures

    found = placed(text, parse_figures(text))
    out = []
    for i, g in enumerate(found):
        if not _ADDED.search(text[max(0, g.first - 6) : g.first]) or not own_words(text, g, found):
            continue
        _, end = own_span(text, g, found)
        if topic_after(text, g, end) is not None:
            continue
        begin = max(g.end, g.degree_at + len(g.degree))
        if re.search(r"[\d一二两三四五六七八九十半]\s*(?:个月|年)|没|未|不", text[begin:end]):
            out.append((begin, end))
    return out


def groups(text: str, figures) -> Optional[List[DegreeGroup]]:
    """The counts of people in `figures` that each name their own degree, in order, when the message says one list
    of two or more of them; else None (fewer than two, or two naming the same degree)."""
    found = runs(text, figures)
    if len(found) != 1 or len(found[0]) < 2:
        return None
    return found[0]


def for_clause(text: str, figures, code: str) -> Optional[List[DegreeGroup]]:
    """The degree groups clause `code` counts: the lists said after a topic word of `code`, or whose own words name
    it (「2个硕士学历的项目经理」); the nearest topic word of any clause before a list decides; a list with none goes to
    every clause; in order; None when they hold fewer than two groups."""
    mine = [g for topic, run in _runs(text, figures) if topic in (code, None) for g in run]
    return mine if len(mine) >= 2 else None


def said_of(text: str, figures, code: str) -> List[DegreeGroup]:
    """The degree groups of the lists said of clause `code` itself (its topic word before them or in their own words),
    never the lists that name no clause."""
    return [g for topic, run in _runs(text, figures) if topic == code for g in run]


def of_other_clause(text: str, figures, code: str) -> set:
    """Where the counts of the degree lists (two groups or more) said of another clause than `code` begin (a list
    after that clause's topic word): they are no people of `code`."""
    return {g.start for topic, run in _runs(text, figures) if topic not in (code, None) and len(run) >= 2 for g in run}


def split(
    text: str, figures, at_least: str, code: Optional[str] = None
) -> Optional[Tuple[List[DegreeGroup], List[DegreeGroup]]]:
    """(groups meeting the degree `at_least`, groups below it), or None when the text lists no degree groups
    (for clause `code` when given)."""
    found = groups(text, figures) if code is None else for_clause(text, figures, code)
    if found is None:
        return None
    need = rank(at_least)
    met = [g for g in found if rank(g.degree) >= need]
    return met, [g for g in found if g not in met]


def rank(degree: str) -> int:
    """The rank of a degree word on the education scale (conditions.yml)."""
    from knowledge import conditions

    return conditions.rank("education", degree)


def _degree_before(text: str, f) -> Optional[Tuple[str, int]]:
    """The degree said right before count `f` (「本科12个」「本科生有12人」) and where it begins, or None."""
    words = "|".join(map(re.escape, _degree_words()))
    lo = max(0, f.start - 12)
    b = re.search(rf"(?P<d>{words}){_BEFORE_GAP}", text[lo : f.start])
    return (b.group("d"), lo + b.start("d")) if b else None


def _degree_after(text: str, f) -> Optional[Tuple[str, int]]:
    """The degree said right after count `f` (「12个本科」「12名是本科的」) and where it begins, or None."""
    words = "|".join(map(re.escape, _degree_words()))
    m = re.compile(rf"{_AFTER_GAP}(?P<d>{words})").match(text, f.end)
    return (m.group("d"), m.start("d")) if m else None


def _one_each(found: dict, taken: dict) -> dict:
    """`found` (count index → (degree, where said)) keeping each degree word for the first count that claims it and
    none already in `taken`."""
    used = {at for _, at in taken.values()}
    out = {}
    for i in sorted(found):
        if found[i][1] not in used:
            used.add(found[i][1])
            out[i] = found[i]
    return out


def _part_or_again(text: str, g: DegreeGroup) -> bool:
    """Whether words right before the group (「其中本科2个」「这12个本科」) make it a part or a group named again."""
    words = sorted(map(str, _words()["not_a_group"]), key=len, reverse=True)
    head = text[max(0, g.first - 4) : g.first]
    return bool(re.search(rf"(?:{'|'.join(map(re.escape, words))})\s*(?:有|还有)?\s*$", head))


def topic_before(text: str, pos: int, since: int = 0) -> Optional[str]:
    """The clause whose topic word is said nearest before `pos` (and after `since`), or None when none is."""
    best, code = -1, None
    for clause, words in _words()["topics"].items():
        for w in words:
            at = text.rfind(str(w), since, pos)
            if at >= 0 and at + len(str(w)) > best:
                best, code = at + len(str(w)), str(clause)
    return code


def bare_list(text: str) -> Optional[List[DegreeGroup]]:
    """「培训了80人：本科35、大专30、高中15」: a count of people, then degrees each with a bare number (no 人/个) that add
    up to it, so the numbers are those people's counts; the groups in order, or None (fewer than two, a degree said
    twice, or numbers that do not add up to the count said right before: never read as people then)."""
    from calculator.figures_zh import numeral_value

    words = "|".join(map(re.escape, _degree_words()))
    item = rf"(?P<d>{words})(?:生|学历)?\s*(?:的)?\s*(?P<n>\d+)\s*(?:人|名|个|位)?"
    pattern = re.compile(
        rf"(?P<g>\d+)\s*(?:人|名|个|位)[^\d。；;！!？?\n]{{0,4}}[：:，,]\s*(?:其中)?\s*(?P<list>(?:{item}[、，,和及 ]*){{2,}})"
    )
    for m in pattern.finditer(text):
        at = m.start("list")
        found = [
            DegreeGroup(int(x.group("n")), x.group("d"), at + x.start("n"), at + x.end("n"), at + x.start("d"))
            for x in re.finditer(item, m.group("list"))
        ]
        if len(found) >= 2 and len({g.degree for g in found}) == len(found):
            if sum(g.count for g in found) == numeral_value(m.group("g")):
                return found
    return None
