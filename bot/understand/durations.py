"""A duration said in years and months together (「1年3个月」「两年零五个月」「一年又两个月」) as one figure.

The figure parser reads 「1年3个月」 as two durations, 1 year and 3 months; a reader that takes either alone takes a
wrong length of time (3 months for a firm in the park 15 months). `joined(figs, text)` gives the figures with each
such pair replaced by one `duration_months` figure of the whole length (years × 12 + months). Plain Python.
"""

import re
from dataclasses import replace
from decimal import Decimal

JOIN = re.compile(r"\s*(零|又|另|加)?\s*")


def joined(figs, text: str) -> list:
    """`figs` (calculator.figures_zh figures of `text`, in any order) with each years-then-months pair said together
    replaced by one figure in months; the others unchanged, in order of where they stand."""
    ordered = sorted(figs, key=lambda f: f.start)
    out = []
    i = 0
    while i < len(ordered):
        f = ordered[i]
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if (
            nxt is not None
            and f.kind == "duration_years"
            and nxt.kind == "duration_months"
            and f.value is not None
            and nxt.value is not None
            and f.value == int(f.value)
            and JOIN.fullmatch(text[f.end : nxt.start])
        ):
            out.append(
                replace(
                    f,
                    kind="duration_months",
                    value=Decimal(f.value) * 12 + Decimal(nxt.value),
                    unit=nxt.unit,
                    end=nxt.end,
                    raw=text[f.start : nxt.end],
                    bound=f.bound or nxt.bound,  # 「不到1年3个月」: the bound said before is the whole length's
                )
            )
            i += 2
            continue
        out.append(f)
        i += 1
    return out
