"""A fair's cost in a currency other than yuan or dollars (「展位费+特装一共80万日元，日元汇率按0.048算」): converted to
yuan at the user's own rate for that currency (80万日元 × 0.048 = 38,400元) before the 70%, the arithmetic said. The
rate counts only when the words name that currency (「日元汇率按0.048」「1日元=0.048元」「100日元=4.8元」「日元兑人民币按0.048」,
or a list after the rate word: 「汇率：欧元7.8，100日元=4.9元，美元7.1」); with
none, the yuan amount or the rate is asked, naming the currency — no rate is ever assumed, and a rate so tied to
another currency is never read as the dollar rate."""

import re
from decimal import Decimal, InvalidOperation
from typing import Optional

from calculator.figures_zh import FOREIGN, FOREIGN_NAMES

_LINK = r"(?:兑换?|对|=|＝|等于|折合|折|换|可以换|能换)\s*(?:人民币|rmb|cny)?"
_RATE_WORDS = r"(?:汇率|中间价|汇价|比价)?\s*(?:是|为|按|取|用|约|大概|算)?"
_NUMBER = r"([0-9]+(?:\.[0-9]+)?)"
# a number that is an amount or a count of units (「EUR 9,000」「日元按100日元兑5元」), not a rate
_NOT_AN_AMOUNT = r"(?![0-9.]|\s*[万千亿wk]|\s*(?:欧元|欧|日元|日币|英镑|港币|港元|澳元|加元|美元|美金|usd|eur|jpy))"
_RATE_WORD_BEFORE = re.compile(r"(?:汇率|中间价|汇价|比价|换算|折算)[^。！？!?\n]*$")


def _names(code: str) -> str:
    words = [w for w, c in FOREIGN.items() if c == code and len(w) > 1] or [FOREIGN_NAMES.get(code, code)]
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def tied_rates(text: str, figs: list) -> dict:
    """{currency: (rate, figures)} for each currency of a money figure in `text` (not yuan or dollars) whose rate
    to yuan the words tie to it; the figures are those that state the rate (the rate, or 「1日元」 and 「0.048元」)."""
    from bot.estimate import cross_rates

    out = {}
    quoted = cross_rates.stated(text)
    for code in {f.currency for f in figs if f.kind == "money" and f.currency not in (None, "CNY", "USD")}:
        names = _names(code)
        if (code, "CNY") in quoted:  # 「100日元=4.9元」「100日元按4.8元人民币」: per 100 units, or 1
            rate, (s, e) = quoted[(code, "CNY")]
            out[code] = (rate, [f for f in figs if s <= f.start < e and f.kind in ("rate", "money")])
            continue
        one = re.search(rf"(?<![0-9.])(?:1|一)\s*(?:{names})\s*{_LINK}\s*{_RATE_WORDS}\s*{_NUMBER}", text, re.I)
        named = None
        for n in re.finditer(rf"(?:{names})\s*(?:{_LINK})?\s*{_RATE_WORDS}\s*{_NUMBER}{_NOT_AN_AMOUNT}", text, re.I):
            # 「欧元汇率7.8」「欧元兑人民币7.8」, or a list of rates after the rate word (「汇率：欧元7.8，美元7.1」)
            if "." not in n.group(1) and re.match(r"[,，][0-9]{3}", text[n.end() :]):
                continue  # 「EUR 9,000」: an amount with its thousands
            if re.search(r"汇率|中间价|汇价|比价|兑|对|=|折", n.group(0)) or (
                _RATE_WORD_BEFORE.search(text, 0, n.start()) and Decimal(n.group(1)) < 50
            ):  # in a list, only a number no amount could be (「汇率7.8，展位费欧元8000」: 8000 is the cost)
                named = n
                break
        m = one or named
        if m is not None and _to_another_currency(text, m):
            m = None  # 「1欧元=1.1美元」: a rate to dollars, not to yuan (bot/estimate/cross_rates.py takes it on)
        if m is None:
            m = _sole_rate(text, figs)
        if m is None:
            continue
        try:
            rate = Decimal(m.group(1))
        except InvalidOperation:
            continue
        if rate <= 0:
            continue
        held = [f for f in figs if m.start() <= f.start < m.end() and f.kind in ("rate", "money")]
        out[code] = (rate, held)
    return out


def _to_another_currency(text: str, m) -> bool:
    """Whether the rate's number is followed by another currency than yuan (「1欧元=1.1美元」)."""
    from bot.estimate import cross_rates

    return any(
        y != "CNY" and s <= m.start(1) < e for (_, y), (_, (s, e)) in cross_rates.stated(text).items()
    ) and not any(y == "CNY" and s <= m.start(1) < e for (_, y), (_, (s, e)) in cross_rates.stated(text).items())


def _sole_rate(text: str, figs: list):
    """「80万日元，汇率按0.048」: a rate said with no currency is that currency's when the message has one foreign
    currency only and no dollars (no dollar figure, no 美元/离岸 word) and one rate: a match-like object, else None."""
    currencies = {f.currency for f in figs if f.kind == "money" and f.currency not in (None, "CNY")}
    rates = [f for f in figs if f.kind == "rate"]
    if len(currencies) != 1 or "USD" in currencies or len(rates) != 1 or re.search(r"美元|美金|离岸|usd", text, re.I):
        return None
    return re.compile(_NUMBER).match(text, rates[0].start)


def to_yuan(r, f, what: str) -> Optional[Decimal]:
    """The yuan amount of foreign cost `f` at the rate the message ties to its currency, said in a note; None after
    asking for the yuan amount or that currency's rate (named)."""
    name = FOREIGN_NAMES.get(f.currency, f.currency)
    rate = tied_rates(r.text, r.figs).get(f.currency)
    if rate is None:
        from bot.estimate import cross_rates
        from bot.estimate.reading import wan

        got = cross_rates.convert(r.text, f.value, f.currency, "CNY")  # 「1欧=1.08美元、1美元=7.1元」: through dollars
        usd = cross_rates.convert(r.text, f.value, f.currency, "USD") if got is None else None
        dollar = r.stated_rate() if usd is not None else None
        if dollar is not None:  # 「1欧元=1.1美元，汇率7.0」: to dollars at one rate, to yuan at the dollar rate said
            value = (usd[0] * dollar).quantize(Decimal("0.01"))
            got = (value, f"{usd[1]}；× {dollar} = {value:,.2f}（美元汇率{dollar}）")
        if got is not None:
            r.out.notes.append(f"{what}{wan(f.value, name)}折合人民币：{got[1]}")
            return got[0]
        if not any(c.kind == "usd_cost" and (c.data or {}).get("currency") == f.currency for c in r.out.clarifications):
            from bot.estimate.reading import Clarification, wan

            said = f"{wan(f.value, '')}{name}"
            r.out.clarifications.append(
                Clarification(
                    "usd_cost",
                    f"{what}{said}是{name}金额：请告诉我折合人民币多少元，或您采用的{name}兑人民币汇率"
                    f"（1{name}折合多少元人民币），我不替您假设汇率。",
                    {"text": r.text, "pending": r.pending, "usd": [], "currency": f.currency, "name": name},
                )
            )
        return None
    value = (f.value * rate[0]).quantize(Decimal("0.01"))
    from bot.estimate.reading import wan

    r.out.notes.append(
        f"{what}{wan(f.value, name)} × {rate[0]} = {value:,.2f}元（按您给的{name}兑人民币汇率{rate[0]}折算）"
    )
    return value


def corrected_in_answer(said: str, answer: str) -> tuple:
    """(message asked about, answer left) after a correction the answer makes to one amount of that message
    (「另外展位费刚才说错了，是68万日元不是80万」): the old amount (after 不是, its currency the new one's when unsaid)
    replaced in the message by the new one; the answer left without the correction's figures, so they are not read
    again as amounts of their own. Unchanged when the old amount is not exactly one amount of the message."""
    from bot.estimate.reading import figures

    money = [f for f in figures(answer) if f.kind == "money" and f.value]
    old = [f for f in money if re.search(r"(?:不是|而不是|而非|并非)\s*$", answer[max(0, f.start - 4) : f.start])]
    new = [f for f in money if f not in old]
    if len(old) != 1 or not new:
        return said, answer
    # the new figure is the one said nearest the old one (「是68万日元不是80万」「80万是错的，应该是68万日元」)
    now = min(new, key=lambda f: min(abs(f.start - old[0].end), abs(old[0].start - f.end)))
    if abs(now.start - old[0].start) > 16:
        return said, answer
    currency = old[0].currency or now.currency
    if now.currency not in (None, currency):
        return said, answer
    spots = [
        f
        for f in figures(said)
        if f.kind == "money"
        and f.value == old[0].value
        and f.currency in (currency, None)
        and (f.currency or now.currency)
    ]
    if len(spots) != 1:
        return said, answer
    spot = spots[0]
    raw = now.raw if now.currency else f"{now.raw}{FOREIGN_NAMES.get(currency, '')}"
    first, last = min(now.start, old[0].start), max(now.end, old[0].end)
    return said[: spot.start] + raw + said[spot.end :], answer[:first] + answer[last:]
