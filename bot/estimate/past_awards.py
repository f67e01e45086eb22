"""Awards the user says the enterprise already received in an earlier year (「去年我们拿了480万左右（参考）」
「前年领过120万的补贴」「上年度已获得奖补资金300万」「之前已经批下来200万扶持资金」).

Such an amount is context: it is never a business figure, a cost or a result of this estimate. It is taken out of the
reading and said in a note. Only a yuan amount after a receiving verb placed in the past (a past word before the
verb in the same sentence, or 过/了 in the verb itself), with no item's name, business word or cost word between the
verb and the amount, and no question or wish word (能、最多、如果) before the verb; words in estimate_words.yml
(`past_awards`).
"""

import re

from bot.estimate.reading import alternation, estimate_words

_ITEM_NAMES = r"增量|规模|离岸奖|创新|技先|技术先进|资质|人才|培训|展会|租金|平台|三\s*\("


def _words() -> dict:
    return estimate_words()["past_awards"]


def received(text: str, figs) -> list:
    """The money figures of `text` that are awards received in an earlier year, in order."""
    w = _words()
    nouns = alternation(w["award_nouns"])
    verb = re.compile(rf"({alternation(w['verbs'])})(?:[的了]?(?:{nouns}))?\s*(?:共|一共|合计|总共|大约|大概|约)?\s*$")
    out = []
    for f in figs:
        if f.kind != "money" or f.value is None or f.currency not in (None, "CNY"):
            continue
        sentence = re.split(r"[。；;！？!?\n]", text[: f.start])[-1]
        m = verb.search(sentence)
        if not m:
            continue
        head = sentence[: m.start()]
        if re.search(_ITEM_NAMES, head[-12:]) or re.search(rf"({alternation(w['not_before'])})\s*$", head[-4:]):
            continue  # 「增量奖励拿了150万」: a named award is read by its clause; 「能拿到200万吗」 asks
        if re.search(alternation(w["business"]), m.group(0) + sentence[-6:] + text[f.end : f.end + 4]):
            continue  # 「去年在岸拿了500万订单」: a business amount, not an award
        if re.search(alternation(w["when"]), head) or "过" in m.group(1):
            out.append(f)
    return out


def note(text: str, f) -> str:
    """The note that says an amount received before is left out of this estimate."""
    after = re.match(r"\s*(左右|上下|出头|多|的样子)?", text[f.end :]).group(1) or ""
    return f"您说之前已经拿到的{f.raw}{after}是往年的奖补结果，只作参考，不作为本次测算的数字"
