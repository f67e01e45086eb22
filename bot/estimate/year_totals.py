"""Both years' business told as whole totals, this year's offshore dollars beside them (「总执行额含离岸从去年的5600万掉到
今年4900万 其中今年离岸80万美元」「全年执行额（离岸已折人民币）去年2亿今年3亿；今年离岸$5M」「去年执行额折合人民币4000万，今年
5500万（离岸已经按7.1折算进去了），其中今年离岸120万美元」「去年服务外包执行额3000万 今年掉到2600万 今年离岸那块150万美元」).

Two yuan figures, last year's then this year's, named only as the business (执行额) with no 在岸/离岸 kind of their own
(「含离岸」「离岸已折人民币」 say the total holds offshore business; they are no kind), are each year's whole business:
三（一）'s increment is this year's total less last year's, as given, and the dollar figure (said with its own 离岸 word,
this year's) is 三（二）'s only, never added again. Read when the words before the first year's name say the totals are
whole for both years (estimate_words.yml previous_total whole_before, or an offshore word with a converted word after
it), when each figure says so of itself, or when the words name the business plainly (执行额) and neither figure
carries a whole word of its own (a lone 「去年总共3.2kw 今年2.6kw」 leaves this year's figure open: previous_total asks)
and the dollars are not said to be besides them (「另外离岸100万美元」: asked as before).

The dollars may come before the totals too (「离岸300万美元，中间价按7.0；全部服务外包执行额（离岸已经折成人民币）去年4000万今年
9000万」) when the totals say of themselves that they are whole (a parenthesis 「（含离岸）」「（离岸已按中间价折合成人民币）」
「（包括离岸，已折合人民币）」); with no dollar figure at all and no other business figure, the increment is the totals'
difference and 三（二）'s dollars are asked on their own. Never 「…是美元还是人民币」 of such totals.

This year's total may be said first (「今年执行总额（含离岸，按人民币）4800万，去年4200万；离岸120万美元」「今年服务外包执行总额
3100万（离岸部分已经按6.9折进去了），去年是2800万」, a correction of last year's taken back before): the same reading,
whole by the words before this year's figure or its parenthesis; dollars said after last year's total with no year
of their own are this year's (last year's offshore is inside its total). Words that leave open whether the totals hold
the offshore part (「离岸的不确定算没算进去」, previous_total not_whole) keep them from being read as whole.

Calculator fields: with this year's rate, this year's onshore = total − dollars × rate, last year's onshore = its total,
last year's offshore 0 (as bot/estimate/converted_totals.py); with no rate yet, the increment itself (increment_cny =
the difference, 0 when the business fell), which needs no rate. Said in a note.
"""

import re
from decimal import Decimal
from typing import Optional

from bot.estimate.reading import OFFSHORE, ONSHORE, YEAR_CUR, YEAR_PREV, alternation as _alt, estimate_words, wan

# the words a year's business is named by (the policy's 服务外包合同执行额)
_BUSINESS = r"执行额|执行金额"
# the words allowed between the two totals: the second year's name and the words of a change (「掉到今年」「今年降到了」)
_CHANGE_WORDS = (
    r"[\s，,、了的是为有就则而呢啊只]|掉到|降到|跌到|减到|下滑到|缩水到|涨到|升到|增到|增加到|增长到|变成|变为|到|至|"
    r"业务|执行额|大概|约|差不多|总|20\d\d\s*年度?"  # 「2020年执行额1.2亿 2021年总执行额2.5亿」: the year named by number
)
# words that put the dollar figure beside the business named before it, not inside it
_BESIDE = r"另外|此外|另有|另加|额外|加上|再加|除此之外|之外还"
# 「折成人民币」「折合成人民币」「换算为人民币」「算成RMB」: converted into yuan
_INTO_YUAN = r"(?:折|换|算)[合算成为]{0,2}(?:人民币|rmb|RMB)"
# a change said before a figure: a difference, never a year's amount
_DIFFERENCE = r"比|较|相比|同比|多了|少了|增加了|增长了|减少了|多出"


def _converted_phrase() -> str:
    """An offshore word with a converted/included word after it (「离岸已折人民币」「离岸已经按7.1折算进去了」)."""
    w = estimate_words()["converted_totals"]
    converted = w["converted_after"] + w["included_after"] + ["折算", "换算", "已折"]
    return rf"(?:{OFFSHORE})[^，。；,;！？!?]{{0,12}}?(?:{_alt(converted)}|{_INTO_YUAN})"


def holds_offshore(words: str) -> bool:
    """「含离岸」「包括离岸，已折人民币」「离岸部分已经按6.9折进去了」: the words say a figure holds offshore business,
    converted into yuan."""
    return bool(re.search(_converted_phrase(), words) or re.search(rf"(?:含|包含|包括|连同)了?(?:{OFFSHORE})", words))


def _holds_stripped(words: str) -> str:
    """The words with those that say a total holds offshore business set aside (no kind of their own)."""
    words = re.sub(_converted_phrase(), "", words)
    return re.sub(
        rf"(?:含|包含|包括|连同)了?(?:{OFFSHORE})|(?:{ONSHORE})(?:和|与|跟|加|\+|、)?(?:{OFFSHORE})", "", words
    )


def _whole(words: str) -> bool:
    """Whether the words say the figure(s) after them are the year's whole business."""
    whole = _alt(estimate_words()["previous_total"]["whole_before"])
    return bool(re.search(whole, words) or re.search(_converted_phrase(), words))


def _whole_after(after: str) -> bool:
    """「（离岸已经按7.1折算进去了）」「是合计」 right after a figure: it is the year's whole business."""
    w = estimate_words()["previous_total"]
    return bool(re.search(_converted_phrase(), after) or re.search(_alt(w["whole_after"]), after))


def doubts_whole(words: str) -> bool:
    """Whether the words say it is open (or not so) that a total holds the offshore part (「离岸的不确定算没算进去」;
    estimate_words.yml previous_total not_whole)."""
    return bool(re.search(_alt(estimate_words()["previous_total"]["not_whole"]), words))


def _doubted(t: str, begin: int, end: int) -> bool:
    """Whether the sentences from `begin` to the one holding `end` doubt that the totals are whole."""
    stop = min([i for i in (t.find(c, end) for c in "。；;\n") if i >= 0] + [len(t)])
    return doubts_whole(t[begin:stop])


def _own_year(reader, f) -> bool:
    """Whether the figure's own words (back to a comma, a stop or the figure before it) name a year
    (「去年离岸120万美元」)."""
    t = reader.text
    start = max([t.rfind(c, 0, f.start) for c in "，。；,;！？!?\n"] + [-1]) + 1
    start = max([start] + [g.end for g in reader.figs if g.end <= f.start and g.kind != "year"])
    return bool(re.search(rf"{YEAR_PREV}|{YEAR_CUR}|\d{{4}}年", t[start : f.start]))


def _dollars(reader, totals, before: bool, last_said_last: bool = False) -> Optional[object]:
    """This year's one offshore dollar figure with its own offshore word, said after the totals (or before them, when
    `before`: the totals say of themselves that they are whole). When last year's total is said last
    (`last_said_last`), dollars whose own clause names no year are this year's: last year's offshore is in its total."""
    t = reader.text
    usd = [f for f in reader.figs if f.kind == "money" and f.value is not None and f.currency == "USD"]
    if len(usd) != 1 or (totals[0].start < usd[0].start < totals[-1].end):
        return None
    if usd[0].start < totals[0].start and not before:
        return None
    f = usd[0]
    if reader.out.fields.get("offshore_usd", f.value) != f.value:
        return None
    if reader._year(f.start) not in ("current", None) and not (last_said_last and not _own_year(reader, f)):
        return None  # 「…，去年4200万；离岸120万美元」: last year's name before it is the total's, not the dollars'
    since = t[max([g.end for g in reader.figs if g.end <= f.start and g.kind != "year"] + [0]) : f.start]
    return f if re.search(OFFSHORE, since) else None


def _without_dollars(reader, pair) -> bool:
    """「服务外包执行额（离岸已折成人民币）去年3000万今年4200万」 with no dollar figure at all and no other business
    figure: 三（一）'s increment is the difference of the whole totals, needing no rate (三（二）'s dollars are asked
    on their own); never a question whether the totals are 美元 or 人民币."""
    from bot.estimate.converted_totals import other_item_near

    if any(f.kind == "money" and f.currency == "USD" for f in reader.figs):
        return False
    others = [f for f in reader.unused("money") if f not in pair and not other_item_near(reader.text, f)]
    if others:
        return False
    first, second = pair
    difference = second.value - first.value
    reader.out.fields["increment_cny"] = max(Decimal(0), difference)
    for f in pair:
        reader.use(f)
    change = change_words(difference)
    holds = "（已含折算后的离岸部分）" if re.search(OFFSHORE, reader.text) else ""
    reader.out.notes.append(
        f"您说的执行额是两年各自的全年合计{holds}：上年{wan(first.value)}、今年{wan(second.value)}，"
        f"今年比上年{change}；增量按两年合计直接相减，离岸部分不重复计入（增量不需要汇率）"
    )
    return True


def _this_year_first(header: str, bracket, after: str) -> bool:
    """「今年执行总额（含离岸，按人民币）4800万，去年4200万」「今年服务外包执行总额3100万（离岸部分已经按6.9折进去了），去年
    是2800万」: this year's total said first is whole only by its own words (before it or its parenthesis) or by last
    year's after it; a plain 「今年执行额2600万 去年2150万，今年还接了个离岸的单子110万美元」 leaves open whether the
    dollars are inside (asked)."""
    return _whole(header) or bool(bracket and _whole_after(bracket.group(0))) or _whole_after(after)


def take(reader) -> bool:
    """Read the two years' totals and this year's dollars (see the module), last year's first or this year's first
    (「今年执行总额…4800万，去年4200万」); True when read."""
    t = reader.text
    fields = reader.out.fields
    if any(k in fields for k in ("onshore_cny", "previous_onshore_cny", "previous_offshore_usd", "increment_cny")):
        return False
    from bot.estimate.converted_totals import other_item_near

    moneys = [
        f
        for f in reader.unused("money")
        if f.value is not None and f.currency in (None, "CNY") and reader._year(f.start) in ("previous", "current")
    ]
    pair = [f for f in moneys if not other_item_near(t, f)][:2]
    years = [reader._year(f.start) for f in pair]
    if sorted(years) != ["current", "previous"]:
        return False
    reverse = years[0] == "current"
    first, second = pair
    last, this = (second, first) if reverse else (first, second)
    if any(g.kind == "money" and first.end <= g.start and g.end <= second.start for g in reader.figs):
        return False
    begin = max([t.rfind(c, 0, first.start) for c in "。；;！？!?\n："] + [-1]) + 1
    begin = max([begin] + [g.end for g in reader.figs if g.end <= first.start and g.kind != "year"])
    # 「…能拿离岸奖励吗 服务外包执行额（含离岸）上年…」: a question ended before the totals is none of their words
    asked = list(re.finditer(r"[吗呢嘛](?:[\s，,]|$)", t[begin : first.start]))
    begin += asked[-1].end() if asked else 0
    # 「折合人民币4000万」: 人民币 is in the figure's own text
    header = t[begin : first.start] + re.match(r"\D*", first.raw).group(0)
    between = t[first.end : second.start]
    end = min([i for i in (t.find(c, second.end) for c in "。；;\n") if i >= 0] + [len(t)])
    after = t[second.end : min(end, second.end + 24)]
    after_first = re.match(r"\s*[（(][^）)]{0,20}[）)]", between)
    if after_first:
        between = between[after_first.end() :]
    # 「去年合计2亿，今年合计2.5亿」: the second year's own whole word, between the two figures
    whole_words = _alt(estimate_words()["previous_total"]["whole_before"])
    second_name = YEAR_PREV if reverse else YEAR_CUR
    if not re.fullmatch(rf"(?:(?:{second_name})度?|{_CHANGE_WORDS}|{whole_words})*", between):
        return False
    this_name = list(re.finditer(second_name, between))
    said_whole = bool(this_name) and _whole(between[this_name[-1].end() :])
    if re.search(rf"{OFFSHORE}|{ONSHORE}|美元|美金", _holds_stripped(header)):
        return False  # 「去年在岸3000万 今年2600万」: a kind of its own, read as before
    if re.search(_DIFFERENCE, header) or re.search(_DIFFERENCE, between):
        return False
    if reverse:
        if not _this_year_first(header, after_first, after):
            return False
        plain = False
    else:
        numbered = re.search(r"(20\d\d)\s*年度?", header)  # 「2020年执行额1.2亿」 (20年 written out as 2020年)
        prev_name = YEAR_PREV + (f"|{numbered.group(1)}\\s*年度?" if numbered else "")
        name = re.search(rf"{prev_name}", header)
        shared, own = (header[: name.start()], header[name.end() :]) if name else (header, "")
        second_whole = said_whole or _whole_after(after) or bool(after_first and _whole_after(after_first.group(0)))
        plain = re.search(_BUSINESS, header) and not _whole(header) and not second_whole
        # 「2020年执行额1.2亿 2021年总执行额2.5亿（含离岸折算）… 2020年没有离岸」: last year's figure is its whole business
        none_before = re.search(
            rf"(?:{prev_name})[^，。；,;\d]{{0,4}}(?:没有|没|无|不做|未做)[^，。；,;\d]{{0,3}}(?:{OFFSHORE})", t
        )
        # 「去年执行额1.2亿，今年2亿（离岸部分都已经按各年中间价折成人民币算进去了）」: said of both years' totals
        both_whole = second_whole and bool(re.search(r"各年|两年|每年|历年|两个年度", after[:40]))
        # 「合同执行额去年1.5亿今年2.3亿(离岸已折人民币算进去了)」: the business named once for both years, the second
        # said to hold its converted offshore part: both are that business's whole totals
        bracket = re.match(r"\s*[（(][^）)]{0,24}[）)]", after)
        named_once = bool(re.search(_BUSINESS, header) and bracket and _whole_after(bracket.group(0)))
        if not (
            _whole(shared)
            or (_whole(own) and second_whole)
            or (second_whole and none_before)
            or both_whole
            or plain
            or named_once
        ):
            return False
    usd = _dollars(reader, pair, before=not plain, last_said_last=reverse)
    if _doubted(t, begin, max([second.end] + ([usd.end] if usd is not None else []))):
        return False  # 「离岸的不确定算没算进去」: whether the totals hold the offshore part is open: asked as before
    # 「在岸离岸合计执行额今年2000万 去年2050万」: the whole words before this year's name are both years' (R62E027)
    first_name = re.search(YEAR_CUR, header) if reverse else None
    shared_whole = bool(first_name) and _whole(header[: first_name.start()])
    if usd is None:
        if reverse and not (said_whole or shared_whole or _whole_after(after)):
            return False  # 「今年在岸加离岸一共2000万 去年1500万」 with no dollars: last year's kind is open (asked)
        return not plain and _without_dollars(reader, [last, this])
    if plain and re.search(_BESIDE, t[second.end : usd.start]):
        return False  # 「去年执行额3000万 今年4000万 另外离岸100万美元」: beside the totals, not in them (asked)
    from bot.estimate.converted_totals import rate_after

    # 「离岸部分今年150万美元，按6.8算」: the rate said right after the dollars, with no 汇率 word
    rate = fields.get("usd_cny_rate") or rate_after(reader, usd, re.sub(r"^\s*[，,]", "", t[usd.end : usd.end + 30]))
    if rate and usd.value * rate > this.value:
        return False  # the converted dollars cannot be inside this year's total: asked as before
    fields["offshore_usd"] = usd.value
    for f in (first, second, usd):
        reader.use(f)
    said = f"上年{wan(last.value)}、今年{wan(this.value)}"
    difference = this.value - last.value
    if rate:
        part = usd.value * rate
        fields["usd_cny_rate"] = rate
        fields["onshore_cny"] = this.value - part
        fields["previous_onshore_cny"] = last.value
        fields["previous_offshore_usd"] = Decimal(0)
        how = (
            f"（计算中今年的“在岸”是合计减去离岸折算额 {wan(usd.value, '美元')} × {rate} = {wan(part)}，"
            "上年按合计记为“在岸”、“离岸0美元”）"
        )
    else:
        fields["increment_cny"] = max(Decimal(0), difference)
        how = "（增量不需要汇率）"
    change = change_words(difference)
    reader.out.notes.append(
        f"您说的执行额是两年各自的全年合计（已含折算后的离岸部分）：{said}，今年比上年{change}；"
        f"增量按两年合计直接相减，离岸部分不重复计入{how}；离岸业务奖励另按今年离岸{wan(usd.value, '美元')}计算，两项互不影响"
    )
    return True


def change_words(difference) -> str:
    """How this year's total differs from last year's, as a note says it (增加… / 减少…，没有增量 / 没有增加，没有增量)."""
    if difference == 0:
        return "没有增加，没有增量"
    return f"增加{wan(difference)}" if difference > 0 else f"减少{wan(-difference)}，没有增量"
