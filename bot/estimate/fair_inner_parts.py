"""A fair's whole cost said with its parts inside (三（五））: 「9万那场在新加坡（境外），其中2万是机票酒店，7万是展位费和
特装费」「新加坡那场9万里2万是机票酒店、7万是展位费」「一共8万，其中机票酒店2万，展位费6万」「8万（含机票住宿2万）」.

The parts are inside the total, never added to it and never another fair; each part is named by the cost word said
right after it (「2万是机票酒店」) or right before it (「机票酒店2万」). The fair's base is the total less the parts
三（五） does not pay (机票、酒店…), and a part said to be eligible is checked against it. Read wherever the fair's cost is
said: the opening message and a cost answer (the reader, `apply`), and the answer placing fairs 境内/境外
(region_answers.py, `eligible_costs`). A total with an unnamed part, or parts that do not fit inside it, is left
to the other readers (they ask rather than guess).
"""

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import List, Tuple

from bot.estimate.reading import wan, word_patterns

# words that open what a total holds: 「其中」「里面有」「包括」「（含…）」; 里 alone only right after the figure (9万里2万)
_INSIDE = r"其中|这里面|里面|里头|当中|包括|包含|含有|含了|含"
_OPEN = re.compile(rf"\s*(?:[（(]\s*)?(?:{_INSIDE})(?:有|是|的)?")
_RIGHT_AFTER = re.compile(r"(?:的)?里(?:面|头)?(?:有)?")
_GAP = re.compile(r"[^\d。；;\n？?！!]{0,16}")  # 「那场在新加坡（境外），」 between a total and 其中
_IS = r"\s*(?:的)?(?:都|全|全部)?(?:是|为|用于|用在|花在|属于|算|作为|给了?)?\s*"
_STOP = re.compile(r"[。；;\n？?！!]")


@dataclass
class Breakdown:
    """One fair's total `total` (a money figure) with the parts said inside it."""

    total: object
    parts: list = field(default_factory=list)  # the part figures
    travel: List[Tuple[str, Decimal]] = field(default_factory=list)  # (words, value) 三（五） does not pay
    eligible: List[Tuple[str, Decimal]] = field(default_factory=list)  # (words, value) it pays

    @property
    def base(self) -> Decimal:
        """The fair's cost 三（五） pays: the total less its travel parts."""
        return self.total.value - sum((v for _, v in self.travel), Decimal(0))

    def note(self) -> str:
        """What was left out and the arithmetic, or "" when nothing was."""
        if not self.travel:
            return ""
        out = sum((v for _, v in self.travel), Decimal(0))
        words = "、".join(f"{w}{wan(v)}" for w, v in self.travel)
        paid = sum((v for _, v in self.eligible), Decimal(0))
        rest = self.base - paid if self.eligible and paid < self.base else Decimal(0)
        unsaid = f"；其余{wan(rest)}未说明是哪项费用，按可补贴费用计入，如不是请告诉我" if rest else ""
        return (
            f"{wan(self.total.value)}里的{words}不属于第三条第（五）项列明的可补贴费用（注册费、展位费、布展费、特装费、"
            f"宣传推广费），不计入补贴基数：按{wan(self.total.value)} − {wan(out)} = {wan(self.base)}计算{unsaid}"
        )


def _cost_run(kind: str) -> str:
    """Cost words of one kind said together (「机票酒店」「展位费和特装费」)."""
    p = word_patterns()[kind].pattern
    return rf"(?:{p})(?:\s*[、和及与/+＋]?\s*(?:{p}))*"


def _label(text: str, f, start: int):
    """(kind, words, end) of the cost word naming the part `f`: right after it (「2万是机票酒店」) or between `start`
    and it (「机票酒店2万」「展位费是6万」); None when no cost word names it."""
    for kind in ("not_covered", "eligible"):
        m = re.compile(_IS + f"({_cost_run(kind)})", re.I).match(text, f.end)
        if m:
            return kind, m.group(1), m.end()
    lead = text[start : f.start]
    best = None
    for kind in ("not_covered", "eligible"):
        for m in re.finditer(_cost_run(kind), lead, re.I):
            if re.fullmatch(r"\s*(?:费用?|的)?\s*(?:是|为|有|花了|花费|约|大概)?\s*", lead[m.end() :]):
                best = (kind, m.group(0), f.start)
    return best


_ANOTHER = re.compile(r"展会|活动|参展|[场次趟]|另|还有|又|再|境内|国内|省内|境外|国外|海外")


def _scope_end(text: str, start: int) -> int:
    """Where the parts said from `start` end: at a stop, or at a comma before words that tell another fair
    (「…包括机票2万，境内展会一场展位费1.5万」)."""
    stop = _STOP.search(text, start)
    end = stop.start() if stop else len(text)
    w = word_patterns()
    for m in re.finditer(r"[，,、]", text[start:end]):
        chunk = re.split(r"[，,、]", text[start + m.end() : end])[0]
        if _ANOTHER.search(chunk) or w["domestic"].search(chunk) or w["overseas"].search(chunk):
            return start + m.start()
    return end


def breakdowns(text: str, figs: list) -> List[Breakdown]:
    """Each total of `figs` (money figures of `text`) said with its parts inside, every part named by a cost word
    and all of them fitting inside the total; parts of one total are never totals themselves."""
    money = [f for f in figs if f.kind == "money" and f.value and f.currency in (None, "CNY")]
    out, taken = [], set()
    for i, total in enumerate(money):
        if id(total) in taken:
            continue
        gap = _GAP.match(text, total.end)
        opened = _RIGHT_AFTER.match(text, total.end)
        for end in range(total.end, (gap.end() if gap else total.end) + 1):
            opened = opened or _OPEN.match(text, end)
        if opened is None or any(total.end <= g.start < opened.start() for g in money):
            continue
        scope_end = _scope_end(text, opened.end())
        found = Breakdown(total)
        start = opened.end()
        for part in money[i + 1 :]:
            if part.start >= scope_end or re.match(r"(?:的)?那(?:一)?(?:场|个|次)", text[part.end :]):
                break  # 「…；7万那场…」: a fair named by its cost, not a part
            named = _label(text, part, start)
            if named is None:
                found = None  # a part of no named kind: not read here
                break
            kind, words, start = named
            found.parts.append(part)
            (found.travel if kind == "not_covered" else found.eligible).append((words, part.value))
            start = max(start, part.end)
        if not found or not found.travel or _ANOTHER.search(text, opened.end(), found.parts[0].start):
            continue  # (「每场展位费2万 其中一场还有特装1万」: 其中 picks a fair; eligible parts alone are other readers')
        said = sum((p.value for p in found.parts), Decimal(0))
        paid = sum((v for _, v in found.eligible), Decimal(0))
        if said > total.value or found.base <= 0 or paid > found.base:
            continue
        out.append(found)
        taken.update(id(p) for p in found.parts)
    return out


def apply(r) -> None:
    """The reader `r` with each fair's total read at its eligible part, the parts used and the left-out named."""
    figs = [f for f in r.figs if id(f) not in r.used]
    for b in breakdowns(r.text, figs):
        for p in b.parts:
            r.use(p)
        if b.travel:
            base = replace(b.total, value=b.base)
            r.figs[next(k for k, g in enumerate(r.figs) if g is b.total)] = base
            r.fair_bases = getattr(r, "fair_bases", set()) | {id(base)}  # a fair's cost, no lump nor travel
            r.out.notes.append(b.note())


def eligible_costs(text: str, figs: list) -> Tuple[dict, set, list]:
    """({total: eligible cost}, ids of the part figures, notes) of the fairs `text` tells with parts inside."""
    found = breakdowns(text, figs)
    return (
        {b.total.value: b.base for b in found},
        {id(p) for b in found for p in b.parts},
        [b.note() for b in found if b.note()],
    )
