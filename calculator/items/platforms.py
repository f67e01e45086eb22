"""三.（九） 公共服务平台补贴: 30% of each platform's purchases, at most 200万元 a platform."""

from decimal import Decimal

from ..item import Item
from ..policy import fig
from ..text import amount, listing, pct, yuan

CODE = "3.9"
NAME = "公共服务平台补贴"


def compute(ctx):
    """The item, or None when `platforms` is absent."""
    if "platforms" not in ctx.data:
        return None
    platforms = ctx.data["platforms"]
    if not platforms:
        return Item(CODE, NAME, 0, 0, "未列出公共服务平台，没有可补贴的购置费用。")
    rate, cap = fig(CODE, "rate"), fig(CODE, "platform_cap_cny")
    lines, total, raw_total = [], Decimal(0), Decimal(0)
    for index, platform in enumerate(platforms):
        raw = platform["cost_cny"] * rate
        raw_total += raw
        total += min(raw, cap)
        line = f"第{index + 1}个平台 购置费用{amount(platform['cost_cny'])} × {pct(rate)} = {yuan(raw)}"
        if raw > cap:
            line += f"，超过单个平台上限{amount(cap)}，按{amount(cap)}计"
        else:
            line += f"，未超过单个平台上限{amount(cap)}"
        lines.append(line)
    text = f"{listing(lines, what='个平台')}。补贴合计{yuan(total)}。"
    if total <= 0:
        text += "可补贴费用为0元，不予补贴。"
    return Item(CODE, NAME, total, raw_total, text)
