"""Fairs named by letters, each letter (or letters listed together) with its own sentence: 「4个展：A、B两场都是指定的
国内展，各花了2万；C也是指定的国内展，花了3万，不过这场已经用市里另一个会展扶持政策拿过补贴了；D是行业协会自己办的，
不在商务部门指定范围内，花了2.6万」.

The words from one letter group to the next are those fairs' own: their costs (各/每场/都 share one cost among the
letters listed; as many costs as letters are one each; one letter's several costs are its parts), their region, and
whether they are designated (facts.yml fair_designated) or already subsidised under another policy of the city
(routes.yml claimed_elsewhere, 第四条第（三）项 不得重复申报). A fair left out is named with the rule that leaves it
out; the others are counted. Nothing is read here (the other readers go on) when the letters are not as many as the
fairs counted, or when no letter group has a cost."""

import re
from decimal import Decimal
from functools import lru_cache

EACH = r"各|每场|每个|分别|都是|都|均"


@lru_cache(maxsize=1)
def _letter() -> re.Pattern:
    from bot.estimate.reading import estimate_words

    letters = "".join(estimate_words()["fair_labels"]["letters"])
    return re.compile(
        rf"(?:(?<=^)|(?<=[:：,，;；。、和与及跟/\s])|(?<=还有)|(?<=另外)|(?<=以及))(?P<l>[{letters}])(?![A-Za-z0-9])"
        rf"(?=\s*(?:[、和与及跟/]\s*[{letters}](?![A-Za-z0-9])|也|是|这|那|展|场|[:：,，]|的|在|花|参|去|[两俩一二三四五六七八九十\d]|都|各))",
        re.I,
    )


def groups(text: str) -> list:
    """(start, letters) of each group of letters naming fairs (「a、b两场…」 is one group of two), in order; [] unless
    two groups at least and the letters run in order from the first (a, b, c … or 甲, 乙, 丙 …)."""
    from bot.estimate.reading import estimate_words

    order = [str(x).lower() for x in estimate_words()["fair_labels"]["letters"]]
    found = [(m.start(), m.end(), m.group("l").lower()) for m in _letter().finditer(text)]
    if not found:
        return _numbered(text)
    out: list = []
    for start, end, letter in found:
        if out and re.fullmatch(r"\s*[、和与及跟/]\s*", text[out[-1][2] : start]):
            out[-1] = (out[-1][0], out[-1][1] + [letter], end)
        else:
            out.append((start, [letter], end))
    said = [x for _, letters, _ in out for x in letters]
    if len(out) < 2 or len(set(said)) != len(said):
        return []
    first = order.index(said[0])
    if said != order[first : first + len(said)] or said[0] not in ("a", "甲"):
        return []
    return [(start, letters) for start, letters, _ in out]


def _numbered(text: str) -> list:
    """The numbered items of `text` (bot/estimate/fair_items.py) when each tells a fair, with the fairs told unnumbered
    on a region heading's line among them (「境外：新加坡服务贸易展 8.0；吉隆坡那个…花了4.0」, _heading_items): [] when
    one names another item's figures (「1）执行额…2）展会…3）ITSS…」, a whole company's list, is left to the other
    readers)."""
    from bot.estimate import fair_items

    found = fair_items.groups(text)
    if found:
        found = sorted(found + _heading_items(text, found))
    if any(_names_other_item(text[s:e]) for s, e, _ in _segments(text, found)):
        return []
    return found


def _names_other_item(words: str) -> bool:
    """Whether an item's words name another item's figures: an item word (执行额, 认证, 软件 …) that is no part of a
    fair's name (「成都软件交易会 1.6」「服务外包人才交流会」 are fairs; 「另外CCRC认证费12万」 is not)."""
    from bot.estimate.reading import FAIR_WORDS, OTHER_ITEM_WORDS

    for m in re.finditer(OTHER_ITEM_WORDS, words, re.I):
        if not re.match(
            rf"[^\d，,。；;！!？?\s]{{0,6}}?(?:{FAIR_WORDS}|大会|对接会|洽谈会|投洽会|会)", words[m.end() :]
        ):
            return True
    return False


def _heading_items(text: str, found: list) -> list:
    """(start, [label]) of each fair told unnumbered after a region heading of a numbered list, on the heading's
    own line (「境外：新加坡服务贸易展 8.0（商务厅组团）；吉隆坡那个…花了4.0」): one fair per phrase ended by a
    semicolon that holds a money figure, a phrase opened by another place after a figure starting another fair."""
    from bot.estimate import fair_items
    from bot.estimate.reading import region_mentions
    from calculator.figures_zh import parse_figures

    out = []
    for _, end, region in fair_items.headings(text):
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if any(end <= s < line_end for s, _ in found):
            continue  # the heading's line is numbered itself
        k, start = 0, end
        for piece in re.finditer(r"[^;；]+", text[end:line_end]):
            a = end + piece.start()
            clauses = [m.start() + a for m in re.finditer(r"[^,，]+", piece.group(0))]
            starts = [clauses[0]]
            for c in clauses[1:]:  # 「新加坡8万，吉隆坡4万」: a place opening a clause after a figure starts a fair
                before = [f for f in parse_figures(text[starts[-1] : c]) if f.kind == "money"]
                at_place = any(m_start == 0 for m_start, _, _ in region_mentions(text[c : c + 12].lstrip()))
                if before and at_place:
                    starts.append(c)
            for s0, s1 in zip(starts, starts[1:] + [a + len(piece.group(0))]):
                if any(f.kind == "money" for f in parse_figures(text[s0:s1])):
                    k += 1
                    lead = len(text[s0:s1]) - len(text[s0:s1].lstrip())
                    out.append((s0 + lead, [f"{fair_items.REGION_LABELS[region]}{k}"]))
        del start
    return out if len(out) + len(found) >= 2 else []


# a line after an item that speaks of the items before it (「以上境内12场都是商务部门指定的。」「上面这些都是指定展会」):
# it is read with the last item's words, where fair_items.spread_back gives its verdict to the items it names
_BACK_LINE = re.compile(r"(以上|上面|上述|前面|这些|这几|这[两二三四五六七八九十\d]+)")


def _segments(text: str, found: list) -> list:
    """(start, end, letters) of each letter group's own words: up to the next group, or the end of its line (and a
    following line that speaks back of the items, _BACK_LINE)."""
    ends = [s for s, _ in found[1:]] + [len(text)]
    out = []
    for (s, letters), e in zip(found, ends):
        line = text.find("\n", s, e)
        if line >= 0:
            nxt = text.find("\n", line + 1)
            nxt = len(text) if nxt < 0 else nxt
            if (
                nxt <= e
                and _BACK_LINE.match(text[line + 1 : nxt].lstrip())
                and not re.search(r"\d+(?:\.\d+)?\s*万|元", text[line + 1 : nxt])
            ):
                line = nxt
        out.append((s, line if line >= 0 else e, letters))
    return out


def heading_of(text: str, at: int, found: list) -> "str | None":
    """The region of the heading line last said before `at` when the list has heading lines, else None."""
    from bot.estimate import fair_items

    heads = [region for h, _, region in fair_items.headings(text) if h < at]
    return heads[-1] if heads else None


def verdicts(text: str) -> list:
    """(words, designated: True/False/None) of each letter group of `text` ([] when it names no fairs by letters)."""
    from bot.estimate.fair_designation import designation_said

    from bot.estimate.fair_items import spread_back

    words = [text[s:e] for s, e, _ in _segments(text, groups(text))]
    return list(zip(words, spread_back(words, [designation_said(w) for w in words])))


_REGION_WORD = r"(?:的)?(?:都是|都在|是|在|为|属于)?(?:的)?\s*(境内|国内|省内|境外|国外|海外)"
_ORDINAL_REGION = re.compile(
    rf"(?P<w>前|后|第)(?P<n>\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})\s*(?:个|场|项|次|趟)?{_REGION_WORD}"
    rf"|(?P<rest>其余|剩下|其他|其它|另外)(?:的)?(?:几|两|\d)?\s*(?:个|场|项)?(?:都|也)?{_REGION_WORD}"
)


def ordinal_regions(text: str, n: int) -> dict:
    """{index: region} the words after a list give its items by their order: 「前两个国内，第三个境外」「后两个是国外的」
    「第一个在境外，其余都是国内的」; {} when they give none, or one beyond the list."""
    from calculator.figures_zh import numeral_value

    out: dict = {}
    rest = None
    for m in _ORDINAL_REGION.finditer(text):
        said = m.group(3) or m.group(5)
        region = "domestic" if said in ("境内", "国内", "省内") else "overseas"
        if m.group("rest"):
            rest = region
            continue
        k = int(numeral_value(m.group("n")))
        if not 1 <= k <= n:
            return {}
        picked = range(k) if m.group("w") == "前" else range(n - k, n) if m.group("w") == "后" else [k - 1]
        for i in picked:
            out.setdefault(i, region)
    if rest and out:
        for i in range(n):
            out.setdefault(i, rest)
    return out


def _other_things(r, segments: list) -> bool:
    """Whether a letter group's words go on to tell more than its fairs: another batch of fairs counted (「…；境外展会
    1场（新加坡）…」) or another item's figures (「另外CCRC认证费12万」): the message is then left to the other readers."""
    from bot.estimate.clauses.market_fairs import counts_fairs

    for s, e, _ in segments:
        for f in r.figs:
            if not s <= f.start < e or f.kind != "count" or not re.search(r"场|次|个", f.unit or ""):
                continue
            if re.fullmatch(r"[a-e甲乙丙丁戊、和与及跟/\s]*", r.text[s : f.start], re.I):
                continue  # 「a、b两场」: the group's own count
            if re.search(r"(?:以上|上面|上述|前面|这些|这)(?:境内|国内|境外|国外|海外)?(?:的)?$", r.text[s : f.start]):
                continue  # 「以上境内12场都是指定的」: the items told, counted again
            if counts_fairs(r.text, f) or re.search(r"场|次", f.unit or ""):
                return True
        if _names_other_item(r.text[s:e]):
            return True
    return False


def _words(text: str) -> str:
    """A group's words as named in a note: its question taken off (「…花了2.6万。这次能补多少？」)."""
    from bot.estimate.fair_designation import ASKED

    words = ASKED.sub("", re.split(r"[。？?！!]", text)[0]).strip(" ，,；;、").replace(",", "，")
    # a table's row (bot/estimate/tables.py read_fair_tables): 「3. 「某行业年会」(境内，…)」 named by its name
    row = re.match(r"\d{1,2}\.\s*「([^」]*)」\s*", words)
    if row:
        words = (row.group(1) + words[row.end() :]).replace("(", "（").replace(")", "）")
    head = re.match(r"[a-e](?:\s*[、和与及跟/]\s*[a-e])*(?![a-z])", words)  # the letters as people write them: A、B
    return head.group(0).upper() + words[head.end() :] if head else words


def _named(fair: dict) -> str:
    """How a question names a fair: its letter, or a table's row by its name (「1. 「华交会」…」 → 「华交会」)."""
    row = re.match(r"\s*\d{1,2}\.\s*「([^」]*)」", fair.get("words") or "")
    return f"“{row.group(1)}”" if row else fair["name"].upper()


def read(r) -> bool:
    """The fairs of a message told letter by letter, into r.out.fields["fairs"] (those left out named); False when the
    message is not so told (nothing used then)."""
    from bot.estimate import fair_roles
    from bot.estimate.clauses.market_fairs import counts_fairs, region_of
    from bot.estimate.reading import wan

    t = r.text
    found = groups(t)
    if not found:
        return False
    counted = [f for f in r.figs if counts_fairs(t, f) and f.end <= found[0][0]]
    letters = sum(len(x) for _, x in found)
    if counted and int(counted[0].value) != letters:
        return False
    if _other_things(r, _segments(t, found)):
        return False
    heading = region_of(r, t[: found[0][0]])
    segments = _segments(t, found)
    after = t[segments[-1][1] :]  # 「…\n都是指定的国内展」: a line after the list said of every item
    if heading is None and re.search(r"都|全|均", after) and not any(f.start >= segments[-1][1] for f in r.figs):
        heading = region_of(r, after)
    fairs, asks = [], []
    for s, e, names in segments:
        seg = t[s:e]
        under = heading_of(
            t, s, found
        )  # 「境内：\n1 …\n境外：\n1 …」: the heading line above the item names its region
        moneys = [
            f
            for f in r.figs
            if f.kind == "money"
            and s <= f.start < e
            and not (
                f.start == s and re.fullmatch(r"\d{1,2}", f.raw or "")
            )  # 「1 服贸会 境内 2.8万」: the item's number
            and id(f) not in r.used
            and not fair_roles.business_amount(t, r.figs, f, r.pending)
        ]
        fairs.append(
            {
                "names": names,
                "start": s,
                "words": seg,
                "moneys": moneys,
                "region": under or region_of(r, seg) or heading,
            }
        )
    if not any(x["moneys"] for x in fairs):
        return False
    for i, region in ordinal_regions(t[segments[-1][0] :], len(fairs)).items():  # 「前两个国内，第三个境外」
        fairs[i]["region"] = fairs[i]["region"] or region
    r.fairs_by_item = True  # each item's designation and other subsidies are read here, from its own words
    out = []
    for x in fairs:
        x["moneys"] = _eligible(r, x["start"], x["moneys"])
        costs = [r.yuan(f, "活动费用") for f in x["moneys"]]
        for f in x["moneys"]:
            r.use(f)
        if any(c is None for c in costs):
            return True  # a foreign cost with no rate: asked (Reader.yuan)
        k = len(x["names"])
        shared = len(costs) == 1 and (k == 1 or re.search(EACH, t[x["start"] : x["moneys"][0].start]))
        if not costs or not (k == 1 or shared or len(costs) == k):
            asks.append(x)
            continue
        values = [sum(costs, Decimal(0))] if k == 1 else costs * k if len(costs) == 1 else costs
        if k == 1 and len(costs) > 1:  # 「2、注册费1000 展位费1000」: one fair's parts, each with its word, summed
            r.out.notes.append(f"同一场活动的{'、'.join(_parts_said(r, x, costs))}合计{wan(values[0])}")
        out += [dict(x, cost=v, name=n) for n, v in zip(x["names"], values)]
    _settle(r, out, asks)
    return True


def _parts_said(r, x: dict, costs: list) -> list:
    """Each cost of one fair with the cost word said right before it (「注册费1,000元」), or alone."""
    from bot.estimate.reading import wan, word_patterns

    eligible, said, last = word_patterns()["eligible"], [], x["start"]
    for f, c in zip(x["moneys"], costs):
        words = list(eligible.finditer(r.text, last, f.start))
        said.append(f"{words[-1].group(0) if words else ''}{wan(c)}")
        last = f.end
    return said


def _eligible(r, start: int, moneys: list) -> list:
    """`moneys` less those the cost word right before names a cost 三（五） does not pay (「机票酒店2万」), each named
    in a note (r.use'd: no other reader takes them)."""
    from bot.estimate.clauses.market_fairs import travel_run
    from bot.estimate.reading import wan, word_patterns

    w = word_patterns()
    cost_word = re.compile(f"{w['eligible'].pattern}|{w['not_covered'].pattern}", re.I)
    kept, excluded, last = [], [], start
    for f in moneys:
        words = list(cost_word.finditer(r.text, last, f.start))
        last = f.end
        if words and w["not_covered"].fullmatch(words[-1].group(0)):
            r.use(f)
            excluded.append(f"{travel_run(r.text[start : f.start], words[-1].group(0))}{wan(f.value)}")
        else:
            kept.append(f)
    if excluded:
        tail = "不属于第三条第（五）项列明的可补贴费用（注册费、展位费、布展费、特装费、宣传推广费），不计入补贴基数"
        said = next((i for i, n in enumerate(r.out.notes) if n.endswith(tail)), None)
        if said is None:
            r.out.notes.append("、".join(excluded) + tail)
        else:  # 「1. …高铁2400 2. …住宿2600」: the items' travel named in one note
            r.out.notes[said] = r.out.notes[said][: -len(tail)] + "、" + "、".join(excluded) + tail
    return kept


def _said_apart(text: str, words: list):
    """The designation the message states outside the items' own words (True, False or None)."""
    from bot.estimate.fair_designation import designation_said

    for w in words:
        for piece in re.split(r"[，,]", w):
            at = text.find(piece) if piece.strip() else -1
            if at >= 0:
                text = text[:at] + " " * len(piece) + text[at + len(piece) :]
    return designation_said(text)


def _settle(r, out: list, asks: list) -> None:
    """The fairs read: those said not designated or subsidised elsewhere left out and named, the costs of the groups
    that cannot be placed asked, the region of a kept fair asked when its words and the heading name none."""
    from bot.estimate.clauses.market_fairs import caps_note
    from bot.estimate.fair_designation import designation_said
    from bot.estimate.fair_elsewhere import rule_words
    from bot.estimate.reading import Clarification, wan
    from knowledge import shapes

    from bot.estimate.fair_items import spread_back

    said = spread_back([x["words"] for x in out], [designation_said(x["words"]) for x in out])
    for x, verdict in zip(out, said):
        x["designated"] = verdict
        x["elsewhere"] = bool(shapes.search("claimed_elsewhere", x["words"]))
    kept = [x for x in out if x["designated"] is not False and not x["elsewhere"]]
    if out and not kept:
        kept = out  # every fair left out: the item's own conditions answer (never an empty estimate here)
    left = [x for x in out if x not in kept]
    notes = []
    undesignated = list(dict.fromkeys(_words(x["words"]) for x in left if x["designated"] is False))
    if undesignated:
        from knowledge import conditions

        leaf = next(x for x in conditions.leaves("3.5") if x.get("fact") == "fair_designated")
        notes.append(f"{'、'.join(f'“{w}”' for w in undesignated)}不符合“{leaf['label']}”，不计入")
    elsewhere = list(dict.fromkeys(_words(x["words"]) for x in left if x["designated"] is not False))
    if elsewhere:
        notes.append(
            f"{'、'.join(f'“{w}”' for w in elsewhere)}已享受本市其他政策的补贴：依据第四条第（三）项，"
            f"“{rule_words()}”，同一笔费用不能再按本政策申报，不计入"
        )
    if notes:
        r.out.notes.append("；".join(notes) + f"；按其余{len(kept)}场计算")
    if left and any(x["designated"] is not False for x in kept):
        # 「都是商务局指定的」 said apart from the items (a line after them): the kept fairs' mark when they say none
        rest = _said_apart(r.text, [x["words"] for x in out])
        marks = [x["designated"] if x["designated"] is not None else rest for x in kept]
        r.out.fields["_fact_fair_designated@3.5"] = True if all(m is True for m in marks) else None
    for x in asks:
        said = "、".join(n.upper() for n in x["names"])
        r.out.clarifications.append(
            Clarification(
                "fair_cost",
                f"{said}{'这场' if len(x['names']) == 1 else '这几场'}活动的费用（注册费、展位费、布展费、特装费、"
                "宣传推广费合计）各是多少？",
                {"groups": [{"region": x["region"], "count": len(x["names"])}]},
            )
        )
    placed = [x for x in kept if x["region"]]
    unplaced = [x for x in kept if not x["region"]]
    if placed:
        r.out.fields["fairs"] = [{"region": x["region"], "cost_cny": x["cost"]} for x in placed]
    if unplaced:
        said = "、".join(f"{_named(x)}（{wan(x['cost'])}）" for x in unplaced)
        r.out.clarifications.append(
            Clarification(
                "region",
                f"{said}是在境内还是境外举办的？{caps_note()}",
                {"entries": [str(x["cost"]) for x in unplaced]},
            )
        )
