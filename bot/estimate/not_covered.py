"""Statuses and certificates a user says the company has beside an estimate that no item of this policy rewards
(「同时也拿到了高新技术企业证书」「今年还评上了专精特新」): each is named under the estimate as not covered, with what the
policy supports instead, never silently dropped. Words in knowledge/data/estimate_words.yml (`not_covered`)."""

import re
from functools import lru_cache

from bot.estimate.reading import estimate_words


@lru_cache(maxsize=1)
def _kinds() -> tuple:
    words = estimate_words()["not_covered"]
    suffix = words["suffix"]
    kinds = tuple((re.compile(f"({k['words']}){suffix}", re.I), k) for k in words["kinds"])
    return kinds, re.compile(words["denied"])


def _why(kind: dict) -> str:
    if not kind.get("clause"):
        return kind["why"]
    from knowledge import conditions

    leaf = next(x for x in conditions.leaves(kind["clause"]) if x.get("id") == kind["condition"])
    return kind["why"].format(label=leaf["label"])


def mentions(text: str) -> list:
    """[(the words as typed, the kind's own word, why the policy does not cover it)] for each kind the text says the
    company has, in order of mention; a denied mention (「我们不是高企」) is none."""
    kinds, denied = _kinds()
    found = []
    for pattern, kind in kinds:
        for m in pattern.finditer(text):
            if denied.search(text[max(0, m.start() - 8) : m.start()]):
                continue
            found.append((m.start(), m.group(0), m.group(1), _why(kind)))
            break
    return [mention[1:] for mention in sorted(found)]


def notes(text: str, noted=()) -> list:
    """The notes saying each mention is not covered (「“高新技术企业证书”不在本政策支持范围：…，未计入」); a mention another
    note already names (a certificate with a fee left out by 三（六）'s reader) is not said twice."""
    said = "".join(noted).lower()
    return [
        f"“{typed.upper()}”不在本政策支持范围：{why}，未计入测算"
        for typed, core, why in mentions(text)
        if core.lower() not in said
    ]
