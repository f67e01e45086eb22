"""三.（五） 开拓市场补贴: 70% of each fair's eligible costs.

Per event at most 2万元 (境内) / 5万元 (境外); per year at most 20万元 (境内) and 30万元 (境外).
"""

from decimal import Decimal

from ..item import Item
from ..policy import fig, is_upper_bound
from ..text import amount, listing, pct, yuan

CODE = "3.5"
NAME = "开拓市场补贴"
REGIONS = {"domestic": "境内", "overseas": "境外"}


def compute(ctx):
    """The item, or None when `fairs` is absent."""
    if "fairs" not in ctx.data:
        return None
    fairs = ctx.data["fairs"]
    if not fairs:
        return Item(CODE, NAME, 0, 0, "未列出参加的展会或活动，没有可补贴的费用。")
    rate = fig(CODE, "rate")
    total, raw_total, sections = Decimal(0), Decimal(0), []
    for region, label in REGIONS.items():
        event_cap = fig(CODE, f"{region}_event_cap_cny")
        annual_cap = fig(CODE, f"{region}_annual_cap_cny")
        lines, subtotal = [], Decimal(0)
        for index, fair in enumerate(fairs):
            if fair["region"] != region:
                continue
            raw = fair["cost_cny"] * rate
            raw_total += raw
            line = f"第{index + 1}场 费用{amount(fair['cost_cny'])} × {pct(rate)}"
            if raw > event_cap:
                # the product above the cap is not shown as a figure: readers take it for the award (R26Q038), as
                # 三（七）4's total above its cap (internships.py)
                line += f"，超过每场上限{amount(event_cap)}，按{amount(event_cap)}计"
            else:
                line += f" = {yuan(raw)}"
            lines.append(line)
            subtotal += min(raw, event_cap)
        if not lines:
            continue
        granted = min(subtotal, annual_cap)
        total += granted
        head = f"{label}活动{len(lines)}场：{listing(lines, what='场')}；{label}合计{yuan(subtotal)}"
        if subtotal > annual_cap:
            head += f"，超过{label}全年上限{amount(annual_cap)}，按{amount(annual_cap)}计"
        else:
            head += f"，未超过{label}全年上限{amount(annual_cap)}"
        sections.append(head)
    text = "。".join(sections) + f"。补贴合计{yuan(total)}。"
    if total <= 0:
        text += "可补贴费用为0元，不予补贴。"
    elif is_upper_bound(CODE, "rate"):
        text += f"政策为“最高{pct(rate)}”，此处按{pct(rate)}测算，实际补贴可能更低。"
    return Item(CODE, NAME, total, raw_total, text)
