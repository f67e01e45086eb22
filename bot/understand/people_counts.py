"""Counts of people as typed (「28个」「6名」「3人」「十二位」), one reader shared by the group readers (batches.py,
condition_groups.py, contract_groups.py), and which clause a count belongs to: the one its own sentence names.

A count is a whole number (Arabic or Chinese) followed by a person classifier, never 「3个月」「2个工作日」「5人次」 nor
the tail of a decimal (「2.5个」). A count belongs to the clause whose topic words (knowledge/data/estimate_words.yml
degree_groups.topics) its own sentence names: 「一是实习生…符合条件的有12名；二是中高级培训，3个人…」 — the 12 are the
interns', never the trainees of the other item.
"""

import re
from typing import Optional, Set, Tuple

NUMBER = r"\d+(?:\.\d+)?|[一二两三四五六七八九十百]+"
# 「三个班」「两个批次」 count batches, never people
PEOPLE = re.compile(rf"(?<![\d.])(?P<n>{NUMBER})\s*(?:个人|个(?!班|期|批|组)|名|人|位)(?!月|多月|年|工作日|小时|次)")
SENTENCE = re.compile(r"[^；;。！!？?\n]+")


def whole(numeral: str) -> Optional[int]:
    """The count a numeral says, or None when it is no whole number above 0."""
    from calculator.figures_zh import numeral_value

    value = numeral_value(numeral)
    return int(value) if value is not None and value == int(value) and value > 0 else None


PIECE = re.compile(r"[^，,；;。！!？?\n]+")


def _around(pattern, text: str, at: int) -> Tuple[int, int]:
    for m in pattern.finditer(text):
        if m.start() <= at < m.end():
            return m.start(), m.end()
    return at, at


def _topics() -> dict:
    from bot.estimate.reading import estimate_words

    return {str(code): [str(w) for w in said] for code, said in estimate_words()["degree_groups"]["topics"].items()}


def has_topic(code: str) -> bool:
    """Whether clause `code`'s people are named by topic words of their own (interns, project managers)."""
    return code in _topics()


def clauses_named(words: str) -> Set[str]:
    """The clauses whose topic words `words` name."""
    return {code for code, said in _topics().items() if any(w in words for w in said)}


def owner(text: str, at: int) -> Optional[str]:
    """The clause the count at `at` is said of: the one its own phrase (cut at commas) names, else the topic word said
    nearest before it in its sentence; None when the phrase names two or nothing names one."""
    lo, hi = _around(PIECE, text, at)
    named = clauses_named(text[lo:hi])
    if len(named) == 1:
        return named.pop()
    if named:
        return None
    s_lo, _ = _around(SENTENCE, text, at)
    before = text[s_lo:lo]
    said = [(before.rfind(w), code) for code, words in _topics().items() for w in words if w in before]
    return max(said)[1] if said else None


def of_another_clause(text: str, at: int, code: str) -> bool:
    """Whether the count at `at` is said of another clause than `code` (「一是实习生…符合条件的有12名；二是…培训」)."""
    found = owner(text, at)
    return found is not None and found != code
