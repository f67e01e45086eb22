"""三.（七）3 中高级人才培训补贴: 50% of each person's training cost, ≤ 3万元, ≤ 20 people."""

from decimal import Decimal

from ..item import Item
from ..policy import fig, is_upper_bound
from ..text import amount, listing, pct, yuan

CODE = "3.7.3"
NAME = "中高级人才培训补贴"


def compute(ctx):
    """The item, or None when `senior_training` is absent."""
    if "senior_training" not in ctx.data:
        return None
    people = ctx.data["senior_training"]
    if not people:
        return Item(CODE, NAME, 0, 0, "未列出参加培训的中高级人才，没有可补贴的费用。")
    rate, cap = fig(CODE, "rate"), fig(CODE, "person_cap_cny")
    limit = int(fig(CODE, "max_people"))
    rows, raw_total = [], Decimal(0)
    for index, person in enumerate(people):
        raw = person["cost_cny"] * rate
        raw_total += raw
        line = f"第{index + 1}人 培训费{amount(person['cost_cny'])} × {pct(rate)} = {yuan(raw)}"
        if raw > cap:
            line += f"，超过每人上限{amount(cap)}，按{amount(cap)}计"
        rows.append((min(raw, cap), index, line))
    ranked = sorted(rows, key=lambda r: (-r[0], r[1]))
    kept, dropped = ranked[:limit], ranked[limit:]
    total = sum((r[0] for r in kept), Decimal(0))
    text = listing([r[2] for r in rows], what="人") + "。"
    if dropped:
        order = sorted(dropped, key=lambda r: r[1])
        names = "、".join(f"第{r[1] + 1}人（补贴{yuan(r[0])}）" for r in order[:50])
        more = f"等{len(dropped)}人" if len(dropped) > 50 else ""
        text += f"每个企业每年可获补贴人数最多{limit}人，按补贴最高的{limit}人计，未计入：{names}{more}。"
    text += f"补贴合计{yuan(total)}。"
    if total <= 0:
        text += "可补贴费用为0元，不予补贴。"
    elif is_upper_bound(CODE, "rate"):
        text += f"政策为“最高{pct(rate)}”，此处按{pct(rate)}测算，实际补贴可能更低。"
    return Item(CODE, NAME, total, raw_total, text)
