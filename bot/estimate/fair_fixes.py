"""Several fairs told, then one message correcting some of them by name (三（五）):
「境内B展其实是4.5万；境外那场是12万，但里面有3万是机票住宿。其他不变」.

Each new cost is placed on the fair its own words name — a letter label (「B展」 = the second fair told), an ordinal
(「第二场」), the old cost (「2.6万那场」), or a region holding one fair (「境外那场」) — and only that fair changes; the
fairs not named stay (「其他不变」 says so, and so does silence). A part of the new cost said with 里面有/其中/包括 that
三（五） does not pay (机票住宿…) is taken out of that cost (12万 − 3万 = 9万); it is never another fair. When a new
cost's fair cannot be told apart, None is returned and the other readers decide (they ask rather than guess).
Words: estimate_words.yml `fair_fixes`.
"""

import re
from decimal import Decimal
from typing import List, Optional, Tuple

from bot.estimate.reading import alternation, estimate_words, figures, wan

REGION_WORDS = {"domestic": "境内", "overseas": "境外"}
_ORDINALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _words() -> dict:
    return estimate_words()["fair_fixes"]


def _label_index(window: str) -> Optional[int]:
    """1-based position named by a label (「B展」「乙展」) or an ordinal (「第二场」) in `window`, or None."""
    w = _words()
    m = re.search(r"第\s*([一二两三四五六七八九十]|\d{1,2})\s*(?:场|个|次|届|家)", window)
    if m:
        k = m.group(1)
        return int(k) if k.isdigit() else _ORDINALS.get(k)
    m = re.search(rf"(?<![A-Za-z])([A-Ha-h])\s*(?:{alternation(w['label_after'])})", window)
    if m:
        return ord(m.group(1).upper()) - ord("A") + 1
    m = re.search(rf"([{w['label_stems']}])\s*(?:{alternation(w['label_after'])})", window)
    if m:
        return w["label_stems"].index(m.group(1)) + 1
    return None


def _region(window: str) -> Optional[str]:
    from bot.estimate.clauses.market_fairs import region_of

    return region_of(None, window)


def _travels() -> re.Pattern:
    """Costs 三（五） does not name, said together (「机票住宿」「酒店和机票」), matched whole."""
    from bot.estimate.reading import word_patterns

    nc = word_patterns()["not_covered"].pattern
    return re.compile(f"(?:{nc})(?:[、和及与/+＋]?(?:{nc}))*", re.I)


def _part_of(text: str, f, start: int) -> bool:
    """Whether words right before the figure `f` make it a part of the cost before it (「但里面有3万是机票住宿」)."""
    lead = text[start : f.start].rstrip(" 有约大概是")
    return bool(re.search(rf"(?:{alternation(_words()['part_words'])})\s*$", lead))


def _refers_to_old(text: str, f) -> bool:
    """「2.6万那场其实是4.5万」「原来写的2.6万」: the figure names the fair by its old cost."""
    after = text[f.end : f.end + 6]
    return bool(re.match(r"\s*(?:的)?(?:那|这)(?:一)?(?:场|个|次|笔|项)", after)) or bool(
        re.search(r"(?:不是|而非|并非|原来|原先|之前|写的|说的)\s*$", text[max(0, f.start - 4) : f.start])
    )


def _fixes(fairs: list, text: str) -> Optional[List[dict]]:
    """[{index, cost, said, travel: [(words, value)]}] for each fair the message gives a new cost, or None when a
    figure cannot be placed on exactly one fair told."""
    money = [f for f in figures(text) if f.kind == "money" and f.value]
    if not money or any(f.currency not in (None, "CNY") for f in money):
        return None
    said_wrong = r"(?:错了?|改了?|更正|纠正|修正)\s*$"  # 「说错了两个」「改两处」: how many corrections, no fairs
    if any(f.kind == "count" and not re.search(said_wrong, text[max(0, f.start - 4) : f.start]) for f in figures(text)):
        return None
    rest = "".join(ch if not any(g.start <= i < g.end for g in figures(text)) else " " for i, ch in enumerate(text))
    if re.search(r"(?<!第)\d+(?:\.\d+)?(?![\d.]*\s*(?:年|场|个|次|届))", rest):
        return None  # 「里面有5000是住宿费」: a bare number no reader placed — never dropped silently
    travels = _travels()
    fixes, start, old_ref = [], 0, None
    for f in money:
        if _part_of(text, f, start):
            tail = re.split(r"[，,。；;！!？?]", text[f.end : f.end + 16])[0]
            lead = text[start : f.start]
            said = travels.search(tail) or travels.search(lead)
            if said is None:
                return None  # 「其中展位费8万」: a named eligible part, or a part of unknown kind — not this reader's
            own = _place(fairs, lead, old_ref) if _names_fair(lead) or old_ref is not None else None
            if own is None and _names_fair(lead):
                return None
            if own is not None and not (fixes and fixes[-1]["index"] == own):  # 「第三场里面有1万是差旅」: its old cost
                if any(x["index"] == own for x in fixes):
                    return None
                fixes.append({"index": own, "cost": Decimal(str(fairs[own]["cost_cny"])), "said": "", "travel": []})
            elif not fixes:
                if len(fairs) != 1:
                    return None
                fixes.append({"index": 0, "cost": Decimal(str(fairs[0]["cost_cny"])), "said": "", "travel": []})
            fixes[-1]["travel"].append((said.group(0), f.value))
            start, old_ref = (
                f.end + (tail.find(said.group(0)) + len(said.group(0)) if said.group(0) in tail else 0),
                None,
            )
            continue
        if _refers_to_old(text, f):
            old_ref, start = f.value, f.end
            continue
        window = text[start : f.start]
        index = _place(fairs, window, old_ref)
        if index is None or any(x["index"] == index for x in fixes):
            return None
        fixes.append({"index": index, "cost": f.value, "said": f.raw, "travel": []})
        start, old_ref = f.end, None
    return fixes or None


def _names_fair(window: str) -> bool:
    """Whether `window` names a fair of its own: a label, an ordinal, a region or 那场/这场."""
    return (
        _label_index(window) is not None
        or _region(window) is not None
        or bool(re.search(r"(?:那|这)(?:一)?(?:场|个展|次)", window))
    )


def _place(fairs: list, window: str, old_ref: Optional[Decimal]) -> Optional[int]:
    """The index of the one fair `window` (the words before a new cost) names, or None."""
    region = _region(window)
    pool = [i for i, e in enumerate(fairs) if region is None or e.get("region") == region]
    if old_ref is not None:
        same = [i for i in pool if Decimal(str(fairs[i].get("cost_cny"))) == old_ref]
        return same[0] if len(same) == 1 else None
    k = _label_index(window)
    if k is not None:
        if region is None:
            return k - 1 if 0 < k <= len(fairs) else None
        # a label counts the fairs as told; an ordinal said with a region may count that region's fairs only
        overall = k - 1 if 0 < k <= len(fairs) and fairs[k - 1].get("region") == region else None
        inside = pool[k - 1] if 0 < k <= len(pool) else None
        if overall is not None and inside is not None and overall != inside:
            return None
        return overall if overall is not None else inside
    if region is not None and len(pool) == 1:
        return pool[0]
    if region is None and len(fairs) == 1 and re.search(r"(?:那|这)(?:一)?(?:场|个|次)", window):
        return 0
    return None


def correct_fairs(fairs: list, text: str) -> Optional[Tuple[list, List[str]]]:
    """(the fairs with each named one's cost replaced, notes) for a message that corrects fairs told by naming them;
    None when it does not (no correcting word, a figure not placed on exactly one fair, a new fair added)."""
    w = _words()
    if not fairs or not re.search(alternation(w["correcting"]), text):
        return None
    if re.search(alternation(w["adds"]), text):
        return None
    fixes = _fixes(fairs, text)
    if fixes is None:
        return None
    if len(fixes) < 2 and not any(x["travel"] for x in fixes) and not re.search(alternation(w["rest_kept"]), text):
        return None  # one plain new cost: the single-figure correction readers decide
    out, notes = [dict(e) for e in fairs], []
    for x in fixes:
        out_cost = x["cost"] - sum((v for _, v in x["travel"]), Decimal(0))
        if out_cost <= 0:
            return None
        entry = {k: v for k, v in out[x["index"]].items() if k != "_parts"}
        before = Decimal(str(entry["cost_cny"]))
        entry["cost_cny"] = out_cost
        out[x["index"]] = entry
        place = REGION_WORDS.get(entry.get("region"), "")
        line = f"{place}第{_rank(fairs, x['index'])}场" + (
            f"由{wan(before)}改为{wan(x['cost'])}" if x["cost"] != before else f"的{wan(before)}"
        )
        if x["travel"]:
            words = "、".join(f"{name}{wan(v)}" for name, v in x["travel"])
            line += (
                f"{'，' if x['cost'] != before else ''}其中{words}不属于第三条第（五）项列明的可补贴费用（注册费、展位费、布展费、特装费、宣传推广费），"
                f"不计入补贴基数：按{wan(x['cost'])} − {wan(x['cost'] - out_cost)} = {wan(out_cost)}计算"
            )
        notes.append(line)
    kept = len(fairs) - len(fixes)
    notes = ["已按您的更正：" + "；".join(notes) + (f"；其余{kept}场不变" if kept else "")]
    return out, notes


def _rank(fairs: list, index: int) -> int:
    """1-based position of the fair among the fairs of its region."""
    region = fairs[index].get("region")
    return [i for i, e in enumerate(fairs) if e.get("region") == region].index(index) + 1


def unplaced_question(fairs: list, text: str) -> Optional[dict]:
    """「境内那场其实是4万，其他不变」 with two fairs in 境内: the new cost's fair cannot be told apart, so the costs of
    that region's fairs are asked, naming the figure and the fairs told (a fair_cost clarification); None when the
    message is no such correction."""
    w = _words()
    if not fairs or not re.search(alternation(w["correcting"]), text) or re.search(alternation(w["adds"]), text):
        return None
    if any(f.kind == "count" and re.search(r"场|次|个", f.unit or f.raw or "") for f in figures(text)):
        return None  # 「境外参加了2场，一场3万、一场6万」: the region's fairs told again with their count, read whole
    money = [f for f in figures(text) if f.kind == "money" and f.value and f.currency in (None, "CNY")]
    start = 0
    for f in money:
        window, start = text[start : f.start], f.end
        if _part_of(text, f, max(0, f.start - 8)) or _refers_to_old(text, f):
            continue
        region = _region(window)
        pool = [e for e in fairs if e.get("region") == region] if region else []
        if len(pool) < 2 or _place(fairs, window, None) is not None:
            continue
        place = REGION_WORDS[region]
        told = "、".join(wan(Decimal(str(e["cost_cny"]))) for e in pool)
        return {
            "kind": "fair_cost",
            "question": f"您说的{f.raw}是{place}哪一场的费用？{place}之前是{len(pool)}场（{told}），我不猜是哪一场。"
            f"请把{place}这{len(pool)}场每场的费用（注册费、展位费、布展费、特装费、宣传推广费）分别告诉我。",
            "data": {"groups": [{"region": region, "count": len(pool)}]},
        }
    return None
