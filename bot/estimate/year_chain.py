"""Amounts of several calendar years in one message (「今年在岸4,000万…如果明年做到5,500万、后年做到1亿，这两年的增量
奖励各是多少」「今年离岸80万美元…明年做到130万美元…」): each year asked about is estimated against the year before it.

Calendar words (去年/今年/明年/后年 …, estimate_words.yml `years.calendar`) count from the present year; the estimate's
own words (本年度/上一年度) count from the year estimated. A figure belongs to the last calendar word before it (a word
inside a closed aside only to the figures in that aside). For one year asked, the message is read with that year's
words as 今年 and the year before's as 去年; the figures of other years are left out (a cost of another item —
a fair, a platform — is left out in the year before too: only the business amounts are compared).
"""

import re
from dataclasses import dataclass
from typing import List, Optional

from bot.estimate.reading import OFFSHORE, ONSHORE, alternation, estimate_words, figures

BUSINESS_CODES = {"3.1", "3.2", "3.3"}
# the words put in place of a calendar word, by its length: the year estimated, the year before it, any other year
CURRENT = {2: "今年"}
PREVIOUS = {2: "去年"}
OTHER = {2: "某年"}


@dataclass(frozen=True)
class YearWord:
    start: int
    end: int
    word: str
    offset: int  # years from the present one


def _calendar() -> dict:
    return {str(k): int(v) for k, v in estimate_words()["years"]["calendar"].items()}


# a month (and day) between a year word and a founding word (「2023年3月新成立的」「21年10月份才注册」): the year is
# still the year the enterprise was set up in; a month matters nothing to 三（一）'s first year
MONTH_TAIL = r"份?(?:\s*[0-9]{1,2}\s*[日号])?"
FOUNDED_MONTH = rf"(?:\s*(?:[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月{MONTH_TAIL})?"
FOUNDED_FILLER = "的时候|就|才|刚|已经|已|底|初|年底|年初"  # 「2021年才成立」; never 「2021年在系统注册」
FOUNDED_WORDS = r"新成立|新设立|新注册|刚成立|才成立|刚注册|才注册|成立|设立|注册"  # checked against estimate_words.yml
NUMERIC_YEAR = re.compile(
    r"(?<![0-9.])(20[0-9]{2}|[0-9]{2})(?:\s*年(?:度)?(?![0-9]*[个天]|[0-9]*月(?!"
    + MONTH_TAIL
    + rf"\s*(?:{FOUNDED_FILLER})?\s*(?:{FOUNDED_WORDS})))"
    + r"|(?=\s*(?:和|与|跟|及|、)\s*(?:20)?[0-9]{2}\s*年))"
)  # 「22年」「2023年度」, and 「2022和2023年」's first year, which shares the second's 年; 「2023年3月」 only founding
DURATION_BEFORE = re.compile(
    r"(入驻|满|领了?|签了?|已经?|享受了?|运营了?|成立了?|经营了?|做了|干了|有|近|共|合计|连续)\s*$"
)
SERIES_OF_OTHER = re.compile(r"研发|投入")  # 「研发投入21年1200万 22年…」: 三（三）'s own series, read by its clause


def numeric_words(text: str) -> List[YearWord]:
    """The years written as numbers (「21年」「2022年」「23年度」), each standing for its own calendar year (offset: the
    year itself, 2021), when a message names no calendar word: a two-digit one is of this century (15–35); a duration
    (「入驻15年」「满20年」) is none. [] for a message with an R&D series (三（三）reads its own years)."""
    if SERIES_OF_OTHER.search(text):
        return []
    out = []
    for m in NUMERIC_YEAR.finditer(text):
        digits = m.group(1)
        year = int(digits) if len(digits) == 4 else 2000 + int(digits)
        if not 2015 <= year <= 2035 or DURATION_BEFORE.search(text[max(0, m.start() - 4) : m.start()]):
            continue
        out.append(YearWord(m.start(), m.end(), m.group(0), year))
    return out


def calendar_words(text: str) -> List[YearWord]:
    """Every calendar word of `text`, in order (not inside another word: 以后年度, 明后年); with none, the years written
    as numbers (numeric_words)."""
    cal = _calendar()
    blocked = {str(k): "".join(map(str, v)) for k, v in estimate_words()["years"]["calendar_not_after"].items()}
    out = []
    for m in re.finditer(alternation(cal), text):
        word = m.group(0)
        if m.start() and text[m.start() - 1] in blocked.get(word, ""):
            continue
        out.append(YearWord(m.start(), m.end(), word, cal[word]))
    return out or numeric_words(text)


def _asides(text: str) -> list:
    return [(m.start(), m.end()) for m in re.finditer(r"[（(][^（）()]*[）)]", text)]


def asides(text: str) -> list:
    """(start, end) of each closed aside (「（…）」) of `text`: a calendar word inside one dates only its figures."""
    return _asides(text)


def year_of(words: List[YearWord], pos: int, asides: list) -> Optional[int]:
    """The calendar year of the figure at `pos`: the last calendar word before it, a word in a closed aside counting
    only inside that aside; None when no word comes before it."""
    inside = next(((a, b) for a, b in asides if a <= pos < b), None)
    last = None
    for w in words:
        if w.start >= pos:
            break
        aside = next(((a, b) for a, b in asides if a <= w.start < b), None)
        if aside is None or aside == inside:
            last = w
    return last.offset if last else None


# 「技先是前年认定的」「2016年入驻」: a year word that dates an event (a status granted, a park entered) dates no amount
# told after it; 「2021年去了4场国外展 每场9万」 and 「2022年刚成立 22年离岸60万美元」 (the first business year) still do
EVENT_DATE = re.compile(r"[^，,。；;！？?!\d]{0,3}?(?:认定|评定|认证通过|入驻|进驻|获批|批下来)")


def other_subject(text: str, pos: int) -> bool:
    """Whether the figure at `pos` is told of another subject than the business (「研发投入前年500万，去年450万，今年600万」):
    the last subject word of its sentence before it is one of estimate_words.yml `years.other_subjects`, with no
    business word after it. Such figures date facts of other clauses (三（三）'s R&D growth), never a year's business."""
    start = max(text.rfind(c, 0, pos) for c in "。；;！!？?\n") + 1
    before = text[start:pos]
    other = list(re.finditer(alternation(estimate_words()["years"]["other_subjects"]), before, re.I))
    if not other:
        return False
    business = rf"{OFFSHORE}|{ONSHORE}|执行额|执行金额|外包业务|业务额"
    return not re.search(business, before[other[-1].end() :])


def _dated_money(text: str):
    words, asides = calendar_words(text), _asides(text)
    money = [f for f in figures(text) if f.kind == "money" and f.value is not None and not other_subject(text, f.start)]
    dating = [w for w in words if not EVENT_DATE.match(text, w.end)]
    return words, [(f, year_of(dating, f.start, asides)) for f in money]


def years_with_money(text: str) -> List[int]:
    """The calendar years (20xx) a money figure of the message is dated in, in order."""
    _, dated = _dated_money(text)
    return sorted({y for _, y in dated if y is not None and y > 1000})


def asked_years(text: str) -> List[int]:
    """The calendar years to estimate, each against the year before it; [] when the message is no chain of years
    (amounts in fewer than two calendar years, or only in 去年/今年-like pairs that the reader reads as they are).
    A question naming years with amounts (「明年总共能拿多少」) asks those; else every year with amounts but the
    first (「这两年各是多少」)."""
    words, dated = _dated_money(text)
    years = sorted({y for _, y in dated if y is not None})
    if len(years) >= 2 and each_alone(text):
        return years  # 「2021年离岸130万美元…2022年离岸95万美元 两年离岸奖励加起来多少」: every year on its own
    # 「2021年新成立的…21年…22年…两年一共多少」: the year the enterprise was set up in is estimated too (纯增量)
    first = len(years) >= 2 and founded_year(text) == years[0] and _asks_several(text)
    last = max((f.end for f, _ in dated), default=0)
    # a year word after the amounts asks about that year, unless a figure follows it (「汇率21年6.45」 is a rate's year)
    asked = {w.offset for w in words if w.start >= last and not re.match(r"\s*[0-9]", text[w.end :])}
    before = _asked_before(text, words, dated)
    asked |= before
    if not first and (len(years) < 2 or (max(years) < 1 and len(years) < 3) or (min(years) > 1000 and len(years) < 3)):
        # two numbered years (「22年1000万 23年1300万」) are read as they are, like 去年/今年; unless the question names
        # the earlier one (「算一下2023年度的…」 over rows 2023 and 2024): that year, its year before not told
        early = sorted(before & set(years[:-1])) if min(years, default=0) > 1000 else []
        return early[:1] if len(early) == 1 and max(years) not in asked else []
    count = re.search(r"([两二三四五六])个?年", text[last:])  # 「21年成立…21年 22年 23年…这两年各多少」: the later two
    if first and count and {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}[count.group(1)] < len(years):
        first = False
    candidates = years if first else years[1:]
    named = sorted(asked & set(candidates))
    return named or candidates


NOT_BEFORE = r"没|无|未|不|非"


def _asked_before(text: str, words: List[YearWord], dated) -> set:
    """The years named by a question said before the amounts (「麻烦算下2023年度增量奖励和离岸奖励分别多少，合计多少」 over
    the rows 2022, 2023, 2024): a year word that dates no amount (no money figure before the next year word) and dates
    no event, whose words — from its clause's start to the next year word — hold an asking word and, after the year
    word, an award word (estimate_words.yml `years.asked_before`)."""
    said = estimate_words()["years"]["asked_before"]
    asking, award = alternation(said["asking"]), alternation(said["award"])
    out = set()
    for k, w in enumerate(words):
        upto = words[k + 1].start if k + 1 < len(words) else len(text)
        if any(w.end <= f.start < upto for f, _ in dated) or EVENT_DATE.match(text, w.end):
            continue
        start = max(text.rfind(c, 0, w.start) for c in "，,。；;！!？?\n") + 1
        after = re.split(r"[。；;！!？?]", text[w.end : upto], maxsplit=1)[0]
        # 「2023年没有离岸 能拿多少」: an award word said not to be is a fact of that year, no question about it; 「汇率
        # 23年7.0467 22年6.7261，增量奖励…多少」: a year word with a figure after it dates that figure (a rate)
        named = [
            m
            for m in re.finditer(award, after)
            if not re.search(NOT_BEFORE, after[max(0, m.start() - 3) : m.start()])
            and not re.search(r"\d", after[: m.start()])
        ]
        if named and re.search(asking, text[start : w.start] + after):
            out.add(w.offset)
    # 「帮我把22年和23年两年的增量奖励…都算一下」: a year joined to the next one asked is asked with it
    for k in range(len(words) - 2, -1, -1):
        w, nxt = words[k], words[k + 1]
        if nxt.offset in out and re.fullmatch(r"\s*(?:和|与|跟|及|、|,|，|至|到|-|~)\s*", text[w.end : nxt.start]):
            out.add(w.offset)
    return out


def _asks_several(text: str) -> bool:
    """Whether the message asks about each year or the years summed (years.each_asked, years.summed)."""
    return asks_sum(text) or bool(re.search(alternation_of_patterns(estimate_words()["years"]["each_asked"]), text))


def founded_year(text: str) -> Optional[int]:
    """The calendar year the enterprise was set up in (「我们2021年新成立的」「21年才注册」: a calendar word right
    before a founding word, estimate_words.yml `years.founded`), or None."""
    for w in calendar_words(text):
        if founded_year_word(text, w.end):
            return w.offset
    return None


def founded_year_word(text: str, end: int) -> bool:
    """Whether the year word ending at `end` is followed by a founding word (「2021年才成立」「21年新注册的」)."""
    founded = alternation(estimate_words()["years"]["founded"])
    return re.match(rf"{FOUNDED_MONTH}\s*(?:{FOUNDED_FILLER})?\s*(?:{founded})", text[end:]) is not None


OFFSHORE_ONLY = {"3.2"}


def each_alone(text: str) -> bool:
    """Whether every year told is estimated on its own, the first too (「21年离岸120万美元…22年95万美元…每年各多少
    三年合计多少」): the message names the offshore award alone (三（二）, which reads one year's amount and that
    year's rate, never the year before's) and asks about each year or the years added up (estimate_words.yml
    `years.each_asked`). A message naming the increment too, or asking one year (「去年离岸90万美元 今年130万美元
    能拿多少」), is read as before."""
    from bot.estimate.items import detect_items

    codes = set(detect_items(text))
    if not codes or not codes <= set(estimate_words()["years"]["each_alone"]):
        return False  # 「2021年去了4场国外展…2022年去了7场…两年加起来」: fairs' and certifications' caps are yearly too
    if "3.2" in codes and (codes != OFFSHORE_ONLY or re.search(r"在岸|境内|增量", text)):
        return False
    years = estimate_words()["years"]
    if (
        "3.2" not in codes
    ):  # 「…认证费分别12万和18万」 beside 今年/去年 business amounts: no years of fairs or certificates
        if re.search(alternation(years["each_year_not"]), text):
            return False
        return bool(re.search(alternation_of_patterns(years["each_year_asked"]), text))
    return bool(re.search(alternation_of_patterns(years["each_asked"]), text))


def alternation_of_patterns(patterns: list) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def other_item(segment: str) -> bool:
    """Whether `segment` names an item other than the business amounts (a fair, a platform …)."""
    from bot.estimate.items import detect_items

    return bool(set(detect_items(segment)) - BUSINESS_CODES)


_other_item = other_item


def _segment(text: str, pos: int) -> tuple:
    start = max(text.rfind(c, 0, pos) for c in "，,。；;！!？?\n") + 1
    end = re.search(r"[，,。；;！!？?\n]|$", text[pos:])
    return start, pos + end.start()


def names_other_item(text: str, pos: int) -> bool:
    """Whether the part of `text` around `pos` (between punctuation) names an item other than the business amounts
    (a fair, a platform …): a figure there is that item's cost."""
    s, e = _segment(text, pos)
    return _other_item(text[s:e])


def _renamed(chars: list, words: List[YearWord], year: int, alone: bool = False) -> str:
    for w in words:
        table = CURRENT if w.offset == year else PREVIOUS if w.offset == year - 1 and not alone else OTHER
        new = table.get(len(w.word), table[2].ljust(len(w.word)))
        chars[w.start : w.end] = list(new)
    return "".join(chars)


def focus(text: str, year: int) -> str:
    """`text` read for the calendar `year`: its words become 今年, the year before's 去年, other years' 某年; the
    figures of other years are blanked, and in the year before only the business amounts are kept (a part naming
    another item is blanked, its year word left). Same length: every figure keeps its place."""
    words, asides = calendar_words(text), _asides(text)
    chars = list(text)
    alone = each_alone(text)
    _founded_before(text, chars, words, year)
    from bot.estimate.items import detect_items

    if alone and "3.2" not in detect_items(text):
        _blank_other_years(text, chars, words, year)
    for f in figures(text):
        if f.kind == "year":
            continue
        y = year_of(words, f.start, asides)
        if y is None or y == year:
            continue
        if alone:  # 三（二） alone: the year before's figures are no part of this year's estimate
            chars[f.start : f.end] = [" "] * (f.end - f.start)
            continue
        s, e = _segment(text, f.start)
        if _other_item(text[s:e]):
            for i in range(s, e):
                if not any(w.start <= i < w.end for w in words):
                    chars[i] = " "
        elif y != year - 1:
            chars[f.start : f.end] = [" "] * (f.end - f.start)
    return _renamed(chars, words, year, alone)


def _blank_other_years(text: str, chars: list, words: List[YearWord], year: int) -> None:
    """Fairs or certifications of several years (「2021年新拿了CMMI3级 认证费15万…2022年又新做了一个SAS70 花了50万」)
    read for one `year`: another year's words up to its last figure are blanked (its fairs' counts, its
    certifications' names), so no name or count of that year is read with this year's figures. Unless `year`'s own
    words name no certification (「22年新拿的CMMI3 认证费30万 然后23年做监督维护花了六万」: 23年's upkeep is of the
    one told before): only the figures are blanked then (focus)."""
    from bot.estimate.reading import CERT_NAME

    spans = [(w.end, words[i + 1].start if i + 1 < len(words) else len(text)) for i, w in enumerate(words)]
    if not any(CERT_NAME.search(text[a:b].lower()) for w, (a, b) in zip(words, spans) if w.offset == year):
        return
    for i, w in enumerate(words):
        if w.offset == year:
            continue
        end = words[i + 1].start if i + 1 < len(words) else len(text)
        last = max((f.end for f in figures(text[w.end : end]) if f.kind in ("money", "count")), default=0)
        for j in range(w.end, w.end + last):
            chars[j] = " "


def _founded_before(text: str, chars: list, words: List[YearWord], year: int) -> None:
    """In the estimate of a year after the one the enterprise was set up in (「2021年新成立的」 read for 2022), the
    founding word reads as set up before (「就成立」): that year is no 新增企业's first year."""
    founded = founded_year(text)
    if founded is None or founded >= year:
        return
    pattern = alternation(estimate_words()["years"]["founded"])
    for w in words:
        if w.offset != founded:
            continue
        m = re.match(rf"({FOUNDED_MONTH}\s*(?:{FOUNDED_FILLER})?\s*)({pattern})", text[w.end :])
        if m:
            start = w.end + m.start(1)
            chars[start : w.end + m.end(2)] = list("就成立".ljust(m.end(2) - m.start(1)))[: m.end(2) - m.start(1)]
            return


def relabel(text: str, year: int) -> str:
    """A later answer of an estimate for calendar `year` (「今年按7.1，明年也先按7.1估」 for 明年): its calendar words
    read as that estimate's years; nothing is blanked."""
    return _renamed(list(text), calendar_words(text), year)


def name(year: int) -> str:
    """The user's word for a calendar year (0 今年, 1 明年 …)."""
    if year > 1000:
        return f"{year}年"
    return next((w for w, y in _calendar().items() if y == year), f"{year:+d}年")


def basis_note(year: int) -> str:
    """What the estimate for `year` compares (said with the answer)."""
    return f"按{name(year)}与{name(year - 1)}相比测算：{name(year - 1)}的数字作为上一年度，{name(year)}的数字作为本年度"


def alone_note(year: int, offshore: bool = True) -> str:
    """What the estimate for `year` reads when each year is estimated on its own (each_alone): the offshore award,
    or fairs' and certifications' costs with their yearly caps."""
    if not offshore:
        return f"按{name(year)}的费用单独测算（每场、每项上限和全年上限、每年项目数均按{name(year)}一个年度计算）"
    return f"按{name(year)}的离岸执行额和{name(year)}的汇率单独测算（第三条第（二）项只看当年，不与其他年度比较）"


def first_year_note(year: int) -> str:
    """What the estimate for the year the enterprise was set up in reads (founded_year)."""
    return f"{name(year)}是企业设立的第一年：业务规模增量奖励按新增企业首年计算纯增量（当年执行额全额）"


def in_user_words(text: str, year: int) -> str:
    """A reply of the estimate for calendar `year` in the user's calendar words: its 今年 is `year`, its 上年 the year
    before, its 上一年度 named (「上一年度（今年）」); the note that says so (basis_note) is left as it is."""
    if not year:
        return text
    note, prev = basis_note(year), name(year - 1)

    def word(m):
        w = m.group(0)
        if w == "今年":
            return name(year)
        if w == "上年":
            return prev
        return w if text[m.end() : m.end() + 1] in "（(" else f"{w}（{prev}）"

    return note.join(re.sub(r"今年|上一年度|上年度|上年(?!度)", word, part) for part in text.split(note))


def asks_sum(text: str) -> bool:
    """Whether the message asks the years' awards added up (「两年合计多少」「加起来一共多少」: estimate_words.yml
    `years.summed`)."""
    return bool(re.search(alternation(estimate_words()["years"]["summed"]), text))


def sum_line(totals: list) -> str:
    """The years' awards added up, each year's named (a year with none shown as 0元): what the user asked for; each
    year is still applied for on its own."""
    from decimal import Decimal

    from calculator.text import yuan

    parts = [f"{name(year)}{yuan(Decimal(str(total)))}" for year, total in totals]
    whole = sum((Decimal(str(total)) for _, total in totals), Decimal(0))
    # computed awards in one style (「154,800.00元 + 1,157,550.00元」), never mixed with 万 (「15.48万元 + 1,157,550元」)
    return (
        f"{len(totals)}个年度合计：{' + '.join(parts)} = {yuan(whole)}（约{whole / 10000:,.2f}万元，各年度分别申报）。"
    )
