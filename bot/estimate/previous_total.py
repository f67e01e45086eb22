"""Last year's business told as ONE total (「去年执行额合计折人民币1.2亿」「去年总共3.2kw」「去年全年执行额一千万」
「去年总的执行额折成人民币是2000万」「去年0.9亿 全部在岸」「去年2000万已经包含离岸了」).

A last-year figure in yuan said to be the whole of that year's business (a whole word between last year's name and it,
or right after it: estimate_words.yml previous_total) is that year's converted total: 三（一）'s increment is this
year's total (onshore + offshore × this year's rate) less it, and neither last year's rate nor its offshore split is
needed or asked. 「全在岸」「没有离岸」 after it says the same with last year's offshore 0. Read as calculator fields
previous_onshore_cny = the total, previous_offshore_usd = 0 (its dollars, if any, are in it), said in a note.

Only when it is the one last-year figure of the business, in yuan, with no 在岸/离岸 word of its own and no last-year
dollar amount beside it; otherwise nothing is read here (a bare 「去年执行额1.5kw」 beside this year's offshore
business is asked about, naming it).
"""

import re
from decimal import Decimal
from typing import Optional

from bot.estimate.reading import (
    OFFSHORE,
    ONSHORE,
    YEAR_CUR,
    YEAR_PREV,
    Clarification,
    alternation as _alt,
    estimate_words,
    wan,
)

# 「含离岸」「包含离岸」: an offshore word that says the total holds it, not a kind of its own
HOLDS_OFFSHORE = rf"(?:含|包含|包括|连同)了?(?:{OFFSHORE})|(?:{ONSHORE})(?:和|与|跟|加|\+|、)?(?:{OFFSHORE})"


def whole_before(words_before: str) -> bool:
    """Whether the words between last year's name and a figure (「执行额合计折人民币」「总的执行额折成人民币是」「总共」)
    say it is the whole of that year's business, with no 在岸/离岸 kind of their own (「含离岸」 is no kind)."""
    w = estimate_words()["previous_total"]
    if re.search(r"\d", words_before):
        return False
    if re.search(rf"{OFFSHORE}|{ONSHORE}", re.sub(HOLDS_OFFSHORE, "", words_before)):
        return False
    return bool(re.search(_alt(w["whole_before"]), words_before))


def said_after(words_after: str) -> Optional[str]:
    """ "whole" / "onshore" / None: what the words right after a last-year figure (up to the next figure or year
    name) say of it: 「是全部执行额」「已经包含离岸了」 → whole; 「（全在岸）」「全部在岸」「没有离岸」 → onshore."""
    w = estimate_words()["previous_total"]
    window = re.split(rf"\d|{YEAR_CUR}|。|；|;", words_after)[0][:16]
    if re.search(_alt(w["all_onshore_after"]), window):
        return "onshore"
    if re.search(_alt(w["whole_after"]), window):
        return "whole"
    return None


def take(reader) -> bool:
    """Read last year's one figure as its whole business if its words say so (see the module); True when read."""
    t = reader.text
    fields = reader.out.fields
    if any(k in fields for k in ("previous_onshore_cny", "previous_offshore_usd")):
        return False
    last_year = [f for f in reader.unused("money") if f.value is not None and reader._year(f.start) == "previous"]
    if len(last_year) != 1 or last_year[0].currency not in (None, "CNY"):
        return False
    if any(
        g.kind == "money" and g.currency == "USD" and reader._year(g.start) == "previous"
        for g in reader.figs
        if g is not last_year[0]
    ):
        return False  # 「去年合计1.2亿 其中离岸300万美元」: a part of it named, read as before
    f = last_year[0]
    # the year's name: 去年/上年, or an explicit year the message makes last year (「2022年：执行额合计5200万元」)
    years = [m.end() for m in re.finditer(YEAR_PREV, t[: f.start])]
    years += [g.end for g in reader.figs if g.kind == "year" and g.value and g.end <= f.start]
    if not years:
        return False
    before = t[max(years) : f.start]
    if not re.fullmatch(r"[^，。；,;！？!?\d]{0,20}", before):
        return False
    if re.search(r"比|较|相比|同比|增加|增长|多|少|减|降|差|涨|跌", before):
        return False  # 「较上年增加了450万」: a difference, never last year's amount
    read = "whole" if whole_before(before) else said_after(t[f.end : f.end + 30])
    if re.search(rf"{OFFSHORE}|{ONSHORE}", re.sub(HOLDS_OFFSHORE, "", before)):
        return False  # 「去年在岸合计1.2亿」: a kind of its own, read as before
    if read is None:
        return False
    from bot.estimate.converted_totals import other_item_near

    if other_item_near(t, f):
        return False
    fields["previous_onshore_cny"] = f.value
    fields["previous_offshore_usd"] = Decimal(0)
    reader.use(f)
    reader.out.notes.append(note(f.value, read))
    _ask_this_years_total(reader, f)
    return True


def _ask_this_years_total(reader, last):
    """「去年总共3.2kw 今年2.6kw 其中今年离岸110万美元」: this year's one yuan figure with no kind of its own, beside this
    year's dollars, may be this year's total (holding the dollars converted) or its onshore part; asked, naming it."""
    t = reader.text
    dollars = [
        g for g in reader.figs if g.kind == "money" and g.currency == "USD" and reader._year(g.start) == "current"
    ]
    this_year = [
        g
        for g in reader.unused("money")
        if g.value is not None and g.currency in (None, "CNY") and reader._year(g.start) == "current"
    ]
    if len(dollars) != 1 or len(this_year) != 1:
        return
    g = this_year[0]
    years = [m.end() for m in re.finditer(YEAR_CUR, t[: g.start])]
    before = t[years[-1] : g.start] if years else ""
    since = t[
        max([h.end for h in reader.figs if h.end <= g.start and h.kind != "year"] + [0]) : g.start
    ]  # 「在岸今年九百万」
    if (
        not years
        or not re.fullmatch(r"[^，。；,;！？!?\d]{0,12}", before)
        or re.search(rf"{OFFSHORE}|{ONSHORE}", since)
    ):
        return
    reader.use(g)
    if _settled_by_direction(reader, last, g, dollars[0]):
        return
    reader.out.clarifications.append(
        Clarification(
            "business_kind",
            f"今年的{g.raw}是今年在岸（境内，人民币）执行额，还是已含离岸{dollars[0].raw}折算后的全年合计？"
            f"（上年{wan(last.value)}我按全年合计计算。）",
            {
                "values": [{"value": str(g.value), "year": "current", "said": g.raw}],
                "value": str(g.value),
                "year": "current",
                "whole": True,
            },
        )
    )


def _settled_by_direction(reader, last, g, dollars) -> bool:
    """「今年业务掉了点」: this year's figure read the one way that agrees with the direction told
    (bot/estimate/stated_direction.py); True when read."""
    from bot.estimate import stated_direction

    grew = stated_direction.stated(reader.text)
    rate = reader.out.fields.get("usd_cny_rate")
    usd = dollars.value
    if grew is None or not rate or usd is None:
        return False
    read = stated_direction.reading(g.value, last.value, usd, rate, grew)
    if read is None:
        return False
    reader.out.fields["onshore_cny"] = g.value - usd * rate if read == "whole" else g.value
    reader.out.notes.append(stated_direction.note(g.value, last.value, usd, rate, grew, read))
    return True


def answer_reads(text: str) -> Optional[str]:
    """ "whole" / "onshore" / None: what an answer says of a figure asked about (「1.5kw是全部执行额」「2.6kw是含离岸折算后的
    总数」「去年2000万已经包含离岸了」 → whole; 「全在岸」「去年没有离岸」 → onshore)."""
    w = estimate_words()["previous_total"]
    if re.search(_alt(w["all_onshore_after"]), text):
        return "onshore"
    if re.search(_alt(w["whole_after"] + w["whole_before"] + w["answer_whole"]), text):
        return "whole"
    return None


def note(value: Decimal, read: str) -> str:
    """What the total was read as, said with the answer."""
    if read == "onshore":
        return f"您说上年{wan(value)}全部是在岸业务：上年离岸按{wan(Decimal(0), '美元')}计，增量 = 今年执行额合计 − {wan(value)}"
    return (
        f"您说上年执行额{wan(value)}是全年业务的总额（已含折算后的离岸部分）：增量 = 今年执行额合计"
        f"（在岸 + 离岸 × 今年汇率） − {wan(value)}，不需要上年汇率和离岸拆分"
        f"（计算中上年按合计记为“在岸”、“离岸{wan(Decimal(0), '美元')}”）"
    )


def names_a_kind(text: str) -> bool:
    """Whether an answer names 在岸/离岸 as the figure's kind (「是在岸的」), once the words that say a total holds
    offshore business (「含离岸」) or that a year had none (「没有离岸」) are set aside."""
    rest = re.sub(HOLDS_OFFSHORE, "", text)
    rest = re.sub(rf"(?:没有|没|无|不是|非)[^，,。；;\d]{{0,2}}(?:{OFFSHORE}|{ONSHORE})(?:业务)?", "", rest)
    rest = re.sub(_alt(estimate_words()["previous_total"]["all_onshore_after"]), "", rest)
    return bool(re.search(rf"{OFFSHORE}|{ONSHORE}|美元|美金", rest))
