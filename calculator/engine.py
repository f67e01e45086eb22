"""calculate(): inputs → eligibility, the items of 第三条, and the 四.（三） annual total."""

import decimal
from decimal import Decimal

from .eligibility import eligibility
from .errors import CalculatorError
from .inputs import LABELS, validate
from .item import Context, Item, cents
from .items import COMPUTE, RATES_NEEDED
from .policy import clause_label, fig
from .rates import missing_rates, resolve
from .text import amount, yuan

TOTAL_CODE = "4.3"
ESTIMATE_NOTE = "本结果为预估，最终以市商务局会同市财政局审核认定为准。"
_ARITHMETIC = decimal.Context(
    prec=60,
    rounding=decimal.ROUND_HALF_EVEN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


def _needed(data: dict) -> list:
    fields = []
    for rates_needed in RATES_NEEDED:
        for field in rates_needed(data):
            if field not in fields:
                fields.append(field)
    return sorted(fields, key=("usd_cny_rate", "previous_usd_cny_rate").index)


def required_rates(inputs: dict, *, rate_table=None) -> list:
    """Rates the arithmetic needs that neither the inputs nor the rate table supply.

    Returns [{"field": "usd_cny_rate", "year": 2023 or None,
              "message": "缺少2023年的美元兑人民币年平均中间价（usd_cny_rate）"}, …];
    raises CalculatorError when the inputs themselves are bad.
    """
    with decimal.localcontext(_ARITHMETIC):
        data = validate(inputs)
        return missing_rates(data, _needed(data), rate_table)


def _eligibility_note(status: dict):
    if status["status"] == "not_eligible":
        unmet = "、".join(LABELS[f] for f in status["unmet"])
        return (
            f"依据第二条项目申报资格，所填信息显示不符合申报条件（未满足：{unmet}），以上金额仅为按条款测算的参考数。"
        )
    if status["status"] == "unknown":
        missing = "、".join(LABELS[f] for f in status["missing"])
        return f"第二条申报资格尚待确认，还需了解：{missing}。"
    return None


def calculate(inputs: dict, *, rate_table=None, ruled_out=None) -> dict:
    """The contract's result for one input object; CalculatorError on bad input.

    `rate_table` (optional) replaces calculator/rates.yml: a list of
    {"year", "rate", "source"} entries or the path of a YAML file of that format.
    `ruled_out` (optional, not in the CLI): {item code: reason} for items a condition outside
    the calculator's inputs rules out (knowledge/conditions.py): such an item is listed with
    0 yuan and the reason, and counts 0 in 三.（三）'s base and in the total.
    """
    with decimal.localcontext(_ARITHMETIC):
        data = validate(inputs)
        rates, used, rate_notes = resolve(data, _needed(data), rate_table)
        ctx = Context(data, rates)
        for compute in COMPUTE:
            item = compute(ctx)
            if item is not None and item.code in (ruled_out or {}):
                item = Item(item.code, item.name, 0, 0, ruled_out[item.code])
            if item is not None:
                ctx.items[item.code] = item
        items = list(ctx.items.values())
        cap = fig(TOTAL_CODE, "annual_total_cap_cny")
        total = sum((i.amount for i in items), Decimal(0))
        total_max = sum((i.amount if i.amount_max is None else i.amount_max for i in items), Decimal(0))
        status = eligibility(data)
        notes = [ESTIMATE_NOTE]
        note = _eligibility_note(status)
        if note:
            notes.append(note)
        notes.extend(rate_notes)
        label = clause_label(TOTAL_CODE)
        if total > cap:
            notes.append(
                f"各项合计{yuan(total)}，超过{label}单个企业年度服务外包政策支持资金总额"
                f"上限{amount(cap)}，按{amount(cap)}计。"
            )
        if total_max > cap >= total:
            notes.append(
                f"按区间上限计算的合计{yuan(total_max)}超过{label}年度总额上限{amount(cap)}，最高按{amount(cap)}计。"
            )
        if items:
            notes.append(f"依据{label}，与本市其他政策交叉或重叠的由企业自行选择，不得重复申报。")
        return {
            "eligibility": status,
            "items": [i.to_dict() for i in items],
            "total_cny": float(cents(min(total, cap))),
            "total_cny_max": float(cents(min(total_max, cap))),
            "total_capped": total > cap,
            "rates_used": {k: float(v) for k, v in used.items()},
            "notes": notes,
        }


def innovation_from_awards(
    increment_award=None, offshore_award=None, *, patents_two_years=None, rd_growth_two_years=None
) -> dict:
    """三.（三） from award amounts the user already knows (增量奖励、离岸业务奖励), not in the CLI.

    The bot uses it when a user says "增量奖励40万元、离岸奖励100万元，创新奖励多少"; the
    result has the shape of `calculate`'s, with the one item 3.3.
    """
    from .items import innovation

    with decimal.localcontext(_ARITHMETIC):
        data = {}
        for key, value in (
            ("innovation_patents_two_years", patents_two_years),
            ("innovation_rd_growth_two_years", rd_growth_two_years),
        ):
            if value is not None:
                data[key] = bool(value)
        ctx = Context(data, {})
        capped, raw_sum = [], Decimal(0)
        for code, value in (("3.1", increment_award), ("3.2", offshore_award)):
            if value is not None:
                d = Decimal(str(value))
                if not d.is_finite() or d < 0:
                    raise CalculatorError(f"{innovation.BASE[code]}金额须为不小于0的数", None)
                # 「增量按3%算出来是250万」: the award counts after its cap (三（一）、（二）)
                cap = fig(code, "cap_cny")
                raw_sum += d
                if d > cap:
                    capped.append(f"{innovation.BASE[code]}{yuan(d)}超过单项上限（最高{yuan(cap)}），按{yuan(cap)}计")
                    d = cap
                ctx.items[code] = Item(code, innovation.BASE[code], d, d, "")
        item = innovation.compute(ctx)
        if item is not None and capped:
            item.explanation = "；".join(capped) + "。" + item.explanation
            if item.amount > 0:
                item.uncapped = cents(raw_sum * fig("3.3", "rate"))
        items = [item] if item is not None else []
        total = sum((i.amount for i in items), Decimal(0))
        return {
            "eligibility": eligibility({}),
            "items": [i.to_dict() for i in items],
            "total_cny": float(cents(total)),
            "total_cny_max": float(cents(total)),
            "total_capped": False,
            "rates_used": {},
            "notes": [ESTIMATE_NOTE],
        }
