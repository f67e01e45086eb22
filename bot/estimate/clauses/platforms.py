"""三（九） 公共服务平台补贴 in conversation (calculator/items/platforms.py computes it)."""

import re
from decimal import Decimal

from bot.estimate.parts import correct_named_part, parts_of, without_parts
from bot.estimate.reading import TOTAL_WORDS, Clarification, alternation, each_cost_question, estimate_words

from .base import Clause, Field, wan


_W = estimate_words()["platforms"]


def _words(key: str) -> str:
    return alternation(_W[key])


SAME_PLATFORM = _words("same")
PARTS = _words("parts")  # what one platform's purchase costs are called
SEVERAL = _words("several") + rf"|[两三四五六七八九2-9]{re.escape(_W['counted'])}"
ADDED = _words("added")
REST = rf"({_words('rest')})(的)?\s*$"
PURCHASE_AFTER = rf"\s*(的)?(都|全|全部|全都)?({_words('purchase_verbs')})[^，,。；;]{{0,3}}({_words('purchases')})"
MINE = _words("mine")
BUILT_AFTER = r"\s*(元)?\s*(用于|用来|来|去|用在)?(建|建设|搭建|搭|打造|建了|建成)[^，。；,;\d]{0,16}平台"
OTHERS = _words("others")


def _other_clause(t: str, pos: int, mine: str, others: str) -> bool:
    """Whether the clause (back to its comma or full stop) of the figure at `pos` names another item (在岸、离岸、执行额
    …) after any word of the platform: a figure right after another one there (「在岸今年3.1亿 vs 去年2.6亿」) is that
    item's, though the words between the two figures name nothing."""
    clause = re.split(r"[，,。；;\n]", t[:pos])[-1]
    other = [m.end() for m in re.finditer(others, clause)]
    return bool(other) and max(other) > max([m.end() for m in re.finditer(mine, clause)] or [-1])


def describe(value) -> str:
    return f"公共服务平台{len(value)}个（" + "、".join(wan(c["cost_cny"]) for c in value) + "）"


def read(r):
    """One entry per platform: each 平台 named starts one; costs after it (硬件、软件 …) are its own."""
    t = r.text
    mine, others = MINE, OTHERS
    from knowledge import conditions

    spec = conditions.spec("3.9")  # the costs the clause names, and those it does not (工资, 房租 …)
    not_covered = "|".join(re.escape(w) for w in sorted(spec.get("not_listed", []), key=len, reverse=True))
    groups, last, excluded, words = {}, 0, [], {}
    known_one = len((r.known or {}).get("platforms") or []) == 1
    listed = _platform_entries(r)
    for f in r.figs:
        if f.kind != "money" or id(f) in r.used:
            if f.kind == "money":
                last = f.end
            continue
        entry = listed.get(f.start)
        if entry is not None and f.currency != "USD" and _not_a_purchase(entry, not_covered):
            said = re.sub(r"^(另外|此外|还有|以及|再加上|加上)", "", entry.lead or entry.label) or entry.label
            excluded.append(f"{said}{wan(f.value)}")  # 「讲师费30万」「场地房租60万」 as typed
            r.use(f)
            last = f.end
            continue
        window = t[last : f.start]
        last = f.end
        m_mine = [m.end() for m in re.finditer(mine, window)]
        m_other = [m.end() for m in re.finditer(others, window)]
        m_not = list(re.finditer(not_covered, window))
        # 「自研实训系统的开发投入120万」: 投入 inside a cost the clause does not list names no purchase
        m_mine = [e for e in m_mine if not any(n.start() < e <= n.end() and n.end() - n.start() > 2 for n in m_not)]
        # 「场地租金 60」 among a platform's costs: 租 names the platform's rent, no other item
        if "3.8.3" not in r.items:
            m_other = [e for e in m_other if not any(n.start() < e <= n.end() for n in m_not)]
        following = re.split(r"[，,。；;]|\d", t[f.end : f.end + 12])[0]
        if (
            not m_not
            and (groups or _about_a_platform(r))
            and re.search(rf"^\s*(是|为|都是|用于|花在|属于|is|are)\s*[^，,。；;]{{0,3}}({not_covered})", following)
        ):  # 「the rest 200万 is 工资」 too
            said = re.sub(r"^\s*(是|为|都是|用于|花在|属于|is|are)\s*", "", following).split()[
                0
            ]  # 「其余160万是人工和房租」, as typed
            excluded.append(f"{said}{wan(f.value)}")
            r.use(f)
            continue
        rest_bought = (
            (excluded or groups or known_one) and re.search(REST, window) and re.match(PURCHASE_AFTER, following)
        )
        if (
            m_not
            and not rest_bought
            and r.pending == "platforms"
            and m_not[-1].end() >= max(m_other or [-1])
            and m_not[-1].end() > max(m_mine or [-1])
        ):
            excluded.append(
                f"{m_not[-1].group(0)}{wan(f.value)}"
            )  # 「另外平台场地租金一年60万」 answering for the platform
            r.use(f)
            continue
        if re.match(BUILT_AFTER, t[f.end :]) and not (m_other and max(m_other) == len(window)):
            m_mine = [len(window)]  # 「投了150万建服务外包公共培训服务平台」: the platform is named after its cost
        if rest_bought:
            m_mine = [len(window)]  # 「其中200万是人工和房租 余下300万都是硬件和软件」: the purchase part of the total
        dollars = f.currency == "USD" and not (m_mine and r.dollar_cost(f, mine, others))  # 「设备10万美元」: a cost
        if dollars or (m_other and max(m_other) > max(m_mine or [-1])):
            continue
        if not m_mine and not (m_not and not m_other) and _other_clause(t, f.start, mine, others):
            continue  # 「另外在岸今年3.1亿 vs 去年2.6亿」: last year's business, in the clause that names it
        fee = _fee_named(window)
        if fee and not m_not and (groups or r.pending == "platforms"):
            excluded.append(f"{fee}{wan(f.value)}")  # 「另外付了讲师费30万」: a fee paid, not a platform's purchase
            r.use(f)
            continue
        if m_not and m_not[-1].end() > max(m_mine or [-1]) and (groups or _about_a_platform(r)):
            excluded.append(f"{m_not[-1].group(0)}{wan(f.value)}")  # 「还有研发人员工资150万」: not a purchase
            r.use(f)
            continue
        # 「平台一共投入480万，包括：服务器200万…」: a part of the platform's total set aside (whole_of_parts.py) is its own
        of_whole = id(f) in getattr(r, "whole_parts", ()) and _about_a_platform(r)
        if not m_mine and r.pending != "platforms" and not groups and not of_whole:
            continue
        mention = [m.start() for m in re.finditer(r"平台", t[: f.start])]
        key = mention[-1] if mention else ("figure", f.start)
        if not mention and re.search(PARTS, window) and not re.search(SEVERAL, t):
            key = "the platform told"  # 「服务器等硬件380万，机房配套设施75万，正版软件95万」: one platform's purchases
        if (not re.search(r"平台", t) or re.search(SAME_PLATFORM, t)) and len(
            (r.known or {}).get("platforms") or []
        ) == 1:
            key = "the one platform"  # 「服务器300万 正版软件100万」 after one platform: that platform's costs
        if mention and re.search(r"平台", window) is None and key in groups and re.search(r"另|还有|一个", window):
            key = ("figure", f.start)
        if mention and groups and window.count("平台") == 1 and _platform_own_cost(t, mention[-1], f.start):
            key = list(groups)[-1]  # 「…硬件260万 平台软件授权费20万」: the platform's own cost, not a second platform
        if mention and re.search(r"分别|各自", t[mention[-1] : f.start]):
            key = ("figure", f.start)  # 「两个平台分别投入800万和500万」: one figure each
        groups.setdefault(key, []).append(f)
        named = re.findall(PARTS, window)
        joined = len(set(named)) > 1 and re.search(r"[、和及与/]|以及", window)  # 「硬件和软件300万」: no one part
        words[id(f)] = named[-1] if named and not joined else None
    if excluded:
        r.out.notes.append(
            "、".join(excluded) + f"不在第三条第（九）项列明的购置费用内（{'、'.join(spec['eligible_costs'])}），"
            "不计入补贴基数；是否可以计入以市商务局的实施细则为准"
        )
    if not groups:
        return
    if len(groups) == 1 and (
        _total_with_other_costs(r, next(iter(groups.values())), not_covered, spec)
        or _whole_investment(r, next(iter(groups.values())), spec)
        or _total_with_parts_inside(r, next(iter(groups.values())), spec)
    ):
        return
    groups = _one_per_counted_platform(r, groups)
    eligible = r"硬件|设备|设施|软件|服务器|机房|购置|采购|购买|买"
    # each cost in yuan: another currency's at the user's own rate (said in a note), else asked and nothing estimated
    yuan = {id(f): r.yuan(f, "平台费用") for figs in groups.values() for f in figs}
    if any(v is None for v in yuan.values()):
        for figs in groups.values():
            for f in figs:
                r.use(f)
        return
    costs, named_parts = [], []  # 「硬件85万 软件35万」: the platform's parts by name, for a later correction of one
    for figs in groups.values():
        for f in figs:
            r.use(f)
        total = sum((yuan[id(f)] for f in figs), Decimal(0))
        if len(figs) > 1:
            r.out.notes.append("同一个平台的" + "、".join(wan(f.value) for f in figs) + f"合计{wan(total)}")
        costs.append(total)
        named = parts_of([words.get(id(f)) for f in figs], [yuan[id(f)] for f in figs])
        # 「服务器260万 正版数据库授权90万 配套30万」 with no part named by PARTS: the figures summed kept, so that
        # 「数据库授权是70万 不是90万」 corrects that one figure (bot/estimate/corrections.py), never the whole platform
        named_parts.append(named or ({"_told": [yuan[id(f)] for f in figs]} if len(figs) > 1 else {}))
    counts = [
        f
        for f in r.unused("count")
        if re.search(r"个", f.unit or f.raw or "") and re.search(r"平台", t[f.end : f.end + 8])
    ]
    n = int(counts[0].value) if counts else None
    if len(costs) == 1 and n and n > 1:
        # 「每个平台800万」「各投入800万」: 每个/各 said before the cost; 「各补多少」 after it asks each award, and costs
        # told in parts (「硬件500万 软件300万」) are not said to be each platform's
        said = t[: max(f.end for f in next(iter(groups.values())))]
        single = len(next(iter(groups.values()))) == 1
        per = "each" if single and re.search(r"每个|各", said) else "total" if re.search(TOTAL_WORDS, t) else None
        r.use(counts[0])
        if per == "each":
            costs = costs * n
        elif per == "total":
            r.out.clarifications.append(each_cost_question("platform", n, costs[0], "个平台", "建设费用"))
            return
        else:
            r.out.clarifications.append(
                Clarification(
                    "per_or_total",
                    f"{wan(costs[0])}是每个平台的费用，还是{n}个平台合计的费用？",
                    {"kind": "platform", "count": n, "value": str(costs[0])},
                )
            )
            return
    eligible = r"硬件|设备|设施|软件|服务器|机房|购置|采购|购买|买"
    if not re.search(eligible, t) and r.pending != "platforms":
        # 「平台投入800万」: counted as purchase costs, and said so (工资、租金 are not paid for)
        r.out.notes.append(
            f"按平台费用全部为第三条第（九）项列明的购置费用（{'、'.join(spec['eligible_costs'])}）计算；"
            "其中如有人员工资、场地租金等，请告诉我扣除"
        )
    known = (r.known or {}).get("platforms") or []
    if re.search(SAME_PLATFORM, t) and len(known) == 1 and len(costs) == 1 and re.search(ADDED, t):
        # 「同一个平台还买了100万的正版软件」: more purchases of the platform told before, added to its cost
        total = known[0]["cost_cny"] + costs[0]
        r.out.notes.append(f"同一个平台的购置费用{wan(known[0]['cost_cny'])}加{wan(costs[0])}，合计{wan(total)}")
        r.out.fields["platforms"] = [dict(without_parts(known[0]), cost_cny=total)]
        r.out.fields["_whole_platforms"] = True
        return
    if len(named_parts) != len(costs):
        named_parts = [{}] * len(costs)
    r.out.fields["platforms"] = [{"cost_cny": v, **p} for v, p in zip(costs, named_parts)]


def _about_a_platform(r) -> bool:
    """Whether the message is about a platform: it names one, or it is read for 三（九） (the topic of the question it
    came with, 「想建个公共技术服务平台」 said in a part of its own): a cost it does not list is named, never bought."""
    return bool(re.search(r"平台", r.text)) or "3.9" in r.items


def _platform_own_cost(t: str, at: int, end: int) -> bool:
    """「平台软件授权费20万」「平台的配套设施30万」 after a platform's costs, in a message naming one platform: 平台 opens
    the label of a cost (a separator before it, no 建/另/个 in the label), the cost of the platform told, never a new
    platform. 「培训服务平台硬件50万」 (a platform's name before 平台) and 「两个平台」 are left as they are."""
    if re.search(SEVERAL, t) or at > 0 and not re.match(r"[\s，,、；;。]", t[at - 1]):
        return False
    if re.match(r"平台\s*[A-Za-z0-9甲乙丙丁一二三四五六七八九十]", t[at:]):
        return False  # 「两个公共服务平台 平台A 信息化硬件450万 平台B…」: 平台A names a platform of its own
    return bool(re.fullmatch(r"平台的?(?:(?!建|另|个|第)[^\d，,。；;])*", t[at:end])) and at + 2 < end


# what may stand between two platforms' costs listed bare: 「一千二百万 九百万 八百万」「1200万、900万和800万」
_BARE_LIST_GAP = re.compile(r"[\s、，,/和及与]*(?:以及)?[\s、，,/]*")


def _one_per_counted_platform(r, groups: dict) -> dict:
    """「建了三个公共服务平台 一千二百万 九百万 八百万」: as many costs, listed bare after the count of platforms, as
    platforms counted are one cost each, never one platform's parts summed."""
    t = r.text
    counted = [
        f
        for f in r.figs
        if f.kind == "count" and "个" in (f.unit or f.raw or "") and re.match(r"[^，,。；;0-9]{0,6}平台", t[f.end :])
    ]
    out = {}
    for key, figs in groups.items():
        n = next((int(c.value) for c in counted if c.end <= figs[0].start), None)
        bare = all(_BARE_LIST_GAP.fullmatch(t, a.end, b.start) for a, b in zip(figs, figs[1:]))
        if len(figs) > 1 and n in (None, len(figs)) and _labelled_apart(r, figs):
            for f in figs:
                out[("figure", f.start)] = [f]  # 「两个平台。A 硬件加正版软件 900w。B 350w」: A's and B's own costs
        elif len(figs) > 1 and n == len(figs) and bare:
            for f in figs:
                out[("figure", f.start)] = [f]
        else:
            out[key] = figs
    return out


# a label that names one of several platforms at the start of a phrase: 「A 900万」「甲 350万」「一号 500万」「第二个 300万」
_LABEL = re.compile(
    r"(?:^|[\s，,。；;、:：])(?P<label>[A-Za-z]|[甲乙丙丁戊]|[一二三四五六七八九1-9]号|第[一二三四五六七八九1-9]个?)"
    r"(?![A-Za-z])\s*(?:平台)?\s*[:：]?"
)


def _labelled_apart(r, figs: list) -> bool:
    """Whether each of the costs `figs`, said after one mention of 平台, follows a label of its own at the start of its
    phrase, all labels different (「两个公共服务平台。A 硬件加正版软件 900w。B 350w」): one platform each, never one
    platform's costs summed (and never that sum taken again for each platform counted)."""
    t = r.text
    ends = sorted([g.end for g in r.figs if g.kind == "money"] + [m.end() for m in re.finditer(r"平台", t)])
    labels = []
    for f in figs:
        start = max([e for e in ends if e <= f.start], default=0)
        found = [m.group("label") for m in _LABEL.finditer(t, start, f.start)]
        if not found:
            return False
        labels.append(found[0].upper())
    return len(set(labels)) == len(labels)


def _platform_entries(r) -> dict:
    """{start of a figure: its entry} for the lists of a platform's costs (bot/estimate/lists.py): a list whose header
    or entries name a 平台 (「培训服务平台 硬件120万 正版软件40万 讲师费30万」), or that answers the platform question."""
    from bot.estimate import lists

    out = {}
    for lst in lists.figure_lists(r.text, r.figs):
        if re.search(r"平台", lst.text) or (r.pending == "platforms" and len(lst.entries) > 1):
            out.update({e.figure.start: e for e in lst.entries})
    return out


# a fee named right before a figure (「讲师费」「课酬费用」, then 是/花了/付了 …): the fee's words, no digits or clause breaks
_FEE = re.compile(
    r"([^\s，,。；;、：:\d了付花交出]{1,8}?(?:费用|费|支出|成本|开销))"
    r"(?:另外|另|还|又|单独|额外|是|为|花了|付了|支付了|支付|付|花|共|一共|大概|大约|约|有)*\s*$"
)


def _fee_named(window: str):
    """The fee named right before a platform's figure (「另外付了讲师费」→ 讲师费) when it is no purchase: a fee whose
    words name no hardware, facilities or software and no purchase (「软件授权费」「设备购置费」「平台建设费」 are costs of
    the platform); None otherwise."""
    m = _FEE.search(window)
    if not m or re.search(rf"{PARTS}|平台|购置|采购|购买|投入|投资|建设|总|合计", m.group(1)):
        return None
    return re.sub(r"^(再加上|还有|另外|此外|以及|加上|还|另)", "", m.group(1)) or m.group(1)


def _not_a_purchase(entry, not_covered: str) -> bool:
    """An entry of a platform's list whose own words name a cost 三（九） does not list (conditions.yml `not_listed`:
    工资、房租 …), or a fee that is no purchase (「讲师费」「运维费」: 费 with no hardware, facilities or software named)."""
    label = re.sub(r"[（(][^（）()]*[）)]", "", entry.label)
    if re.search(PARTS, label) and not re.search(not_covered, entry.lead or label):
        return False
    if re.search(not_covered, label):
        return True
    lead = entry.lead or label
    return bool(re.search(r"(费|费用|支出|成本)$", lead)) and not re.search(
        rf"{PARTS}|平台|购置|采购|购买|投入|投资|建设|总", lead
    )


def correct_part(platforms: list, text: str):
    """「软件其实是53万」 after a platform told as 硬件85万、软件35万: that part replaced, the platform's total
    recomputed (85万 + 53万), never the whole platform replaced by 53万; None when no one platform told
    part by part holds every part named."""
    return correct_named_part(platforms, text, re.compile(PARTS))


LISTING_ENDS = r"[，,。；;！!？?]|\s*(补贴|补助|奖励|能补|能拿|可以|请问|帮|算|一共|合计|总共|多少)"
INCLUDES = re.compile(r"(里面|其中|这里面|当中|包括|包含|含有|含了|含)(有|了)?")


def _total_with_other_costs(r, figs, not_covered: str, spec: dict) -> bool:
    """「平台总投资800万，里面有人员工资、场地装修、服务器、正版软件这些」: a total said to include costs the
    clause does not list, with no figure for them, is no purchase cost: the purchase part of it is asked,
    naming the total (never the whole total × 30%)."""
    if len(figs) != 1:
        return False
    f = figs[0]
    later = [g.start for g in r.figs if g.kind == "money" and g.start > f.end]
    after = r.text[f.end : min(later + [len(r.text)])]
    m = INCLUDES.search(after)
    told = re.match(rf"[，,\s]*([^，,。；;！!？?\d]{{2,40}}?)({_words('included_after')})", after)
    if told:  # 「900万，装修、人员、服务器、软件都有」「人工 房租 服务器都在里面」: the list before 都有/都在里面
        listing = told.group(1)
    elif m:
        listing = re.split(LISTING_ENDS, re.sub(r"^\s*(包括|包含|含有|含了|含)?(有|了)?", "", after[m.end() :]))[0]
    else:
        return False
    # 「里面有装修 人员工资 也有服务器和软件 补贴是多少」: the whole list, spaces between its parts, up to the question
    parts = [p for p in re.split(r"、|和|跟|及|以及|还有|也有|/|\s+", re.sub(r"(这些|等等|等)\s*$", "", listing)) if p]
    others = [p for p in parts if re.search(not_covered, p)]
    if not others:
        return False
    _ask_purchase_part(
        r,
        f,
        f"平台费用{wan(f.value)}里包括{'、'.join(others)}，这些不在第三条第（九）项列明的购置费用内"
        f"（{'、'.join(spec['eligible_costs'])}），不能按{wan(f.value)}全额计算。",
    )
    return True


def _total_with_parts_inside(r, figs, spec: dict) -> bool:
    """「平台总投入650万 其中硬件300万 软件120万」: parts said inside the platform's total that do not add up to it
    (whole_of_parts.partial): the parts are never added to the total, and the rest of it is no known purchase — the
    purchase part is asked, naming the total and the parts (kept with the question, so 「其余230万是工资和房租」 answers
    it)."""
    from bot.estimate import whole_of_parts

    for total, parts in whole_of_parts.partial(r.text, r.figs):
        if total not in figs:
            continue
        for p in parts:
            r.use(p)
        told = r.text[total.end : parts[-1].end]
        told = re.sub(rf"^[^\d]*?(?:{alternation(estimate_words()['whole_of_parts']['open'])})[\s:：，,]*", "", told)
        rest = total.value - sum((p.value for p in parts), Decimal(0))
        _ask_purchase_part(
            r,
            total,
            f"平台费用{wan(total.value)}里您列了{told.strip()}，其余{wan(rest)}未说明是什么费用；第三条第（九）项只补贴"
            f"{'、'.join(spec['eligible_costs'])}。",
        )
        r.out.clarifications[-1].data["told"] = told.strip()
        return True
    return False


def told_with_rest(data: dict, answer: str, figures_of) -> str:
    """The parts told with the total (「硬件300万 软件120万」) when the answer to the purchase-part question speaks of the
    rest (「其余230万是工资和房租」「剩下的也是设备」: read with them), else "" (「购置费用就这550万」: the answer alone)."""
    from bot.estimate.reading import english_to_chinese

    told = data.get("told") or ""
    if not told or not re.search(_words("rest"), english_to_chinese(answer)):
        return ""
    said = sum((f.value for f in figures_of(told) if f.kind == "money" and f.value), Decimal(0))
    rest = Decimal(str(data.get("total") or 0)) - said
    if any(f.kind == "money" and f.value and f.value > rest for f in figures_of(answer)):
        return ""
    return told


def _ask_purchase_part(r, f, why: str) -> None:
    """Asks for the purchase part of the platform cost `f` (the figure is used), after `why` it is not all of it."""
    r.use(f)
    r.out.clarifications.append(
        Clarification(
            "platform_breakdown",
            why + f"{wan(f.value)}中信息化硬件设备、配套设施和正版软件的购置费用是多少元？",
            {"kind": "platform", "total": str(f.value)},
        )
    )


def _whole_investment(r, figs, spec: dict) -> bool:
    """「平台总投入500万 补贴能给多少」: a platform's whole investment (estimate_words.yml platforms `whole`), with no
    purchase named anywhere, holds costs 三（九） does not list (工资、房租 …) as well as its purchases: the purchase
    part is asked, naming the total, never the whole × 30%."""
    if len(figs) != 1 or r.pending == "platforms":
        return False
    f = figs[0]
    if not re.search(rf"({_words('whole')})[^，,。；;\d]{{0,3}}$", r.text[max(0, f.start - 10) : f.start]):
        return False
    if re.search(rf"{PARTS}|购置|采购|购买", r.text):
        return False
    _ask_purchase_part(
        r,
        f,
        f"平台总投入{wan(f.value)}：第三条第（九）项只补贴其中的{'、'.join(spec['eligible_costs'])}，"
        f"人员工资、场地租金等不计入，所以不能按{wan(f.value)}全额计算。",
    )
    return True


CLAUSES = (
    Clause(
        code="3.9",
        name="公共服务平台补贴",
        triggers=r"平台",
        fields=(
            Field(
                "platforms",
                "公共服务平台",
                question="建设了几个公共服务平台？每个平台的信息化硬件设备、配套设施和正版软件购置费用是多少元？",
                recognised_by="yuan figures after 平台/硬件/设备/软件/购置: each 平台 named starts one platform, "
                "the costs after it are its own",
                implies_item=True,
                describe=describe,
            ),
        ),
        checklist="公共服务平台补贴",
        read=read,
        reads_when=lambda reader: reader.pending in ("platforms",) or "3.9" in reader.items,
    ),
)


INSIDE = re.compile(r"里面|里头|其中|这里面|当中|之中|里")


def take_out(platforms: list, text: str):
    """「那380万里有45万其实是员工加班费 … 去掉以后重新算下」 after a platform of 380万: the part that is no purchase
    cost of 三（九） (conditions.yml `not_listed`) taken out of that platform (380万 − 45万), returned with the note
    that names it; None when the message does not say a part of a platform told is such a cost."""
    from bot.estimate.reading import figures
    from knowledge import conditions

    spec = conditions.spec("3.9")
    money = [f for f in figures(text) if f.kind == "money" and f.value]
    if len(money) != 2 or any(f.currency not in (None, "CNY") for f in money):
        return None
    total, part = money
    if not INSIDE.search(text[total.end : part.start]) or part.value >= total.value:
        return None
    said = re.split(r"[，,。；;！!？?\s]", text[part.end : part.end + 16].strip())[0]
    named = re.search(alternation(spec.get("not_listed", [])), said)
    holders = [i for i, p in enumerate(platforms) if Decimal(str(p.get("cost_cny"))) == total.value]
    if not named or len(holders) != 1:
        return None
    left = total.value - part.value
    entries = [dict(p) for p in platforms]
    entries[holders[0]] = dict(without_parts(entries[holders[0]]), cost_cny=left)
    what = re.sub(r"^\s*(其实|实际上|实际|都|全)?\s*(是|为|属于)", "", said).strip() or named.group(0)
    note = (
        f"{what}{wan(part.value)}不属于第三条第（九）项列明的可补贴费用（{'、'.join(spec['eligible_costs'])}），"
        f"不计入补贴基数：按{wan(total.value)} − {wan(part.value)} = {wan(left)}计算"
    )
    return entries, note


def without_restated_total(text: str, total) -> str:
    """The answer to the purchase-part question without the total it restates (「500万里有120万是人员工资 其余380万
    是硬件」: 500万 is the total asked about, not one more cost)."""
    from bot.estimate.reading import figures

    if total is None:
        return text
    for f in reversed(figures(text)):
        if f.kind == "money" and f.value == Decimal(str(total)) and INSIDE.match(text, f.end):
            text = text[: f.start] + "平台费用" + text[f.end :]
    return text
