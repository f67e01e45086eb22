"""People counted batch by batch, each batch with its own parts: 「第一期40人 有3个是高中学历；第二期34人全部符合；第三期
还在上课」, 「第一批30人 28人考核通过 其中26人签了一年以上」, 「这期60人 其中8个高中 5个没签合同 3个没通过 这三拨人不重叠」.

Each batch counts (a subtraction or a choice of the user's own counts, never a guess):
- the innermost part said to meet the person conditions (「28人通过 其中26人签了」 → 26), less the parts said inside it
  that fail one;
- else the batch's size less the parts said to fail a condition — when two such parts fail different conditions and
  the message does not say they are apart (「不重叠」「另有」), they may be the same people: asked, naming both;
- a batch not finished or not examined yet (「还没结业」「还没考试」) counts 0 and is named.
A batch told again in a later message replaces its count (「补充一下 第二批考完了 32人里30人通过」).
The words are knowledge/data/estimate_words.yml `batches` (and `groups` batch for the batch words).
"""

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from bot.estimate.reading import alternation
from bot.understand.people_counts import PEOPLE

NUMBER = r"[\d一二两三四五六七八九十百]+"
COUNT = PEOPLE  # the shared reader of counts of people (bot/understand/people_counts.py)
DELIM = re.compile(r"[，,。；;！？!?\n ：:、（）()]")
INTRO = re.compile(r"这其中|其中|里面|里头|当中|之中|另外|另有|还有|此外|只有(?=\s*$)|有(?=\s*$)")
# 「48人中有…」 opens a part of the 48; 「7个中专的」「3个中级职称」 name those 7 or 3 (a degree, a rank), no part of them
AMONG = r"中(?![专职级层高技])"
_busy = [False]  # read_facts reads a part's words without its parts (subgroups.without_parts): no reading inside


@dataclass(frozen=True)
class Part:
    count: int
    start: int  # where its words begin (the text of the whole message)
    end: int
    status: str  # "meets" | "fails" | "unknown"
    failed: Tuple[str, ...]  # condition labels failed
    failed_ids: Tuple[str, ...]
    nested: bool  # said inside the part before it (其中)
    apart: bool  # said as another part (另有/还有)
    said: str = ""  # what is said of it, its count and opening words left out
    owner: int = -1  # the part it is said to be a part of (index among the batch's parts), -1: the batch itself
    other: bool = False  # said as the others or another part (另外/其余/剩下…): no one of the parts before it

    def words(self, t: str) -> str:
        return t[self.start : self.end].strip()


@dataclass(frozen=True)
class Batch:
    key: str  # 第1期, 本期
    label: str  # as typed
    size: Optional[int]
    counted: Optional[int]  # None: not countable from what is said
    said: str  # the arithmetic: 「40 − 3 = 37」
    unfinished: bool
    ask: str = ""  # the overlap question, when it matters and is not said
    spans: Tuple[Tuple[int, int], ...] = ()  # words said of parts that fail, or of the batch not finished
    failing: Tuple[int, ...] = ()  # the counts of the parts said to fail a condition (of a batch named again: its own)
    all_fail: bool = False  # of a batch named again: every count said of it is of a part failing a condition
    parts_failed: Tuple[Tuple[int, Tuple[str, ...]], ...] = ()  # (count, condition ids failed) of each failing part
    joined: bool = False  # people meeting them all said in two parts apart (「其中62人…；另外23人里有13人也都符合」)


@dataclass(frozen=True)
class Batches:
    batches: Tuple[Batch, ...]

    @property
    def ask(self) -> str:
        return "；".join(b.ask for b in self.batches if b.ask)


def _words() -> dict:
    from bot.estimate.reading import estimate_words

    return estimate_words()["batches"]


@lru_cache(maxsize=1)
def _patterns() -> dict:
    from bot.estimate.reading import estimate_words

    w = _words()
    batch = alternation(estimate_words()["groups"]["batch"])
    return {
        "label": re.compile(
            rf"(?:(?<![\d一二两三四五六七八九十])第\s*(?P<o>[\d一二三四五六七八九十]{{1,2}})\s*(?P<b>{batch})"
            rf"|(?P<this>这|本|该)\s*(?:一)?\s*(?:个)?\s*(?P<b2>{batch})"
            # 「3月班」「7月份那期」「上半年那个班」: a batch named by its month or its label
            rf"|(?<![\d一二两三四五六七八九十])(?P<m>1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月份?\s*(?:的|那)?\s*(?:一)?\s*(?:个)?\s*(?P<b3>{batch})"
            rf"|(?P<l>{alternation(estimate_words()['groups']['labels'])})\s*(?:的|那)?\s*(?:一)?\s*(?:个)?\s*(?P<b4>{batch})"
            # 「a班40人」「B班28人」: a letter names the group; 「一期培训32人；二期25人」: an ordinal without 第, when its
            # people follow at once (「三期学员：…」 counts the batches, it names none)
            rf"|(?<![a-z])(?P<x>[a-z])\s*(?P<b5>{batch})"
            rf"|(?<![\d一二两三四五六七八九十第每、和])(?P<o2>[一二三四五六七八九])\s*(?P<b6>期|批|班)"
            rf"(?=[^，,。；;：:\n期批班第各、]{{0,6}}?[\d一二两三四五六七八九十]+\s*(?:个|名|位|人)))(?!的人)"
        ),
        "unfinished": re.compile(alternation(w["unfinished"])),
        "all_meet": re.compile(alternation(w["all_meet"])),
        "correction": re.compile(
            rf"\s*[，,]?\s*(?:{alternation(w['correction'])})\s*[，,]?\s*(?:是|应该是|其实是)?\s*(?P<n>{NUMBER})\s*(?:个|名|位|人)"
        ),
        "disjoint": re.compile(alternation(w["disjoint"])),
        "nested": re.compile(rf"(?:{alternation(w['nested'])})\s*(?:有|还有|只有)?\s*$"),
        "passed": re.compile(rf"(?<![没未不])(?:{alternation(w['passed'])})"),
        "unsigned": re.compile(alternation(w["unsigned"])),
        "signed": re.compile(rf"(?<![没未不])(?:{alternation(w['signed'])})"),
        "rest": re.compile(
            r"其他|其余|剩下|其它|余下|除(?:了|去|开)?(?:上面|以上|前面|上述|这些)|(?:这|那)\s*[\d一二两三四五六七八九十]+\s*(?:拨|类|部分|组)"
        ),
    }


def _count(numeral: str) -> Optional[int]:
    from calculator.figures_zh import numeral_value

    value = numeral_value(numeral)
    return int(value) if value is not None and value == int(value) and value > 0 else None


def _classify(words: str, code: str, ids) -> Tuple[str, Tuple[str, ...], Tuple[str, ...]]:
    from bot.understand.facts import read_facts
    from knowledge import conditions

    p = _patterns()
    facts = read_facts(words)
    verdict = conditions.evaluate(code, facts)
    status = {c.id: (c.status, c.label) for c in verdict.checks if c.id in ids}
    if "contract" in status and p["unsigned"].search(words):
        status["contract"] = ("not_met", status["contract"][1])
    if "exam" in status and status["exam"][0] == "unknown" and p["passed"].search(words):
        status["exam"] = ("met", status["exam"][1])
    if "contract" in status and status["contract"][0] == "unknown" and p["signed"].search(words):
        status["contract"] = ("met", status["contract"][1])
    failed = tuple(k for k, (s, _) in status.items() if s == "not_met")
    if failed:
        return "fails", tuple(status[k][1] for k in failed), failed
    if any(s == "met" for s, _ in status.values()):
        return "meets", (), ()
    return "unknown", (), ()


def _segments(t: str) -> List[Tuple[str, str, int, int]]:
    """(key, label, start, end) of each batch said, its text up to the next batch named (a batch named again is
    merged into the first naming of it by its key)."""
    from calculator.figures_zh import numeral_value

    found = []
    for m in _patterns()["label"].finditer(t):
        if m.group("o"):
            n = numeral_value(m.group("o"))
            key = f"第{int(n)}{m.group('b')}" if n else m.group(0)
        elif m.group("m"):
            n = numeral_value(m.group("m"))
            key = f"{int(n)}月{m.group('b3')}" if n else m.group(0)
        elif m.group("l"):
            key = f"{m.group('l')}{m.group('b4')}"
        elif m.group("x"):
            key = f"{m.group('x').upper()}{m.group('b5')}"
        elif m.group("o2"):
            n = numeral_value(m.group("o2"))
            key = f"第{int(n)}{m.group('b6')}" if n else m.group(0)
        else:
            key = f"本{m.group('b2')}"
        found.append((key, m.group(0), m.start(), m.end()))
    out = []
    for i, (key, label, start, end) in enumerate(found):
        stop = found[i + 1][2] if i + 1 < len(found) else len(t)
        out.append((key, label, end, stop))
    return out


def _batch(
    t: str,
    key: str,
    label: str,
    start: int,
    end: int,
    code: str,
    ids,
    disjoint_all: bool,
    named_before: bool = False,
    counted_before: Optional[int] = None,
    as_part: bool = False,
) -> Batch:
    """One batch's count. `counted_before`: its count from an earlier message — what is said of it now is first read as
    parts of it (「秋季班有6个是中专 要去掉」: 52 − 6), kept when every count said fails a condition and is within it;
    `as_part`: read that way (no size said)."""
    if counted_before is not None:
        part = _batch(t, key, label, start, end, code, ids, disjoint_all, True, None, True)
        if part.size is None and part.failing and part.all_fail and sum(part.failing) <= counted_before:
            return part
    p = _patterns()
    seg = t[start:end]
    counts = [m for m in COUNT.finditer(seg) if not re.match(r"[\d.]", seg[m.end() : m.end() + 1])]
    size, first = None, 0
    # 「第二期里有6个…」「一班是其中5个没拿到证」: a part of it, no size
    again = as_part or re.match(r"\s*(?:(?:是|应该是|其实是)\s*其中|里面|里头|里|当中|之中|中)", seg)
    if named_before and re.match(r"\s*(?:也|还|另外)?\s*有", seg):
        again = True  # 「第一期20人 第二期20人 第一期有1个是高中学历」: the batch named again, 有 opens a part of it
    if counts and counts[0].start() <= 12 and not again:  # 「第一期40人」「第二批昨天考完了 32人里…」: the batch's size
        size, first = _count(counts[0].group("n")), 1
    if size is not None:
        c = p["correction"].match(seg, counts[0].end())
        if c:  # 「36人 哦不是 是34人」
            size = _count(c.group("n"))
            counts = [m for m in counts if m.start() >= c.end()]
            first = 0
    subs = counts[first:]
    parts: List[Part] = []
    at: Dict[int, int] = {}  # each count's index among `subs` → its part's index among `parts`
    bounds = []
    for i, m in enumerate(subs):
        before_delims = [d.end() for d in DELIM.finditer(seg, 0, m.start())]
        prev_end = subs[i - 1].end() if i else (counts[0].end() if first and counts else 0)
        b = max([prev_end] + before_delims)
        bounds.append(b)
    for i, m in enumerate(subs):
        nxt = bounds[i + 1] if i + 1 < len(subs) else len(seg)
        rest = p["rest"].search(seg, m.end(), nxt)
        after_end = rest.start() if rest else nxt
        lead = seg[bounds[i] : m.start()]
        # what is said of the part, without its count and the words opening it (「其中」「另有」): its own facts
        words = INTRO.sub("", lead) + " " + seg[m.end() : after_end]
        n = _count(m.group("n"))
        if n is None:
            continue
        if re.search(r"(?:这|那)\s*$", lead):
            same = [j for j, q in enumerate(parts) if q.count == n]
            if same:  # 「考核通过35人 这35人都是大专以上」: the same people, more said of them
                q = parts[same[-1]]
                status, labels, fids = _classify(q.said + " " + words, code, ids)
                parts[same[-1]] = replace(
                    q, end=start + after_end, status=status, failed=labels, failed_ids=fids, said=q.said + " " + words
                )
                at[i] = same[-1]
                continue
        named = [j for j, q in enumerate(parts) if q.count == n]
        if (
            named
            and not re.sub(r"[\s，,；;。：:、]", "", words)
            and re.match(rf"\s*(?:里|{AMONG}|当中|之中)", seg[m.end() :])
        ):
            at[i] = named[-1]  # 「大专及以上45个…；45个里考核合格的40个」: the 45 named again, the part said in them
            continue
        status, labels, fids = _classify(words, code, ids)
        if status == "unknown" and _says_all_met(words):  # 「其中45人都符合条件」: the user's word for all of them
            status = "meets"
        after_prev = seg[subs[i - 1].end() if i else (counts[0].end() if first else 0) :]
        inside_prev = bool(re.match(rf"\s*(?:里|{AMONG}|当中|之中|里面)", after_prev))
        nested = bool(p["nested"].search(lead)) or inside_prev
        apart = bool(p["disjoint"].search(lead))
        prev = at.get(i - 1, -1) if i else -1
        # 「另外23个人里10个是高中，13个只签了半年」: 10 is of the 23 (里 right after it, or 其中 after it), 13 beside the 10
        # 「考核通过的里面60个」: a group named by what its people are, not the part before: no part owns it
        described = not inside_prev and bool(re.search(r"的\s*(?:里面|里头|里|当中|之中|中)\s*(?:有|还有)?\s*$", lead))
        owner = (-1 if described else prev) if nested else (parts[prev].owner if prev >= 0 else -1)
        at[i] = len(parts)
        other = apart or bool(p["rest"].search(lead))
        part = Part(n, start + bounds[i], start + after_end, status, labels, fids, nested, apart, words, owner, other)
        parts.append(part)
    unfinished = bool(p["unfinished"].search(seg))
    # a part said inside a part that does not meet them all (「另外23个人里13个签了一年」) is never the count
    meets = [
        q
        for q in parts
        if q.status == "meets"
        and (size is None or q.count <= size)
        and all(parts[j].status == "meets" for j in _owners(parts, q))
    ]
    fails = [q for q in parts if q.status == "fails"]
    spans = tuple((q.start, q.end) for q in fails)
    told = _residual(t, parts, fails, size)  # 「…剩下87个都符合」: the user's own count of those who meet them all
    if told is not None:
        return Batch(key, label, size, told.counted, told.said, False, told.ask, spans)
    if meets:
        inner = meets[0]
        for q in meets[1:]:
            if q.count <= inner.count and q.start > inner.start:
                inner = q
        mine = parts.index(inner)
        # a part failing said inside the counted one (「28人通过 其中2个是高中」); never one said of another part
        # (「其中62人都符合；另外23个人里10个是高中」: the 10 are of the 23)
        inside = [
            q
            for q in fails
            if q.start > inner.start and q.nested and q.count < inner.count and mine in _owners(parts, q)
        ]
        left = sum(q.count for q in inside)
        chain = [q.count for q in meets if q.start <= inner.start and q.count >= inner.count]
        said = " → ".join(str(c) for c in ([size] if size else []) + sorted(set(chain), reverse=True))
        said = f"{said}（符合条件的{inner.count}名）" if len(chain) + bool(size) > 1 else f"{inner.count}"
        if left:
            said += f" − {left} = {inner.count - left}"
        # 「其中48个…都符合，还有7个中专的，另外5个没签」: the parts failing beside the counted one are the others of the
        # batch, named as left out; more people than the batch holds is asked, naming the parts, never a count guessed
        # 「其中62人都符合；另外23人里有13人也都符合，10个是高中」: people meeting them all said inside another part
        # beside the counted one (a part whose conditions are not said) are counted too, less the parts failing in them
        extra = [
            q
            for q in parts
            if q.status == "meets"
            and q.start > inner.start
            and q not in meets
            and 0 <= q.owner
            and parts[q.owner].status == "unknown"
            and parts[q.owner].other
            and mine not in _owners(parts, q)
        ]
        extra = [q for q in extra if not any(parts[j] in extra for j in _owners(parts, q))]
        in_extra = [q for q in fails if q.nested and any(parts[j] in extra for j in _owners(parts, q))]
        beside = [q for q in fails if q not in inside and q not in in_extra and q.start > inner.start]
        # 「另外23个没通过 其中10个还是高中」: the 10 are within the 23 left out, never more people beside them
        beside = [q for q in beside if not any(parts[j] in beside for j in _owners(parts, q))]
        joined = sum(q.count for q in extra)
        if size and len(chain) == 1 and beside and inner.count + joined + sum(q.count for q in beside) > size:
            named = "、".join(f"“{_shown(q.words(t))}”" for q in [inner] + extra + beside)
            ask = f"{label}共{size}名，但{named}加起来超过{size}名，请说明这些人数是怎么分的（或直接告诉我符合全部条件的有几名）"
            return Batch(key, label, size, None, said, False, ask, spans)
        counted = inner.count - left
        if extra:
            less = sum(q.count for q in in_extra)
            counted += joined - less
            more = " + ".join(f"{q.count}（“{_shown(q.words(t))}”）" for q in extra)
            said += f" + {more}" + (f" − {less}" if less else "") + f" = {counted}" + _why(t, in_extra)
        said += _why(t, beside)
        told = inner.count + joined + sum(q.count for q in beside)
        unsaid = size - told if size and len(chain) == 1 and (beside or extra) else 0
        if unsaid > 0:  # 「60人 其中48个都符合 还有7个中专」: the 5 not said of are not counted, and said so
            said += f"（其余{unsaid}名未说明符合条件，不计入）"
        return Batch(key, label, size, counted, said, False, "", spans, joined=bool(extra))
    if unfinished and not fails:
        m = p["unfinished"].search(seg)
        return Batch(
            key, label, size, 0, f"{m.group(0)}，暂不计入（0）", True, "", ((start + m.start(), start + m.end()),)
        )
    failed = tuple((q.count, q.failed_ids) for q in fails)
    if size is None:  # 「第二期里有6个是高中」: a batch named again, its parts are of the batch counted before
        every = bool(parts) and len(fails) == len(parts)
        return Batch(
            key, label, None, None, _why(t, fails), unfinished, "", spans, tuple(q.count for q in fails), every, failed
        )
    if not fails and not parts:
        status, labels, _ = _classify(seg, code, ids)
        if (
            status == "fails"
        ):  # 「C班15人全通过，但签的都是6个月的合同」: what is said of the whole batch fails for all of it
            said = re.split(r"[。？?！!\n]", seg)[0].strip(" ，,；;")
            why = f"（“{said}”不符合“{'、'.join(labels)}”）"
            return Batch(key, label, size, 0, f"{size} − {size} = 0{why}", False, "", ((start, end),), (size,))
    if not fails:
        return Batch(key, label, size, size, f"{size}（全部符合）", False, "", spans)
    ask = ""
    kinds = {fid for q in fails for fid in q.failed_ids}
    apart = disjoint_all or all(q.apart for q in fails[1:])
    if len(fails) > 1 and len(kinds) > 1 and not apart:
        named = "和".join(f"“{q.words(t)}”" for q in fails)
        ask = f"{label}里{named}是不是有同一批人？请说明是否重叠（或直接告诉我{label}符合全部条件的有几名）"
    left = sum(q.count for q in fails)
    said = f"{size} − " + " − ".join(str(q.count) for q in fails) + f" = {max(size - left, 0)}" + _why(t, fails)
    return Batch(key, label, size, max(size - left, 0), said, False, ask, spans, (), parts_failed=failed)


def _says_all_met(words: str) -> bool:
    """Whether a part's own words say its people meet every condition (「都符合条件」「全部达标」), never a question nor
    a negation (「不都符合」「符不符合」)."""
    m = _patterns()["all_meet"].search(words)
    return bool(m) and not re.search(r"[不没未]\s*$", words[: m.start()]) and not QUESTION.search(words[m.end() :][:4])


def _owners(parts: List[Part], q: Part) -> List[int]:
    """The indexes of the parts `q` is said to be inside, nearest first."""
    out, j = [], q.owner
    while 0 <= j < len(parts) and j not in out:
        out.append(j)
        j = parts[j].owner
    return out


def _residual(t: str, parts: List[Part], fails: List[Part], size: Optional[int]):
    """The residual count said after the batch's failing parts (「其余17个都符合条件」「剩下87个都是大专以上…」), checked
    against the batch's size less those parts (bot/understand/residuals.py); None when no residual count is said."""
    from bot.understand.residuals import check

    p = _patterns()
    said = [
        q
        for q in parts
        if q.status != "fails"
        and p["rest"].match(q.said.strip())
        and (q.status == "meets" or p["all_meet"].search(q.said))
        and any(f.start < q.start for f in fails)
    ]
    if not said or size is None or said[-1].count >= size:
        return None
    q = said[-1]
    found = check(size, [f.count for f in fails if f.start < q.start], q.count, named=q.words(t))
    return found if found.counted is None else replace(found, said=found.said + _why(t, fails))


def _why(t: str, fails: List[Part]) -> str:
    """「（“有3个是中专学历”不符合“学员大专以上学历”）」: each part left out and the condition it fails."""
    if not fails:
        return ""
    return (
        "（"
        + "；".join(
            f"“{_shown(re.sub(r'^(?:里面|里头|里|当中|中)?(?:还有|有)?', '', q.words(t)))}”不符合“{'、'.join(q.failed)}”"
            for q in fails
        )
        + "）"
    )


def _shown(words: str) -> str:
    """A part's words as shown, without the question that may follow them (「另外5个没签合同,定额培训补贴能拿多少」)."""
    pieces = re.split(r"(?<=[，,；;。！!？?])", words)
    kept = pieces
    for i, x in enumerate(pieces[1:], 1):
        if QUESTION.search(x):
            kept = pieces[:i]
            break
    return "".join(kept).rstrip("，,；;、。！! ")


QUESTION = re.compile(r"多少|几[个名位]?|吗|么|能不能|是否|怎么")


def read(t: str, code: str, ids, known: Optional[dict] = None) -> Optional[Batches]:
    """The batches said in `t` (normalised), or None when the message does not count batch by batch: two batches or
    more named, one batch named that the running estimate already counts batch by batch (`known`: key → count), or
    one group with two parts or more that fail a condition."""
    if _busy[0]:
        return None
    _busy[0] = True
    try:
        return _read(t, code, ids, known or {})
    finally:
        _busy[0] = False


def _read(t: str, code: str, ids, known: dict) -> Optional[Batches]:
    segs = _segments(t)
    disjoint_all = bool(re.search(r"不重叠|没有重叠|互不重叠|不重复|没重叠|没有交叉|不交叉", t))
    if not segs:
        first = COUNT.search(t)
        if not first:
            return None
        segs = [("本期", "这批学员", max(first.start() - 1, 0), len(t))]
    keys = [key for key, _, _, _ in segs]
    batches = [
        _batch(t, key, label, s, e, code, ids, disjoint_all, key in keys[:i], _before(known, key, keys[:i]))
        for i, (key, label, s, e) in enumerate(segs)
    ]
    merged: Dict[str, Batch] = {}
    for b in batches:
        before = merged.get(b.key)
        if before is None and b.size is None and _before(known, b.key, ()) is not None:
            # a batch counted in an earlier message, named again with parts of it that fail: taken out of its count
            n = int(known[b.key])
            before = Batch(b.key, b.label, n, n, f"{n}（此前已计）", False)
        if before is not None and b.size is None:
            if b.failing and before.counted is not None and not before.ask:
                n = max(before.counted - sum(b.failing), 0)
                said = (
                    f"{before.said.replace('（全部符合）', '')} − {' − '.join(str(x) for x in b.failing)} = {n}"
                    + b.said
                )
                merged[b.key] = Batch(
                    before.key,
                    before.label,
                    before.size,
                    n,
                    said,
                    False,
                    "",
                    before.spans + b.spans,
                    before.failing + b.failing,
                )
            continue
        merged[b.key] = b
    batches = list(merged.values())
    named = [b for b in batches if b.key != "本期"]
    # two batches or more; one batch after batches counted before; one group with two failing parts or more
    several = len(named) >= 2 or (len(named) == 1 and bool(known))
    one = len(batches) == 1 and batches[0].size
    if not several and not (one and (len(batches[0].spans) >= 2 or batches[0].joined)):
        return None
    if any(b.counted is None and not b.ask for b in batches):
        return None
    return Batches(tuple(batches))


def _before(known: dict, key: str, named: tuple) -> Optional[int]:
    """The count of batch `key` from an earlier message, when this message has not named it before."""
    value = known.get(key)
    return int(value) if isinstance(value, (int, float)) and key not in named and key != "本期" else None


def spans(t: str, code: str = "3.7.2", ids=("education", "exam", "contract")) -> List[Tuple[int, int]]:
    """Where the words said of a batch's failing parts or of a batch not finished stand (not the whole group's facts)."""
    if _busy[0] or not re.search(r"期|批|班|轮|组", t):
        return []
    found = read(t, code, ids)
    return [s for b in found.batches for s in b.spans] if found else []


shown = _shown  # a part's words as quoted in a note (bot/understand/narrowing.py too)
# read by bot/understand/batch_corrections.py (a batch's failing part corrected in a later message)
segments = _segments
classify = _classify
count_of = _count


def reading(flag: bool) -> None:
    """Marks the batch reader busy (True) while a batch's own words are read, so the fact reader reads no batch inside."""
    _busy[0] = flag


def is_reading() -> bool:
    return _busy[0]
