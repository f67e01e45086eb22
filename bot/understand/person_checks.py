"""What the words said of some people (a part of a counted group: 「另外4个社保才交了5个月」「另外7名不满足这些条件」)
tell of a clause's person conditions — one reader for every clause that counts people (三（七）2, 三（七）3, 三（七）4)
and every reader of parts (bot/understand/subgroups.py, people_chain.py, condition_groups.py, vague_parts.py).

A condition fails when the facts read from the words fail it; words that say the people meet none of the conditions
told (estimate_words.yml subgroups `fails_all`: 「不满足这些条件」「都不符合要求」) fail every one of them: those
people are left out and named with the conditions they miss, never counted as the qualified ones.
"""

import re
from dataclasses import replace
from functools import lru_cache
from typing import List

from bot.estimate.reading import alternation


@lru_cache(maxsize=1)
def _fails_all() -> "re.Pattern":
    from bot.estimate.reading import estimate_words

    return re.compile(alternation(estimate_words()["subgroups"]["fails_all"]))


def says_fails_all(words: str) -> bool:
    """Whether `words` say their people meet none of the conditions (「另外7名不满足这些条件」), never a question
    (「符不符合条件」「满足条件吗」)."""
    return bool(_fails_all().search(words)) and not re.search(r"吗|么|能不能|是否|(.)不\1", words)


def person_clauses() -> dict:
    """{clause code: its person conditions} of the clauses counting people (bot/estimate/clauses/)."""
    from bot.estimate.clauses import institution_training, internships, senior_training

    return {
        institution_training.CODE: institution_training.PERSON_CONDITIONS,
        "3.7.3": senior_training.PERSON_CONDITIONS,
        internships.CODE: internships.PERSON_CONDITIONS,
    }


def checks(words: str, code: str, ids) -> List:
    """Clause `code`'s checks of the person conditions `ids` (knowledge/conditions.py Check) by what `words` say."""
    from bot.understand.facts import read_facts
    from knowledge import conditions

    found = [c for c in conditions.evaluate(code, read_facts(words)).checks if c.id in ids]
    if not any(c.status == "not_met" for c in found) and says_fails_all(words):
        return [replace(c, status="not_met") for c in found]
    return found


def failed(words: str, code: str, ids) -> List[str]:
    """The labels of the person conditions `ids` of clause `code` that `words` fail."""
    return [c.label for c in checks(words, code, ids) if c.status == "not_met"]
