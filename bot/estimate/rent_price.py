"""三（八）3's rent said as a price per square metre (「租了450平方米，租金1.6元/㎡/天」「每平米每月45元」), or as the
user's own arithmetic (「全年实付租金就是1.6×450×365」): the year's rent the calculator takes.

The year's rent is price × area × the periods of a year: 12 for a month's price (the calendar's), the days of a
year for a day's price — the user's own when said (「一年按360天算」), else the calendar year's 365, said plainly in the
arithmetic (「按一年365天计」): a day's rent × 365 is the ordinary yearly rent of a lease. The area is the whole rented
area (one the message says it is not, 「不是1200平，是900平」, is none); the calculator applies the 1000平方米 cap to
it. Words: knowledge/data/estimate_words.yml rent_price.
"""

import re
from decimal import Decimal
from functools import lru_cache
from typing import Optional

from bot.estimate.expressions import products
from bot.estimate.reading import Clarification, alternation, estimate_words, wan

PER_AREA = re.compile(r"每(平方米|平米|平|㎡|方)|/(平方米|平米|平|㎡|m2)|一平(方米|米)?(?![0-9])")
RENT_WORDS = r"租金|房租|租费|年租|月租|日租"
CONTRACT_WORDS = r"执行额|合同额|营收|业务额"


@lru_cache(maxsize=1)
def _words() -> dict:
    w = estimate_words()["rent_price"]
    return {
        "day": re.compile(alternation(w["per_day"])),
        "month": re.compile(alternation(w["per_month"])),
        "year": re.compile(alternation(w["per_year"])),
        "days": [re.compile(p) for p in w["days_per_year"]],
        "calendar_days": int(w["calendar_days"]),
        "unchanged": re.compile(w["unchanged"]),
    }


UNIT_AREA = re.compile(r"[一1]\s*(平方米|平方|平米|平|㎡|方|m2)")
# between a price and its 「一平」, or between 「一平」 and the price after it: a period word or a slash, nothing else
UNIT_GAP = re.compile(
    r"(?:方米|米)?[\s/]*(?:(?:每|一|1)\s*个?\s*(?:月|天|日|年)|按(?:月|天|日|年))?\s*(?:的)?\s*(?:租金|房租)?\s*(?:是|为|要)?[\s/]*"
)


def unit_areas(found: list, text: str) -> set:
    """ids of the area figures of `found` that are the 「一平」 of a price per square metre: 1 m² right after a money
    figure (「60块一平一个月」) or right before one, period words between (「一平米一个月60元」) — no area rented."""
    money = [f for f in found if f.kind == "money"]
    out = set()
    for f in found:
        if f.kind != "area" or f.value != 1 or not UNIT_AREA.fullmatch((f.raw or text[f.start : f.end]).strip()):
            continue
        before = any(m.end <= f.start and re.fullmatch(r"[\s/]*", text[m.end : f.start]) for m in money)
        after = any(m.start >= f.end and UNIT_GAP.fullmatch(text[f.end : m.start]) for m in money)
        if before or after:
            out.add(id(f))
    return out


def period(near: str) -> Optional[str]:
    """day / month / year: the period of a price per square metre, from the words around it; None when unsaid or
    when both a month and a year are said (「每年…每月」: which one is the price's is not known)."""
    w = _words()
    near = re.sub(
        r"(?:一年|全年|每年|1年)[^，。；,;]{0,6}?[0-9]{3}\s*(?:天|日)", "", near
    )  # 「一年按365天」 is no price's period
    if w["day"].search(near):
        return "day"
    monthly, yearly = w["month"].search(near), w["year"].search(near)
    if bool(monthly) == bool(yearly):
        return None
    return "month" if monthly else "year"


def days_said(text: str):
    """The days of a year the user counts (「一年按365天算」「按360天/年」) and where it says so; (None, None)."""
    for p in _words()["days"]:
        m = p.search(text)
        if m and 1 <= int(m.group(1)) <= 366:
            return int(m.group(1)), m
    return None, None


def days_of_year(text: str):
    """(the days of a year a day's price counts, the words saying them or None): the user's (「一年按360天算」), else
    the calendar year's."""
    days, m = days_said(text)
    return (days, m) if days is not None else (_words()["calendar_days"], None)


def annual_from_days(price: Decimal, area: Decimal, days: int, said: bool = True):
    """(the year's rent, the note that shows it) of a day's price per square metre; `said` False: the calendar year's
    days, named so in the note."""
    annual = price * area * days
    how = "" if said else f"（按一年{days}天计）"
    return annual, f"租金每天每平方米{wan(price)} × {wan(area, '平方米')} × {days}天{how} = 年租金{wan(annual)}"


def words_before(text: str, start: int, n: int) -> str:
    """The `n` characters before `start`, a figure taken back in the message (blanked by bot/understand/retractions.py,
    「每平米每月45块，哦打错了是54块」) left out: the replacement's words are those said before the old figure."""
    return re.sub(r"\s{3,}[，,。；;\s]*", "", text[:start])[-n:]


PRICE_END = re.compile(r"[，。；,;！!？?\s]|租金|房租|补贴|补|能|可以|请问|一共|总共|多少")


def price_words(text: str, f) -> str:
    """The words of a price per square metre itself (「租金每平米每月60块」「60元/㎡/天」「45块一平米一个月」): back to the
    part's start or the figure before it, and on to the first space, mark or word of the question after it
    (「…60块 租金补贴一年能补多少」: that 一年 is the question's, no period of the price)."""
    before = words_before(text, f.start, 10)
    before = re.split(r"[，。；,;！!？?]|[0-9]", before)[-1]
    after = text[f.end : f.end + 8]
    m = PRICE_END.search(after)
    return before + (after[: m.start()] if m else after)


def is_price(r, f, near: str, role: Optional[str]) -> bool:
    """A money figure per square metre in a rent message is the rent's price: after a rent word, or with no other
    cost of its own right before it (「执行额700万 面积250平 每平米每月40元」; never 「特装费每平米800元」)."""
    if not PER_AREA.search(near):
        return False
    if role == "rent":
        return True
    lead = r.text[max(0, f.start - 8) : f.start]
    return not re.search(r"费|特装|展|装修|物业|" + CONTRACT_WORDS, re.split(r"[0-9]", lead)[-1])


def read_per_area(r, f, near: str) -> None:
    """「租金每月每平米45块」: a price per square metre. The year's rent is that price times the one area the message
    gives (or told before; an area the message says it is not, 「不是1200平」, is none), times 12 for a month's
    price, times the days of a year for a day's price (the user's, else 365, said). With no single area or no clear
    period the year's rent is asked, never guessed."""
    price = r.cny(f, "租金")
    areas = [g for g in r.figs if g.kind == "area" and id(g) not in r.denied]
    area = areas[0].value if len(areas) == 1 else None
    if not areas and r.known.get("rent_area_m2"):
        area = Decimal(str(r.known["rent_area_m2"]))
    said = period(near)
    if area is None and said is not None and not areas:
        # 「租金38块一平一个月」 with no area yet: the price is kept, the area asked, the year's rent worked out when the
        # area comes (priced_later)
        r.out.fields[KEPT] = {"price": str(price), "period": said}
        return
    if said is None and len(areas) <= 1:
        # 「每平米45块」: a price with no period — that one thing asked (the area, when unknown, asked after it)
        r.out.clarifications.append(
            Clarification(
                "rent_period",
                f"每平方米{wan(price)}的租金是每月、每天还是每年的？（也可以直接告诉我全年租金总额）",
                {"price": str(price)},
            )
        )
        return
    if area is None:
        listed = "、".join(wan(g.value, "平方米") for g in areas)
        r.out.problems.append(
            f"租金每平方米{wan(price)}：您说了{len(areas)}个面积（{listed}），租赁面积是哪一个？"
            "请告诉我租赁面积，或直接告诉我全年租金总额。"
        )
        return
    if said == "day":
        (annual, note), m = _annual_by_day(r, price, area)
        for g in r.figs:  # 「一年按365天」: its 一年 is no time in the park
            if m and m.start() <= g.start < m.end():
                r.use(g)
    else:
        from bot.estimate import rent_months

        paid = rent_months.paid_months(r.text) if said == "month" else None
        months = paid or (12 if said == "month" else 1)
        annual = price * area * months
        note = (
            f"租金{'每月' if said == 'month' else '每年'}每平方米{wan(price)} × {wan(area, '平方米')}"
            + (f" × {months}个月" if said == "month" else "")
            + f" = 年租金{wan(annual)}"
            + (f"（{rent_months.months_note(r.text)}）" if paid else "")
        )
        if paid:
            rent_months.use_months(r)
    # 「每月45块，哦打错了是54块」: the old price blanked right before this one (not another figure blanked earlier)
    if re.search(r"\s{3,}[，,]?\s*(?:应该是|是|为)?\s*$", r.text[max(0, f.start - 16) : f.start]):
        note += f"（按您更正后的单价{wan(price)}计算）"
    r.out.fields["rent_annual_cny"] = annual
    r.out.notes.append(note)


KEPT = "_rent_unit_price"  # a price per square metre told before the area: {"price", "period"}
PERIOD_WORD = {"day": "每天", "month": "每月", "year": "每年"}


def priced_later(r) -> None:
    """The year's rent of a price per square metre kept from an earlier message (KEPT), once the area is known: the
    same arithmetic as read_per_area (× 12 for a month's price, × the days of a year for a day's price)."""
    kept = r.out.fields.get(KEPT) or (r.known or {}).get(KEPT)
    if not kept or "rent_annual_cny" in r.out.fields or (r.known or {}).get("rent_annual_cny") is not None:
        return
    area = r.out.fields.get("rent_area_m2", (r.known or {}).get("rent_area_m2"))
    if area is None:
        return
    price, area, said = Decimal(str(kept["price"])), Decimal(str(area)), kept["period"]
    if said == "day":
        (annual, note), _ = _annual_by_day(r, price, area)
    else:
        annual, note = annual_of_period(price, area, said)
    r.out.fields["rent_annual_cny"] = annual
    r.out.notes.append(note)


def _annual_by_day(r, price: Decimal, area: Decimal):
    """((the year's rent, its note), the words giving the days or None) of a day's price: the days of a year said in
    the message (「一年按360天」), else the calendar year's, said in the note."""
    days, m = days_of_year(r.text)
    return annual_from_days(price, area, days, said=m is not None), m


def same_over_years(text: str, f) -> bool:
    """「租金38块一平一个月，三年都不变」「三年租金没涨过」: N年 that says the rent stays the same over those years, no time
    in the park and no years of subsidy (words: estimate_words.yml rent_price `unchanged`)."""
    return bool(_words()["unchanged"].match(text, f.end))


def read_expression(r) -> None:
    """「全年实付租金就是1.6×450×365」: a product of the user's own figures after a rent word (or answering the
    question for the year's rent) is the year's rent, shown with its arithmetic."""
    if "rent_annual_cny" in r.out.fields:
        return
    for p in products(r.text):
        before = r.text[max(0, p.start - 16) : p.start]
        rent = [m.end() for m in re.finditer(RENT_WORDS, before)]
        other = [m.end() for m in re.finditer(CONTRACT_WORDS + r"|认证|培训|展|平台|硬件|软件", before)]
        asked = r.pending in ("rent_annual_cny", "clarify") and not other
        if not (rent and max(rent) > max(other or [-1])) and not asked:
            continue
        for g in r.figs:
            if p.start <= g.start < p.end:
                r.use(g)
        r.out.fields["rent_annual_cny"] = p.value
        r.out.notes.append(f"全年租金按您的算式{p.said} = {wan(p.value)}")
        return


def answer_period(text: str, data: dict, area) -> Optional[tuple]:
    """The answer to the period question of a price per square metre (「每月的」「按天」「一年的价」): ((the year's rent,
    note) or None while the area is unknown, the period); a year's rent told outright ((rent, note), None); None when
    the answer gives neither."""
    from bot.estimate.reading import figures

    price = Decimal(data["price"])
    money = [f for f in figures(text) if f.kind == "money" and f.currency in (None, "CNY") and f.value > price]
    if len(money) == 1 and not PER_AREA.search(text):  # 「年租金48.6万」: the year's rent itself
        return (money[0].value, f"全年租金{wan(money[0].value)}（您给出的全年租金）"), None
    said = period(text)
    if said is not None:
        if area is None:
            return None, said
        area = Decimal(str(area))
        if said == "day":
            days, m = days_of_year(text)
            return annual_from_days(price, area, days, said=m is not None), said
        return annual_of_period(price, area, said), said
    return None


def annual_of_period(price: Decimal, area: Decimal, said: str) -> tuple:
    """(year's rent, its arithmetic) of a per-m² price of a month or a year (「每平米每月45元」 × 900平方米 × 12个月)."""
    months = 12 if said == "month" else 1
    annual = price * area * months
    note = (
        f"租金{PERIOD_WORD[said]}每平方米{wan(price)} × {wan(area, '平方米')}"
        + (f" × {months}个月" if said == "month" else "")
        + f" = 年租金{wan(annual)}"
    )
    return annual, note
