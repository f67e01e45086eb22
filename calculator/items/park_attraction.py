"""三.（八）2 园区引进重点企业和项目: two awards of the same point.

3.8.2a 园区引进重点企业奖励: 10—30万元 per top-list enterprise or project running ≥ 1 year
(a range: the low end is the amount, the high end `amount_cny_max`).
3.8.2b 园区吸引外资奖励: 10万元 per full 1000万美元 of foreign investment, at most 30万元.
"""

from ..item import Item
from ..policy import fig
from ..text import amount, plain, yuan

CLAUSE = "3.8.2"
TOP_CODE, TOP_NAME = "3.8.2a", "园区引进重点企业奖励"
INVEST_CODE, INVEST_NAME = "3.8.2b", "园区吸引外资奖励"


def compute_top_enterprises(ctx):
    """3.8.2a, or None when `park_top_enterprises` is absent."""
    if "park_top_enterprises" not in ctx.data:
        return None
    n = ctx.data["park_top_enterprises"]
    low, high = fig(CLAUSE, "top_award_min_cny"), fig(CLAUSE, "top_award_max_cny")
    if n == 0:
        return Item(TOP_CODE, TOP_NAME, 0, 0, "没有引进并正常运营一年以上的世界500强等重点企业或项目，不予奖励。", 0)
    text = (
        f"引进重点企业或项目{n}个（入园正常运营一年以上），每个奖励"
        f"{plain(low / 10000)}—{amount(high)}：{n} × {amount(low)} = {yuan(low * n)} 至 "
        f"{n} × {amount(high)} = {yuan(high * n)}；具体金额在此区间内由主管部门确定，"
        f"预估金额按下限计，区间上限计入可能的最高合计。"
    )
    return Item(TOP_CODE, TOP_NAME, low * n, low * n, text, high * n)


def compute_foreign_investment(ctx):
    """3.8.2b, or None when `park_foreign_investment_usd` is absent."""
    if "park_foreign_investment_usd" not in ctx.data:
        return None
    usd = ctx.data["park_foreign_investment_usd"]
    step, award = fig(CLAUSE, "investment_step_usd"), fig(CLAUSE, "investment_step_award_cny")
    cap = fig(CLAUSE, "investment_park_cap_cny")
    steps = int(usd // step)
    raw = award * steps
    granted = min(raw, cap)
    text = (
        f"吸引外商投资{amount(usd, '美元')}，每满{amount(step, '美元')}奖励{amount(award)}："
        f"{steps} × {amount(award)} = {yuan(raw)}"
    )
    if steps == 0:
        text += f"，不足{amount(step, '美元')}，不予奖励。"
    elif raw > cap:
        text += f"，超过每个园区上限{amount(cap)}，按{amount(cap)}计。"
    else:
        text += f"，未超过每个园区上限{amount(cap)}。"
    return Item(INVEST_CODE, INVEST_NAME, granted, raw, text)
