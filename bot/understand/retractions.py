"""Claims taken back or corrected inside one message: the later statement wins.

「研发投入连续两年增长——哦不对 我们今年才成立 没有两年 这条当我没说」: the claim and the words taking it back are
blanked, so no reader finds the claim (nor a figure in it). 「税好像是上海总部统一交的……不对不对，…在郑州纳税」: the
clause before the correction word gives way to what follows. The words are knowledge/data/estimate_words.yml
`retractions`. Blanking keeps the text's length, so figures' offsets stay right.
"""

import re
from functools import lru_cache

_CLAUSE_END = "，,。；;！!？?\n"
_SENTENCE_END = "。；;！!？?\n"
# a correction word stands apart from the claim it corrects: after a stop, a space, 「……」 or 「——」, maybe with the
# speaker's words (「…交的，我说错了，…」)
_SEPARATORS = set(_CLAUSE_END + " …—-~.")
_SPEAKER_BEFORE = re.compile(r"(?:我们|我|刚才|刚刚|不好意思|抱歉|sorry)+\s*$", re.I)


@lru_cache(maxsize=1)
def _patterns() -> tuple:
    from bot.estimate.reading import alternation, estimate_words

    w = estimate_words()["retractions"]
    take_back = re.compile(alternation(w["take_back"]))
    # 「我们算的对不对」 asks; 「不对不对」「哦不对」 correct (the words list the correcting forms only)
    correction = re.compile(rf"(?<!对)(?:{alternation(w['corrections'])})")
    return take_back, correction


def _clause_start(text: str, at: int, stops: str) -> int:
    """Where the clause ending at `at` starts (after the last stop character before it, trailing ones skipped)."""
    i = at
    while i > 0 and text[i - 1] in stops + " ":
        i -= 1
    return max(text.rfind(c, 0, i) for c in stops) + 1


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _has_figure(text: str) -> bool:
    from calculator.figures_zh import parse_figures

    return any(f.kind in ("money", "rate", "count", "percent", "area") for f in parse_figures(text))


def without_retracted(text: str) -> str:
    """`text` with claims taken back and clauses corrected later in it blanked (same length)."""
    if not text:
        return text
    take_back, correction = _patterns()
    for m in list(take_back.finditer(text)):
        if re.match(r"\s*[吗吧呢么嘛?？]", text[m.end() :]):
            continue  # 「住宿费这个不算吧？」 asks whether something counts
        sentence = _clause_start(text, m.start(), _SENTENCE_END)
        corrected = [c for c in correction.finditer(text, sentence, m.start())]
        if corrected:  # 「增长——哦不对 …没有两年 这条当我没说」: the claim is the clause before the correction word
            start = _clause_start(text, corrected[0].start(), _CLAUSE_END)
        else:  # 「离岸50万美元，这条不算」: the clause right before
            start = _clause_start(text, m.start(), _CLAUSE_END)
        if start == m.start():  # nothing before it in the message: it takes back an earlier message
            continue
        text = _blank(text, start, m.end())
    for m in list(correction.finditer(text)):
        if re.match(r"\s*[吗吧呢么嘛?？]", text[m.end() :]):
            continue  # 「是不是说错了？」 asks
        lead = _SPEAKER_BEFORE.sub("", text[: m.start()])
        if not lead or lead[-1] not in _SEPARATORS:
            continue  # 「汇率我说错了 应该是7.05」: the words before name what is corrected (read elsewhere)
        start = _clause_start(text, len(lead), _CLAUSE_END)
        claim = text[start : len(lead)]
        if not claim.strip(" —-…．.") or _has_figure(claim):
            continue  # 「不对，是8万」 answers the bot; a figure corrected is read by bot/estimate/corrections.py
        if not text[m.end() :].strip(" ，,。；;！!？?\n—-…"):
            continue  # nothing said after it: no later statement to win
        text = _blank(text, start, m.end())
    return text
