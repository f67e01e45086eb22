"""bot/nlu/entity_ruler.py: known answers, and the vocabulary scan limited to candidate phrases
(those whose first two characters occur in the message) finds exactly what a scan of the
whole vocabulary finds."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlu import entity_ruler
from bot.nlu.normalize import normalize
from bot.nlu.vocabulary import vocabulary

ROOT = Path(__file__).resolve().parents[1]


def scan(norm, entries):
    """The vocabulary scan of extract(): earlier entries claim their span first."""
    found, covered = [], set()
    for label, phrase, value in entries:
        start = norm.find(phrase)
        while start >= 0:
            span = range(start, start + len(phrase))
            if not covered.intersection(span):
                found.append((label, value, start, start + len(phrase)))
                covered.update(span)
            start = norm.find(phrase, start + 1)
    return found


def training_texts():
    texts = []
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            m = re.match(r"\s+- (.+)", line)
            if m:
                texts.append(re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", m.group(1)))
    return texts


@pytest.mark.parametrize(
    "text, expected",
    [
        ("我们做软件测试外包", [("domain", "软件研发服务", 3, 7)]),
        ("做软件测试和呼叫中心", [("domain", "软件研发服务", 1, 5), ("domain", "呼叫中心服务", 6, 10)]),
        (
            "离岸执行额150万美元能拿多少？",
            [("clause", "3.2", 0, 2), ("clause", "3.2", 9, 11), ("money", "1500000|USD", 5, 11)],
        ),
        ("", []),
        ("   ", []),
    ],
)
def test_known_answers(text, expected):
    assert [(e["entity"], e["value"], e["start"], e["end"]) for e in entity_ruler.extract(text)] == expected


def test_candidates_find_what_the_whole_vocabulary_finds_in_every_training_example():
    texts = training_texts()
    assert len(texts) > 5000
    for text in texts:
        norm = normalize(text)
        assert scan(norm, entity_ruler._candidates(norm)) == scan(norm, vocabulary()), text


phrases = st.sampled_from([phrase for _, phrase, _ in vocabulary()])
pieces = st.one_of(phrases, phrases.map(lambda p: p[: max(1, len(p) - 1)]), st.text(max_size=3))


@settings(max_examples=400, deadline=None)
@given(st.lists(pieces, max_size=6).map("".join))
def test_candidates_find_what_the_whole_vocabulary_finds_in_generated_text(text):
    norm = normalize(text)
    assert scan(norm, entity_ruler._candidates(norm)) == scan(norm, vocabulary())
