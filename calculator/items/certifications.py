"""三.（六） 资质认证补贴: 70% of each qualification's fee, at most 30万元 each, 3 a year."""

from decimal import Decimal

from ..item import Item
from ..policy import fig, is_upper_bound
from ..text import amount, listing, pct, yuan

CODE = "3.6"
NAME = "资质认证补贴"


def _label(cert, index):
    name = cert.get("name")
    return f"{name}（第{index + 1}项）" if name else f"第{index + 1}项资质"


def compute(ctx):
    """The item, or None when `certifications` is absent."""
    if "certifications" not in ctx.data:
        return None
    certs = ctx.data["certifications"]
    if not certs:
        return Item(CODE, NAME, 0, 0, "未列出资质认证或维护费用，没有可补贴的项目。")
    rate, cap = fig(CODE, "rate"), fig(CODE, "item_cap_cny")
    limit = int(fig(CODE, "max_items"))
    rows, raw_total = [], Decimal(0)
    for index, cert in enumerate(certs):
        raw = cert["cost_cny"] * rate
        raw_total += raw
        line = f"{_label(cert, index)} 费用{amount(cert['cost_cny'])} × {pct(rate)} = {yuan(raw)}"
        if raw > cap:
            line += f"，超过每项上限{amount(cap)}，按{amount(cap)}计"
        rows.append((min(raw, cap), index, line))
    ranked = sorted(rows, key=lambda r: (-r[0], r[1]))
    kept, dropped = ranked[:limit], ranked[limit:]
    total = sum((r[0] for r in kept), Decimal(0))
    text = listing([r[2] for r in rows]) + "。"
    if dropped:
        names = "、".join(
            f"{_label(certs[r[1]], r[1])}（补贴{yuan(r[0])}）" for r in sorted(dropped, key=lambda r: r[1])[:50]
        )
        more = f"等{len(dropped)}项" if len(dropped) > 50 else ""
        text += (
            f"每个企业每年支持项目最多{limit}个（每个项目补贴最高{amount(cap)}），按补贴最高的{limit}个计，"
            f"未计入：{names}{more}。"
        )
    text += f"补贴合计{yuan(total)}。"
    if total <= 0:
        text += "可补贴费用为0元，不予补贴。"
    elif is_upper_bound(CODE, "rate"):
        text += f"政策为“最高{pct(rate)}”，实际补贴可能更低。"
    return Item(CODE, NAME, total, raw_total, text)
