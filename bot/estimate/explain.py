"""The calculator's result as a chat answer: what it rests on, each award, the total."""

import re
from decimal import Decimal

from calculator.text import grouped
from bot.estimate.session import PREVIOUS_YEAR_OFFSHORE_NOTE, restate

DISCLAIMER = "本结果为预估，最终以市商务局会同市财政局审核认定为准。"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭"


def money(amount) -> str:
    """1,057,005.00元（约105.70万元）."""
    d = Decimal(str(amount))
    text = f"{grouped(d, 2)}元"
    if d >= 10000:
        text += f"（约{grouped((d / 10000).quantize(Decimal('0.01')), 2)}万元）"
    return text


def total_cap_figure() -> Decimal:
    from knowledge.figures import figure

    return figure("4.3", "annual_total_cap_cny")


_FIELD = r"[a-z][a-z0-9_]*(?:\[\d+\])?(?:\.[a-z][a-z0-9_]*)*"


def error_words(err) -> str:
    """A calculator error as the user reads it: without the contract's field names (「（previous_usd_cny_rate）」,
    「（rent_area_m2，平方米）」) and without a closing 。 (the reply adds its own)."""
    text = re.sub(rf"\s*[（(]{_FIELD}[）)]", "", str(err))
    text = re.sub(rf"(?<=[（(]){_FIELD}[，,、]\s*|[，,、]\s*{_FIELD}(?=[）)])", "", text)
    return text.rstrip("。. ")


def item_name(code: str) -> str:
    """An item's name as the answers call it."""
    from bot.estimate.items import NAMES

    return NAMES.get(code, code)


def failed_line(code: str, condition: str) -> str:
    """An item ruled out by a condition the user stated."""
    from knowledge import query

    from bot.estimate.items import NAMES

    label = query.clause(code.rstrip("ab"))["label"]
    return f"{NAMES.get(code, code)}：不符合条件，0元——未满足“{condition}”（依据{label}）。"


def _caps_told(code: str, inputs: dict) -> list:
    """A cap the user's own figure is over, for an item ruled out by a condition (「租了1200平 入驻才两年」: the
    1000平方米 a subsidy would count, once the condition is met)."""
    from bot.estimate.clauses import rent

    return rent.caps_told(inputs) if code == "3.8.3" else []


def applicants_of(codes) -> list:
    """The different applicants of the items estimated, in order (one each)."""
    from bot.estimate import clauses

    return list(dict.fromkeys(clauses.BY_CODE[c].applicant for c in codes if c in clauses.BY_CODE))


def render(
    result: dict,
    inputs: dict,
    notes=(),
    skipped_items=(),
    title: str = "",
    failed=None,
    bases=(),
    applicants=(),
    derived=None,
) -> str:
    """A compact Chinese answer: basis, each item with arithmetic and clause, total, disclaimer. `applicants`: when
    the items are several applicants' own (a park's company asking also for an enterprise in the park), each
    applies for its own and no total adds them up. `derived`: {item code: lines}, a figure the user gave relative to
    another year's, derived (bot/estimate/relative_figures.py), shown above the item's arithmetic."""
    lines = []
    basis = restate(inputs)
    if PREVIOUS_YEAR_OFFSHORE_NOTE in notes:  # 「去年离岸有200万美元」 estimated alone: its year is 去年, not 今年
        basis = basis.replace("今年离岸执行额", "去年离岸执行额").replace("今年汇率", "去年汇率")
    if basis:
        lines.append(f"{title}按{basis}计算：")
    items = result.get("items", [])
    for i, item in enumerate(items):
        mark = CIRCLED[i] if i < len(CIRCLED) else f"{i + 1}."
        if item["qualified"]:
            head = f"{mark}{item['name']}：{money(item['amount_cny'])}"
            if item.get("amount_cny_max") is not None and item["amount_cny_max"] != item["amount_cny"]:
                head = f"{mark}{item['name']}：{money(item['amount_cny'])}至{money(item['amount_cny_max'])}"
        elif item["code"] in bases:
            head = f"{mark}{item['name']}：0元（作为创新发展奖励的基数）"  # why it is 0 follows
        else:
            head = f"{mark}{item['name']}：不符合条件，0元"
        lines.append(head)
        lines += [f"   {line}；" for line in (derived or {}).get(item["code"], ())]
        lines.append(f"   {item['explanation']}（依据{item['clause']}）")
    shown = {i["code"] for i in items}
    for code, condition in (failed or {}).items():
        if code not in shown:
            lines.append(failed_line(code, condition))
            lines += [f"   {line}" for line in _caps_told(code, inputs)]
    for note in notes:
        lines.append(f"说明：{note}。")
    for text in skipped_items:
        lines.append(f"未计算：{text}")
    if result.get("total_line"):  # awards the user stated counted in the year's total (bot/estimate/supposed_awards.py)
        lines.append(result["total_line"])
    elif len(applicants) > 1:
        from knowledge.conditions import APPLICANT_TYPES

        who = "、".join(APPLICANT_TYPES.get(a, a) for a in applicants)
        lines.append(f"以上各项的申报主体不同（{who}），由各自分别申报，金额不相加。")
    elif len(items) > 1 or result.get("total_capped"):
        cap = total_cap_figure()
        total = money(result["total_cny"])
        if result.get("total_capped"):
            # the items' sum before 第四条（三）'s cap, so the cap is seen to cut it
            summed = sum((Decimal(str(i["amount_cny"])) for i in items), Decimal(0))
            before = f"各项合计{grouped(summed, 2)}元，" if summed > cap else "各项相加"
            lines.append(
                f"合计：{total}。{before}超过单个企业年度支持资金总额上限{grouped(cap / 10000)}万元，"
                f"按{grouped(cap / 10000)}万元计（依据第四条第（三）项）。"
            )
        else:
            extra = ""
            if result.get("total_cny_max") not in (None, result["total_cny"]):
                extra = f"（最高可能{money(result['total_cny_max'])}）"
            lines.append(
                f"合计：{total}{extra}，未超过单个企业年度总额上限{grouped(cap / 10000)}万元（第四条第（三）项）。"
            )
    lines.append(DISCLAIMER)
    return "\n".join(lines)
