"""An amount told in yuan for a clause that counts in US dollars (三（八）2's foreign investment, 「每1000万美元」):
「吸引外商投资合计折合人民币2.84个亿，按7.1的汇率折成美元」 is 2.84亿元 ÷ 7.1 = 4000万美元, at the one rate the user states
in the same message; with no rate the dollar amount (or the rate) is asked, naming the yuan amount — never assumed,
never read as dollars."""

import re
from dataclasses import replace
from decimal import Decimal
from typing import Optional

from bot.estimate.reading import Clarification, plausible_rate, wan

# 「按7.1的汇率折成美元」「折合美元按7.2」: the amount beside it is yuan, converted by the user to dollars
TO_DOLLARS = re.compile(r"折(?:成|合|算)(?:成)?\s*(?:美元|美金)|(?:换算|兑换|换)成\s*(?:美元|美金)")


def is_yuan(text: str, f) -> bool:
    """A money figure said in yuan: its own currency, or none beside words that convert it to dollars."""
    if f.currency == "CNY":
        return True
    return f.currency is None and bool(TO_DOLLARS.search(text[f.end : f.end + 24]))


def stated_rate(figs) -> Optional[Decimal]:
    """The one dollar rate the message states (「按7.1的汇率」「汇率7.2」), or None when none or several."""
    rates = {g.value for g in figs if g.kind == "rate" and g.value is not None and plausible_rate(g.value)}
    return rates.pop() if len(rates) == 1 else None


def in_dollars(f, rate: Decimal):
    """(the figure in dollars, the note that shows it): the yuan amount ÷ the user's rate."""
    usd = (Decimal(f.value) / rate).quantize(Decimal("0.01"))
    return replace(f, value=usd, currency="USD"), f"{wan(f.value)} ÷ {rate}（您给的汇率）= {wan(usd, '美元')}"


def ask(key: str, label: str, f, counted: str) -> Clarification:
    """The dollar amount of a yuan figure asked (answered by the dollars, or by a rate: session._resolve_converted)."""
    return Clarification(
        "currency",
        f"{label}{wan(f.value)}是人民币，该项按美元计（{counted}）：折合多少美元？也可以告诉我按多少汇率折算。",
        {"key": key, "value": None, "said": {"amount": str(f.value), "currency": "CNY"}},
    )
