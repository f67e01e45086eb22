"""People narrowed step by step in one message: 「接收了28个实习生：6个不是应届 22个应届生里2个是中专 剩下20个里有3个实习
只有2个月 其余17个都超过3个月 这17个人社保满6个月的4个 超过6个月的11个 不到6个月的2个」 → 28 − 6 − 2 − 3 − 2 = 15.

The first count is the group. Each later count is one of:
- the people left, named again (「剩下20个」「其余17个」「这17个人」「22个应届生里」): it must equal what is left (a
  group named by a condition it meets may be smaller: the others are not said to meet it and are not counted);
- a part whose own words fail a person condition of the clause (「8个没通过考核」, or the rest named again failing:
  「其余13个还没就业」): taken out of what is left;
- a part whose own words meet one (「超过6个月的11个」): one of the groups what is left splits into — those groups must
  add up to what is left with the failing ones, else nothing is read.
A count that is none of these, or figures that do not add up, make no chain (None): another reader or a question
takes it, never a guess. A part's condition word left unsaid is the one said of the part before it (「社保满6个月的4个
超过6个月的11个」: 社保). The words are knowledge/data/estimate_words.yml `people_chain`.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Tuple

from bot.estimate.reading import alternation
from bot.understand.people_counts import PEOPLE, whole

BREAK = re.compile(r"[，,。；;：:、\s]")
_busy = [False]


@dataclass(frozen=True)
class Step:
    count: int
    start: int  # where its words begin
    end: int
    kind: (
        str  # "group" | "left" | "fails" | "meets" | "again" (a failing part named again: 「那6个高中的」) | "unclear"
    )
    failed: Tuple[str, ...] = ()  # labels of the conditions its words fail
    read_as: str = ""  # its words with the condition word carried from the part before (「考核 通过的97个人里」)


@dataclass(frozen=True)
class Chain:
    group: int
    counted: int
    steps: Tuple[Step, ...]

    @property
    def unclear(self) -> List[Step]:
        """The parts whose conditions the user says are not known yet (「其余15个还不确定」): asked, never counted."""
        return [s for s in self.steps if s.kind == "unclear"]

    def met_words(self, t: str) -> List[str]:
        """The words said of everyone counted: each group named again on the way (「剩下105个大专及以上里面」), and each
        group kept after the last of them (「签了一年以上劳动合同的有78个」) when it is the only one."""
        last = max((i for i, s in enumerate(self.steps) if s.kind == "left"), default=-1)
        kept = [s for s in self.steps[last + 1 :] if s.kind == "meets"]
        said = [s for s in self.steps[: last + 1] if s.kind == "left"] + (kept if len(kept) == 1 else [])
        return [s.read_as or t[s.start : s.end] for s in said]

    def met_facts(self, t: str, code: str, ids) -> dict:
        """{fact: value} of the person conditions `ids` that the words said of everyone counted meet (met_words)."""
        from bot.understand.facts import read_facts

        out: dict = {}
        for words in self.met_words(t):
            words = _with_contract(words, t)
            facts = read_facts(words)
            for c in _checks(words, code, ids):
                if c.status == "met" and c.fact in facts and not c.assumed:
                    out.setdefault(c.fact, facts[c.fact])
        return out

    def said(self, t: str) -> str:
        """「28 − 6 − 2 − 3 − 2 = 15（“6个是在读的不是应届”不符合“…”；…）」."""
        fails = [s for s in self.steps if s.kind == "fails"]
        less = "".join(f" − {s.count}" for s in fails)
        why = "；".join(f"“{t[s.start : s.end].strip()}”不符合“{'、'.join(s.failed)}”" for s in fails)
        implied = self.group - sum(s.count for s in fails) - self.counted
        extra = f" − {implied}（未说明符合条件）" if implied else ""
        return f"{self.group}{less}{extra} = {self.counted}（{why}）"


def _words() -> dict:
    from bot.estimate.reading import estimate_words

    return estimate_words()["people_chain"]


@lru_cache(maxsize=1)
def _patterns() -> dict:
    w = _words()
    return {
        "left": re.compile(rf"(?:{alternation(w['left'])})\s*(?:的|这|那)?\s*$"),
        "among": re.compile(
            rf"^\s*(?:人|名)?\s*[^\d，,。；;：:\s]{{0,8}}?(?<![高初])(?:{alternation(w['among'])})\s*(?:有|还有)?\s*$"
        ),
        "subject": re.compile(alternation(w["subjects"])),
        "among_lead": re.compile(r"^\s*(?:人|名)?\s*(?:这里面|里面|里头|当中|之中|里)(?![面头])"),
        "unclear": re.compile(alternation(w["unclear"])),
        "again": re.compile(rf"(?:{alternation(w['again'])})\s*$"),
        "filler": re.compile(rf"^(?:{alternation(w['filler'])})*$"),
    }


def _with_contract(words: str, t: str) -> str:
    """`words` read with 劳动合同 when they say a length with 签 alone (「34个签的一年」) in a message `t` saying 合同."""
    from bot.understand.contract_groups import LENGTH

    if "合同" in t and "合同" not in words and LENGTH.search(words):
        return words + " 劳动合同"
    return words


def _checks(words: str, code: str, ids) -> list:
    from bot.understand.person_checks import checks as person_checks

    return person_checks(words, code, ids)


def unclear_words(words: str) -> bool:
    """Whether `words` say their people's conditions are not known yet (estimate_words.yml people_chain `unclear`)."""
    return bool(_patterns()["unclear"].search(words))


def _status(words: str, code: str, ids, t: str = "") -> Tuple[str, Tuple[str, ...]]:
    """Whether `words` fail or meet a person condition of clause `code` (read in the message `t`, _with_contract)."""
    checks = _checks(_with_contract(words, t), code, ids)
    failed = tuple(c.label for c in checks if c.status == "not_met")
    if failed:
        return "fails", failed
    return ("meets" if any(c.status == "met" for c in checks) else "unknown"), ()


def read(t: str, code: str, ids) -> Optional[Chain]:
    """The chain of the normalised message `t` for clause `code`'s person conditions `ids`, or None."""
    if _busy[0]:
        return None
    _busy[0] = True
    try:
        return _read(t, code, ids)
    finally:
        _busy[0] = False


def _read(t: str, code: str, ids) -> Optional[Chain]:
    p = _patterns()
    found = [m for m in PEOPLE.finditer(t) if whole(m.group("n")) and not re.match(r"[\d.]", t[m.end() : m.end() + 1])]
    if len(found) < 4:
        return None
    steps: List[Step] = []
    left = whole(found[0].group("n"))
    kept, open_, subject = [], [], ""
    for i, m in enumerate(found[1:], 1):
        n = whole(m.group("n"))
        low = max([found[i - 1].end()] + [b.end() for b in BREAK.finditer(t, 0, m.start())])
        high = min(
            [found[i + 1].start() if i + 1 < len(found) else len(t)] + [b.start() for b in BREAK.finditer(t, m.end())]
        )
        lead, tail = t[low : m.start()], t[m.end() : high]
        inside = p["among_lead"].match(tail)
        if inside and not p["among"].match(tail):  # 「通过的45个里签了一年以上…的30个」: the 45 named again
            high = m.end() + inside.end()
            tail = t[m.end() : high]
        if p["left"].search(lead) or p["among"].match(tail):
            kind, failed = _status(t[low:high], code, ids, t)
            read_as = ""
            if kind == "unknown" and subject and n == left and not p["subject"].search(t[low:high]):
                # 「8个没通过考核 通过的97个人里」: exactly the people left, named by the condition the part failed
                read_as = subject + t[low:high]
                kind, failed = _status(read_as, code, ids, t)
            if kind == "fails" and p["again"].search(lead) and any(s.count == n for s in steps if s.kind == "fails"):
                # 「6个高中…那6个高中的签的两年」: a part taken out before, named again: nobody more
                steps.append(Step(n, low, high, "again", failed))
                continue
            if kind == "fails" and n <= left and not p["among"].match(tail):
                # 「其余13个还没就业」: the rest named again and failing is one more part taken out
                left -= n
                steps.append(Step(n, low, high, "fails", failed))
                continue
            if kind == "unknown" and p["unclear"].search(t[low:high]) and n <= left and not p["among"].match(tail):
                steps.append(Step(n, low, high, "unclear"))  # 「其余15个还不确定」: asked, never counted or left out
                open_.append(n)
                continue
            if kind == "fails" or n > left or (n < left and kind != "meets"):
                return None
            left = n
            kept, open_ = [], []
            steps.append(Step(n, low, high, "left", read_as=read_as))
            continue
        own = tail if not p["filler"].match(tail.strip()) else lead
        start, end = (m.start(), high) if own is tail else (low, m.end())
        kind, failed = _status(own, code, ids, t)
        if kind == "unknown":  # 「4名没就业」: words read with their count (a person's word the fact needs)
            kind, failed = _status(t[start:end], code, ids, t)
        said = p["subject"].search(own)
        if kind == "unknown" and subject and not said:
            kind, failed = _status(subject + own, code, ids, t)
        subject = said.group(0) if said else subject
        if kind == "unknown" and p["unclear"].search(t[start:end]) and n <= left:
            steps.append(Step(n, start, end, "unclear"))  # 「另外4个社保情况还不清楚」: asked
            open_.append(n)
            continue
        if kind == "unknown" or n > left:
            return None
        if kind == "fails":
            left -= n
        else:
            kept.append(n)
        steps.append(Step(n, start, end, kind, failed))
    fails = [s for s in steps if s.kind == "fails"]
    if not fails or not any(s.kind == "left" for s in steps):
        return None  # no part taken out, or no group named again: the other readers' messages
    if (kept or open_) and sum(kept) + sum(open_) != left:
        return None  # groups that do not add up to the people left: never a guess
    return Chain(whole(found[0].group("n")), left - sum(open_), tuple(steps))


def failing_spans(t: str) -> List[Tuple[int, int]]:
    """Where the words of the parts taken out of a chain stand (the person conditions of each clause counting people,
    bot/understand/person_checks.py): those parts' facts (「其中15个是中专 剩下的105个里面有10个考核没通过」), never
    the whole group's."""
    if _busy[0] or len(PEOPLE.findall(t)) < 4:
        return []
    from bot.understand.person_checks import person_clauses

    out = []
    for code, ids in person_clauses().items():
        found = read(t, code, ids)
        out += [(s.start, s.end) for s in found.steps if s.kind == "fails"] if found else []
    return out
