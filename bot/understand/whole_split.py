"""A group split into described parts, all said of that one group: 「一共25个人… 其中18个是本科以上的项目经理；4个是大专学历
的项目经理；另外3个是本科的普通开发工程师」 (18 + 4 + 3 = 25 → 18), 「22个人里面有5个其实是大专学历，还有1个是普通工程师不是
项目经理，剩下的都是本科以上项目经理」 (22 − 5 − 1 = 16).

Every part is a part of the group, so every part failing a person condition comes off that group together — never
one part off the group in one note and another part off it again in another. Read only when the parts add up:
- the parts' counts add up to the group, each part's own words stating a person condition (met or failed); or
- the rest is said without a count (knowledge/data/estimate_words.yml people_chain `left`: 「剩下的都是…」) and its own
  words fail none: the group less the failing parts.
Anything else (parts not adding up, a part with nothing said of it, no part failing) is None: another reader or a
question takes the message, never a guess.
"""

import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from bot.understand.people_counts import PEOPLE, whole

OPEN = re.compile(r"[，,；;。！!？?\n：:\s]")
END = re.compile(r"[；;。！!？?\n]|\s")
TRAIL = re.compile(r"[，,、\s]*(?:还有|另外|另有|此外)?\s*$")
# the condition a part's length is of (「社保交了7个月」「实习4个月」「合同签了2年」), carried to a next part naming only a length
CONDITION_NOUN = re.compile(r"社保|社会保险|实习期?|劳动合同|合同")
LEAD = re.compile(r"^[\s，,、；;。]*(?:其中|另外|还有|另有|里面|当中)*(?:有)?")


@dataclass(frozen=True)
class SplitPart:
    count: int
    words: str  # its own words as typed
    failed: Tuple[str, ...]  # labels of the person conditions its words fail
    number_at: int
    unclear: bool = False  # its words say its conditions are not known yet (「另外4个社保情况还不清楚」)


@dataclass(frozen=True)
class Split:
    group: int
    counted: int
    parts: Tuple[SplitPart, ...]
    rest: str  # the rest said without a count (「剩下的都是本科以上项目经理」), or ""

    @property
    def failing(self) -> List[SplitPart]:
        return [p for p in self.parts if p.failed]

    @property
    def unclear(self) -> List[SplitPart]:
        return [p for p in self.parts if p.unclear]

    def said(self) -> str:
        """「“4个是大专学历的项目经理”不符合“…”、“3个是本科的普通开发工程师”不符合“…”，这7名不计入；按25 − 4 − 3 = 18名计算」."""
        why = "；".join(f"“{p.words}”不符合“{'、'.join(p.failed)}”" for p in self.failing)
        less = "".join(f" − {p.count}" for p in self.failing)
        left = sum(p.count for p in self.failing)
        return f"{why}，这{left}名不计入；按{self.group}{less} = {self.counted}名计算"


def _rest_pattern() -> "re.Pattern":
    from bot.estimate.reading import alternation, estimate_words

    words = [w for w in estimate_words()["people_chain"]["left"] if len(w) > 1]
    return re.compile(
        rf"(?:{alternation(words)})(?:人|员工|同事)?(?:的)?\s*(?:都|全|全部|也|均)(?!\s*[\d一二两三四五六七八九十])"
    )


def read(t: str, code: str, ids, group: Optional[int] = None, unclear: bool = False) -> Optional[Split]:
    """The split of the normalised message `t` for clause `code`'s person conditions `ids`; `group`: the count of
    the group told before (a follow-up), which the message must name again (「22个人里面…」); `unclear`: a part whose
    words say its conditions are not known (people_chain `unclear`) is kept as such (the caller asks about it)."""
    from bot.understand.people_chain import unclear_words
    from bot.understand.person_checks import checks

    found = [m for m in PEOPLE.finditer(t) if whole(m.group("n")) and not re.match(r"[\d.]", t[m.end() : m.end() + 1])]
    rest_re = _rest_pattern()
    for i, head in enumerate(found):
        size = whole(head.group("n"))
        if group is not None and size != group:
            continue
        later = found[i + 1 :]
        if not later:
            continue
        parts, rest, ok = [], "", True
        for j, m in enumerate(later):
            opens = [o.end() for o in OPEN.finditer(t, (later[j - 1].end() if j else head.end()), m.start())]
            start = max([later[j - 1].end() if j else head.end()] + opens)
            stop = later[j + 1].start() if j + 1 < len(later) else len(t)
            end = next((e.start() for e in END.finditer(t, m.end(), stop)), stop)
            r = rest_re.search(t, m.end(), end)
            if r:
                cut = max([m.end()] + [o.start() for o in OPEN.finditer(t, m.end(), r.start())])
                rest = t[r.start() : next((e.start() for e in END.finditer(t, r.end())), len(t))]
                end = cut
            words = t[start:end]
            if parts and re.match(r"[\s，,]*(其中|这\s*[\d一二两三四五六七八九十]+\s*[个名人位]?(里|中|当中))", words):
                ok = False  # 「留下来的有26个 其中3个…」: a part of the part before it, never the group's own (26 + 3 + 1 ≠ 30's)
                break
            own = t[start : m.start()] + " " + t[m.end() : end]
            said = checks(own, code, ids)
            if not any(c.status in ("met", "not_met") for c in said):
                # 「其中24人社保已经连续交了7个月，另外4人才交了5个月」: a part that names only a length takes the
                # condition word said last since the group (「社保情况是15个人交了8个月 3个人刚好交满6个月 还有4个人
                # 只交了5个月」「社保：20人交了7个月，6人…」)
                noun = ([None] + list(CONDITION_NOUN.finditer(t, head.end(), start)))[-1]
                if noun and re.search(r"\d+\s*(个月|月|年)|半年", own):
                    said = checks(noun.group(0) + own, code, ids)
            if not any(c.status in ("met", "not_met") for c in said) and unclear and unclear_words(own) and not rest:
                parts.append(
                    SplitPart(
                        whole(m.group("n")),
                        TRAIL.sub("", LEAD.sub("", words)).strip(" ，,、；;。"),
                        (),
                        m.start(),
                        True,
                    )
                )
                continue
            if not any(c.status in ("met", "not_met") for c in said):
                ok = False
                break
            failed = tuple(c.label for c in said if c.status == "not_met")
            parts.append(
                SplitPart(
                    whole(m.group("n")), TRAIL.sub("", LEAD.sub("", words)).strip(" ，,、；;。"), failed, m.start()
                )
            )
            if rest:
                if j + 1 < len(later):
                    ok = False
                break
        if not ok or not parts or not any(p.failed or p.unclear for p in parts) or any(p.count >= size for p in parts):
            continue  # (a part as large as the group is no part of it: 「收实习生30个 应届的32个」)
        total = sum(p.count for p in parts)
        failing = sum(p.count for p in parts if p.failed)
        if rest and any(p.unclear for p in parts):
            continue
        if rest:
            # 「40个 应届的32个，但是有5个…还有2个…其他都符合」: a part that fails nothing beside the rest leaves it open
            # which people the failing parts are of (the 32's or the 40's): not this reading
            if any(not p.failed for p in parts):
                continue
            if any(c.status == "not_met" for c in checks(rest, code, ids)) or failing >= size:
                continue
            return Split(size, size - failing, tuple(parts), rest)
        if total == size and len(parts) > 1 and failing < size:
            return Split(size, size - failing - sum(p.count for p in parts if p.unclear), tuple(parts), "")
    return None
