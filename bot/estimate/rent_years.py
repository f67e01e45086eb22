"""三（八）3's years said in other shapes than 「入驻N年」 (bot/estimate/clauses/rent.py reads those):

- the entry year (「我们2016年入驻的重点园区」「入驻时间是2019年」「21年进的园区」): the years in the park are counted from
  it to this year (or the year the user says it applies in, 「2024年申请」). Only whole calendar years are known, so
  a difference of exactly 三年 (which may be less than three full years, the month unsaid) is left to be asked; more
  is 三年以上, fewer is not.
- the period asked (「连着四年都申请」「四年一共能补多少」「房租补贴四年加起来最多能拿多少」): the years the user asks the
  subsidy for, not years already subsidised. The clause's limit (补贴期限最多N年, knowledge/data/figures.yml 3.8.3
  max_years) caps it; period_line() says what that period comes to once the year's award is known.
"""

import re
from datetime import date
from functools import lru_cache
from decimal import Decimal
from typing import Optional

from calculator.policy import fig as policy_figure
from bot.estimate.reading import alternation, estimate_words

# 「搬进」「落户」 only into a park (「2016年搬到郑州」 says nothing of the park)
ENTER = r"(?:入驻|进驻|入园|进园|进的园|(?:搬进|搬到|搬入|迁入|落户|进了|进入|进到)(?=[^，。；,;\s]{0,10}园))"
# 「2016年入驻」「16年3月就进驻了」「2019年底搬进园区」
ENTRY_BEFORE = re.compile(
    r"(?<![\d.])((?:19|20)\d{2}|[12]\d)\s*年\s*(?:底|初|中|年底|年初|[0-9一二两三四五六七八九十]{1,2}\s*月份?)?"
    r"\s*(?:的时候)?\s*(?:就|才|刚|便|开始|起)?\s*" + ENTER
)
# 「入驻时间是2016年」「入驻于2019年」「入园是在18年」
ENTRY_AFTER = re.compile(ENTER + r"(?:的)?(?:时间|年份)?\s*(?:是|为|于|在|是在)\s*((?:19|20)\d{2}|[12]\d)\s*年")
# 「2024年申请」「2024年度申报」: the year the subsidy is asked for
APPLY_YEAR = re.compile(r"(?<![\d.])(20\d{2})\s*年度?\s*(?:的)?\s*(?:申请|申报)")
# 「23年还能不能领」「24年能申请吗」: a two-digit year the subsidy is asked for
APPLY_SHORT = re.compile(
    r"(?<![\d.])([12]\d)\s*年度?\s*(?:的)?\s*(?:还|能|可以|可不可以|能否|是否|申请|申报)(?:[^，。；,;]{0,6}(?:领|拿|申请|申报|补|享受))"
)
# a two-digit N年 that is a calendar year (「21年和22年两年的租金补贴已经领过了」「23年合同执行额1350万」): beside another
# such year, or followed by what a year names (its business, the question for it), never after words of a length of time
SHORT_YEAR_PAIR = re.compile(r"\s*(?:和|、|与|跟|及|至|到|-|~|—|/)\s*[12]\d\s*年")
SHORT_YEAR_AFTER = re.compile(
    r"\s*(?:度|底|初|年底|年初|[0-9一二三四五六七八九十]{1,2}\s*月|的(?:时候|执行额|合同|业务|营收|租金|房租|补贴)|还|能|可以|可不可以|能否|是否|申请|申报|合同|执行额|"
    r"业务|营收|开始|起|就|才|入驻|进驻|入园|进的)"
)
LENGTH_BEFORE = re.compile(
    r"(?:入驻|入园|进驻|园区|园里|成立|满|有|了|待|呆|享受|领|拿|补|近|快|将近|超过|已经|已|共|一共|连续|连着)\s*$"
)


def short_calendar_years(text: str, figs) -> list:
    """The figures of `figs` that are two-digit calendar years said as 「21年」 (the parser reads a length of time):
    2015 up to next year, each beside another such year or followed by what a year names."""
    out, shorts = [], []
    for f in figs:
        raw = text[f.start : f.end]
        if f.kind != "duration_years" or not re.fullmatch(r"[12]\d\s*年", raw):
            continue
        if not 15 <= int(f.value) <= this_year() % 100 + 1 or LENGTH_BEFORE.search(text[max(0, f.start - 4) : f.start]):
            continue
        shorts.append(f)
    for f in shorts:
        paired = SHORT_YEAR_PAIR.match(text, f.end) or any(
            SHORT_YEAR_PAIR.fullmatch(text, g.end, f.end) for g in shorts if g.end < f.start
        )
        if paired or SHORT_YEAR_AFTER.match(text, f.end):
            out.append(f)
    return out


def this_year() -> int:
    """The calendar year now (a function, so tests fix it)."""
    return date.today().year


def _calendar(said: str) -> int:
    return int(said) if len(said) == 4 else 2000 + int(said)


def entry_year(text: str) -> Optional[tuple]:
    """(year, start, end) of the year the enterprise entered the park, or None."""
    m = ENTRY_BEFORE.search(text) or ENTRY_AFTER.search(text)
    if not m:
        return None
    return _calendar(m.group(1)), m.start(1), m.end(0)


def years_since(entered: int, text: str) -> tuple:
    """(years, reference year): whole calendar years from the entry year to the year applied for (said, else now)."""
    m = APPLY_YEAR.search(text) or APPLY_SHORT.search(text)
    ref = _calendar(m.group(1)) if m and _calendar(m.group(1)) > entered else this_year()
    return ref - entered, ref


def read_entry(r) -> None:
    """Sets rent_years_in_park from an entry year (its figure used), with a note; a difference of exactly the
    clause's years is left to be asked (full years unknown), a future year is left alone."""
    if "rent_years_in_park" in r.out.fields:
        return
    found = entry_year(r.text)
    if not found:
        return
    entered, start, end = found
    years, ref = years_since(entered, r.text)
    for f in r.figs:
        if f.start < end and f.end > start and f.kind in ("year", "duration_years"):
            r.use(f)
    need = policy_figure("3.8.3", "years_in_park")
    if years < 0:
        return
    if years == need:
        r.out.notes.append(f"{entered}年入驻，到{ref}年是否已满{need:g}年要看入驻的月份，请告诉我入驻了几年（满几年）")
        return
    r.out.fields["rent_years_in_park"] = Decimal(years)
    r.out.notes.append(
        f"{entered}年入驻，到{ref}年约{years}年，" + (f"已满{need:g}年以上" if years > need else f"不满{need:g}年")
    )


@lru_cache(maxsize=1)
def _words() -> dict:
    """The compiled words of estimate_words.yml `rent_years`."""
    w = estimate_words()["rent_years"]
    verb = rf"(?:{alternation(w['asked_verbs'])})?"  # 「明年起连续申请3年」: the verb of asking right before the number
    return {
        "ahead": re.compile(rf"(?:{alternation(w['ahead'])})(?:的|这|那|这个|再|连续|连着|都)*{verb}\s*$"),
        "after_park": re.compile(rf"(?:{alternation(w['ahead_after_park'])})\s*(?:园区|了)?\s*$"),
        "supposed": re.compile(
            rf"(?:{alternation(w['supposed'])})(?:的话)?(?:都|再|连续|连着|是|这|{alternation(w['ahead'])})*{verb}\s*$"
        ),
        "past_before": re.compile(rf"(?:{alternation(w['past_before'])})[^，。；,;!?！？\s\d]{{0,6}}$"),
        "past_after": re.compile(w["past_after"]),
        "asked_after": re.compile(w["asked_after"]),
        "asked_verb": re.compile(w["asked_verb"]),
        "term_before": re.compile(w["term_before"]),
        "term_after": re.compile(w["term_after"]),
        "until_before": re.compile(w["until_before"]),
        "until_after": re.compile(w["until_after"]),
    }


CLAUSE_BREAK = r"[，。；,;！!？?\n]"


def _own_before(text: str, start: int) -> str:
    """The words of the number's own clause before it (a space ends a clause too: 「执行额900万 3年一共…」)."""
    return re.split(CLAUSE_BREAK + r"|\s", text[max(0, start - 14) : start].rstrip())[-1]


def _own_after(text: str, end: int) -> str:
    """The words of the number's own clause after it (spaces right after it kept: 「3年 一共能拿多少」)."""
    seg = text[end : end + 28]
    lead = len(seg) - len(seg.lstrip())
    return seg[:lead] + re.split(CLAUSE_BREAK + r"|\s", seg[lead:])[0]


def is_term(text: str, f) -> bool:
    """Whether the N年 figure `f` is a lease's term or the business's years (「租期3年」「签了五年的租赁合同」「租约是3年
    一签」「近三年执行额」「合同执行额连续三年超过800万」): no year in the park, of the subsidy or asked."""
    w = _words()
    return bool(w["term_before"].search(_own_before(text, f.start)) or w["term_after"].match(_own_after(text, f.end)))


def is_until(text: str, f) -> bool:
    """Whether the N年 figure `f` is a time to wait (「再过1年」「还差一年就满三年」「两年后能申请吗」)."""
    w = _words()
    return bool(
        w["until_before"].search(_own_before(text, f.start)) or w["until_after"].match(text[f.end : f.end + 12])
    )


def is_period(text: str, f) -> bool:
    """Whether the N年 figure `f` is the period the user asks the subsidy for (「接下来5年」「以后三年的房租补贴」
    「3年一共能拿多少」「三年内最多能拿多少」「要是连着四年都申请」), not years had (「已经享受了2年」「拿过1年」) nor the
    years in the park (「入驻4年了」)."""
    w = _words()
    if f.value == 1:
        return False  # 「租金补贴一年能补多少」: a year's amount asked, the award itself
    before, after = _own_before(text, f.start), _own_after(text, f.end)
    if w["past_before"].search(before) or w["past_after"].match(after):
        return False
    ahead = w["ahead"].search(before)
    if ahead and not w["after_park"].search(before[: ahead.start()]):
        return True
    if w["asked_after"].match(after):
        return not re.search(r"入驻|入园|进驻|进园|在园|园区|园里|搬进|搬来|待了|呆了", before)
    return bool(w["supposed"].search(before) and w["asked_verb"].match(after))


def period_line(inputs: dict, item: dict) -> Optional[str]:
    """What the asked period comes to, for a qualified rent item: at most the years still open under the clause's
    limit, each at this year's award (the rent and area said to stay the same, as the answer says)."""
    asked = inputs.get("_rent_years_asked")
    if not asked or not item.get("qualified"):
        return None
    max_years = int(policy_figure("3.8.3", "max_years"))
    had = int(inputs.get("rent_years_subsidized") or 0)
    left = max(0, max_years - had)
    years = min(int(asked), left)
    award = Decimal(str(item["amount_cny"]))
    total = (award * years).quantize(Decimal("0.01"))
    head = f"您问的{int(asked)}年："
    if int(asked) > left:
        had_text = f"已享受{had}年，" if had else ""
        head += f"补贴期限最多{max_years}年，{had_text}只能补{years}年，超出的{int(asked) - years}年不予补贴；"
    return head + f"年租金和面积不变的话，{years}年合计{total:,.2f}元（约{total / 10000:,.2f}万元）"


def period_notes(inputs: dict, result: dict) -> list:
    """[period_line] for the rent item of `result`, or []."""
    item = next((i for i in result.get("items", []) if i.get("code") == "3.8.3"), None)
    line = item and period_line(inputs, item)
    return [line] if line else []


def is_entry_year(text: str, start: int) -> bool:
    """Whether the year figure at `start` says when the enterprise entered the park (「2016年入驻」), not the year of the
    business (bot/estimate/understand.py leaves it out of the business year); 「入驻时间是2020年」 too."""
    return ENTRY_BEFORE.match(text, start) is not None or any(m.start(1) == start for m in ENTRY_AFTER.finditer(text))
