"""三（五） 开拓市场补贴 in conversation (calculator/items/market_fairs.py computes it).

Each fair's region (境内/境外) and eligible cost; costs told in a lump are asked for, never averaged.
"""

import re
from decimal import Decimal
from typing import Optional

from bot.estimate.reading import (
    FAIR_SEPARATOR,
    FAIR_WORDS,
    NONE_WORDS,
    OTHER_ITEM_WORDS,
    PER_WORDS,
    TOTAL_WORDS,
    Clarification,
    word_patterns,
)

from bot.estimate.parts import correct_named_part, parts_of

from bot.estimate import fair_inner_parts, fair_letters, fair_lower_bounds, fair_names, fair_roles
from bot.estimate.policy_figures import is_policy_figure
from .base import Clause, Field, figure, figure_in, wan

REGION_NAMES = {"domestic": "境内", "overseas": "境外"}


def caps_note() -> str:
    """（境内每场最高补贴2万元，境外每场最高5万元）, from knowledge/data/figures.yml."""
    return (
        f"（境内每场最高补贴{figure_in('3.5', 'domestic_event_cap_cny', '元')}，"
        f"境外每场最高{figure_in('3.5', 'overseas_event_cap_cny', '元')}）"
    )


def lump_cap_line(region: Optional[str], total) -> str:
    """What the per-fair cap already settles of a fair told as one total (「东南亚一个展会 总共花了十万块」): the cap of
    its region, and — when 70% of the whole total would pass it — the eligible part from which the cap is reached,
    so the award is the cap whatever the breakdown; both caps when the region is not said."""
    from calculator.text import pct, yuan

    if region not in REGION_NAMES:
        return "\n上限" + caps_note()
    cap, rate = figure("3.5", f"{region}_event_cap_cny"), figure("3.5", "rate")
    line = f"\n上限：参加{REGION_NAMES[region]}活动的，每场最高补贴{wan(cap)}"
    if Decimal(str(total)) * rate <= cap:
        return line + "。"
    reach = (cap / rate).quantize(Decimal("0.01"))
    return (
        line
        + f"。如果这{wan(total)}都是可补贴的费用：{wan(total)} × {pct(rate)} = {yuan(Decimal(str(total)) * rate)}，"
        f"超过每场上限，按{wan(cap)}计；可补贴的费用达到{yuan(reach)}（{wan(cap)} ÷ {pct(rate)}）"
        f"以上，这场的补贴都是{wan(cap)}。"
    )


def question(session) -> str:
    if "domestic" in session.fairs_none:
        return "境外活动参加了几场？每场的费用是多少？"
    if "overseas" in session.fairs_none:
        return "境内活动参加了几场？每场的费用是多少？"
    return "请告诉我参加的境内、境外展会等活动各几场，以及每场的费用（注册费、展位费、布展费、特装费、宣传推广费）。"


def describe(value) -> str:
    parts = []
    for region, name in REGION_NAMES.items():
        fairs = [f for f in value if f["region"] == region]
        if fairs:
            ranges = dict.fromkeys(f"每场{f['_range']}" for f in fairs if f.get("_range"))  # told as a range
            said = [wan(f["cost_cny"]) for f in fairs if not f.get("_range")] + list(ranges)
            parts.append(f"{name}活动{len(fairs)}场（" + "、".join(said) + "）")
    return "，".join(parts) or "未参加展会等活动"


def named_places(text: str) -> int:
    """How many distinct places (cities, countries of estimate_words.yml) `text` names; 境内/境外 are not places."""
    from bot.estimate.reading import region_mentions

    names = {text[a:b] for a, b, _ in region_mentions(text)}
    return len({n for n in names if not re.fullmatch(r"境内|国内|省内|境外|国外|海外", n)})


def reads_when(reader) -> bool:
    from bot.estimate.understand import FAIR_WORDS

    return reader.pending in ("fairs",) or "3.5" in reader.items or reader.has(FAIR_WORDS)


def region_of(r, s: str) -> Optional[str]:
    """境内 / 境外 from the words or places of `s` (the last one said wins), or None."""
    w = word_patterns()
    d = [m.end() for m in re.finditer(r"境内|国内|省内|市内", s)] + [m.end() for m in w["domestic"].finditer(s)]
    o = [m.end() for m in re.finditer(r"境外|国外|海外|出国|国际展", s)] + [m.end() for m in w["overseas"].finditer(s)]
    if not d and not o:
        return None
    return "domestic" if max(d or [-1]) > max(o or [-1]) else "overseas"


# 「一共花了6万，包括机票住宿」「含机票酒店一共8万」: a fair's total said to hold travel, the travel unpriced
_HOLDS = r"(?:这里面|里面|其中)?(?:也|还)?(?:包括|包含|含有|含|连同|算上|加上)了?"
_HOLDS_LIST = r"(?:(?:这里面|里面|其中|当中)(?:也|还)?有|(?:也|还)?(?:包括|包含|含有|含|连同|算上|加上)了?)"


def _totals_with_travel(r) -> bool:
    """A fair's total that holds costs 三（五） does not pay (机票住宿…) with no figure of their own: the eligible part
    is asked, naming the total — the total is never the base and no part is guessed. True when one was asked."""
    travels = _travels().pattern
    asked = False
    for f in r.unused("money"):
        after = re.match(rf"\s*[，,（(]?\s*{_HOLDS}\s*({travels})", r.text[f.end : f.end + 20], re.I) or re.match(
            rf"\s*[，,（(]?\s*{_HOLDS_LIST}[^。；;\d]{{0,16}}?({travels})", r.text[f.end : f.end + 34], re.I
        )  # 「总共6万 里面有展位费也有机票酒店」: travel named in the list of what the total holds
        before = re.search(
            rf"{_HOLDS}\s*({travels})[^，,。；;\d]{{0,8}}$", r.text[max(0, f.start - 24) : f.start], re.I
        )
        hit = after or before
        if hit is None:
            continue
        at = (f.end + hit.start()) if after else (max(0, f.start - 24) + hit.start())
        if re.search(r"[不没未无]\s*$", r.text[max(0, at - 2) : at]):
            continue  # 「不含差旅」「没包括机票」: the travel is said to be outside the figure
        tail = r.text[f.end + (after.end() if after else 0) : f.end + (after.end() if after else 0) + 10]
        if after and any(g.kind == "money" and f.end < g.start <= f.end + after.end() + 10 for g in r.figs):
            continue  # 「一共8万 包括机票2万」: the travel has its own figure, read as a part
        if not after and re.match(r"\s*[\d一二三四五六七八九十两]", tail):
            continue
        r.use(f)
        start = max(r.text.rfind(c, 0, f.start) for c in "。；;\n") + 1
        region = region_of(r, r.text[start : f.end])
        r.out.clarifications.append(
            Clarification(
                "fair_breakdown",
                f"您说的{f.raw}包括{hit.group(1)}，这部分不属于第三条第（五）项列明的可补贴费用"
                "（注册费、展位费、布展费、特装费、宣传推广费），不计入补贴基数。"
                f"{f.raw}里注册费、展位费、布展费、特装费、宣传推广费这些可补贴的费用一共是多少？",
                {"region": region} if region else {},
            )
        )
        asked = True
    return asked


def read(r):
    """The fairs told, each with its region and cost; a fair said not designated is left out (fair_designation.py)."""
    fair_inner_parts.apply(r)  # 「9万那场…其中2万是机票酒店」: the total at its eligible part, the parts no fairs
    _read(r)
    if not r.out.fields.get("fairs") and not getattr(r, "fairs_by_item", False):
        from bot.estimate.fair_elsewhere import claimed_elsewhere_left_out

        claimed_elsewhere_left_out(r, [])  # fairs whose region or parts are asked: a claimed one is not asked about
    if r.out.fields.get("fairs") and not getattr(r, "fairs_by_item", False):  # (items weigh their own words)
        from bot.estimate.fair_designation import designated_only

        from bot.estimate.fair_elsewhere import claimed_elsewhere_left_out

        r.out.fields["fairs"] = claimed_elsewhere_left_out(r, designated_only(r, r.out.fields["fairs"]))
        if not r.out.fields["fairs"]:
            del r.out.fields["fairs"]  # every fair told asked again (fair_designation._ask_designated)
            return
        _say_approximate(r, r.out.fields["fairs"])


HEDGE_BEFORE = re.compile(r"(差不多|大概|大约|约|估计|将近|接近)(都|是|都是|在|有)*\s*$")


def _say_approximate(r, fairs: list) -> None:
    """「每场差不多都是10w左右」: a fair's cost said roughly is used as told (one number), and the answer says so — the
    estimate is of that figure, the invoices decide."""
    from bot.estimate.vague_figures import hedged

    costs = {Decimal(str(f["cost_cny"])) for f in fairs}
    said = []
    for f in r.figs:
        if f.kind != "money" or f.currency not in (None, "CNY") or id(f) not in r.used or f.value not in costs:
            continue
        window = r.text[max(0, f.start - 8) : f.start]
        before = HEDGE_BEFORE.search(window)
        if hedged(f) or before:
            start = f.start - (len(window) - before.start()) if before else f.start
            end = f.end + (2 if r.text[f.end : f.end + 2] in ("左右", "上下") else 0)
            said.append(r.text[start:end])
    if said:
        r.out.notes.append(
            f"您说的{'、'.join(f'“{x.strip()}”' for x in dict.fromkeys(said))}是约数，按这个数测算；"
            "实际以发票金额为准，金额不同结果会相应变化"
        )


_DESIGNATED_ASIDE = (
    r"^(都|也|是|都是|也是)*(商务局|商务部门|商务部|商务厅|市里|政府|官方)?[^，,。；;\d]{0,4}指定(的)?(展会|展|活动)?$"
)


def _read(r):
    if _totals_with_travel(r) and not r.unused("money"):
        return
    if fair_letters.read(r):  # 「A、B两场…各花了2万；C…花了3万…；D…」: one sentence per letter group
        _name_travel(r)
        return
    if _itemised(r):
        _name_travel(r)
        return
    groups = []
    cur = None
    said_region = None
    named_fair = (
        False  # the segment before named a fair and told no figure (「境外展的展位费发票是含增值税的 一共3万」)
    )
    excluded_here = []
    # parts of the message, split at punctuation and at words that start another event (「…十二万然后还去深圳…」)
    cuts = [0] + [m.start() for m in re.finditer(r"然后|另外还|之后又|接着又|还去|又去|再去", r.text)] + [len(r.text)]
    spans = [
        (a + m.start(), a + m.end())
        for a, b in zip(cuts, cuts[1:])
        for m in re.finditer(r"[^，,。；;！!？?\n\s]+", r.text[a:b])
    ]
    for s, e in spans:
        seg = r.text[s:e]
        seg_figs = [
            f
            for f in r.figs
            if s <= f.start < e
            and id(f) not in r.used
            and not (f.kind == "money" and fair_roles.business_amount(r.text, r.figs, f, r.pending))
        ]
        region = region_of(r, seg)
        if (
            region
            and not re.search(r"还没(有)?(去|参加|参展|办)|准备|打算|计划|将要", seg)  # a fair still to come
            and re.search(
                rf"({NONE_WORDS})[^，。；]{{0,4}}(参加|参展|去|展会|活动)|"
                rf"(境内|国内|境外|国外|海外)[^，。；]{{0,3}}({NONE_WORDS})",
                seg,
            )
            and not any(f.kind == "money" for f in seg_figs)
        ):
            r.out.regions_none.append(region)
            r.out.fields.setdefault("_fairs_none", [])
            continue
        if r.pending != "fairs" and not re.search(FAIR_WORDS, seg) and re.search(OTHER_ITEM_WORDS, seg, re.I):
            cur, said_region = None, None  # 「还有3个本科的项目经理参加涉外业务培训 每人6万」: another item's figures
            continue
        counts = [
            f
            for f in seg_figs
            if f.kind == "count"
            and re.search(r"场|次|个(展|活动)?", f.unit or f.raw or "")
            and not fair_roles.counts_other_things(r.text, f)
            and not _asks_of_counted(r, f)
            and not re.search(r"(这|那|上面|前面|上述)$", r.text[max(0, f.start - 2) : f.start])
        ]  # 「两场加起来多少」「这两个分别能补多少」 ask about the fairs told, they tell no new ones
        costs, travel_only, bounded, bound_total = [], False, None, None
        for f in [f for f in seg_figs if f.kind == "money"]:
            if fair_roles.names_told_fair(r.text, f, [c.value for g in groups for c in g["costs"]]):
                r.use(f)  # 「其中8万那场已经…」: the fair told with that cost, named again
                continue
            lead = _travel_lead(r, f, s)
            if r.pending != "fairs" and re.search(OTHER_ITEM_WORDS, lead, re.I) and not re.search(FAIR_WORDS, lead):
                continue  # 「…ITSS新认证费9万、去了一场境外展」: the figure another item names before it, not the fair's
            travel = word_patterns()["not_covered"].search(lead)
            if travel and not word_patterns()["eligible"].search(lead[travel.end() :]):
                r.use(f)  # 「差旅6万」「机票酒店另外花了6万」: not a cost 三（五） pays for, and not another event
                excluded_here.append(f"{travel.group(0)}{wan(f.value)}")
                travel_only = True
                continue
            said = None if fair_lower_bounds.asks(seg) else fair_lower_bounds.said_at_least(r.text, f)
            one = (cur is not None and cur["count"] == 1) or any(c.value == 1 for c in counts)
            if said and (one or fair_lower_bounds.each_fair(r.text, s, f)):
                low = r.yuan(f, "活动费用")  # 「每场都在$12k以上（汇率按7.2算）」: in yuan at the user's rate
                r.use(
                    f
                )  # 「每场都在3万以上」「一场花了不止8万」: a bound of each fair's cost, as 「3万多」 (_at_least)
                if low is None:
                    return
                bounded = (low, said)
                continue
            if said:
                r.use(f)  # 「加起来超过10万」: a bound of no one fair's cost, asked (below), never computed as exact
                bound_total = said
                continue
            costs.append(f)
        if travel_only and not costs:
            for c in counts:
                r.use(c)  # 「差旅住宿另外一场花了1.5万」: 一场 says the travel is per fair told, no new fair
            continue
        rng = _range(r, costs)
        if rng:
            costs = [rng[0]]
            r.use(rng[1])
        rough = None if costs else (bounded or _rough_each(r, s, e))  # 「每场费用都3w多」: more than 3万 each
        if not costs and not rough and not bound_total:
            bound_total = _rough_other(r, s, e)  # 「一场2万，另一场3万多」: one fair's bound, asked with its batch
        fairish = (
            re.search(FAIR_WORDS, seg)
            or r.pending == "fairs"
            or (cur is not None and (costs or counts or rough))
            or (counts and re.search(FAIR_WORDS, r.text))
            or (  # 「还有两场国内的，每场1.5万」 after fairs told: more fairs
                (r.known or {}).get("fairs") and any(re.search(r"场|次", c.unit or "") for c in counts)
            )
            or (named_fair and costs and _bare_amount(r, seg, s, costs))
            or bound_total
        )
        # an aside with no figure that only says the fair is designated (「国外参展 商务局指定的 花了8万」) keeps the
        # fair named before it for the cost after it
        named_fair = not seg_figs and (
            bool(re.search(FAIR_WORDS, seg)) or (named_fair and bool(re.search(_DESIGNATED_ASIDE, seg)))
        )
        if not fairish or not (costs or counts or rough or bound_total):
            said_region = region or said_region
            continue
        if region is None and _another_region(cur, said_region):
            region = said_region  # 「国内12场 每场3.5万 另外去了一趟新加坡的 展位费5万」: the next fair is there
        if region is None and counts and _counted_elsewhere(cur, said_region):
            region = said_region  # 「国内…跑了12场 每场3w多 国外的也是指定的 去了7场」: 7场 are a new batch there
        region = region or (said_region if cur is None or cur["region"] is None else None)
        said_region = None
        one_of = (
            re.match(r"^(其中)?(有)?(另)?(一场|一次|一个|还有一场|还有一个)", seg)
            and cur is not None
            and cur["count"]
            and _fairs_in(cur) < cur["count"]
            and (not region or region == cur["region"])
        )  # (「两场 一场展位费1.8万加宣传推广0.6万 另一场特装4万」: the parts joined by 加 are one fair's)
        if one_of:
            for c in counts:
                r.use(c)
            counts = []
        if counts and not costs and not region and _counts_all_told(r, counts[0], _told_so_far(groups)):
            r.use(counts[0])  # 「…还有一个马来西亚的6万 三场都是指定展会」: the fairs told, counted again
            continue
        if counts and not costs and groups and _rest_of_told(r.text, counts[0], _told_so_far(groups)):
            r.use(counts[0])  # 「9场…其中有一场是自己办的 其他8场都是指定的」: the rest of the fairs told, no new ones
            continue
        places = named_places(seg) if not counts and len(costs) == 1 and re.search(r"各|分别|每场", seg) else 0
        full = (
            cur is not None
            and cur["costs"]
            and (cur["count"] is None or len(cur["costs"]) >= cur["count"] or cur["per"] == "each")
        )  # 「上半年3场 每场2.5万；下半年又去了2场 每场1.6万」: a batch told per event is whole, the next count is a new batch
        if cur is None or (region and cur["region"] and region != cur["region"]) or ((counts or places) and full):
            cur = {"region": region, "count": None, "costs": [], "per": None, "text": ""}
            groups.append(cur)
        cur["region"] = cur["region"] or region
        if counts:
            cur["count"] = int(counts[0].value)
            r.use(counts[0])
        elif places >= 2:
            cur["count"] = places  # 「东京、首尔境外各9万」: one fair in each place named
        for c in costs:
            _add_cost(r, cur, c)
        if rng:
            cur["range"] = rng
        if rough:
            cur["at_least"] = rough
        if bound_total:
            cur["bound_total"] = bound_total
        if re.search(PER_WORDS, seg):
            cur["per"] = "each"
        elif re.search(TOTAL_WORDS, seg) or any(
            re.search(rf"(?:{TOTAL_WORDS})\s+$", r.text[max(0, c.start - 8) : c.start]) for c in costs
        ):  # 「一共 20万」: the total word before the space that ends its clause
            cur["per"] = "total"
    if excluded_here:
        r.out.notes.append(
            "、".join(excluded_here) + "不属于第三条第（五）项列明的可补贴费用"
            "（注册费、展位费、布展费、特装费、宣传推广费），不计入补贴基数"
        )
    fairs = []
    costless = [
        {"region": g["region"], "count": g["count"]}
        for g in groups
        if not g["costs"] and g["count"] and not g.get("at_least") and not g.get("bound_total")
    ]
    if costless:
        names = {"domestic": "境内", "overseas": "境外"}
        said = "、".join(f"{names.get(g['region'], '')}{g['count']}场" for g in costless)
        r.out.clarifications.append(
            Clarification(
                "fair_cost",
                f"{said}活动，每场的费用（注册费、展位费、布展费、特装费、宣传推广费）各是多少？",
                {"groups": costless},
            )
        )
    topic = _topic_region(r.text)
    for g in groups:  # 「境内展会上半年3场…，下半年2场…」: the heading's region holds for every batch
        g["region"] = g["region"] or topic
        if g.get("bound_total") or (g.get("at_least") and g["costs"]):
            said = g.get("bound_total") or g["at_least"][1]  # never a batch computed with a bound left out
            fair_lower_bounds.ask(r, said, g["region"], g["count"] or max(1, len(g["costs"])))
            continue
        if not g["costs"]:
            fairs += _at_least(r, g) if g.get("at_least") else []
            continue
        if _total_of_uncounted_fairs(r, g):
            continue
        if g.get("range"):
            fairs += _ranged(r, g)
            continue
        entries = r.spread(g["costs"], g["count"], g["per"], "场", "活动", "fair", g["region"])
        if entries is None:
            continue
        if len(g["costs"]) > 1:
            entries = _per_fair(r, g, entries)
            if entries is None:
                continue
        if g["region"] is None:
            r.out.clarifications.append(
                Clarification(
                    "region",
                    "这些活动是境内的还是境外的？" + caps_note(),
                    {"entries": [str(x) for x in entries]},
                )
            )
            continue
        fairs += [{"region": g["region"], "cost_cny": x} for x in entries]
    if fairs:
        r.out.fields["fairs"] = fairs
    if groups or r.pending == "fairs":
        _name_travel(r)


def _asks_of_counted(r, count) -> bool:
    """「两场加起来多少」: a count followed by a total word that asks about the fairs told, no new ones; 「去了两场
    总共花了6万」 tells the fairs and their total (a money figure follows the total word, no question before it)."""
    after = re.match(r"\s*(都|全部)?(加起来|加一块|一共|总共|合计|总计|共)", r.text[count.end : count.end + 5])
    if not after:
        return False
    rest = r.text[count.end + after.end() : count.end + after.end() + 8]
    told = [
        f for f in r.figs if f.kind == "money" and count.end + after.end() <= f.start <= count.end + after.end() + 6
    ]
    return not told or bool(re.search(r"多少|能|可以|补|拿|吗", rest[: told[0].start - count.end - after.end()]))


def _rest_of_told(text: str, count, told: int) -> bool:
    """「其他8场」「其余的两场」「剩下3场」「其中有两场」: a count of some of the fairs told (其他/其余/剩下/其中 right
    before it, fewer than those told) names fairs already read, never new ones."""
    return int(count.value) < told and bool(
        re.search(
            r"((其他|其它|其余|剩下|剩余)(的)?|(其中|这里面|里面|当中)有?)\s*$",
            text[max(0, count.start - 5) : count.start],
        )
    )


def _fairs_in(cur: dict) -> int:
    """How many fairs the batch `cur` holds so far: its costs, those joined to the one before (「展位费1.8万加宣传推广
    0.6万」) or replacing a fair told (「第二场是2.8万」) counted as the fair they are of."""
    fair_of, replaced = cur.get("fair_of") or list(range(len(cur["costs"]))), cur.get("replaced") or set()
    return len({i for j, i in enumerate(fair_of) if j not in replaced})


def _another_region(cur: Optional[dict], said: Optional[str]) -> bool:
    """A region said on its own (no figure) after a batch whose costs are all told, other than that batch's: the
    costs that follow are a new fair there, not more of the batch."""
    if cur is None or not said or not cur["region"] or said == cur["region"] or not cur["costs"]:
        return False
    return cur["count"] is None or len(cur["costs"]) >= cur["count"] or cur["per"] == "each"


def _add_cost(r, cur: dict, c) -> None:
    """A cost read into the batch `cur`, with the fair it is of: the previous one's when joined to it (「展位费1.5万加
    宣传推广费5000」), the fair 「第二场是2.8万」 names when that fair was told already (its cost replaced), else a new
    fair."""
    fair_of, replaced = cur.setdefault("fair_of", []), cur.setdefault("replaced", set())
    told = list(dict.fromkeys(i for j, i in enumerate(fair_of) if j not in replaced))
    k = fair_roles.ordinal_of(r.text, c)
    if cur["costs"] and fair_roles.joined(r.text, cur["costs"][-1], c):
        fair_of.append(fair_of[-1])
    elif k is not None and 1 <= k <= len(told) and (cur["count"] is None or k <= cur["count"]):
        old = told[k - 1]
        replaced.update(j for j, i in enumerate(fair_of) if i == old)
        was = [cur["costs"][j] for j, i in enumerate(fair_of) if i == old]
        cur.setdefault("notes", []).append(
            f"按您的更正，第{k}场的费用按{c.raw}计（不再按" + "、".join(x.raw for x in was) + "计）"
        )
        fair_of.append(old)
    else:
        if cur["costs"] and fair_roles.joined(r.text, cur["costs"][-1], c, fair_roles.LOOSE_JOINS):
            cur.setdefault("loose", set()).add(len(cur["costs"]))  # 「展位费3万 特装2万」: maybe one fair's parts
        fair_of.append(max(fair_of, default=-1) + 1)
    cur["costs"].append(c)
    r.use(c)


def _per_fair(r, g: dict, values: list) -> Optional[list]:
    """The costs of a batch summed per fair (joined parts added, replaced figures left out), checked against the count
    said: when they cannot be matched to it, each fair's cost is asked with the figures named; None then."""
    fair_of, replaced = g.get("fair_of") or list(range(len(values))), g.get("replaced") or set()
    if re.search(fair_roles.EACH_FAIR, r.text):
        each = _parts_of_each_fair(r, g, values)
        if each is not None:
            return each
        if _some_fairs_after_each(r, g):
            return _ask_each_cost(r, g, replaced)  # 「两场 每场展位费2万 其中一场还有特装1万」: never guessed
        if (g["count"] or 0) < 2 or len(values) == g["count"]:
            return values  # 「3场 每场展位费分别2万 3万 5万」: one cost per fair, in order
        # 「3场 每场展位费3万 展位费2万」: costs that are neither one per fair nor one fair's parts — matched below or asked
    fairs = len({i for j, i in enumerate(fair_of) if j not in replaced})
    loose = sorted(g.get("loose") or ())
    if (g["count"] or 0) > 1 and fairs - len(loose) == g["count"] and not replaced:
        # 「两场 一场展位费5万 另一场展位费3万 特装2万」: the count holds when the parts said side by side are one fair's
        fair_of = list(fair_of)
        for j in loose:
            old = fair_of[j]
            fair_of = [fair_of[j - 1] if i == old else i for i in fair_of]
    sums: dict = {}
    for j, (i, v) in enumerate(zip(fair_of, values)):
        if j not in replaced:
            sums[i] = sums.get(i, Decimal(0)) + v
    r.out.notes.extend(g.get("notes") or [])
    for i in sums:
        said = [c.raw for j, c in enumerate(g["costs"]) if fair_of[j] == i and j not in replaced]
        if len(said) > 1:
            r.out.notes.append(f"同一场活动的{'、'.join(said)}合计{wan(sums[i])}")
    out = [sums[i] for i in sorted(sums)]
    if (g["count"] or 0) > 1 and len(out) != g["count"]:
        return _ask_each_cost(r, g, replaced)
    return out


def _ask_each_cost(r, g: dict, replaced) -> None:
    """The costs of a batch of `g['count']` fairs that cannot be matched to its fairs: each fair's cost is asked, the
    figures said named."""
    place = REGION_NAMES.get(g["region"], "")
    named = "、".join(c.raw for j, c in enumerate(g["costs"]) if j not in replaced)
    r.out.clarifications.append(
        Clarification(
            "fair_cost",
            f"您说{place}活动{g['count']}场，费用提到了{named}，和场次对不上。请问这{g['count']}场活动每场的费用"
            "（注册费、展位费、布展费、特装费、宣传推广费合计）分别是多少？",
            {"groups": [{"region": g["region"], "count": g["count"]}]},
        )
    )
    return None


def _some_fairs_after_each(r, g: dict) -> bool:
    """「两场 每场展位费2万 其中一场还有特装1万」「每场3万 另一场特装1万」: a cost said of every fair (每场 before it),
    then a cost said of some of them: which fair holds what is not said."""
    costs = g["costs"]
    if (g["count"] or 0) < 2 or len(costs) < 2:
        return False
    first = r.text[max(0, costs[0].start - 16) : costs[0].start]
    later = r.text[costs[0].end : costs[-1].start]
    return bool(re.search(fair_roles.EACH_FAIR, first)) and bool(
        re.search(fair_roles.SOME_FAIRS, re.sub(r"分别|各自|依次", "", later))
    )


def _parts_of_each_fair(r, g: dict, values: list) -> Optional[list]:
    """「11场展会，每场展位费都是3万，特装另外1万」: a count of fairs, then 每场 and costs each named by a cost word of
    another kind (展位费、特装 …): one fair's parts, every fair the same — the count's fairs of their sum each. None
    when the costs are not so (a kind said twice, a cost with no cost word, no count or no 每场 before the costs, or
    分别/其中一场/另一场 between them)."""
    count, costs = g["count"] or 0, g["costs"]
    if count < 2 or g["per"] != "each" or len(costs) < 2 or len(costs) != len(values) or g.get("replaced"):
        return None
    w = word_patterns()
    kinds, said = [], []
    for c in costs:
        word = list(w["eligible"].finditer(r.lead_in(c)))
        if not word or w["not_covered"].search(r.lead_in(c)):
            return None
        kinds.append(cost_kind(word[-1].group(0)))
        said.append(f"{word[-1].group(0)}{wan(r.cny(c, '活动费用'))}")
    if len(set(kinds)) != len(kinds):
        return None
    before = r.text[max(0, costs[0].start - 16) : costs[0].start]
    between = r.text[costs[0].start : costs[-1].end]
    if not re.search(fair_roles.EACH_FAIR, before) or re.search(fair_roles.SOME_FAIRS, between):
        return None  # 「每场展位费2万 其中一场还有特装1万」: a part of some fairs only, not every fair's
    total = sum(values, Decimal(0))
    r.out.notes.append(f"每场活动的{'、'.join(said)}合计{wan(total)}，按{count}场、每场{wan(total)}计")
    return [total] * count


def _bare_amount(r, seg: str, start: int, costs: list) -> bool:
    """「…展位费发票是含增值税的 一共3万」: a segment that is only an amount (一共、总共、花了… before it, nothing after
    but a question) names no cost of its own: the cost of the fair the segment before it named."""
    first = costs[0]
    lead = r.text[start : first.start]
    tail = r.text[first.end : start + len(seg)]
    amount_words = r"(一共|总共|合计|共计|总计|共|花了|花费了?|费用|金额|大概|大约|约|是|为|差不多|了)*"
    return len(costs) == 1 and bool(re.fullmatch(amount_words, lead)) and bool(re.fullmatch(r"(元|块|块钱)?", tail))


def _name_travel(r) -> None:
    """「每趟机票酒店都是两三万」「机票酒店另算」: travel said of the fairs with no exact figure is still named as a cost
    三（五） does not pay for (with its rough amount, bot/estimate/vague_figures.py, as said), never left unsaid."""
    named, out = "".join(r.out.notes), []
    for m in _travels().finditer(r.text):
        run = m.group(0)
        if run in named or any(run in n for n in out):
            continue
        rough = [
            v
            for v in r.rough
            if 0 <= v.start - m.end() <= 8 and not re.search(r"[，,。；;]", r.text[m.end() : v.start])
        ]
        out.append(f"{run}（{rough[0].raw}）" if rough else run)
    if out:
        r.out.notes.append(
            "、".join(out) + "等差旅费用不属于第三条第（五）项列明的可补贴费用"
            "（注册费、展位费、布展费、特装费、宣传推广费），不在补贴范围内，不计入补贴基数"
        )


def _travel_lead(r, f, start: int) -> str:
    """The words before a cost that may name it travel: back to the previous figure (r.lead_in), or further back to
    the start of its phrase when only a count stands between (「差旅住宿另外一场花了1.5万」: 一场 is no cost word)."""
    lead = r.lead_in(f)
    before = [g for g in r.figs if start <= g.start and g.end <= f.start]
    if before and all(g.kind == "count" for g in before):
        return r.text[start : f.start]
    return lead


def _topic_region(text: str) -> Optional[str]:
    """The region a message opens with as its heading (「境内展会上半年3场…」「国外的展会：…」) when it names no
    other region; None otherwise (「国内去了3场…还有2场…」 leaves the second batch's region to be asked)."""
    m = re.match(r"^[^，,。；;\d]{0,8}?(境内|国内|境外|国外|海外)(的)?(展会|展|活动)", text)
    if not m:
        return None
    region = "domestic" if m.group(1) in ("境内", "国内") else "overseas"
    others = r"境外|国外|海外|出国" if region == "domestic" else r"境内|国内|省内|市内"
    return None if re.search(others, text) else region


RANGE_BETWEEN = re.compile(r"\s*(到|至|-|~|～|—)\s*")


def _range(r, costs: list):
    """「每场都在3万到5万之间」: (low, high) of a range two costs make, or None; a range is never two fairs."""
    for a, b in zip(costs, costs[1:]):
        if RANGE_BETWEEN.fullmatch(r.text[a.end : b.start]) and a.value < b.value:
            return a, b
    return None


def _ranged(r, g) -> list:
    """Fairs whose cost is told as a range: every fair capped when even the lowest cost is past its fair's cap
    (the amount is then exact); otherwise each fair's cost is asked, the range named."""
    low, high = (r.cny(f, "活动费用") for f in g["range"])
    n = g["count"] or 1
    place = REGION_NAMES.get(g["region"], "")
    if g["region"] and low * figure("3.5", "rate") >= figure("3.5", f"{g['region']}_event_cap_cny"):
        r.out.notes.append(
            f"{place}{n}场活动每场费用在{wan(low)}到{wan(high)}之间：按最低的{wan(low)}算，每场补贴已达每场上限，"
            "按上限计（具体费用不影响结果）"
        )
        return [{"region": g["region"], "cost_cny": low, "_range": f"{wan(low)}到{wan(high)}"} for _ in range(n)]
    r.out.clarifications.append(
        Clarification(
            "fair_cost",
            f"{place}{n}场活动每场费用在{wan(low)}到{wan(high)}之间，每场的补贴单独计算、各有上限{caps_note()}，"
            "不能按范围估算。请问每场的费用（注册费、展位费、布展费、特装费、宣传推广费合计）分别是多少？",
            {"groups": [{"region": g["region"], "count": n}]},
        )
    )
    return []


def _counted_elsewhere(cur: Optional[dict], said: Optional[str]) -> bool:
    """A count said after another region (said on its own) than the batch before, which was counted and has no exact
    cost: the count is of fairs in that other region, a new batch — never the first batch's count replaced."""
    return bool(
        cur is not None and said and cur["region"] and said != cur["region"] and cur["count"] and not cur["costs"]
    )


def _rough_each(r, start: int, end: int):
    """(lower bound, words) of a cost said of every fair as more than an amount (「每场费用都3w多」「单场都是两万多」)
    in r.text[start:end], or None: a rough amount (bot/estimate/vague_figures.py) is no figure, only a bound."""
    from bot.estimate.vague_figures import more_than

    for v in r.rough:
        if not start <= v.start < end or more_than(v) is None:
            continue
        lead = r.text[start : v.start]
        if re.search(rf"{fair_roles.EACH_FAIR}|都|均", lead) and not re.search(TOTAL_WORDS, lead):
            return more_than(v), v.raw  # (「加起来都3万多」 is all the fairs' total: left to the rough reader)
    return None


def _rough_other(r, start: int, end: int) -> Optional[str]:
    """A rough 「3万多」 in r.text[start:end] said of no fair in particular or of one fair of a batch (「另一场3万多」):
    the words as said (its batch is then asked), or None."""
    from bot.estimate.vague_figures import more_than

    return next((v.raw for v in r.rough if start <= v.start < end and more_than(v) is not None), None)


def _at_least(r, g) -> list:
    """Fairs each said to cost more than an amount (「12场 每场3w多」): every fair at its cap when the bound alone already
    reaches it (the rough cost does not change the award, and the answer says so); otherwise each fair's cost is asked,
    the rough amount named. Never a guessed figure."""
    low, said = g["at_least"]
    n, region = g["count"], g["region"]
    place = REGION_NAMES.get(region, "")
    if n and region and low * figure("3.5", "rate") >= figure("3.5", f"{region}_event_cap_cny"):
        cap = figure("3.5", f"{region}_event_cap_cny")
        r.out.notes.append(
            f"您说的{place}每场“{said}”是约数：按最低的{wan(low)}算，每场补贴已达每场上限{wan(cap)}，"
            "按上限计（具体费用多少不影响结果）"
        )
        return [{"region": region, "cost_cny": low, "_range": f"“{said}”"} for _ in range(n)]
    r.out.clarifications.append(
        Clarification(
            "fair_cost",
            f"您说的{place}活动每场“{said}”是个大概的数，每场的补贴单独计算、各有上限{caps_note()}，我不按估计的数字"
            f"测算。请问{place}{n or ''}{'场' if n else ''}活动每场的费用（注册费、展位费、布展费、特装费、宣传推广费合计）"
            "分别是多少？",
            {"groups": [{"region": region, "count": n or 1}]},
        )
    )
    return []


def _counts_all_told(r, count, told: int) -> bool:
    """「三场都是指定展会」: a count of the fairs told in this message — or, said with 都/全/均, of those and the fairs
    told in earlier messages (「国内那场…2万4。两场都是指定的」 after one fair abroad) — names no new fairs."""
    n = int(count.value)
    if n == told:
        return True
    before = len((r.known or {}).get("fairs") or [])
    return (
        bool(before)
        and n == told + before
        and bool(re.match(r"\s*(?:的)?(?:展会|展|活动)?\s*(?:都|全|均)", r.text[count.end :]))
    )


def _told_so_far(groups: list) -> int:
    """How many fairs the groups read so far hold (their count, or their costs when more)."""
    return sum(max(g["count"] or 0, len(g["costs"])) for g in groups)


def _total_of_uncounted_fairs(r, g) -> bool:
    """「去国外参展一共花了12万」: a total (一共/合计) with no number of events may be several events, each
    capped on its own; the events and each one's cost are asked, the total is never taken as one event."""
    if g["count"] is not None or g["per"] != "total" or len(g["costs"]) != 1:
        return False
    if re.search(r"一场|一次|一个|单场|这场|那场|该场", r.text):
        return False
    if word_patterns()["eligible"].search(r.text[: g["costs"][0].start]):
        return False  # 「参加服贸会 展位费加特装一共2.5万」: one event's costs, named and added up
    place = {"domestic": "境内", "overseas": "境外"}.get(g["region"], "")
    r.out.clarifications.append(
        Clarification(
            "fair_breakdown",
            f"{place}活动一共{wan(r.cny(g['costs'][0], '活动费用'))}，是几场活动？每场的补贴单独计算、各有上限"
            f"{caps_note()}，不能按合计估算；请告诉我场次和每场的费用（例如“2场，分别X万、Y万”）。",
            {"region": g["region"]},
        )
    )
    return True


def cost_parts(fair: dict) -> dict:
    """A fair's costs by name (「展位费3万，布展费1.2万」), kept with its entry so that a later 「布展费其实是
    2.8万」 corrects that part; {} unless every cost was named, each name once."""
    return parts_of(fair.get("words") or [], fair["costs"])


def correct_part(fairs: list, text: str) -> Optional[list]:
    """「布展费其实是2.8万」 or 「展位费不是3万是1.2万，特装是5000」: the fair with those named parts
    replaced and its total recomputed, or None when no one fair told part by part holds every part named."""
    return correct_named_part(fairs, text, word_patterns()["eligible"])


def drop_by_cost(fairs: list, text: str) -> Optional[list]:
    """「1.8万那场是行业协会自己办的…把它去掉」: the fairs without the one whose cost the message names with a word
    that takes it out (estimate_words.yml drop_item), or None when no one fair has that cost."""
    from bot.estimate.reading import estimate_words
    from bot.estimate.understand import figures

    if not any(w in text for w in estimate_words()["drop_item"]):
        return None
    named = [f.value for f in figures(text) if f.kind == "money"]
    if len(named) != 1:
        return None
    same = [i for i, e in enumerate(fairs) if Decimal(str(e.get("cost_cny"))) == named[0]]
    if len(same) < 1 or len({fairs[i].get("region") for i in same}) > 1:
        return None
    return fairs[: same[0]] + fairs[same[0] + 1 :]


def change_region(fairs: list, text: str) -> Optional[list]:
    """「那个展其实是在深圳办的国际展 是境内的」: the one fair told (or every fair, 「都是境内的」) in the region the
    message says last, when it says no amount; None when it names no region or the region is already so."""
    from bot.estimate.understand import figures

    if any(f.kind == "money" for f in figures(text)):
        return None
    region = region_of(None, text)
    if region is None or (len(fairs) > 1 and not re.search(r"都|全部|全都", text)):
        return None
    if all(e.get("region") == region for e in fairs):
        return None
    return [dict(e, region=region) for e in fairs]


def _travels() -> re.Pattern:
    """Costs 三（五） does not name, said together (「机票酒店」「机票住宿」), matched whole."""
    nc = word_patterns()["not_covered"].pattern
    return re.compile(f"(?:{nc})(?:[、和及与/+＋]?(?:{nc}))*", re.I)


def travel_run(text: str, word: str) -> str:
    """The run of travel words of `text` that holds `word`, as said (「机票酒店」 for 酒店)."""
    return _travel_name(text, word)


def _travel_name(text: str, word: str) -> str:
    """The whole run of travel words that holds `word` (「机票住宿」 for 住宿), as the user said it."""
    runs = [m.group(0) for m in _travels().finditer(text) if word.lower() in m.group(0).lower()]
    return runs[-1] if runs else word


INSIDE = r"里面|里头|其中|这里面|当中|包括|包含|含有|含了|含"
IS_WORD = r"^\s*(的)?(都|全)?(是|为|用于|花在|属于|算)\s*"


def take_out(fairs: list, text: str) -> Optional[tuple]:
    """「那9万里面有2.6万是机票酒店 剩下的都是展位费」 after a fair of 9万: the part 三（五） does not pay for taken
    out of that fair (9万 − 2.6万), returned with the note that names it; None when the message does not say
    a part of a fair told is travel, meals … (a total with no fair of that cost, another fair, a named part)."""
    from bot.estimate.understand import figures

    figs = figures(text)
    money = [f for f in figs if f.kind == "money"]
    if not money or any(f.currency not in (None, "CNY") for f in money) or any(f.kind == "count" for f in figs):
        return None
    if re.search(r"另一|又(去|参加)|第[二三四五六七八九十\d]|还有一[场个次]", text):
        return None
    w, last = word_patterns(), 0
    travels = _travels()
    totals, excluded, rest = [], [], []
    for f in money:
        window, last = text[last : f.start], f.end
        following = re.split(r"[，,。；;！!？?]|\d", text[f.end : f.end + 14])[0]
        travel, eligible = list(travels.finditer(window)), list(w["eligible"].finditer(window))
        after = re.match(IS_WORD + f"({travels.pattern})", following, re.I)
        if after or (travel and (not eligible or travel[-1].end() > eligible[-1].end())):
            excluded.append(((after.group(after.lastindex) if after else travel[-1].group(0)), f.value))
        elif eligible or re.match(IS_WORD + f"({w['eligible'].pattern})", following, re.I):
            rest.append(f.value)  # 「剩下6.4万是展位费」: checked against the difference below
        elif not travel and any(Decimal(str(x["cost_cny"])) == f.value for x in fairs):
            totals.append(f.value)
        else:
            return None
    if not excluded or len(totals) > 1 or not (totals or re.search(INSIDE, text)):
        return None
    holders = [
        i
        for i, x in enumerate(fairs)
        if (Decimal(str(x["cost_cny"])) == totals[0] if totals else len(fairs) == 1) and not x.get("_parts")
    ]
    if len(holders) != 1:
        return None
    fair = dict(fairs[holders[0]])
    total, out = Decimal(str(fair["cost_cny"])), sum((v for _, v in excluded), Decimal(0))
    left = total - out
    if left <= 0 or (rest and sum(rest, Decimal(0)) != left):
        return None
    fair["cost_cny"] = left
    note = (
        "、".join(f"{word}{wan(v)}" for word, v in excluded) + "不属于第三条第（五）项列明的可补贴费用"
        f"（注册费、展位费、布展费、特装费、宣传推广费），不计入补贴基数：按{wan(total)} − {wan(out)} = {wan(left)}计算"
    )
    return fairs[: holders[0]] + [fair] + fairs[holders[0] + 1 :], note


ADDS_PARTS = r"还有|还要|另外|加上|忘了|漏了|补充|再加|也要算"


def add_parts(fairs: list, text: str) -> Optional[list]:
    """「还有特装费1.4万 宣传推广8千 都加上」 after one fair: those named parts added to that fair (its place kept),
    or None when the message names another fair (a place, 境内/境外, 另一场), or a figure without its cost word."""
    from bot.estimate.understand import figures

    if len(fairs) != 1 or not re.search(ADDS_PARTS, text):
        return None
    if region_of(None, text) or re.search(r"另一|又(去|参加)|第二|一场|一次|这场|那场|展会|参展", text):
        return None
    money = [f for f in figures(text) if f.kind == "money" and f.currency in (None, "CNY") and f.value]
    if not money or len(money) != len([f for f in figures(text) if f.kind in ("money", "count")]):
        return None
    w = word_patterns()
    last, added, excluded = 0, [], []
    for f in money:
        window = text[last : f.start]
        last = f.end
        eligible = list(w["eligible"].finditer(window))
        travel = list(w["not_covered"].finditer(window))
        if travel and (not eligible or travel[-1].end() > eligible[-1].end()):
            excluded.append(f)
        elif eligible:
            added.append((eligible[-1].group(0), f.value))
        else:
            return None
    if not added:
        return None
    fair = dict(fairs[0])
    parts = dict(fair.get("_parts") or {})
    for name, value in added:
        parts[name] = Decimal(str(parts.get(name, 0))) + value
    fair["cost_cny"] = Decimal(str(fair["cost_cny"])) + sum((v for _, v in added), Decimal(0))
    if fair.get("_parts"):
        fair["_parts"] = {k: Decimal(str(v)) for k, v in parts.items()}
    return [fair]


PART_BREAK = re.compile(r"\n|[；;。：:]|\s[/|｜]\s")
ITEM_MARK = re.compile(r"\s*(?:[（(]?\d{1,2}\s*[)）.．、:：]|\d{1,2}\s|[①-⑩]|[一二三四五六七八九十][、.．:：])\s*")


def _word(word: Optional[str]) -> str:
    """A cost's word as the answer shows it: 「展位」 is said 「展位费」 … (English words through the glossary)."""
    from bot.estimate.reading import english_to_chinese

    return english_to_chinese(word or "")


def policy_kind(word: Optional[str]) -> Optional[str]:
    """The policy's name for a cost word said otherwise (宣传册 → 宣传推广费, 参展费 → 展位费、注册费), else None."""
    from bot.estimate.reading import estimate_words

    costs = estimate_words()["fair_costs"]
    if word is None:
        return None
    word = word.lower()
    if word in costs["organiser_fees"]:
        return "、".join(costs["organiser_fees"][word])
    kind = next((k for k, words in costs["kinds"].items() if word in [str(x).lower() for x in words]), None)
    return kind if kind and kind.removesuffix("费") != word.removesuffix("费") else None


def counted_as(words) -> str:
    """「（宣传册按宣传推广费计）」 for the words of a fair said otherwise than the policy does; "" when none is."""
    said = [f"{_word(w)}按{policy_kind(w)}计" for w in dict.fromkeys(words or []) if policy_kind(w)]
    return f"（{'，'.join(said)}）" if said else ""


def organiser_fee_unclear(r, fair: dict, said: list, total: Decimal) -> bool:
    """「参展费2万 展位费1.5万」: a fee paid to the organiser (estimate_words.yml organiser_fees) beside a cost of the
    kind it usually is may hold it: the fair's costs are asked, each figure named, never added up twice."""
    from bot.estimate.reading import estimate_words

    costs = estimate_words()["fair_costs"]
    words = [(w or "").lower() for w in fair.get("words") or []]
    for fee in [w for w in words if w in costs["organiser_fees"]]:
        usual = set(costs["organiser_fees"][fee])
        beside = [w for w in words if w != fee and (w in usual or policy_kind(w) in usual)]
        held = sum((c for w, c in zip(words, fair["costs"]) if w in beside), Decimal(0))
        if beside:
            r.out.clarifications.append(
                Clarification(
                    "fair_breakdown",
                    f"这场活动的{'、'.join(said)}中，{fee}是否已包含{'、'.join(dict.fromkeys(beside))}？"
                    f"为免重复计算，请告诉我这场活动的注册费、展位费、布展费、特装费、宣传推广费各是多少"
                    f"（例如“注册费X万 展位费X万”）。",
                    {
                        "region": fair["region"],
                        "total": str(total),
                        "separate": str(total),
                        "included": str(total - held),
                    },
                )
            )
            return True
    return False


def fee_held(text: str) -> Optional[str]:
    """「不包含 是分开交的」 → separate, 「包含了」「参展费就是展位费」 → included, else None."""
    if re.search(r"(不|没有?|未)(包含|包括|含)|分开|单独|另外|另交|两回事|两笔|各是各", text):
        return "separate"
    if re.search(r"包含|包括|含|就是|即|算在", text):
        return "included"
    return None


def names_costs(text: str) -> bool:
    """Whether `text` names a fair's costs by what they are (展位费、宣传册、机票 … of estimate_words.yml)."""
    w = word_patterns()
    return bool(w["eligible"].search(text) or w["not_covered"].search(text))


def cost_kind(word: str) -> str:
    """「展位费」「展位」「展台」 are one kind of cost: a kind said again belongs to another fair."""
    return (policy_kind(word) or word.lower()).removesuffix("费")


def fair_parts(t: str, moneys: list, counted=None) -> list:
    """Where each fair of a list told part by part starts: one line (or one part between ；) per fair,
    「1 展位费15000 特装8000 机票5000 / 2 展位费9000 宣传册2000 / 3 …」. The parts (those with a cost figure after
    a cost word) are fairs when there are as many as the fairs counted (「三场…」), or when a kind of cost comes
    again in another part (a fair has one 展位费), or when each numbered part holds several costs; otherwise one
    fair's costs may be listed line by line (「展位费：15000↵特装：8000」) and [] is returned."""
    w = word_patterns()
    cost_word = re.compile(f"{w['eligible'].pattern}|{w['not_covered'].pattern}", re.I)
    cuts = [0] + [m.end() for m in PART_BREAK.finditer(t)]
    found = []
    for a, b in zip(cuts, cuts[1:] + [len(t)]):
        figs = [f for f in moneys if a <= f.start < b]
        words = [m.group(0) for m in cost_word.finditer(t, a, b)]
        if figs and words:
            found.append((a + len(t[a:b]) - len(t[a:b].lstrip()), figs, words))
    if len(found) < 2:
        return []
    told = int(counted.value) if counted is not None and counted.end <= found[-1][0] else None
    heads = _parts_of_region(t, found, counted) if told is not None else 0
    said = (counted.start, counted.end) if told == heads else (0, 0)
    # 「两个…展，A展…；B展…」「境内2场，A展…；B展…；境外1场，…」: the count told, of all parts or of its region's

    def unsaid(a: int, b: int) -> str:
        return t[a:b] if not a <= said[0] < b else t[a : said[0]] + t[said[1] : b]

    if len(found) < 2 or any(
        re.search(
            r"分别|各|每|(?<![第\d])(?:[2-9]|[1-9]\d|[二两三四五六七八九十])\s*[场次个]|不是|其实|应该是|改[为成]",
            unsaid(s, f[-1].end),
        )
        for s, f, _ in found
    ):
        return []  # 「境内两场分别是展位费1.2万和布展1.8万」 tells several fairs; 「展位费不是1万是1.2万」 corrects one
    kinds = [{cost_kind(x) for x in words if w["eligible"].fullmatch(x)} for _, _, words in found]
    again = any(k & other for i, k in enumerate(kinds) for other in kinds[:i])
    numbered = all(ITEM_MARK.match(t, start) for start, _, _ in found)
    several = all(len(figs) >= 2 for _, figs, _ in found)
    if told == heads == len(found) or again or (numbered and several):
        return [start for start, _, _ in found]
    return []


def _parts_of_region(t: str, found: list, counted) -> int:
    """How many parts stand from the one holding the count `counted` up to the next part naming a region again
    (「境内指定展会2场，A展…；B展…；境外展会1场，…」 → 2): the count heads its region's parts."""
    starts = [start for start, _, _ in found]
    own = max((i for i, start in enumerate(starts) if start <= counted.start), default=0)  # a heading before all
    region = re.compile(r"境内|国内|省内|境外|国外|海外")
    later = [i for i in range(own + 1, len(found)) if region.search(t, starts[i], found[i][1][0].start)]
    return (later[0] if later else len(found)) - own


def fair_label() -> re.Pattern:
    """A fair named by a letter: 「A展」「乙展会」「b场」 (estimate_words.yml fair_labels), never 「展位」「展台」."""
    from bot.estimate.reading import estimate_words

    w = estimate_words()["fair_labels"]
    words = "|".join(sorted(map(re.escape, w["words"]), key=len, reverse=True))
    return re.compile(rf"(?<![a-z\d])[{''.join(w['letters'])}](?:{words})(?![位台览])", re.I)


def counts_fairs(t: str, f) -> bool:
    """A count of fairs: 「三场」「两次」, or 「两个…展/展会/活动」 (个 with the fair word soon after it)."""
    if f.kind != "count" or not f.value or f.value <= 1:
        return False
    if re.search(r"场|次", f.unit or ""):
        return True
    return bool(re.search(r"个", f.unit or "")) and bool(
        re.match(rf"[^，,。；;\d]{{0,10}}?(?:{FAIR_WORDS})", t[f.end :])
    )


def _said_again(r, fairs: list, cur: dict, anchor: str, after: str) -> None:
    """「第一场…第二场展位费3万 哦第二场是2.8万」: a fair named by its ordinal again and said to be a figure is the same
    fair told anew; the one told before gives way, named in a note. 「第一场还有布展1万」 adds to that fair."""
    m = re.fullmatch(r"第([一二三四五六七八九十\d]+)[场个次]", anchor)
    k = fair_roles.ordinal_number(m.group(1)) if m else None
    if k is None:
        return
    cur["ordinal"] = k
    told = [x for x in fairs if x is not cur and x.get("ordinal") == k and x["costs"]]
    if len(told) != 1:
        return
    x = told[0]
    if re.match(r"\s*(?:的)?(?:费用|展位费)?\s*(?:是|为|应该是|其实是|实际是|改成|改为)", after):
        fairs.remove(x)
        was = "、".join(wan(c) for c in x["costs"])
        r.out.notes.append(f"按您的更正，第{k}场按后面说的费用计（不再按{was}计）")
    elif re.match(r"\s*(?:还有|另外|也有|再加|加上|还)", after):
        fairs.remove(x)
        cur["costs"] = x["costs"] + cur["costs"]
        cur["words"] = (x.get("words") or [None] * len(x["costs"])) + cur.get("words", [])
        cur["excluded"] = x["excluded"] + cur["excluded"]
    else:
        return
    cur["region"] = cur["region"] or x["region"]


def one_fair_told(t: str, start: int, end: int, figs) -> bool:
    """「还有一场国内的展」「国内另外去了一次展会」: the clause around the region word t[start:end] tells one fair there
    (一场/一次/一个 and a fair word), with no figure of its own and no word that it did not or will not happen."""
    a = max(t.rfind(c, 0, start) for c in "，,。；;！!？?\n") + 1
    stops = [i for i in (t.find(c, end) for c in "，,。；;！!？?\n") if i >= 0]
    b = min(stops) if stops else len(t)
    clause = t[a:b]
    if any(a <= f.start < b and f.kind in ("money", "percent", "rate") for f in figs):
        return False
    if re.search(rf"{NONE_WORDS}|准备|打算|计划|将要|还没|明年", clause):
        return False
    if not re.search(r"(?<![第\d])(?:[一1]|还有|另外|又)\s*[场次个届]", clause):
        return False
    return bool(re.search(FAIR_WORDS, clause) or (re.search(r"去|参加|参展|跑了", clause) and re.search(FAIR_WORDS, t)))


def _ask_unpriced(r, unpriced: list) -> None:
    """「广州一场，展位费2万；…还有深圳一场」: a fair named with no cost is asked about by its name, never dropped."""
    names = "、".join(x["place"] for x in unpriced)
    groups = [{"region": x["region"], "count": 1, "place": x["place"]} for x in unpriced]
    r.out.clarifications.append(
        Clarification(
            "fair_cost",
            f"{names}那{'场' if len(unpriced) == 1 else '几场'}活动的费用（注册费、展位费、布展费、特装费、宣传推广费）"
            "各是多少？",
            {"groups": groups},
        )
    )


def answer_about_named(text: str, groups: list) -> str:
    """The parts of an answer about the fairs asked by name (「深圳那场展位费1.6万，宣传推广费4000。等下 刚才说错了，
    越南那场特装是2万不是1万」 → the 深圳 sentence): a sentence naming another fair, or correcting a figure, is left to
    the correction readers."""
    names = [g["place"] for g in groups]
    by_region = any(n in REGION_NAMES.values() for n in names)  # 「境内那场」 asked: its answer names its city
    kept = []
    for part in re.split(r"(?<=[。；;！!\n])", text):
        if re.search(r"不是|而非|并非|说错|搞错|口误|更正|其实是|应该是", part):
            continue
        if named_places(part) and not any(n in part for n in names) and not by_region:
            continue
        kept.append(part)
    return "".join(kept) or text


def _per_fair_cost(t: str, moneys: list, quoted=()) -> bool:
    """「每场2万」「单场展位费都是1.5万」: a cost said per fair (read with the count); 「每场能补多少」 only asks, and
    「境外每场最高5万是吧」 quotes the policy's cap (`quoted`: figures the Reader took as the policy's)."""
    for m in re.finditer(r"每场|每次|单场|各场|每个展", t):
        stop = re.search(r"[，,。；;！!？?\n]", t[m.end() :])
        end = m.end() + (stop.start() if stop else len(t))
        if any(m.end() <= f.start < end for f in moneys):
            return True
        if any(m.end() <= f.start < end for f in quoted):
            continue
        if not re.search(r"多少|几|能补|能拿", t[m.end() : end]):
            return True
    return False


def _restated_sum(window: str, cur: Optional[dict], f) -> bool:
    """A total word (合计/共计 …) before a yuan figure equal to the fair's costs read so far: the user restates the sum
    of the parts, which is no further cost."""
    if not cur or len(cur["costs"]) < 2 or f.currency not in (None, "CNY"):
        return False
    if not re.search(r"合计|共计|总计|一共|总共|加起来|小计", window):
        return False
    return sum(cur["costs"], Decimal(0)) == Decimal(str(f.value))


def _fewer_than_told(r, fairs: list, unpriced: list, told: int, fair_counts: list) -> bool:
    """「3个境内展会：…」 read as fewer fairs than counted (their costs run together): never computed — each fair's
    cost is asked, the figures said named (True then)."""
    if told < 2 or len(fairs) + len(unpriced) >= told or r.out.clarifications:
        return False
    if not re.search(r"场|次|个", fair_counts[0].unit or ""):
        return False
    regions = {x["region"] for x in fairs}
    region = regions.pop() if len(regions) == 1 else None
    named = "、".join(wan(c) for x in fairs for c in x["costs"])
    r.out.clarifications.append(
        Clarification(
            "fair_cost",
            f"您说{REGION_NAMES.get(region, '')}活动{told}场，费用提到了{named}，我分不出每场各是多少。请问这{told}场活动"
            "每场的费用（注册费、展位费、布展费、特装费、宣传推广费合计）分别是多少？",
            {"groups": [{"region": region, "count": told}]},
        )
    )
    return True


def _other_item_cost(t: str, f) -> bool:
    """Whether the money figure `f`'s own clause (from the stop before it) names another item and no fair
    (「认证费380k」「CMMI5维护费8万」)."""
    start = max(t.rfind(c, 0, f.start) for c in "，,。；;！!？?\n") + 1
    phrase = t[start : f.start]
    return bool(re.search(OTHER_ITEM_WORDS, phrase, re.I)) and not re.search(FAIR_WORDS, phrase)


def _names_other_item(t: str, end: int) -> bool:
    """「建了一个服务外包公共技术服务平台：…」: 一个 whose phrase names another item (平台、认证 …) and no fair starts no fair."""
    phrase = re.split(r"[，,。；;：:！!？?\n]", t[end:], maxsplit=1)[0]
    return bool(re.search(OTHER_ITEM_WORDS, phrase, re.I)) and not re.search(FAIR_WORDS, phrase)


def _listed_one_each(t: str, fair_counts: list, moneys: list) -> list:
    """「境内3场 费用分别是2.5万 4万 1.2万 … 境外两场 一场…」: N fairs counted, then 分别 and N costs listed side by
    side — one cost per fair, in order, even when other fairs are told one by one later in the message. Returns the
    start of each listed cost after the first (each starts a fair in the same place); [] when none is so listed."""
    starts = []
    for c in fair_counts:
        n = int(c.value or 0)
        each = re.match(  # (「境内3场，展位费加布展费分别是…」: the cost words may follow the count after a comma)
            r"[，,：:]?[^，,。；;\d]{0,10}?(?:分别|依次|各自|各为|各是)", t[c.end : c.end + 18]
        )
        if n < 2 or each is None:
            continue
        listed = [f for f in moneys if f.start >= c.end + each.end()][:n]
        if len(listed) < n or not re.fullmatch(r"[^，,。；;\d]{0,8}", t[c.end + each.end() : listed[0].start]):
            continue
        if all(re.fullmatch(r"[\s,，、和及与/]*", t[a.end : b.start]) for a, b in zip(listed, listed[1:])):
            starts += [f.start for f in listed[1:]]
    return starts


_PLACES_JOINED = re.compile(r"\s*(?:和|与|及|跟|以及|还有|、|/|,|，)\s*")
_EACH_SAID = re.compile(r"各|每|分别|都是\s*\d|一个|一场")


def _joined_places_total(r, anchors: list, moneys: list) -> bool:
    """「参加了两个境外展 东京和首尔 …一共花了12万」「去了成都、西安、武汉三个地方 总共9万」: several places named
    together, then one amount with no cost of any one of them — the fairs' total, never split: each fair's cost is
    asked (reading.each_cost_question). True when asked."""
    t = r.text
    places = sorted(a for a in anchors if a[2] and not re.fullmatch(r"境内|国内|省内|境外|国外|海外", t[a[0] : a[1]]))
    run: list = []
    for a in places:
        if run and _PLACES_JOINED.fullmatch(t[run[-1][1] : a[0]]):
            run.append(a)
        elif len(run) < 2:
            run = [a]
    if len(run) < 2 or len({t[a:b] for a, b, _ in run}) < 2:
        return False
    after = [f for f in moneys if f.start >= run[-1][1]]
    if len(after) != 1 or len(moneys) != 1 or any(a[0] > run[-1][1] for a in places):
        return False  # (the message's one fair cost: other fairs told beside are read by the others)
    between = t[run[-1][1] : after[0].start]
    if re.search(r"[。；;!！?？\n]", between):
        return False
    each = re.search(
        r"各|每场|每个|每家|每次|都(?:花了|是|要|用了)?\s*$", between
    )  # 「东京和首尔各一场…各花了6万」: that cost at each place
    if _EACH_SAID.search(between) and not each:
        return False
    regions = {a[2] for a in run}
    cost = r.yuan(after[0], "活动费用")
    r.use(after[0])
    if cost is None:
        return True
    if each:
        r.out.fields["fairs"] = [{"region": a[2], "cost_cny": cost} for a in run]
        return True
    from bot.estimate.reading import each_cost_question

    r.out.clarifications.append(
        each_cost_question("fair", len(run), cost, "场", "活动", regions.pop() if len(regions) == 1 else None)
    )
    return True


def _itemised(r) -> bool:
    """Fairs told one by one ("成都那场：注册费3000 展位费12000 住宿4000；吉隆坡那场：…").

    A fair starts at a place or 一场/另一个; each cost after it is that fair's. Costs 三（五）
    names are summed per fair; the others (机票、酒店 …) are named as not counted.
    Returns False when the message is not told that way (counts and 每场 are read elsewhere).
    """
    t = r.text
    w = word_patterns()
    moneys = [
        f
        for f in r.figs
        if f.kind == "money" and id(f) not in r.used and not fair_roles.business_amount(t, r.figs, f, r.pending)
    ]
    quoted = [f for f in r.figs if f.kind == "money" and id(f) in r.used and is_policy_figure(t, f)]
    if not moneys or _per_fair_cost(t, moneys, quoted):
        return False
    anchors = []
    for key in ("domestic", "overseas"):
        anchors += [(m.start(), m.end(), key) for m in w[key].finditer(t)]
    ordinals = re.findall(r"第[一二三四五六七八九十\d]+[场个次]", t)  # 「第一场展位费2万…第二场注册费3000…」
    fair_counts = [f for f in r.figs if counts_fairs(t, f)]
    named = fair_names.named_anchors(t, moneys, anchors, fair_counts)  # 「软交会…4万，数博会1.5w」
    anchors += named
    if anchors and not named:  # 「深圳那个…4.2万；京交会2.5w；上海那个1.6万」: a name among places starts its own fair
        named = fair_names.lone_named_anchors(t, moneys, anchors)
        anchors += named
    if _joined_places_total(r, anchors, moneys):
        return True
    parts = fair_parts(t, moneys, fair_counts[0] if fair_counts else None)
    by_event = [f for f in fair_counts if re.search(r"场|次", f.unit or "")]  # (「两个…展」 only splits parts)
    if by_event and len(moneys) < by_event[0].value and len(ordinals) < 2:
        return False  # 「三场境外展 东京 法兰克福 迪拜 …一共24万」: fewer costs than fairs, read with the count
    regions_said = {  # 「一个是境外的…另一个境内的…」: fairs told one by one, each with its own place
        "domestic" if re.fullmatch(r"境内|国内|省内", m.group(0)) else "overseas"
        for m in re.finditer(r"境内|国内|省内|境外|国外|海外", t)
    } | {a[2] for a in anchors}
    listed_each = _listed_one_each(t, fair_counts, moneys)  # 「境内3场 分别2万 3万 1万；境外一场…」
    if (
        len(anchors) < 2
        and not (listed_each and len(regions_said) > 1)
        and len(ordinals) < 2
        and len(parts) < 2
        and not (len(regions_said) > 1 and len(re.findall(FAIR_SEPARATOR, t)) > 1)
        and any(f.kind == "count" and f.value and f.value > 1 and re.search(r"场|次", f.unit or "") for f in r.figs)
    ):
        return False
    anchors += [(m.start(), m.end(), "domestic") for m in re.finditer(r"境内|国内|省内", t)]
    anchors += [(m.start(), m.end(), "overseas") for m in re.finditer(r"境外|国外|海外", t)]
    anchors += [(m.start(), m.end(), None) for m in re.finditer(FAIR_SEPARATOR, t) if not _names_other_item(t, m.end())]
    anchors += [(m.start(), m.end(), None) for m in fair_label().finditer(t)]  # 「甲展…乙展…」: one fair each
    anchors += [(p, p, None) for p in parts if not any(a[0] == p for a in anchors)]  # one line, one fair
    anchors += [(p, p, None) for p in listed_each if not any(a[0] == p for a in anchors)]
    cost_word = re.compile(f"{w['eligible'].pattern}|{w['not_covered'].pattern}", re.I)
    said_cost = any(cost_word.search(t[max(0, f.start - 8) : f.start]) for f in moneys)
    places = any(a[2] for a in anchors if not re.fullmatch(r"境内|国内|省内|境外|国外|海外", t[a[0] : a[1]]))
    region_words = [a for a in anchors if re.fullmatch(r"境内|国内|省内|境外|国外|海外", t[a[0] : a[1]])]
    # 「服贸会 境内 3万；GITEX 境外 7万」: each fair's region word with its one cost, both regions said
    places = places or (
        len(regions_said) > 1
        and len({a[0] for a in region_words}) == len(moneys)
        and not any(f.value and f.value > 1 for f in fair_counts)  # 「境外展会去了4个 每个12万 境内3个…」: counted
        and not re.search(r"每|各", t)
    )
    if not (said_cost or (places and re.search(FAIR_WORDS, t))):
        return False
    # (「…分别多少」 after the costs asks about them: only 分别 before the last cost says one cost per fair)
    if not said_cost and re.search(r"分别|各(参加|去|办|一)", t[: moneys[-1].start]):
        return False  # "去新加坡和德国各参加了一次…费用分别8万元、6万元": one cost per fair, in order
    counted = fair_counts or [  # a count of fairs first (「两个问题 1.… 2.参加了3个…展会」: 两个 counts no fair)
        f for f in r.figs if f.kind == "count" and f.value and f.value > 1 and re.search(r"场|次|个", f.unit or "")
    ]
    after = [f for f in moneys if counted and f.start > counted[0].end and f.currency in (None, "CNY")]
    # 「…展位费分别是45k和90k，新拿了CMMI5，认证费380k」: a cost whose own clause names another item is not the fairs'
    own = [f for f in after if not _other_item_cost(t, f)]
    if (
        re.search(r"分别|依次|各自|各为|各是", t)
        and counted
        and counted[0].start < moneys[-1].start  # (「…两场分别能补多少」 after the costs asks about them)
        and int(counted[0].value) in (len(moneys), len(after), len(own))
    ):
        return False  # "三个国内的展会…展位费分别是2万 3万 5万": one cost per fair, in order
    listed = all(
        not cost_word.search(t[a.end : b.start]) and re.fullmatch(r"[\s,，、和及与/]*", t[a.end : b.start])
        for a, b in zip(after, after[1:])
    )
    if counted and int(counted[0].value) == len(after) > 1 and listed:
        return False  # "3个境外展会的展位费：4万、9万、6万": as many costs as fairs, listed: one cost per fair
    events = sorted(
        [(a[0], "anchor", a) for a in anchors] + [(f.start, "money", f) for f in moneys], key=lambda e: e[0]
    )
    fairs, cur, last = [], None, 0
    for pos, what, item in events:
        if pos < last:
            continue
        if what == "anchor":
            start, end, region = item
            if cur is not None and cur.get("by_cost") and region:
                cur["region"] = (
                    cur["region"] or region
                )  # 「4万那场在北京（境内）」: the place of the fair its cost named
                last = end
                continue
            if cur is None or cur["costs"] or cur["excluded"]:
                if (
                    region is None
                    and cur is not None
                    and (
                        re.fullmatch(r"|一[场个次]|第[一二三四五六七八九十\d]+[场个次]", t[start:end])
                        or fair_label().fullmatch(t[start:end])
                        or (fair_counts and re.fullmatch(r"(?:另外?|还有)一[场个次]", t[start:end]))
                    )
                ):
                    region = cur["region"]  # 「两个境外展 一个花了10万一个6万」: the list goes on in the same place
                    # (「另一个」 too once the fairs were counted in one place: 「两个境外展，一个…另一个…」)
                cur = {"region": region, "costs": [], "excluded": [], "inherited": item[2] is None}
                fairs.append(cur)
            elif region:
                cur["region"] = region
            _said_again(r, fairs, cur, t[start:end], t[end : end + 12])
            if any(a == start for a, _, _ in named):
                cur.setdefault("place", t[start:end])  # 「软交会」: the fair's own name, if it is asked about
                cur["announced"] = True
            elif region and named_places(t[start:end]):
                cur.setdefault("place", t[start:end])  # 「还有深圳一场」: the fair's name, if it is asked about
            elif region and one_fair_told(t, start, end, r.figs):
                cur.setdefault("place", REGION_NAMES[region])  # 「还有一场国内的展」: one fair there, its cost not said
                cur["announced"] = True
            last = end
            continue
        f = item
        window = t[last : f.start]
        if _restated_sum(window, cur, f):  # 「展位费4.5万、布展费1.6万，合计6.1万」: the sum of its parts
            r.use(f)
            last = f.end
            continue
        words = list(cost_word.finditer(window))
        other = list(re.finditer(OTHER_ITEM_WORDS, window, re.I))
        last = f.end
        following = re.split(r"[，,；;。]|[0-9]", t[f.end : f.end + 12])[0]
        after_word = cost_word.search(following)  # 「第三场4万 都是展位费 差旅没算在里面」: the first word after it
        after_word = after_word if after_word and w["not_covered"].fullmatch(after_word.group(0)) else None
        based = id(f) in getattr(r, "fair_bases", ())  # 「8万（含机票住宿2万）」: read at its eligible part already
        after_word = None if based else after_word
        if words and (not other or words[-1].end() >= other[-1].end()):
            word = words[-1].group(0)
        elif other:
            continue
        elif cur is not None or re.search(FAIR_WORDS, t[: f.start]):
            word = after_word.group(0) if after_word else None  # "剩下4万是机票住宿"
        else:
            continue
        by_cost = re.match(r"(?:的)?那(?:一)?(?:场|个|次)", t[f.end :])
        if cur is None or (by_cost and (cur["costs"] or cur["excluded"])):
            cur = {"region": None, "costs": [], "excluded": []}  # 「…；9万那场在新加坡」: a fair named by its cost
            fairs.append(cur)
        if by_cost and cur.pop("inherited", False) and not cur["costs"]:
            cur["region"] = None  # 「…；9万那场在新加坡」: its place is said after it, not the list's
        cur["by_cost"] = bool(by_cost)
        if word is None and not based and re.search(r"总共|一共|全部|总计|合计|总费用|总花费|共花", window):
            cur.setdefault("lump", []).append(f)  # a total that may hold travel: its parts are asked
        r.use(f)
        if word and w["not_covered"].fullmatch(word.lower()):
            cur["excluded"].append((_travel_name(window + "，" + following, word), f))
        else:
            cost = r.yuan(f, "活动费用")
            if cost is None:  # dollars with no rate said: the yuan amount or the rate is asked
                return True
            cur["costs"].append(cost)
            cur.setdefault("words", []).append(word)
            bound = fair_lower_bounds.said_at_least(t, f)
            if bound:  # 「花了不止10万」: this fair's cost is only a bound
                cur.setdefault("at_least", []).append(bound)
    # the cap is said only of a total that is surely one fair's (「两个…一个在上海一个在迪拜 一共花了9万」 is two)
    one_fair = len(fairs) == 1 and all(int(f.value) <= 1 for f in fair_counts) and named_places(t) <= 1
    for x in fairs:
        if x.get("lump") and len(x["costs"]) == len(x["lump"]):
            total = x["costs"][0]
            x["costs"] = []
            r.out.clarifications.append(
                Clarification(
                    "fair_breakdown",
                    f"这场活动合计{wan(total)}里，哪些是注册费、展位费、布展费、特装费、宣传推广费，各多少？"
                    "（第三条第（五）项只补这些费用，机票、酒店等差旅不在其中）"
                    + (lump_cap_line(x["region"], total) if one_fair else ""),
                    {"region": x["region"], "total": str(total)},
                )
            )
    unpriced = [x for x in fairs if x.get("place") and not (x["costs"] or x["excluded"] or x.get("lump"))]
    fairs = [x for x in fairs if x["costs"] or x["excluded"] or x.get("lump")]
    if not fairs:
        return False
    told = int(fair_counts[0].value) if fair_counts else 0
    announced = any(x.get("announced") for x in unpriced)  # 「…9万6；还有一场国内的展」: one more fair, no cost
    if unpriced and (announced or told == len(fairs) + len(unpriced)) and not r.out.clarifications:
        _ask_unpriced(r, unpriced)
    if _fewer_than_told(r, fairs, unpriced, told, fair_counts):
        return True
    excluded = [
        f"{word}{wan(f.value) if f.currency in (None, 'CNY') else f.raw}" for x in fairs for word, f in x["excluded"]
    ]
    if excluded:
        r.out.notes.append(
            "、".join(excluded) + "不属于第三条第（五）项列明的可补贴费用"
            "（注册费、展位费、布展费、特装费、宣传推广费），不计入补贴基数"
        )
    entries, unknown = [], []
    for x in fairs:
        if not x["costs"]:
            continue
        total = sum(x["costs"], Decimal(0))
        said = [f"{_word(w)}{wan(c)}" for w, c in zip(x.get("words") or [None] * len(x["costs"]), x["costs"])]
        if organiser_fee_unclear(r, x, said, total):
            continue
        if x.get("at_least") and not fair_lower_bounds.at_cap(r, x["region"], total, x["at_least"]):
            continue  # a bound below the cap, or in a place not said: asked
        if len(x["costs"]) > 1:
            r.out.notes.append("同一场活动的" + "、".join(said) + f"合计{wan(total)}" + counted_as(x.get("words")))
        elif counted_as(x.get("words")):
            r.out.notes.append(f"{said[0]}按{policy_kind(x['words'][0])}计")
        if x["region"] is None:
            unknown.append(total)
        else:
            entries.append({"region": x["region"], "cost_cny": total, **cost_parts(x)})
    if entries:
        r.out.fields["fairs"] = entries
    if unknown:
        said = "、".join(wan(v) for v in unknown)
        r.out.clarifications.append(
            Clarification(
                "region",
                f"费用{said}的活动是在境内还是境外举办的？{caps_note()}"
                if len(unknown) == 1
                else f"费用分别为{said}的这几场活动，各是在境内还是境外举办的？{caps_note()}",
                {"entries": [str(v) for v in unknown]},
            )
        )
    return True


def _place_fair() -> str:
    """「日本展」「迪拜那个展」「东京的展」: a fair named by its place (estimate_words.yml places)."""
    from bot.estimate.reading import alternation, estimate_words

    places = estimate_words()["places"]
    return rf"(?:{alternation(list(places['domestic']) + list(places['overseas']))})(?:的|那个|那场|这个|这场)?展(?![开示现望期业])"


_PLACE_FAIR = _place_fair()

CLAUSES = (
    Clause(
        code="3.5",
        name="开拓市场补贴（展会等活动）",
        triggers=r"展会|参展|展位|布展|博览会|交易会|广交会|服贸会|招商引资|经贸交流|开拓市场|境内外活动|"
        r"(境内|境外|国内|国外)(的)?活动|(境内|境外|国内|国外|海外|服务外包|外包)(的)?展(?![开示现望])|"
        # 「新加坡和迪拜两个指定展加起来12万」「跑了两趟展」: a fair counted or said designated
        r"(指定|专业|[个场趟两三四五六七八九十\d])(的)?展(?![开示现望期业])|" + _PLACE_FAIR,
        fields=(
            Field(
                "fairs",
                "参加展会等活动",
                question=question,
                recognised_by="money figures in a clause about 展会/参展/活动; the place (境内/境外, a city or "
                "country of estimate_words.yml) said with them; 每场/合计 decides per event or total; cost words "
                "of estimate_words.yml (展位费… counted, 机票酒店… not)",
                implies_item=True,
                describe=describe,
            ),
        ),
        checklist="开拓市场补贴（参加展会等活动）",
        read=read,
        reads_when=reads_when,
    ),
)
