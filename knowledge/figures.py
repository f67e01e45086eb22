"""The policy's figures (knowledge/data/figures.yml) as Decimals, readable without the database."""

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import yaml

FIGURES_FILE = Path(__file__).parent / "data" / "figures.yml"


@lru_cache(maxsize=1)
def all_figures() -> dict:
    """Every clause's figures: {clause code: [{key, value (Decimal), bound, text}]}."""
    raw = yaml.safe_load(FIGURES_FILE.read_text(encoding="utf-8"))
    return {str(code): [dict(f, value=Decimal(str(f["value"]))) for f in items] for code, items in raw.items()}


def figures(code: str) -> list:
    """The figures of one clause, in the order the text gives them."""
    return all_figures().get(str(code), [])


def figure(code: str, key: str) -> Decimal:
    """One figure of one clause, e.g. figure("3.2", "threshold_usd") == Decimal("1000000")."""
    for f in figures(code):
        if f["key"] == key:
            return f["value"]
    raise KeyError(f"no figure {key!r} in clause {code}")


def words(code: str, key: str, unit: str = "元") -> str:
    """A figure as the policy writes it: 2万元, 500万元, 100万美元, 70%."""
    value = figure(code, key)
    if key == "rate" or key.endswith("_rate"):
        return f"{(value * 100).normalize():f}%"
    if value >= 10000 and value % 10000 == 0:
        return f"{(value / 10000).normalize():f}万{unit}"
    return f"{value.normalize():f}{unit}"
