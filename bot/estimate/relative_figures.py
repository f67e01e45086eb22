"""Business amounts said relative to another year's (「今年执行额4500万 比去年多了25%」「去年离岸是今年的八成」「在岸今年
3200万，比去年少了200万」「2026年比2025年多了30%」「增长了一倍」「跟去年持平」).

The relation names two years: its subject (the year said first, or the year of the figure right before it) and its
base (the year after 比/跟 …, or the year before the subject for 同比). When exactly one of the two years has its
amount in the message (of the same 在岸/离岸 kind), the other year's amount is derived EXACTLY with Decimal and
the relation is restated as that figure (「比去年多了25%」 → 「去年在岸3600万」), so the reader places it by its year
and kind like any figure told; the derivation is kept for the worked arithmetic (「去年在岸执行额 = 4500万元 ÷
(1 + 25%) = 3600万元」). A result not exact to the cent, an approximate relation, a difference in another or an
unsaid currency, or a relation that fits more than one figure is never rounded or guessed: it is blanked and asked
about, naming the figure. A percentage said as growth is never read as an amount.

Plain Python; the words are knowledge/data/estimate_words.yml `relative`.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, localcontext
from functools import lru_cache
from typing import List, Optional, Tuple

from bot.estimate.reading import OTHER_AMOUNT_WORDS, YEAR_CUR, YEAR_PREV, alternation, estimate_words, figures

BUSINESS_KEYS = ("onshore_cny", "previous_onshore_cny", "offshore_usd", "previous_offshore_usd")
KIND_WORDS = {"onshore": "在岸", "offshore": "离岸"}
STOPS = ",，。；;！？!?\n"
DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
NUMBER = r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十])"


@lru_cache(maxsize=1)
def _words() -> dict:
    return estimate_words()["relative"]


@lru_cache(maxsize=1)
def _year_pattern() -> str:
    cal = [str(k) for k in estimate_words()["years"]["calendar"]]
    return rf"(?:(?:19|20)\d\d年|{alternation(cal)}|{YEAR_PREV}|{YEAR_CUR})"


def year_key(word: str) -> Optional[tuple]:
    """("abs", 2026) for 「2026年」, ("rel", -1) for 去年/上年度, ("rel", 0) for 今年/本年度; None for no year word."""
    m = re.fullmatch(r"((?:19|20)\d\d)年", word)
    if m:
        return ("abs", int(m.group(1)))
    cal = {str(k): int(v) for k, v in estimate_words()["years"]["calendar"].items()}
    if word in cal:
        return ("rel", cal[word])
    if re.fullmatch(YEAR_PREV, word):
        return ("rel", -1)
    if re.fullmatch(YEAR_CUR, word):
        return ("rel", 0)
    return None


def year_word(key: tuple) -> str:
    if key[0] == "abs":
        return f"{key[1]}年"
    cal = {int(v): str(k) for k, v in reversed(list(estimate_words()["years"]["calendar"].items()))}
    return cal.get(key[1], "去年" if key[1] == -1 else "今年")


def _before(key: tuple) -> tuple:
    return (key[0], key[1] - 1)


@dataclass(frozen=True)
class Quantity:
    """How the subject year's amount S follows from the base year's B: S = B × factor + difference."""

    factor: Decimal
    difference: Decimal  # in the difference figure's unit (元 / 美元)
    currency: Optional[str]  # the difference figure's currency (None when not said, or no difference)
    shown: str  # 「(1 + 25%)」「80%」「200万」 for the derivation
    kind: str  # growth | ratio | difference | same
    approximate: bool = False


@dataclass
class Relation:
    start: int
    end: int  # the span restated
    said: str  # the words as typed (「比去年多了25%」)
    subject: Optional[tuple]
    subject_word: str
    subject_figure: object  # the figure right before an implied subject, or None
    base: tuple
    base_word: str
    kind: Optional[str]  # onshore / offshore said in the relation
    quantity: Quantity
    base_at: int = -1  # where the base's year word stands (it names no figure after it)


@dataclass
class Derivation:
    value: Decimal
    currency: Optional[str]
    kind: Optional[str]
    text: str  # 「去年在岸执行额 = 4500万元 ÷ (1 + 25%) = 3600万元」

    def as_json(self) -> dict:
        return {"value": str(self.value), "currency": self.currency, "kind": self.kind, "text": self.text}


# -- amounts as the user reads them and as the reader parses them --------------------------------------------------
def _plain(d: Decimal) -> str:
    text = f"{d:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def shown(value: Decimal, currency: Optional[str]) -> str:
    """「3600万元」「240万美元」「36000012.34元」: exact, never rounded."""
    unit = "美元" if currency == "USD" else "元"
    if value and value % 10000 == 0 or (value and (value * 100) % 10000 == 0 and abs(value) >= 10000):
        return f"{_plain(value / 10000)}万{unit}"
    return f"{_plain(value)}{unit}"


def _percent(p: Decimal) -> str:
    return f"{_plain(p * 100)}%"


# -- reading the relation --------------------------------------------------------------------------------------------
def _chinese_number(text: str) -> Optional[Decimal]:
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return Decimal(text)
    if text in DIGITS:
        return Decimal(DIGITS[text])
    return None


def _ratio_word(text: str) -> Optional[Tuple[Decimal, int]]:
    """「八成」 0.8, 「八成五」 0.85, 「两成半」 0.25, 「一半」 0.5, 「1.5倍」 ('倍' → the number), with the length read."""
    w = _words()
    m = re.match(rf"({alternation(w['half'])})", text)
    if m:
        return Decimal("0.5"), m.end()
    m = re.match(r"([一二两三四五六七八九])成(半|[一二三四五六七八九])?", text)
    if m:
        tenth = Decimal(DIGITS[m.group(1)]) / 10
        extra = m.group(2)
        if extra:
            tenth += Decimal("0.05") if extra == "半" else Decimal(DIGITS[extra]) / 100
        return tenth, m.end()
    return None


def _times_word(text: str) -> Optional[Tuple[Decimal, int]]:
    m = re.match(rf"({NUMBER})\s*倍", text)
    if m:
        n = _chinese_number(m.group(1))
        return (n, m.end()) if n is not None else None
    return None


def _approx_after(text: str) -> int:
    """The length of an approximating word right after a quantity (「20%左右」), 0 when none."""
    m = re.match(rf"\s*({alternation(_words()['approx_after'])})(?![\u4e00-\u9fff]*[年钱])", text)
    return m.end() if m else 0


def _quantity_at(text: str, pos: int, figs, direction: str) -> Optional[Tuple[Quantity, int]]:
    """The amount of change said at `pos` (after 多了/少了 …), its end; None when it is no amount of change."""
    w = _words()
    sign = 1 if direction == "more" else -1
    m = re.match(rf"(了|出|出了)?\s*(?P<approx>{alternation(w['approx_before'])})?\s*", text[pos:])
    at = pos + m.end()
    approx = bool(m.group("approx"))
    fig = next((f for f in figs if f.start == at), None)
    if fig is not None and fig.kind == "percent" and fig.value is not None:
        p = Decimal(str(fig.value)) / 100
        sym = "+" if sign > 0 else "−"
        q = Quantity(1 + sign * p, Decimal(0), None, f"(1 {sym} {_percent(p)})", "growth", approx)
        return q, fig.end
    if fig is not None and fig.kind == "money" and fig.value is not None:
        d = Decimal(str(fig.value)) * sign
        q = Quantity(Decimal(1), d, fig.currency, fig.raw, "difference", approx)
        return q, fig.end
    ratio = _ratio_word(text[at:])
    if ratio:
        p, n = ratio
        sym = "+" if sign > 0 else "−"
        return Quantity(1 + sign * p, Decimal(0), None, f"(1 {sym} {_percent(p)})", "growth", approx), at + n
    times = _times_word(text[at:])
    if times and sign > 0:  # 「增长了一倍」: the increase is once the base
        n, end = times
        return Quantity(1 + n, Decimal(0), None, f"(1 + {_percent(n)})", "growth", approx), at + end
    return None


def _figure_end(figs, pos: int) -> Optional[object]:
    return next((f for f in figs if f.start <= pos < f.end), None)


def _clause_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in "。；;！？!?\n") + 1


def _subject(text: str, start: int, figs) -> Tuple[Optional[tuple], str, object, int]:
    """The subject of a relation starting at `start`: (year key, year word, figure, where the restated span
    starts). A year word after the sentence's last figure is the subject itself (「2026年比2025年」「今年在岸执行额比
    去年」); else the last figure of the sentence before it (「执行额4500万 比去年多了25%」)."""
    lo = _clause_start(text, start)
    money = [f for f in figs if f.kind == "money" and lo <= f.start and f.end <= start]
    last_fig_end = max((f.end for f in money), default=lo)
    words = [m for m in re.finditer(_year_pattern(), text[last_fig_end:start])]
    if words:
        m = words[-1]
        between = text[last_fig_end + m.end() : start]
        if not re.search(rf"[{re.escape(STOPS)}]", between):
            return year_key(m.group(0)), m.group(0), None, last_fig_end + m.start()
    if money:
        return None, "", money[-1], start
    return None, "", None, start


def _relation_kind(text: str) -> Optional[str]:
    from bot.estimate.reading import OFFSHORE, ONSHORE

    kinds = {
        "offshore" if re.fullmatch(OFFSHORE, m.group(0)) else "onshore"
        for m in re.finditer(f"{OFFSHORE}|{ONSHORE}", text)
    }
    return kinds.pop() if len(kinds) == 1 else None


def _with_approx(text: str, q: Quantity, end: int) -> Tuple[Quantity, int]:
    after = _approx_after(text[end:])
    if after:
        return Quantity(q.factor, q.difference, q.currency, q.shown, q.kind, True), end + after
    return q, end


def _ratio_at(text: str, at: int, figs, approx: bool) -> Optional[Tuple[Quantity, int]]:
    """「八成」「80%」「一半」「1.5倍」 at `at`, after 「是去年的」: S = B × the ratio."""
    fig = next((f for f in figs if f.start == at), None)
    if fig is not None and fig.kind == "percent" and fig.value is not None:
        p = Decimal(str(fig.value)) / 100
        return Quantity(p, Decimal(0), None, _percent(p), "ratio", approx), fig.end
    ratio = _ratio_word(text[at:])
    if ratio:
        return Quantity(ratio[0], Decimal(0), None, _percent(ratio[0]), "ratio", approx), at + ratio[1]
    times = _times_word(text[at:])
    if times:
        return Quantity(times[0], Decimal(0), None, _plain(times[0]), "ratio", approx), at + times[1]
    return None


def _change_at(text: str, m, figs) -> Optional[Tuple[Quantity, int]]:
    """The change said after a more / less / same / doubled word matched by `m`."""
    if m.group("same"):
        if not re.match(r"\s*(了|的)?\s*(?:$|[,，。；;！？!?\n ])", text[m.end() :]):
            return None  # 「今年和去年一样都没有离岸」: what is the same is no amount
        return Quantity(Decimal(1), Decimal(0), None, "", "same", False), m.end()
    if m.group("doubled"):
        return Quantity(Decimal(2), Decimal(0), None, "2", "ratio", False), m.end()
    got = _quantity_at(text, m.end(), figs, "more" if m.group("more") else "less")
    if not got or re.match(r"\s*的", text[got[1] :]):
        return None  # 「今年多了500万美元的离岸业务」「增加了200万的研发投入」: what was added, described
    return _with_approx(text, *got)


def relations(text: str, figs=None) -> List[Relation]:
    """Every relation of one year's business amount to another's in `text`, in order: 「比去年多了25%」「同比增长
    一倍」「跟去年持平」, 「今年增长了25%」 (against the year before), 「去年离岸是今年的八成」「是去年的1.5倍」."""
    w = _words()
    figs = figures(text) if figs is None else figs
    year = _year_pattern()
    gap = r"[^\d,，。；;！？!?\n%]{0,12}?"
    compare_words = alternation(w["compare"])
    change = (
        rf"(?:(?P<doubled>{alternation(w['doubled'])})|(?P<more>{alternation(w['more'])})"
        rf"|(?P<less>{alternation(w['less'])})|(?P<same>{alternation(w['same'])}))"
    )
    found: List[Relation] = []

    def free(pos: int) -> bool:
        return not any(r.start <= pos < r.end for r in found)

    compared = rf"(?:(?P<cmp>{compare_words})\s*(?P<base>{year})|(?P<before>{alternation(w['year_before'])}))"
    for m in re.finditer(rf"{compared}(?P<gap>{gap}){change}", text):
        got = _change_at(text, m, figs) if free(m.start()) else None
        if got:
            rel = _relation(text, figs, m.start(), got[1], m.group("base"), got[0], m.group("gap") or "")
            if rel is not None:
                found.append(rel)
    for m in re.finditer(rf"(?P<subj>{year})(?P<gap>[^\d\s,，。；;！？!?\n%]{{0,8}}?){change}", text):
        # 「今年增长了25%」: against the year before; not 「今年离岸业务比较少」 (a comparison word in between)
        if not free(m.start()) or m.group("same") or re.search(rf"{compare_words}|{year}", m.group("gap")):
            continue
        got = _change_at(text, m, figs)
        if got:
            subj = m.group("subj")
            key = year_key(subj)
            found.append(
                Relation(
                    m.start(),
                    got[1],
                    text[m.start() : got[1]],
                    key,
                    subj,
                    None,
                    _before(key),
                    "",
                    _relation_kind(m.group("gap")),
                    got[0],
                )
            )
    for m in re.finditer(
        rf"(?P<subj>{year})?(?P<mid>[^\d,，。；;！？!?\n]{{0,8}}?)(?P<is>{alternation(w['is'])})\s*(?P<base>{year})"
        rf"(?P<gap>[^\d,，。；;！？!?\n]{{0,8}}?)的\s*",
        text,
    ):
        if not free(m.start("is")):
            continue
        approx = any(a in m.group("is") for a in w["approx_before"])
        got = _ratio_at(text, m.end(), figs, approx)
        if not got:
            continue
        q, end = _with_approx(text, *got)
        if m.group("subj"):
            subj = m.group("subj")
            rel = Relation(
                m.start(),
                end,
                text[m.start() : end],
                year_key(subj),
                subj,
                None,
                year_key(m.group("base")),
                m.group("base"),
                _relation_kind(m.group("mid") + m.group("gap")),
                q,
                m.start("base"),
            )
        else:  # 「今年在岸4500万，是去年的1.5倍」: the figure before it is the subject
            rel = _relation(text, figs, m.start("is"), end, m.group("base"), q, m.group("mid") + m.group("gap"))
            if rel is not None:
                rel.base_at = m.start("base")
        if rel is not None:
            found.append(rel)
    return sorted(found, key=lambda r: r.start)


def _relation(text, figs, start, end, base_word, q, gap) -> Optional[Relation]:
    subject, subject_word, subject_fig, span_start = _subject(text, start, figs)
    if subject is None and subject_fig is None:
        subject = ("rel", 0) if base_word and year_key(base_word) == ("rel", -1) else None
    base = year_key(base_word) if base_word else None
    if base is None and subject is None and subject_fig is None:  # 同比 of no year: nothing to compare
        return None
    lead = text[span_start:start]
    if subject_fig is not None:  # 「离岸200万美元，在岸比去年多了20%」: the kind said after the figure, before 比
        lead = re.split(rf"[{re.escape(STOPS)}]", text[subject_fig.end : start])[-1]
    kind = _relation_kind(lead + gap)
    return Relation(
        span_start, end, text[span_start:end], subject, subject_word, subject_fig, base, base_word or "", kind, q
    )


# -- figures the relation rests on ------------------------------------------------------------------------------------
def _not_business(text: str) -> bool:
    return re.search(alternation(_words()["not_business"]) + "|" + OTHER_AMOUNT_WORDS, text) is not None


def _both_years(before: str) -> bool:
    return (
        re.search(
            r"(两年|两个年度|去年今年|今年去年|去年和今年|今年和去年)[^，。；,;\d]{0,8}(都|均)[^，。；,;\d]{0,4}$",
            before,
        )
        is not None
    )


def figure_year(text: str, f, skip) -> Optional[tuple]:
    """The year of a money figure: the last year word before it, not one after 比/跟 (a year compared with), nor the
    base of a ratio (`skip`: spans); ("both",) for 「两年都是1000万」."""
    lo = _clause_start(text, f.start)
    if _both_years(text[lo : f.start]):
        return ("both",)
    last = None
    compare = alternation(_words()["compare"])
    for m in re.finditer(_year_pattern(), text[: f.start]):
        if any(a <= m.start() < b for a, b in skip):
            continue
        if re.search(rf"({compare})\s*$", text[max(0, m.start() - 3) : m.start()]):
            continue
        last = m
    return year_key(last.group(0)) if last else None


def figure_kind(text: str, f) -> Optional[str]:
    from bot.estimate.understand import kind_of_figure

    kind = kind_of_figure(text, f.start, f.end)
    if kind is None and f.currency == "USD":
        return "offshore"
    return kind


def _no_offshore(text: str) -> bool:
    """「没有离岸」「离岸两年都是零」: the message says there is no offshore business, so a yuan amount of no kind is
    the onshore one (the derived figure is named so, not left to inherit the 离岸 said to be none)."""
    from bot.estimate.reading import NONE_WORDS, OFFSHORE

    return (
        re.search(
            rf"({NONE_WORDS})\s*(有)?\s*({OFFSHORE})|({OFFSHORE})[^,，。；;\d]{{0,6}}({NONE_WORDS}|0(?![\d.]))", text
        )
        is not None
    )


def business_figures(text: str, figs, skip) -> list:
    from bot.estimate.year_chain import names_other_item

    out = []
    for f in figs:
        if f.kind != "money" or f.value is None or any(a <= f.start < b for a, b in skip):
            continue
        part = max(text.rfind(c, 0, f.start) for c in STOPS) + 1
        if names_other_item(text, f.start) or _not_business(text[part : f.start]):
            continue
        if re.match(r"\s*(的)?(汇率|中间价)", text[f.end : f.end + 4]):
            continue
        out.append(f)
    return out


# -- restating ---------------------------------------------------------------------------------------------------------
@dataclass
class Restated:
    text: str
    derivations: List[Derivation]
    problems: List[str]


def _target_name(word: str, kind: Optional[str]) -> str:
    return f"{word}{KIND_WORDS.get(kind, '')}执行额"


def _exact(value: Decimal) -> bool:
    return value > 0 and (value * 100) == (value * 100).to_integral_value()


def restate(text: str) -> Restated:
    """`text` with each relation it can settle restated as the other year's figure, the derivations, and what is asked
    (a relation it cannot settle exactly is blanked, so no guess is read from it)."""
    figs = figures(text)
    found = relations(text, figs)
    if not found:
        return Restated(text, [], [])
    business = business_figures(text, figs, [(r.start, r.end) for r in found])
    skip = [(r.base_at, r.base_at + 1) for r in found if r.base_at >= 0]
    pieces, derivations, problems, cursor = [], [], [], 0
    for r in found:
        outcome = _settle(text, r, business, skip)
        if outcome is None:
            continue
        replacement, derivation, problem = outcome
        pieces.append(text[cursor : r.start])
        pieces.append(replacement)
        cursor = r.end
        if derivation:
            derivations.append(derivation)
        if problem:
            problems.append(problem)
    pieces.append(text[cursor:])
    return Restated("".join(pieces), derivations, problems)


def _words_of(text: str, r: Relation) -> str:
    """The words that say what a relation is about: from the label of its figure (or its own start), back to a
    space or punctuation, to just after it (「研发投入今年300万 比去年多了20%」; not 「…多了25% 增量奖励多少」)."""
    start = min(r.start, r.subject_figure.start if r.subject_figure is not None else r.start)
    lo = max(text.rfind(c, 0, start) for c in STOPS + " ") + 1
    tail = re.search(rf"[{re.escape(STOPS)} ]|$", text[r.end : r.end + 6])
    return text[lo : r.end + tail.start()]


def _holds_offshore(text: str, r: Relation) -> bool:
    """「今年执行额比去年多了2000万（离岸那部分已经按汇率折成人民币算进去了）」: the relation is of the whole business, its
    offshore part converted inside it (its sentence before it, or its bracket / clause right after it, says so); an
    offshore dollar figure is then none of the amounts it compares."""
    from bot.estimate.year_totals import holds_offshore

    after = re.match(r"\s*(?:[（(][^）)]{0,30}[）)]|[，,]?[^，。；,;！？!?\n\d]{0,24})", text[r.end :]).group(0)
    return holds_offshore(text[_clause_start(text, r.start) : r.start]) or holds_offshore(after)


def _settle(text: str, r: Relation, business, skip):
    """(replacement, derivation, problem) for one relation; None to leave it as typed."""
    if _not_business(_words_of(text, r)):
        return None  # 「研发投入今年300万 比去年多了20%」「汇率比去年高了2%」: no business amount
    subject = r.subject
    if r.subject_figure is not None:
        subject = figure_year(text, r.subject_figure, skip)
        if subject is None:
            subject = ("rel", 0) if r.base == ("rel", -1) else None
    if subject is None or subject == ("both",):
        return None
    base = r.base or _before(subject)
    if base == subject:
        return None
    kind = r.kind
    if r.subject_figure is not None:
        kind = kind or figure_kind(text, r.subject_figure)

    whole = kind is None and _holds_offshore(text, r)

    def of_year(key):
        return [
            f
            for f in business
            if figure_year(text, f, skip) in (key, ("both",))
            and (kind is None or figure_kind(text, f) in (kind, None))
            and not (whole and (f.currency == "USD" or figure_kind(text, f) == "offshore"))
        ]

    subject_figure = r.subject_figure
    if subject_figure is not None and r.kind and figure_kind(text, subject_figure) not in (r.kind, None):
        subject_figure = None  # 「在岸3000万 离岸200万美元，在岸比去年多了20%」: the figure of the kind said
    said_s = [subject_figure] if subject_figure is not None else of_year(subject)
    if subject_figure is not None and r.kind is None:  # 「今年在岸3000万 离岸200万美元 比去年多了20%」: which one?
        lo = _clause_start(text, r.start)
        said_s += [
            f
            for f in business
            if lo <= f.start < r.start and f is not subject_figure and figure_year(text, f, skip) == subject
        ]
    said_b = of_year(base)
    if said_s and said_b:
        return None  # both years told: nothing to derive
    if not said_s and not said_b:
        return None
    known = said_s or said_b
    forward = not said_s  # the base year's figure is told: the subject's is derived
    target_word = (r.subject_word or year_word(subject)) if forward else (r.base_word or year_word(base))
    blank = " " * (r.end - r.start)
    if len({figure_kind(text, f) for f in known}) > 1 or len(known) > 1:
        listed = "、".join(f.raw for f in sorted(known, key=lambda f: f.start))
        return (
            blank,
            None,
            (
                f"您说“{r.said.strip()}”，但{listed}都可能是它所比的金额，我不猜是哪一个，也不据此推算"
                f"{_target_name(target_word, r.kind)}。"
            ),
        )
    f = known[0]
    kind = kind or figure_kind(text, f) or ("onshore" if f.currency != "USD" and _no_offshore(text) else None)
    q = r.quantity
    value = Decimal(str(f.value))
    currency = f.currency
    name = _target_name(target_word, kind)
    if q.approximate:
        return blank, None, f"您说“{r.said.strip()}”是个大概的说法，我不据此推算{name}，也不估算。"
    if q.kind == "difference":
        unit_of_base = "USD" if currency == "USD" or kind == "offshore" else "CNY"
        unit_of_diff = q.currency or (None if unit_of_base == "USD" else "CNY")
        if unit_of_diff != unit_of_base:
            return (
                blank,
                None,
                (
                    f"您说“{r.said.strip()}”，差额{q.shown}与{f.raw}的币种不同或没有说明，我不换算也不猜，"
                    f"不据此推算{name}。"
                ),
            )
    base_shown = shown(value, currency)
    with localcontext() as ctx:
        ctx.prec = 60
        if forward:
            result = value * q.factor + q.difference
            expr = _forward_expr(base_shown, q, currency)
        else:
            result = (value - q.difference) / q.factor if q.factor else Decimal(-1)
            expr = _inverse_expr(base_shown, q, currency)
    if not _exact(result) or (not forward and q.factor and (result * q.factor + q.difference) != value):
        why = "不是正数" if result <= 0 else "除不尽、不能精确到分"
        return blank, None, (f"您说“{r.said.strip()}”，按此推算{name} = {expr}，结果{why}，我不四舍五入也不估算。")
    result = result.normalize() if result == result.to_integral_value() else result
    result = Decimal(_plain(result))
    text_value = shown(result, currency)
    if q.kind == "same":
        other = r.base_word or year_word(base) if forward else r.subject_word or year_word(subject)
        derivation = Derivation(result, currency, kind, f"{name} = {text_value}（与{other}持平）")
    else:
        derivation = Derivation(result, currency, kind, f"{name} = {expr} = {text_value}")
    replacement = f"{target_word}{KIND_WORDS.get(kind, '')}{typed(result, currency)}"
    if not forward and r.subject_word and r.start < f.start:
        replacement += f" {r.subject_word}"  # 「今年比去年多了25%，做了4500万」: 4500万 stays this year's
    return replacement, derivation, None


def typed(value: Decimal, currency: Optional[str]) -> str:
    """The derived figure as the reader parses it, in the unit of the figure it came from."""
    if value % 10000 == 0:
        return f"{_plain(value / 10000)}万" + ("美元" if currency == "USD" else "元" if currency == "CNY" else "")
    return f"{_plain(value)}" + ("美元" if currency == "USD" else "元")


def _forward_expr(base: str, q: Quantity, currency) -> str:
    return _expr(base, q, currency, inverse=False)


def _inverse_expr(base: str, q: Quantity, currency) -> str:
    return _expr(base, q, currency, inverse=True)


def _expr(base: str, q: Quantity, currency, inverse: bool) -> str:
    """The arithmetic from `base` to the other year's figure; `inverse` undoes the relation said."""
    if q.kind == "same":
        return base
    if q.kind == "difference":
        sym = "+" if (q.difference > 0) != inverse else "−"
        return f"{base} {sym} {shown(abs(q.difference), currency)}"
    return f"{base} {'÷' if inverse else '×'} {q.shown}"


def attach(derivations: List[Derivation], fields: dict) -> None:
    """Each derivation onto the business field the reader filled with its figure (`_derived`: {field: …})."""
    out = {}
    for d in derivations:
        for key in BUSINESS_KEYS:
            if key in fields and Decimal(str(fields[key])) == d.value and key not in out:
                out[key] = d.as_json()
                break
    if out:
        fields["_derived"] = out


def shown_by_item(inputs: dict, codes) -> dict:
    """{item code: the derivation lines shown above its arithmetic}: each derived business figure once, under 三（一）
    (which compares both years) or else under 三（二） (this year's offshore amount); only while the field still
    holds the derived value (a later correction drops it)."""
    derived = inputs.get("_derived") or {}
    uses = {"3.1": BUSINESS_KEYS, "3.2": ("offshore_usd",)}
    out, shown_keys = {}, set()
    for code in codes:
        for key, d in derived.items():
            if key in uses.get(code, ()) and key not in shown_keys and key in inputs:
                if Decimal(str(inputs[key])) == Decimal(str(d["value"])):
                    out.setdefault(code, []).append(d["text"])
                    shown_keys.add(key)
    return out
