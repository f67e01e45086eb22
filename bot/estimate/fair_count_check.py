"""An answer to 「4场活动合计22万元…请问每场的费用分别是多少？」 that tells its fairs whole: the places or 境内/境外 of each
(「两场在国内（上海、深圳），每场3万；两场在国外（迪拜、法兰克福），一场7万一场9万」) decide the regions, so the answer is
read as fairs (never its bare figures listed and 境内/境外 asked again); said again, it replaces the fairs it told, never
adds to them.

The count said before (「4场」) must agree with the fairs read; when it does not, the fairs are not taken and the user is
asked, naming both counts and the costs read (never one more fair guessed, nor one dropped). A total said before that
the fairs' costs do not add up to is named in a note. When the user answers the count question, what is read is taken.
"""

from collections import Counter
from decimal import Decimal
from typing import Optional

from bot.estimate.reading import REGION_WORDS, figures, region_mentions, wan


def places_itself(norm: str) -> bool:
    """Whether the answer places its fairs itself: 境内/境外 words or places named (「上海」「迪拜」「国内」)."""
    return bool(region_mentions(norm))


def _of_group(group: dict, fairs: list) -> list:
    return [f for f in fairs if not group.get("region") or f.get("region") == group["region"]]


def disagreement(groups: list, fairs: list) -> Optional[dict]:
    """The clarification asking the count again when the one group of `groups` was counted (2 and more) and the
    answer's `fairs` of its region are not as many; None when they agree or the count was asked already."""
    if len(groups) != 1 or groups[0].get("recounted") or groups[0].get("place"):
        return None
    g = groups[0]
    count, read = int(g.get("count") or 0), _of_group(g, fairs)
    if count < 2 or len(read) == count:
        return None
    region = REGION_WORDS.get(g.get("region"), "")
    said = "、".join(f"{REGION_WORDS.get(f.get('region'), '')}{wan(Decimal(str(f['cost_cny'])))}" for f in read)
    return {
        "kind": "fair_cost",
        "question": f"您前面说{region}活动一共{count}场，这次读到{len(read)}场（{said}），场次对不上。请问一共几场？"
        "每场的费用（注册费、展位费、布展费、特装费、宣传推广费合计）和举办地（境内/境外）分别是多少？",
        "data": {"groups": [dict(g, recounted=True, read=[dict(f, cost_cny=str(f["cost_cny"])) for f in read])]},
    }


def confirmed(groups: list, norm: str) -> Optional[list]:
    """The fairs read before the count question, when the answer to it gives their count (「对不起 是5场，总共26万」) and
    no cost but their sum; None otherwise (the answer is read as fairs)."""
    g = groups[0] if len(groups) == 1 else {}
    read = g.get("read") or []
    if not g.get("recounted") or not read:
        return None
    figs = figures(norm)
    counts = [f for f in figs if f.kind == "count" and "场" in (f.unit or f.raw or "")]
    money = [f for f in figs if f.kind == "money" and f.value]
    said = sum((Decimal(f["cost_cny"]) for f in read), Decimal(0))
    if len(counts) != 1 or int(counts[0].value) != len(read) or any(f.value != said for f in money):
        return None
    return [dict(f, cost_cny=Decimal(f["cost_cny"])) for f in read]


def total_note(total, fairs: list) -> Optional[str]:
    """A note when the total said before (「总共花了22万」) is not the sum of the fairs' costs read."""
    if not total or not fairs:
        return None
    said = sum((Decimal(str(f["cost_cny"])) for f in fairs), Decimal(0))
    if said == Decimal(str(total)):
        return None
    return (
        f"您前面说合计{wan(Decimal(str(total)))}，各场费用相加是{wan(said)}，按各场的费用计算；"
        "如有哪场的费用不对，请告诉我"
    )


def restated(entries: list, fairs: Optional[list], asked: list) -> Optional[list]:
    """The fairs an answer to 「这些活动是境内的还是境外的？」 tells whole again (「两场在国内（上海、深圳），每场3万；两场在
    国外…一场7万一场9万」): every fair placed by the answer's own words and every cost asked about among them — they
    stand for the costs asked (never added to them); None when the answer does not re-tell them all."""
    if not fairs or asked or any(f.get("region") not in ("domestic", "overseas") for f in fairs):
        return None
    costs = Counter(Decimal(str(f["cost_cny"])) for f in fairs)
    if len(fairs) < len(entries) or Counter(Decimal(str(v)) for v in entries) - costs:
        return None
    return fairs
