"""Yearly totals that already hold this year's offshore part, converted (「去年执行额3亿 今年4.2亿 这里面离岸600万美元按
7.0已经折进去了」「今年里面离岸500万美元 汇率按7.1算已经含在3.5亿里了」).

The user's two yearly totals (no onshore/offshore word of their own) are the whole business of each year, so 三（一）'s
increment is this total less last year's, as given: the dollar part is not added again, and 在岸/离岸 is never asked of
the totals. The dollar amount is this year's offshore business (三（二） counts it in dollars) at the rate the user
states. Read as calculator fields: this year's onshore = the total less dollars × rate (what the total holds besides
the offshore part), last year's onshore = last year's total with no offshore beside it (its own offshore part, if any,
is already in it). Said in a note.

Only when the words say the dollar amount is inside a total (estimate_words.yml converted_totals: an inside word
before it 「这里面」「其中」「含」 with a converted/included word after it 「已经折进去了」「已折算」, or an included word
after it naming the total 「含在3.5亿里」), there is one dollar amount, it is this year's, a rate is stated, and the
converted part fits inside the total. Otherwise nothing is read here and the figures are asked as before.
"""

import re
from decimal import Decimal
from typing import Optional

from bot.estimate.reading import (
    OFFSHORE,
    ONSHORE,
    YEAR_CUR,
    YEAR_PREV,
    alternation as _alt,
    estimate_words,
    plausible_rate,
    wan,
)


def rate_after(reader, usd, after: str) -> Optional[Decimal]:
    """This year's rate: the one already read, else 「按7.0」 said right after the dollar amount."""
    rate = reader.out.fields.get("usd_cny_rate")
    if rate:
        return rate
    m = re.match(r"[^，。；,;\d]{0,6}?(?:按|用|以|汇率)\s*(\d{1,2}(?:\.\d+)?)(?![\d万千百亿%％])", after)
    if m and plausible_rate(Decimal(m.group(1))):
        return Decimal(m.group(1))
    return None


def _last_years_next(reader, f) -> bool:
    """「…（已按7.1折算） 上年4000万」: a figure whose own words are only last year's name (and 执行额) is last year's total."""
    t = reader.text
    start = max([t.rfind(c, 0, f.start) for c in " ，。；,;）)\n"] + [-1]) + 1
    return bool(re.fullmatch(rf"(?:{YEAR_PREV})度?的?(?:总)?(?:合同)?(?:执行额)?(?:是|为|有)?\s*", t[start : f.start]))


def _held_by_figure_before(reader, usd) -> bool:
    """「今年合计2.5个亿，其中离岸3000万美元」「今年3500万（其中离岸200万美元）」: the dollars, with an inside word, follow a
    yuan figure of this year that is said whole (合计/总共… after its year's name) or whose parenthesis they open: that
    figure holds them. (「今年2.6kw 其中今年离岸110万美元」 says neither: asked.)"""
    from bot.estimate.previous_total import whole_before

    t = reader.text
    before = [g for g in reader.figs if g.kind != "year" and g.end <= usd.start]
    host = before[-1] if before else None
    if host is None or host.kind != "money" or host.currency not in (None, "CNY"):
        return False
    if reader._year(host.start) != "current" or re.search(r"[。；;！？!?\n]", t[host.end : usd.start]):
        return False
    if re.fullmatch(r"\s*[（(][^）)]*", t[host.end : usd.start]):
        return True
    names = [m.end() for m in re.finditer(YEAR_CUR, t[: host.start])]
    names += [g.end for g in reader.figs if g.kind == "year" and g.value and g.end <= host.start]
    return bool(names) and whole_before(t[max(names) : host.start])


def take(reader) -> bool:
    """Read the totals and the dollar amount inside this year's total (see the module's words); True when read."""
    w = estimate_words()["converted_totals"]
    t = reader.text
    moneys = [f for f in reader.unused("money") if f.value is not None]
    # the dollar amount may be read already as this year's offshore amount (三（二）'s own reading)
    dollars = [f for f in reader.figs if f.kind == "money" and f.value is not None and f.currency == "USD"]
    if len(dollars) != 1 or reader.out.fields.get("offshore_usd", dollars[0].value) != dollars[0].value:
        return False
    usd = dollars[0]
    start = max([t.rfind(c, 0, usd.start) for c in "，。；,;\n"] + [-1]) + 1
    before = t[start : usd.start]
    after_end = min([i for i in (t.find(c, usd.end) for c in "。；;\n") if i >= 0] + [len(t)])
    after = t[usd.end : min(after_end, usd.end + 30)]
    inside = re.search(rf"(?:{_alt(w['inside'])})[^，。；,;\d]{{0,6}}$", before)
    included = re.search(_alt(w["included_after"]), after)
    converted = re.search(_alt(w["converted_after"]), after)
    if not (included or (inside and (converted or _held_by_figure_before(reader, usd)))):
        return False
    from bot.estimate.year_totals import doubts_whole

    if doubts_whole(before + after):
        return False  # 「（离岸的不确定算没算进去）」: whether the total holds the dollars is open: asked as before
    totals = [
        f
        for f in moneys
        if f is not usd
        and f.currency in (None, "CNY")
        and not re.search(rf"(?:{OFFSHORE}|{ONSHORE})[^，。；,;\d]{{0,4}}$", t[max(0, f.start - 8) : f.start])
        and reader._year(f.start) in ("previous", "current")
    ]
    named = [
        f for f in totals if usd.end <= f.start and re.search(rf"(?:{_alt(w['included_after'])})\s*$", t[: f.start])
    ]
    # the totals said before it, the one it names (「含在3.5亿里」), and last year's said next (「… 上年4000万」)
    totals = [f for f in totals if f.end <= usd.start or f in named or _last_years_next(reader, f)]
    host = named[0] if named else next((f for f in reversed(totals) if f.end <= usd.start), None)
    if host is None or reader._year(host.start) != "current":
        return False  # the dollars inside last year's total: this year's offshore part is not told
    previous = [f for f in totals if reader._year(f.start) == "previous"]
    again = [f for f in totals if reader._year(f.start) == "current" and f.value == host.value]  # 「含在3.5亿里」
    if len(previous) > 1 or any(reader._year(f.start) == "current" and f not in again for f in totals):
        return False
    rate = rate_after(reader, usd, after)
    if rate is None:
        return False
    part = usd.value * rate
    if part > host.value:
        return False  # the converted part cannot be inside that total: asked as before
    fields = reader.out.fields
    fields["usd_cny_rate"] = rate
    fields["offshore_usd"] = usd.value
    fields["onshore_cny"] = host.value - part
    for f in (usd, *again, *previous):
        reader.use(f)
    said = f"今年{wan(host.value)}（其中离岸{wan(usd.value, '美元')} × {rate} = {wan(part)}，已含在内）"
    if previous:
        fields["previous_onshore_cny"] = previous[0].value
        fields.setdefault("previous_offshore_usd", Decimal(0))
        said = f"上年{wan(previous[0].value)}、" + said
    last = "，上年按合计记为“在岸”、“离岸0美元”" if previous else ""
    reader.out.notes.append(
        f"您说的执行额是全年合计，已含折算后的离岸部分：{said}；增量按两年合计直接相减，离岸部分不重复计入"
        f"（计算中今年的“在岸”是合计减去离岸折算额{last}）；离岸业务奖励按{wan(usd.value, '美元')}计算"
    )
    return True


def take_previous(reader) -> bool:
    """「去年合同执行额合计1.5亿元（离岸已经按当年汇率折好了）」: last year's total in yuan, said to hold its offshore part
    already converted (an offshore word and a converted/included word after it, no figure between: estimate_words.yml
    converted_totals), is last year's whole business as given: 三（一）'s increment compares it as it stands, so it is
    read as last year's "onshore" with no dollars beside it (its dollars are in it) and never asked to be converted
    back. Only when it is the one figure of last year's business; True when read, said in a note."""
    w = estimate_words()["converted_totals"]
    t = reader.text
    last_year = [
        f
        for f in reader.unused("money")
        if f.value is not None and reader._year(f.start) == "previous" and not other_item_near(t, f)
    ]
    if len(last_year) != 1 or last_year[0].currency not in (None, "CNY"):
        return False
    f = last_year[0]
    if re.search(rf"(?:{OFFSHORE}|{ONSHORE})[^，。；,;\d]{{0,4}}$", t[max(0, f.start - 8) : f.start]):
        return False  # 「去年离岸1.5亿元」: a kind of its own, read as before
    if _said_as_difference(t, f):
        return False  # 「今年执行额比去年多了2000万（离岸已折进去了）」: the increment, no year's total
    after = re.match(r"[^\d。；;]{0,30}", t[f.end :]).group(0)
    said = re.search(rf"(?:{OFFSHORE})[^\d。；;]{{0,12}}?(?:{_alt(w['converted_after'] + w['included_after'])})", after)
    if not said or re.search(rf"(?:{OFFSHORE})", t[f.end : f.end + said.start()]):
        return False
    fields = reader.out.fields
    if any(k in fields for k in ("previous_onshore_cny", "previous_offshore_usd")):
        return False
    fields["previous_onshore_cny"] = f.value
    fields["previous_offshore_usd"] = Decimal(0)
    reader.use(f)
    reader.out.notes.append(
        f"您说上年执行额合计{wan(f.value)}已含折算后的离岸部分：增量按这个合计直接比较，离岸部分不再单独折算"
        "（计算中上年按合计记为“在岸”、“离岸0美元”）"
    )
    return True


def _said_as_difference(t: str, f) -> bool:
    """「比去年多了2000万」「同比增加了800万」: the figure is a rise over last year, not last year's amount."""
    from bot.estimate.stated_increment import rise_before

    start = max([t.rfind(c, 0, f.start) for c in "，。；,;！？!?\n"] + [-1]) + 1
    return rise_before(t[start : f.start])


def other_item_near(t: str, f) -> bool:
    """A figure whose own words (back to a space or a mark) name another item (a platform, a fair …): that item's
    cost, never a business total."""
    from bot.estimate.year_chain import other_item

    start = max([t.rfind(c, 0, f.start) for c in " ，。；,;）)\n"] + [-1]) + 1
    return other_item(t[start : f.start])
