"""A certificate said already subsidised under another policy of the city (三（六）): 「PCMM的认证费上个月已经用市里
另一个软件产业政策报过并且拿到补贴了」. 第四条第（三）项: where this policy overlaps another of the city the enterprise
chooses one, never both (不得重复申报); that certificate is left out of the estimate and named with the rule, the others
counted. The certificate is the one named in the clause that says so (or, when that clause names none, in the clause
right before it in the same sentence: 「PCMM认证费10万，已经用区里的政策拿过补贴了」); when none is named, or every
certificate is, nothing is left out here (the rule is then said under the estimate, bot/estimate/double_claim.py)."""

import re

from bot.estimate.fair_elsewhere import rule_words


def named_elsewhere(text: str) -> list:
    """The certificates whose own clause says another policy of the city already subsidised them."""
    from bot.estimate.clauses.certifications import names_in
    from knowledge import shapes

    out = []
    for sentence in re.split(r"[。；;！!？?\n]", (text or "").lower()):
        parts = re.split(r"[，,]", sentence)
        for i, part in enumerate(parts):
            if not shapes.search("claimed_elsewhere", part):
                continue
            names = names_in(part) or (names_in(parts[i - 1]) if i else [])
            out += [n for n in names if n not in out]
    return out


def partly(text: str) -> bool:
    """Whether some of the certificates named, not all, are said claimed elsewhere: the others are still estimated,
    so no verdict on the whole policy (第四条第（三）项) is said for the message."""
    from bot.estimate.clauses.certifications import names_in

    named = named_elsewhere(text)
    return bool(named) and any(n not in named for n in names_in((text or "").lower()))


def left_out(r, certs: list, named: list) -> list:
    """`certs` ({name, cost_cny}) less those claimed elsewhere, the rule said in a note; unchanged when none or all."""
    from bot.estimate.clauses.certifications import same_certificate

    if not named:
        return certs
    kept = [c for c in certs if not any(same_certificate(c["name"], n) for n in named)]
    if not kept:
        return certs
    said = "、".join(named)
    r.out.notes.append(
        f"{said}已享受本市其他政策的补贴：依据第四条第（三）项，“{rule_words()}”，"
        f"同一笔费用不能再按本政策申报，不计入；按其余{len(kept)}项计算"
    )
    return kept
