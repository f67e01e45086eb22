"""The first layer of answers (knowledge/data/summaries.yml): a short name and one line per clause."""

from functools import lru_cache
from pathlib import Path

import yaml

SUMMARIES_FILE = Path(__file__).parent / "data" / "summaries.yml"


@lru_cache(maxsize=1)
def all_summaries() -> dict:
    """{clause code: {short, summary}} for every clause and sub-item of 第三条 and 第四条."""
    raw = yaml.safe_load(SUMMARIES_FILE.read_text(encoding="utf-8"))
    return {str(code): dict(item) for code, item in raw.items()}


def summary(code: str) -> dict:
    """One clause's {short, summary}; KeyError when the clause has none."""
    return all_summaries()[str(code)]
