"""English negations before Chinese policy words (「not 学历教育」「non-学历教育」「excluding 学历教育」「no 离岸」) put into
the Chinese negation they mean (knowledge/data/english_negations.yml), so that the Chinese readers — facts.yml's
negation scope, the estimate reader — read them as a Chinese message would. A negator followed by no Chinese word
(「not 6.9」「not a cent more」) is left as it is. Plain Python.
"""

import re
from functools import lru_cache
from pathlib import Path

import yaml

FILE = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "english_negations.yml"
HAN = r"[\u4e00-\u9fff]"


@lru_cache(maxsize=1)
def negations() -> dict:
    return yaml.safe_load(FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _patterns() -> list:
    data = negations()
    fillers = rf"(?:\s*(?<![a-z])(?:{data['fillers']})(?![a-z]))*"
    return [
        (re.compile(rf"(?<![a-z'])(?:{words})(?:(?<=[\s-])|(?![a-z'])){fillers}\s*(?={HAN})", re.I), zh)
        for words, zh in data["negators"]
    ]


def chinese_negations(text: str) -> str:
    """`text` with each English negator right before Chinese words written as the Chinese negation."""
    if not text or not re.search(r"[a-zA-Z]", text):
        return text or ""
    for pattern, zh in _patterns():
        text = pattern.sub(zh, text)
    return text
