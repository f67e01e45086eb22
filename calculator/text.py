"""Chinese wording of figures in explanations: 150万美元, 1,057,005.00元, 10%."""

import re
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

CENT = Decimal("0.01")
_WAN = Decimal(10000)
_YI = Decimal(100000000)


def plain(d: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 7.0467, 150, 0.5."""
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def grouped(d: Decimal, places=None) -> str:
    """Thousands separators; `places` fixes the decimals, None keeps the significant ones."""
    if places is not None:
        return format(d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP), f",.{places}f")
    s = format(d, ",f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def yuan(d: Decimal) -> str:
    """A computed amount: 1,057,005.00元."""
    return format(d.quantize(CENT, rounding=ROUND_HALF_UP), ",.2f") + "元"


@lru_cache(maxsize=4096)
def amount(d: Decimal, unit: str = "元") -> str:
    """An input or cap as people write it: 150万美元, 2万元, 1900万元, 1.2亿元, 1,234.5元."""
    if abs(d) >= _YI and d % _WAN == 0:
        return f"{plain(d / _YI)}亿{unit}"  # 1.2亿, never 12,000万
    if abs(d) >= _WAN:
        w = d / _WAN
        if w == w.quantize(CENT):  # 1900万 as people write it (not 1,900万); grouped only past 1亿
            return f"{plain(w) if abs(w) < _WAN else grouped(w)}万{unit}"
    return f"{grouped(d)}{unit}"


@lru_cache(maxsize=256)
def pct(rate: Decimal) -> str:
    """A fraction as a percentage: Decimal("0.25") → 25%."""
    return f"{plain(rate * 100)}%"


_NUMBERED = re.compile(r"^第(\d+)(\D{1,3}?) (.+)$")


def listing(parts: list, limit: int = 20, what: str = "项") -> str:
    """Join parts with 「；」: a run of numbered parts with the same arithmetic as one
    (「第1–25人各 培训费8万元 × 50% = …」), the middle of a very long list elided."""
    parts = _runs(parts)
    if len(parts) <= limit:
        return "；".join(parts)
    return "；".join(parts[:limit]) + f"；……（其余{len(parts) - limit}{what}从略）"


def _runs(parts: list) -> list:
    """Consecutive 「第N<unit> <same text>」 parts as one 「第a–b<unit>各 <text>」 part."""
    out, run = [], []

    def flush():
        if len(run) >= 3:
            first, last, unit, rest = run[0][0], run[-1][0], run[0][1], run[0][2]
            out.append(f"第{first}–{last}{unit}各 {rest}")
        else:
            out.extend(r[3] for r in run)
        run.clear()

    for part in parts:
        m = _NUMBERED.match(part)
        key = (int(m.group(1)), m.group(2), m.group(3), part) if m else None
        if key and run and key[1:3] == run[-1][1:3] and key[0] == run[-1][0] + 1:
            run.append(key)
            continue
        flush()
        if key:
            run.append(key)
        else:
            out.append(part)
    flush()
    return out
