"""三.（七）2 培训机构定额培训支持: 500元 per qualifying trainee, for a recognised institution."""

from ..item import Item
from ..policy import fig, is_upper_bound
from ..text import amount, yuan

CODE = "3.7.2"
NAME = "培训机构定额培训支持"


def compute(ctx):
    """The item, or None when `institution_trainees` is absent."""
    data = ctx.data
    if "institution_trainees" not in data:
        return None
    trainees = data["institution_trainees"]
    per = fig(CODE, "per_trainee_cny")
    if data.get("institution_recognized") is not True:
        why = "未提供" if "institution_recognized" not in data else "不是"
        return Item(CODE, NAME, 0, 0, f"{why}已获得认定的本市服务外包培训机构，不予支持。")
    award = per * trainees
    text = f"已获认定的本市服务外包培训机构，培训并签约人才{trainees}名 × {amount(per)} = {yuan(award)}。"
    if trainees == 0:
        text += "没有符合条件的培训人数，不予支持。"
    elif is_upper_bound(CODE, "per_trainee_cny"):
        text += f"政策为“每人最高{amount(per)}”，实际支持可能更低。"
    return Item(CODE, NAME, award, award, text)
