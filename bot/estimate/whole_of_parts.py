"""A total said with its parts listed beside it, for any item (「平台总投入650万 明细是：服务器等硬件300万 商品化正版软件120万
机房配套设施80万 平台人员工资90万 场地房租60万」「认证费用一共28万，其中CMMI 20万、ISO27001 8万」「硬件300万 软件120万
合计420万」).

The total is the whole of the parts, never one more cost added to them: when the money figures listed right after
it (after an opening word, estimate_words.yml whole_of_parts `open`, or a whole word before it, `whole`) add up to it
EXACTLY, or the figures right before a whole word add up to the figure after it, that figure is set aside (used) and
said in a note; each part is then read by its item's own reader (an eligible cost, a cost the item does not pay …).

Left alone: parts that do not add up to the total (the readers ask or read them as before), figures of other
currencies, a year's business total with its 在岸/离岸 parts (bot/estimate/total_parts.py), and one fair's total with
its cost items (bot/estimate/fair_inner_parts.py).
"""

import re
from decimal import Decimal
from typing import List, Tuple

from bot.estimate.reading import CERT_NAME, alternation, estimate_words, wan

_STOP = re.compile(r"[。？?！!]")
_MAX_PARTS = 12


def _words(key: str) -> str:
    return alternation(estimate_words()["whole_of_parts"][key])


def _currency(f) -> str:
    return f.currency or "CNY"


def _business(text: str) -> bool:
    """Whether the words name a year's business (its parts are total_parts.py's)."""
    return bool(re.search(_words("business"), text))


def _opened_after(text: str, total, nxt) -> bool:
    """Whether an opening word stands between the total and the first part (「650万 明细是：」「28万，其中」)."""
    between = text[total.end : nxt.start]
    return bool(re.match(rf"[^\d。？?！!；;]{{0,10}}?(?:{_words('open')})", between) and not re.search(r"\d", between))


def _whole_before(text: str, f) -> bool:
    """Whether a whole word stands right before the figure (「总投入650万」「一共28万」)."""
    return bool(
        re.search(rf"(?:{_words('whole')})[^\d，,。；;？?！!\s]{{0,4}}\s*$", text[max(0, f.start - 10) : f.start])
    )


def _parts_after(text: str, money: list, i: int) -> list:
    """The figures right after money[i] that add up to it exactly (two or more, one currency, no full stop between)."""
    total = money[i]
    return _adding_up(text, total, money[i + 1 : i + 1 + _MAX_PARTS], after=True)


def _parts_before(text: str, money: list, i: int) -> list:
    """The figures right before money[i], said after a whole word (「… 合计420万」), that add up to it exactly."""
    total = money[i]
    if not re.search(
        rf"(?:{_words('whole_after')})\s*(?:是|为|有|共)?\s*$", text[max(0, total.start - 6) : total.start]
    ):
        return []
    return _adding_up(text, total, list(reversed(money[max(0, i - _MAX_PARTS) : i])), after=False)


def wholes(text: str, figs: list) -> List[Tuple[object, list]]:
    """(total, its parts) for each total of `figs` said with parts that add up to it exactly."""
    from bot.estimate import fair_inner_parts

    money = [f for f in figs if f.kind == "money" and f.value]
    one_fair = {id(b.total) for b in fair_inner_parts.breakdowns(text, money)}
    out = []
    for i, total in enumerate(money):
        if id(total) in one_fair:
            continue
        parts = []
        if i + 1 < len(money) and (_opened_after(text, total, money[i + 1]) or _whole_before(text, total)):
            parts = _parts_after(text, money, i)
        parts = parts or _parts_before(text, money, i)
        if not parts:
            continue
        lo, hi = min(total.start, parts[0].start), max(total.end, parts[-1].end)
        if _business(text[max(0, lo - 12) : hi]):
            continue
        out.append((total, parts))
    return out


def _one_named_thing(text: str, total, parts: list) -> bool:
    """Whether the total is the cost of one thing named right before it (「CMMI3认证总共花了30万」) and the parts are its
    fees naming no such thing of their own (「包括咨询费20万和评估费10万」): the total is that thing's, the parts inside."""
    lo = max([text.rfind(c, 0, total.start) for c in "，,。；;\n"] + [-1]) + 1
    if not CERT_NAME.search(text[lo : total.start].lower()):
        return False
    starts = [total.end] + [p.end for p in parts]
    return not any(CERT_NAME.search(text[a : p.start].lower()) for a, p in zip(starts, parts))


def take(r) -> None:
    """The reader `r` with each total said beside parts adding up to it set aside, in a note; or, for the total of
    one named thing, its parts set aside (the thing's cost is the total)."""
    for total, parts in wholes(r.text, [f for f in r.figs if id(f) not in r.used]):
        if id(total) in r.used or any(id(p) in r.used for p in parts):
            continue
        if total.start < parts[0].start and _one_named_thing(r.text, total, parts):
            for p in parts:
                r.use(p)
            r.out.notes.append(
                f"{'、'.join(wan(p.value) for p in parts)}是{wan(total.value)}里的各项费用，不另计，按{wan(total.value)}计算"
            )
            continue
        r.use(total)
        r.whole_parts = getattr(r, "whole_parts", set()) | {id(p) for p in parts}
        r.out.notes.append(
            f"{wan(total.value)}是所列各项（{'、'.join(wan(p.value) for p in parts)}）的合计，不另计，按各项分别计算"
        )


def partial(text: str, figs: list) -> List[Tuple[object, list]]:
    """(total, its parts) for each total of `figs` followed by an opening word (「总投入650万 其中硬件300万 软件120万」) and
    parts, in one sentence, that add up to LESS than it: the parts are inside the total, the rest of it unsaid."""
    from bot.estimate import fair_inner_parts

    money = [f for f in figs if f.kind == "money" and f.value]
    one_fair = {id(b.total) for b in fair_inner_parts.breakdowns(text, money)}
    out = []
    for i, total in enumerate(money[:-1]):
        if id(total) in one_fair or not _opened_after(text, total, money[i + 1]):
            continue
        parts = []
        for f in money[i + 1 : i + 1 + _MAX_PARTS]:
            if _currency(f) != _currency(total) or _STOP.search(text, (parts[-1] if parts else total).end, f.start):
                break
            parts.append(f)
        if parts and sum((p.value for p in parts), Decimal(0)) < total.value:
            if not _business(text[max(0, total.start - 12) : parts[-1].end]):
                out.append((total, parts))
    return out


def _adding_up(text: str, total, nearest: list, after: bool) -> list:
    """The figures of `nearest` (walked outward from the total, after it or before it) that add up to it exactly, in
    the order said: two or more, one currency, no full stop between; [] otherwise."""
    parts, said = [], Decimal(0)
    for f in nearest:
        edge = parts[-1] if parts else total
        gap = (edge.end, f.start) if after else (f.end, edge.start)
        if _currency(f) != _currency(total) or _STOP.search(text, *gap):
            return []
        parts.append(f)
        said += f.value
        if said == total.value:
            return (parts if after else parts[::-1]) if len(parts) > 1 else []
        if said > total.value:
            return []
    return []
