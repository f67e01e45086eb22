"""Counts of people as typed (「28个」「6名」「3人」「十二位」), one reader shared by the group readers (batches.py,
condition_groups.py, contract_groups.py), and which clause a count belongs to: the one its own sentence names.

A count is a whole number (Arabic or Chinese) followed by a person classifier, never 「3个月」「2个工作日」「5人次」 nor
the tail of a decimal (「2.5个」). A count belongs to the clause whose topic words (knowledge/data/estimate_words.yml
degree_groups.topics) its own sentence names: 「一是实习生…符合条件的有12名；二是中高级培训，3个人…」 — the 12 are the
interns', never the trainees of the other item.
"""

import re
from typing import Optional, Set

NUMBER = r"\d+(?:\.\d+)?|[一二两三四五六七八九十百]+"
PEOPLE = re.compile(rf"(?<![\d.])(?P<n>{NUMBER})\s*(?:个人|个|名|人|位)(?!月|多月|年|工作日|小时|次)")
SENTENCE = re.compile(r"[^；;。！!？?\n]+")


def whole(numeral: str) -> Optional[int]:
    """The count a numeral says, or None when it is no whole number above 0."""
    from calculator.figures_zh import numeral_value

    value = numeral_value(numeral)
    return int(value) if value is not None and value == int(value) and value > 0 else None


def sentence_at(text: str, at: int) -> str:
    """The sentence (cut at ；。！？ and line breaks) that holds position `at`."""
    for m in SENTENCE.finditer(text):
        if m.start() <= at < m.end():
            return m.group(0)
    return ""


def clauses_named(words: str) -> Set[str]:
    """The clauses whose topic words `words` name."""
    from bot.estimate.reading import estimate_words

    topics = estimate_words()["degree_groups"]["topics"]
    return {str(code) for code, said in topics.items() if any(str(w) in words for w in said)}


def of_another_clause(text: str, at: int, code: str) -> bool:
    """Whether the count at `at` is said in a sentence that names another clause's topic and not `code`'s."""
    named = clauses_named(sentence_at(text, at))
    return bool(named) and code not in named
