"""A fair said already subsidised under another policy of the city (三（五）): 「还有国内一场指定展会2.5万，不过这场已经用
市里另一个会展政策拿过补贴了」. 第四条第（三）项: where this policy overlaps another of the city the enterprise chooses one,
never both (不得重复申报); the fair is left out of the estimate and named with that rule, the other fairs counted.

The fair is told by its own phrase (fair_designation.fair_phrases) and found among the fairs read by its cost; nothing
is changed when its cost does not tell one fair apart (never a guess which one leaves) or when it is the only fair
(the rule is then said by the answer to the question, not by leaving the whole item out here)."""

from decimal import Decimal

from bot.estimate.fair_designation import fair_phrases


def rule_words() -> str:
    """第四条第（三）项's own words on overlapping policies (knowledge/data/document.yml no_double_claim)."""
    from knowledge.sources import load_cached

    return str(load_cached("document")["no_double_claim"]["text"]).rstrip("。")


def claimed_elsewhere_left_out(r, fairs: list) -> list:
    """`fairs` ({region, cost_cny}) less each fair whose own phrase says another policy already subsidised it, named
    with the rule; `fairs` unchanged when that fair cannot be told apart by its cost."""
    from knowledge import shapes

    if len(fairs) < 2 or not shapes.search("claimed_elsewhere", r.text):
        return fairs
    kept, named = list(fairs), []
    for words, values in fair_phrases(r.text):
        if not shapes.search("claimed_elsewhere", words):
            continue
        value = values[0]
        same = [i for i, f in enumerate(kept) if Decimal(str(f["cost_cny"])) == value]
        if len(same) != 1 or [Decimal(str(f["cost_cny"])) for f in fairs].count(value) != 1:
            return fairs
        kept.pop(same[0])
        named.append(f"“{_up_to_claim(words)}”")
    if not named or not kept:
        return fairs
    r.out.notes.append(
        f"{'、'.join(named)}已享受本市其他政策的补贴：依据第四条第（三）项，“{rule_words()}”，"
        f"同一笔费用不能再按本政策申报，不计入；按其余{len(kept)}场计算"
    )
    return kept


def _up_to_claim(words: str) -> str:
    """The fair's phrase up to the piece that says it was claimed elsewhere (「其中8万那场已经按市里另一个政策拿过补贴了」),
    without what the user said after it (「另外今年新获得技术先进型…」)."""
    from knowledge import shapes

    pieces = words.split("，")
    for i, piece in enumerate(pieces):
        if shapes.search("claimed_elsewhere", piece):
            return "，".join(pieces[: i + 1]).strip()
    return words.strip()
