"""三.（八）3 租金补贴: 30% of the office rent, for at most 1000 m² and at most 3 years.

For an enterprise in a city-level or higher key park for 三年以上 (≥ 3 years) whose contract
execution amount is 超过500万元 (> 5,000,000). The contract amount defaults to this year's
onshore + offshore × rate when `rent_contract_amount_cny` is absent.
"""

from decimal import Decimal

from ..item import Item
from ..policy import clause_label, fig, meets
from ..text import amount, pct, plain, yuan

CODE = "3.8.3"
NAME = "租金补贴"


def _derives_contract(data: dict) -> bool:
    """This year's total from its amounts; never from an onshore increment (no year's amount)."""
    if "rent_contract_amount_cny" in data or "onshore_increment_cny" in data or "increment_cny" in data:
        return False
    return "onshore_cny" in data or "offshore_usd" in data or "offshore_cny" in data


def rates_needed(data: dict) -> list:
    """The current-year rate, when the contract amount is derived from offshore dollars."""
    if "rent_annual_cny" in data and _derives_contract(data) and data.get("offshore_usd", 0) > 0:
        return ["usd_cny_rate"]
    return []


def _contract(ctx):
    data = ctx.data
    if "rent_contract_amount_cny" in data:
        value = data["rent_contract_amount_cny"]
        return value, f"合同执行额{amount(value)}"
    if not _derives_contract(data):
        return Decimal(0), "未提供合同执行额（按0元计）"
    value, parts = Decimal(0), []
    if "onshore_cny" in data:
        value += data["onshore_cny"]
        parts.append(f"在岸{amount(data['onshore_cny'])}")
    usd = data.get("offshore_usd")
    if usd is not None:
        if usd > 0:
            value += usd * ctx.rate("usd_cny_rate")
            parts.append(f"离岸{amount(usd, '美元')} × {plain(ctx.rate('usd_cny_rate'))}")
        else:
            parts.append(f"离岸{amount(usd, '美元')}")
    elif "offshore_cny" in data:  # this year's offshore already converted to yuan by the user
        value += data["offshore_cny"]
        parts.append(f"离岸（已折人民币）{amount(data['offshore_cny'])}")
    return value, f"合同执行额按{ctx.year_label()} {' + '.join(parts)} = {yuan(value)}计"


def compute(ctx):
    """The item, or None when `rent_annual_cny` is absent."""
    data = ctx.data
    if "rent_annual_cny" not in data:
        return None
    years = data.get("rent_years_in_park", Decimal(0))
    subsidized = data.get("rent_years_subsidized", 0)
    contract, contract_text = _contract(ctx)
    need_years = fig(CODE, "years_in_park")
    threshold = fig(CODE, "contract_threshold_cny")
    max_years = fig(CODE, "max_years")
    failed = []
    if not meets(years, CODE, "years_in_park"):
        given = f"{plain(years)}年" if "rent_years_in_park" in data else "未提供（按0年计）"
        failed.append(f"入驻重点园区{given}，未达到{plain(need_years)}年以上")
    if not meets(contract, CODE, "contract_threshold_cny"):
        at = "（“超过”不包含本数，正好" + amount(threshold) + "不算超过）" if contract == threshold else ""
        failed.append(f"{contract_text}，未超过{amount(threshold)}{at}")
    if subsidized >= max_years:
        failed.append(f"已享受租金补贴{subsidized}年，补贴期限最多{plain(max_years)}年")
    if failed:
        return Item(CODE, NAME, 0, 0, "；".join(failed) + f"，不符合{clause_label(CODE)}的条件，不予补贴。")
    rate, max_area = fig(CODE, "rate"), fig(CODE, "max_area_m2")
    rent, area = data["rent_annual_cny"], data["rent_area_m2"]
    raw = rent * rate
    text = (
        f"入驻重点园区{plain(years)}年，{contract_text}，超过{amount(threshold)}，"
        f"已享受补贴{subsidized}年（最多{plain(max_years)}年）；"
    )
    if area > max_area:
        award = raw * max_area / area
        text += (
            f"年租金{amount(rent)} × {pct(rate)} × {plain(max_area)} ÷ {plain(area)} = "
            f"{yuan(award)}（租赁面积{plain(area)}平方米，补贴面积最多{plain(max_area)}平方米，"
            "按比例计）"
        )
    else:
        award = raw
        text += (
            f"年租金{amount(rent)} × {pct(rate)} = {yuan(award)}（租赁面积{plain(area)}平方米，"
            f"未超过{plain(max_area)}平方米）"
        )
    if award <= 0:
        text += "，可补贴租金为0元，不予补贴。"
    else:
        text += "。" + _years_left(award, subsidized, max_years)
    return Item(CODE, NAME, award, raw, text)


def _years_left(award, subsidized, max_years) -> str:
    """The years of subsidy still open (补贴期限最多3年, less those already had) and, for more than one, what they come
    to at this year's rent and area — said as that supposition, the award itself being one year's."""
    left = int(max_years) - int(subsidized)
    text = f"以上为一年的补贴；补贴期限最多{plain(max_years)}年，还可享受{left}年"
    if left > 1:
        text += f"，年租金和面积不变的话，{left}年合计{yuan(award * left)}"
    return text + "。"
