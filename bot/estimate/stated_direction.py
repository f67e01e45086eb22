"""This year's one yuan figure settled by the direction of the business the user states in words (「今年业务掉了点，
去年总执行额1.05亿，今年9860万，其中离岸320万美元」).

Beside last year's whole total and this year's dollars, this year's bare yuan figure may be this year's onshore part
or its whole total (dollars converted inside); previous_total.py asks which. When the user says the business fell
(or grew) — facts.yml `business_grew` — and only one of the two readings agrees with it at this year's rate, that
reading is taken and said in a note; when both or neither agree, it is asked as before.
"""

from decimal import Decimal
from typing import Optional

from bot.estimate.reading import wan
from bot.understand.facts import read_facts_cached


def stated(text: str) -> Optional[bool]:
    """True / False / None: whether the message says the business grew (False: fell or stayed flat)."""
    return read_facts_cached(text).get("business_grew")


def reading(value: Decimal, last: Decimal, usd: Decimal, rate: Decimal, grew: bool) -> Optional[str]:
    """ "whole" / "onshore" / None: the one reading of this year's `value` that agrees with the direction told."""
    converted = usd * rate

    def agrees(total: Decimal) -> bool:
        return (total > last) == grew

    whole = converted <= value and agrees(value)
    onshore = agrees(value + converted)
    if whole == onshore:
        return None
    return "whole" if whole else "onshore"


def note(value: Decimal, last: Decimal, usd: Decimal, rate: Decimal, grew: bool, read: str) -> str:
    """Why the figure was read as it was, with the arithmetic."""
    said = "增长" if grew else "下降（或持平）"
    converted = usd * rate
    if read == "whole":
        other = f"若{wan(value)}只是在岸，加上离岸折算{wan(converted)}共{wan(value + converted)}"
        return (
            f"您说今年业务比上年{said}：{other}，与您说的不符，所以今年{wan(value)}按含离岸的全年合计理解——其中离岸"
            f"{wan(usd, '美元')} × {rate} = {wan(converted)}，计算中今年在岸 = {wan(value)} − {wan(converted)} = "
            f"{wan(value - converted)}；如果理解错了请告诉我"
        )
    return (
        f"您说今年业务比上年{said}：若{wan(value)}是含离岸的全年合计，与上年{wan(last)}相比与您说的不符，"
        f"所以今年{wan(value)}按在岸执行额理解，离岸{wan(usd, '美元')}另计；如果理解错了请告诉我"
    )
