"""Which part of a fairs message a figure belongs to (三（五）, read by market_fairs.py).

- A figure of the business (「今年境内差不多2000万 去年1700万」「离岸执行额150万美元」) is never a fair's cost: the words
  since the previous figure name a year or a kind of business, and no fair, place, event or cost word.
- Costs of one fair said together (「一场展位费1.5万加宣传推广费5000」) are one fair's parts, summed.
- 「第二场是2.8万」 after a list of fairs names a fair already told: its cost replaces that fair's, it is no new fair.
- A count of fairs said (「两场」「3个展会」) is a constraint: when the costs read cannot be matched to it, the fairs'
  costs are asked, each figure named, never guessed.
"""

import re
from typing import Optional

from bot.estimate.reading import FAIR_WORDS, YEAR_CUR, YEAR_PREV, word_patterns

_BUSINESS = r"离岸|在岸|执行额|执行金额|业务额|业务量|业务|营收|收入|流水|合同额|销售额|营业额"
_EVENT = r"[一二两三四五六七八九十\d]\s*[场次届]|第[一二三四五六七八九十\d]+[场个次]|每场|单场|这场|那场"
EACH_FAIR = r"每场|每次|每个展|每一场|单场|各场|平均每|每届"
# 「分别」「其中一场」「有两场」「另一场」「第二场」 between costs: they are told of some fairs, or one per fair, not each fair's
SOME_FAIRS = (
    r"分别|各自|依次|其中|有的|个别|部分|另[一外]?[一两二三四五六七八九十\d]*[场次个]|"
    r"有[一两二三四五六七八九十\d]+[场次个]|[一两二三四五六七八九十\d]+[场次个](?:展|活动)?(?:还|又|多|另)|第[一二三四五六七八九十\d]+[场次个]"
)
JOINS = r"\s*(?:加上|外加|另加|再加|加|\+|＋)\s*"  # (「展位费9000和布展1.4万」 after 两场分别 may be two fairs)
LOOSE_JOINS = r"\s*(?:加上|外加|另加|再加|加|\+|＋|、|，|,|和|及|还有)?\s*"
ORDINAL = re.compile(
    r"第([一二三四五六七八九十\d]+)[场个次]\s*(?:的)?(?:费用|展位费)?\s*(?:是|为|改成|改为|应该是|其实是)?\s*$"
)
_ORDINALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


# 「两个问题」「三个方面」, and 「按市里另一个政策拿过补贴」「用区里另一个专项报过」: no count of fairs
NOT_FAIRS = re.compile(
    r"\s*(?:个)?(?:小)?(?:问题|疑问|事情|事儿|事|方面|部分)|"
    r"\s*(?:个|项|份)?(?:[^，,。；;\d场展]{0,5}?的)?(?:政策|文件|办法|规定|专项|资金|口径|渠道)|"
    r"\s*(?:性)?(?:说|讲|问|写|发|列)(?:全|完|清|齐|清楚|明白)"  # 「我把情况一次说全」: once, of the telling, no fair
)


def counts_other_things(text: str, f) -> bool:
    """「两个问题」「三个方面」「另一个政策」: a count of the message's own parts or of other policies, never of fairs."""
    return bool(NOT_FAIRS.match(text, f.end))


def window(text: str, figs: list, f) -> str:
    """The words since the figure before `f` (or its sentence's start), up to `f`."""
    return _window(text, figs, f)


def _window(text: str, figs: list, f) -> str:
    """The words between the figure before `f` (any kind, or the start of its sentence) and `f`."""
    before = [g.end for g in figs if g.end <= f.start and g is not f and g.kind != "year"]  # 「今年」 is a word here
    sentence = max(text.rfind(c, 0, f.start) for c in "。；;！!？?\n") + 1
    return text[max(before + [sentence]) : f.start]


def names_a_fair(text: str, figs: list, f) -> bool:
    """Whether the words since the figure before `f` name a fair or an event (「今年还去了一趟国外参展 商务部门指定的
    花了7万」): its cost, never a year's business amount."""
    window = _window(text, figs, f)
    return bool(re.search(FAIR_WORDS, window) or re.search(_EVENT, window))


def business_words_before(text: str, figs: list, f) -> bool:
    """Whether the words between the last fair or event word before `f` (since the figure before it) and `f` name a
    kind of business (离岸, 在岸, 执行额 …): 「没离岸 还有今年去了一趟国外参展…花了7万」 names none after 参展."""
    window = _window(text, figs, f)
    marks = [m.end() for m in re.finditer(rf"{FAIR_WORDS}|{_EVENT}", window)]
    return bool(re.search(_BUSINESS, window[max(marks or [0]) :]))


def business_amount(text: str, figs: list, f, pending: Optional[str] = None) -> bool:
    """Whether the money figure `f` is an amount of the business, never a fair's cost: the words since the previous
    figure name a year (「去年是1700万」) or a kind of business (「离岸执行额」), and no fair, event, place or cost word
    (「今年参展花了3万」「去年深圳一场3万」 are fairs)."""
    from bot.estimate.reading import region_mentions

    w = word_patterns()
    window = _window(text, figs, f)
    if re.search(FAIR_WORDS, window) or re.search(_EVENT, window):
        return False
    if w["eligible"].search(window) or w["not_covered"].search(window):
        return False
    places = [
        m for m in region_mentions(window) if not re.fullmatch(r"境内|国内|省内|境外|国外|海外", window[m[0] : m[1]])
    ]
    if places:
        return False
    if re.search(_BUSINESS, window):
        return True
    if pending == "fairs":
        return False  # a year alone, answering the fairs' question, does not make it the business's
    return bool(re.search(rf"{YEAR_PREV}|{YEAR_CUR}|(?:19|20)\d\d年", window))


def joined(text: str, a, b, joins: str = JOINS) -> bool:
    """「展位费1.5万加宣传推广费5000」: `b` is another cost of the fair `a` is said of — a cost word of another kind names
    it, joined to `a` by 加 (`joins`: by a space or 、 too, tried only when the count said needs it) with no event or
    each-word between."""
    from bot.estimate.clauses.market_fairs import cost_kind

    w = word_patterns()
    between = text[a.end : b.start]
    word = w["eligible"].search(between)
    if not word or re.search(rf"{_EVENT}|分别|各|每|另一|还有|又", between):
        return False
    if not re.fullmatch(joins, between[: word.start()]) or between[word.end() :].strip(" 是为：:约大概") != "":
        return False
    before = list(w["eligible"].finditer(text, max(0, a.start - 8), a.start))
    return not before or cost_kind(before[-1].group(0)) != cost_kind(word.group(0))


def ordinal_of(text: str, f) -> Optional[int]:
    """k of 「第k场是2.8万」 right before the figure `f`, or None."""
    m = ORDINAL.search(text[max(0, f.start - 14) : f.start])
    if not m:
        return None
    return ordinal_number(m.group(1))


def ordinal_number(k: str) -> Optional[int]:
    """2 for 「二」「两」「2」; None for what is not a one-digit ordinal or a number."""
    if k.isdigit():
        return int(k)
    return _ORDINALS.get(k) if len(k) == 1 else None


# 「其中8万那场」「8万的那一场」「那场8万的」: a cost that names a fair already told, no new cost
_NAMES_AFTER = re.compile(r"\s*(?:的)?\s*(?:那|这)\s*(?:一)?\s*(?:场|个|次|届|趟)")
_NAMES_BEFORE = re.compile(r"(?:那|这)\s*(?:一)?\s*(?:场|个|次|届|趟)\s*(?:是)?\s*$")


def names_told_fair(text: str, f, told: list) -> bool:
    """Whether the money figure `f` names a fair already told by its cost (「费用6万、8万、5万，其中8万那场已经…」):
    its value is among `told` (the costs read so far) and 那场/这场 stand right by it; it is then no new fair's cost."""
    if f.value is None or f.value not in told:
        return False
    if _NAMES_AFTER.match(text, f.end):
        return True
    return bool(_NAMES_BEFORE.search(text[max(0, f.start - 6) : f.start])) and bool(
        re.match(r"\s*的", text[f.end : f.end + 2])
    )
