"""三.（八）1 示范园区认定奖励: a one-off 20万元 for a newly recognised, enterprise-run park."""

from ..item import Item
from ..policy import fig
from ..text import amount

CODE = "3.8.1"
NAME = "示范园区认定奖励"


def compute(ctx):
    """The item, or None when `park_newly_recognized` is absent."""
    data = ctx.data
    if "park_newly_recognized" not in data:
        return None
    award = fig(CODE, "award_cny")
    failed = []
    if not data["park_newly_recognized"]:
        failed.append("园区不是新通过认定的市级或市级以上服务外包示范园区")
    operated = data.get("park_enterprise_operated")
    if operated is None:
        failed.append("未确认园区由企业统一管理和运营")
    elif not operated:
        failed.append("园区不是由企业统一管理和运营")
    if failed:
        return Item(CODE, NAME, 0, 0, "；".join(failed) + "，不予奖励。")
    return Item(
        CODE,
        NAME,
        award,
        award,
        f"园区新通过市级或以上服务外包示范园区认定，且由企业统一管理和运营，一次性奖励{amount(award)}。",
    )
