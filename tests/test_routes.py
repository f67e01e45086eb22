"""Every steering shape of knowledge/data/routes.yml finds its examples and misses its counter-examples,
and every shape the code asks for exists (no pattern lists left in bot/answers or actions)."""

import re
from pathlib import Path

import pytest

from knowledge import shapes

ROOT = Path(__file__).resolve().parents[1]
NAMES = sorted(shapes.routes())


@pytest.mark.parametrize("name", NAMES)
def test_shape_is_documented_and_has_examples(name):
    entry = shapes.routes()[name]
    assert entry.get("doc") and entry.get("patterns")
    assert entry.get("match") and entry.get("miss"), f"{name}: needs match and miss examples"


@pytest.mark.parametrize("name", NAMES)
def test_shape_finds_its_examples(name):
    for text in shapes.routes()[name]["match"]:
        assert shapes.search(name, text), f"{name} should match {text!r}"


@pytest.mark.parametrize("name", NAMES)
def test_shape_misses_its_counter_examples(name):
    for text in shapes.routes()[name]["miss"]:
        assert not shapes.search(name, text), f"{name} should not match {text!r}"


def _used_names():
    used = set()
    for path in list((ROOT / "bot").rglob("*.py")) + list((ROOT / "actions").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"shapes\.(?:search|pattern)\(\s*\"([a-z_]+)\"", text))
        used |= set(re.findall(r"^\s*\(?\s*\"(doc_[a-z]+)\",", text, re.M))  # DOC_FIELDS
    return used


def test_every_shape_asked_for_exists():
    used = _used_names()
    assert used, "no code reads knowledge.shapes"
    assert used <= set(NAMES), sorted(used - set(NAMES))


def test_every_shape_is_used():
    assert set(NAMES) <= _used_names(), sorted(set(NAMES) - _used_names())


def test_router_and_general_answers_hold_no_pattern_lists():
    for rel in ("bot/answers/router.py", "bot/answers/general.py", "bot/answers/subsidies.py", "actions/policy.py"):
        text = (ROOT / rel).read_text(encoding="utf-8")
        found = re.findall(r"re\.(?:compile|search|match)\(\s*r?\"[^\"]*\|", text)
        assert not found, f"{rel}: word alternatives belong in knowledge/data/routes.yml: {found}"
