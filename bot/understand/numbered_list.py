"""A message that numbers its questions: 「1.… 2.… 3.…」「①…②…」「(1)…(2)…」「一、…二、…」「第一，…第二，…」「a)… b)…」
「q1 … q2 …」. Each numbered item is one question part, whatever commas or spaces it holds (「1.参加境外展会每场最多补
多少，一年最多多少 2.…」: one question about one fair, asked twice over); the words before the first number that only
announce the list (「三个问题哈：」, routes.yml `list_opener`) are no part of any question. Plain Python, no Rasa.
"""

import re
from typing import List, Optional, Tuple

from knowledge import shapes

CN = "一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨"
LETTERS = "abcdefghi"
# where a number may stand: the message's start, after punctuation or a space, or (for a marker that cannot be a
# figure: ②, (2), q2) anywhere
OPEN = r"(?:^|(?<=[\s,，。.;；:：?？!！]))"
NOT_FIGURE = r"(?![\d万千百元个年月号天周日%％]|[.．]\d)"


def _marker(style: str, n: int) -> re.Pattern:
    """The n-th marker (1-based) of a numbering style, as a pattern over the normalised message."""
    if style == "digit":
        return re.compile(
            rf"{OPEN}{n}{NOT_FIGURE}\s*[、.．:：)）]\s*(?=[^\d\s])|{OPEN}{n}{NOT_FIGURE}\s+(?=[^\d\s])"
            rf"|(?<=[\u4e00-\u9fff]){n}[、.．)）](?=[\u4e00-\u9fff])"  # 「…最多多少2.资质认证…」: no space before it
        )
    if style == "paren":
        return re.compile(rf"[(（]{n}[)）]\s*")
    if style == "circled":
        return re.compile(rf"{CIRCLED[n - 1]}\s*[、.．:：]?\s*")
    if style == "cn":
        return re.compile(rf"{OPEN}(?:第|其)?{CN[n - 1]}(?:是|个问题是?|点)?\s*[、,，:：.．]\s*|{OPEN}其{CN[n - 1]}\s*")
    if style == "letter":
        return re.compile(rf"{OPEN}{LETTERS[n - 1]}\s*[).．、:：]\s*(?=\S)")
    return re.compile(rf"{OPEN}q{n}\s*[.．:：、)]?\s*(?=\S)")


STYLES = ("digit", "paren", "circled", "cn", "letter", "q")


def _spans(text: str, style: str) -> List[Tuple[int, int]]:
    """The markers 1, 2, 3… of one style found in order, each after the one before; [] when fewer than two."""
    spans, at, n = [], 0, 1
    while n <= 9:
        m = _marker(style, n).search(text, at)
        if not m:
            break
        spans.append(m.span())
        at, n = m.end(), n + 1
    return spans if len(spans) >= 2 else []


def _listed(text: str) -> Optional[Tuple[List[Tuple[int, int]], List[str]]]:
    """(the numbers' spans, the numbered items without their numbers) of the first style whose items all ask
    something; None when the message numbers no questions."""
    from bot.understand.segment import asks_something

    for style in STYLES:
        spans = _spans(text or "", style)
        if not spans:
            continue
        pieces = [text[s[1] : (spans[i + 1][0] if i + 1 < len(spans) else len(text))] for i, s in enumerate(spans)]
        pieces = [p.strip(" ,，;；。") for p in pieces]
        if all(p and asks_something(p) for p in pieces):
            return spans, pieces
    return None


def items(text: str) -> Optional[Tuple[str, List[str]]]:
    """(the words before the first number, the numbered items without their numbers), or None when the message
    numbers no questions (fewer than two items in order, or an item that asks nothing — a list of figures, 「1 服贸会
    北京 4.6」)."""
    found = _listed(text)
    return (text[: found[0][0][0]].strip(" ,，;；"), found[1]) if found else None


def markers(text: str) -> List[Tuple[int, int]]:
    """The spans of the numbers of a numbered list of questions (「1 新认定给多少钱 2 … 3 引进外资项目…」): no figure of
    the user's; [] when the message numbers no questions."""
    found = _listed(text)
    return found[0] if found else []


def announces_only(words: str) -> bool:
    """Whether the words before a numbered list only announce it (「三个问题哈：」「想问一下：」)."""
    return not words.strip(" :：,，。.") or bool(shapes.search("list_opener", words.strip()))
