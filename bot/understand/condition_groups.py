"""People counted in groups told one per phrase, each with what is true of its own people: 「郑大来的12人 社保交满8个月；
河大7人 社保只交了4个月；工学院5人 社保交满6个月」.

A group is a phrase (cut at ；。：, or at ，、 when a piece holds several counts) with exactly one count of people and its
own words stating a person condition of the clause (knowledge/data/conditions.yml) — met or failed. Two groups or more
said one after another make a list: a clause counts the groups none of whose conditions fail and names the others
(never the whole item ruled out by one group, never a guess). A phrase that states no person condition (「每年接收实习生
30名」) is no group of the list.
"""

import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from bot.understand.people_counts import NUMBER, PEOPLE  # the shared reader of counts of people


EVERYONE = re.compile(r"都|全部|全都|均|一律|总共|一共|合计")
PER_YEAR = re.compile(r"每年|一年|年均|接收|接受|招收")


@dataclass(frozen=True)
class ConditionGroup:
    count: int
    words: str  # the phrase as typed
    failed: Optional[Tuple[str, ...]]  # the labels of the conditions its own words fail; None: none said of it
    start: int  # where its count is said
    span: Tuple[int, int]  # where its phrase is


def _pieces(text: str) -> List[Tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^；;。！!？?\n：:]+", text):
        counts = len(PEOPLE.findall(m.group(0)))
        if counts > 1:
            out += [(m.start() + x.start(), m.start() + x.end()) for x in re.finditer(r"[^，,、]+", m.group(0))]
        else:
            out.append((m.start(), m.end()))
    return out


def groups(text: str, code: str, ids) -> Optional[List[ConditionGroup]]:
    """The list of groups of the normalised `text` for clause `code`'s person conditions `ids`, in order, or None
    when fewer than two phrases in a row are such groups."""
    from calculator.figures_zh import numeral_value
    from bot.understand.person_checks import checks as person_checks

    runs: List[List[ConditionGroup]] = [[]]
    for start, end in _pieces(text):
        words = text[start:end]
        found = list(PEOPLE.finditer(words))
        value = numeral_value(found[0].group("n")) if len(found) == 1 else None
        if value and (EVERYONE.search(words) or PER_YEAR.search(words[: found[0].start()])):
            value = None  # 「今年的应届生都是大专以上」 speaks of everyone; 「每年接收实习生30名」 counts the year's interns
        checks = []
        if value:
            own = words[: found[0].start()] + " " + words[found[0].end() :]
            checks = person_checks(own, code, ids)
        if not value or value != int(value) or _opens_part(words, text[:start]):
            if runs[-1]:
                runs.append([])
            continue
        said = any(c.status in ("met", "not_met") for c in checks)
        failed = tuple(c.label for c in checks if c.status == "not_met") if said else None
        runs[-1].append(ConditionGroup(int(value), words.strip(), failed, start + found[0].start(), (start, end)))
    runs = [_trimmed(run) for run in runs]
    best = max(runs, key=len)
    # a count said beside the list with nothing of its own conditions: whether it counts is not known, never dropped
    if len(best) < 2 or any(g.failed is None for g in best):
        return None
    return best


BARE = re.compile(rf"^\s*(?:还有|也有|有)\s*(?:{NUMBER})\s*(?:个|名|位|人)")


def unclear_parts(text: str, found: List[ConditionGroup]) -> List[ConditionGroup]:
    """The failing groups said with a bare 有 and no name of their own (「应届大专以上的32个，有5个只实习了一个月，有2个社保
    才交了4个月」) after a group that fails nothing: some of that group, or people beside it? Not said — unless the
    groups add up to a count said before the list (then they are its parts, each beside the others). [] when clear."""
    from calculator.figures_zh import numeral_value

    bare = [g for g in found if g.failed and BARE.match(g.words)]
    if not bare or not any(not g.failed for g in found[: found.index(bare[0])]):
        return []
    said = {numeral_value(m.group("n")) for m in PEOPLE.finditer(text[: found[0].span[0]])}
    return [] if sum(g.count for g in found) in said else bare


def _opens_part(words: str, before: str = "") -> bool:
    """「…应届毕业生留了9名，其中一位社保只缴了3个月」: a phrase opened by an inside word (estimate_words.yml subgroups
    exception/inside) is a part of the people just counted (bot/understand/subgroups.py), no group beside them."""
    from bot.estimate.reading import alternation, estimate_words

    w = estimate_words()["subgroups"]
    opening = rf"\s*(?:{alternation(w['exception'])})?\s*(?:{alternation(w['inside'] + w['inside_bare'])})"
    # 「应届大专以上的32个，但是有5个只实习了一个月」: a count right after 但是/不过 (有) is some of those just counted
    but = rf"\s*(?:{alternation(w['exception'])})\s*[，,]?\s*(?:还有|有|也有)?\s*(?:{NUMBER})\s*(?:个|名|位|人)"
    # 「…32个；但是，有5个只实习了一个月」: 但是 said just before the phrase, cut off by a comma
    after_but = re.search(rf"(?:{alternation(w['exception'])})\s*[，,]\s*$", before) and re.match(
        rf"\s*(?:还有|有|也有)?\s*(?:{NUMBER})\s*(?:个|名|位|人)", words
    )
    return re.match(opening, words) is not None or re.match(but, words) is not None or bool(after_but)


def _trimmed(run: List[ConditionGroup]) -> List[ConditionGroup]:
    """A run less the counts before its first group and after its last that state no condition (「今年来了26个：…」
    heads it): only counts between groups stay, to make the run unclear."""
    said = [i for i, g in enumerate(run) if g.failed is not None]
    return run[said[0] : said[-1] + 1] if said else []


_busy = [False]


def failing_spans(text: str) -> List[Tuple[int, int]]:
    """Where the words of the groups failing a person condition stand, when other groups of the list do not fail:
    「河大7人 社保只交了4个月」 is those 7's, never everyone's (三（七）2 and 三（七）4's person conditions)."""
    if _busy[0] or not PEOPLE.search(text):
        return []
    from bot.estimate.clauses.institution_training import PERSON_CONDITIONS as TRAINEES
    from bot.estimate.clauses.internships import PERSON_CONDITIONS as INTERNS

    _busy[0] = True
    try:
        out = []
        for code, ids in (("3.7.2", TRAINEES), ("3.7.4", INTERNS)):
            found = groups(text, code, ids) or []
            if any(g.failed for g in found) and not all(g.failed for g in found):
                out += [(g.start, g.span[1]) for g in found if g.failed]
        return out
    finally:
        _busy[0] = False
