"""What every clause module returns (Item) and what it reads (Context)."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Optional

from .policy import clause_label
from .text import CENT


def cents(d: Decimal) -> Decimal:
    """Round to 0.01 yuan, half up (the contract's rounding of every item)."""
    return d.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass
class Context:
    """The clean inputs, the exchange rates resolved for them, and the items computed so far."""

    data: dict
    rates: dict = field(default_factory=dict)
    rate_labels: dict = field(default_factory=dict)
    items: dict = field(default_factory=dict)

    def rate(self, name: str) -> Decimal:
        """A resolved exchange rate (usd_cny_rate / previous_usd_cny_rate)."""
        return self.rates[name]

    def year_label(self, previous: bool = False) -> str:
        """「2023年」 / 「2022年」 when the year is known, else 「本年度」 / 「上年度」."""
        year = self.data.get("year")
        if year is None:
            return "上年度" if previous else "本年度"
        return f"{year - 1 if previous else year}年"


@dataclass
class Item:
    """One award item of the result. `uncapped` is the same arithmetic without caps/limits."""

    code: str
    name: str
    amount: Decimal
    uncapped: Decimal
    explanation: str
    amount_max: Optional[Decimal] = None

    def __post_init__(self):
        self.amount = cents(Decimal(self.amount))
        self.uncapped = cents(Decimal(self.uncapped))
        if self.amount_max is not None:
            self.amount_max = cents(Decimal(self.amount_max))

    @property
    def qualified(self) -> bool:
        """The amount (for a range, its low end) is above 0."""
        return self.amount > 0

    @property
    def capped(self) -> bool:
        """A cap or count limit made the amount smaller; an unqualified item never is."""
        return self.qualified and self.uncapped > self.amount

    def to_dict(self) -> dict:
        """The item as the contract's JSON object (numbers as floats with ≤ 2 decimals)."""
        out = {
            "code": self.code,
            "name": self.name,
            "clause": clause_label(self.code),
            "qualified": self.qualified,
            "amount_cny": float(self.amount),
            "capped": self.capped,
            "explanation": self.explanation,
        }
        if self.amount_max is not None:
            out["amount_cny_max"] = float(self.amount_max)
        return out
