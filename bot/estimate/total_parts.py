"""A year's total and a part of it named inside it (「今年总执行额1.75kw，其中离岸部分折成人民币是420万」「今年总额2500万，
里面有400万是离岸的」「今年服务外包执行额3000万（含离岸折合人民币500万）」「今年总执行额2000万，其中在岸1600万」).

A part said with an inside word (estimate_words.yml total_parts inside: 其中, 里面, 这里头, 含, 包含, 包括 …) right after a
year's yuan figure is PART of that figure, never a second amount added to it: the figure is the year's whole business.

- an offshore part in yuan (「其中离岸部分折成人民币是420万」): this year's onshore = total − part, offshore (已折人民币) =
  part; 三（二）'s dollars asked only when an item needs them (bot/estimate/yuan_offshore.py);
- an onshore part (「其中在岸1600万」): the offshore part is total − part, in yuan, read the same way;
- an offshore part in dollars (「其中离岸300万美元」): the total holds it converted; with this year's rate, onshore =
  total − dollars × rate; without one, when last year is told as a whole total too and the dollars are said converted
  (「已经折算进去了」), the increment is the totals' difference (no rate needed), else this year's rate is asked to split
  the total (第三条第（一）项: at the execution year's rate); the dollars serve 三（二）;
- an offshore part of no currency (「包括离岸的420万」): whatever its currency, the total holds it; with last year's whole
  total the increment is the totals' difference, and the part's currency is asked only when 三（二） needs it;
  otherwise its currency is asked, and the answer splits the total (never added to it).

Last year's total with a part inside it is last year's whole business (previous onshore = total, previous offshore 0),
as bot/estimate/previous_total.py reads it. Each reading is said in a note.
"""

import re
from decimal import Decimal
from typing import Optional

from bot.estimate.previous_total import HOLDS_OFFSHORE  # 「含离岸」「在岸加离岸」: no kind of its own
from bot.estimate.reading import (
    OFFSHORE,
    ONSHORE,
    YEAR_CUR,
    YEAR_PREV,
    Clarification,
    alternation as _alt,
    estimate_words,
    plausible_rate,
    wan,
)

_STOP = "。；;！？!?\n"
_YUAN = r"人民币|rmb|元|折成|折合|折算|折了|已折|换算|换成"
# a change said of the part's kind (「其中离岸多了100万」): no part of the total
_CHANGE = r"比|较|同比|多了|少了|增加|增长|减少|下降|涨|降了|多出"


def _words() -> dict:
    return estimate_words()["total_parts"]


def _own_words(reader, f) -> str:
    """The words of a figure back to a stop, a comma or the figure before it."""
    t = reader.text
    start = max([t.rfind(c, 0, f.start) for c in _STOP + "，,"] + [-1]) + 1
    start = max([start] + [g.end for g in reader.figs if g.end <= f.start and g.kind != "year"])
    return t[start : f.start]


def _kind_currency(part, inner: str, tail: str) -> Optional[dict]:
    """The part's kind (its words, or 「是离岸的」 after it) and currency; None when it names no kind."""
    kind = None
    for name, words in (("offshore", OFFSHORE), ("onshore", ONSHORE)):
        if re.search(words, inner):
            kind = kind or name
    for name, words in (("offshore", OFFSHORE), ("onshore", ONSHORE)):
        # 「400万是离岸的」 names the part; 「在岸1750万 离岸150万美元」: the next part's own kind word, not this one's
        if re.match(rf"\s*(?:的)?(?:是|为|属于|都是|算)?\s*(?:{words})(?!\s*(?:是|为|有)?\s*[\d$＄])", tail):
            kind = kind or name
    if kind is None:
        return None
    if part.currency == "USD":
        currency = "USD"
    elif part.currency == "CNY" or re.search(_YUAN, inner + tail, re.I):
        currency = "CNY"
    elif part.currency is None:
        currency = None
    else:
        return None  # another currency: read as before (its own rate)
    if kind == "onshore" and currency == "USD":
        return None
    return {"figure": part, "kind": kind, "currency": currency}


def _tail(t: str, part) -> str:
    end = min([i for i in (t.find(c, part.end) for c in _STOP + "，,）)") if i >= 0] + [len(t)])
    return t[part.end : min(end, part.end + 12)]


def _part_after(reader, host) -> Optional[dict]:
    """「1.75kw，其中离岸部分折成人民币是420万」「2500万，里面有400万是离岸的」「1750万，离岸折人民币420万也含在里面」."""
    t = reader.text
    later = [g for g in reader.figs if g.kind == "money" and g.start >= host.end]
    if not later:
        return None
    part = later[0]
    gap = t[host.end : part.start]
    if any(c in gap for c in _STOP) or len(gap) > 28:
        return None
    tail = _tail(t, part)
    m = re.match(rf"\s*[（(]?\s*[，,、]?\s*(?:{_alt(_words()['inside'])})", gap)
    share = re.fullmatch(rf"\s*[（(]?\s*[，,、]?\s*((?:{OFFSHORE}|{ONSHORE})[^，,。；;\d]{{0,6}}?(?:占了|占))\s*", gap)
    if m:
        inner = gap[m.end() :]
    elif share:  # 「1750万，离岸占420万」: a share of the total
        inner = share.group(1)
    elif re.match(rf"\s*(?:也|都|均)?(?:{_alt(_words()['inside_after'])})", tail):
        inner = re.sub(r"^\s*[（(]?\s*[，,、]?", "", gap)  # 「…，离岸折人民币420万也含在里面」: said inside after it
        if not re.fullmatch(r"[^，,。；;\d]{0,14}", inner):
            return None
    else:
        return None
    if re.search(rf"{YEAR_PREV}|{YEAR_CUR}|\d{{4}}\s*年", inner) or re.search(r"[，,]", inner):
        return None  # 「今年2.6kw 其中今年离岸110万美元」: the part's own year said again: asked as before
    if re.search(_CHANGE, inner):
        return None  # 「其中离岸多了100万」: a change, no part
    return _kind_currency(part, inner, tail)


def _part_before(reader, host) -> Optional[dict]:
    """「今年总额含离岸420万元，一共1750万」: the part said with its inside word first, the total after it with a whole
    word (一共/合计/总共 …)."""
    t = reader.text
    earlier = [g for g in reader.figs if g.kind == "money" and g.end <= host.start]
    if not earlier:
        return None
    part = earlier[-1]
    between = t[part.end : host.start]
    if any(c in between for c in _STOP) or not re.fullmatch(
        rf"\s*[，,、]?\s*(?:加起来|算下来|总的|全年)?(?:{_alt(_words()['whole_after_part'])})(?:是|为|有)?\s*", between
    ):
        return None
    start = max([t.rfind(c, 0, part.start) for c in _STOP + "，,"] + [-1]) + 1
    start = max([start] + [g.end for g in reader.figs if g.end <= part.start and g.kind != "year"])
    before = t[start : part.start]
    m = list(re.finditer(_alt(_words()["inside"]), before))
    if not m:
        return None
    return _kind_currency(part, before[m[-1].end() :], _tail(t, part))


def _part(reader, host) -> Optional[dict]:
    """The part named inside `host` right after it (or right before it): {figure, kind, currency}, or None."""
    return _part_after(reader, host) or _part_before(reader, host) or _held_dollars_elsewhere(reader, host)


def _held_dollars_elsewhere(reader, host) -> Optional[dict]:
    """「本年服务外包合同执行额\t1.7亿元（含离岸）」 with 「本年离岸合同执行额\t350万美元」 on another line: a total said to
    hold the offshore business, and the same year's one dollar amount told apart, is that total's part (the total had
    been read as offshore yuan)."""
    if not re.match(rf"\s*[（(]\s*(?:{HOLDS_OFFSHORE})[^）)]{{0,8}}[）)]", reader.text[host.end : host.end + 16]):
        return None
    year = reader._year(host.start)
    dollars = [
        g
        for g in reader.figs
        if g.kind == "money" and g.currency == "USD" and g.value and g is not host and reader._year(g.start) == year
    ]
    if len(dollars) != 1:
        return None
    return {"figure": dollars[0], "kind": "offshore", "currency": "USD"}


def _host(reader, f) -> bool:
    """Whether `f` may be a year's whole total: yuan (or no currency), this or last year, no kind of its own."""
    from bot.estimate.converted_totals import other_item_near

    if f.value is None or f.currency not in (None, "CNY") or reader._year(f.start) not in ("previous", "current"):
        return False
    own = _own_words(reader, f)
    if re.search(rf"{OFFSHORE}|{ONSHORE}", re.sub(HOLDS_OFFSHORE, "", own)):
        return False
    if re.search(r"比|较|相比|同比|多了|少了|增加|增长|减少|下降", own):
        return False
    return not other_item_near(reader.text, f)


def _this_rate(reader, part) -> Optional[Decimal]:
    rate = reader.out.fields.get("usd_cny_rate")
    if rate:
        return rate
    from bot.estimate.converted_totals import rate_after

    return rate_after(reader, part, re.sub(r"^\s*[，,]", "", reader.text[part.end : part.end + 30]))


def take(reader) -> None:
    """Read each year's total with a part inside it (see the module); this year's dollars-only case waits for last
    year's total (`settle`)."""
    reader._total_parts = []
    reader._this_total = None
    fields = reader.out.fields
    for host in [f for f in reader.unused("money")]:
        if not _host(reader, host) or host not in reader.unused("money"):
            continue
        got = _part(reader, host)
        if got is None:
            continue
        read_as_offshore = got["currency"] == "USD" and fields.get("offshore_usd") == got["figure"].value
        if got["figure"] not in reader.unused("money") and not read_as_offshore:
            continue  # 「其中离岸300万美元」 may be read already as this year's offshore dollars (三（二）'s reading)
        part, kind, currency = got["figure"], got["kind"], got["currency"]
        year = reader._year(host.start)
        if currency != "USD" and part.value > host.value:
            continue  # a part larger than its whole: read as before (asked)
        if year == "previous":
            if any(k in fields for k in ("previous_onshore_cny", "previous_offshore_usd", "previous_offshore_cny")):
                continue
            fields["previous_onshore_cny"] = host.value
            fields["previous_offshore_usd"] = Decimal(0)
            reader.use(host)
            reader.use(part)
            what = "离岸" if kind == "offshore" else "在岸"
            reader.out.notes.append(
                f"您说上年执行额{wan(host.value)}里含{what}{part.raw}：{wan(host.value)}是上年全年业务的总额，"
                f"{part.raw}是其中一部分，不再另加；增量按这个合计比较（计算中上年按合计记为“在岸”、“离岸0美元”）"
            )
            continue
        if any(k in fields for k in ("onshore_cny", "offshore_cny", "increment_cny", "onshore_increment_cny")):
            continue
        if kind == "onshore" or currency == "CNY":
            offshore = host.value - part.value if kind == "onshore" else part.value
            onshore = host.value - offshore
            fields["onshore_cny"] = onshore
            reader._this_total = host
            reader.use(host)
            reader.use(part)
            said = f"{'在岸' if kind == 'onshore' else '离岸（已折人民币）'}{wan(part.value)}"
            note = (
                f"您说今年执行额{wan(host.value)}是全年合计，其中{said}是它的一部分，不再另加："
                f"今年在岸{wan(onshore)}、离岸（已折人民币）{wan(offshore)}，合计仍是{wan(host.value)}"
            )
            reader.out.notes.append(note)
            if offshore > 0:
                fields["offshore_cny"] = offshore
                if "offshore_usd" not in fields:
                    reader.out.clarifications.append(
                        Clarification(
                            "currency",
                            f"离岸执行额按美元计算（第三条第（二）项“以美元计算”）。今年离岸{wan(offshore)}折合多少美元？"
                            "也可以告诉我当年的美元兑人民币年平均中间价（汇率），我按它折算。",
                            {
                                "key": "offshore_usd",
                                "value": None,
                                "said": {"amount": str(offshore), "currency": "CNY"},
                            },
                        )
                    )
            elif "3.2" in reader.items:
                fields.setdefault("offshore_usd", Decimal(0))
            continue
        if currency == "USD":
            rate = _this_rate(reader, part)
            if rate and plausible_rate(rate):
                converted = part.value * rate
                if converted > host.value:
                    continue  # the converted dollars cannot be inside that total: asked as before
                fields["usd_cny_rate"] = rate
                fields["offshore_usd"] = part.value
                fields["onshore_cny"] = host.value - converted
                reader._this_total = host
                reader.use(host)
                reader.use(part)
                reader.out.notes.append(
                    f"您说今年执行额{wan(host.value)}是全年合计，其中离岸{wan(part.value, '美元')}已含在内：离岸折合"
                    f"{wan(part.value, '美元')} × {rate} = {wan(converted)}，计算中今年在岸 = {wan(host.value)} − "
                    f"{wan(converted)} = {wan(host.value - converted)}，离岸部分不重复计入；离岸业务奖励按"
                    f"{wan(part.value, '美元')}计算"
                )
                continue
        # dollars without a rate, or a part of no currency: the total holds it either way (settled with last year's)
        reader._this_total = host
        reader._total_parts.append((host, part, currency))
        reader.use(host)
        reader.use(part)


def _plain_last(reader) -> None:
    """「今年服务外包执行额3000万（含离岸折合人民币500万），去年2600万」: beside this year's total with its part, last year's
    one yuan figure with no kind or whole word of its own is told the same way, as last year's whole business."""
    from bot.estimate.converted_totals import other_item_near

    fields = reader.out.fields
    host = getattr(reader, "_this_total", None)
    if host is None or any(k in fields for k in ("previous_onshore_cny", "previous_offshore_usd")):
        return
    last = [f for f in reader.unused("money") if f.value is not None and reader._year(f.start) == "previous"]
    if (
        len(last) != 1
        or last[0].currency not in (None, "CNY")
        or any(g.kind == "money" and g.currency == "USD" and reader._year(g.start) == "previous" for g in reader.figs)
    ):
        return
    f = last[0]
    own = _own_words(reader, f)
    if not re.fullmatch(
        rf"[\s]*(?:{YEAR_PREV})度?的?(?:服务外包)?(?:合同)?(?:执行额|执行金额)?(?:是|为|有|则是|呢是)?\s*", own
    ):
        return  # 「去年在岸2600万」「去年比今年少了」: a kind or a relation of its own, read as before
    after = re.match(r"[^，,。；;！？!?\n\d]{0,8}", reader.text[f.end :]).group(0)
    if other_item_near(reader.text, f) or re.search(rf"{OFFSHORE}|{ONSHORE}", after):
        return  # 「去年1400万在岸的」: a kind of its own
    fields["previous_onshore_cny"] = f.value
    fields["previous_offshore_usd"] = Decimal(0)
    reader.use(f)
    reader._plain_note = (
        f"上年{wan(f.value)}与今年{wan(host.value)}并列说出，按同一口径（上年全年业务的总额，已含折算后的离岸部分）计算"
        "（计算中上年按合计记为“在岸”、“离岸0美元”）"
    )
    reader.out.notes.append(reader._plain_note)


def settle(reader) -> None:
    """After last year's figures are read: this year's total holding a part whose yuan value is not known. With last
    year's whole total the increment is total less total; otherwise the part's currency (or this year's rate) is
    asked, naming the total, and the answer splits the total (bot/estimate/session.py)."""
    _plain_last(reader)
    fields = reader.out.fields
    host, last = getattr(reader, "_this_total", None), fields.get("previous_onshore_cny")
    if host is not None and last is not None and fields.get("previous_offshore_usd") == 0:
        if "previous_offshore_cny" not in fields and not getattr(reader, "_total_parts", None):
            difference = host.value - last
            change = f"增加{wan(difference)}" if difference > 0 else f"下降{wan(-difference)}，没有增量"
            if difference == 0:
                change = "持平，没有增量"
            reader.out.notes.append(f"两年合计相比：今年{wan(host.value)}比上年{wan(last)}{change}")
    for host, part, currency in getattr(reader, "_total_parts", []):
        last = fields.get("previous_onshore_cny")
        whole_last = (
            last is not None
            and fields.get("previous_offshore_usd") == 0
            and "previous_offshore_cny" not in fields
            and not fields.get("new_enterprise")
        )
        said = f"离岸{part.raw}"
        # dollars inside a yuan total with no word that they were converted: this year's rate is asked (to split the
        # total at the execution year's rate, 第三条第（一）项), never assumed to have been applied
        t = reader.text
        converted = re.search(r"人民币|rmb|折|换算|换成", t[host.end : part.start] + _tail(t, part), re.I)
        if whole_last and "increment_cny" not in fields and (currency != "USD" or converted):
            difference = host.value - last
            fields["increment_cny"] = max(Decimal(0), difference)
            for k in ("previous_onshore_cny", "previous_offshore_usd"):  # the increment stands for both years' amounts
                fields.pop(k, None)
            from bot.estimate import previous_total

            said_last = [previous_total.note(last, "whole"), previous_total.note(last, "onshore")]
            said_last.append(getattr(reader, "_plain_note", None))
            reader.out.notes[:] = [n for n in reader.out.notes if n not in said_last]
            from bot.estimate.year_totals import change_words

            change = change_words(difference)
            reader.out.notes.append(
                f"您说今年执行额{wan(host.value)}是全年合计，{said}是其中一部分，不再另加；上年{wan(last)}也是全年合计："
                f"今年比上年{change}，增量按两年合计直接相减（不需要汇率）"
            )
            if currency == "USD" and reader.items & {"3.2", "3.3"}:
                fields.setdefault("offshore_usd", part.value)
            elif currency is None and reader.items & {"3.2", "3.3"}:
                reader.out.clarifications.append(
                    Clarification(
                        "currency",
                        f"离岸执行额{part.raw}是美元还是人民币（元）？",
                        {"key": "offshore_usd", "value": str(part.value)},
                    )
                )
            continue
        reader.out.clarifications.append(
            Clarification(
                "total_part",
                f"您说今年执行额{wan(host.value)}是全年合计，{said}含在其中（不再另加）。要从合计里分出在岸部分："
                + (
                    "今年的美元兑人民币年平均中间价（汇率）是多少？"
                    if currency == "USD"
                    else f"{part.raw}是美元还是已折成的人民币（元）？是美元的话，请一并告诉我今年的汇率。"
                ),
                {"total": str(host.value), "part": str(part.value), "currency": currency},
            )
        )


def resolve(session, norm: str, data: dict, own_figures) -> bool:
    """The answer to the 「total_part」 question: the part's currency (and this year's rate for dollars); the total is
    split (onshore = total − the part in yuan), never added to. True when read."""
    total, part = Decimal(data["total"]), Decimal(data["part"])
    currency = data.get("currency")
    usd = re.search(r"美元|美金|刀|usd|\$", norm, re.I)
    if currency is None and not usd and re.search(r"人民币|元|rmb|块|折", norm, re.I):
        currency = "CNY"
    elif usd:
        currency = "USD"
    if currency == "CNY":
        if part > total:
            return False
        session.inputs["onshore_cny"] = total - part
        session.inputs["offshore_cny"] = part
        session.last_keys += ["onshore_cny", "offshore_cny"]
        session.notes.append(
            f"今年执行额{wan(total)}是全年合计，其中离岸（已折人民币）{wan(part)}：在岸 = {wan(total - part)}，离岸部分不重复计入"
        )
        session.clarify = None
        return True
    if currency != "USD":
        return False
    rates = [f.value for f in own_figures(norm) if f.kind == "rate" and f.value and plausible_rate(f.value)]
    bare = re.fullmatch(r"[^\d]{0,6}?(\d{1,2}(?:\.\d+)?)[^\d]{0,4}", norm.strip())
    if not rates and bare and plausible_rate(Decimal(bare.group(1))):
        rates = [Decimal(bare.group(1))]  # 「7.1」「按7.1」 answering the rate asked
    rate = session.inputs.get("usd_cny_rate") or (rates[0] if len(set(rates)) == 1 else None)
    if not rate:
        data["currency"] = "USD"
        return False
    if part * rate > total:
        return False
    session.inputs["usd_cny_rate"] = rate
    session.inputs["offshore_usd"] = part
    session.inputs["onshore_cny"] = total - part * rate
    session.last_keys += ["usd_cny_rate", "offshore_usd", "onshore_cny"]
    session.notes.append(
        f"今年执行额{wan(total)}是全年合计，其中离岸{wan(part, '美元')} × {rate} = {wan(part * rate)}：在岸 = "
        f"{wan(total - part * rate)}，离岸部分不重复计入"
    )
    session.clarify = None
    return True


def dollars_given(reader) -> None:
    """「今年总执行额2800万元，其中在岸1.75kw，离岸150万美元（中间价7.0，折合1050万）」: the offshore part in yuan is
    total − onshore, but the user said it in dollars too: 三（二） counts those dollars (the calculator prefers them),
    so the yuan part is dropped and its dollars are never asked."""
    fields = reader.out.fields
    usd, cny = fields.get("offshore_usd"), fields.get("offshore_cny")
    if not usd or cny is None or getattr(reader, "_this_total", None) is None:
        return
    reader.out.clarifications[:] = [
        c
        for c in reader.out.clarifications
        if not (
            (getattr(c, "data", None) or {}).get("key") == "offshore_usd"
            and ((getattr(c, "data", None) or {}).get("said") or {}).get("currency") == "CNY"
        )
    ]
    fields.pop("offshore_cny")
    rate = fields.get("usd_cny_rate")
    if rate and usd * rate != cny:
        reader.out.notes.append(
            f"离岸按您说的{wan(usd, '美元')}计算；按汇率{rate}折合{wan(usd * rate)}，与总额减在岸得出的{wan(cny)}不一致，"
            "请核对"
        )
