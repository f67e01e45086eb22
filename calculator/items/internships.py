"""三.（七）4 实习实训补贴: 5000元 per qualifying graduate, at most 50万元.

Only for an enterprise with a university internship agreement of 两年以上 (≥ 2 years) that
takes 20名以上 (≥ 20) service-outsourcing interns a year.
"""

from decimal import Decimal

from ..item import Item
from ..policy import clause_label, fig, meets
from ..text import amount, plain, yuan

CODE = "3.7.4"
NAME = "实习实训补贴"


def compute(ctx):
    """The item, or None when `qualified_interns` is absent."""
    data = ctx.data
    if "qualified_interns" not in data:
        return None
    years = data.get("internship_agreement_years", Decimal(0))
    interns = data.get("interns_per_year", 0)
    need_years, need_interns = fig(CODE, "agreement_years"), fig(CODE, "interns_per_year")
    failed = []
    if not meets(years, CODE, "agreement_years"):
        given = f"{plain(years)}年" if "internship_agreement_years" in data else "未提供（按0年计）"
        failed.append(f"与高校签订的实习生实训协议期限{given}，未达到{plain(need_years)}年以上")
    if not meets(interns, CODE, "interns_per_year"):
        given = f"{interns}名" if "interns_per_year" in data else "未提供（按0名计）"
        failed.append(f"每年接受服务外包实习生{given}，未达到{plain(need_interns)}名以上")
    if failed:
        return Item(CODE, NAME, 0, 0, "；".join(failed) + f"，不符合{clause_label(CODE)}的条件，不予补贴。")
    per, cap = fig(CODE, "per_graduate_cny"), fig(CODE, "total_cap_cny")
    graduates = data["qualified_interns"]
    raw = per * graduates
    award = min(raw, cap)
    text = f"实训协议{plain(years)}年、每年接受实习生{interns}名，满足条件；符合条件的应届毕业生{graduates}名 × {amount(per)}"
    if graduates == 0:
        text += f" = {yuan(raw)}，没有符合条件的应届毕业生，不予补贴。"
    elif raw > cap:
        # the product above the cap is not shown as a figure: readers took it for the award (R15E061, R19E044 and
        # R25E045 forbid it; R24E045 asks for it — kept hidden, the majority and the newest round)
        text += f"，已超过补贴总额上限{amount(cap)}，按上限{yuan(cap)}计。"
    else:
        text += f" = {yuan(raw)}，未超过补贴总额上限{amount(cap)}。"
    return Item(CODE, NAME, award, raw, text)
