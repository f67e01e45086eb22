"""The user's own words for a question part: a part is cut from the message as the answers read it
(bot/nlu/normalize.understand: lower case, English glossary words in Chinese, filler dropped), but a reply that
quotes it (「1. 关于“…”：」) shows what the user wrote (「deadline是几号」, 「客户B」), not that reading."""

from difflib import SequenceMatcher
from functools import lru_cache
from typing import Optional

from bot.nlu.normalize import normalize, understand


@lru_cache(maxsize=256)
def _alignment(raw: str) -> tuple:
    """(understood text, opcodes aligning it with normalize(raw), which has raw's length)."""
    read = understand(raw)
    return read, tuple(SequenceMatcher(None, read, normalize(raw), autojunk=False).get_opcodes())


def _to_raw(i: int, opcodes: tuple, end: bool) -> Optional[int]:
    """Where position i of the understood text falls in the raw message: a start inside a stretch the reading
    changed goes to that stretch's start, an end to its end; words only the raw message has (dropped filler)
    stay outside the quote."""
    for tag, i1, i2, j1, j2 in opcodes:
        inside = i1 < i <= i2 if end else i1 <= i < i2
        if not inside:
            continue
        if tag == "equal":
            return j1 + (i - i1)
        return j2 if end else j1
    return None


def user_words(part: str, raw: str) -> str:
    """The stretch of `raw` that `part` (a piece of understand(raw), its pieces joined by spaces) was read from;
    `part` itself when it cannot be found there."""
    if not raw or not part:
        return part
    read, opcodes = _alignment(raw)
    pieces = [p for p in part.split(" ") if p]
    start = read.find(pieces[0]) if pieces else -1
    if start < 0:
        return part
    end = start + len(pieces[0])
    for piece in pieces[1:]:
        at = read.find(piece, end)
        if at < 0:
            return part
        end = at + len(piece)
    s, e = _to_raw(start, opcodes, False), _to_raw(end, opcodes, True)
    if s is None or e is None or e <= s:
        return part
    return raw[s:e].strip() or part
