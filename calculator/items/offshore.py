"""三.（二） 离岸业务奖励: above 100万美元 offshore, 10% of the dollars in yuan, at most 200万元."""

from ..item import Item, cents
from ..policy import clause_label, fig, meets
from ..text import amount, pct, plain, yuan

CODE = "3.2"
NAME = "离岸业务奖励"


def rates_needed(data: dict) -> list:
    """The current-year rate, when the offshore amount qualifies."""
    if "offshore_usd" in data and meets(data["offshore_usd"], CODE, "threshold_usd"):
        return ["usd_cny_rate"]
    return []


def compute(ctx):
    """The item, or None when `offshore_usd` is absent."""
    data = ctx.data
    if "offshore_usd" not in data:
        return None
    usd = data["offshore_usd"]
    threshold = fig(CODE, "threshold_usd")
    if not meets(usd, CODE, "threshold_usd"):
        text = (
            f"离岸执行额{amount(usd, '美元')}未超过{amount(threshold, '美元')}"
            f"（须超过{amount(threshold, '美元')}），不符合{clause_label(CODE)}的条件，不予奖励。"
        )
        if usd == threshold:  # 「刚好100万美元」: the policy's 超过 excludes the number itself
            text += f"“超过”不包含本数，须大于{amount(threshold, '美元')}，正好{amount(usd, '美元')}不算超过。"
        return Item(CODE, NAME, 0, 0, text)
    rate, cap, fx = fig(CODE, "rate"), fig(CODE, "cap_cny"), ctx.rate("usd_cny_rate")
    raw = usd * rate * fx
    award = min(raw, cap)
    text = (
        f"离岸执行额{amount(usd, '美元')}超过{amount(threshold, '美元')}；"
        f"{amount(usd, '美元')} × {pct(rate)} × {plain(fx)} = {yuan(raw)}，"
    )
    if cents(award) <= 0:
        text += "不足0.01元，不予奖励。"
    elif raw > cap:
        text += f"超过单项上限（最高{amount(cap)}），按{amount(cap)}计。"
    else:
        text += f"未超过单项上限{amount(cap)}。"
    return Item(CODE, NAME, award, raw, text)
