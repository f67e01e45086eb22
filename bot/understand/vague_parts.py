"""Parts of a counted group said without a count: 「一百来号人 有几个退学了 还有几个没拿到证」「培训了60人 个别没通过考核」.

What is said of such a part is its own, never the whole group's (the fact reader leaves it out, `spans`). A clause that
counts people cannot take the group's count then, nor guess the part's: it asks how many meet every condition, naming
the part (`failing`). A part said with no group counted before it (「有几个学员是高中学历 这几个人能算吗」) is what the
message asks about: its facts are read as said. The words are knowledge/data/estimate_words.yml `subgroups` vague.
"""

import re
from functools import lru_cache
from typing import List, Tuple

from bot.estimate.reading import alternation

PHRASE_END = re.compile(r"[，。；,;！？!?\n ]")
# a group counted before the part: 「60人」「一百来号人」「100多个学员」「几十个实习生」「三个班」
GROUP = re.compile(
    r"(?:[\d一二两三四五六七八九十百千]+|几十|上百)\s*(?:来|多|余)?\s*号?\s*(?:个|名|位)?\s*(?:人|学员|学生|实习生|毕业生)"
    r"|(?:[\d一二两三四五六七八九十百千]+)\s*(?:个|名|位)(?!月|多月|年|工作日|小时|班|期|批|组)"
    r"|[\d一二两三四五六七八九十]\s*个?\s*(?:班|期|批)"
)


@lru_cache(maxsize=1)
def _opening() -> re.Pattern:
    from bot.estimate.reading import estimate_words

    return re.compile(rf"(?:{alternation(estimate_words()['subgroups']['vague'])})")


@lru_cache(maxsize=1)
def _not_people() -> re.Pattern:
    from bot.estimate.reading import estimate_words

    return re.compile(rf"\s*(?:{alternation(estimate_words()['subgroups']['not_people'])})")


def _group_before(t: str, end: int) -> bool:
    """Whether a group of people is counted before `end` (「60人」); 「一个培训学校」 counts no people."""
    return any(not _not_people().match(t, m.end()) for m in GROUP.finditer(t, 0, end))


def _said(t: str) -> List[Tuple[int, int]]:
    """(start, end) of each phrase opened by a part said without a count, after a group counted."""
    out = []
    for m in _opening().finditer(t):
        if re.match(r"话|时候", t[m.end() : m.end() + 2]) or not _group_before(t, m.start()):
            continue  # 「有的话」「有的时候」 open no part
        end = PHRASE_END.search(t, m.end())
        out.append((m.start(), end.start() if end else len(t)))
    return out


_busy = [False]


def spans(t: str) -> List[Tuple[int, int]]:
    """Where the parts said without a count that fail a person condition of 三（七）2 or 三（七）4 stand."""
    if _busy[0]:
        return []
    from bot.estimate.clauses.institution_training import PERSON_CONDITIONS as TRAINEES
    from bot.estimate.clauses.internships import PERSON_CONDITIONS as INTERNS

    _busy[0] = True
    try:
        return [
            (start, end)
            for start, end in _said(t)
            if _failed(t[start:end], "3.7.2", TRAINEES) or _failed(t[start:end], "3.7.4", INTERNS)
        ]
    finally:
        _busy[0] = False


def _failed(words: str, code: str, ids) -> List[str]:

    from bot.understand.person_checks import failed

    return failed(words, code, ids)


def failing(t: str, code: str, ids) -> List[Tuple[str, List[str]]]:
    """(the words, the labels failed) of each part said without a count that fails one of clause `code`'s person
    conditions `ids`."""
    out = []
    for start, end in _said(t):
        failed = _failed(t[start:end], code, ids)
        if failed:
            out.append((t[start:end], failed))
    return out
