"""The user's own words for a question part: a part is cut from the message as the answers read it
(bot/nlu/normalize.understand: lower case, English glossary words in Chinese, filler dropped), but a reply that
quotes it (「1. 关于“…”：」) shows what the user wrote (「deadline是几号」, 「客户B」), not that reading."""

import re
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


def _starts(read: str, pieces: list) -> list:
    """Every place the part's first piece occurs in the reading."""
    if not pieces:
        return []
    out, at = [], read.find(pieces[0])
    while at >= 0:
        out.append(at)
        at = read.find(pieces[0], at + 1)
    return out


def _span_from(read: str, pieces: list, start: int) -> Optional[tuple]:
    """(start, end) of the pieces found in order from `start`, or None when one is missing."""
    end = start + len(pieces[0])
    for piece in pieces[1:]:
        at = read.find(piece, end)
        if at < 0:
            return None
        end = at + len(piece)
    return start, end


def user_words(part: str, raw: str) -> str:
    """The stretch of `raw` that `part` (a piece of understand(raw), its pieces joined by spaces) was read from;
    `part` itself when it cannot be found there."""
    if not raw or not part:
        return part
    read, opcodes = _alignment(raw)
    pieces = [p for p in part.split(" ") if p]
    spans = [span for span in (_span_from(read, pieces, at) for at in _starts(read, pieces)) if span]
    if not spans:
        return part
    start, end = min(spans, key=lambda span: span[1] - span[0])  # 「2 这个奖励…」: not the 2 of an earlier 「200万」
    s, e = _to_raw(start, opcodes, False), _to_raw(end, opcodes, True)
    if s is None or e is None or e <= s:
        return part
    return raw[s:e].strip() or part


# 「能不能申报」「符不符合」「有没有」: an A-not-A question quoted as 是否A, so its 不A never reads as a verdict
A_NOT_A = re.compile(r"(?<![不没])(.)[不没]\1")  # 「不对不对」: 不对 said twice, no question
SHORT_QUOTE = 8  # a question clause shorter than this («能拿多少») is quoted with the statement before it
LONG_PART = 30  # a part longer than this is quoted from its question on
ENGLISH_SCALE = 4


def question_words(part: str, raw: str) -> str:
    """The user's words for a part; a long part shortened to its question: from its first clause that asks
    something to its end (「…统计系统也注册了 新郑的算不算在郑州」 → 「新郑的算不算在郑州」), a short question with
    the statement before it (「汇率7 能拿多少」)."""
    from bot.understand.segment import clauses, is_english, is_question

    words = user_words(part, raw)
    scale = ENGLISH_SCALE if is_english(words) else 1  # English spends more letters on the same words
    if len(words) <= LONG_PART * scale:
        return words
    pieces = clauses(words)
    asking = [i for i, c in enumerate(pieces) if is_question(c)]
    if not asking:
        return words
    start = asking[0]
    while start > 0 and len("".join(pieces[start:])) < SHORT_QUOTE * scale:
        start -= 1
    at = words.find(pieces[start])
    return words[at:].strip() if at >= 0 else words


def header(n: int, part: str, raw: str, answer: str) -> str:
    """The header of a reply's n-th part: 「n. 关于“…”：」 with the question in the user's words (A-not-A said as
    是否A); without the quote when it would show a verdict word (routes.yml `verdict_words`) that the answer
    under it does not say — the user's 「能申报吧」 must not read as the bot's verdict."""
    from knowledge import shapes

    quoted = A_NOT_A.sub(lambda m: "是否" if m.group(1) == "是" else "是否" + m.group(1), question_words(part, raw))
    said = [m.group(0) for m in shapes.pattern("verdict_words").finditer(quoted)]
    if any(w not in answer for w in said):
        return f"{n}. 您问的第{n}点："
    return f"{n}. 关于“{quoted}”："
