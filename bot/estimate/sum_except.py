"""A sum asked of every item but the ones named (「除了引进领军企业那块，另外两项加起来多少」): the estimate shows every
item as usual, and under it the sum of the items not named, with their names (estimate_words.yml sum_except).

Only when the words after 除了… name at least one item of the estimate and leave at least one; the sum is each
item's estimate as shown (a range's lower end, as the estimate's own total), never a figure of its own.
"""

import re
from decimal import Decimal
from typing import Optional

from bot.estimate.reading import alternation, estimate_words


def _words() -> dict:
    return estimate_words().get("sum_except") or {}


def left_out(text: str) -> list:
    """The item codes the message leaves out of the sum it asks for, in the order named; [] when it asks none."""
    from bot.estimate.items import detect_items

    w = _words()
    if not w:
        return []
    pattern = (
        rf"(?:{alternation(w['except'])})(?P<named>[^，,。；;？?]{{1,30}}?)(?:{alternation(w['end'])}|(?=[，,。；;]))"
    )
    for m in re.finditer(pattern, text):
        rest = text[m.end() : m.end() + 30]
        if not re.search(alternation(w["sum"]), rest):
            continue
        named = detect_items(m.group("named"))
        if named:
            return named
    return []


def line(text: str, items: list, item_name) -> Optional[str]:
    """「除园区引进重点企业奖励外，另外2项合计：…」 for the items of the estimate result (`items`, as the calculator
    gives them) not left out, or None when the message asks no such sum or it would leave nothing out or nothing in."""
    out = left_out(text)
    if not out:
        return None
    inside = [i for i in items if i.get("qualified") and not any(i["code"].startswith(c) for c in out)]
    outside = [i for i in items if any(i["code"].startswith(c) for c in out)]
    if not inside or not outside:
        return None
    total = sum((Decimal(str(i["amount_cny"])) for i in inside), Decimal(0))
    names = "、".join(item_name(i["code"]) for i in inside)
    excluded = "、".join(dict.fromkeys(item_name(i["code"]) for i in outside))
    from calculator.text import yuan

    return f"您问的除{excluded}以外的{len(inside)}项（{names}）合计：{yuan(total)}（约{total / 10000:.2f}万元）。"
