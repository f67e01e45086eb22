"""三.（四） 技术先进型服务企业认定奖励: a one-off 10万元 for a new qualification."""

from ..item import Item
from ..policy import fig
from ..text import amount

CODE = "3.4"
NAME = "技术先进型服务企业认定奖励"


def compute(ctx):
    """The item, or None when `tech_advanced_new` is absent."""
    if "tech_advanced_new" not in ctx.data:
        return None
    award = fig(CODE, "award_cny")
    if ctx.data["tech_advanced_new"]:
        return Item(CODE, NAME, award, award, f"新获得技术先进型服务企业资格，一次性奖励{amount(award)}。")
    return Item(CODE, NAME, 0, 0, "未新获得技术先进型服务企业资格，不予奖励。")
