"""A fair's cost said as more than an amount with words around an exact-looking figure: 「每场费用都在3万以上」
「每场超过3万」「花了不止8万」「起码3万」. The figure reader gives 3万; the user gave only a bound (the bound words are
vague_figures.yml lower_bounds, as 「3万多」「3万出头」 are). A bound decides an award only when it already reaches
the fair's cap — every such fair at the cap, said so; otherwise each fair's cost is asked, the words named, and never
computed as if exact."""

import re
from decimal import Decimal
from functools import lru_cache
from typing import Optional


@lru_cache(maxsize=1)
def _words() -> tuple:
    from bot.estimate.reading import alternation
    from bot.estimate.vague_figures import vague_words

    w = vague_words()["lower_bounds"]

    before = re.compile(rf"(?:{alternation(w['before'])})(?:了|有|是|在)?\s*$")
    return set(w["bounds"]), before


def said_at_least(text: str, f) -> Optional[str]:
    """The words saying money figure `f` is only a lower bound (「3万以上」「超过3万」「不止3万」), or None."""
    bounds, before = _words()
    if f.kind != "money":
        return None
    if f.bound in bounds:
        lead = re.search(r"(?:超过|不低于|不少于|至少|高于|大于)\s*$", text[max(0, f.start - 4) : f.start])
        start = f.start - len(lead.group(0)) if lead else f.start
        tail = re.match(r"[ \t]*(?:及以上|以上)", text[f.end :])
        return text[start : f.end + (tail.end() if tail else 0)].strip()
    lead = before.search(text[max(0, f.start - 6) : f.start])
    if lead:
        return text[f.start - len(lead.group(0)) : f.end].strip()
    return None


def asks(words: str) -> bool:
    """Whether a part of the message asks (「合计是不是超过500万了」): its bound is the question's, no cost told."""
    return bool(re.search(r"是不是|是否|吗|么|呢|[?？]|多少|能不能|会不会|有没有", words))


def reaches_cap(low: Decimal, region: Optional[str]) -> bool:
    """Whether a fair costing at least `low` in `region` is at its per-event cap already (low × rate ≥ cap)."""
    from knowledge.figures import figure

    return bool(region) and low * figure("3.5", "rate") >= figure("3.5", f"{region}_event_cap_cny")


def each_fair(text: str, start: int, f) -> bool:
    """Whether the bound `f` is said of every fair (「每场都在3万以上」「单场超过3万」), not of a total (「加起来超过10万」):
    a word for each fair (or 都/均) before it in its part of the message, text[start:f.start], and no total word."""
    from bot.estimate import fair_roles
    from bot.estimate.reading import TOTAL_WORDS

    lead = text[start : f.start]
    return bool(re.search(rf"{fair_roles.EACH_FAIR}|都|均", lead)) and not re.search(TOTAL_WORDS, lead)


def ask(r, said: str, region: Optional[str], count: int = 1):
    """The question for fairs whose cost was said only as a bound below their cap: the words named, the cost asked."""
    from bot.estimate.clauses.market_fairs import REGION_NAMES, caps_note
    from bot.estimate.reading import Clarification

    place = REGION_NAMES.get(region, "")
    which = f"这{count}场" if count > 1 else "这场"
    r.out.clarifications.append(
        Clarification(
            "fair_cost",
            f"您说的{place}活动费用“{said}”只是个下限，每场的补贴单独计算、各有上限{caps_note()}，我不按估计的数字"
            f"测算。请问{which}活动的费用（注册费、展位费、布展费、特装费、宣传推广费合计）具体是多少？",
            {"groups": [{"region": region, "count": count}]},
        )
    )


def at_cap(r, region: Optional[str], low: Decimal, said: list) -> bool:
    """One fair costing at least `low` (the words `said`): True, said so in a note, when that already reaches its
    cap in `region`; otherwise False after asking its cost, naming the words."""
    from bot.estimate.clauses.market_fairs import REGION_NAMES
    from bot.estimate.reading import wan

    words = "、".join(f"“{w}”" for w in said)
    if reaches_cap(low, region):
        r.out.notes.append(
            f"您说的{REGION_NAMES[region]}活动费用{words}只是下限：按{wan(low)}算，补贴已达每场上限，按上限计"
            "（具体费用多少不影响结果）"
        )
        return True
    ask(r, "、".join(said), region)
    return False
