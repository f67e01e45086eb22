"""Claims taken back or corrected inside one message: the later statement wins.

「研发投入连续两年增长——哦不对 我们今年才成立 没有两年 这条当我没说」: the claim and the words taking it back are
blanked, so no reader finds the claim (nor a figure in it). 「税好像是上海总部统一交的……不对不对，…在郑州纳税」: the
clause before the correction word gives way to what follows. The words are knowledge/data/estimate_words.yml
`retractions`. Blanking keeps the text's length, so figures' offsets stay right.
"""

import re
from functools import lru_cache

from bot.understand import figure_corrections

_CLAUSE_END = "，,。；;！!？?\n"
_SENTENCE_END = "。；;！!？?\n"
# a correction word stands apart from the claim it corrects: after a stop, a space, 「……」 or 「——」, maybe with the
# speaker's words (「…交的，我说错了，…」)
_SEPARATORS = set(_CLAUSE_END + " …—-~.")
_SPEAKER_BEFORE = re.compile(
    r"(?:我们|我|刚才|刚刚|不好意思|抱歉|sorry|(?<=[\s，,。；;…—])(?:哦|噢|喔|啊|呃|嗯|等下|等等|等一下|等会儿?|稍等))+\s*$",
    re.I,
)


@lru_cache(maxsize=1)
def _patterns() -> tuple:
    from bot.estimate.reading import alternation, estimate_words

    w = estimate_words()["retractions"]
    take_back = re.compile(alternation(w["take_back"]))
    # 「我们算的对不对」 asks; 「不对不对」「哦不对」 correct (the words list the correcting forms only)
    # a bare 「不对」 corrects only when a stop or space follows it (「15万 不对 我看错了是18万」), or a cost and its new
    # figure (「不对布展是1.5万」); 「不对吧」「不对外」 do not
    # 「哦不是，第二场是6万」: 哦不是 alone (a stop after it) corrects a figure when the clause after it gives one;
    # 「哦不是指定的」 says a fact, 「总共多少美金...啊不是 总共多少人民币」 restates a question
    correction = re.compile(
        rf"(?<!对)(?:{alternation(w['corrections'])}|不对(?=[\s，,。；;！!…—~]|$)|"
        # 「不对布展是1.5万」: 不对 right before what is corrected and its new figure
        rf"不对(?![外吧吗啊劲应称头比口])(?=[^，,。；;！!？?\n\d]{{1,8}}?(?:是|为|改成|改为)\s*[0-9一二两三四五六七八九十])|"
        rf"(?:哦|噢|喔|啊|呃|额)不是(?=[\s，,。；;！!…—~]+[^，,。；;！!？?\n]{{0,12}}?[0-9一二两三四五六七八九十])|"
        # 「30个…sorry，是28个」「150万 哦不… 是120万」: an apology or a bare 哦不 before a new figure said bare
        rf"(?:sorry|sry|(?:哦|噢|喔|啊|呃)不(?![是对]))(?=[\s，,。；;…—~]*(?:应该|应当|其实|实际)?(?:是|为)\s*{_EXACT}\s*[0-9一二两三四五六七八九十]))"
    )
    return take_back, correction


def _counted(text: str) -> bool:
    """Whether `text` gives a count or a duration (「是27个满6个月」: an aside before it is passed over)."""
    from calculator.figures_zh import parse_figures

    return any(f.kind in ("count", "duration_months", "duration_years") for f in parse_figures(text))


def _clause_start(text: str, at: int, stops: str) -> int:
    """Where the clause ending at `at` starts (after the last stop character before it, trailing ones skipped)."""
    i = at
    while i > 0 and text[i - 1] in stops + " ":
        i -= 1
    return max(text.rfind(c, 0, i) for c in stops) + 1


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _has_figure(text: str) -> bool:
    from calculator.figures_zh import parse_figures

    return any(f.kind in ("money", "rate", "count", "percent", "area") for f in parse_figures(text))


def _money_figures(text: str) -> list:
    from calculator.figures_zh import parse_figures

    return [f for f in parse_figures(text) if f.kind == "money"]


def _replacing_figures(replacement: str, claim: str) -> list:
    """The claim's figures of the kind of the replacement's first figure, money or an area (「租的920平…等下我看错了，
    合同上写的是1020平」: the 920平 gives way)."""
    from calculator.figures_zh import parse_figures

    said = [f for f in parse_figures(replacement) if f.kind in ("money", "area")]
    if not said:
        return []
    return [f for f in parse_figures(claim) if f.kind == said[0].kind and f.value]


# the words after a correction word give only a figure (「是180万美元」「应该是1.2m usd」): they name no item of their own
# 「是刚好500万整」「是正好80万」: a word saying the figure is exact (or rough) names nothing of its own
_EXACT = r"(?:刚好|正好|恰好|刚刚好|整整|足足|大概|大约|约)?"
_BARE_REPLACEMENT = re.compile(
    r"\s*(?:(?:应该|应当|其实|实际)?(?:是|为)|改成|改为)?\s*" + _EXACT + r"\s*(?:us\$|\$|usd|rmb|cny|¥|人民币)?\s*"
    r"[0-9０-９零一二两三四五六七八九十]",
    re.I,
)


# a correction word that says the speaker erred (「我看错了」「说错了」): right after a bare replacement it ends that correction
_AFTERWORD = re.compile(r"错|口误|笔误|手误|手滑|typo", re.I)
_FIGURE_ONLY = re.compile(
    r"[\s，,。]*(?:(?:应该|应当|其实|实际)?(?:是|为)|改成|改为)?\s*(?:us\$|\$|usd|rmb|cny|¥|人民币)?\s*"
    r"[0-9０-９.．零一二两三四五六七八九十百千]+\s*(?:万|亿|千|百|w|k|m)?\s*(?:美元|美金|刀|元|块|人民币|usd|rmb)?[\s，,。]*",
    re.I,
)


# words that name what a figure is (a year, a kind of business, an item's cost): an aside holding none of them
# (「刚问了财务」「我再核对了下」) names nothing, so the figure after it only replaces the figure said before
_NAMING = re.compile(
    r"今年|去年|上年|前年|本年|明年|年度|\d{2,4}年|离岸|在岸|境内|境外|国内|国外|海外|执行|业务|合同|营收|收入|美元|"
    r"费|展|认证|培训|租|平台|人|场|次|个|项|汇率|中间价|[a-z]{2,}",
    re.I,
)


def _bare_after_aside(replacement: str) -> bool:
    """「哦不对不对 刚问了财务 是180万美元」: the words before the new figure are an aside naming nothing, then a bare
    figure (「是180万美元」): only the figure said before the correction word is replaced."""
    money = _money_figures(replacement)
    if not money:
        return False
    head = replacement[: money[0].start]
    said = re.search(
        r"(?:(?:应该|应当|其实|实际)?(?:是|为)|改成|改为)\s*" + _EXACT + r"\s*(?:us\$|\$|usd|rmb|cny|¥|人民币)?\s*$",
        head,
        re.I,
    )
    if not said:
        return False
    aside = head[: said.start()]
    return bool(aside.strip()) and not _NAMING.search(aside)


def _role(words: str, year: "str | None", kind: "str | None", ordinal: "str | None") -> tuple:
    """(year, kind, ordinal) the words before a figure name — the last year word (今年/去年 …), business kind (离岸/在岸 …)
    and 第N场 said — each falling back to the one given (said before, for an earlier figure)."""
    from bot.estimate.reading import OFFSHORE, ONSHORE, YEAR_CUR, YEAR_PREV

    years = [(m.end(), "previous") for m in re.finditer(YEAR_PREV, words)]
    years += [(m.end(), "current") for m in re.finditer(YEAR_CUR, words)]
    kinds = [(m.end(), "offshore") for m in re.finditer(OFFSHORE, words)]
    kinds += [(m.end(), "onshore") for m in re.finditer(ONSHORE, words)]
    ordinals = re.findall(r"第([一二三四五六七八九十\d]+)[场个次项]", words)  # 「第二场」 names one fair of a list
    return (
        (max(years)[1] if years else year),
        (max(kinds)[1] if kinds else kind),
        (ordinals[-1] if ordinals else ordinal),
    )


def _after_correction(text: str, after: int) -> str:
    """The words after a correction word, from the first that is not a stop (「不对，，是85万」「不对。。。是85万」: a run of
    stops typed after it still leads to the replacement); an aside clause naming nothing and holding no figure
    (「不对，我刚看了报销单，每场是1万欧元」) is passed over to the clause that gives the figure."""
    rest = text[after:].lstrip(_CLAUSE_END + " …—-~.")
    _, correction = _patterns()
    while True:  # 「不对，记错了，是14万」: a second correction word goes on with the first
        again = re.match(rf"(?:我|我们|哦|噢|啊|呃|嗯)*(?:{correction.pattern})", rest)
        if again and again.group(0):
            rest = rest[again.end() :].lstrip(_CLAUSE_END + " …—-~.")
            continue
        aside = _ASIDE.match(rest)
        if not aside or _has_figure(aside.group(1)) or _counted(aside.group(1)):
            return rest  # 「不对，是三年，…」: a duration said is the new figure, no aside
        if _NAMING.search(aside.group(1)) and not _CHECKED.search(aside.group(1)):
            return rest
        after_aside = rest[aside.end() :].lstrip(_CLAUSE_END + " …—-~.")
        first = re.split(r"[，,。；;！!？?\n]", after_aside, maxsplit=1)[0]
        if not _money_figures(first) and not _counted(first):
            return rest
        rest = after_aside


# a clause said between a correction word and the new figure: 「我刚看了报销单」「刚问了财务」「我再核对了下」; one naming
# a document it was checked against (「我查了合同」) is such a clause too
_ASIDE = re.compile(r"([^，,。；;！!？?\n\d]{2,14})[，,]")
_CHECKED = re.compile(r"^(?:我们?|刚才?|刚刚|又|再)*(?:看|查|翻|核对|核实|核|对|问|确认)(?:了|过)(?:一下|下|一遍)?")


def _replacement(text: str, after: int) -> tuple:
    """(the clause after the correction word at `after`, its money figures); no figures when it names an old figure
    (「不是1万」「而非…」: read by bot/estimate/corrections.py)."""
    nxt = _after_correction(text, after)
    stop = min([nxt.find(c) for c in _SENTENCE_END + "，," if c in nxt] or [len(nxt)])
    replacement = nxt[:stop]
    if re.search(r"不是|而非|并非", replacement):
        return replacement, []
    return replacement, _money_figures(replacement)


def _same_role_item(text: str, start: int, end: int, after: int) -> "tuple | None":
    """(start, end) of the one earlier item of the claim text[start:end] whose year and kind are those the replacement
    after the correction word names (「今年境内2000万 去年1800万 哦不对 今年是2100万」 → 2000万), when that is
    not the last item said; None otherwise (the last item gives way, _replaced_item)."""
    replacement, new = _replacement(text, after)
    if not new:
        return None
    wanted = _role(replacement[: new[0].start], None, None, None)
    if wanted == (None, None, None):
        return None
    said = [f for f in _money_figures(text[start:end]) if f.value]
    if len(said) < 2:
        return None
    items, role, prev_end = [], (None, None, None), 0
    for f in said:
        role = _role(text[start + prev_end : start + f.start], *role)
        items.append((start + f.start, start + f.end, role))  # the figure only: its words head others too
        prev_end = f.end
    same = [i for i, (_, _, got) in enumerate(items) if all(w is None or w == g for w, g in zip(wanted, got))]
    if len(same) != 1 or same[0] == len(items) - 1:
        return None
    return items[same[0]][0], items[same[0]][1]


_GENERIC_REGIONS = re.compile(r"境内|国内|省内|境外|国外|海外")
# words that start another event of a list (「一场迪拜的6.5万 一场伦敦的9万」): a place said before does not carry over
_NEW_EVENT = re.compile(r"[一两二三四五六七八九十\d]\s*[场个次家]|另|还有|第[一二三四五六七八九十\d]+")


def _places(words: str) -> set:
    """The places (cities, countries of estimate_words.yml) `words` name — 境内/境外 are no place of one event — and
    the certificates (「CMMI3…ITSS…不对，CMMI3是17万」: the figure of the certificate named is replaced)."""
    from bot.estimate.clauses.certifications import names_in

    return _geo_places(words) | set(names_in(words.lower()))


def _geo_places(words: str) -> set:
    """The cities and countries `words` name (境内/境外 are no place of one event)."""
    from bot.estimate.reading import region_mentions

    return {words[a:b] for a, b, _ in region_mentions(words) if not _GENERIC_REGIONS.fullmatch(words[a:b])}


def _same_place_item(text: str, start: int, end: int, after: int) -> "tuple | None":
    """(start, end) of the one earlier figure of the claim text[start:end] said of the place the replacement names
    (「一场迪拜的6.5万 一场伦敦的9万 哦不对不对 迪拜那场是5.5万」 → 6.5万), when that is not the last figure said; None
    when the replacement names no place, or no one figure is that place's alone (「迪拜展位费3万 布展2万」: which of
    迪拜's figures is meant is not said — the other readers decide)."""
    replacement, new = _replacement(text, after)
    if not new:
        return None
    wanted = _places(replacement[: new[0].start])
    if not wanted:
        return None
    said = [f for f in _money_figures(text[start:end]) if f.value]
    items, place, prev_end = [], set(), 0
    for f in said:
        words = text[start + prev_end : start + f.start]
        own = _places(words)
        if own or _NEW_EVENT.search(words) or _GENERIC_REGIONS.search(words):
            place = own  # a figure of another event: its own place, or none said
        items.append((start + f.start, start + f.end, place))
        prev_end = f.end
    same = [i for i, (_, _, got) in enumerate(items) if got & wanted]
    whole = same == list(range(same[0], same[-1] + 1)) if same else False
    if len(same) > 1 and whole and same[-1] != len(items) - 1 and not _cost_words(replacement[: new[0].start]):
        # 「迪拜展位费3万 布展2万 伦敦9万 哦不对 迪拜那场是2.5万」: the event's one figure now, its costs all replaced
        return items[same[0]][0], items[same[-1]][1]
    if len(same) != 1 or same[0] == len(items) - 1:
        return None
    return items[same[0]][0], items[same[0]][1]


def _other_place_named(text: str, start: int, end: int, after: int) -> bool:
    """Whether the replacement names a place (「迪拜那场是2.5万」) that the last figure said before it is not of (that
    figure was 伦敦's): the last figure is then not the one corrected."""
    replacement, new = _replacement(text, after)
    wanted = _geo_places(replacement[: new[0].start]) if new else set()
    said = [f for f in _money_figures(text[start:end]) if f.value]
    if not wanted or not said:
        return False
    place, prev_end = set(), 0
    for f in said:
        words = text[start + prev_end : start + f.start]
        own = _geo_places(words)
        if own or _NEW_EVENT.search(words) or _GENERIC_REGIONS.search(words):
            place = own
        prev_end = f.end
    return bool(place) and not (place & wanted)


def _cost_words(words: str) -> list:
    """(start, end, name) of each cost word `words` name, in order (展位费, 布展, 差旅, 认证费, 培训费 …): the fair's
    costs of estimate_words.yml and any word ending in 费, the 费 no part of the name (展位 and 展位费 are one cost)."""
    from bot.estimate.reading import word_patterns

    w = word_patterns()
    found = [(m.start(), m.end()) for key in ("eligible", "not_covered") for m in w[key].finditer(words)]
    found += [  # a word ending in 费 that no listed cost word overlaps (认证费, 维护费, 培训费)
        (m.start(), m.end())
        for m in re.finditer(r"[\u4e00-\u9fff]{1,2}费|租金|房租", words)
        if not any(a < m.end() and m.start() < b for a, b in found)
    ]
    out: list = []
    for a, b in sorted(found, key=lambda x: (x[0], -x[1])):
        if not out or a >= out[-1][1]:
            out.append((a, b, words[a:b].removesuffix("费") or words[a:b]))
    return out


# what may stand between a cost word and its figure (「展位费是2.3万」「布展：0.4万」「宣传推广的5000」)
_COST_TAIL = re.compile(r"(?:的)?\s*(?:(?:应该|应当|其实|实际)?(?:是|为)|改成|改为|[:：])?\s*")


def _cost_of(words: str) -> "str | None":
    """The cost the figure right after `words` is of: the last cost word, when only 是/为/： stand after it."""
    named = _cost_words(words)
    if not named or not _COST_TAIL.fullmatch(words[named[-1][1] :]):
        return None
    return named[-1][2]


def _same_cost_item(text: str, start: int, end: int, after: int) -> "tuple | None":
    """(start, end) of the one earlier figure of the claim text[start:end] said right after the cost word the
    replacement names (「北京服贸会展位费3.2万 布展0.4万，不对不对展位费是2.3万我看串了」 → 3.2万): that cost of that
    event is replaced, the others kept; None when the replacement names no cost word, or when no one figure is that
    cost's alone (「北京展位费3万，深圳展位费2万，不对，展位费是2.5万」: which is meant is not said), when it is the
    last figure said (_replaced_item takes it)."""
    replacement, new = _replacement(text, after)
    if not new:
        return None
    head = replacement[: new[0].start]
    wanted, places = _cost_of(head), _places(head)
    if wanted is None:
        return None
    said = [f for f in _money_figures(text[start:end]) if f.value]
    items, prev_end, place = [], 0, set()
    for f in said:
        words = text[start + prev_end : start + f.start]
        own = _places(words)
        if own or _NEW_EVENT.search(words) or _GENERIC_REGIONS.search(words):
            place = own
        items.append((start + f.start, start + f.end, _cost_of(words), place))
        prev_end = f.end
    same = [i for i, (_, _, cost, got) in enumerate(items) if cost == wanted and (not places or got & places)]
    if len(same) != 1 or same[0] == len(items) - 1:
        return None  # (the last figure said gives way in its own clause: _replaced_item)
    return items[same[0]][:2]


def _put_in_place(text: str, item: tuple, start: int, after: int) -> str:
    """The text with the figure `item` replaced by the first money figure said after the correction word, and the
    correction (from `start` to that figure's end) blanked: 「一场迪拜的6.5万 一场伦敦的9万 哦不对 迪拜那场是5.5万」 →
    「一场迪拜的5.5万 一场伦敦的9万 …」, so each event keeps its place; a longer new figure too, the blanked correction
    giving back the room (the text keeps its length)."""
    rest = _after_correction(text, after)
    at = len(text) - len(rest)
    new = _money_figures(rest)[0]
    figure = text[at + new.start : at + new.end]
    old_start, old_end = item
    if len(figure) <= old_end - old_start:
        text = text[:old_start] + figure.ljust(old_end - old_start) + text[old_end:]
        return _blank(text, start, at + new.end)
    # 「北京布展1万，深圳展位费2万，不对北京布展是1.5万」: the longer figure takes the old one's place all the same; the
    # correction's blanked words (which held the new figure, so are longer than the growth) give the room back, so
    # the text keeps its length and every position after the correction
    grow = len(figure) - (old_end - old_start)
    blank = at + new.end - start
    return text[:old_start] + figure + text[old_end:start] + " " * (blank - grow) + text[at + new.end :]


_ORDINAL_REPLACEMENT = re.compile(
    r"(?:其中)?第(?P<n>[一二两三四五六七八九十\d]{1,2})(?:场|个|项|次|笔|家|门|期|批|位|人)[^\d，,。；;！!？?\s]{0,6}?"
    r"(?:(?:应该|应当|其实|实际)?(?:是|为)|改成|改为)\s*(?=[0-9０-９零一二两三四五六七八九十])"
)
# figures of one list (「分别10万 4万 8万」「10万、4万和8万」): nothing but a space, a stop or 和 between them
# (「一场3万一场8万」「一场3万，另一场8万」: each figure after the words that open its entry)
_LIST_GAP = re.compile(
    r"[\s、,，/和及与]*(?:(?:另外|另|还有|第[一二两三四五六七八九十\d]{1,2})?[一两二三四五六七八九十]?(?:场|个|次|项|笔)"
    r"(?:是|为|花了|费用|的)?)?[\s]*"
)


def _listed_item(text: str, after: int, before: int) -> "tuple | None":
    """(start, end) of the Nth figure of the list said right before the correction word when the words after it name
    「第N场/第N个 … 是Y」 (「费用分别10万 4万 8万 哦不对 第二场是6万」 → 4万); None when they name no ordinal or the
    list has no Nth figure (then nothing is placed by it)."""
    from calculator.figures_zh import numeral_value

    m = _ORDINAL_REPLACEMENT.match(_after_correction(text, after))
    if not m:
        return None
    n = int(numeral_value(m.group("n")))
    sentence = _clause_start(text, before, _SENTENCE_END)
    said = [f for f in _money_figures(text[sentence:before]) if f.value]
    if not said or text[sentence + said[-1].end : before].strip(" ，,、…—-~."):
        return None  # the list must end right before the correction word
    run = [said[-1]]
    for f in reversed(said[:-1]):
        if not _LIST_GAP.fullmatch(text[sentence + f.end : sentence + run[0].start]):
            break
        run.insert(0, f)
    if len(run) < 2 or not 1 <= n <= len(run):
        return None
    return sentence + run[n - 1].start, sentence + run[n - 1].end


def _put_in_list(text: str, listed: tuple, start: int, after: int) -> str:
    """The text with the list's Nth figure replaced by the one said after 「第N场是」 and the correction (from `start`
    to the new figure's end) blanked: 「10万 4万 8万 哦不对 第二场是6万」 → 「10万 6万 8万 …」, so the list keeps its
    order and count. A new figure longer than the old one's place stays where it was said (its words blanked)."""
    rest = _after_correction(text, after)
    at = len(text) - len(rest)
    ordinal = _ORDINAL_REPLACEMENT.match(rest)
    new = _money_figures(rest[ordinal.end() :])[0]
    new_start, new_end = at + ordinal.end() + new.start, at + ordinal.end() + new.end
    figure = text[new_start:new_end]
    old_start, old_end = listed
    if len(figure) <= old_end - old_start:
        text = text[:old_start] + figure.ljust(old_end - old_start) + text[old_end:]
        return _blank(text, start, new_end)
    return _blank(_blank(text, old_start, old_end), start, new_start)


def _replaced_item(text: str, start: int, end: int, after: int) -> "int | None":
    """Where the item corrected starts — the words and money figure right before the correction word, from the last
    space or stop before them — when the clause after the correction word names a money figure in its place (and no
    old figure after 不是, which bot/estimate/corrections.py reads); None otherwise."""
    nxt = _after_correction(text, after)
    stop = min([nxt.find(c) for c in _SENTENCE_END + "，," if c in nxt] or [len(nxt)])
    replacement = nxt[:stop]
    if re.search(r"不是|而非|并非", replacement):
        return None
    said = _replacing_figures(replacement, text[start:end])
    if not said:
        return None
    i = start + said[-1].start
    if _BARE_REPLACEMENT.match(replacement) or _bare_after_aside(replacement):
        return i  # 「去年离岸180万rmb 哦typo 是180万usd」: only the figure is replaced; 去年离岸 still names it
    while i > start and text[i - 1] == " ":
        i -= 1
    while i > start and text[i - 1] not in _SEPARATORS:
        i -= 1
    return i


# the words a figure's kind is said with (在岸、离岸 are read by _role): a year's whole business
_WHOLE_WORDS = re.compile(r"合计|总共|一共|共计|总计|总执行额|总额|全年|整年|总的|全部")
# a replacement that names a year at most (「哦不对今年是9860万」): the kind of the figure it corrects still holds
_YEAR_ONLY_HEAD = re.compile(
    r"\s*(?:今年|去年|上年|本年|前年|(?:20)?\d{2}年)?度?的?\s*(?:应该|应当|其实|实际)?(?:是|为)?\s*$"
)


# what may stand between a correction word and its bare new figure without being an aside of the speaker's
_ASIDE_WORDS = re.compile(r"[\s，,。；;！!…—~.]|应该|应当|其实|实际|是|为|改成|改为|us\$|\$|usd|rmb|cny|¥|人民币", re.I)


def _bare_figure(text: str, item: int, lead_end: int, after: int) -> "tuple | None":
    """(start, end) of the old figure when the correction gives a bare new figure (「不对，是180万美元」「不对不对，财务刚
    纠正了是101.3w美金」) and the old figure is the last thing of its claim: the one the new figure replaces in place;
    None otherwise."""
    nxt = _after_correction(text, after)
    stop = min([nxt.find(c) for c in _SENTENCE_END + "，," if c in nxt] or [len(nxt)])
    replacement = nxt[:stop]
    if not (_BARE_REPLACEMENT.match(replacement) or _bare_after_aside(replacement)):
        return None
    new = _money_figures(text[after:])
    between = text[after : after + new[0].start] if new else ""
    if not _ASIDE_WORDS.sub("", between):
        return None  # 「每月40元，不对，是48元」: the new figure right after the correction word, read where it stands
    old = _money_figures(text[item:lead_end])
    if not old or old[0].start != 0 or text[item + old[0].end : lead_end].strip(_CLAUSE_END + " …—-~."):
        return None
    return item, item + old[0].end


def _figure_with_others_after(text: str, item: int, lead_end: int, after: int) -> "tuple | None":
    """(start, end) of the old money figure when a bare new figure corrects it (「哦不对 是180万美元」) and other figures
    (a rate, a count) stand between it and the correction word: only that figure is replaced; None otherwise."""
    nxt = _after_correction(text, after)
    stop = min([nxt.find(c) for c in _SENTENCE_END + "，," if c in nxt] or [len(nxt)])
    if not (_BARE_REPLACEMENT.match(nxt[:stop]) or _bare_after_aside(nxt[:stop])):
        return None
    old = _money_figures(text[item:lead_end])
    if not old or old[0].start != 0:
        return None
    if not re.search(r"\d", text[item + old[0].end : lead_end]):
        return None
    return item, item + old[0].end


def _kind_kept(text: str, item: int, lead_end: int, after: int) -> "tuple | None":
    """(start, end) to blank when a corrected figure said with its kind (「今年合计9800万，说错了今年是9860万」) is
    replaced by one that names its year at most: from the old figure to the new one, so the claim's words
    (今年合计) head the new figure and its kind is kept; None when the replacement names a kind of its own, another
    year, or the claim named no kind."""
    old = _money_figures(text[item:lead_end])
    rest = _after_correction(text, after)
    new = _money_figures(re.split(r"[，,。；;！!？?\n]", rest, maxsplit=1)[0])
    if not old or not new:
        return None
    head = rest[: new[0].start]
    if not _YEAR_ONLY_HEAD.fullmatch(head):
        return None
    claim_head = text[item : item + old[-1].start]
    year, kind, _ = _role(claim_head, None, None, None)
    said_year, _, _ = _role(head, None, None, None)
    if said_year is not None and said_year != year:
        return None
    if kind is None and not _WHOLE_WORDS.search(claim_head):
        return None
    return item + old[-1].start, len(text) - len(rest) + new[0].start


# a figure said to have been the wrong one, beside its correction (「一场3万、一场6万（之前说8万是说错了）」「刚才说的8万
# 是记错了」「8万那个是写错的」): named as an error, it is no figure of the message
_OLD_FIGURE = re.compile(
    r"(?P<said>(?:之前|刚才|刚刚|前面|上面|原来|先前|开始)(?:我)?(?:说|写|填|报|讲)(?:的|成|了)?)?\s*"
    r"(?P<fig>[0-9０-９.．零一二两三四五六七八九十百千]+\s*(?:万|千|w|k)?\s*(?:元|块|美元|欧元|欧|平方米|平米|平方|平|㎡)?)\s*"
    r"(?P<link>是|那个是|那个|这个是|的)?\s*(?:我)?(?:说|写|记|看|弄|搞|打|填|算)(?:错|反)(?:了|的)?",
    re.I,
)


def _figures_of(text: str) -> list:
    """The money and area figures of `text` (an area said wrong is named as a money figure's is)."""
    from calculator.figures_zh import parse_figures

    return [f for f in parse_figures(text) if f.kind in ("money", "area")]


def _bare_number(said: str) -> list:
    """[the figure] of a number said bare or with an area's unit (「760是我记反了」「760平是记错了」), else []."""
    from calculator.figures_zh import parse_figures

    area = [f for f in parse_figures(said) if f.kind == "area"]
    if area:
        return area
    m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*", said)
    if not m:
        return []
    from types import SimpleNamespace
    from decimal import Decimal

    return [SimpleNamespace(value=Decimal(m.group(1)))]


_NEW_AFTER_WRONG = re.compile(r"[\s，,]*(?:应该|应当|其实|实际|正确的)?(?:是|为)\s*$")


def _named_as_wrong(text: str) -> str:
    """`text` with each figure said to be the wrong one (and those words) blanked; a figure followed by 说错了 alone
    (「8万说错了，是6万」) is left to the correction reading, which puts the new figure in its place. When the wrong
    figure was said before in the message (「一场3万，一场8万，8万是写错了，应该是6万」), the new figure said right
    after takes that one's place; with none said, the text is left as it is (the readers ask)."""
    for m in reversed(list(_OLD_FIGURE.finditer(text))):
        wrong = _money_figures(m.group("fig")) or _bare_number(m.group("fig"))
        if not (m.group("said") or m.group("link")) or not wrong:
            continue
        earlier = [f for f in _figures_of(text[: m.start()]) if f.value == wrong[0].value]
        if not earlier:
            text = _blank(text, m.start(), m.end())
            continue
        new = _money_figures(text[m.end() : m.end() + 16])
        if not new or not _NEW_AFTER_WRONG.fullmatch(text[m.end() : m.end() + new[0].start]):
            old = earlier[-1]
            if any(f.kind == old.kind and f.value != old.value for f in _figures_of(text[old.end : m.start()])):
                # 「租的760平…哦面积不对，合同上写的是706平，760是我记反了」: the replacement said before the words
                # naming the old figure wrong: the old one and those words blanked
                text = _blank(_blank(text, old.start, old.end), m.start(), m.end())
            continue
        old, figure = earlier[-1], text[m.end() + new[0].start : m.end() + new[0].end]
        if len(figure) > old.end - old.start:  # the new figure stays where it was said, the old one blanked
            text = _blank(_blank(text, old.start, old.end), m.start(), m.end() + new[0].start)
            continue
        text = text[: old.start] + figure.ljust(old.end - old.start) + text[old.end :]
        text = _blank(text, m.start(), m.end() + new[0].end)
    return text


def without_retracted(text: str) -> str:
    """`text` with claims taken back and clauses corrected later in it blanked (same length); a figure re-checked
    (「是66个……等下，我再核对了一下，是68个」, bot/understand/rechecks.py) replaced by the one said after."""
    if not text:
        return text
    from bot.understand.rechecks import without_rechecked

    text = _named_as_wrong(without_rechecked(text))
    take_back, correction = _patterns()
    for m in list(take_back.finditer(text)):
        if re.match(r"\s*[吗吧呢么嘛?？]", text[m.end() :]):
            continue  # 「住宿费这个不算吧？」 asks whether something counts
        sentence = _clause_start(text, m.start(), _SENTENCE_END)
        corrected = [c for c in correction.finditer(text, sentence, m.start())]
        if corrected:  # 「增长——哦不对 …没有两年 这条当我没说」: the claim is the clause before the correction word
            start = _clause_start(text, corrected[0].start(), _CLAUSE_END)
        else:  # 「离岸50万美元，这条不算」: the clause right before
            start = _clause_start(text, m.start(), _CLAUSE_END)
        if start == m.start():  # nothing before it in the message: it takes back an earlier message
            continue
        text = _blank(text, start, m.end())
    blanked_to = -1
    said = text
    found = list(correction.finditer(text))
    for i, m in enumerate(found):
        if re.match(r"\s*[吗吧呢么嘛?？]", text[m.end() :]):
            continue  # 「是不是说错了？」 asks
        if i and _AFTERWORD.search(m.group(0)) and _FIGURE_ONLY.fullmatch(said[found[i - 1].end() : m.start()]):
            continue  # 「150万美元 不对不对 是180万美元 我看错了 在岸400万」: the apology ends that correction, corrects nothing
        lead = _SPEAKER_BEFORE.sub("", text[: m.start()])
        if blanked_to >= 0 and not text[blanked_to : len(lead)].strip(_CLAUSE_END + " "):
            text, blanked_to = _blank(text, blanked_to, m.end()), m.end()
            continue  # 「…18万 哦不对 我说错了 是…」: the second word goes on with the first correction
        if not lead or lead[-1] not in _SEPARATORS:
            continue  # 「汇率我说错了 应该是7.05」: the words before name what is corrected (read elsewhere)
        start = _clause_start(text, len(lead), _CLAUSE_END)
        claim = text[start : len(lead)]
        listed = _listed_item(text, m.end(), len(lead))
        if listed is not None:  # 「分别10万 4万 8万 哦不对 第二场是6万」: the second figure of the list, not the last
            text, blanked_to = _put_in_list(text, listed, len(lead), m.end()), m.end()
            continue
        if _ORDINAL_REPLACEMENT.match(_after_correction(text, m.end())):
            continue  # 「分别6万 8万 哦不对 第三场是5万」: no third figure said — nothing is placed (no item blanked)
        counted = figure_corrections.placed(text, len(lead), len(text) - len(_after_correction(text, m.end())))
        if counted is not None:  # 「28人…满6个月，另外4个…不对，…是27个满6个月，5个不满」: each count in its old place
            text, blanked_to = counted, m.end()
            continue
        if _has_figure(claim):
            # 「cmmi3认证费25w 额 等下 刚才说错了 是cmmi5 认证费35w」: the item said with its figure gives way to the one
            # said after the correction word; 「…不是1万」 (an old figure named) is read by bot/estimate/corrections.py
            earlier = _same_role_item(text, start, len(lead), m.end())
            if earlier is not None:  # 「今年2000万 去年1800万 哦不对 今年是2100万」: 今年's figure, not the last one
                text, blanked_to = _blank(_blank(text, *earlier), len(lead), m.end()), m.end()
                continue
            # (the message before, not the clause: 「东京展位费4万，新加坡3万，不对，东京那场是3.5万」)
            placed = _same_place_item(text, 0, len(lead), m.end())
            if (
                placed is not None
            ):  # 「一场迪拜的6.5万 一场伦敦的9万 哦不对 迪拜那场是5.5万」: 迪拜's figure, not the last
                text, blanked_to = _put_in_place(text, placed, len(lead), m.end()), m.end()
                continue
            # 「展位费3.2万 布展0.4万，不对不对展位费是2.3万」: the figure of the cost named, not the last one
            costed = _same_cost_item(text, 0, len(lead), m.end())
            if costed is not None:
                text, blanked_to = _put_in_place(text, costed, len(lead), m.end()), m.end()
                continue
            if _other_place_named(text, 0, len(lead), m.end()):
                continue  # 「迪拜…2万 伦敦9万 哦不对 迪拜那场是2.5万」: never 伦敦's figure; nothing placed by it
            item = _replaced_item(text, start, len(lead), m.end())
            inside = _figure_with_others_after(text, item, len(lead), m.end()) if item is not None else None
            if inside is not None:
                # 「离岸执行额两百万刀 汇率6.95 离岸奖励多少 哦不对 是180万美元」: the rate said between the old figure
                # and the correction stays; only the old figure takes the new one (R63E004 had lost the rate)
                text, blanked_to = _put_in_place(text, inside, len(lead), m.end()), m.end()
                continue
            if item is not None:
                kept = _kind_kept(text, item, len(lead), m.end())
                bare = None if kept else _bare_figure(text, item, len(lead), m.end())
                if bare is not None:
                    # 「去年离岸执行额99万美元，不对不对，财务刚纠正了是101.3w美金」: the new figure in the old one's place,
                    # after the words that name it (去年离岸执行额), the correction and its aside blanked
                    text, blanked_to = _put_in_place(text, bare, len(lead), m.end()), m.end()
                else:
                    # 「费用8万，哦不对，是6万」: the stops after the correction word go too, so 「费用 是6万」 reads as one
                    end = m.end() if kept else m.end() + len(text[m.end() :]) - len(text[m.end() :].lstrip("，, …—-~"))
                    text, blanked_to = _blank(text, *(kept or (item, end))), m.end()
            continue
        if not claim.strip(" —-…．."):
            continue  # 「不对，是8万」 answers the bot
        if not text[m.end() :].strip(" ，,。；;！!？?\n—-…"):
            continue  # nothing said after it: no later statement to win
        text, blanked_to = _blank(text, start, m.end()), m.end()
    return text


_BLANKED = re.compile(r"\s{3,}[，,。；;]?\s*")


def closed_up(text: str) -> str:
    """`text` read without its retractions, each blanked stretch closed up to one space (「离岸执行额95万美元，不对，是102万
    美元」 → 「离岸执行额 是102万美元」): the words naming a figure stay next to its new value, for readers that keep
    no offsets (the facts)."""
    return _BLANKED.sub(" ", without_retracted(text))
