"""A bare yes (「是的」「对的」「嗯」) answering a how-much question of the estimate (「租赁办公用房的年租金是多少元？」
「符合条件的学员有多少名？」): no figure is in it, so the question is asked again with what kind of answer it needs
(a number, its unit) and, where the clause allows, the other ways to tell it (rent: area and price per m²)."""

import re
from typing import Optional

from bot.estimate import clauses

# the whole answer is a yes (no figure, no other word); 「对 580万」 or 「是的 68个」 are read as figures elsewhere
BARE_YES = re.compile(
    r"(?:对|对的|对啊|对呀|是|是的|是啊|是呀|嗯|嗯嗯|没错|好的|好|行|可以|yes|ok|okay)[。.!！~～]*", re.I
)
NUMERIC = ("money", "rate", "count", "duration", "area")


def hint(pending: Optional[str], said: str) -> Optional[str]:
    """What to say before the question is asked again, when `said` is a bare yes to the question for a number;
    None otherwise (the generic could-not-read hint stays)."""
    if not pending or not BARE_YES.fullmatch((said or "").strip()):
        return None
    f = clauses.FIELDS.get(pending)
    if f is None or f.type not in NUMERIC:
        return None
    unit = f"（单位：{f.unit}）" if f.unit else ""
    return f"“{said.strip()}”里没有数字：这个问题需要{f.label}的具体数字{unit}。" + (f.other_ways or "")
