"""A fair said already subsidised under another policy of the city (三（五）): 「还有国内一场指定展会2.5万，不过这场已经用
市里另一个会展政策拿过补贴了」. 第四条第（三）项: where this policy overlaps another of the city the enterprise chooses one,
never both (不得重复申报); the fair is left out of the estimate and named with that rule, the other fairs counted.

The fair is told by its own phrase (fair_designation.fair_phrases) and found among the fairs read by its cost; nothing
is changed when its cost does not tell one fair apart (never a guess which one leaves) or when it is the only fair
(the rule is then said by the answer to the question, not by leaving the whole item out here)."""

import re
from decimal import Decimal

from bot.estimate.fair_designation import fair_phrases


def rule_words() -> str:
    """第四条第（三）项's own words on overlapping policies (knowledge/data/document.yml no_double_claim)."""
    from knowledge.sources import load_cached

    return str(load_cached("document")["no_double_claim"]["text"]).rstrip("。")


def claimed_elsewhere_left_out(r, fairs: list) -> list:
    """`fairs` ({region, cost_cny}) less each fair whose own phrase says another policy already subsidised it, named
    with the rule; `fairs` unchanged when that fair cannot be told apart by its cost. A fair told by its total alone
    (「迪拜的一共10万，但迪拜这场已经…拿过补贴了」), whose parts are asked (a fair_breakdown question), leaves too: its
    parts are never asked."""
    from knowledge import shapes

    if not shapes.search("claimed_elsewhere", r.text):
        return fairs
    asked = [c for c in r.out.clarifications if c.kind == "fair_breakdown" and c.data.get("total")]
    unplaced = [  # fairs whose region is asked (「第一场广交会4万；第二场CeBIT 8万」)
        Decimal(v) for c in r.out.clarifications if c.kind == "region" for v in c.data.get("entries") or []
    ]
    if len(fairs) + len(asked) + len(unplaced) < 2:
        return fairs
    told = [Decimal(str(f["cost_cny"])) for f in fairs] + [Decimal(str(c.data["total"])) for c in asked] + unplaced
    claimed = claimed_fairs(r.text)
    if not claimed:
        return fairs
    some = _some_of_them(claimed)
    if some is not None and fairs and not asked and not unplaced:
        return _some_claimed(r, fairs, *some)
    kept, named, dropped, unplaced_left = list(fairs), [], [], []
    for words, value in claimed:
        if value is None or told.count(value) != 1:
            return fairs  # which fair leaves is not told by its cost
        same = [i for i, f in enumerate(kept) if Decimal(str(f["cost_cny"])) == value]
        lumps = [c for c in asked if Decimal(str(c.data["total"])) == value and c not in dropped]
        if same:
            kept.pop(same[0])
        elif lumps:
            dropped.append(lumps[0])
        elif value in unplaced:
            unplaced_left.append(value)
        else:
            return fairs
        named.append(f"“{words}”")
    rest = len(kept) + len(asked) - len(dropped) + len(unplaced) - len(unplaced_left)
    if not named or not rest:
        return fairs
    from bot.estimate.fair_designation import unplaced_left_out

    for c in dropped:
        r.out.clarifications.remove(c)
    for value in unplaced_left:
        unplaced_left_out(r, value)  # its region is never asked
    r.out.notes.append(
        f"{'、'.join(named)}已享受本市其他政策的补贴：依据第四条第（三）项，“{rule_words()}”，"
        f"同一笔费用不能再按本政策申报，不计入；按其余{rest}场计算"
    )
    return kept


_SOME = re.compile(
    r"^\s*(?:其中|这里面|里面|当中|这几场里|这些里)?(?:有)?\s*(?P<k>[一两二三四五\d])\s*(?:场|个|次)(?!\s*(?:都|全|均))"
)


def _some_of_them(claimed: list):
    """(words, k) when the one claim names no fair but k of those told (「其中一场已经用市里别的政策补过了」), else None."""
    if len(claimed) != 1 or claimed[0][1] is not None:
        return None
    m = _SOME.match(claimed[0][0])
    if m is None:
        return None
    from calculator.figures_zh import numeral_value

    return claimed[0][0], int(numeral_value(m.group("k")))


def _some_claimed(r, fairs: list, words: str, k: int) -> list:
    """k of `fairs` subsidised elsewhere, which not said: all of one cost, any k leave (named); else the costs of the
    fairs left to claim are asked (a fair_cost question whose answer replaces that region's fairs), never guessed."""
    from bot.estimate.reading import Clarification, wan

    regions = {f["region"] for f in fairs}
    if len(fairs) <= k or len(regions) != 1:
        return fairs
    rule = f"依据第四条第（三）项，“{rule_words()}”，同一笔费用不能再按本政策申报"
    costs = [Decimal(str(f["cost_cny"])) for f in fairs]
    if len(set(costs)) == 1:
        r.out.notes.append(f"“{words}”已享受本市其他政策的补贴：{rule}，不计入；按其余{len(fairs) - k}场计算")
        return fairs[k:]
    region = regions.pop()
    place = {"domestic": "境内", "overseas": "境外"}.get(region, "")
    n = len(fairs) - k
    told = "、".join(wan(c) for c in costs)
    r.out.clarifications.append(
        Clarification(
            "fair_cost",
            f"您说的“{words}”已享受本市其他政策的补贴：{rule}。从费用看不出是{place}{len(fairs)}场（{told}）中的哪"
            f"{'一' if k == 1 else k}场，我不猜。请告诉我没有享受其他补贴的那{n}场"
            + ("的费用是多少？" if n == 1 else "每场的费用分别是多少？"),
            {"groups": [{"region": region, "count": n}]},
        )
    )
    return []


def partly(text: str) -> bool:
    """Whether some of the fairs told, not all, are said already subsidised under another policy (each by its own
    phrase): the others are still estimated, so the claim is that fair's alone, no verdict on the whole message
    (第四条第（三）项) and no fact of the applicant."""
    from bot.nlu.normalize import normalize
    from knowledge import shapes

    if not text or not shapes.search("claimed_elsewhere", text):
        return False
    t = normalize(text)
    if not _names_fairs(t):
        return False
    from calculator.figures_zh import parse_figures

    claimed = claimed_fairs(t)
    costs = [f for f in parse_figures(t) if f.kind == "money" and f.value]
    some = _some_of_them(claimed)
    if some is not None:  # 「其中一场已经用市里别的政策补过了」 of more fairs than that
        return some[1] < max(len(costs), _fairs_counted(t))
    return bool(claimed) and all(v is not None for _, v in claimed) and len(claimed) < len(costs)


def _fairs_counted(text: str) -> int:
    """The count of fairs said first (「三场境内指定展」), or 0."""
    from calculator.figures_zh import numeral_value

    m = re.search(r"([一两二三四五六七八九十\d]+)\s*(?:场|个|次)[^，,。；;\d]{0,8}(?:展|活动|会)", text)
    return int(numeral_value(m.group(1))) if m else 0


_PIECE = re.compile(r"[，,。；;！!？?\n（）()]")


def claimed_fairs(text: str) -> list:
    """(words, cost) of each fair `text` says another policy already subsidised: the fair told in the same phrase
    (「第二场迪拜的一共10万，但迪拜这场已经…拿过补贴了」), or the fair the claim names by its place or own name, told
    with its cost elsewhere in the message (「深圳3万、杭州2.5万；杭州那场之前区里的专项资金已经补过了」「迪拜那个已经用别的
    政策补过了，花了10万」); cost None when the claim names no fair whose cost is told (never a guess which one)."""
    from knowledge import shapes

    out, covered = [], []
    for words, values in fair_phrases(text):
        if shapes.search("claimed_elsewhere", words):
            out.append((_up_to_claim(words), values[0]))
            covered.append(words)
    for m in _pieces(text):
        piece = m.group(0)
        if not shapes.search("claimed_elsewhere", piece) or any(piece.strip() in w for w in covered):
            continue
        value = _cost_by_name(text, m.start(), m.end())
        out.append((piece.strip(), value))
    return out


def _pieces(text: str):
    return re.finditer(r"[^，,。；;！!？?\n（）()]+", text)


def _names_in(piece: str) -> list:
    """The places (cities, countries) and fairs' own names `piece` says (「杭州那场」「CeBIT这个」「迪拜展」)."""
    from bot.estimate.fair_names import fair_names
    from bot.estimate.reading import region_mentions

    said = [
        piece[a:b]
        for a, b, _ in region_mentions(piece)
        if not re.fullmatch(r"境内|国内|省内|境外|国外|海外", piece[a:b])
    ]
    said += [name for _, _, name in fair_names(piece)]
    said += re.findall(r"[A-Za-z][A-Za-z0-9&+.-]{1,20}", piece)
    return [n for n in said if n.lower() not in ("cmmi", "itss")]


def _cost_by_name(text: str, start: int, end: int):
    """The one cost told right after the name the claim's piece (text[start:end]) gives, elsewhere in `text`; None
    when it names none, or its cost is not told, or told more than once differently."""
    from calculator.figures_zh import parse_figures

    names = _names_in(text[start:end])
    if len(names) != 1:
        return None
    name = names[0]
    figures = [f for f in parse_figures(text) if f.kind == "money" and f.value is not None]
    found = set()
    for m in re.finditer(re.escape(name), text):
        after = [f for f in figures if f.start >= m.end() and not (start <= f.start < end)]
        if not after:
            continue
        f = after[0]
        between = text[m.end() : f.start]
        if len(between) > 24 or re.search(r"[；;。\n]", between) or _names_in(between):
            continue
        found.add(Decimal(str(f.value)))
    return found.pop() if len(found) == 1 else None


def _names_fairs(text: str) -> bool:
    from bot.estimate.clauses.market_fairs import CLAUSES

    return bool(re.search(CLAUSES[0].triggers, text))


def _up_to_claim(words: str) -> str:
    """The fair's phrase up to the piece that says it was claimed elsewhere (「其中8万那场已经按市里另一个政策拿过补贴了」),
    without what the user said after it (「另外今年新获得技术先进型…」)."""
    from knowledge import shapes

    pieces = words.split("，")
    for i, piece in enumerate(pieces):
        if shapes.search("claimed_elsewhere", piece):
            return "，".join(pieces[: i + 1]).strip()
    return words.strip()
