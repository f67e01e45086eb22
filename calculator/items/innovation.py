"""三.（三） 创新发展奖励: 15% of the 三.（一） and 三.（二） awards (after their caps)."""

from decimal import Decimal

from ..item import Item
from ..policy import fig
from ..text import pct, yuan

CODE = "3.3"
NAME = "创新发展奖励"
FLAGS = ("innovation_patents_two_years", "innovation_rd_growth_two_years")
BASE = {"3.1": "增量奖励", "3.2": "离岸业务奖励"}


def compute(ctx):
    """The item, or None when neither innovation flag is given."""
    data = ctx.data
    if not any(f in data for f in FLAGS):
        return None
    if not any(data.get(f) is True for f in FLAGS):
        text = "未满足“连续两年取得新的发明专利、软件著作权”或“研发投入持续两年保持增长”中的任一条件，不予奖励。"
        return Item(CODE, NAME, 0, 0, text)
    met = "连续两年取得新的发明专利、软件著作权" if data.get(FLAGS[0]) is True else "研发投入持续两年保持增长"
    rate = fig(CODE, "rate")
    parts, base = [], Decimal(0)
    for code, label in BASE.items():
        item = ctx.items.get(code)
        value = item.amount if item is not None else Decimal(0)
        base += value
        parts.append(f"{label}{yuan(value)}" + ("" if item is not None else "（未测算，按0元计）"))
    raw = base * rate
    text = f"满足“{met}”；基数 {' + '.join(parts)} = {yuan(base)}；{yuan(base)} × {pct(rate)} = {yuan(raw)}"
    if base <= 0:
        text += "；增量奖励和离岸业务奖励合计为0元，没有可计奖励的基数"
    return Item(CODE, NAME, raw, raw, text + "。")
