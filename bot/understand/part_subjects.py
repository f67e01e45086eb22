"""Several applicants in one message, each asked about in a part of its own.

「深圳总部…在郑州开了一个子公司(独立法人 注册在郑州…)和一个分公司 分公司的税是回深圳交的 … 2子公司能报吗
3分公司能报吗」: the subsidiary and the branch are two applicants; the part asking about the branch is answered on
what the message says of the branch, not on the subsidiary's facts merged with it. The kinds of applicant are
routes.yml's `subject_*` shapes; the words said of one are those from where it is named up to where another is.
Plain Python, no Rasa.
"""

import re
from typing import List, Optional, Tuple

from bot.answers.qualify import SECOND_ARTICLE_FACTS
from knowledge import shapes

PHRASE_END = re.compile(r"[，。；,;！？!?\s]+")
# the 第二条 facts, as bot/answers/qualify.py names them
SECOND_ARTICLE = SECOND_ARTICLE_FACTS


def _kinds() -> tuple:
    """(kind, pattern) of each kind of applicant."""
    return (
        ("branch", shapes.pattern("subject_branch")),
        ("subsidiary", shapes.pattern("subject_subsidiary")),
        ("head_office", shapes.pattern("subject_head_office")),
    )


def _mentions(text: str) -> List[Tuple[int, str]]:
    """(where, kind) of every applicant named in the text, in order; a head office named only as where another's
    tax goes (「税回北京总部统一交」) is no applicant described."""
    places = [m.span() for m in shapes.pattern("head_office_as_place").finditer(text or "")]
    found = [
        (m.start(), kind)
        for kind, pattern in _kinds()
        for m in pattern.finditer(text or "")
        if not any(a <= m.start() < b for a, b in places)
    ]
    return sorted(found)


def asked(part: str) -> Tuple[Optional[str], str]:
    """(the one kind of applicant the question of a part names, that question): the part's last phrase, the
    words before it being what the user described (「…还有一个分公司 … 1子公司能申报吗」 asks of the subsidiary);
    (None, "") when that phrase names none or several."""
    phrases = [p for p in PHRASE_END.split(part or "") if p]
    last = phrases[-1] if phrases else ""
    kinds = {kind for _, kind in _mentions(last)}
    return (kinds.pop(), last) if len(kinds) == 1 else (None, "")


def said_of(whole: str, kind: str) -> str:
    """The words of the message said of one kind of applicant: from each place it is named to the next place
    another kind is named."""
    mentions = _mentions(whole)
    pieces = []
    for i, (start, k) in enumerate(mentions):
        if k != kind:
            continue
        end = next((s for s, other in mentions[i + 1 :] if other != kind), len(whole))
        pieces.append(whole[start:end])
    return "。".join(pieces)


def part_facts(whole: str, part: str, facts: dict) -> Optional[dict]:
    """`facts` as a part asking about one of several applicants reads them: 第二条's facts replaced by those the
    message says of that applicant; None when the part names none of them, or the message describes only one."""
    kind, _ = asked(part)
    if kind is None or len({k for _, k in _mentions(whole)}) < 2:
        return None
    from bot.answers.eligibility import facts_from

    own = facts_from(said_of(whole, kind))
    if len(own) < 2:  # 「子公司能报吗」 with nothing said of the subsidiary: the conversation's facts stand
        return None
    kept = {k: v for k, v in (facts or {}).items() if k not in SECOND_ARTICLE}
    return dict(kept, **own)


def kinds_named(text: str) -> set:
    """The kinds of applicant (branch, subsidiary, head office) a message describes."""
    return {kind for _, kind in _mentions(text)}
