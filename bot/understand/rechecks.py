"""A figure re-checked by the user inside one message: the figure said after the re-check replaces the one before it.

「签了一年以上劳动合同的是66个……等下，我再核对了一下，是68个，另外10个还没就业」: 66 was a first count, 68 the one the
user stands by. The re-check words (knowledge/data/estimate_words.yml `retractions.rechecks`) are no correction word
by themselves (「我查了一下去年是120万」 tells another figure): only a bare replacement right after them (「是68个」,
「应该是160万美元」) replaces the figure said right before them, of the same kind (a count of people, or an amount in
the same currency). The new figure is put in the old one's place and the re-check blanked (same length), so each
reader sees 「…劳动合同的是68个」 and what follows it unchanged.
"""

import re
from functools import lru_cache
from typing import Optional

_SEPARATORS = r"[\s，,。.…—\-~]*"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    from bot.estimate.reading import alternation, estimate_words

    said = estimate_words()["retractions"]
    words, waits = alternation(said["rechecks"]), alternation(said["waits"])
    return re.compile(
        rf"{_SEPARATORS}(?:(?:{waits}){_SEPARATORS})?(?:我|我们)?(?:{words}){_SEPARATORS}(?:(?:应该|应当|其实|实际上?|准确地?说)\s*)?(?:是|为|有)\s*"
        rf"(?=[0-9零一二两三四五六七八九十])"
    )


def _figures(text: str) -> list:
    from calculator.figures_zh import parse_figures

    return [f for f in parse_figures(text) if f.kind in ("count", "money") and f.value is not None]


def _same_kind(old, new) -> bool:
    """Whether `new` may replace `old`: two counts of people, or two amounts in the same currency (or none said)."""
    if old.kind != new.kind:
        return False
    if old.kind == "count":
        return bool(re.search(r"个|名|人|位", old.unit or old.raw or "")) and bool(
            re.search(r"个|名|人|位", new.unit or new.raw or "")
        )
    return old.currency == new.currency or new.currency is None


def _replaced(text: str, figs: list, m: re.Match) -> Optional[str]:
    """The text with the figure right before the re-check `m` replaced by the one right after it, or None."""
    before = [f for f in figs if f.end <= m.start()]
    after = [f for f in figs if f.start == m.end()]
    if not before or not after or text[before[-1].end : m.start()].strip(" ，,。.…—-~"):
        return None
    old, new = before[-1], after[0]
    if not _same_kind(old, new):
        return None
    figure = text[new.start : new.end]
    if len(figure) > old.end - old.start:
        return None  # the new figure does not fit the old one's place: left to the other readers
    text = text[: old.start] + figure.ljust(old.end - old.start) + text[old.end :]
    return text[: old.end] + " " * (new.end - old.end) + text[new.end :]


def without_rechecked(text: str) -> str:
    """`text` with each figure the user re-checked replaced by the figure said after the re-check (same length)."""
    if not text:
        return text
    for _ in range(4):  # a few re-checks in one message, each read on the text the one before left
        figs = _figures(text)
        for m in _pattern().finditer(text):
            out = _replaced(text, figs, m)
            if out is not None:
                text = out
                break
        else:
            return text
    return text
