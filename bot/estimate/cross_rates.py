"""Rates the user states between two currencies, written either way round: 「1欧=1.08美元」「1美元=150日元」
「1美元=7.10人民币」「欧元兑美元汇率1.08」「欧元折美元按1.08」「日元兑美元按0.0067」, or per 100 units (「100日元=4.8元」
「100美元兑690元」). From them an amount in another currency is taken to
dollars (三（二） counts offshore business 以美元计算) or to yuan (a cost), directly or through one currency both rates
name (欧元→美元→人民币); the arithmetic is said. No rate is ever assumed: a pair the words do not state is None."""

import re
from decimal import Decimal, InvalidOperation
from typing import Dict, Optional, Tuple

from bot.estimate.reading import alternation as _alternation
from calculator.figures_zh import FOREIGN

_USD = ["美元", "美金", "usd", "us$"]
_CNY = ["人民币", "元人民币", "rmb", "cny", "块钱", "元"]
NAMES = {"USD": "美元", "CNY": "元人民币"}


def _code_of(word: str) -> Optional[str]:
    w = word.lower()
    if w in _USD:
        return "USD"
    if w in _CNY:
        return "CNY"
    return FOREIGN.get(w)


_CUR = _alternation(_USD + _CNY + list(FOREIGN))
_NUM = r"([0-9]+(?:\.[0-9]+)?)"
_LINK = r"(?:=|＝|等于|相当于|兑换?|对|折合|合|折|换|可以换|能换|约)"
_WORDS = r"(?:汇率|中间价|汇价|比价)?\s*(?:是|为|按|取|用|约|大概|算)?"
# 「1欧=1.08美元」「1美元兑150日元」「一美元等于7.2元人民币」; per 100 units too (「100日元兑5元人民币」「100美元=690元」)
PER = r"(?<![0-9.])(1|一|10|100|1000|10000|一百|一千|一万|百|千)"
ONE = re.compile(rf"{PER}\s*({_CUR})\s*{_LINK}?\s*{_WORDS}\s*{_NUM}\s*({_CUR})", re.I)
_COUNTS = {"一": 1, "一百": 100, "百": 100, "一千": 1000, "千": 1000, "一万": 10000}


def count_of(word: str) -> Decimal:
    """The units a rate is quoted per: 「100日元=4.8元」 is 0.048 yuan per yen."""
    return Decimal(_COUNTS.get(word, word))


# 「欧元兑美元汇率1.08」「日元对美元按0.0067」: units of the second per one of the first
NAMED = re.compile(
    rf"({_CUR})\s*(?:兑换?|对|/|折合?|折算成?|折成|换成?)\s*({_CUR})\s*的?\s*{_WORDS}\s*{_NUM}(?![0-9]|[万千亿wk])",
    re.I,
)


# 「1美元=7.1」: a dollar rate with no currency after it is to yuan (only a plausible USD→CNY rate)
DOLLAR_BARE = re.compile(
    rf"(?<![0-9.])(?:1|一)\s*(美元|美金|usd)\s*{_LINK}\s*{_WORDS}\s*{_NUM}(?![0-9.%]|\s*(?:{_CUR}))", re.I
)


def stated(text: str) -> Dict[Tuple[str, str], Tuple[Decimal, Tuple[int, int]]]:
    """{(from, to): (units of `to` per one `from`, where it is said)} for each rate the text states, both ways."""
    out = {}
    for pattern, a, n, b in ((ONE, 2, 3, 4), (NAMED, 1, 3, 2)):
        for m in pattern.finditer(text or ""):
            x, y = _code_of(m.group(a)), _code_of(m.group(b))
            if pattern is ONE and not _linked(m):
                continue
            try:
                rate = Decimal(m.group(n)) / (count_of(m.group(1)) if pattern is ONE else 1)
            except InvalidOperation:
                continue
            if not x or not y or x == y or rate <= 0 or (x, y) in out:
                continue
            out[(x, y)] = (rate, m.span())
            out.setdefault((y, x), (Decimal(1) / rate, m.span()))
    from bot.estimate.reading import plausible_rate

    for m in DOLLAR_BARE.finditer(text or ""):
        rate = Decimal(m.group(2))
        if ("USD", "CNY") not in out and plausible_rate(rate):
            out[("USD", "CNY")] = (rate, m.span())
            out.setdefault(("CNY", "USD"), (Decimal(1) / rate, m.span()))
    return out


def _linked(m) -> bool:
    """「1欧=1.08美元」「100日元按4.8元人民币」: a quote links the two amounts (=, 兑, 按 …); 「100美元 7万元」 is two
    amounts, no rate."""
    between = m.string[m.end(2) : m.start(3)]
    return bool(re.search(rf"{_LINK}|汇率|中间价|汇价|比价|是|为|按|取|用|算", between))


def held(text: str, figs: list) -> list:
    """The figures that state a rate between two currencies (「1欧」「1.08美元」「150日元」): never amounts. A
    dollar-to-yuan rate's own rate figure (「1美元=7.10人民币」's 7.10) is left to be read as the dollar rate."""
    out = []
    for (x, y), (_, (s, e)) in stated(text).items():
        dollar_rate = {x, y} == {"USD", "CNY"}
        out += [f for f in figs if s <= f.start < e and (f.kind == "money" or (f.kind == "rate" and not dollar_rate))]
    return out


def _said(text: str, span) -> str:
    return text[span[0] : span[1]].strip()


def convert(text: str, amount: Decimal, source: str, target: str) -> Optional[Tuple[Decimal, str]]:
    """(amount in `target`, the arithmetic in words) at the user's own rates, directly or through one currency both
    rates name; None when the words do not give the rate."""
    rates = stated(text)
    if (source, target) in rates:
        path = [source, target]
    else:
        mid = next((y for (x, y) in rates if x == source and (y, target) in rates), None)
        if mid is None:
            return None
        path = [source, mid, target]
    written = _one_way(text)
    value, words, hows = amount, _plain(amount), []
    for x, y in zip(path, path[1:]):
        if (x, y) in written:
            value = value * rates[(x, y)][0]
            words += f" × {_plain(rates[(x, y)][0])}"
        else:
            value = value / rates[(y, x)][0]  # 「1美元=150日元」: 日元 ÷ 150
            words += f" ÷ {_plain(rates[(y, x)][0])}"
        hows.append(_said(text, rates[(x, y)][1]))
    exact = value.quantize(Decimal("0.01"))
    return exact, f"{words} = {exact:,.2f}（按您给的汇率：{'、'.join(dict.fromkeys(hows))}）"


def _one_way(text: str) -> set:
    """The pairs as the user wrote them (not their inverses)."""
    out = set()
    for pattern, a, b in ((ONE, 2, 4), (NAMED, 1, 2)):
        for m in pattern.finditer(text or ""):
            if pattern is ONE and not _linked(m):
                continue
            x, y = _code_of(m.group(a)), _code_of(m.group(b))
            if x and y:
                out.add((x, y))
    if DOLLAR_BARE.search(text or ""):
        out.add(("USD", "CNY"))
    return out


def _plain(d: Decimal) -> str:
    s = f"{d:,f}"
    return s.rstrip("0").rstrip(".") if "." in s else s
