"""Counts and durations corrected inside one message: the new figures take the old ones' places.

「其中28人在职交社保满6个月了，另外4个人社保才交了5个月…不对，我刚核了下社保记录，是27个满6个月，5个不满」: the
figures after the correction word are of the same role as figures said before it — counts of people (of one
condition), months, years — so each new one is put where the old one stood (「其中27人在职交社保满6个月了，另外5个
人社保…」) and the correction blanked: the words that named the old figure (社保) name the new one, and the old figure
is read by no one. Money and areas are placed by bot/understand/retractions.py.

Which old figure a new one replaces: with several new figures, the last as many of their family said before, in
order (a list corrected whole); with one, the earlier figure whose own words the new one's words share most
(「…不对，满6个月的是27个」 → the count said with 满6个月), else the last of its family (「…是24人」).
"""

import re
from typing import List, Optional, Tuple

_CLAUSE_STOPS = "，,。；;！!？?\n"
_SENTENCE_STOPS = "。；;！!？?\n"
_NUMBER = re.compile(r"[0-9０-９.．零一二两三四五六七八九十百千]+")
_PEOPLE_UNIT = re.compile(r"^(?:个人|个|名|人|位)$")
# the words around a figure that say nothing of its role
_FILLER = re.compile(
    r"^(?:应该|应当|其实|实际上?|准确地?说|其中|另外|另|还有|都|就|也|只有|只|共|一共)*"
    r"|(?:的|是|有|为|了|刚好|正好|恰好|刚刚好|整整|足足)+$"
)
_NOT = re.compile(r"不|没|未|差")
_ASKS = re.compile(r"[吗吧呢么嘛?？]|多少|几")


def _family(figure) -> Optional[str]:
    """The family a figure's role is of: people counted, another unit counted (场, 项), months, years; None for
    money, areas, rates (placed elsewhere)."""
    if figure.kind == "count":
        return "people" if _PEOPLE_UNIT.match(figure.unit or "") else f"count:{figure.unit}"
    if figure.kind in ("duration_months", "duration_years"):
        return figure.kind
    return None


def _figures(text: str) -> list:
    from calculator.figures_zh import parse_figures

    return [f for f in parse_figures(text) if f.value is not None]


def _clause_of(text: str, at: int) -> Tuple[int, int]:
    start = max(text.rfind(c, 0, at) for c in _CLAUSE_STOPS) + 1
    ends = [i for i in (text.find(c, at) for c in _CLAUSE_STOPS) if i >= 0]
    return start, min(ends or [len(text)])


def _role_words(clause: str, figure_start: int, figure_end: int) -> str:
    """The words of a figure's clause naming its role: before and after it, filler and stops left out."""
    before = _FILLER.sub("", clause[:figure_start].strip(" …—-~."))
    after = _FILLER.sub("", clause[figure_end:].strip(" …—-~."))
    return f"{before}|{after}"


def _bigrams(words: str) -> set:
    return {words[i : i + 2] for i in range(len(words) - 1) if "|" not in words[i : i + 2]}


def _new_figures(rest: str) -> "List | None":
    """The figures the words after a correction word give, [(figure, role words)], each clause one, while the clauses
    give one figure of the first one's family; None when the first is no count or duration, or names an old figure
    (「不是3个」, bot/estimate/corrections.py) or asks."""
    out, at, family = [], 0, None
    while at < len(rest):
        ends = [i for i in (rest.find(c, at) for c in _CLAUSE_STOPS) if i >= 0]
        end = min(ends or [len(rest)])
        clause = rest[at:end]
        if re.search(r"不是|而非|并非", clause) or _ASKS.search(clause):
            break
        figs = _figures(clause)
        # 「满6个月的是19个」: the figure said after 是/有 is the one given, the others name its role
        said = [
            f for f in figs if re.search(r"(?:是|有|为)\s*(?:刚好|正好|恰好|刚刚好|整整|足足)?\s*$", clause[: f.start])
        ]
        first = (said or figs or [None])[0]
        if first is None or (family is not None and _family(first) != family):
            break
        if family is None:
            family = _family(first)
            if family is None:
                return None
        if [f for f in figs if _family(f) == family][1:]:
            break  # two figures of the family in one clause: which is meant is not said
        out.append((first, at, _role_words(clause, first.start, first.end), clause))
        if end >= len(rest) or rest[end] in _SENTENCE_STOPS:
            break
        at = end + 1
    return out or None


def _number(raw: str) -> str:
    m = _NUMBER.match(raw)
    return m.group(0) if m else ""


def placed(text: str, lead_end: int, rest_at: int) -> Optional[str]:
    """`text` with the counts or durations said after the correction word (from `rest_at`, past any aside) put in the
    places of the figures of their role said before the correction word (which starts at `lead_end`), and the
    correction blanked (same length); None when the words after it give no such figure or none can be placed."""
    rest = text[rest_at:]
    new = _new_figures(rest)
    if not new:
        return None
    family = _family(new[0][0])
    sentence = max(text.rfind(c, 0, lead_end) for c in _SENTENCE_STOPS) + 1
    if not text[sentence:lead_end].strip(_SENTENCE_STOPS + " …—-~."):  # 「…没满。哦不对，…」: the sentence before
        sentence = max(text.rfind(c, 0, sentence - 1) for c in _SENTENCE_STOPS) + 1
    old = [f for f in _figures(text[sentence:lead_end]) if _family(f) == family]
    if len(old) < len(new):
        return None
    if len(new) == 1:
        fig, _, role, _ = new[0]
        wanted = _bigrams(role)
        scores = []
        for f in old:
            c0, c1 = _clause_of(text, sentence + f.start)
            clause = text[c0:c1]
            at = sentence + f.start - c0
            words = _role_words(clause, at, at + f.end - f.start)
            same = bool(_NOT.search(words)) == bool(_NOT.search(role))  # 「5个不满」 is never the count 满6个月
            scores.append(len(wanted & _bigrams(words)) if same else 0)
        best = max(scores)
        if wanted and not best:
            return None  # its own words name none of the figures said before: not placed here
        chosen = [old[scores.index(best)]] if best and scores.count(best) == 1 else [old[-1]]
    else:
        chosen = old[-len(new) :]
    # from the last old figure back, each old number replaced by the new one (the old unit kept)
    head = text[sentence:lead_end]
    for f, (n, _, _, _) in sorted(zip(chosen, new), key=lambda p: -p[0].start):
        old_number, new_number = _number(f.raw), _number(n.raw)
        if f.kind.startswith("duration"):  # 「两年半…是整整三年」「两年…是两年半」: the whole duration as said
            old_number, new_number = f.raw, n.raw
        if not old_number or not new_number:
            return None
        i = head.find(old_number, f.start)
        head = head[:i] + new_number + head[i + len(old_number) :]
    last, at, _, clause = new[-1]
    blank_end = rest_at + at + len(clause)
    grow = len(head) - (lead_end - sentence)
    room = blank_end - lead_end
    if grow > room:
        return None
    return text[:sentence] + head + " " * (room - grow) + text[blank_end:]
