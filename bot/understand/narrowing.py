"""People narrowed condition by condition in one message: 「培训了150人，大专以上学历的130人，其中考核通过的110人，通过的
人里有96人签了一年期劳动合同，其余签的是半年」 → 96; 「接收了20名实习生，其中应届毕业生16个，都是大专以上、实习满3个月…；
另外4个是大三学生」 → 16.

The first count is the group. A later count whose own words meet a person condition of the clause not met yet by the
counts before it, and fail none, is a part of the count before it (a narrowing): the chain goes on from it. Any other
count is a part beside the last one (「30个去了普通制造厂，剩下20个还没签」, 「另外4个是大三学生」): left out, named.
The chain's end is counted only when every person condition is met along it and the parts beside it add up, with it,
to the count it was taken from; else None — another reader or a question takes the message, never a guess.
A count's words run from the break before it to the next count's, cut at a sentence's end or where a part beside it
opens (knowledge/data/estimate_words.yml `narrowing` beside).
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Tuple

from bot.estimate.reading import alternation
from bot.understand.batches import AMONG, shown
from bot.understand.people_counts import PEOPLE, whole

BREAK = re.compile(r"[，,。；;：:！!？?\n\s]")
END = re.compile(r"[。；;！!？?\n]")
THINGS = re.compile(r"[^\s，,。；;？?！!]{0,10}?(?:项目|问题|事情|学校|高校|协议|机构|平台|园区|基地|中心)")
SENTENCE = re.compile(r"[。！!？?\n]")
_busy = [False]


@dataclass(frozen=True)
class Part:
    count: int
    start: int
    end: int
    failed: Tuple[str, ...] = ()  # labels of the conditions its words fail
    meets: bool = False  # its words meet a condition and fail none
    said: str = ""  # a step's words as read, with the condition word carried to it (「劳动合同一年及以上的」)


@dataclass(frozen=True)
class Narrowing:
    group: int
    counted: Optional[int]  # None: the parts beside do not add up — asked
    chain: Tuple[Part, ...]  # the group, then each narrowing, the counted one last
    beside: Tuple[Part, ...]  # the parts left out beside the counted one
    at: int = 0  # when counted is None: the chain's index of the count the unclear parts were said beside (0: the last)

    def unclear(self, t: str) -> str:
        """「“其余10个签的是半年”」: the parts beside, named when they do not add up."""
        return "、".join(f"“{shown(t[p.start : p.end].strip(' ，,、'))}”" for p in self.beside)

    def said(self, t: str) -> str:
        """「150 → 130 → 110 → 96（“另外4个是大三学生”不计入）」."""
        steps = " → ".join(str(p.count) for p in self.chain)
        why = "；".join(
            f"“{shown(t[p.start : p.end].strip(' ，,、'))}”"
            + (f"不符合“{'、'.join(p.failed)}”" if p.failed else "不计入")
            for p in self.beside
        )
        return steps + (f"（{why}）" if why else "")


@lru_cache(maxsize=1)
def _beside() -> "re.Pattern":
    from bot.estimate.reading import estimate_words

    return re.compile(rf"^(?:{alternation(estimate_words()['narrowing']['beside'])})")


def _spans(t: str, found: list) -> List[Tuple[int, int]]:
    starts = []
    for i, m in enumerate(found):
        low = found[i - 1].end() if i else 0
        starts.append(max([low] + [b.end() for b in BREAK.finditer(t, low, m.start())]))
    out = []
    for i, m in enumerate(found):
        high = starts[i + 1] if i + 1 < len(found) else len(t)
        end = next((e.start() for e in END.finditer(t, m.end(), high)), high)
        for b in BREAK.finditer(t, m.end(), end):
            if _beside().match(t[b.end() : end]):
                end = b.start()
                break
        out.append((starts[i], end))
    return out


def _nested(t: str, start: int, at: int, before_end: int) -> bool:
    """Whether the count at `at` (its words begin at `start`) is said inside the count before it, which ends at
    `before_end` (「其中考核通过的110人」「通过的人里有96人」「130人中，考核通过的110人」): a second narrowing said
    without it (「大专以上的90人，考核通过的85人」) may count the people meeting each condition apart, never the ones
    meeting both."""
    from bot.estimate.reading import estimate_words

    w = estimate_words()["narrowing"]
    lead = rf"(?:{alternation(w['nested'])})"
    return bool(re.search(lead, t[start:at])) or bool(re.match(rf"\s*(?:{lead}|{AMONG}|里)", t[before_end:at]))


def _subject(words: str) -> str:
    """The last condition word (people_chain subjects: 合同, 社保…) said of a count, for a part beside it said without one."""
    from bot.estimate.reading import estimate_words

    said = re.findall(alternation(estimate_words()["people_chain"]["subjects"]), words)
    return said[-1] if said else ""


def _rest_said(t: str, found: list) -> bool:
    """「签半年合同的60人，其余没签」: the rest said with no count after the last count — the parts need not add up."""
    from bot.estimate.reading import estimate_words

    rest = alternation(estimate_words()["people_chain"]["left"][:10])
    stop = SENTENCE.search(t, found[-1].end())
    tail = t[found[-1].end() : stop.start() if stop else len(t)]
    return bool(re.search(rf"(?:{rest})(?!的?\s*[\d一二两三四五六七八九十百])", tail))


def read(t: str, code: str, ids) -> Optional[Narrowing]:
    """The narrowing of the normalised message `t` for clause `code`'s person conditions `ids`, or None."""
    if _busy[0]:
        return None
    _busy[0] = True
    try:
        return _read(t, code, ids)
    finally:
        _busy[0] = False


def _read(t: str, code: str, ids) -> Optional[Narrowing]:
    from bot.understand.person_checks import checks

    found = [m for m in PEOPLE.finditer(t) if whole(m.group("n")) and not re.match(r"[\d.]", t[m.end() : m.end() + 1])]
    # 「另外我们还办了一个服务贸易业务培训项目」: a count of things, no part (the message's stops may be read as spaces)
    found = [m for m in found if not THINGS.match(t, m.end())]
    if found:  # the sentence of the group: 「…其余签的是半年。另外我们还办了一个培训项目」 — that 一个 is no part
        stop = SENTENCE.search(t, found[0].end())
        found = [m for m in found if not stop or m.start() < stop.start()]
    if len(found) < 3:
        return None
    spans = _spans(t, found)
    met, chain, beside, last, subject = set(), [], [], 0, ""
    unclear: Optional[Tuple[Tuple[Part, ...], int]] = None
    level: List[Part] = []  # the parts beside the chain's last count
    for m, (start, end) in zip(found, spans):
        n = whole(m.group("n"))
        words = t[start:end]
        said = checks(words, code, ids)
        if subject and not any(c.status in ("met", "not_met") for c in said):
            said = checks(subject + words, code, ids)  # 「签了劳动合同的，一年及以上的96个」: 合同
        subject = _subject(words) or subject
        fails = tuple(c.label for c in said if c.status == "not_met")
        new = {c.id for c in said if c.status == "met"} - met
        if chain and n == chain[-1].count and _named_again(t, start, m):
            # 「这180人中考试过了的170人」「130人里考核通过118人」: named again, the next taken inside it
            last = m.end()
            continue
        if chain and not fails and n < chain[-1].count and _aside(t, start, m):
            continue  # 「96个（其中40个签的正好一年）」: a detail of the count before, inside it
        split = not level or (len(chain) > 1 and sum(p.count for p in level) + chain[-1].count == chain[-2].count)
        if not chain:
            if fails:
                return None  # the group itself fails: the other readers' message
            met |= new
        elif new and not fails and n <= chain[-1].count and level and not split and _named_before(t, last, m):
            # 「其中130人、剩下8个高中；130人里考核通过118人」: 130 + 8 is not 140 — the chain goes on inside 130, and
            # the parts beside it are asked about, naming them (never a count guessed)
            unclear = unclear or (tuple(level), len(chain) - 1)
            met |= new
            level = []
        elif new and not fails and n <= chain[-1].count and split:
            # 「其中大专及以上130人、剩下10个高中学历；130人里考核通过118人」: the parts beside add up, the chain goes on
            if len(chain) > 1 and not _nested(t, start, m.start(), last):
                return None  # 「大专以上的90人，考核通过的85人」: each condition's count apart, or nested? not guessed
            if level and not _nested(t, start, m.start(), last):
                return None
            met |= new
            level = []
        else:
            if not fails and not any(c.status == "met" for c in said):  # 「…签了1年劳动合同 10个签了2年」: 合同
                said = checks(_subject(t[chain[-1].start : chain[-1].end]) + t[start:end], code, ids)
            meets = not any(c.status == "not_met" for c in said) and any(c.status == "met" for c in said)
            beside.append(Part(n, start, end, fails, meets))
            level.append(beside[-1])
            continue
        chain.append(Part(n, start, end, said=(subject if subject not in words else "") + words))
        last = m.end()
    if len(chain) < 2 or not beside and len(chain) < 3 or set(ids) - met:
        return None
    if any(p.meets for p in beside):
        return None  # 「30个签了1年 10个签了2年」: more groups that qualify — the readers of groups add them up
    if unclear:
        return Narrowing(chain[0].count, None, tuple(chain), unclear[0], unclear[1])
    if level and sum(p.count for p in level) + chain[-1].count != chain[-2].count and not _rest_said(t, found):
        # parts that do not add up to the count they were taken from: after two narrowings the chain is plain and the
        # parts beside are what is unclear — asked, naming them (counted None); else another reader's. Never a guess.
        return Narrowing(chain[0].count, None, tuple(chain), tuple(level)) if len(chain) > 2 else None
    return Narrowing(chain[0].count, chain[-1].count, tuple(chain), tuple(beside))


def _named_again(t: str, start: int, m) -> bool:
    """Whether the count `m` names the count before it again: 这/那 before it (「这118人里」) or an among word right
    after it (「130人里考核通过118人」)."""
    return bool(re.search(r"[这那]\s*$", t[start : m.start()]) or re.match(rf"\s*(?:{AMONG}|里|中)", t[m.end() :]))


def _named_before(t: str, last: int, m) -> bool:
    """Whether the count `m` is said inside a count named again just before it (「130人里考核通过118人」)."""
    return bool(last) and bool(re.match(rf"\s*(?:{AMONG}|里|中)", t[last : m.start()]))


def _aside(t: str, start: int, m) -> bool:
    """Whether the count `m` opens a bracketed aside (「（其中40个签的正好一年）」): a detail of the count before it."""
    return bool(re.match(r"[\s、，,]*[（(]", t[start : m.start()]))


def beside_spans(t: str) -> List[Tuple[int, int]]:
    """Where the words of the parts left out beside a narrowing stand (each clause counting people,
    bot/understand/person_checks.py): those parts' facts (「另外4个是大三学生」), never the whole group's."""
    if _busy[0] or len(PEOPLE.findall(t)) < 3:
        return []
    from bot.understand.person_checks import person_clauses

    out = []
    for code, ids in person_clauses().items():
        found = read(t, code, ids)
        out += [(p.start, p.end) for p in found.beside] if found and found.counted is not None else []
    return out
