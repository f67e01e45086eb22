"""Awards the user states or supposes for 三（一）、三（二） (「假设今年一二两项都顶格拿200万」), beside the items estimated
from the user's figures: they are this year's awards, so they count toward 第四条第（三）项's 500万 a year with the
rest. The total line then says the year's total with them, and what the items estimated can still get within the
cap (for one item besides 三（三）: that item's room, 「平台这块最多还能拿多少」).
"""

from decimal import Decimal

from bot.estimate.reading import wan
from knowledge.figures import figure

NAMES = {"3.1": "增量奖励", "3.2": "离岸业务奖励"}
MET_TEXT = "满足“连续两年取得新的发明专利、软件著作权”"


def condition_said(result: dict) -> dict:
    """三（三） computed on the user's word that its conditions are met (「三（三）条件也满足」): which of the two is
    unsaid, so the explanation names neither."""
    items = [
        dict(i, explanation=i["explanation"].replace(MET_TEXT, "按您说的满足创新发展奖励的条件"))
        if i["code"] == "3.3"
        else i
        for i in result["items"]
    ]
    return dict(result, items=items)


def stated(inputs: dict) -> list:
    """(name, amount after its ceiling) of each 三（一）/三（二） award the user gave, then the other items' awards the
    user says were granted beside them (「境外展会补贴已按上限30万核定」: as said, they are this year's support too)."""
    out = []
    for code, name in NAMES.items():
        value = inputs.get(f"_award_{code}")
        if value:
            out.append((name, min(Decimal(str(value)), figure(code, "cap_cny"))))
    for _code, name, value in inputs.get("_other_award_amounts") or ():
        out.append((name, Decimal(str(value))))
    return out


def with_stated(result: dict, inputs: dict) -> dict:
    """`result` with the stated awards in the year's total: total_cny is what the items estimated can still get
    within the cap, and `total_line` says it (bot/estimate/explain.render prints it in place of its own)."""
    from bot.estimate.explain import money

    awards = stated(inputs)
    items = result.get("items", [])
    if not awards or len(items) < 2:
        return result  # 三（三） alone: 15% of the awards keeps their sum within the cap, no line of its own
    cap = figure("4.3", "annual_total_cap_cny")
    given = sum((v for _, v in awards), Decimal(0))
    amounts = {i["code"]: Decimal(str(i["amount_cny"])) for i in items}
    computed = sum(amounts.values(), Decimal(0))
    year = given + computed
    names = "、".join(f"{n}{wan(v)}" for n, v in awards)
    room = max(Decimal(0), cap - given)
    total = min(computed, room)
    head = f"合计：{money(total)}。连同您说的{names}，年度合计{wan(year)}"
    if year <= cap:
        line = head + f"，未超过单个企业年度总额上限{wan(cap)}（第四条第（三）项）。"
    else:
        line = (
            head + f"，超过单个企业年度支持资金总额上限{wan(cap)}（依据第四条第（三）项）：扣除您说的{wan(given)}，"
            f"本次测算的各项在上限以内最多还能拿{money(total)}。"
        )
        others = [i for i in items if i["code"] != "3.3" and i["qualified"]]
        if len(others) == 1 and len(items) > 1:
            one = others[0]
            rest = computed - amounts[one["code"]]
            left = max(Decimal(0), min(amounts[one["code"]], cap - given - rest))
            fixed = [f"{n}{wan(v)}" for n, v in awards] + [
                f"{i['name']}{wan(amounts[i['code']])}" for i in items if i is not one
            ]
            line += (
                f"其中{one['name']}按规定为{money(amounts[one['code']])}，在上限以内最多还能拿{money(left)}"
                f"（{wan(cap)} − {' − '.join(fixed)}）。"
            )
    return dict(result, total_cny=float(total), total_capped=year > cap, total_line=line)
