"""Read a user's message into calculator inputs: each figure with its unit, currency and role.

Plain Python. A figure's role comes from the words before it (去年/今年, 离岸/在岸, 每场/合计,
境内/境外 …), inherited from earlier in the message when the user leaves it out
("去年在岸2000万元，今年2600万元"). What cannot be read safely is not guessed: it becomes a
`Clarification` that the dialogue asks about ("150万" with no currency; "3场展会花了15万":
每场还是合计?). Assumptions that are safe but worth saying (a cost with no currency is in
元; a total spread evenly over events) become `notes` that the answer restates.

This module reads what several clauses share (exchange rates, the business amounts of 三（一）、
（二）, yes/no items); each clause's own figures are read by its module in bot/estimate/clauses/,
called in the registry's reading order with this Reader and its public helpers (unused, use, cny,
spread, item_costs …).
"""

import re
from decimal import Decimal
from typing import Optional

from bot.estimate.reading import (  # noqa: F401  (re-exported: the reader's vocabulary, read by the session)
    alternation,
    both_kinds_total,
    plausible_rate,
    OTHER_AMOUNT_WORDS,
    CERT_NAME,
    FAIR_WORDS,
    NONE_WORDS,
    OFFSHORE,
    OTHER_ITEM_WORDS,
    ONSHORE,
    RATE_HINT,
    SEGMENT,
    YEAR_CUR,
    YEAR_PREV,
    Clarification,
    Reading,
    each_cost_question,
    each_of_two_years,
    only_one_year,
    english_to_chinese,
    estimate_words,
    figures,
    region_mentions,
    segment_of,
    wan,
    word_patterns,
)
from bot.estimate import (
    applicants,
    claims,
    converted_increment,
    converted_totals,
    previous_total,
    cross_rates,
    fair_roles,
    foreign_costs,
    currency_asks,
    double_claim,
    fair_trips,
    fair_split,
    restated_figures,
    lists,
    not_covered,
    past_awards,
    relative_figures,
    rent_tables,
    rent_years,
    stated_increment,
    tables,
    total_relations,
    total_parts,
    whole_of_parts,
    unit_heading,
    vague_figures,
    year_totals,
    yuan_offshore,
)
from bot.estimate.policy_figures import is_policy_figure
from bot.estimate.year_label import label_before, pair_headings_blanked
from bot.nlu.normalize import normalize
from bot.understand.bare_answers import facts_in_topic
from bot.understand.facts import read_facts_cached
from bot.understand.retractions import without_retracted
from knowledge import shapes
from knowledge.figures import figure
from knowledge.text import mend_typos_in_place
from knowledge.figures import words as figure_words


def _before(text: str, pos: int, words: str, stop_at: int = 0) -> Optional[str]:
    """The last match of `words` in text[stop_at:pos], or None."""
    last = None
    for m in re.finditer(words, text[stop_at:pos]):
        last = m.group(0)
    return last


def _words(words) -> str:
    """An alternation of words (longest first)."""
    return alternation(words)


def _outside_asides(text: str) -> str:
    """`text` with each closed aside 「（去年2亿，都是人民币）」 blanked (same length): its year word names
    only the figures inside it, not the ones after it; so is a heading naming two years (「今年 vs 去年：」)."""
    return re.sub(r"[（(][^（）()]*[）)]", lambda m: " " * len(m.group(0)), pair_headings_blanked(text))


def established_earlier(text: str) -> bool:
    """「其实上年就注册了」「前年已经成立」 (estimate_words.yml established_earlier): set up before the year
    rewarded, so no 新增企业 that year."""
    w = estimate_words()["established_earlier"]
    pattern = (
        rf"({_words(w['years'])}|(19|20)\d\d年)[^，。；,;\d]{{0,4}}({_words(w['already'])})[^，。；,;\d]{{0,2}}"
        rf"({_words(w['verbs'])})"
    )
    if re.search(pattern, text):
        return True
    # 「公司2016年就有了」: an explicit year before the policy's first year (2020) with an already word
    m = re.search(rf"((?:19|20)\d{{2}})年[^，。；,;\d]{{0,2}}({_words(w['already'])})(有了|{_words(w['verbs'])})", text)
    return bool(m) and int(m.group(1)) < int(figure("3.1", "start_year"))


def founded_in(text: str, year_end: int) -> bool:
    """「2022年就成立了」: the explicit year ending at `year_end` says when the applicant was set up (estimate_words.yml
    established_earlier), not the year of the business."""
    w = estimate_words()["established_earlier"]
    pattern = rf"[^，。；,;\d]{{0,4}}({_words(w['already'])})[^，。；,;\d]{{0,2}}({_words(w['verbs'])})"
    return re.match(pattern, text[year_end:]) is not None


def other_kind_part(after: str, kind: str, kind_named: bool = False) -> Optional[str]:
    """The words in `after` (the text after an amount of `kind`, up to the next amount) saying a part of it is of
    the other kind (estimate_words.yml part_of_other_kind), or None. `kind_named`: the amount's kind was said with
    it (「在岸2800万」); then words adding to it (besides: 「还有一部分离岸」) tell business beside it, not a part."""
    words = estimate_words()
    w = words["part_of_other_kind"]
    other = ONSHORE if kind == "offshore" else OFFSHORE
    if kind != "offshore":  # 「里面有新加坡客户的单子」: a client abroad is offshore business
        abroad = _words(w["abroad"] + words["places"]["overseas"])
        other = rf"{other}|(?:{abroad})(?:的)?(?:{_words(w['clients'])})"
    m = re.search(rf"({_words(w['parts'])})[^，。；,;\d]{{0,{int(w['within'])}}}?({other})", after)
    if m and kind_named and re.search(rf"({_words(w['besides'])})[也还]?有?\s*$", after[: m.start()]):
        return None  # 「在岸做了2800万，还有一部分离岸」: business beside the amount, not a part of it
    if not m or re.search(rf"({NONE_WORDS}|不是|没)\s*$", after[: m.start(2)][-3:]):
        # 「离岸占大头」「offshore为主」: the other kind named first, then the share it has of the whole
        m = re.search(rf"(?<!不)({other})[^，。；,;\d]{{0,3}}?({_words(w['shares'])})", after)
        if not m or re.search(rf"({NONE_WORDS}|不是|没)\s*$", after[: m.start(1)][-3:]):
            return None
    return m.group(0)


def parts_note(parts: list, unit: str) -> str:
    """「80万美元、45万美元合计125万美元」: the contracts of one year's amount, added up."""
    values = [Decimal(str(p)) for p in parts]
    return f"{'、'.join(wan(v, unit) for v in values)}合计{wan(sum(values), unit)}"


def _year_of(text: str, pos: int) -> Optional[str]:
    text = _outside_asides(text[:pos])
    prev = [
        m.end()
        for m in re.finditer(YEAR_PREV, text[:pos])
        if not re.search(r"(没有|没|无)$", text[max(0, m.start() - 2) : m.start()])  # 「没有上一年度」
    ]
    cur = [m.end() for m in re.finditer(YEAR_CUR, text[:pos])]
    if not prev and not cur:
        return None
    return "previous" if (max(prev) if prev else -1) > (max(cur) if cur else -1) else "current"


def _names_business(text: str, m) -> bool:
    """「国外一场展位费…」「境内的展会」: a bare place word that a fair follows in its clause places the fair;
    it says nothing of 离岸/在岸 business."""
    if m.group(0) not in ("境外", "国外", "海外", "境内", "国内"):
        return True
    clause = re.split(r"[，,。；;！!？?]|\d", text[m.end() :])[0]
    return not re.search(FAIR_WORDS, clause)


def _said_none(text: str, m) -> bool:
    """「纯离岸业务 没有境内 今年150万美元」「（不含离岸）」: a kind word right after a negation says there is none of
    it; it names no figure after it."""
    # 「（不含离岸）」「（不包括离岸业务）」: set apart, as 「无离岸」
    return bool(re.search(r"(没有|没|无|不做|不含|不包括|不包含|除了|除去)$", text[max(0, m.start() - 3) : m.start()]))


def _none_of_another_thing(text: str, m) -> bool:
    """「没有增量 离岸奖励能拿多少」: the none is said of what stands between it and 离岸 (增量, 增长), and the 离岸 after
    it names the award asked about, not business that was none."""
    gap = text[m.end(1) : m.start(2)]
    return bool(re.search(r"增量|增长|增加|涨", gap)) and bool(
        re.match(r"(?:业务)?(?:的)?(?:奖励|奖|补贴|那)", text[m.end() :])
    )


# things other than the year's business a 「去年没有」 right after them is said of (「发明专利是今年才第一次拿到的 去年没有」)
OTHER_THINGS_NONE = re.compile(r"(专利|软著|著作权|认证|资质|展会|展|培训|实习|认定|研发)[^，。；,;]{0,14}$")


def _none_of_a_named_thing(text: str, pos: int) -> bool:
    """「发明专利是今年才第一次拿到的 去年没有」: the none said of the patents named just before, not of last year's
    business (it had made last year's offshore amount 0 and an increment award nobody asked for)."""
    before = text[max(0, pos - 16) : pos]
    return bool(OTHER_THINGS_NONE.search(before)) and not re.search(r"业务|执行额|离岸|在岸|收入|营收", before)


def _figure_follows(after: str) -> bool:
    """A figure of its own right after a kind word said to be none (「没有离岸 今年离岸150万美元」); not one that
    another kind word or a rate names first (「去年没有离岸业务 就在岸那900w」「去年没有离岸业务 汇率就按7.1」), nor one on
    the next line (a line break ends the words, as a full stop does)."""
    m = re.match(r"[^，。；,;\n]{0,8}?\d", after)
    if (
        m
        and re.match(r"(?:^|(?<=\s))\d{1,2}\s*[.、．)）](?![\d万千百])", after[m.end() - 1 :])
        and (m.end() == 1 or after[m.end() - 2].isspace())
    ):
        return False  # 「去年没有离岸 3. 连续两年…」: the next item's number in a list, no figure
    if m and re.match(r"(?:20)?\d{2}\s*(?:年|[、和跟与及,，]\s*(?:20)?\d{2}\s*年)", after[m.end() - 1 :]):
        return False  # 「没离岸 22年23年都拿了新专利」: a year named, no amount
    return bool(m) and not re.search(rf"在岸|境内|国内|{RATE_HINT}", m.group(0))


def both_years_after(text: str, end: int) -> bool:
    """「在岸800万两年都有」「onshore 8 million both years」「在岸800万 两年一样」: the words right after a figure say it holds
    for both years (estimate_words.yml years.both.after), ended by a break, a space or the end of the message, or by a
    same-word (一样/相同); 「800万两年都有新软著」 speaks of something else."""
    both = estimate_words()["years"]["both"]
    unit = r"(?:元|人民币|块|rmb|cny|yuan|美元|美金|usd|dollars?)?"  # 「5 million yuan each year」
    m = re.match(rf"\s*{unit}\s*[,，]?\s*(?:的)?\s*({_words(both['after'])})", text[end:], re.I)
    if not m:
        return False
    rest = text[end + m.end() :]
    return not rest or rest[0] in " \t，。；,;.!?！？\n" or re.match(_words(both["same"]), rest) is not None


def rate_both_years_after(text: str, end: int) -> bool:
    """「rate 7.1 both years」「按7.0 两年都用这个」「汇率7 两年通用」: the words right after a rate say it is both years'
    (estimate_words.yml years.rate_both_after), ended by a break or the end of the message; 「汇率7.1 两年都拿了新软著」
    speaks of something else."""
    words = estimate_words()["years"]["rate_both_after"]
    m = re.match(rf"\s*[,，]?\s*(?:{_words(words)})", text[end:], re.I)
    if not m:
        return False
    rest = text[end + m.end() :]
    return not rest or rest[0] in " \t，。；,;.!?！？\n"


def _kind_of(text: str, pos: int) -> Optional[str]:
    off = [m for m in re.finditer(OFFSHORE, text[:pos]) if _names_business(text, m)]
    on = [m for m in re.finditer(ONSHORE, text[:pos]) if _names_business(text, m)]
    if any(not _said_none(text, m) for m in off + on):  # a kind said to be none yields to one that is not
        off, on = [m for m in off if not _said_none(text, m)], [m for m in on if not _said_none(text, m)]
    off, on = [m.end() for m in off], [m.end() for m in on]
    if not off and not on:
        return None
    return "offshore" if (max(off) if off else -1) > (max(on) if on else -1) else "onshore"


def _kind_left_behind(text: str, pos: int) -> bool:
    """The last 在岸/离岸 word before `pos` had its own figure, and a year word starts a new statement
    before `pos` (「离岸0 去年1200万」): that word does not name the figure at `pos`."""
    marks = [m.end() for m in re.finditer(f"{OFFSHORE}|{ONSHORE}", text[:pos])]
    if not marks:
        return False
    between = text[marks[-1] : pos]
    return bool(re.search(rf"(\d|没有|无|零)[^\d]*?({YEAR_PREV}|{YEAR_CUR}|前年)[^\d]{{0,4}}$", between))


# the offshore business said to be none (「没有离岸」「海外业务没有」): a fair abroad is no business
# the asker's local clients or orders (「都是本地单位的」「全是本地客户」): business inside the country, onshore; not the
# company itself (「都是本地注册的」 says where it is set up)
LOCAL_CLIENTS = r"(?:单位|客户|甲方|单子|订单|业务|项目|合同|生意)"
OFFSHORE_NONE = r"离岸|(?:境外|海外|国外|国际)的?(?:业务|客户|单子|订单|执行额|收入)"


def _bare_pair_for_increment(text: str, moneys: list) -> bool:
    """「增量奖励 系统里的数是2800万和2300万 都是在岸的」: two amounts listed side by side for the increment with no
    year word anywhere: which is this year's is asked, never taken from their order."""
    a, b = moneys
    if not re.fullmatch(r"\s*(和|跟|与|及|、|,|，|/)\s*", text[a.end : b.start]) and not _one_and_other(text, a, b):
        return False
    if re.search(rf"{YEAR_PREV}|{YEAR_CUR}|前年|[0-9]{{4}}\s*年|本年|当年|上年|增长|增加|多了|涨", text):
        return False
    return re.search(r"增量|规模", text) is not None


def _one_and_other(text: str, a, b) -> bool:
    """「业务一个是800万 一个是1200万」「一年1500万 另一年1300万」: two amounts told as 'the one … the other' with no
    contract, project or order counted (then they are parts of one year's amount, added)."""
    one = r"(一|另一|另外一)(个|笔|年|块)?(是|为|有)?\s*"
    if not re.search(one + r"$", text[max(0, a.start - 8) : a.start]):
        return False
    if not re.fullmatch(r"[，,、\s]*(还有|然后)?" + one, text[a.end : b.start]):
        return False
    return not re.search(r"合同|项目|订单|单子|客户|部门|子公司|分公司|业务线", text)


def _kind_after(text: str, end: int) -> Optional[str]:
    """On/offshore named right after a figure, as in "150万美元离岸"; not a kind said to be none there
    (「去年180万 离岸没做」: 离岸 names no figure)."""
    m = re.match(rf"[^，。；,;]{{0,2}}({OFFSHORE}|{ONSHORE})", text[end : end + 10])
    rest = text[end + m.end() : end + m.end() + 4] if m else ""
    if m and re.match(rf"(业务|执行额)?(也|都|是|为)?({NONE_WORDS}|0(?![\d.]))", rest):
        return None
    if m and re.search(r"没|无|不|非", text[end : end + m.start(1)]):
        return None  # 「今年0.3亿 没离岸」「3000万 无离岸」: the kind said to be none names no figure
    if m and year_totals.holds_offshore(text[end + m.start(1) : end + m.end() + 14]):
        return None  # 「今年2亿（离岸已折好人民币）」: the figure holds its offshore part converted; no kind of its own
    shares = _words(estimate_words()["part_of_other_kind"]["shares"])
    if m and re.match(rf"(?:业务|的|客户|部分)?\s*(?:{shares})", text[end + m.end() : end + m.end() + 8]):
        return None  # 「3.5 million 离岸为主」: 离岸 names the larger share of the figure, not its kind
    if not m or (
        re.match(r"[^，。；,;]{0,3}[0-9一二三四五六七八九十两]", rest) and not re.match(r"\s*(汇率|中间价)", rest)
    ):
        return None  # "3亿+离岸300万美元": that word names the next figure
    return "offshore" if re.match(OFFSHORE, m.group(1)) else "onshore"


def kind_of_figure(text: str, start: int, end: int) -> Optional[str]:
    """onshore / offshore of the figure at text[start:end] as the words around it say (None when they say neither)."""
    return _kind_of(text, start) or _kind_after(text, end)


def _kind_closes_after(text: str, end: int) -> bool:
    """「50万美元离岸，」「120万美元离岸业务」: the on/offshore word right after a figure ends its clause, so it names
    that figure (not one after it, and not 「离岸没有」)."""
    m = re.match(rf"[^，。；,;]{{0,2}}?({OFFSHORE}|{ONSHORE})", text[end : end + 10])
    # a space closes it too (「今年离岸100万美元 100万在岸 离岸奖励多少」), unless a figure follows (「离岸 50万美元」)
    return bool(
        m
        and re.match(r"(\s*(的?(业务|执行额|合同|部分|收入)|[，。；,;！!？?\n]|$)|\s+(?![0-9]))", text[end + m.end() :])
    )


def _with_currency(f, currency: str):
    """The same figure with the currency its parallel figure was said in."""
    from dataclasses import replace

    return replace(f, currency=currency)


def _yuan_named(text: str, f) -> bool:
    """Whether a money figure with no currency of its own is said to be in yuan by the words beside it."""
    if f.kind != "money" or f.currency is not None:
        return False
    return bool(
        shapes.search("yuan_named_before", text[max(0, f.start - 10) : f.start])
        or shapes.search("yuan_named_after", text[f.end : f.end + 8])
    )


def _segments(text: str):
    """(start, end) of each clause of the message."""
    start = 0
    for m in SEGMENT.finditer(text):
        if m.start() > start:
            yield start, m.start()
        start = m.end()
    if start < len(text):
        yield start, len(text)


SHORT_YEAR = re.compile(
    r"(?<![\d.])([12]\d)年(?=(按|用|的?汇率|的?中间价|(是|为)?\d+\.\d+|[^，,。；;\d]{0,3}(在岸|离岸|境内|境外|执行额)"
    # 「23年做到1.2亿了」「23年达到1500万」「23年还是0.25亿」: a year, a verb of reaching or being, then an amount of money
    # 「24年在岸900万，25年1100万」: right before an amount of money, the year of the one told before it
    r"|(?:做到|达到|干到|涨到|增长到|增加到|提高到|升到|降到|跌到|掉到|到了|做了|干了|有|还是|仍是|仍然是|依然是|也是|是|为)?\s*\d+(?:\.\d+)?\s*(?:万|亿|千万|百万|kw|w)))"
)


DURATION_BEFORE = re.compile(r"(入驻|满|领了?|签了?|已经?|享受了?|运营了?|成立了?|经营了?|做了|干了|有|近|共|合计)\s*$")


def full_years(text: str) -> str:
    """「汇率23年按7.05 22年按6.73」「我们23年离岸100万美元」: a two-digit year (15–35) before a rate or an amount is
    that year of this century (「2023年」), so it is read like one; durations (「入驻12年」「领了3年」) are left alone."""

    def year(m):
        before = text[max(0, m.start() - 4) : m.start()]
        standalone = (
            not before
            or not re.match(r"[\u4e00-\u9fff]", before[-1])
            or re.search(r"(汇率|中间价|和|及|、|我们|我司|咱们|公司|企业|单位|本司)$", before)
        )
        if not 15 <= int(m.group(1)) <= 35 or DURATION_BEFORE.search(before) or not standalone:
            return m.group(0)
        return f"20{m.group(1)}年"

    text = BARE_YEAR_LIST.sub(_year_pair, SHORT_YEAR.sub(year, text))

    def label(m):
        money_before = re.search(r"(usd|us\$|rmb|cny|美元|人民币)\s*$", text[max(0, m.start() - 6) : m.start()], re.I)
        return m.group(0) if money_before else f"{m.group(1)}年"

    return BARE_YEAR_RATE.sub(label, BARE_YEAR_LABEL.sub(label, text))


def relative_year_apposition(text: str) -> str:
    """「去年（2024年）在岸2860万，今年3415万」: a year in brackets after the previous year's word restates it, so it
    does not make 2024 the year rewarded; the bracket goes, and this year's word (unbracketed) takes the year after."""
    said = re.search(rf"({YEAR_PREV})\s*\(\s*(20\d\d)\s*(?:年度|年)?\s*\)", text)
    if not said:
        return text
    text = re.sub(rf"({YEAR_PREV})\s*\(\s*20\d\d\s*(?:年度|年)?\s*\)", r"\1", text)
    following = int(said.group(2)) + 1
    return re.sub(rf"({YEAR_CUR})(?!\s*\()", lambda m: f"{m.group(1)}({following}年)", text, count=1)


# 「2023 在岸 3,250,000元」「（2023中间价7.0467）」「汇率 2023: 7.0467 / 2022: 6.7261」: a bare year (2000–2099)
# that labels the business amounts or the rate after it is that year (「2023年」), never an amount or a rate
BARE_YEAR_LABEL = re.compile(
    r"(?<![\d./$¥a-zA-Z])(?<!\d,)(20[0-9]{2})(?![\d.,万千百亿年wWkK元%])"  # after a comma too, not in 1,2023
    r"(?=\s*(?:[:：]\s*\d|的?\s*(?:在岸|离岸|境内|境外|国内|国外|海外|中间价|汇率|年平均|平均汇率|执行额|服务外包|业务)))"
)
# 「Rates: 2023 按7.1，2022 按6.9」「汇率2023是7.05，2022是6.73」「rate 2023: 7.05」: so is a bare year before
# 按/取/用/是/为/: and a rate-like decimal (never the rate itself: no rate is 2023)
BARE_YEAR_RATE = re.compile(
    r"(?:^|(?<=[,，、;；:：\s(（\u4e00-\u9fff]))(20[0-9]{2})"
    r"(?=\s*(?:按|取|用|是按?|为|=|[:：])\s*[0-9]{1,2}\.[0-9]+(?![0-9]|[万千百亿元%]))"
)

# 「比去年少了200万」「多了差不多50万」「相差大概30万美元」: the words right before a difference between two years
DIFFERENCE_BEFORE = re.compile(
    r"(多了|少了|差了|相差|差|多出了?|高出了?|低了|减少了?|下降了?|增加了?|增长了?)\s*"
    rf"(?:{_words(estimate_words()['relative']['approx_before'])}|估计|得有|有)?\s*$"
)


def whole_business_fell(clause: str) -> Optional[int]:
    """「在岸加离岸算下来比去年少了」「总的执行额比去年减少了」「业务比上年度下降了」: where the whole business (both
    kinds, or no kind named) is said to be less than the year before (the 比); None when it is not (「在岸比去年少了」
    alone says nothing of the total)."""
    w = estimate_words()["relative"]
    m = re.search(rf"比\s*(?:{YEAR_PREV})[^，。；,;\d]{{0,6}}?(?:{_words(w['less'])})", clause)
    if not m or re.search(_words(w["not_business"]), clause):
        return None  # 「培训费比去年少了2万」: no business amount
    before = clause[: m.start()]
    both = re.search(OFFSHORE, before) and re.search(ONSHORE, before)
    return m.start() if both or not re.search(OFFSHORE + "|" + ONSHORE, clause) else None


# 「3人每人2万、2人每人5万」: what stands between one group's cost and the next group's: a separator, the next
# group's count and its each-word (senior_training, certifications read their costs through Reader.item_costs)
GROUP_NEXT = re.compile(
    r"[\s，,、；;]*(另外|还有|其中|再)?\s*[0-9一二两三四五六七八九十]+\s*(个人|人|名|位|个)\s*"
    r"(每人|每位|每名|每个人|各|人均)?\s*(的)?\s*(培训费|费用|学费)?\s*(是|为|都是)?\s*"
)

# words that name the business amount (三（一）（二）) in a message that otherwise asks only about fairs
FAIRS_ONLY_BUSINESS = r"执行额|业务|营收|营业额|合同额|收入|离岸|在岸|增量|汇率|中间价"

# 「离岸今年180 汇率7」: a number with no unit right after a business word (and a year word)
BARE_BUSINESS = re.compile(
    r"(?P<before>今年|去年|本年度|上年度|本年|上年|上一年)?(的)?\s*"
    r"(?P<kind>离岸|在岸|境外|境内)(执行额|业务额|业务)?\s*(?P<year>今年|去年|本年度|上年度|本年|上年|上一年)?(的)?\s*(是|为|做了)?\s*"
    r"(?P<n>\d+(?:\.\d+)?)(?![\d.%万千百亿元美块年个人wWkK$]|,\d{3})"
)
PREVIOUS_YEAR_WORDS = ("去年", "上年度", "上年", "上一年")
_RATE_VERB = re.compile(r"^(按|用|取|平均)")
# 「去年境内境外都是0」「上年在岸和离岸都没有」: last year's amounts of both kinds named together, both none
BOTH_KINDS_NONE = re.compile(
    r"(去年|上年度?|上一年)的?(?:(?:境内|在岸|国内)[和与、及跟/]?(?:境外|离岸|海外)|(?:境外|离岸|海外)[和与、及跟/]?(?:境内|在岸|国内))"
    r"(业务|执行额)?\s*(都|也|均)\s*(是|为)?\s*(0|零|没有|没|无)(?![\d.万千])"
)

# 「研发投入2023、2024都增长了」: two bare years side by side are years, not amounts of 2,023元
BARE_YEAR_LIST = re.compile(
    r"(?<![\d.,])(20[0-9]{2})(?!年)(\s*[、,和与及跟到至]\s*)(20[0-9]{2})(?![\d.,万千百亿年wk元])"
)


def _year_pair(m: "re.Match") -> str:
    """「2023、2024」 are two years; two equal or far-apart bare numbers (「培训费分别2000、2000」「2000、2050」)
    are amounts, left as typed."""
    a, b = int(m.group(1)), int(m.group(3))
    if a == b or abs(a - b) > 10:
        return m.group(0)
    return f"{m.group(1)}年{m.group(2)}{m.group(3)}年"


def foreign_currency(key: str, f) -> "Clarification":
    """80万欧元: the policy counts offshore business in dollars and onshore in yuan; the conversion needs the
    user's own rate or amount (no rate is assumed)."""
    from calculator.figures_zh import FOREIGN_NAMES

    name = FOREIGN_NAMES.get(f.currency, f.currency)
    said = f"{wan(f.value, '')}{name}"
    if key.endswith("_usd"):
        ask = (
            f"离岸执行额按美元计算（第三条第（二）项“以美元计算”），我不替您假设汇率。{said}折合多少美元？"
            f"也可以告诉我{name}兑美元的汇率（1{name}=多少美元）。"
        )
    else:
        ask = f"执行额按人民币计算，我不替您假设汇率。{said}折合多少元人民币？也可以告诉我{name}兑人民币的汇率。"
    data = {"key": key, "value": None, "foreign": {"amount": str(f.value), "currency": f.currency, "name": name}}
    return Clarification("currency", ask, data)


# 「还有个120万美元的」「另外一笔80万」: words bringing in another amount, right before it, naming no year
ANOTHER_AMOUNT = re.compile(r"(?:还有|另外|另有|再有)\s*(?:一|1)?\s*(?:个|笔|单|份)?\s*$")


def _years_named_before(text: str) -> Optional[tuple]:
    """「今年离岸250万美元 去年180万美元 汇率分别7.1和6.9」: the two years in the order the message named them before
    the rates said 分别 (each named once as a year of its own), else None (the rates are then asked, never guessed)."""
    said = [_year_of(y.group(0), len(y.group(0))) for y in re.finditer(rf"{YEAR_PREV}|{YEAR_CUR}", text)]
    years = tuple(dict.fromkeys(y for y in said if y in ("previous", "current")))
    return years if len(years) == 2 and len(said) == 2 else None


def _conversion_check(figs, source, converted) -> str:
    """「3000万美元，按7.0折算就是2.2亿」: the user's conversion set beside the dollars × the rate said between them; a
    different result is named (the calculator converts the dollars itself, never the user's result)."""
    rates = [g for g in figs if g.kind == "rate" and g.value and source.end <= g.start and g.end <= converted.start]
    if len(rates) != 1 or converted.value is None or source.value is None:
        return ""
    product = Decimal(str(source.value)) * Decimal(str(rates[0].value))
    if product == converted.value:
        return ""
    return f"（按{source.raw} × {rates[0].value} = {wan(product)}计算，与您说的{converted.raw}不一致，以前者为准）"


class Reader:
    """Reads one message, knowing what the dialogue asked (`pending`) and which items are open."""

    def __init__(self, text: str, pending: Optional[str] = None, items=(), known: Optional[dict] = None):
        self.raw = text or ""
        self._converted_keys = set()  # business amounts converted from another currency (added to, never replaced)
        # 「…连续两年增长——哦不对…这条当我没说」: a claim taken back in the message is never read (bot/understand/retractions.py)
        # 「今年2600万元，这2600万里含离岸…」: the total pointed at again reads as 其中 (restated_figures.py)
        pasted, table_problems = tables.read_tables(
            tables.drop_bullets(
                restated_figures.pointed_again(without_retracted(mend_typos_in_place(normalize(self.raw[:2000]))))
            )
        )
        # 「平台投入表（单位w）：/ 服务器 380」: 380万 at a line's end (tables.read_unit_heading); 「费用明细（单位万元）：1 服贸会北京
        # 4.6」: 4.6万元 (unit_heading.py); 「跑了3趟境外展」: 3场 (fair_trips.py)
        # 「姓名 学历 应届 实习期(月)…」 over a row per person: judged row by row (clauses/base.py read_table_rows)
        # 「楼层 面积(㎡) 租金(元/㎡/月)」 over a row per floor and a 合计 row: the year's rent and the area (rent_tables.py)
        pasted, rent_notes, rent_problems = rent_tables.read_rent_tables(pasted)
        table_problems = table_problems + rent_problems
        self.people_table = tables.people_table(pasted)
        pasted, fair_problems = tables.read_fair_tables(pasted)  # 「活动 境内/境外 是否商务部门指定 展位费…」: by roles
        table_problems = table_problems + fair_problems
        pasted, total_notes = tables.fair_total_lines(pasted)  # 「…\n合计 13.8万」 under the fairs: their sum, no fair
        pasted = tables.read_unit_heading(tables.read_labelled_rows(pasted))
        pasted = fair_trips.as_events(unit_heading.apply(pasted))
        # 「境内展会和境外展会分别花了3万、8万」: each figure after its own name (bot/estimate/lists.py)
        self.text = lists.spell_out_respective(
            # 「8场…其中两场是境外的…每场6万，剩下的每场2.5万」: the two groups it stands for (fair_split.py)
            full_years(relative_year_apposition(both_kinds_total(fair_split.split_groups(english_to_chinese(pasted)))))
        )
        self.shifted = False
        if "前年" in self.text and "去年" in self.text and not re.search(YEAR_CUR, self.text):
            # 「前年境内1000万…去年境内1500万 去年的增量」: 去年 is the year rewarded, 前年 its previous year
            # (same length, so the figures keep their places)
            self.text = self.text.replace("去年", "今年").replace("前年", "去年")
            self.shifted = True
        # 「执行额4500万 比去年多了25%」: the other year's amount derived exactly, restated as a figure (or asked)
        # 「去年总共比今年少了500万元」: last year's whole total derived from this year's (bot/estimate/total_relations.py)
        totals = total_relations.restate(self.text)
        relative = relative_figures.restate(totals.text)
        self.text, self._derivations = relative.text, totals.derivations + relative.derivations
        self.pending = pending
        self.items = set(items)
        self.known = known or {}
        self.figs = [  # 「离岸USD 1.2 million 中间价按7.1」: the parser may leave the code before the figure out
            _with_currency(f, "USD")
            if f.kind == "money"
            and f.currency is None
            and re.search(r"(?<![\d.a-z万千亿])(usd|us\$)\s*$", self.text[max(0, f.start - 6) : f.start], re.I)
            else f
            for f in figures(self.text)
        ]
        # 「美元签的 折成人民币是900万」「900万（人民币计）」: the currency attached to the figure is its own
        self.figs = [_with_currency(f, "CNY") if _yuan_named(self.text, f) else f for f in self.figs]
        self.spans = list(_segments(self.text))
        self.respective = self._respective_years()
        self.used = set()
        self.rough = self._rough_amounts()
        self._parts_told = set()  # where the words saying a part is of the other kind stand, once asked about
        self.out = Reading()
        self.out.problems.extend(table_problems)  # 「年度 在岸 离岸 汇率」 with rows that do not fit: said, not guessed
        self.out.notes.extend(rent_notes + total_notes)
        self.out.problems.extend(totals.problems + relative.problems)
        for m in re.finditer(_words(estimate_words()["not_amounts"]), self.text):
            for f in self.figs:  # 「这两个加一块能拿多少」: 一块 is "together", not 1元
                if m.start() <= f.start and f.end <= m.end():
                    self.used.add(id(f))
        self.denied = (
            set()
        )  # "符合条件的是12个 不是18个": the figure said not to be is the old one, no figure of its kind
        for f in self.figs:
            if re.search(r"(不是|并非|而非)\s*$", self.text[max(0, f.start - 4) : f.start]):
                self.used.add(id(f))
                self.denied.add(id(f))
        asks = "|".join(re.escape(w) for w in estimate_words()["threshold_asks"])
        for f in self.figs:  # 「合同额够不够500万」: the threshold asked about, not the user's amount
            if id(f) not in self.used and re.search(rf"({asks})\s*$", self.text[max(0, f.start - 5) : f.start]):
                self.used.add(id(f))
                self.out.notes.append(f"{f.raw}是您问的门槛，不作为您的金额")
        signed = estimate_words()["signed_not_executed"]
        moneys = [f for f in self.figs if f.kind == "money" and f.value is not None]
        for f in moneys:  # 「今年是190万美元 200万那个是合同额」: the signed amount, set apart by the user
            if len(moneys) > 1 and re.match(
                rf"\s*(?:{alternation(signed['links'])})\s*(?:{alternation(signed['names'])})", self.text[f.end :]
            ):
                self.used.add(id(f))
                self.out.notes.append(f"{f.raw}是签订的合同金额，不是执行额，不作为测算依据")
        self._restated_basis()
        near = "|".join(re.escape(w) for w in estimate_words()["compared_to"])
        moneys = [f for f in self.figs if f.kind == "money" and f.value is not None]
        for prev, f in zip(moneys, moneys[1:]):  # 「1999万美元 接近2000万了」: the mark compared with, not a figure
            between = self.text[prev.end : f.start]
            if len(between) <= 8 and not re.search(r"[，,。；;]", between) and re.search(rf"({near})\s*$", between):
                self.used.add(id(f))
        for f, company in applicants.group_figures(self.text, [f for f in self.figs if id(f) not in self.used]):
            self.used.add(id(f))  # 「集团合并口径1.35亿 郑州子公司能拿多少」: the group's figure is not the applicant's
            self.out.problems.append(
                f"{f.raw}是集团合并口径的数字，包含集团其他公司的业务，不能用来测算{company}的奖励。"
                f"申报主体是{company}本身（须为在郑州依法设立的独立法人企业，或在郑纳税的分支机构），"
                f"奖励按{company}自己的执行额计算，下面请告诉我{company}自己的数字。"
            )
        for f in self.figs:  # 「技术先进型那个10万是每年都给吗」「上限是不是200万」: the policy's figure, asked about
            if id(f) not in self.used and is_policy_figure(self.text, f):
                self.used.add(id(f))
        found = claims.checked(self.text, [f for f in self.figs if id(f) not in self.used])
        pair = [f for f in self.figs if f.kind == "money" and f.value is not None and id(f) not in self.used]
        if len(pair) == 2 and _bare_pair_for_increment(self.text, pair):
            found = []  # 「增量奖励 …是2800万和2300万」: two years' amounts listed, not an award the user worked out
        starts = {c.start for c in found} | {s for c in found for s in c.also}
        for f in self.figs:  # 「我算的租金45万 对不对」: the user's result, checked against the estimate, never read
            if (
                f.start in starts
                or any(  # 「补贴是不是 25×3.5万」: the count the result is multiplied by, too
                    0 <= s - f.end <= 5
                    and re.fullmatch(rf"\s*(?:个人|个|人|名|位)?\s*{claims.TIMES}\s*", self.text[f.end : s])
                    for s in starts
                )
            ):
                self.used.add(id(f))
        if found:
            self.out.fields["_claims"] = [c.as_json() for c in found]

    def _restated_basis(self) -> None:
        """「展位费一共3万 这个能按3万算补贴吗」: an amount asked about as the basis (estimate_words.yml restated_basis)
        that repeats an amount told before it is that amount told again, not a second one."""
        words = estimate_words()["restated_basis"]
        before, after = _words(words["before"]), _words(words["after"])
        moneys = [f for f in self.figs if f.kind == "money" and f.value is not None]
        for i, f in enumerate(moneys):
            if not re.search(rf"(?:{before})\s*$", self.text[max(0, f.start - 3) : f.start]):
                continue
            if not re.match(rf"\s*(?:{after})", self.text[f.end :]):
                continue
            if any(g.value == f.value and g.currency == f.currency and id(g) not in self.used for g in moneys[:i]):
                self.used.add(id(f))

    # -- helpers -----------------------------------------------------------------------
    def _rough_amounts(self) -> list:
        """「硬件设备投了小两百万」「离岸一百来万美金」: a rough amount (bot/estimate/vague_figures.py) is no figure; the
        number the figure reader finds inside it (「小两百万」 → 200万) is set aside, and the amount is asked for, named,
        when the estimate needs it. A guess at the award (「是不是两百多万」) and a mark an exact figure is compared
        with (「1999万美元 接近2000万了」) are left to their own readers."""
        out = []
        for v in vague_figures.find(self.text):
            before = [f for f in self.figs if f.kind == "money" and f.end <= v.start]
            compared = (
                before
                and v.start - before[-1].end <= 6
                and not re.search(r"[，,。；;]", self.text[before[-1].end : v.start])
            )
            if not vague_figures.is_input(self.text, v) or (compared and re.match(r"(接近|将近|近|快)", v.raw)):
                continue
            seg_start = segment_of(self.spans, v.start)[0] if self.spans else 0
            inside = any(f.kind == "money" and v.start <= f.start < v.end for f in self.figs)
            if inside and re.search(
                rf"比\s*(?:{YEAR_PREV}|{YEAR_CUR})[^，。；,;\d]{{0,10}}$", self.text[seg_start : v.start]
            ):
                continue  # 「比去年少了将近一百五十万」: a difference of two years, named by _difference_of_years
            for f in self.figs:
                if v.start <= f.start < v.end:
                    self.used.add(id(f))
            out.append(v)
        return out

    def _rough_left(self) -> list:
        """The rough amounts no reader has accounted for (a note names 「2000多万」 checked as a lower bound, or
        「机票酒店两三万」 as a cost 三（五） does not pay), described as said."""
        noted = "".join(self.out.notes + self.out.problems)
        return [vague_figures.describe(self.text, v) for v in self.rough if v.raw not in noted]

    def _explicit_years(self):
        return [
            (f.start, int(f.value))
            for f in self.figs
            if f.kind == "year"
            and f.value is not None
            and 2000 <= int(f.value) <= 2100
            # 「2020年就有了」: when a status was gained, not the business year
            and not re.match(r"\s*(就|已经|早就)(有|是|拿|获得|认定|评上|通过)", self.text[f.end : f.end + 4])
            and not founded_in(self.text, f.end)
            and not rent_years.is_entry_year(self.text, f.start)  # 「2016年入驻」: when it entered the park
        ]

    respective_rates: list = []

    def _respective_years(self) -> dict:
        """{start of a figure: previous / current} of two amounts given 分别 for two years, in the years' order:
        「22年和23年两年分别是800万和950万」「去年和今年分别是…」; 「两年分别是800万和950万 前一个是去年的」 by the
        word that says which one is last year's (bot/estimate/lists.py, the one reader of such pairs). {} when the
        years' order is not said."""
        t = self.text
        order, _ = lists.respective_order(t)
        self.respective_rates = []  # 「汇率分别6.9和7.1」「汇率今年和去年分别7.1和6.9」: in the years' order
        for m in re.finditer(
            rf"(?:{RATE_HINT})[^，。；,;\d]{{0,8}}分别\s*(?:是|为|按|约)?\s*(\d{{1,2}}(?:\.\d+)?)(?![\d.万%％])"
            rf"\s*(?:和|跟|与|、|,|，|及)\s*(\d{{1,2}}(?:\.\d+)?)(?![\d.万%％])",
            t,
        ):
            said = [_year_of(y.group(0), len(y.group(0))) for y in re.finditer(rf"{YEAR_PREV}|{YEAR_CUR}", m.group(0))]
            own = tuple(said) if len(said) == 2 and set(said) == {"previous", "current"} else order
            own = own or _years_named_before(t[: m.start()])
            if own:
                self.respective_rates += [(own[0], Decimal(m.group(1))), (own[1], Decimal(m.group(2)))]
        if order is None:  # 「1.75kw 和 1200w 前面那个是今年的」: the years given by the figures' places
            return {**lists.from_to_years(t, self.figs), **lists.years_by_position(t, self.figs)}
        return {**lists.from_to_years(t, self.figs), **lists.respective_years(t, self.figs)}

    def _year(self, pos: int) -> Optional[str]:
        """previous / current for a figure at `pos`: the nearest 去年/今年 or explicit year before it."""
        if pos in self.respective:
            return self.respective[pos]
        years = self._explicit_years()
        distinct = sorted({y for _, y in years})
        relative = _year_of(self.text, pos)
        explicit = [(p, y) for p, y in years if p < pos]
        rel_pos = max(
            [m.end() for m in re.finditer(YEAR_PREV + "|" + YEAR_CUR, _outside_asides(self.text[:pos]))] or [-1]
        )
        if explicit and explicit[-1][0] > rel_pos:
            y = explicit[-1][1]
            if len(distinct) >= 2:
                return "current" if y == distinct[-1] else "previous" if y == distinct[-1] - 1 else "other"
            known = (self.known or {}).get("year")
            if known and y <= int(known):  # 「2022年的平均中间价是6.73」 answering for 2022 when 2023 is estimated
                return "current" if y == int(known) else "previous" if y == int(known) - 1 else "other"
            return "current"
        return relative

    def _kind_word_taken(self, f, moneys) -> bool:
        """The last 在岸/离岸 word before `f` already has a figure of its own between it and `f`."""
        marks = [m.end() for m in re.finditer(f"{OFFSHORE}|{ONSHORE}", self.text[: f.start])]
        return bool(marks) and any(marks[-1] <= g.start and g.end <= f.start for g in moneys)

    # -- helpers (figures) ----------------------------------------------------------------
    def unused(self, kind):
        return [f for f in self.figs if f.kind == kind and id(f) not in self.used]

    def use(self, f):
        self.used.add(id(f))

    def has(self, pattern) -> bool:
        return re.search(pattern, self.text) is not None

    def lead_in(self, f) -> str:
        """The words right before a figure, back to the previous figure or a space or punctuation
        (「都是本科 每人培训费8万」 → 「每人培训费」)."""
        before = [g.end for g in self.figs if g.end <= f.start]
        start = max([max(before)] if before else [0])
        lead = self.text[max(start, f.start - 16) : f.start]
        cut = max(lead.rfind(c) for c in " ，。；,;！？!?")
        return lead[cut + 1 :] if cut + 1 < len(lead) else lead

    def segment_text(self, f):
        s, e = segment_of(self.spans, f.start)
        return self.text[s:e]

    def _rd_spend(self):
        """ "研发投入2021年200万 2022年260万 2023年320万": R&D figures decide 持续两年增长, never a business amount."""
        # 「平台研发人员工资210」: the wages of R&D staff, no R&D spending
        m = re.search(r"研发(投入|费用|经费|支出)?(?!人员|团队|工程师|员工|人力|同事|小组|的人)", self.text)
        if not m:
            return
        stop = re.search(
            r"[。；;]|工资|薪|执行额|在岸|离岸|业务|专利|软著|平台|展|培训|认证|境内|国内|境外|国外|营收|合同|奖|增量",
            self.text[m.end() :],
        )
        end = m.end() + (stop.start() if stop else len(self.text) - m.end())
        spend = [f for f in self.figs if f.kind == "money" and m.end() <= f.start < end and id(f) not in self.used]
        for f in spend:
            self.use(f)
        # 「研发投入2022 2023连着两年都在涨」: bare 20xx are the years, not amounts (never compared as spending)
        spend = [f for f in spend if not re.fullmatch(r"\s*(19|20)[0-9]{2}\s*", f.raw or "")]
        if len(spend) >= 3:
            last = [f.value for f in spend[-3:]]
            self.out.fields["innovation_rd_growth_two_years"] = last[0] < last[1] < last[2]
            self._rd_decided = True
            said = "、".join(wan(v) for v in last)
            if last[0] < last[1] < last[2]:
                why = "逐年增长，持续两年保持增长"
            else:
                k = 0 if not last[0] < last[1] else 1
                why = f"其中{wan(last[k + 1])}没有超过前一年的{wan(last[k])}，不是持续两年保持增长"
            self.out.notes.append(f"研发投入最近三年依次为{said}：{why}（第三条第（三）项；这些数字不计入业务执行额）")
        elif spend:
            self.out.notes.append(
                "研发投入"
                + "、".join(wan(f.value) for f in spend)
                + "只用于判断研发投入是否持续两年增长，不计入业务执行额"
            )

    def _clause_with(self, words: str) -> str:
        """The part of the message about `words`: from the word to the next clause break or figure."""
        m = re.search(words, self.text)
        if not m:
            return ""
        start = max(self.text.rfind(c, 0, m.start()) for c in "，。；,;！!？?\n") + 1
        figure_before = [f.end() for f in re.finditer(r"[0-9][0-9.]*(万|亿|美元|元|%)?", self.text[start : m.start()])]
        start += figure_before[-1] if figure_before else 0  # 「…汇率6.5 研发投入连续两年增长」: the figure ends a part
        end_m = re.search(r"[，。；,;！!？?\n]|[0-9]{3,}|执行额|在岸|离岸|但|不过|可是|然而", self.text[m.end() :])
        end = m.end() + (end_m.start() if end_m else len(self.text) - m.end())
        return self.text[start:end]

    def _part_with(self, words: str) -> str:
        """The whole part of the message (between clause breaks) where `words` first stand, figures and all."""
        m = re.search(words, self.text)
        if not m:
            return ""
        start = max(self.text.rfind(c, 0, m.start()) for c in "，。；,;！!？?\n") + 1
        end = re.search(r"[，。；,;！!？?\n]|$", self.text[m.end() :])
        return self.text[start : m.end() + end.start()]

    def _patents_denied(self, patents: str) -> bool:
        """Whether the words about the patents deny them (「专利软著这两年都没有新的」)."""
        return bool(
            patents
            and re.search(
                rf"({NONE_WORDS})[^，。；]{{0,4}}(新的?)?(专利|软著|软件著作权)|"
                r"(专利|软著|软件著作权)[^，。；]{0,8}(没有|没|无|断了)(?![^，。；\s]{0,3}(离岸|在岸|业务|执行|增量|奖励))",
                patents,
            )
        )

    def _answers_pending_condition(self, t: str) -> bool:
        """Whether the message answers the question on 三（三）'s or 三（四）'s condition and names no business
        (「去年有今年没有」 after the question on the patents: of the patents, not last year's business)."""
        return self.pending in ("innovation", "tech_advanced_new") and not re.search(
            r"业务|执行额|收入|营收|在岸|离岸|境内|境外|国内|国外|万|美元", t
        )

    def negative(self, subject: str) -> bool:
        return (
            re.search(
                rf"({NONE_WORDS})[^，。；]{{0,6}}({subject})|({subject})[^，。；]{{0,6}}({NONE_WORDS})", self.text
            )
            is not None
        )

    def bool_answer(self) -> Optional[bool]:
        t = self.text.strip(" 。.!！~")
        if re.fullmatch(
            r"(是|是的|对|对的|有|有的|嗯|好|确认|没错|正确|符合|满足|已经?(获得|认定|取得)?|yes|y)(的|了|啊|呀)?", t
        ):
            return True
        if re.fullmatch(r"(否|不是|不对|没有|没|无|不|不符合|不满足|还没有?|尚未|未|no|n)(的|了|啊|呀)?", t):
            return False
        if re.search(r"^(不是|没有|还没|尚未|未|不符合|不满足|否)", t):
            return False
        if re.search(r"^(是|有|对|已经|已)", t):
            return True
        return None

    # -- main ------------------------------------------------------------------------------
    def read(self) -> Reading:
        from bot.estimate import clauses

        self._consistent_totals()
        whole_of_parts.take(self)  # 「总投入650万 明细是：硬件300万 …」: the parts' total, no cost of its own
        for f in self.unused("money"):  # 「年租金50万 30%就是15万对不对」: the user's own result is no amount
            self._own_result(f)
        for f in self.unused(
            "money"
        ):  # 「一百万美元整 就100万刚刚好」: the same amount said again, no amount of its own
            self._restated_amount(f)
        for f in self.unused("money"):  # 「技先那块还能再给10万吗」: an award asked about, no amount of the estimate
            self._award_asked(f)
        for f in past_awards.received(self.text, self.unused("money")):  # 「去年我们拿了480万左右（参考）」: context
            self.use(f)
            self.out.notes.append(past_awards.note(self.text, f))
        for f in self.unused("money"):  # 「95万美元 按7块的汇率折合人民币665万」: the same amount converted
            source = [
                g
                for g in self.figs
                if g.kind == "money" and g.end <= f.start and f.start - g.end <= 20 and g.currency not in (None, "CNY")
            ]
            # without an amount in another currency before it, 「折合人民币1000万」 is the amount itself, told in yuan
            # 「按7.0折算就是2.1亿」「按7.0折了1050万」: the user's own conversion of the dollars, no amount of its own
            if source and (
                re.search(
                    r"(折合|折算|换算|折成|换成|折了|折完|折下来|算下来)(成|为)?\s*(人民币)?\s*"
                    r"(是|为|约|大约|大概|差不多|就是|也就是|即|等于|合|得|就)?\s*$",
                    self.text[max(0, f.start - 10) : f.start],
                )
                or (
                    f.raw.startswith("人民币")
                    and re.search(r"(折合|折算|换算)(成|为)?\s*$", self.text[max(0, f.start - 6) : f.start])
                )
            ):
                self.use(f)
                self.out.notes.append(f"{f.raw}是换算后的金额，不另计" + _conversion_check(self.figs, source[-1], f))
        for _, held in foreign_costs.tied_rates(self.text, self.figs).values():
            for f in held:
                self.use(f)  # 「日元汇率按0.048」: that currency's rate, no dollar rate (bot/estimate/foreign_costs.py)
        for f in cross_rates.held(self.text, self.figs):
            self.use(f)  # 「1欧=1.08美元」「1美元=150日元」: a rate between currencies, no amount
        self._rates()
        self._other_awards_beside_innovation()
        for clause in clauses.READ_ORDER:  # each clause's own figures, in the registry's reading order
            if clause.reads_when(self):
                clause.read(self)
        self._flags()
        self._business()
        self._bare_business_amount()
        self._one_rate_for_this_year()
        self._rate_follows_business_year()
        if self._rate_choice:
            self._ask_rate_year()
        self._rate_only_converted()
        self._no_dollar_in_sight()
        self._offshore_yuan_at_given_rate()
        total_parts.dollars_given(self)  # 「其中在岸1.75kw，离岸150万美元（折合1050万）」: the dollars said, not asked
        relative_figures.attach(self._derivations, self.out.fields)
        self.out.vague = self._rough_left()
        self.out.clarifications = currency_asks.merge(self.out.clarifications)  # 「离岸45万 … 60万」: asked at once
        # 「也拿到了高新技术企业证书」: named as not covered, never dropped; 「另一个政策已经补过这笔钱了 还能再报吗」: 四（三）
        self.out.notes += not_covered.notes(self.text, self.out.notes)
        claimed = double_claim.note(self.text, self.out.notes)
        if claimed:
            self.out.notes.append(claimed)
        return self.out

    def _foreign_at_given_rates(self, key: str, f) -> bool:
        """「离岸120万欧，1欧=1.08美元」: a business amount in another currency taken to dollars (offshore, 以美元计算)
        or yuan (onshore) at the user's own rates, the arithmetic said (bot/estimate/cross_rates.py); False when the
        words give no such rate (it is then asked)."""
        from calculator.figures_zh import FOREIGN_NAMES

        target = "USD" if key.endswith("_usd") else "CNY"
        got = cross_rates.convert(self.text, f.value, f.currency, target) or self._through_yuan(key, f, target)
        if got is None:
            return False
        value, words = got
        self._converted_keys.add(key)
        self._business_amount(key, value, f.raw, "美元" if target == "USD" else "元", f.start)
        name = FOREIGN_NAMES.get(f.currency, f.currency)
        what = "离岸执行额" if target == "USD" else "执行额"
        self.out.notes.append(f"{what}{wan(f.value, name)}折合{cross_rates.NAMES[target]}：{words}")
        return True

    def _no_dollar_in_sight(self):
        """「离岸执行额80万欧元，汇率7.8」: a rate of no named currency, in a message whose amounts are in another
        currency and that names no dollar, may be that currency's rate: it is never kept as the dollar's rate
        (asked when needed, naming it)."""
        f = self.out.fields
        foreign = [g for g in self.figs if g.kind == "money" and g.currency not in (None, "CNY", "USD")]
        if not foreign or any(g.kind == "money" and g.currency == "USD" for g in self.figs):
            return
        if re.search(r"美元|美金|usd|us\$|美刀", self.text, re.I) or (self.known or {}).get("offshore_usd"):
            return
        for key in ("usd_cny_rate", "previous_usd_cny_rate"):
            rate = f.pop(key, None)
            if rate is not None:
                note = f"您说的汇率{rate}没有写明是哪种货币兑人民币的汇率，未当作美元兑人民币汇率使用"
                if note not in self.out.notes:
                    self.out.notes.append(note)

    def _through_yuan(self, key: str, f, target: str):
        """「日本客户5000万日元 … 100日元=4.8元，美元7.1」: an amount in another currency with that currency's rate to
        yuan said (bot/estimate/foreign_costs.py), to yuan, and to dollars at the year's dollar rate the user gave;
        (value, arithmetic) or None (asked: no rate is ever assumed, nor one currency's rate taken for another's)."""
        rate = foreign_costs.tied_rates(self.text, self.figs).get(f.currency)
        if rate is None:
            return None
        yuan = f.value * rate[0]
        if target == "CNY":
            value = yuan.quantize(Decimal("0.01"))
            return value, f"{f.value:,f} × {rate[0]} = {value:,.2f}（按您给的汇率）"
        dollar = self.out.fields.get(key.replace("offshore_usd", "usd_cny_rate"))
        if not dollar or dollar <= 0:
            return None
        value = (yuan / dollar).quantize(Decimal("0.01"))
        return (
            value,
            f"{f.value:,f} × {rate[0]} ÷ {dollar} = {value:,.2f}（按您给的汇率折成人民币，再按美元汇率{dollar}折成美元）",
        )

    def _offshore_yuan_at_given_rate(self):
        """「离岸…折成人民币是900万 当年汇率7.2」: an offshore amount told in yuan, with that year's rate told too, is
        converted by the user's own rate (900万元 ÷ 7.2 = 125万美元: 三（二） counts in dollars); without the rate
        it stays asked (「…折合多少美元？」)."""
        for c in list(self.out.clarifications):
            said = c.data.get("said") or {}
            key = c.data.get("key") or ""
            if c.kind != "currency" or not key.endswith("offshore_usd") or said.get("currency") != "CNY":
                continue
            rate = self.out.fields.get(key.replace("offshore_usd", "usd_cny_rate"))
            if key in self.out.fields or not rate or rate <= 0:
                continue
            amount = Decimal(said["amount"])
            # to a millionth of a dollar, so that dollars × the same rate give the yuan told back to the cent
            value = (amount / rate).quantize(Decimal("0.000001"))
            cents = value.quantize(Decimal("0.01"))
            value = cents if value == cents else value
            self.out.clarifications.remove(c)
            self.out.fields[key] = value
            shown = wan(value, "美元") if value == cents else f"约{wan(cents, '美元')}"
            self.out.notes.append(
                f"离岸执行额按美元计算（第三条第（二）项）：{wan(amount)} ÷ {rate}（您给的汇率）= {shown}"
            )

    def _bare_business_amount(self):
        """「离岸今年180 汇率7」: a number after 离岸/在岸 with no unit is that business amount, its unit unknown: it is
        asked, naming the number (「180是180万美元吗？」), never read as a rate or guessed; the answer sets it."""
        if self.out.clarifications:
            return
        m = BARE_BUSINESS.search(self.text)
        if not m:
            return
        spans = [(f.start, f.end) for f in self.figs]
        loose = [n for n in re.finditer(r"\d+(?:\.\d+)?", self.text) if not any(a <= n.start() < b for a, b in spans)]
        if len(loose) != 1:  # 「在岸去年2000 今年2600」: several numbers without units are not settled one by one here
            return
        offshore = m.group("kind") in ("离岸", "境外")
        year = m.group("year") or m.group("before")
        if year in PREVIOUS_YEAR_WORDS:  # only this year's amount is settled by its answer alone
            return
        key = "offshore_usd" if offshore else "onshore_cny"
        if key in self.out.fields:
            return
        n = m.group("n")
        if float(n) == 0:  # 「离岸０」: none, whatever the unit
            self.out.fields[key] = Decimal(0)
            return
        guess = f"{n}万美元" if offshore else f"{n}万元"
        self.out.clarifications.append(
            Clarification(
                "executed",
                f"您说的{m.group('kind')}执行额“{n}”没有单位：{n}是{guess}吗？请连同单位再告诉我一次（例如“{guess}”）。",
                {"key": key, "said": n},
            )
        )

    def _rate_only_converted(self):
        """「展位费USD 5,000（汇率7.2）」 and no dollar business amount: the rate converted that cost only; it is not
        kept as the year's central parity of 三（一）（二）."""
        f = self.out.fields
        if self.converted_at is None or any(k in f for k in ("offshore_usd", "previous_offshore_usd")):
            return
        if re.search(r"离岸|在岸|执行额|业务额|合同额|中间价", self.text):
            return
        for key in ("usd_cny_rate", "previous_usd_cny_rate"):
            if f.get(key) == self.converted_at:
                del f[key]

    _loose_previous_rate = False

    def _consistent_totals(self):
        """「12名项目经理 每人8万 一共96万」: a total equal to the count times the per-unit cost repeats the
        figures already said; it is not one more person's or event's cost."""
        for f in self.unused("money"):
            if not re.search(r"(一共|总共|合计|共计|总计|共)\s*(是|为)?\s*$", self.text[max(0, f.start - 5) : f.start]):
                continue
            per = [
                g
                for g in self.unused("money")
                if g is not f
                and g.end <= f.start
                and re.search(r"每(人|场|个|项|次|名|位|家)", self.text[max(0, g.start - 16) : g.start])
            ]
            counts = [c for c in self.unused("count") if c.end <= (per[-1].start if per else 0)]
            if per and counts and counts[-1].value * per[-1].value == f.value:
                self.use(f)
                self.out.notes.append(
                    f"合计{wan(f.value)}即{int(counts[-1].value)} × {wan(per[-1].value)}，按每个{wan(per[-1].value)}计算"
                )

    def _one_rate_for_this_year(self):
        """「offshore USD 1.2 million this year, none last year; rate 7.0」: the one rate, not marked as last
        year's by a word right before it, is for the only year with offshore business."""
        f = self.out.fields
        if (
            self._loose_previous_rate
            and "previous_usd_cny_rate" in f
            and "usd_cny_rate" not in f
            and f.get("offshore_usd")
            and not f.get("previous_offshore_usd")
        ):
            f["usd_cny_rate"] = f.pop("previous_usd_cny_rate")

    def _rate_follows_business_year(self):
        """A rate with no year word of its own goes with the year the user gives the unclear offshore figure."""
        f = self.out.fields
        for c in self.out.clarifications:
            if c.kind == "business_year" and self._loose_previous_rate and "usd_cny_rate" not in f:
                if "previous_usd_cny_rate" in f and not f.get("previous_offshore_usd"):
                    c.data["rate"] = str(f.pop("previous_usd_cny_rate"))

    def _rates(self):
        years = sorted({y for _, y in self._explicit_years()})
        known = (self.known or {}).get("year")
        if years and not (known and years[-1] <= int(known)):  # an earlier year said in an answer keeps the year
            self.out.fields["year"] = years[-1]
        if self._rate_alternatives() or self._rate_pair_of_no_year():
            return
        rates = self.unused("rate")
        listed = {value for _, value in self.respective_rates}
        if self.respective_rates and all(f.value in listed for f in rates):  # 「汇率分别是7.1、6.9」: 7.1 read too
            for year, value in self.respective_rates:
                self._set_rate("previous_usd_cny_rate" if year == "previous" else "usd_cny_rate", value)
            for f in rates:
                self.use(f)
            return
        years_of = {id(f): self._year(f.start) for f in rates}
        if (
            len(rates) == 2
            and len({years_of[id(f)] for f in rates}) == 1
            and years_of[id(rates[0])] in ("previous", "current")
        ):
            # 「去年在岸500万 … 汇率7.0 去年6.9」: the rate its own year word marks keeps it, the other takes the other year
            direct = [
                bool(
                    re.search(
                        r"(去年|上年|上一年|今年|本年|当年)[^\d，。；]{0,4}$", self.text[max(0, f.start - 8) : f.start]
                    )
                )
                for f in rates
            ]
            if direct.count(True) == 1:
                other = {"previous": "current", "current": "previous"}[years_of[id(rates[0])]]
                years_of[id(rates[direct.index(False)])] = other
        for f in rates:
            year = years_of[id(f)]
            if year == "other":
                continue
            if self._both_years(f.start) or rate_both_years_after(self.text, f.end):
                self._set_rate("usd_cny_rate", f.value)
                self._set_rate("previous_usd_cny_rate", f.value)
                self.use(f)
                continue
            key = "previous_usd_cny_rate" if year == "previous" else "usd_cny_rate"
            if self.pending == "previous_usd_cny_rate" and year is None:
                key = "previous_usd_cny_rate"
            elif key == "previous_usd_cny_rate" and not re.search(
                r"(去年|上年|上一年|前年)[^\d，。；]{0,4}$", self.text[max(0, f.start - 8) : f.start]
            ):
                self._loose_previous_rate = True  # the year word is further back: see _one_rate_for_this_year
            self._set_rate(key, f.value)
            self.use(f)
        said_rate = self.has(r"汇率|中间价") and not self._figs_used("rate")
        if (self.pending in ("usd_cny_rate", "previous_usd_cny_rate") or said_rate) and not self._figs_used("rate"):
            asked = self.pending in ("usd_cny_rate", "previous_usd_cny_rate")
            if not asked:
                self.pending = "previous_usd_cny_rate" if self._year(len(self.text)) == "previous" else "usd_cny_rate"
            loose = [
                f
                for f in self.figs
                if f.kind in ("money", "count", "percent")
                and f.currency is None
                and id(f) not in self.used
                and plausible_rate(f.value)
                and not (f.kind == "count" and re.search(r"[^\d.\s]", f.raw or ""))  # 「一家公司」 is no rate of 1
            ]
            years = [self._year(f.start) for f in loose]
            if len(loose) == 2 and sorted(y or "" for y in years) == ["current", "previous"]:
                for f, y in zip(loose, years):  # 「去年 6.4515 和 今年 6.7261」: each year its own rate
                    self._set_rate("previous_usd_cny_rate" if y == "previous" else "usd_cny_rate", f.value)
                    self.use(f)
            elif loose:
                key = self.pending
                if (
                    not asked
                ):  # 「汇率我还没查 先按6.5算 … 去年在岸1800万」: the year where the rate stands, not the text's last
                    key = "previous_usd_cny_rate" if self._year(loose[0].start) == "previous" else "usd_cny_rate"
                self._set_rate(key, loose[0].value)
                self.use(loose[0])
            else:
                whole = re.fullmatch(r"\s*(\d+(\.\d+)?)\s*", self.text) or self._lone_rate_answer()
                said = (
                    [whole]
                    if whole
                    else list(
                        re.finditer(
                            rf"(?:按|用|取|是|为|平均|{YEAR_PREV}|{YEAR_CUR})\s*(\d{{1,2}}(?:\.\d+)?)"
                            rf"(?![\d万千百亿%％年个名人场wWkK]|\.\d|(?<=[^.\d]\d),\d{{3}}|(?<=[^.\d]\d\d),\d{{3}})",
                            self.text,
                        )
                    )
                )
                # 「去年境内境外都是0」: a figure after 是/为 that cannot be a rate is some other answer, not a rate of 0
                said = [
                    m
                    for m in said
                    if (m is whole or plausible_rate(Decimal(m.group(1))) or _RATE_VERB.search(m.group(0)))
                    and not self._part_of_amount(m.start(1), m.end(1))
                ]
                for m in said:
                    year = self._year(m.start(1))
                    if self._both_years(m.start(1)) or rate_both_years_after(self.text, m.end(1)):
                        keys = ["usd_cny_rate", "previous_usd_cny_rate"]
                    elif year in ("previous", "current") and len(said) > 1:
                        keys = ["previous_usd_cny_rate" if year == "previous" else "usd_cny_rate"]
                    elif not asked:  # no rate asked: the year where the rate stands, not the text's last year word
                        keys = ["previous_usd_cny_rate" if year == "previous" else "usd_cny_rate"]
                    else:
                        keys = [self.pending]
                    for key in keys:
                        self._set_rate(key, Decimal(m.group(1)))

    _rate_choice = None

    def _part_of_amount(self, start: int, end: int) -> bool:
        """「离岸是 1.8 million USD，汇率还没查」「was 2.5M USD」: a number the parser read as part of an amount (with its
        magnitude, million/万, or its currency) is that amount, never a rate said in the words before it."""
        return any(
            f.start <= start
            and end <= f.end
            and f.kind != "rate"
            and (f.kind != "money" or f.currency is not None or f.raw.strip() != self.text[start:end])
            for f in self.figs
        )

    def _lone_rate_answer(self):
        """「7.08 吧 今年的平均中间价」「7.05。」 answering the rate question: the message's only number, a plausible rate
        with no unit after it, is the rate asked for (its match, group 1 the number); None otherwise."""
        if self.pending not in ("usd_cny_rate", "previous_usd_cny_rate"):
            return None
        numbers = list(re.finditer(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])", self.text))
        if len(numbers) != 1 or not plausible_rate(Decimal(numbers[0].group(1))):
            return None
        m = numbers[0]
        if re.match(r"\s*[万千百亿%％年个名人场家项位wWkKmM美刀元块]", self.text[m.end() :]) or re.search(
            r"[A-Za-z$¥]\s*$", self.text[: m.start()]
        ):
            return None
        return m

    def _rate_alternatives(self) -> bool:
        """「汇率用7.1还是6.9」: the user asks which rate applies; neither is taken, the year is asked."""
        alt = _words(estimate_words()["alternatives"])
        rate = r"(\d{1,2}(?:\.\d+)?)(?![\d.万千百亿%％年个名人场wWkK])"
        m = re.search(rf"(?:{RATE_HINT})[^，,。；;\d]{{0,6}}{rate}\s*(?:{alt})\s*(?:用|按|是)?\s*{rate}", self.text)
        if not m:
            return False
        for f in self.unused("rate"):
            if m.start() <= f.start < m.end():
                self.use(f)
        self._rate_choice = (m.group(1), m.group(2))
        return True

    def _rate_pair_of_no_year(self) -> bool:
        """「今年离岸250万美元 去年180万美元 汇率7.1和6.9」: two rates listed after the rate word with no year of their own
        and no 分别 (「汇率分别7.1和6.9」 is read in the years' order): which year each is, is asked (the rates are named),
        never guessed; True when such a pair was found."""
        if self.respective_rates:
            return False
        rate = r"([0-9]{1,2}\.[0-9]{1,4})(?![0-9.万千百亿%％年个名人场wWkK])"
        m = re.search(
            rf"(?:{RATE_HINT})[^，,。；;\d分]{{0,6}}{rate}\s*(?:和|、|,|，|/|及|与)\s*{rate}(?!\s*[分各])", self.text
        )
        if not m or not all(plausible_rate(Decimal(g)) for g in m.groups()):
            return False
        if not re.search(YEAR_PREV, self.text) or re.search(rf"{YEAR_PREV}|{YEAR_CUR}|[0-9]{{4}}年", m.group(0)):
            return False  # one year only said, or each rate with its own year (「汇率今年7.1、去年6.9」)
        for f in self.unused("rate"):
            if m.start() <= f.start < m.end():
                self.use(f)
        self.out.problems.append(
            f"您给了{m.group(1)}和{m.group(2)}两个汇率，没有说哪个是今年的、哪个是上一年度的，我不替您对应："
            "请分别告诉我今年和上一年度的美元兑人民币年平均中间价。"
        )
        return True

    def _ask_rate_year(self):
        """The rates offered as alternatives, named, with the year question (第三条第（一）项)."""
        f = self.out.fields
        amount = f.get("offshore_usd") or f.get("previous_offshore_usd")
        which = f"离岸{wan(amount, '美元')}是哪一年执行的？" if amount else "离岸业务是哪一年执行的？"
        self.out.problems.append(
            f"您给了{self._rate_choice[0]}和{self._rate_choice[1]}两个汇率，我不替您选："
            f"人民币汇率以业务执行年度中间价为准（第三条第（一）项）。{which}那一年的美元兑人民币年平均中间价是多少？"
        )

    def _both_years(self, pos: int) -> bool:
        """ "汇率两年都按7算", "汇率都按7.0": one rate said for both years."""
        before = self.text[max(0, pos - 10) : pos]
        return (
            re.search(r"(两年|两个年度|每年|都|(?<![平年])均)[^，,。；;]{0,4}$", before) is not None
            and re.search(r"[0-9]{4}年|今年|去年|上年|本年", before[-5:]) is None
        )

    def _figs_used(self, kind):
        return any(f.kind == kind and id(f) in self.used for f in self.figs)

    def _set_rate(self, key, value):
        value = Decimal(value)
        if not plausible_rate(value):
            self.out.problems.append(
                f"汇率{value}看起来不对：请给出1美元折合多少元人民币的年平均中间价（以您查到的数为准）。"
            )
            return
        self.out.fields[key] = value

    # -- business amounts (三.（一）、（二）) ---------------------------------------------------
    def _years_label_other_kind(self, f, kind: str, seg_start: int) -> bool:
        """「在岸今年1.5亿，上年度1.1亿，离岸120万美元」: both year words label the other kind's figures, and this
        kind, said after them with no year of its own, could be either year's."""
        t = self.text
        if (
            re.search(rf"{YEAR_PREV}|{YEAR_CUR}|两年|两个年度|每年|都|均", t[seg_start : f.start])
            or self._explicit_years()
        ):
            return False
        before = t[:seg_start]
        own, other = (OFFSHORE, ONSHORE) if kind == "offshore" else (ONSHORE, OFFSHORE)
        return bool(
            re.search(YEAR_PREV, before)
            and re.search(YEAR_CUR, before)
            and re.search(rf"({other})\s*({YEAR_PREV}|{YEAR_CUR})", before)
            and not re.search(own, before)
        )

    def _stated_increment(self):
        """「我们今年增量100万」: the increment itself, with no year's amounts and no offshore business: the
        calculator's increment_cny, and said so."""
        # 「今年比去年业务增量100万」: the year compared with names no figure of that year
        compared = re.sub(rf"(?:比|较|相比|和|跟|与)\s*(?:{YEAR_PREV})(?:度)?", "", self.text)
        other_figures = re.search(r"离岸|境外|美元|去年|上年", compared) or any(
            k in self.out.fields for k in ("onshore_cny", "offshore_usd")
        )
        for f in self.unused("money"):
            if f.currency in (None, "CNY") and re.search(
                r"(?<!奖励)增量(部分|额)?(是|为|有|达到|大概|约)?\s*$", self.lead_in(f)
            ):
                if re.search(r"(在岸|境内|国内)(业务)?(的)?(执行额)?增量", self.lead_in(f)) and not self._onshore_said(
                    f
                ):
                    # 「在岸增量8000万 离岸今年300万美元 去年离岸为0」: the onshore part of the increment, as said (no
                    # year's amount), the offshore amounts of both years beside it (asked when one is missing)
                    self.out.fields[stated_increment.KEY] = self.cny(f, "增量")
                    self.out.notes.append(
                        f"按您说的在岸业务增量{wan(f.value)}计算（在岸本年度执行额比上年度增加的部分）"
                    )
                    self.use(f)
                    return
                if (
                    other_figures
                ):  # 「去年在岸500万 今年增量200万」: not this year's amount; the year's amounts are asked
                    self.use(f)
                    self.out.notes.append(f"增量{wan(f.value)}不作为某一年度的执行额")
                    return
                # the calculator's increment_cny: no year's amount is made up (a previous year of 0 would say
                # 「上年度没有业务」, which the user never said, and a rent's 合同执行额 would read the increment)
                self.out.fields["increment_cny"] = self.cny(f, "增量")
                self.out.notes.append(f"按您说的业务增量{wan(f.value)}计算（本年度执行额比上年度增加的部分）")
                self.use(f)
                return

    def _onshore_said(self, f) -> bool:
        """Whether the message gives an onshore amount of a year besides the increment `f`."""
        return any(
            g is not f and g.currency in (None, "CNY") and _kind_of(self.text, g.start) == "onshore"
            for g in self.figs
            if g.kind == "money" and g.value is not None
        )

    def _business_amount(self, key: str, value, raw: str, unit: str, start: Optional[int] = None) -> None:
        """One year's 在岸/离岸 amount; a second one of the same year in a message that counts several contracts
        (「两个合同，一个执行了80万美元，一个45万美元」) is added to it, with a note; otherwise the later one stands."""
        before = self.out.fields.get(key)
        # 「欧洲客户80万欧元，美国客户30万美元」: an amount in another currency, converted, beside one in dollars is
        # another contract of the same year, never the same amount told twice
        several = (before is not None and key in self._converted_keys) or (
            re.search(  # contracts counted (「两个合同」「一个…一个…」), never 分别 alone (「增量和创新分别多少」)
                r"(两|三|四|五|几|[2-9])\s*(个|笔|份|单)\s*(离岸|在岸|境外|境内|国际)?(合同|项目|订单|单子)"
                r"|一个[^，。；,;]{0,12}一个|(合同|项目|订单)[^，。；,;]{0,6}分别"
                r"|(合同|项目|订单|业务)\s*(有|分)?\s*(两|三|四|五|几|[2-9])\s*(块|笔|部分|个)",
                self.text,
            )
        )
        if before is not None and several:
            parts = self.out.fields.setdefault(f"_parts_{key}", [str(before)])  # kept for a later correction of one
            parts.append(str(value))
            self.out.fields[key] = before + value
            self.out.notes = [n for n in self.out.notes if not n.endswith(f"合计{wan(before, unit)}")]
            self.out.notes.append(parts_note(parts, unit))
            return
        if before is not None and before != value and start is not None and ANOTHER_AMOUNT.search(self.text[:start]):
            # 「今年离岸130万美元 … 还有个120万美元的」: another amount of no stated year is asked about, naming it
            # (the same year's second contract, added, or the previous year's), never put in place of the first
            label = "离岸执行额" if key.endswith("offshore_usd") else "在岸执行额"
            self.out.clarifications.append(
                Clarification(
                    "business_year",
                    f"{label}{raw}是哪一年的？是今年的另一笔（与{wan(before, unit)}合计），还是上一年度的？",
                    # no item named: a previous year's amount is 三（一）'s, estimated as when said with its year
                    {"key": key, "value": str(value), "add": str(before), "feeds_increment": not self.items},
                )
            )
            return
        self.out.fields[key] = value

    def _awards_said_none(self):
        """「没拿到增量奖励也没拿离岸奖励」: awards the user says it did not get are 0 (三（三）'s base)."""
        none = r"(没|没有|未|并未)(拿到?|获得|得到|有|拿过|评上)?(过)?(的)?"
        # 「增量奖励和离岸奖励都没拿到」; not across a question (「增量奖励还有吗 没有离岸的」) nor in 「有没有」, which asks
        after = (
            r"奖励?[^，。；,;\d？?！!吗呢么嘛\s()（）咋怎]{0,12}(都|也|均)?(?<!有)(没|没有|未)(拿到?|获得|得到|有|拿过)"
        )

        def said(pattern: str) -> bool:
            # 「那增量奖励是不是就没有了？」 asks whether there is none: no award the user says it did not get
            return any(
                not re.search(r"是不是|是否|会不会|难道|岂不", m.group(0))
                and not re.match(r"[^，。；,;]{0,3}[？?吗呢]", self.text[m.end() :])
                for m in re.finditer(pattern, self.text)
            )

        both = said(r"(增量|规模)奖励?(和|与|跟|、)离岸(业务)?" + after)
        if said(none + r"(增量|规模)奖") or said(r"(增量|规模)" + after) or both:
            self.out.fields.setdefault("_award_3.1", Decimal(0))
        if said(none + r"离岸(业务)?奖") or said(r"离岸(业务)?" + after) or both:
            self.out.fields.setdefault("_award_3.2", Decimal(0))

    def _other_awards_beside_innovation(self):
        """「三（三）的基数包括哪些 增量奖励30万 另外展会补贴10万 CMMI补贴20万」: beside 三（三）, an amount right after
        another item's award name (estimate_words.yml stated_awards `names`: 展会补贴、CMMI补贴、平台补贴 …) is an
        award the user already got, told to ask whether it is in the base: never that item's costs (a 10万 fair,
        a 20万 certificate), and not in 三（三）'s base (only 三（一） and 三（二）), said in a note."""
        from bot.estimate.items import detect_items
        from bot.estimate.stated_awards import award_code, other_award_names

        if "3.3" not in detect_items(self.text):
            return
        names = other_award_names()
        for f in self.unused("money"):
            # 「15%是按60万算还是按多少算」: a base the user asks about, no amount of business or cost
            if re.search(r"按\s*$", self.text[max(0, f.start - 2) : f.start]) and re.match(
                r"\s*(来)?(算|计算)(还是|吗|么|呢|对|是不是|不)", self.text[f.end :]
            ):
                self.use(f)
                self.out.notes.append(f"{wan(f.value)}是您问的基数，不作为执行额或费用")
                continue
            m = re.search(
                rf"({names})\s*(?:是|为|有|拿了|拿到|获得了?|批了|大概|约|已?(?:按|拿到?|批到?)?(?:上限|顶格|满额)(?:的)?|已?核定(?:了|为)?)?\s*$",
                self.text[max(0, f.start - 16) : f.start],
                re.IGNORECASE,
            )
            if m is None or f.currency not in (None, "CNY"):
                continue
            self.use(f)
            code = award_code(m.group(1))
            others = self.out.fields.setdefault("_other_awards", [])
            if code and code not in others:
                others.append(code)  # its item is not estimated: no cost of it was told (bot/estimate/session.py)
            if code:  # the amount, for the year's total under 第四条第（三）项 (bot/estimate/supposed_awards.py)
                self.out.fields.setdefault("_other_award_amounts", []).append([code, m.group(1), str(f.value)])
            self.out.notes.append(
                f"{m.group(1)}{wan(f.value)}是已获得的其他奖补，不计入第三条第（三）项的基数（只算增量奖励和离岸业务奖励）"
            )

    def _joint_awards(self):
        """「假设一二两项都顶格拿200万」「增量和离岸奖励各拿150万」: one amount for 三（一） and 三（二） named together is
        each one's award (三（三）'s base and part of the year's total), never a business amount (stated_awards.joint)."""
        from bot.estimate import stated_awards

        awards, f = stated_awards.joint(self.text, [g for g in self.figs if id(g) not in self.used])
        for code, value in awards.items():
            self.out.fields.setdefault(f"_award_{code}", value)
        if f is not None:
            self.use(f)

    def _headed_awards(self):
        """「今年的奖励：增量9.6万 + 离岸87.4万」: amounts listed under an award heading are the 三（一）/（二） awards
        (三（三）'s base), never business amounts (stated_awards.headed)."""
        from bot.estimate import stated_awards

        listed = stated_awards.headed(self.text)
        listed.update(stated_awards.total_parts(self.text))
        for f in self.unused("money"):
            code, value = listed.get(f.start, (None, None))
            if f.start in listed and code is None:
                self.use(f)  # 「增量奖励和离岸奖励合计120万」 before its parts: the sum, neither award
            if code in ("3.1", "3.2") and value == f.value:
                self.out.fields[f"_award_{code}"] = f.value
                self.use(f)

    def _years_unsaid_pair(self):
        """「在岸执行额2360万、1940万 近两年的 我也分不清哪个是今年哪个是去年」: two amounts of one kind for two years
        with no year said for either: which is which is asked, naming both (never guessed from their order)."""
        from bot.estimate.lists import year_roles

        words = estimate_words()["years_unsaid"]
        moneys = [f for f in self.unused("money") if f.value is not None]
        if len(moneys) != 2 or year_roles(self.text, self.figs).keys() & {f.start for f in moneys}:
            return
        if not re.search(alternation(words["two_years"]), self.text) and not _bare_pair_for_increment(
            self.text, moneys
        ):
            return
        after = re.match(
            rf"[，,\s]?[^，。；,;\d]{{0,4}}({OFFSHORE}|{ONSHORE})", self.text[moneys[-1].end : moneys[-1].end + 12]
        )
        said_after = ("offshore" if re.match(OFFSHORE, after.group(1)) else "onshore") if after else None
        kinds = {_kind_of(self.text, f.start) or said_after for f in moneys}
        currencies = {f.currency or "CNY" for f in moneys}
        if len(kinds) != 1 or None in kinds or len(currencies) != 1:
            return
        kind = kinds.pop()
        key = "offshore_usd" if kind == "offshore" else "onshore_cny"
        if (kind == "offshore") != (currencies.pop() == "USD"):
            return  # a currency to ask first: the usual reading asks it
        for f in moneys:
            self.use(f)
        what = "离岸" if kind == "offshore" else "在岸"
        raws = "、".join(f.raw for f in moneys)
        self.out.clarifications.append(
            Clarification(
                "years_of_pair",
                f"{what}执行额{raws}分别是哪一年的？请告诉我哪个是今年（本年度）的、哪个是上一年度的"
                "（增量按本年度比上年度计算，我不按顺序猜）。",
                {"key": key, "values": [str(f.value) for f in moneys], "raws": [f.raw for f in moneys]},
            )
        )

    def _business(self):
        converted_totals.take(self)  # 「今年4.2亿 这里面离岸600万美元按7.0已经折进去了」: totals as given
        year_totals.take(self)  # 「全年执行额（离岸已折人民币）去年2亿今年3亿；今年离岸$5M」: both years' totals
        total_parts.take(self)  # 「今年总执行额1.75kw，其中离岸部分折成人民币是420万」: a part inside a year's total
        converted_totals.take_previous(self)  # 「去年合计1.5亿元（离岸已经按当年汇率折好了）」: last year's as given
        previous_total.take(self)  # 「去年执行额合计折人民币1.2亿」「去年0.9亿 全部在岸」: last year's one total
        total_parts.settle(self)  # this year's total holding dollars (or a part of no currency): with last year's
        converted_increment.take(self)  # 「增量部分（已经按规定折算好了）是1,350万元」: the base itself
        moneys = [f for f in self.unused("money") if f.value is not None]
        if len(moneys) == 2 and _bare_pair_for_increment(self.text, moneys):
            self._years_unsaid_pair()  # 「增量奖励 …是2800万和2300万」: no award said, two years' amounts
        self._headed_awards()
        self._joint_awards()
        self._awards_said_none()
        self._stated_increment()
        self._years_unsaid_pair()
        t = self.text
        if re.search(
            r"(不是|并非|不算|非)[^，。；\d]{0,2}(新增|新成立|新设立|新注册|刚成立|新)(的)?(企业|公司)?(?![^，。；]{0,2}(业务|拿|获得|认定|评))"
            r"|不是首年|不是第一年|老企业|成立(好|很)?(几|多|[二三四五六七八九十两\d]+)年",
            t,
        ) or established_earlier(t):
            self.out.fields["new_enterprise"] = False
        elif re.search(
            r"新增企业|新成立|新设立|新注册|首年|第一年|头一年|刚成立|才成立|刚注册|才注册|今年成立|新企业", t
        ):
            self.out.fields["new_enterprise"] = True
        said_none = (
            [
                m  # 「去年没有离岸 今年离岸150万美元」: the 离岸 said to be none has no figure of its own after it
                for m in re.finditer(rf"({NONE_WORDS})[^，。；,;]{{0,4}}({OFFSHORE_NONE})", t)
                if not _none_of_another_thing(t, m)
                and not _figure_follows(t[m.end() :])
                or re.match(
                    rf"[^，。；,;\d]{{0,6}}({YEAR_PREV}|{YEAR_CUR})", t[m.end() :]
                )  # the figure is another year's
            ]
            + list(  # 「上年在岸300万 离岸没有」: the none said after 离岸
                re.finditer(
                    rf"()({OFFSHORE_NONE}|(?:海外|境外|国外)(?=(?:是|为)?0))(业务)?(是|为|也)?({NONE_WORDS}|0(?:\.0+)?(?:万|元|美元|美金|usd)?(?![\d.]))"
                    rf"(有|做|做过|开展)?(业务)?(的)?(?=$|[\s，。；,;])",  # 「海外0」「离岸为0」 too
                    t,
                )
            )
        )
        # 「今年在岸780万 离岸0 去年在岸600万 离岸0」: several nones, each in its own year's words, each that year's 0
        each = {self._year(m.start(2)) for m in said_none} if len(said_none) > 1 else set()
        if len(said_none) > 1 and each <= {"previous", "current"} and len(each) == len(said_none):
            for year in each:
                if year == "current" and "3.2" not in self.items:
                    continue  # 0 this year only matters to 三（二）; to 三（一） an absent amount counts 0
                self.out.fields.setdefault({"previous": "previous_offshore_usd"}.get(year, "offshore_usd"), Decimal(0))
            said_none = []
        # 「2024年在岸8000万，无离岸；2025年…」: a year named outright places the none as 去年/今年 do (_year)
        placed = self._year(said_none[0].start(2)) if said_none else None
        if said_none and (
            not any(_figure_follows(t[m.end() :]) for m in re.finditer("离岸", t)) or placed == "previous"
        ):
            pos = said_none[0].start(2)
            near = re.search(rf"({YEAR_PREV}|{YEAR_CUR})[^，。；0-9]{{0,4}}$", t[max(0, pos - 10) : pos])
            year = _year_of(t, pos) if near else None  # "没有离岸的" said once covers both years
            if year is None and label_before(t, pos) is not None:
                year = self._year(pos)  # 「去年的：境内2000万 没离岸」: the year heading the none is its year
            if year is None and placed == "previous" and not _year_of(t, pos):
                year = "previous"  # the explicit year before it is the previous one, no 去年/今年 said
            if year is None and self.pending in ("offshore_usd", "previous_offshore_usd"):
                year = "previous" if self.pending.startswith("previous_") else "current"  # the year asked about
            if year is None and self._only_previous_year_said():
                year = "previous"  # 「其实上年就注册了 上年在岸150万 离岸没做」: a message about last year only
            keys = {"previous": ["previous_offshore_usd"], "current": ["offshore_usd"]}.get(
                year, ["offshore_usd", "previous_offshore_usd"]
            )
            for k in keys:
                if k == "offshore_usd" and "3.2" not in self.items:
                    continue  # 0 this year only matters to 三（二）; to 三（一） an absent amount counts 0
                self.out.fields.setdefault(k, Decimal(0))
        for m in re.finditer(
            rf"({YEAR_PREV})(的)?\s*(是|也|为)?\s*({NONE_WORDS}|0)(有)?(?![\d.万]|[^，。；,;)）]{{0,3}}(在岸|境内|国内|离岸))",
            t,
        ):
            sentence = max(t.rfind(c, 0, m.start()) for c in "。；;\n")
            if _kind_of(
                t[sentence + 1 : m.start()], m.start() - sentence - 1
            ) == "offshore" and not _none_of_a_named_thing(t, m.start()):
                self.out.fields.setdefault("previous_offshore_usd", Decimal(0))  # 「今年离岸150万美元（去年无）」
        if self.pending in ("offshore_usd", "previous_offshore_usd") and re.fullmatch(
            rf"(去年|上年|上一年|今年)?(也)?({NONE_WORDS}|是0|0)(有)?(业务|离岸|离岸业务)?(的)?[。！!，,.]*", t
        ):  # 「没有」 answering the question about one year's offshore amount: that year's is 0
            self.out.fields.setdefault(self.pending, Decimal(0))
        elif self.pending in ("offshore_usd", "previous_offshore_usd") and re.fullmatch(
            rf"({_words(estimate_words()['all_told'])})[了啊呀吧。！!，,.]*", t
        ):  # 「数据都在这了」 answering that question: no offshore amount that year, said in a note
            self.out.fields.setdefault(self.pending, Decimal(0))
            year = "上一年度" if self.pending.startswith("previous_") else "今年"
            self.out.notes.append(f"您说数据都已给出，{year}的离岸执行额按没有（0）计算")
        elif (
            (
                last_none := re.search(
                    r"(去年|上年|上一年)[^，。；]{0,4}(没有|无|没)(业务|执行额|收入)?$|(去年|上年)\s*(是)?\s*0(?![\d.])",
                    t,
                )
            )
            and not _none_of_a_named_thing(t, last_none.start())
            or re.search(BOTH_KINDS_NONE, t)
        ) and not self._answers_pending_condition(t):  # 「去年境内境外都是0」: both kinds named, both 0
            # asked only for last year's offshore amount, onshore stays open unless both kinds were named
            if self.pending != "previous_offshore_usd" or re.search(BOTH_KINDS_NONE, t):
                self.out.fields.setdefault("previous_onshore_cny", Decimal(0))
            self.out.fields.setdefault("previous_offshore_usd", Decimal(0))
        none_business = (
            r"(没有|没|无|零)(任何|什么|啥)?(业务|执行额|收入|营收)(?!增)|没开张|没开业|没营业"
            r"|(业务|执行额)[^，。；\d离在境国]{0,3}(没有|为0|是0|为零|是零)(?![\d.])"
            # 「去年一单业务没做」「去年业务都没开展」: none done, of either kind (never 「离岸业务没做」, one kind)
            r"|(?<![岸内外际])(业务|单子|生意)[^，。；\d离在境国]{0,3}(都|也)?(没有|没)(做|接|开展|干)"
            r"|一(单|笔)[^，。；\d离在境国]{0,4}(都|也)?(没有|没)(做|接|开展|干)"
        )
        if (self.pending == "business_previous" and re.search(none_business, t)) or re.search(
            rf"({YEAR_PREV})[^，。；\d]{{0,12}}({none_business})", t
        ):  # 「去年就成立了两个月 一分钱业务都没有」: last year's amounts are 0, both kinds
            self.out.fields.setdefault("previous_onshore_cny", Decimal(0))
            self.out.fields.setdefault("previous_offshore_usd", Decimal(0))
        moneys = self.unused("money")
        pending_kind = {
            "offshore_usd": ("offshore", "current"),
            "previous_offshore_usd": ("offshore", "previous"),
            "onshore_cny": ("onshore", "current"),
            "previous_onshore_cny": ("onshore", "previous"),
            "rent_contract_amount_cny": ("rent", None),
        }.get(self.pending)
        said_kind = None  # "去年在岸2000万元，今年2600万元": a figure with no kind takes the one before it
        if re.search(r"(都|全|全部|均)(是|为|属于)?(境内|国内|在岸|人民币|本地的?" + LOCAL_CLIENTS + ")", t):
            said_kind = ("onshore", "CNY")  # "…都是境内的" 「都是本地单位的」: said once for every figure
        elif re.search(r"(都|全|全部|均)(是|为|属于)?(境外|国外|离岸|美元)", t):
            said_kind = ("offshore", "USD")
        unclear, signed_only, kinds_said, kinds_said_years = [], [], set(), set()
        for f in moneys:
            if re.search(RATE_HINT + r"[^，,；;]{0,3}$", t[max(0, f.start - 6) : f.start]) and f.currency is None:
                continue
            if stated_increment.take(self, f):
                continue  # 「在岸比去年多了300万」: the user's own difference, used as said
            if DIFFERENCE_BEFORE.search(t[max(0, f.start - 12) : f.start]) and not (
                re.match(
                    r"(的)?(离岸|在岸|境外|境内|国际)(?!奖|的?奖励|那|这)", t[f.end : f.end + 6]
                )  # 「但多了40万美元的离岸」: an amount (not 「少了50万美元 离岸奖还有吗」, the next question)
            ):
                self._difference_of_years(f)
                continue  # "就比100万多了1美元": a difference, not an amount
            if self._sum_of_years(f):
                continue  # 「离岸这两年加起来240万美元」: several years' sum, no year's amount
            if f.currency != "USD" and self._cost_of_people(f):
                continue  # 「海外项目管理研修 每人学费7万」: a training cost, not an offshore amount
            if f.bound in (
                "超过",
                "不低于",
                "不少于",
                "不超过",
                "低于",
                "高于",
                "最高",
                "最多",
                "至少",
                "大于",
                "小于",
                "以上",
                "以下",
                "以内",
                "及以上",
                "及以下",
            ):
                continue  # "加一起肯定超过100万美元了": the policy's threshold quoted, not an amount
            kind = _kind_of(t, f.start) or _kind_after(t, f.end)
            if kind and self._kind_word_taken(f, moneys) and _kind_closes_after(t, f.end):
                kind = _kind_after(t, f.end)  # 「在岸860万，另外有50万美元离岸」: 在岸 named 860万; 离岸 names this one
            if re.match(r"\s*的(离岸|在岸)", t[f.end : f.end + 4]):
                kind = _kind_after(t, f.end) or kind  # 「40万美元的离岸」: the noun after the figure names it
            if kind in ("onshore", "offshore") and _kind_left_behind(t, f.start):
                kind = None  # 「离岸0 去年1200万」: 离岸 had its own figure; another year's figure starts anew
            year_here = self._year(f.start)
            if kind is None and year_here in ("previous", "current") and f.currency != "USD":
                other_on = "onshore_cny" if year_here == "previous" else "previous_onshore_cny"
                other_off = "offshore_usd" if year_here == "previous" else "previous_offshore_usd"
                if other_on in self.out.fields and not self.out.fields.get(other_off):
                    kind = "onshore"  # 「今年境内1800万 离岸0 去年1200万」: parallels the other year's onshore
            if (
                kind is None
                and said_kind
                and (f.currency is None or f.currency == said_kind[1])
                and not (len(kinds_said) > 1 and year_here not in kinds_said_years)
            ):  # 「今年在岸2000万，离岸180万美元 … 之前那年是1900万」: both kinds said, another year's is unclear
                kind = said_kind[0]
                if f.currency is None and said_kind[1] == "USD":
                    self.use(f)
                    f = _with_currency(f, "USD")
            if fair_roles.names_a_fair(t, self.figs, f) and not fair_roles.business_words_before(t, self.figs, f):
                continue  # 「…今年还去了一趟国外参展 商务部门指定的 花了7万」: a fair's cost, not this year's business
            if (
                "3.5" in self.items
                and not self.items & {"3.1", "3.2", "3.3"}
                and self.pending != "business"
                and not re.search(FAIRS_ONLY_BUSINESS, t)
                and not re.search(rf"{YEAR_PREV}|{YEAR_CUR}|(?:19|20)\d\d年?", fair_roles.window(t, self.figs, f))
            ):  # (「今年境内差不多2000万 去年是1700万」: a year's amount, the business's)
                continue  # 「展会补贴…\nGITEX 境外 7万」: only fairs asked, no business named: 境外 places the fair
            year = self._year(f.start)
            if year == "other":
                continue
            if self._award_figure(f) or self._own_result(f):
                continue
            if pending_kind and kind is None:
                kind = pending_kind[0]
                year = year or pending_kind[1]
            if kind is None and year and self.known:  # "去年是3900万 记错了": the kind that year was told in
                pre = "previous_" if year == "previous" else ""
                on, off = self.known.get(pre + "onshore_cny"), self.known.get(pre + "offshore_usd")
                if on is not None and not off and f.currency != "USD":
                    kind = "onshore"
                elif off and on is None and f.currency == "USD":
                    kind = "offshore"
            if kind == "rent":
                self.out.fields["rent_contract_amount_cny"] = self.cny(f, "合同执行额")
                self.use(f)
                continue
            lead = self.lead_in(f)
            signed = re.search(r"(新签|签了|签订了?|签的|签约)[^，。；0-9]{0,8}$", lead)
            if signed and "执行" not in lead and "执行额" not in t:
                # 「今年新签了离岸合同260万美元 目前才执行了一部分」: a contract signed is not the amount executed
                self.use(f)
                key = ("previous_" if year == "previous" else "") + (
                    "offshore_usd" if kind == "offshore" or f.currency == "USD" else "onshore_cny"
                )
                signed_only.append((f.raw, key))
                continue
            other_amount = re.search(rf"{OTHER_AMOUNT_WORDS}|签的|签约", lead)
            if other_amount and "执行额" in t and "执行额" not in lead and f.currency != "USD":
                # 「合同额有4500万 但是系统里的执行额是3300万」: the policy counts the executed amount
                self.use(f)
                self.out.notes.append(
                    f"{other_amount.group(0)}{wan(f.value)}不是合同执行额，未计入（按合同执行额计算）"
                )
                continue
            if (
                kind is None
                and f.currency is None
                and "执行额" in t
                and not re.search(r"营收|合同额|收入|流水|销售额|签", lead)
                and self.items & {"3.1", "3.3"}
                and "3.2" not in self.items
                and not self.has(r"离岸|在岸|境外|境内|美元")
                and year in ("previous", "current")
            ):
                kind = "onshore"  # 「去年执行额6800万 今年6100万」: yuan totals; the increment needs only their sum
                note = "未区分在岸、离岸的执行额按人民币合计计算增量"
                if note not in self.out.notes:
                    self.out.notes.append(note)
            if kind is None and f.value == 0 and year in ("previous", "current") and f.currency is None:
                # 「去年没有业务 执行额是0」: a year's whole amount of 0 is 0 of either kind, no kind to ask
                pre = "previous_" if year == "previous" else ""
                self.out.fields.setdefault(pre + "onshore_cny", Decimal(0))
                self.out.fields.setdefault(pre + "offshore_usd", Decimal(0))
                self.use(f)
                continue
            if kind is None and f.currency != "USD" and year in ("previous", "current"):
                pre = "previous_" if year == "previous" else ""
                none = self.out.fields.get(pre + "offshore_usd")
                if none is not None and none == 0 and pre + "onshore_cny" not in self.out.fields:
                    kind = "onshore"  # 「去年是180万 没有离岸」: that year had no offshore business, so this is onshore
            if kind is None:
                business = r"执行额|营收|营业额|合同额|业务额|业务量|外包业务|离岸|在岸"
                if f.currency == "USD" and (self.items & {"3.1", "3.2", "3.3"} or self.has(business)):
                    kind = "offshore"
                elif f.currency == "CNY" and (self.items & {"3.1", "3.3"} or self.has(business)):
                    kind = "onshore"
                elif (
                    self.has(r"执行额|合同额|业务额|业务量|营收|营业额")
                    or self.pending in ("business",)
                    or (self.items & {"3.1", "3.2", "3.3"} and (year or self.has(r"业务|做了")))
                    or (kinds_said and year)  # 「今年境内800万，离岸50万美元 … 上一年是700万」
                ):
                    if self._whole_with_unsaid_part(f, year):
                        continue
                    unclear.append({"value": str(f.value), "year": year or "current", "said": f.raw})
                    self.use(f)
                    continue
                else:
                    continue
            key = ("previous_" if year == "previous" else "") + (
                "offshore_usd" if kind == "offshore" else "onshore_cny"
            )
            if kind in ("onshore", "offshore") and self._part_of_other_kind(f, kind, key):
                continue
            seg_start = segment_of(self.spans, f.start)[0]
            # 「去年今年都是1000万 去年没有离岸 今年离岸150万美元」: 都 said of an earlier figure is not this one's
            both_from = max([seg_start] + [g.end for g in self.figs if g.kind == "money" and g.end <= f.start])
            # 「连续两年都有新的软著 去年离岸210万美元」: a year word after the 都 gives the figure its own year
            both = self._both_years_said(t[both_from : f.start]) or both_years_after(t, f.end)
            if kind in ("onshore", "offshore") and not both and self._years_label_other_kind(f, kind, seg_start):
                self.use(f)
                what = "离岸" if kind == "offshore" else "在岸"
                self.out.clarifications.append(
                    Clarification(
                        "business_year",
                        f"{what}{f.raw}是今年还是上一年度的执行额？",
                        {"key": key.replace("previous_", ""), "value": str(f.value), "currency": f.currency},
                    )
                )
                continue
            if both and f.currency == "USD" and kind == "offshore":
                self.out.fields.setdefault("previous_offshore_usd", f.value)  # "去年今年离岸都是200万美元"
                key = "offshore_usd"
            elif both and kind == "onshore":
                self.out.fields.setdefault("previous_onshore_cny", self.cny(f, "在岸执行额"))
                key = "onshore_cny"
            if f.currency not in (None, "CNY", "USD"):
                if not self._foreign_at_given_rates(key, f):
                    self.out.clarifications.append(foreign_currency(key, f))
            elif kind == "offshore":
                if f.currency is None:
                    self.out.clarifications.append(
                        Clarification(
                            "currency",
                            f"离岸执行额{f.raw}是美元还是人民币（元）？",
                            {"key": key, "value": str(f.value)},
                        )
                    )
                elif f.currency == "CNY":
                    # 「离岸已经按中间价折成人民币800万」: counted as said in 三（一）; its dollars asked for 三（二）
                    self.out.fields.setdefault(key.replace("_usd", "_cny"), f.value)
                    if yuan_offshore.only_in_yuan(key):
                        # 「去年离岸折人民币0.5个亿」: last year's offshore counts in 三（一） only, in yuan; never asked in dollars
                        self.out.notes.append(yuan_offshore.previous_note(f.value))
                    else:
                        self.out.clarifications.append(
                            Clarification(
                                "currency",
                                f"离岸执行额按美元计算（第三条第（二）项“以美元计算”）。{wan(f.value)}折合多少美元？"
                                "也可以告诉我当年的美元兑人民币年平均中间价（汇率），我按它折算。",
                                {"key": key, "value": None, "said": {"amount": str(f.value), "currency": "CNY"}},
                            )
                        )
                else:
                    self._business_amount(key, f.value, f.raw, "美元", f.start)
            else:
                if f.currency == "USD":
                    self.out.clarifications.append(
                        Clarification(
                            "currency",
                            f"在岸执行额按人民币计算，{wan(f.value, '美元')}折合多少元？"
                            "也可以告诉我当年的美元兑人民币年平均中间价（汇率），我按它折算。",
                            {"key": key, "value": None, "said": {"amount": str(f.value), "currency": "USD"}},
                        )
                    )
                else:
                    self._business_amount(key, self.cny(f, "在岸执行额"), f.raw, "元", f.start)
            self.use(f)
            if kind in ("onshore", "offshore"):
                kinds_said.add(kind)
                kinds_said_years.add(year)
            if kind in ("onshore", "offshore") and f.currency:
                said_kind = (kind, f.currency)
            elif kind in ("onshore", "offshore"):
                said_kind = (kind, "CNY" if kind == "onshore" else None)
        if signed_only:  # asked, naming the figures: the answer is the executed amount of the first one's role
            label = {"offshore_usd": "离岸合同执行额（美元）", "onshore_cny": "在岸合同执行额（元）"}
            key = signed_only[0][1]
            self.out.clarifications.append(
                Clarification(
                    "executed",
                    f"{'、'.join(raw for raw, _ in signed_only)}是签约的合同金额，不是合同执行额。政策按当年实际的"
                    "合同执行额计算（第一条），签约金额不能当作执行额。"
                    f"{'去年' if key.startswith('previous_') else '今年'}实际的{label[key.replace('previous_', '')]}是多少？",
                    {"key": key, "value": None},
                )
            )
        self._onshore_said_none()
        self._one_kind_only()
        if unclear and self._onshore_only_so_far(unclear):
            unclear = []
        if unclear:
            said = "、".join(u["said"] for u in unclear)  # named as the user wrote it (1.2亿, 1900万)
            self.out.clarifications.append(
                Clarification(
                    "business_kind",
                    (
                        f"政策按服务外包合同执行额计算，{other.group(0)}不一定就是执行额。"
                        if (other := re.search(OTHER_AMOUNT_WORDS, t)) and "执行额" not in t
                        else ""
                    )
                    + f"{said}是在岸（境内，人民币）执行额，还是离岸（境外，美元）执行额？",
                    {"values": unclear, "value": unclear[0]["value"], "year": unclear[0]["year"]},
                )
            )

    def _onshore_only_so_far(self, unclear: list) -> bool:
        """「22年是1.8kw 不是1.5 23年还是0.25亿」 after both years' onshore amounts were read and no offshore business
        in either year: each year's figure again is that year's onshore amount (corrected or restated), never asked
        在岸 or 离岸 anew; said in a note. Only with both years' onshore amounts known, no offshore amount but 0, and no
        offshore word or dollar in this message."""
        known = self.known or {}
        if not ("onshore_cny" in known and "previous_onshore_cny" in known):
            return False
        if known.get("offshore_usd") or known.get("previous_offshore_usd") or known.get("onshore_increment_cny"):
            return False
        if self.has(rf"{OFFSHORE}|美元|美金|usd|\$") or any(
            u.get("year") not in ("previous", "current") for u in unclear
        ):
            return False
        if len({u["year"] for u in unclear}) != len(unclear):
            return False
        for u in unclear:
            key = "previous_onshore_cny" if u["year"] == "previous" else "onshore_cny"
            self.out.fields[key] = Decimal(u["value"])
        return True

    def _onshore_said_none(self) -> None:
        """「在岸两年都没有」「两年都没做在岸」「去年在岸是0」: a stated none is a figure, 0 for the years it names (both
        when no year is said, or 两年/都); never over a figure the message gives that year."""
        t = self.text
        for m in re.finditer(r"(离岸|境外业务|国际业务)(业务|执行额)?(是|为|也是)?(0|零)(?![\d.万千百亿w])", t):
            near = re.search(rf"({YEAR_PREV})[^，。；0-9]{{0,4}}$", t[max(0, m.start() - 8) : m.start()])
            if near and _year_of(t, m.start() + 1) == "previous":  # 「上年离岸为0」: last year's offshore is 0
                self.out.fields.setdefault("previous_offshore_usd", Decimal(0))
        kinds = r"在岸|境内业务|国内业务|境内执行额|国内执行额"
        said = list(
            re.finditer(
                rf"({kinds})(业务|执行额)?(这)?(两年|去年今年|今年去年)?(都|也|均)?(是|为)?"
                rf"({NONE_WORDS}|0)(有|做|做过|开展)?(?![\d.万千百亿w])",
                t,
            )
        ) + list(
            re.finditer(
                rf"()(两年|去年今年|今年去年)?(都|也|均)?({NONE_WORDS})(有|做|做过|开展)?(过)?({kinds})(?!展|[^，。；,;]{{0,4}}\d)",
                t,
            )
        )
        if not said or not (self.items & {"3.1", "3.3"} or self.has(r"离岸|执行额")):
            return
        if not (self.items & {"3.1", "3.3"} or self.has(YEAR_PREV) or self.has(r"两年")):
            return  # 「离岸150万美元 在岸没有」 with no word of last year: no increment is asked about
        for m in said:
            both = re.search(r"两年|去年今年|今年去年|都|均", m.group(0))
            near = re.search(rf"({YEAR_PREV}|{YEAR_CUR})[^，。；0-9]{{0,4}}$", t[max(0, m.start() - 8) : m.start()])
            year = None if both or not near else _year_of(t, m.start() + 1)
            if year is None and not both and label_before(t, m.start() + 1) is not None:
                year = self._year(m.start() + 1)  # 「上年度：…在岸没有」: the year heading the none is its year
            if (
                year is None
                and not both
                and (
                    (self.pending or "").startswith(("business_previous", "previous_"))
                    or self._only_previous_year_said()
                )
            ):
                year = "previous"  # 「去年180万美元 在岸没有」 answering for last year: last year's none
            keys = {"previous": ["previous_onshore_cny"], "current": ["onshore_cny"]}.get(
                year, ["onshore_cny", "previous_onshore_cny"]
            )
            for k in keys:
                self.out.fields.setdefault(k, Decimal(0))

    def _one_kind_only(self) -> None:
        """「去年只有在岸300万」「去年全是离岸」: last year said to hold one kind of business only had none of the other (0,
        estimate_words.yml `one_kind_only`), so it is not asked; unless the message gives it. This year's kind not
        given counts 0 anyway; with no year said right before the words, no year is settled."""
        t = self.text
        only = _words(estimate_words()["one_kind_only"])
        year = rf"(?:{YEAR_PREV}|{YEAR_CUR})"
        for m in re.finditer(
            rf"({year}(?:\s*(?:和|跟|与|、|及)\s*{year})?)[^，。；,;\d]{{0,4}}?(?:{only})\s*的?\s*({ONSHORE}|{OFFSHORE})",
            t,
        ):
            other = "offshore_usd" if re.fullmatch(ONSHORE, m.group(2)) else "onshore_cny"
            for said in re.finditer(year, m.group(1)):  # 「去年和今年都是在岸」: both years
                if _year_of(said.group(0), len(said.group(0))) == "previous":
                    self.out.fields.setdefault(f"previous_{other}", Decimal(0))  # this year's absent kind counts 0

    def _only_previous_year_said(self) -> bool:
        """Every year word of the message is the previous year's (去年/上年 …, no 今年 and no year number)."""
        return bool(re.search(YEAR_PREV, self.text)) and not (
            re.search(YEAR_CUR, self.text) or self._explicit_years() or self.shifted
        )

    def _part_of_other_kind(self, f, kind: str, key: str) -> bool:
        """「135万美元 这里头有些是做境内项目的」: an amount said to hold a part of the other kind
        (estimate_words.yml part_of_other_kind) is not this kind's amount; this kind's part is asked, naming the
        figure, never computed on the whole."""
        nxt = [g for g in self.figs if g.kind == "money" and g.start >= f.end]
        end = nxt[0].start if nxt else len(self.text)
        if (
            nxt
            and self._year(f.start) != "previous"
            and self._year(nxt[0].start) == "previous"
            and not re.search(r"[。；;？?！!，,]", self.text[f.end : nxt[0].end])
        ):  # 「一共220万 去年150万 里面有新加坡客户的单子」: said after the year's amounts in a row, of the whole
            later = [g.start for g in nxt[1:]]
            end = min(later) if later else len(self.text)
        other = other_kind_part(self.text[f.end : end], kind, self._kind_named_before(f, kind))
        if not other or any(self.text.find(other, f.end) == taken for taken in self._parts_told):
            return False
        self._parts_told.add(self.text.find(other, f.end))
        self.use(f)
        what, unit = ("离岸", "美元") if kind == "offshore" else ("在岸", "元")
        other_what = "在岸（境内）" if kind == "offshore" else "离岸（境外）"
        year = "去年" if key.startswith("previous_") else "今年"
        said = wan(f.value, "美元" if f.currency == "USD" else "元")
        self.out.clarifications.append(
            Clarification(
                "part",
                f"您说{said}里有一部分是{other_what}业务，所以{said}不全是{what}执行额，我不按{said}整体计算。"
                f"{year}其中{what}部分的合同执行额是多少{unit}？"
                + (
                    "离岸部分按美元计，可以一起告诉我（如“在岸多少万元、离岸多少万美元”）。"
                    if kind == "onshore"
                    else ""
                ),
                {"key": key, "value": None, "whole": str(f.value), "said": f.raw},
            )
        )
        return True

    def _kind_named_before(self, f, kind: str) -> bool:
        """「今年在岸做了2800万」: the amount's kind said in its own part, before it and after any earlier amount."""
        before = [g.end for g in self.figs if g.kind == "money" and g.end <= f.start]
        start = max(before + [segment_of(self.spans, f.start)[0]])
        return bool(re.search(ONSHORE if kind == "onshore" else OFFSHORE, self.text[start : f.start]))

    def _whole_with_unsaid_part(self, f, year: Optional[str]) -> bool:
        """「合同执行额一共1600万 里面有一部分是离岸的」: a whole of no kind said to hold a part of one kind, without
        the part's amount, is neither kind's amount: the part is asked for, naming the whole and the part missing,
        never 「1600万是在岸还是离岸」 and never a split guessed."""
        nxt = [g for g in self.figs if g.kind == "money" and g.start >= f.end]
        after = self.text[f.end : nxt[0].start if nxt else len(self.text)]
        before = [g for g in self.figs if g.kind == "money" and g.end <= f.start]
        if before and not re.search(r"[，,。；;！!？?]", self.text[before[-1].end : f.start]):
            return False  # 「今年2000万 去年1500万 有一部分是离岸的」: of which year's figure is not said; both asked
        for part, whole_of_other in (("offshore", "onshore"), ("onshore", "offshore")):
            words = other_kind_part(after, whole_of_other)  # a part of `part`'s kind, named after the whole
            if not words:
                continue
            self.use(f)
            pre = "previous_" if year == "previous" else ""
            what, unit, rest, rest_unit = (
                ("离岸（境外）", "美元", "在岸（境内）", "元")
                if part == "offshore"
                else ("在岸（境内）", "元", "离岸（境外）", "美元")
            )
            said = wan(f.value, "美元" if f.currency == "USD" else "元") if f.currency else f.raw
            # 「2.3 million」 with no currency: which currency it is, asked too (离岸 counts in 美元, 在岸 in 元)
            money = "" if f.currency or not re.search(r"[A-Za-z]", f.raw) else f"（{said}也没有说是美元还是人民币）"
            # the increment compares with the year before: asked when the message gives no figure of it
            before = (
                ""
                if pre or re.search(YEAR_PREV, self.text)
                else "另外，测算增量奖励还需要上年度（去年）的在岸、离岸执行额。"
            )
            self.out.clarifications.append(
                Clarification(
                    "part",
                    f"您说{said}里有一部分是{what}业务，但没有说这部分是多少{money}，所以{said}不能整体算作在岸或离岸执行额，"
                    f"我也不替您拆分。{'去年' if pre else '今年'}其中{what}部分的合同执行额具体是多少{unit}？"
                    f"{rest}部分是多少{rest_unit}？可以一起告诉我（如“离岸多少万美元、在岸多少万元”）。" + before,
                    {
                        "key": pre + ("offshore_usd" if part == "offshore" else "onshore_cny"),
                        "value": None,
                        "whole": str(f.value),
                        "said": f.raw,
                        "mixed": True,
                    },
                )
            )
            return True
        return False

    def _difference_of_years(self, f) -> None:
        """「今年离岸比去年多了50万」: a difference between two years' business is no year's amount; the
        award needs each year's amounts (离岸 at that year's rate), so the difference is named, never computed.
        「在岸加离岸比去年少了差不多两百万」: the whole business fell, so there is no increment, whatever the exact
        figures (三（一） rewards the increment only); the offshore award still needs this year's offshore amount."""
        clause = self.text[segment_of(self.spans, f.start)[0] : f.start]
        if not re.search(rf"比\s*({YEAR_PREV}|{YEAR_CUR})", clause):
            return
        fell = whole_business_fell(clause)
        if fell is not None:
            said = self.text[segment_of(self.spans, f.start)[0] + fell : f.end]
            self.out.problems.append(
                f"您说业务总量“{said}”：比上年度下降，没有增量。第三条第（一）项只奖励比上年度增长的增量部分，所以拿不到"
                f"增量奖励（{f.raw}是两年之差，不是某一年度的执行额，我不据此推算）。离岸业务奖励（第三条第（二）项）另算，"
                f"不看增减，要看今年离岸执行额是否超过{figure_words('3.2', 'threshold_usd', '美元')}：请告诉我今年的离岸执行额"
                "（美元）。"
            )
            return
        if not re.search(OFFSHORE + "|" + ONSHORE, clause):
            return
        currency = {"USD": "美元", "CNY": "人民币"}.get(f.currency)
        self.out.problems.append(
            f"您说的{f.raw}是两年执行额之差，不是某一年度的执行额"
            + ("" if currency else "（也没说是美元还是人民币）")
            + "。增量奖励按两个年度各自的执行额计算（在岸按人民币，离岸按美元并以当年汇率折合人民币），"
            "我不根据差额推算。"
        )

    @staticmethod
    def _both_years_said(before: str) -> bool:
        """「去年今年离岸都是200万美元」「两年都是1000万」 right before a figure: the figure is both years'; not when a
        year word comes after the 都 (「两年都有软著 去年离岸210万美元」 is last year's)."""
        m = re.search(
            r"((去年|上年)[^，。；0-9]{0,3}(今年|本年)|(今年|本年)[^，。；0-9]{0,3}(去年|上年)|两年)[^，。；0-9]{0,8}(都|均)"
            r"|(?:两年|(?<![第近])每一?年)[^，。；0-9]{0,4}各(是|为|有)?\s*$"  # 「在岸两年各600万」
            r"|(?<![第近])每一?年(都|均)?(是|为|有)?\s*$",  # 「在岸每年都是800万」「在岸每年800万」
            before,
        )
        return bool(m) and not re.search(rf"{YEAR_PREV}|{YEAR_CUR}", before[m.end() :])

    def _cost_of_people(self, f) -> bool:
        """A figure right after a cost word of people (estimate_words.yml cost_leads: 学费/培训费/每人 …) is what was
        paid for them, never a business amount (「派人去海外研修 每人学费7万」 is no offshore business)."""
        leads = _words(estimate_words()["cost_leads"])
        return re.search(rf"({leads})[^，。；,;\d\s]{{0,3}}$", self.lead_in(f)) is not None

    def _sum_of_years(self, f) -> bool:
        """「离岸业务这两年加起来240万美元」「300万是两年合计的」: a sum over several years (estimate_words.yml years
        several + summed) is no year's amount; the award is per year, so the figure is named and each year's
        amount asked, never computed as this year's."""
        years = estimate_words()["years"]
        several, summed = _words(years["several"]), _words(years["summed"])
        seg_start, seg_end = segment_of(self.spans, f.start)
        before = self.text[seg_start : f.start]
        after = self.text[f.end : seg_end]
        m = re.search(rf"({several})[^，。；,;\d\s]{{0,6}}({summed})[^，。；,;\d]{{0,4}}$", before)
        if m and DURATION_BEFORE.search(before[: m.start()]):
            m = None  # 「入驻两年合计…」: how long, not the years summed
        if not (m or re.match(rf"\s*(是|为)?\s*({several})[^，。；,;\d\s]{{0,3}}({summed})", after)):
            return False
        self.use(f)
        kind = _kind_of(self.text, f.start) or _kind_after(self.text, f.end)
        what = {"offshore": "离岸", "onshore": "在岸"}.get(kind, "")
        unit = "美元" if f.currency == "USD" or kind == "offshore" else "元"
        self.out.problems.append(
            f"您说的{f.raw}是几年加起来的{what}执行额，不是某一年度的执行额。奖励按年度计算"
            f"（离岸按当年美元执行额，增量按本年度比上一年度），我不把合计当作今年的金额，也不替您拆分。"
            f"请分别告诉我今年和上一年度的{what}执行额各是多少{unit}。"
        )
        return True

    def _result_clause(self, f) -> Optional[str]:
        """「增量按3%算出来是250万」「离岸10%算下来180万」: the clause (3.1 / 3.2) whose own rate the user applied
        to get `f`, named just before that rate; None when no such clause is named or the rate is not its own."""
        seg_start, _ = segment_of(self.spans, f.start)
        m = re.search(
            r"(增量|规模|离岸)(奖励?)?[^，。；,;\d]{0,6}?(\d+(?:\.\d+)?)\s*[%％]", self.text[seg_start : f.start]
        )
        if not m:
            return None
        code = "3.2" if m.group(1) == "离岸" else "3.1"
        from knowledge.figures import figure

        return code if Decimal(m.group(3)) / 100 == figure(code, "rate") else None

    def _restated_amount(self, f) -> bool:
        """「审计完调成了一百万美元整 就100万刚刚好」「120万美元 也就是120万」: a figure with no currency right after the same
        value said with its currency, only restating words between, is that amount said again: used, not asked."""
        if f.currency is not None or f.value is None:
            return False
        before = [g for g in self.figs if g.kind == "money" and g.end <= f.start and g.value is not None]
        if not before:
            return False
        g = before[-1]
        between = self.text[g.end : f.start]
        if g.currency in (None, "CNY") or g.value != f.value or len(between) > 10:
            return False
        # at least one restating word: 「100万美元 100万在岸」 (a space alone) names two amounts
        if not re.fullmatch(
            r"(?:[\s，,]*(?:整|就|也就是|即|就是|刚好|正好|恰好|也就|那就是|换句话说))+[\s，,]*", between
        ):
            return False
        if re.match(r"\s*(在岸|离岸|境内|境外|国内|海外|人民币)", self.text[f.end :]):
            return False  # 「…就100万在岸」: a kind named, another amount
        self.use(f)
        return True

    def _award_asked(self, f) -> bool:
        """「技先那块还能再给10万吗」「这个能奖20万吗」: a figure right after a verb of giving or getting and right before the
        question word is the award the user asks about (estimate_words.yml award_asked), not a cost or a business
        amount: left out and named."""
        words = estimate_words()["award_asked"]
        before = self.text[max(0, f.start - 8) : f.start]
        if not re.search(rf"({alternation(words['verbs'])})\s*$", before):
            return False
        if not re.match(rf"\s*(元|块)?\s*({alternation(words['asks'])})", self.text[f.end :]):
            return False
        self.use(f)
        self.out.notes.append(f"您问的{f.raw}是奖励金额，不作为费用或执行额计算；能否获得见下面各项的测算")
        return True

    def _own_result(self, f) -> bool:
        """ "10%的话是248.5万吧": a result the user worked out (estimate_words.yml own_result), not an amount."""
        before = self.text[max(0, f.start - 12) : f.start]
        words = "|".join(re.escape(w) for w in estimate_words()["own_result"])
        said = re.search(rf"({words})\s*$", before)
        # 「10% of that, I get 175万」: the rate a few words before the result word, in the same sentence
        ahead = self.text[max(0, f.start - 30) : f.start - len(said.group(0))] if said else ""
        rate_before = re.search(r"([%％]|百分之)[^。；;!?！？\d]{0,12}$", ahead)
        if not (said and (re.search(r"[%％]|百分之", before) or rate_before)):
            return False
        self.use(f)
        code = self._result_clause(f)
        from bot.estimate.items import detect_items

        if code and "3.3" in detect_items(self.text):  # 「增量按3%算出来是250万 … 创新奖励是多少」: 三（三）'s base
            self.out.fields[f"_award_{code}"] = f.value
            return True
        self.out.notes.append(f"{wan(f.value, '')}是按比例算出的结果（未计单项上限），不作为执行额")
        return True

    def _award_figure(self, f) -> bool:
        """A figure that is an award already worked out ("增量奖励是40万元"), not a business amount."""
        before = self.text[max(0, f.start - 10) : f.start]
        # 「增量奖批了8万」 too; 「三（一）拿了150万」: the item by its number
        m = re.search(
            r"((增量|离岸(业务)?|规模)奖(励|金)?|三\s*\(\s*(一|二)\s*\)(项|奖励?)?)(?P<tail>[^，。；,;]{0,6})$", before
        )
        if not m or getattr(f, "currency", None) == "USD":
            return False  # an award is in yuan: 「增量奖励 今年离岸250万美元」 gives a business amount
        if re.search(r"离岸|在岸|境内|境外|国内|海外|执行额|业务|今年|去年|上年|营收|收入|[:：]", m.group("tail")):
            return False  # a business word between the award's name and the figure: the figure is that business
        key = "_award_3.1" if m.group(2) in ("增量", "规模") or m.group(5) == "一" else "_award_3.2"
        self.out.fields[key] = f.value
        self.use(f)
        return True

    def cny(self, f, what: str) -> Decimal:
        """A yuan amount; a figure with no currency is taken as 元 and said so."""
        if f.currency is None:
            note = "未注明币种的金额均按人民币元理解"
            if note not in self.out.notes:
                self.out.notes.append(note)
        return f.value

    def stated_rate(self) -> Optional[Decimal]:
        """The one dollar rate this message states (「汇率按7.1」「按7.2折人民币」), or None when it states none, or
        several different ones, or one that cannot be a USD→CNY rate: no rate is ever assumed."""
        values = {f.value for f in self.figs if f.kind == "rate" and f.value is not None}
        if len(values) != 1 or self._rate_choice:  # 「汇率7.1还是6.9」: the user asks which, none is taken
            return None
        rate = values.pop()
        return rate if plausible_rate(rate) else None

    def yuan(self, f, what: str) -> Optional[Decimal]:
        """A cost in yuan: a dollar cost converted at the rate the user states in the same message, the
        arithmetic said in a note (6,800美元 × 7.1 = 48,280.00元); None for dollars with no rate stated, after
        asking for the yuan amount or the rate."""
        if f.currency not in (None, "CNY", "USD"):
            return foreign_costs.to_yuan(self, f, what)  # 「80万日元，日元汇率按0.048」: at the user's rate for it
        if f.currency != "USD":
            return self.cny(f, what)
        rate = self.stated_rate()
        if rate is None:
            if not any(c.kind == "usd_cost" for c in self.out.clarifications):
                dollars = [  # every dollar cost of the message, named in the one question (not 离岸/外资 amounts)
                    g
                    for g in self.figs
                    if g.kind == "money"
                    and g.currency == "USD"
                    and (
                        g is f or not re.search(r"离岸|执行额|外资|投资|合同", self.text[max(0, g.start - 8) : g.start])
                    )
                ]
                said = "、".join(wan(g.value, "美元") for g in dollars)
                self.out.clarifications.append(
                    Clarification(
                        "usd_cost",
                        f"{what}{said}是美元金额：请告诉我折合人民币多少元，或您采用的汇率"
                        "（1美元折合多少元人民币），我不替您假设汇率。",
                        {"text": self.text, "pending": self.pending, "usd": [str(g.value) for g in dollars]},
                    )
                )
            return None
        value = (f.value * rate).quantize(Decimal("0.01"))
        self.out.notes.append(f"{what}{wan(f.value, '美元')} × {rate} = {value:,.2f}元（按您给的汇率{rate}折算）")
        self.converted_at = rate
        return value

    converted_at = None  # the user's rate a dollar cost was converted at in this message

    # -- 三.（五） fairs --------------------------------------------------------------------
    def spread(self, costs, count, per, unit, what, kind, region=None):
        """Costs of each event/person/item from the figures (dollars at the rate the user states), or None
        after asking."""
        values = [self.yuan(c, f"{what}费用") for c in costs]
        if any(v is None for v in values):
            return None
        if len(values) > 1:
            return values
        value = values[0]
        if count in (None, 1):
            return [value]
        if per == "each":
            return [value] * count
        if per == "total":
            self.out.clarifications.append(each_cost_question(kind, count, value, unit, what, region))
            return None
        self.out.clarifications.append(
            Clarification(
                "per_or_total",
                f"{wan(value)}是每{unit}的费用，还是{count}{unit}合计的费用？",
                {"kind": kind, "count": count, "value": str(value), **({"region": region} if region else {})},
            )
        )
        return None

    # -- 三.（六） certifications -------------------------------------------------------------
    # -- 三.（七） training and internships ----------------------------------------------------
    # -- 三.（八） parks and rent ---------------------------------------------------------------
    # -- 三.（九） platforms ---------------------------------------------------------------
    def item_costs(self, pending: str, words: str, avoid: str) -> list:
        """Yuan figures that belong to an item: said near its words, or answering its question."""
        out = []
        for f in self.unused("money"):
            seg = self.segment_text(f)
            if f.currency == "USD" and not self.dollar_cost(f, words, avoid):
                continue
            lead = self.lead_in(f)
            if re.search(words, lead, re.I) and not re.search(avoid, lead):
                out.append(f)  # 「…离岸奖能拿多少 然后那个CMMI5的认证费用花了40万」: named right before it
                continue
            if self._said_as_business(f):
                continue  # 「2023年境内2300万，2022年1900万；CMMI认证费15万」: a year's business amount is no item's cost
            if self._named_since_last_amount(f, words, avoid):
                out.append(f)  # 「…；另外2个项目经理参加涉外业务培训，每人10万」: the item named since the last amount
                continue
            if re.search(avoid, seg):
                continue
            if (
                self.pending == pending
                or re.search(words, seg)
                or (re.search(words, self.text) and not re.search(avoid, self.text))
                or (pending in self.known and not re.search(avoid + "|" + OTHER_ITEM_WORDS, self.text, re.I))
            ):
                out.append(f)  # the last one: "还有2个部门总监也去了 每人花了8万" adds to the training told before
                continue
            if out and self._next_group(out[-1], f):
                out.append(f)  # 「4名每人10万 3名每人4万；CMMI认证费20万」: the next group of the same list
        return self._listed_with(out, words, avoid)

    def dollar_cost(self, f, words: str, avoid: str) -> bool:
        """「认证评估费付了7万美金（汇率7.15）」「SAS70…付了20万美元」: a dollar figure in a clause naming the item and
        no business, investment or contract amount is the item's cost (converted at the user's rate, or asked)."""
        parts = re.split(r"[，,；;！!？?\n]", re.split(r"[。]", self.text[: f.start])[-1])
        clause = parts[-1]  # the words before it, not its own 美元
        if len(parts) > 1 and not re.search(words, clause, re.I):
            clause = parts[-2] + "，" + clause  # 「SAS70是今年新拿的，审计机构收了4万美元」: the clause before names it
        return bool(
            re.search(words, clause, re.I)
            and not re.search(avoid + r"|外资|投资|合同|营收|收入", clause)
            and not self._said_as_business(f)
        )

    def _said_as_business(self, f) -> bool:
        """A figure said as a business amount: its own lead names the business (境内/离岸/执行额/营收 …), or it is a
        year's bare amount (「2022年1900万」) in a message that speaks of the business."""
        business = rf"{ONSHORE}|{OFFSHORE}|{OTHER_AMOUNT_WORDS}|执行额|增量|业务量|业务额"
        lead = self.lead_in(f)
        if re.search(business, lead) and not re.search(FAIR_WORDS, lead):
            return True
        before = re.sub(r"[\s，,：:；;]+$", "", self.text[max(0, f.start - 10) : f.start])
        return bool(
            re.search(rf"([0-9]{{4}}年度?|{YEAR_PREV}|{YEAR_CUR})(的)?$", before) and re.search(business, self.text)
        )

    def _listed_with(self, costs: list, words: str, avoid: str) -> list:
        """`costs` and the other entries of the lists they stand in (bot/estimate/lists.py), when the list's header names
        the item: 「送了3个中高级人才去做涉外业务培训：张经理（本科 项目经理）2万，李总监（硕士 项目总监）8万，王经理（本科
        项目经理）4万」 are three people's costs, though only two labels name a 项目经理; an entry whose own words name
        another item or a year (「年租金50万」「去年180万」) is not taken."""
        if not costs:
            return costs
        found = lists.figure_lists(self.text, self.figs)
        chosen = {f.start for f in costs}
        out = list(costs)
        for lst in found:
            if not any(e.figure.start in chosen for e in lst.entries) or not re.search(words, lst.header, re.I):
                continue  # the list's header says what its entries are: 「送了3个中高级人才去做涉外业务培训：…」
            for e in lst.entries:
                f = e.figure
                if f.start in chosen or id(f) in self.used or f.currency == "USD":
                    continue
                if (
                    re.search(avoid, e.label, re.I)
                    or re.search(rf"{YEAR_PREV}|{YEAR_CUR}", e.label)
                    or (re.search(OTHER_ITEM_WORDS, e.label, re.I) and not re.search(words, e.label, re.I))
                ):
                    continue
                out.append(f)
                chosen.add(f.start)
        return sorted(out, key=lambda f: f.start)

    def _next_group(self, told, f) -> bool:
        """`f` follows the money figure `told` as the next group of one list (「3人每人2万、2人每人5万」): only a
        group's count and its each-word stand between them, no other money figure."""
        if any(g.kind == "money" and told.end <= g.start < f.start for g in self.figs if g is not told):
            return False
        return bool(GROUP_NEXT.fullmatch(self.text[told.end : f.start]))

    def _named_since_last_amount(self, f, words: str, avoid: str) -> bool:
        """Whether the words since the previous amount (back to a 。；) name the item last, after any other
        item's words: the figure is that item's even when a comma stands between (「培训，每人10万」)."""
        before = [g.end for g in self.figs if g.kind == "money" and g.end <= f.start]
        start = max(before + [max(self.text.rfind(c, 0, f.start) for c in "。；;\n") + 1])
        window = self.text[start : f.start]
        mine = [m.end() for m in re.finditer(words, window, re.I)]
        other = [m.end() for m in re.finditer(avoid, window, re.I)]
        if not mine or max(mine) <= max(other or [-1]):
            return False
        # 「…项目经理参加了涉外培训，4名每人10万」「维护费今年花了二十万」: a count of people or a year word may stand
        # between, no other figure
        return not any(g.kind not in ("count", "year") and start + max(mine) <= g.start < f.start for g in self.figs)

    # -- yes/no items ------------------------------------------------------------------------
    @staticmethod
    def _kept_said_of_status(kept: str, t: str) -> bool:
        """Whether words of an old status (「之前就有的」「复审」) are said of 技术先进型, not of another item the
        message names nearer to them (「另外SAS70是之前就有的，今年交了维护费」: SAS70's): the subject is the item named
        last before the words in the same sentence, else the first named after them in the same part."""
        others = [
            w for code, ws in estimate_words()["stated_awards"]["loose_names"].items() if code != "3.4" for w in ws
        ]
        other = "|".join(re.escape(w) for w in sorted(others, key=len, reverse=True))
        own = r"技术先进型|技先"
        for m in re.finditer(kept, t):
            start = max(t.rfind(c, 0, m.start()) for c in "。？?！!\n") + 1
            before = [(x.end(), "own") for x in re.finditer(own, t[start : m.start()])]
            before += [(x.end(), "other") for x in re.finditer(other, t[start : m.start()], re.I)]
            if before:
                if max(before)[1] == "own":
                    return True
                continue
            end = min([i for i in (t.find(c, m.end()) for c in "，。；;？?") if i >= 0] or [len(t)])
            after = [(x.start(), "own") for x in re.finditer(own, t[m.end() : end])]
            after += [(x.start(), "other") for x in re.finditer(other, t[m.end() : end], re.I)]
            if not after or min(after)[1] == "own":
                return True
        return False

    def _flags(self):
        # 「不是新企业」 names the enterprise (新增企业), not the status: a negation covers only what it names
        t = re.sub(
            r"(不是|并非|不算|非)[^，。；\d]{0,2}新(?:(?:增|成立|设立|注册|办)(?:的)?(?:企业|公司)?|(?:的)?(?:企业|公司))",
            "，",
            self.text,
        )
        named = re.search(r"技术先进型|技先", t)
        # with the status only known from before, 「去年就有业务了」「早就成立了」 speak of the business, not of it
        kept = (
            r"(?<!非)(?<!不是)(?<!并非)(复审|复核|续期|延续|重新认定)|不是新|并非新|非新|早就|之前就|以前就|多年前|年就有|(前年|去年|上年|往年)(就)?认定"
            if named
            else r"(?<!非)(?<!不是)(?<!并非)(复审|复核|续期|延续|重新认定)|(不是|并非|非)新(获得|取得|认定|拿|评)|(前年|去年|上年|往年)(就)?(认定|评上|拿到)"
        )
        stated = read_facts_cached(t).get("tech_advanced_new") if named else None
        if stated is None and self.pending == "tech_advanced_new":
            # 「不是新认定的」「今年是复审通过」 answering the question on the status: said of it (facts.yml `bare`)
            stated = facts_in_topic(self.text, ["tech_advanced_new"]).get("tech_advanced_new")
        if (named or "tech_advanced_new" in (self.known or {})) and self._kept_said_of_status(kept, t):
            self.out.fields["tech_advanced_new"] = False  # 复审通过 is keeping the status, not newly gaining it
        elif stated is not None:
            # facts.yml's words for a first grant (「头一回被认定」「被认定…以前从来没认定过」): its 没 denies no grant;
            # for an old one (「2018年就拿到…资格了 不是今年新认定的」): its 新认定 is denied
            self.out.fields["tech_advanced_new"] = stated
        elif re.search(
            r"(新|刚|今年|首次|第一次)(被)?(获得?|取得|拿到?|拿了|拿下|通过|认定|评为|评上)[^，。；]{0,6}技术先进型|"
            r"(技术先进型|技先)[^，。；\d]{0,10}(新|刚|首次|第一次)(被)?(获得?|认定|取得|拿到?|拿下|通过|评上|评为)|"
            r"(新|刚|今年)(被)?(获得?|取得|拿到|拿了|通过|认定|评上|评为)[^，。；]{0,3}(技先|技术先进)",
            t,
        ):
            self.out.fields["tech_advanced_new"] = True
        elif re.search(r"技术先进型", t) and self.negative("获得|认定|取得|技术先进型"):
            self.out.fields["tech_advanced_new"] = False
        patents = self._clause_with(r"专利|软著|软件著作权")
        said_patents = read_facts_cached(self.text).get("innovation_patents_two_years") if patents else None
        if said_patents is None and not patents and self.pending == "innovation":
            # 「只有今年有」「去年有今年没有」 answering the question on 三（三）: said of the patents (facts.yml `bare`)
            said_patents = facts_in_topic(self.text, ["innovation_patents_two_years"]).get(
                "innovation_patents_two_years"
            )
        if said_patents is False or (said_patents is True and not self._patents_denied(patents)):
            # the fact reader's words decide (「去年今年都有新的发明专利」 beside 「去年没有离岸」, said of another thing),
            # unless this reader hears them denied
            self.out.fields["innovation_patents_two_years"] = said_patents
        elif patents:
            said_no = re.search(
                rf"({NONE_WORDS}|只有|仅)[^，。；]{{0,4}}(新的?)?(专利|软著|软件著作权)|"
                r"(专利|软著|软件著作权)[^，。；]{0,4}(没有|没|无|断了)|(去年|今年)(没有|没)(?![^，。；\s]{0,3}(离岸|在岸|业务|执行|营收|收入|研发))"
                # 「专利也不是连续两年都有」: the run of two years denied
                r"|(不是|并非|没有|没|未|不)(连续|每年都|每年|两年都|年年)",
                patents,
            ) or only_one_year(self._part_with(r"专利|软著|软件著作权"))  # 「发明专利只有22年拿了2个」
            years = each_of_two_years(self._part_with(r"专利|软著|软件著作权"))  # 「22和23年都拿了新软著」
            held = bool(re.search(r"连续|两年|(?<![0-9])2年|每年|都有|都拿", patents)) if years is None else years
            held = held or bool(re.search(r"连续", patents))  # 「连续两年」 said outright
            self.out.fields["innovation_patents_two_years"] = (
                not said_no and held or (self.pending == "innovation" and not said_no)
            )
        self._rd_spend()
        rd = self._clause_with(r"研发")
        if (
            rd
            and not getattr(self, "_rd_decided", False)
            and re.search(r"增长|增加|提高|涨|上升|提升|递增|降|减|持平|没变|下滑", rd)
        ):
            fell = re.search(r"降|减少|下滑|持平|没变|没涨|没有增|没增|未增|不增|没有涨|不涨|只有一年|只涨了一年", rd)
            # 「研发投入也没连续增长」「并未持续两年增加」「不是每年都在涨」: a negation before the growth covers it
            fell = fell or re.search(
                rf"({NONE_WORDS}|不是|不算|并非|谈不上|算不上|不(?!断|停|少))[^，。；增涨升]{{0,6}}?{RISES}", rd
            )
            years = each_of_two_years(self._part_with(r"研发"))  # 「22、23年研发投入都涨了」
            two = re.search(r"连续|两年|(?<![0-9])2年|每年|都在|持续|一直", rd) if years is None else years
            two = two or re.search(r"连续|持续", rd)  # 「前年到今年连续两年都在涨」 said outright
            self.out.fields["innovation_rd_growth_two_years"] = bool(two) and not fell
        b = self.bool_answer()
        if b is not None:
            if self.pending == "tech_advanced_new":
                self.out.fields.setdefault("tech_advanced_new", b)
            elif self.pending == "innovation":
                self.out.fields.setdefault("innovation_patents_two_years", b)
                if not b:
                    self.out.fields.setdefault("innovation_rd_growth_two_years", False)
            elif self.pending == "new_enterprise":
                self.out.fields.setdefault("new_enterprise", b)


RISES = r"(增长|增加|提高|涨|上升|提升|递增)"


def read(text: str, pending: Optional[str] = None, items=(), known: Optional[dict] = None) -> Reading:
    """Read one message into calculator fields, clarifications and notes."""
    return Reader(text, pending, items, known).read()
