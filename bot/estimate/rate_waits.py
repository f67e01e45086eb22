"""Items that wait for an exchange rate the user does not have yet (「去年的汇率记不清了 要回去查」).

The bot never assumes a rate. When a rate the arithmetic needs is neither given nor in the operator's rate table,
the items that would multiply a dollar amount by it are left out of this estimate and named as waiting for it;
every other item is computed now (this year's 离岸奖励 needs only this year's rate):

- last year's rate missing: 三（一） waits (the increment compares last year's dollars in yuan);
- this year's rate missing: 三（一） and 三（二） wait;
- 三（三） is 15% of 三（一）+三（二）: it waits with either of them, never computed on part of its base.
"""

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Tuple

import yaml

WORDS_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "unknown_rates.yml"

# the fields that bring an item into the calculation; left out, the item is not computed
_BRINGS = {
    "3.1": ("previous_onshore_cny", "previous_offshore_usd", "previous_offshore_cny"),
    "3.2": ("offshore_usd",),
    "3.3": ("innovation_patents_two_years", "innovation_rd_growth_two_years"),
}
_WAITS_FOR = {"previous_usd_cny_rate": ("3.1",), "usd_cny_rate": ("3.1", "3.2")}
_RATE_NAME = {"previous_usd_cny_rate": "上一年度", "usd_cny_rate": "本年度"}


def without_waiting(inputs: dict) -> Tuple[dict, Dict[str, str]]:
    """The calculator inputs without the items that wait for a missing rate, and {item code: rate field}."""
    from calculator import CalculatorError, required_rates

    try:
        missing = [r["field"] for r in required_rates(inputs)]
    except CalculatorError:
        return inputs, {}  # bad inputs: the calculator says what is wrong
    from calculator.policy import meets

    waiting: Dict[str, str] = {}
    for field in missing:
        for code in _WAITS_FOR.get(field, ()):
            if code == "3.2" and not meets(inputs.get("offshore_usd") or 0, "3.2", "threshold_usd"):
                continue  # 「离岸8万美元」: not over the threshold in dollars, decided without a rate
            waiting.setdefault(code, field)
    if waiting and ("3.1" in waiting or "3.2" in waiting) and any(inputs.get(k) for k in _BRINGS["3.3"]):
        waiting.setdefault("3.3", next(iter(waiting.values())))
    if not waiting:
        return inputs, {}
    dropped = {k for code in waiting for k in _BRINGS[code]}
    return {k: v for k, v in inputs.items() if k not in dropped}, waiting


def waiting_notes(waiting: Dict[str, str], year=None) -> List[str]:
    """「三（一）业务规模增量奖励要用上一年度（2023年）的美元兑人民币年平均中间价折算，…」 — one line per rate."""
    from bot.estimate.explain import item_name

    notes = []
    for field in dict.fromkeys(waiting.values()):
        codes = [c for c, f in waiting.items() if f == field]
        when = _RATE_NAME[field]
        if year is not None:
            when += f"（{int(year) - (1 if field.startswith('previous_') else 0)}年）"
        names = "、".join(item_name(c) for c in codes if c != "3.3")
        line = (
            f"{names}要用{when}的美元兑人民币年平均中间价折算离岸金额，您还没有这个汇率，我不替您假设，"
            f"这一项暂未计算；查到后告诉我汇率即可补算。"
        )
        if "3.3" in codes:
            line += f"{item_name('3.3')}以三（一）、三（二）两项之和为基数，也等那时一并计算。"
        notes.append(line)
    return notes


@lru_cache(maxsize=1)
def _unknown_pattern():
    from bot.estimate.reading import YEAR_CUR, YEAR_PREV

    words = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    rate = "|".join(map(re.escape, words["rate_words"]))
    unknown = "|".join(map(re.escape, sorted(words["unknown"], key=len, reverse=True)))
    within = int(words["within"])
    return re.compile(
        rf"(?:(?P<prev>{YEAR_PREV})|(?P<cur>{YEAR_CUR}))的?(?:{rate})[^，。；,;！!？?\d]{{0,{within}}}?(?:{unknown})"
    )


def rates_said_unknown(norm: str) -> List[str]:
    """「去年的汇率记不清了」: the rate fields the message says are not at hand (knowledge/data/unknown_rates.yml)."""
    fields = []
    for m in _unknown_pattern().finditer(norm):
        field = "previous_usd_cny_rate" if m.group("prev") else "usd_cny_rate"
        if field not in fields:
            fields.append(field)
    return fields
