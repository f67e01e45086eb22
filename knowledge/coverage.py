"""What of a question the policy speaks to.

The content words (nouns, names, verbal nouns) of a question's asked part that occur nowhere in
the policy — its text and catalog (policy_text.md), the clauses' keywords, the words users state
facts with (facts.yml) and the synonyms the normaliser knows — are *uncovered*: the knowledge
base cannot answer them, and an answer should say so instead of answering a neighbouring
question. Words too general to decide anything are listed in knowledge/data/coverage.yml.
Plain Python, no Rasa.
"""

import re
from functools import lru_cache
from pathlib import Path
from typing import List

import yaml

from knowledge import text as ktext

DATA = Path(__file__).resolve().parent / "data"
# jieba's part-of-speech flags of content words: nouns, names, places, organisations, other proper
# nouns, verbal nouns, English words
CONTENT_FLAGS = {"n", "nr", "ns", "nt", "nz", "nrt", "vn", "eng", "an"}
QUESTION_PART = re.compile(r"[?？]|吗|么|嘛|呢|怎么|如何|多少|哪|什么|啥|咋|能不能|可不可以|是否|是不是|有没有")


def _strings(node) -> List[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


@lru_cache(maxsize=1)
def settings() -> dict:
    return yaml.safe_load((DATA / "coverage.yml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _tagger():
    import jieba.posseg

    return jieba.posseg.POSTokenizer(ktext._base_tokenizer())


@lru_cache(maxsize=1)
def corpus() -> str:
    """The policy's own words, normalised, as one text: the document, its catalog, and the words
    the assistant already understands."""
    parts = [(DATA / "policy_text.md").read_text(encoding="utf-8")]
    for name in settings()["sources"]:
        parts += _strings(yaml.safe_load((DATA / name).read_text(encoding="utf-8")))
    return ktext.normalize("\n".join(parts))


def asked_parts(question: str) -> List[str]:
    """The parts of a question that ask (those with a question word), or the whole when none does."""
    parts = [p for p in re.split(r"[，,。；;！!\s]+|(?<=[?？])", question or "") if p.strip()]
    asked = [p for p in parts if QUESTION_PART.search(p)]
    return asked or parts


def uncovered(question: str) -> List[str]:
    """The content words of the question's asked part that the policy never uses, in order."""
    general = set(settings()["general"])
    body = corpus()
    out = []
    for part in asked_parts(ktext.normalize(question)):
        for word, flag in _tagger().cut(part):
            w = word.strip()
            if flag not in CONTENT_FLAGS or len(w) < 2 or w in general or re.fullmatch(r"[\d.%]+", w):
                continue
            if w not in body and w not in out:
                out.append(w)
    return out
