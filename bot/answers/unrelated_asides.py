"""A question about nothing this policy speaks of, asked beside an estimate's figures or in the middle of a form
(「…租金每平米每月48元。另外顺便问下，你知道郑州这周限行尾号是多少吗？」「对了，你们能开发票吗？」).

It is told apart from a policy question by what the knowledge makes of it: no answer composed without an intent,
no search hit of any weight, and none of the policy's subject words (routes.yml `policy_subject`). Such a question
gets a short decline and the estimate goes on; it never gets the overview of the clauses.
"""

import re
from typing import Optional

from knowledge import query, shapes

# a clause that is only the lead of a question (「另外」「顺便问一下」「对了」)
LEAD_ONLY = re.compile(r"(?:顺便|另外|对了|还有|然后|再|此外|最后|还想|另)*(?:问(?:下|一下|一句|个问题)?|说一句)?")


def unrelated(question: str) -> bool:
    """Whether a question (one part of a message) is about nothing this policy or the assistant speaks of."""
    from bot.answers import router
    from bot.nlu.normalize import understand

    t = understand(question or "")
    if not t.strip() or re.search(r"[0-9０-９]", t):
        return False
    if shapes.search("policy_subject", t):
        return False
    hits = query.search(t, limit=1)
    if hits and hits[0]["score"] >= router.SEARCH_FLOOR:
        return False
    return not router.compose(None, question).text


def decline() -> str:
    """The short decline of an unrelated question (document.yml cannot_serve `unrelated`); the form goes on after it."""
    kind = next((k for k in query.document().get("cannot_serve") or [] if k.get("key") == "unrelated"), None)
    said = (kind or {}).get("reply") or ""
    return said + "我只能解答郑州市服务外包政策的问题。"


def unrelated_aside(text: str) -> Optional[tuple]:
    """(the decline, the message without the unrelated question) when a point of its own (started by an aside lead,
    document.yml aside_leads, or the message's last) asks only about something unrelated and the rest of the
    message holds figures; None otherwise. The rest keeps its own punctuation (a correction inside it is read as
    typed)."""
    from bot.answers.general import aside_points
    from bot.understand.segment import clauses, is_question

    text = text or ""
    leads = tuple(query.document().get("aside_leads") or ())
    points = aside_points(clauses(text), leads)
    spans, at = [], 0  # each clause's place in the text, in order
    for point in points:
        placed = []
        for c in point:
            found = text.find(c, at)
            placed.append((found, found + len(c)) if found >= 0 else None)
            at = found + len(c) if found >= 0 else at
        spans.append(placed)
    cut = []
    for i, point in enumerate(points):
        asked = " ".join(point)
        own = i > 0 or len(points) > 1
        if not (own and any(is_question(c) for c in point) and not re.search(r"\d", asked) and unrelated(asked)):
            continue
        if None in spans[i]:
            return None
        begin = spans[i][0][0]
        j = i - 1  # 「另外 顺便问下 …」: the leads said before the question go with it
        while j >= 0 and len(points[j]) == 1 and LEAD_ONLY.fullmatch(points[j][0]) and spans[j][0]:
            begin, j = spans[j][0][0], j - 1
        end = spans[i][-1][1]
        while end < len(text) and text[end] in "？?！!。.，,；; ":
            end += 1
        cut.append((begin, end))
    if not cut:
        return None
    rest = text
    for begin, end in reversed(cut):
        rest = rest[:begin] + rest[end:]
    if not re.search(r"\d", rest):
        return None
    return decline(), rest.strip()
