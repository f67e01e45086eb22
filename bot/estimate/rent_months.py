"""三（八）3's rent actually paid in the year when it is told in months (「整层月租金一共6万块，年初有4个月免租期没交租金，
今年实际交了8个月租金」): a month's rent, or a price per m² per month, counts the months paid — said outright, or 12
less the rent-free months — instead of the calendar's 12. Words: knowledge/data/estimate_words.yml `rent_months`.
"""

import re
from functools import lru_cache
from typing import Optional

from calculator.figures_zh import numeral_value

from bot.estimate.reading import alternation, estimate_words

MONTHS_IN_YEAR = 12


@lru_cache(maxsize=1)
def _words() -> dict:
    w = estimate_words()["rent_months"]
    number = w["number"]
    return {
        "paid": [re.compile(p.replace("{number}", number)) for p in w["paid"]],
        "free": [re.compile(p.replace("{number}", number)) for p in w["free"]],
        "each_time": re.compile(alternation(w["each_time"])),
    }


def _said(patterns: list, text: str, low: int, high: int) -> Optional[int]:
    """The one number of months the patterns find (each between low and high), not a number paid at a time."""
    found = set()
    for p in patterns:
        for m in p.finditer(text):
            if _words()["each_time"].search(text[max(0, m.start() - 4) : m.start("n")]):  # 「押一付三」 too
                continue  # 「每次交3个月」: months paid at a time
            n = int(m.group("n")) if m.group("n").isdigit() else numeral_value(m.group("n"))
            if n is not None and low <= int(n) <= high:
                found.add(int(n))
    return found.pop() if len(found) == 1 else None


def paid_months(text: str) -> Optional[int]:
    """The months of rent paid in the year: said outright, else 12 less the rent-free months; None when neither."""
    paid = _said(_words()["paid"], text or "", 1, MONTHS_IN_YEAR)
    if paid is not None:
        return paid
    free = _said(_words()["free"], text or "", 1, MONTHS_IN_YEAR - 1)
    return MONTHS_IN_YEAR - free if free is not None else None


def free_months(text: str) -> Optional[int]:
    """The rent-free months said, or None."""
    return _said(_words()["free"], text or "", 1, MONTHS_IN_YEAR - 1)


def months_note(text: str) -> str:
    """How the months were counted, for the note: 「实际交租8个月」, 「12个月减免租4个月，交租8个月」."""
    paid, free = _said(_words()["paid"], text or "", 1, MONTHS_IN_YEAR), free_months(text)
    if paid is not None:
        return f"实际交租{paid}个月" + (f"，免租{free}个月" if free else "")
    return f"免租{free}个月，实际交租{MONTHS_IN_YEAR - free}个月"


def months_spans(text: str) -> list:
    """Where the months paid or free are said (their figures are the rent's, not another item's)."""
    out = []
    for p in _words()["paid"] + _words()["free"]:
        out += [m.span("n") for m in p.finditer(text or "")]
    return out


ACTUAL = re.compile(r"实际|实付|实交|实缴|已扣|扣除|扣掉|扣了|减去|去掉")


def actual_said(text: str, at: int) -> bool:
    """Whether the rent figure at `at` is said to be the rent actually paid (「实际交了54万」「扣除免租期后54万」)."""
    return bool(ACTUAL.search(text[max(0, at - 12) : at + 12]))


def paid_clarification(rent, free: int):
    """A year's rent beside rent-free months: whether it is the contract's year or what was paid is asked."""
    from bot.estimate.reading import Clarification, wan

    question = (
        f"您说年租金{wan(rent)}、有{free}个月免租期：{wan(rent)}是扣除免租期后今年实际交的租金，还是合同上全年12个月的租金？"
        "请说“实际交的”或“合同全年的”，或直接告诉我今年实际交的租金。"
    )
    return Clarification("rent_paid", question, {"rent": str(rent), "free": free})


CONTRACT_YEAR = re.compile(r"合同|全年|12个月|十二个月|没扣|未扣|不含免租|没有扣|含免租期")


def answer_paid(text: str, data: dict):
    """The answer to whether a year's rent is the rent paid: (the year's rent, note), or None when it says neither.
    A figure said is the rent paid; 「实际交的」 keeps the rent told; 「合同全年的」 counts the months paid, the rent
    told ÷ 12 × (12 − the free months)."""
    from decimal import Decimal

    from bot.estimate.reading import figures, wan

    rent, free = Decimal(data["rent"]), int(data["free"])
    money = [f for f in figures(text) if f.kind == "money" and f.currency in (None, "CNY") and f.value != rent]
    if len(money) == 1:
        return money[0].value, f"今年实际交的租金{wan(money[0].value)}（您给出的）"
    if ACTUAL.search(text) or re.search(r"扣过|扣完|已经扣|是实际", text):
        return rent, f"年租金{wan(rent)}为扣除免租期后实际交的租金（您确认的）"
    if CONTRACT_YEAR.search(text):
        months = MONTHS_IN_YEAR - free
        paid = rent / MONTHS_IN_YEAR * months
        return paid, (f"合同全年租金{wan(rent)} ÷ 12个月 × 实际交租{months}个月（免租{free}个月）= 年租金{wan(paid)}")
    return None


def use_months(r) -> None:
    """The figures of the months paid or free are the rent's (no other reader takes them)."""
    spans = months_spans(r.text)
    for g in r.figs:
        if g.kind in ("duration_months", "count") and any(g.start <= a < g.end or a <= g.start < b for a, b in spans):
            r.use(g)
