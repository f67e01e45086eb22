"""三.（一） 业务规模增量奖励: 3% of the year-on-year increment, at most 200万元.

Offshore dollars are converted at the rate of the year the business was executed: this
year's at `usd_cny_rate`, last year's at `previous_usd_cny_rate`. A new enterprise's first
year counts in full (纯增量) and its previous-year amounts are ignored.

`onshore_increment_cny` (an extension of the contract's fields) is the onshore increment the user
states (「在岸比去年多了300万」) in place of both years' onshore amounts: the increment is then that
figure + this year's offshore × rate − last year's offshore × last year's rate, the same as the two
years' totals would give; an absent offshore amount counts 0, as in the contract.

`offshore_cny` / `previous_offshore_cny` (extensions) are a year's offshore business the user gives already converted
to yuan at that year's rate (「离岸已经按2024年中间价折成人民币800万」), in place of its dollars: added to that year's total
as said, with no rate. 三（二） still needs the dollars (以美元计算).

`increment_cny` (another extension) is the whole increment the user states already converted (「增量部分（已经按规定折算好了）
是1,350万元」): it is the base as said; this year's offshore amount beside it is 三（二）'s only, never added again.
"""

from decimal import Decimal

from knowledge.conditions import computed_unmet

from ..item import Item, cents
from ..policy import fig
from ..text import amount, pct, plain, yuan

CODE = "3.1"
NAME = "业务规模增量奖励"


def applies(data: dict) -> bool:
    """Computed when a this-year amount and a previous-year amount (or 新增企业) are given."""
    if "onshore_increment_cny" in data or "increment_cny" in data:
        return True
    this_year = any(k in data for k in ("onshore_cny", "offshore_usd", "offshore_cny"))
    baseline = (
        any(k in data for k in ("previous_onshore_cny", "previous_offshore_usd", "previous_offshore_cny"))
        or data.get("new_enterprise") is True
    )
    return this_year and baseline


def rates_needed(data: dict) -> list:
    """The exchange-rate fields this item multiplies a non-zero dollar amount by."""
    if not applies(data):
        return []
    needed = []
    if "increment_cny" in data:
        return needed
    if data.get("offshore_usd", 0) > 0:
        needed.append("usd_cny_rate")
    if data.get("new_enterprise") is not True and data.get("previous_offshore_usd", 0) > 0:
        needed.append("previous_usd_cny_rate")
    return needed


def _year_total(ctx, onshore: str, offshore: str, rate: str, previous: bool):
    data = ctx.data
    total = Decimal(0)
    parts = []
    if onshore in data:
        total += data[onshore]
        parts.append(f"在岸{amount(data[onshore])}")
    if offshore in data:
        usd = data[offshore]
        if usd > 0:
            r = ctx.rate(rate)
            total += usd * r
            parts.append(f"离岸{amount(usd, '美元')} × {plain(r)}")
        else:
            parts.append(f"离岸{amount(usd, '美元')}")
    elif offshore.replace("_usd", "_cny") in data:
        converted = data[offshore.replace("_usd", "_cny")]
        total += converted
        parts.append(f"离岸（已折人民币）{amount(converted)}")
    if not parts:
        parts.append("未提供（按0元计）")
    text = f"{ctx.year_label(previous)}执行额 = {' + '.join(parts)} = {yuan(total)}"
    return total, text


def _offshore(ctx, key: str, rate: str, previous: bool):
    usd = ctx.data.get(key, Decimal(0))
    if usd > 0:
        r = ctx.rate(rate)
        return usd * r, f"{ctx.year_label(previous)}离岸{amount(usd, '美元')} × {plain(r)} = {yuan(usd * r)}"
    return Decimal(0), f"{ctx.year_label(previous)}离岸{amount(usd, '美元')}"


def _stated_increment(ctx, steps: list):
    """The onshore increment as stated, with each year's offshore amount at its own year's rate: returns the
    two sides compared (onshore increment + this year's offshore, last year's offshore) and the increment."""
    onshore = ctx.data["onshore_increment_cny"]
    this_off, this_text = _offshore(ctx, "offshore_usd", "usd_cny_rate", False)
    prev_off, prev_text = _offshore(ctx, "previous_offshore_usd", "previous_usd_cny_rate", True)
    this_side, prev_side = onshore + this_off, prev_off
    increment = max(Decimal(0), this_side - prev_side)
    steps.append(f"在岸执行额比上年度增加{amount(onshore)}（您给的差额）；{this_text}；{prev_text}")
    if this_side > prev_side:
        if this_off or prev_off:
            steps.append(f"增量 = {yuan(onshore)} + {yuan(this_off)} − {yuan(prev_off)} = {yuan(increment)}")
        else:
            steps.append(f"增量 = 在岸增加的{yuan(increment)}")
    return this_side, prev_side, increment


def compute(ctx):
    """The item, or None when its inputs are absent."""
    data = ctx.data
    if not applies(data):
        return None
    rate, cap = fig(CODE, "rate"), fig(CODE, "cap_cny")
    steps = []
    if "increment_cny" not in data:
        this_total, this_text = _year_total(ctx, "onshore_cny", "offshore_usd", "usd_cny_rate", False)
    if "increment_cny" in data:
        increment = this_total = data["increment_cny"]
        prev_total = Decimal(0)
        steps.append(
            f"业务增量 = {yuan(increment)}（您给的增量，按所说计算；其中若有离岸业务，须已按业务执行年度中间价折算为人民币）"
        )
    elif "onshore_increment_cny" in data:
        this_total, prev_total, increment = _stated_increment(ctx, steps)
    elif data.get("new_enterprise") is True:
        increment = this_total
        ignored = (
            "（上年度数据不计）" if any(f in data for f in ("previous_onshore_cny", "previous_offshore_usd")) else ""
        )
        steps.append(f"新增企业首年按纯增量计算{ignored}：{this_text}，增量即为{yuan(increment)}")
    else:
        prev_total, prev_text = _year_total(
            ctx, "previous_onshore_cny", "previous_offshore_usd", "previous_usd_cny_rate", True
        )
        increment = max(Decimal(0), this_total - prev_total)
        steps.append(this_text)
        steps.append(prev_text)
        if this_total > prev_total:
            # 「去年一单业务没做」: nothing the year before, so the whole of this year is increment
            whole = "（上年度没有业务，本年度执行额全部计为增量）" if prev_total == 0 else ""
            steps.append(f"增量 = {yuan(this_total)} − {yuan(prev_total)} = {yuan(increment)}{whole}")
    raw = increment * rate
    award = min(raw, cap)
    if increment <= 0:
        if data.get("new_enterprise") is True:
            how = "none"
        else:
            how = "lower" if this_total < prev_total else "same"
        drop = yuan(prev_total - this_total) if how == "lower" else ""
        words = computed_unmet(CODE, "increment", how)
        steps.append(words.format(this=ctx.year_label(), previous=ctx.year_label(True), drop=drop))
    elif cents(award) <= 0:
        steps.append(f"增量 × {pct(rate)} = {yuan(raw)}，不足0.01元，不予奖励")
    elif raw > cap:
        steps.append(
            f"{yuan(increment)} × {pct(rate)} = {yuan(raw)}，超过单项上限（最高{amount(cap)}），按{amount(cap)}计"
        )
    else:
        steps.append(f"{yuan(increment)} × {pct(rate)} = {yuan(raw)}，未超过单项上限{amount(cap)}")
    start = int(fig(CODE, "start_year"))
    if data.get("year") is not None and data["year"] < start:
        steps.append(f"注意：本条自{start}年开始执行，{data['year']}年的业务可能不在支持范围内")
    return Item(CODE, NAME, award, raw, "；".join(steps) + "。")
