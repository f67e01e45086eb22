"""Word patterns that steer an answer, as data: knowledge/data/routes.yml.

Plain Python, no Rasa. `search("procedure", text)` is the one way code asks whether a message has
a shape; the shapes, what each recognises and the examples that test it live in the YAML file.
"""

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, Optional

import yaml

from knowledge.text import widen_punctuation

ROUTES_FILE = Path(__file__).resolve().parent / "data" / "routes.yml"


@lru_cache(maxsize=1)
def routes() -> Dict[str, dict]:
    """Every shape of routes.yml: {name: {doc, patterns, match, miss, ignore_case?}}."""
    return yaml.safe_load(ROUTES_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def pattern(name: str) -> re.Pattern:
    """The shape's patterns as one compiled regex (any one matching is enough)."""
    entry = routes()[name]
    flags = re.I if entry.get("ignore_case") else 0
    return re.compile("|".join(f"(?:{widen_punctuation(p)})" for p in entry["patterns"]), flags)


def search(name: str, text: str) -> Optional[re.Match]:
    """The first place the shape occurs in the text, or None."""
    return pattern(name).search(text or "")
