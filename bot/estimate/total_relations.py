"""A relation between the two years' WHOLE business (「去年总共比今年少了500万元」「折合人民币的总额比去年增长了25%」
「两块加起来比去年多了300万」), said beside this year's onshore yuan, offshore dollars and rate.

The relation compares the years' totals (offshore converted in), not one kind's amounts (bot/estimate/relative_figures.py
reads those). This year's total is onshore + dollars × the rate the user gives; last year's total follows from it EXACTLY
(Decimal): 「去年比今年少了500万」 → this year's total − 500万, 「今年比去年增长了25%」 → this year's total ÷ (1 + 25%). The
relation is restated as last year's whole total (「去年总执行额1142万元」), which bot/estimate/previous_total.py reads as
last year's converted total, so 三（一）'s increment is exactly the difference said; the derivation is shown with it.

Only when the relation's words say total (estimate_words.yml total_relation), names no 在岸/离岸 kind of its own, compares
this year with last year, and this year's onshore and offshore figures are the only business figures, with one rate.
Without the rate, or with a result not exact to the cent, a difference in dollars or an approximate relation, the
relation is blanked and asked about, naming it (never guessed); otherwise the text is left as it is.
"""

import re
from decimal import Decimal, localcontext
from typing import Optional

from bot.estimate.reading import alternation, estimate_words, figures, plausible_rate
from bot.estimate.relative_figures import (
    STOPS,
    Derivation,
    Restated,
    figure_kind,
    figure_year,
    relations,
    shown,
    typed,
)

THIS, LAST = ("rel", 0), ("rel", -1)


def _exact(value: Decimal) -> bool:
    return value > 0 and value * 100 == (value * 100).to_integral_value()


def _total_words(text: str, r) -> bool:
    """Whether the relation's words (back to a space or a mark before it) say it is of the whole business."""
    lo = max(text.rfind(c, 0, r.start) for c in STOPS + " ") + 1
    return re.search(alternation(estimate_words()["total_relation"]), text[lo : r.start] + r.said) is not None


def _years(text: str, r, skip) -> Optional[tuple]:
    subject = r.subject
    if r.subject_figure is not None:
        subject = figure_year(text, r.subject_figure, skip) or THIS
    return (subject, r.base) if {subject, r.base} == {THIS, LAST} else None


def _business(text: str, figs, skip) -> list:
    """The money figures outside the relation whose own words (back to a space or a mark) name no other item."""
    from bot.estimate.year_chain import names_other_item

    not_business = alternation(estimate_words()["relative"]["not_business"])
    out = []
    for f in figs:
        if f.kind != "money" or f.value is None or any(a <= f.start < b for a, b in skip):
            continue
        lo = max(text.rfind(c, 0, f.start) for c in STOPS + " ") + 1
        if not names_other_item(text, f.start) and not re.search(not_business, text[lo : f.start]):
            out.append(f)
    return out


def _this_year(text: str, figs, skip) -> Optional[tuple]:
    """(onshore figure, offshore dollar figure): this year's two business figures, when they are all there is."""
    business = _business(text, figs, skip)
    if any(figure_year(text, f, skip) != THIS for f in business) or len(business) != 2:
        return None
    yuan = [f for f in business if f.currency != "USD" and figure_kind(text, f) in ("onshore", None)]
    usd = [f for f in business if f.currency == "USD"]
    return (yuan[0], usd[0]) if len(yuan) == 1 and len(usd) == 1 else None


def _settle(r, subject, onshore, usd, rate):
    """(replacement, derivation, problem) for a total relation."""
    blank = " " * (r.end - r.start)
    said = r.said.strip()
    q = r.quantity
    if q.approximate:
        return blank, None, f"您说“{said}”是个大概的说法，我不据此推算上一年度的执行额合计，也不估算。"
    if q.kind == "difference" and q.currency == "USD":
        return blank, None, f"您说“{said}”，两年合计按人民币比较，差额{q.shown}是美元，我不换算也不猜。"
    if rate is None:
        return (
            blank,
            None,
            f"您说“{said}”比的是两年执行额合计：今年的合计要把离岸{usd.raw}按今年汇率折算后才能算出，"
            "汇率您还没说，我不据此推算上一年度的执行额。",
        )
    total = Decimal(str(onshore.value)) + Decimal(str(usd.value)) * rate
    this = f"今年合计（在岸{shown(onshore.value, 'CNY')} + 离岸{shown(usd.value, 'USD')} × {rate} = {shown(total, 'CNY')}）"
    sign = "+" if q.difference > 0 else "−"
    with localcontext() as ctx:
        ctx.prec = 60
        if subject == LAST:  # 「去年总共比今年少了500万」: last year = this year × factor + difference
            result = total * q.factor + q.difference
            expr = (
                f"{this} {sign} {shown(abs(q.difference), 'CNY')}" if q.kind == "difference" else f"{this} × {q.shown}"
            )
        else:  # 「今年总额比去年增长了25%」: last year = (this year − difference) ÷ factor
            result = (total - q.difference) / q.factor if q.factor else Decimal(-1)
            back = "−" if sign == "+" else "+"
            expr = (
                f"{this} {back} {shown(abs(q.difference), 'CNY')}" if q.kind == "difference" else f"{this} ÷ {q.shown}"
            )
    if q.kind == "same":
        expr = this
    if not _exact(result):
        why = "不是正数" if result <= 0 else "除不尽、不能精确到分"
        return blank, None, f"您说“{said}”，按此推算上一年度的执行额合计 = {expr}，结果{why}，我不四舍五入也不估算。"
    result = result.normalize() if result == result.to_integral_value() else result.quantize(Decimal("0.01"))
    result = Decimal(f"{result:f}")
    derivation = Derivation(result, "CNY", None, f"上一年度执行额合计 = {expr} = {shown(result, 'CNY')}")
    return f" 去年总执行额{typed(result, 'CNY')} ", derivation, None


def restate(text: str) -> Restated:
    """`text` with a total relation restated as last year's whole total (see the module), or as it is."""
    figs = figures(text)
    for r in relations(text, figs):
        if r.kind or not _total_words(text, r):
            continue
        skip = [(r.start, r.end)] + ([(r.base_at, r.base_at + 1)] if r.base_at >= 0 else [])
        years = _years(text, r, skip)
        if years is None:
            continue
        parts = _this_year(text, figs, skip)
        if parts is None:
            continue
        rates = [f.value for f in figs if f.kind == "rate" and f.value is not None and plausible_rate(f.value)]
        rate = Decimal(str(rates[0])) if len(set(rates)) == 1 else None
        replacement, derivation, problem = _settle(r, years[0], *parts, rate)
        return Restated(
            text[: r.start] + replacement + text[r.end :],
            [derivation] if derivation else [],
            [problem] if problem else [],
        )
    return Restated(text, [], [])
