"""An answer to the estimate's open question with a question of the user's beside it.

「6.9 对了顺便问下 外地公司在郑州的分支机构能报吗」「150万刀吧 另外问下技术先进型是一次性的吗」「是的，对了 分支机构能
报吗」「还有个问题，分支机构能报吗？不过先回答你：7.1」: the answer is read for the open question and the side question
is answered, then the estimate goes on. Words in knowledge/data/estimate_words.yml `side_question` and document.yml
`aside_leads`. Plain Python, no Rasa.
"""

import re
from functools import lru_cache
from typing import List, Optional, Tuple

from bot.estimate.reading import estimate_words
from bot.understand.segment import clauses, is_question

# a clause's further ends inside segment.clauses' pieces: an ellipsis, a colon
INNER_END = re.compile(r"(?:…+|\.{3,}|[:：])\s*")
# what may follow a lead before the question itself (「顺带问一句」「另外想问下」「对了再请教一下」)
FILLER = re.compile(r"^(?:我|想|再|还)*(?:问|说|请教|请问)?(?:一)?(?:下|句|声|个问题|问题)?")


@lru_cache(maxsize=1)
def _words() -> Tuple[tuple, tuple, tuple]:
    from knowledge import query

    said = estimate_words().get("side_question") or {}
    leads = tuple(query.document().get("aside_leads") or ()) + tuple(said.get("leads") or ())
    by_length = lambda words: tuple(sorted({str(w) for w in words}, key=len, reverse=True))  # noqa: E731
    return by_length(leads), by_length(said.get("answer_leads") or ()), tuple(said.get("not_asides") or ())


def _pieces(text: str) -> List[str]:
    """The message's clauses, split again at an ellipsis or a colon and before a lead said inside a clause
    (「6.9对了顺便问下…」)."""
    leads, answer_leads, _ = _words()
    words = sorted(leads + answer_leads, key=len, reverse=True)
    inside = re.compile("|".join(re.escape(w) for w in words), re.I) if words else None
    out: List[str] = []
    for clause in clauses(text):
        for piece in INNER_END.split(clause):
            cuts = [m.start() for m in inside.finditer(piece) if m.start() > 0] if inside else []
            bounds = [0] + cuts + [len(piece)]
            out += [piece[a:b].strip() for a, b in zip(bounds, bounds[1:]) if piece[a:b].strip()]
    return _rejoin_leads(out, leads + answer_leads)


def _rejoin_leads(pieces: List[str], leads: tuple) -> List[str]:
    """A split inside a lead's own words (「对了顺便问下」 at 顺便) joined back, a lead run kept as one clause."""
    out: List[str] = []
    for p in pieces:
        if out and _strip(out[-1], leads) == "" and _strip(p, leads) == "":
            out[-1] += p
        else:
            out.append(p)
    return out


def _strip(clause: str, words: tuple) -> str:
    """The clause without the words of `words` it starts with (repeatedly)."""
    rest = clause.strip()
    changed = True
    while changed and rest:
        changed = False
        for w in words:
            if rest.lower().startswith(w.lower()):
                rest = FILLER.sub("", rest[len(w) :].lstrip(" ，,、：:"), count=1).lstrip(" ，,、：:")
                changed = True
                break
    return rest


def _gives_figure(clause: str) -> bool:
    """Whether the clause gives a figure of the user's (a figure the policy bounds, 「每场最多补5万吗」, is asked)."""
    from bot.estimate.session import own_figures
    from bot.nlu.normalize import normalize

    if own_figures(normalize(clause)):
        return True
    return bool(re.search(r"\d", clause)) and not is_question(clause)


def _asks_aside(clause: str) -> bool:
    """Whether the clause is a question of its own: it asks, gives no figure, and is no short question about the
    answer or the estimate itself (「对吗」「一共多少」)."""
    _, _, not_asides = _words()
    bare = re.sub(r"[？?！!。，,\s呢啊呀吧嘛]+$", "", re.sub(r"^(那|那么|所以|这样|我们)+", "", clause))
    if not bare or bare in not_asides or len(bare) < 3:
        return False
    return is_question(clause) and not _gives_figure(clause)


def answer_and_question(text: str, asked: bool = False) -> Optional[Tuple[str, str]]:
    """(the answer, the side question) of a message that answers the open question and asks something else beside
    it, or None. The side question is a question clause opened by a lead (对了、顺便问下、另外、还有个问题…) with the
    statements between them, or, when `asked` (the message was understood as a question), any question clause with no
    figure of its own; the answer is the rest, without the words that turn back to it (「不过先回答你：」)."""
    leads, answer_leads, _ = _words()
    answer: List[str] = []
    question: List[str] = []
    held: List[str] = []  # the statements after a lead, waiting for the question they lead to
    opened = False
    for clause in _pieces(text or ""):
        if answer_leads and _strip(clause, answer_leads) != clause.strip():
            answer += held
            held, opened = [], False
            rest = _strip(clause, answer_leads)
            if rest:
                answer.append(rest)
            continue
        rest = _strip(clause, leads)
        if rest != clause.strip():  # a lead opens a point
            answer += held
            held, opened = [], True
            if not rest:
                continue
            clause = rest
        if _asks_aside(clause) and (opened or asked):
            question.append(" ".join(held + [clause]))
            held, opened = [], False
        elif opened and not _gives_figure(clause):
            held.append(clause)
        else:
            answer += held + [clause]
            held, opened = [], False
    answer += held
    if not question or not answer:
        return None
    return " ".join(answer), " ".join(question)
