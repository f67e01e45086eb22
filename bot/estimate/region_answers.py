"""The answer to 「费用分别为6万元、2.5万元的这几场活动，各是在境内还是境外举办的？」: each fair asked about placed 境内 or
境外, named by its cost (「6万那个是在郑州办的，9万那个在迪拜」) or by its place in the list (「第一个是在曼谷的 境外；第二个在
武汉 境内」, bot/estimate/entry_refs.py), or all of them by one place said alone. A correction in the same answer is
applied to the entry it names: by its old cost after 不是 (「展位费是3.5万不是2.5万」) or by its place (「第二个其实是3.5万」).
"""

from decimal import Decimal
from typing import List, Optional, Tuple

from bot.estimate import corrections, entry_refs, fair_inner_parts
from bot.estimate.reading import figures, region_mentions, wan


def placed(norm: str, entries: List[Decimal]) -> Optional[Tuple[list, list]]:
    """(fairs, notes) for the answer `norm` about the fairs of costs `entries` (in the order asked), or None when it
    does not place every one of them."""
    places = region_mentions(norm)
    if not places:
        return None
    money = [f for f in figures(norm) if f.kind == "money" and f.value]
    # 「9万那场在新加坡（境外），其中2万是机票酒店」: the parts inside a fair's cost are no figures of their own
    eligible, parts, part_notes = fair_inner_parts.eligible_costs(norm, money)
    money = [f for f in money if id(f) not in parts]
    old = [f for f in money if corrections.OLD_FIGURE.search(norm[max(0, f.start - 4) : f.start])]
    regions = entry_refs.each_with(norm, len(entries), places)
    for f in money:
        if f in old or f.value not in entries:
            continue
        free = [i for i, v in enumerate(entries) if v == f.value and i not in regions]
        after = [p for p in places if p[0] >= f.end]
        before = [p for p in places if p[1] <= f.start]
        if free:  # 「6万那个是在郑州办的」: the place said after the cost (else the one before it)
            regions[free[0]] = (after[0] if after else before[-1])[2]
    if len(regions) < len(entries):
        said = {p[2] for p in places}
        if len(said) != 1:
            return None
        regions.update({i: next(iter(said)) for i in range(len(entries)) if i not in regions})
    fairs = [{"region": regions[i], "cost_cny": eligible.get(v, v)} for i, v in enumerate(entries)]
    fairs, notes = _corrected(norm, fairs, [f for f in money if f not in old and f.value not in entries], old)
    return fairs, part_notes + notes


def _corrected(norm: str, fairs: list, new: list, old: list) -> Tuple[list, list]:
    told = corrections.correct_told_figure({"fairs": fairs}, norm)
    if told is not None:  # 「…第二个我记错了 展位费是3.5万不是2.5万」
        return told[0]["fairs"], [told[1]]
    if old:
        return fairs, []
    notes = []
    marks = [(f.start, f.end, f.value) for f in new if f.currency in (None, "CNY")]
    for index, value in entry_refs.each_with(norm, len(fairs), marks).items():  # 「第二个其实是3.5万」
        notes.append(f"已按您的更正把第{index + 1}项的费用由{wan(fairs[index]['cost_cny'])}改为{wan(value)}")
        fairs[index] = dict(fairs[index], cost_cny=value)
    return fairs, notes
