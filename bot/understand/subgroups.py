"""Parts of a counted group said apart from the rest: 「60个学员… 不过里面有8个是高中学历」,
「35个实习生… 不过有7个人社保才交了4个月 其他28个都交满半年以上了」.

A fact said of a part (8 of the 60 are 高中) is not the whole group's fact: the fact reader reads the
message without its parts (`without_parts`). A clause that counts people (bot/estimate/clauses/) leaves
out the parts that fail its person conditions (`excluded`): the count is the others the user named
(其他28个), else the group less those parts — a subtraction of the user's own counts, never a guess.
The words are knowledge/data/estimate_words.yml `subgroups`.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional

from bot.estimate.reading import alternation

NUMBER = r"[\d一二两三四五六七八九十百]+"
# a space ends a phrase, except before an English word (「其中一个 is also doing an mba」, the glossary's 其中一个 for
# 「one of them」): English words go on about the same people up to the next stop
PHRASE_END = re.compile(r"[，。；,;！？!?\n]| (?![a-z])")


@dataclass(frozen=True)
class Part:
    """A part of a group: its count, where it is said, and what is said of it."""

    count: int
    start: int  # where the part's words begin
    end: int  # the end of its phrase
    number_at: int  # where its count begins
    text: str  # the phrase, from its count to the phrase's end
    rest: bool  # 其他28个: the others, named by count
    group: int = 0  # the count of the group it was said to be part of (这19个里面…), 0 when not said with it
    removed: bool = False  # 「这4个得去掉」: the user takes it out of the people counted before
    bare: bool = False  # said right after another part with no word opening it (「其中4个… 3个…」): apart from it?


def _words() -> dict:
    from bot.estimate.reading import estimate_words

    return estimate_words()["subgroups"]


@lru_cache(maxsize=1)
def _patterns():
    w = _words()
    exc, inside, rest = alternation(w["exception"]), alternation(w["inside"]), alternation(w["rest"])
    people = alternation(w["people"])
    tail = rf"\s*(?P<n>{NUMBER})\s*(?P<cl>个|名|位|人(?!次))(?:{people})?"
    bare = alternation(w["inside_bare"])
    among = alternation(w["among"])
    batch = alternation(_batches())
    has = rf"(?:{alternation(w['fillers'])})?\s*(?:有|还有)"  # 「里面其实有4个」
    # 「第二期有3个没通过考核」「二班中有2个是高中」: a batch named again, then a count: a part of that batch
    named = rf"(?P<in4>(?<![\d一二两三四五六七八九十])第?[一二三四五六七八九十\d]{{1,2}}\s*(?:{batch}))\s*(?P<among4>{among})?\s*(?:有|还有)"
    # 「硕士里有1个是往届的」「本科生中有2个…」: a group named again by its degree (conditions.yml education), then a count
    degree = rf"(?P<in5>(?:{alternation(_degree_words())})(?:生|学历)?的?\s*(?:{among})\s*(?:有|还有))"
    part = re.compile(
        rf"(?:(?:{exc})\s*[，,]?\s*(?P<in>{inside})?\s*(?:{has})?|(?P<in2>{inside}|(?<=[人个名位员生])[里中])\s*{has}|(?P<in3>{bare})|{named}|{degree})"
        rf"{tail}"
    )
    others = re.compile(rf"(?:{rest})(?:的)?{tail}")
    # 「另外有个大专学历的技术骨干也去了」「还有一个在读MBA的」: one more person, said with no numeral or with 一
    not_people = alternation(w["not_people"])
    one = rf"(?:{alternation(w['addition'])}|{alternation(w['addition_one'])})\s*(?P<one>一\s*)?(?:个|名|位)(?!{not_people})"
    addition = re.compile(rf"(?:{alternation(w['addition'])}){tail}|{one}")
    return part, others, addition


def _degree_words() -> list:
    from knowledge import conditions

    return [str(w) for level in conditions.scales()["education"] for w in level]


def _batches() -> list:
    from bot.estimate.reading import estimate_words

    return estimate_words()["groups"]["batch"]


def _batch_said_before(t: str, m) -> bool:
    """Whether the batch a part names (「第二期有3个…」) was counted before it (「第二期35人」): else the words count the
    batch itself (「第一期有40人」), no part of it."""
    label = re.sub(r"^第|\s", "", m.group("in4"))
    return any(
        re.sub(r"^第|\s", "", x.group(0)) == label for x in re.finditer(rf"第?{re.escape(label)}", t[: m.start()])
    )


def _count(numeral: str) -> Optional[int]:
    from calculator.figures_zh import numeral_value

    value = numeral_value(numeral)
    return int(value) if value is not None and value == int(value) and value > 0 else None


def _group_before(t: str, pos: int) -> int:
    """The largest count of people said before `pos` (0 when none): the group a part belongs to."""
    best = 0
    for m in re.finditer(rf"({NUMBER})\s*(?:个|名|位|人)", t[:pos]):
        n = _count(m.group(1))
        if n and not re.match(r"\s*(个)?(月|年)", t[m.end() - 1 : m.end() + 1]):
            best = max(best, n)
    from bot.understand.groups import read as groups_read

    groups = groups_read(t[:pos])  # 「分别6 5个人 第一期里有5个…」: the groups' total
    return max(best, groups.total) if groups else best


def additions(t: str) -> List[tuple]:
    """(start, end) of each other group said beside one counted before it: 「15个项目经理… 另外还有5个专科的普通
    员工也去了」. Its people are no part of the first group (nothing is subtracted); only its facts are its own."""
    _, _, addition = _patterns()
    out = []
    for m in addition.finditer(t):
        if (m.group("n") is None or _count(m.group("n"))) and _group_before(t, m.start()):
            end_m = PHRASE_END.search(t, m.end())
            out.append((m.start(), end_m.start() if end_m else len(t)))
    return out


def failing_additions(t: str, code: str, ids) -> List[tuple]:
    """(the words, the labels failed) of each other group said beside the one counted (`additions`: 「另外有个大专学历的
    技术骨干也去了」「还有一个在读在职MBA的」) whose own words fail one of clause `code`'s person conditions `ids`: they
    are no part of the people counted, and are named as left out with the condition they miss."""
    from bot.understand.person_checks import failed

    out = []
    for start, end in additions(t):
        words = t[start:end].strip(" ，,")
        labels = failed(words, code, ids)
        if labels:
            out.append((words, labels))
    return out


def parts(t: str) -> List[Part]:
    """The parts of a group said in `t` (normalised text): each smaller than a group counted before it."""
    part, others, _ = _patterns()
    out = []
    for pattern, rest in ((part, False), (others, True)):
        for m in pattern.finditer(t):
            n, group = _count(m.group("n")), _group_before(t, m.start())
            if not rest and m.group("in4") and not m.group("among4") and not _batch_said_before(t, m):
                continue  # 「第一期有40人」: the batch counted, no part of it
            # 「第三期里有两个是中专」「其中3个其实只是大专」 said after the group was counted (an earlier message)
            said_inside = not rest and any(m.group(g) for g in ("in", "in2", "in3", "in4", "in5"))
            # 「其中2个是大专学历 其他10个是…」 after the group was counted: the others after a part said
            after_part = rest and any(p.end <= m.start() and not p.rest for p in out) and group <= n
            if n is None or (group <= n if group and not after_part else not (said_inside or after_part)):
                continue
            if not rest and m.group("in2") in ("里", "中") and not group:
                continue  # 「实习生里有一个…」: 里 after people with no count before them opens no part of a group
            if m.group("cl") == "人" and not group:
                continue  # 「其中一人考核不及格」 with no group counted before: no part of anyone counted, the message's fact
            end_m = PHRASE_END.search(t, m.end())
            end = _continued(t, end_m.start() if end_m else len(t))
            out.append(Part(n, m.start(), end, m.start("n"), t[m.start("n") : end], rest))
            # 「另外3个应届的社保只交了5个月 还有5个是大三的」: after the others, a part opened by 还有/另外 is one more part
            out += _siblings(t, out[-1], group, opened_only=rest)
    out = sorted(set(out), key=lambda p: p.start)
    out = [p for p in out if not (p.rest and any(not q.rest and q.number_at == p.number_at for q in out))]
    return [p for p in out if not any(q is not p and q.start < p.start < q.end for q in out)]


def _siblings(t: str, first: Part, group: int, opened_only: bool = False) -> List[Part]:
    """The parts said one after another right after a part, each opening with its own count (「其中15个是中专 10个考核
    没通过 还有8个只签了半年合同」「其中4个只实习了两个月 3个社保只交了5个月」): parts of the same group, as long as
    their counts together stay within it. A part with no word opening it (`bare`) may be the same people as the one
    before: whether they overlap is read by `overlap_unclear`."""
    w = _words()
    people = alternation(w["people"])
    opener = alternation(w["more"])
    # 「另外4个社保才交了5个月；还有2个是大三的」: after a semicolon or a full stop only a part opened by its own word
    # (还有/另外)
    nxt = re.compile(
        rf"\s*(?:[，,、]|[；;。](?=\s*(?:{opener})))?\s*(?P<o>(?:{opener})\s*(?:有)?)?\s*(?P<n>{NUMBER})\s*"
        rf"(?:个(?!多?月|年|小时)|名|位|人(?!次))(?:{people})?(?![\d一二两三四五六七八九十])"
    )
    rest = re.compile(rf"\s*[，,、]?\s*(?:{alternation(w['rest'])})")
    short = re.compile(alternation(w["short"]))
    out, total, end = [], first.count, first.end
    while group and (m := nxt.match(t, end)):
        n = _count(m.group("n"))
        if n is None or total + n > group or PHRASE_END.match(t, m.end()) or (opened_only and not m.group("o")):
            break
        end_m = PHRASE_END.search(t, m.end())
        stop = _continued(t, end_m.start() if end_m else len(t))
        # 「另外5个只签了10个月合同」: 另外 opens the rest (其余) unless what follows is short of something, within the group
        if stop <= m.end() or (rest.match(t, end) and not (total + n < group and short.search(t, m.end(), stop))):
            break
        end = stop
        out.append(
            Part(
                n,
                m.start("o") if m.group("o") else m.start("n"),
                end,
                m.start("n"),
                t[m.start("n") : end],
                False,
                bare=not m.group("o"),
            )
        )
        total += n
    return out


def _continued(t: str, end: int) -> int:
    """The end of a part's words carried on past `end` over the phrases after a space that go on about the same people
    (「其中2个没签合同 人已经走了不在职」: estimate_words.yml subgroups `continues`; 「其中4个是大二的 不是应届」「其中28个
    转正了 社保连续交满6个月以上」: a phrase with no count of people and no word for everyone that states a person
    condition, `_of_the_part`), each phrase up to its own end."""
    go_on = re.compile(rf" +(?:{alternation(_words()['continues'])})")
    while end < len(t):
        m = go_on.match(t, end)
        if m:
            nxt = PHRASE_END.search(t, m.end())
        elif t[end] == " ":
            nxt = PHRASE_END.search(t, end + 1)
            if not _of_the_part(t[end + 1 : nxt.start() if nxt else len(t)]):
                break
        else:
            break
        end = nxt.start() if nxt else len(t)
    return end


PERSON_FACTS = ("education_level", "fresh_graduate", "internship_months", "social_insurance_months")
PERSON_FACTS += ("trainee_passed_exam", "labor_contract_years", "degree_education")
_reading = [False]


def _of_the_part(phrase: str) -> bool:
    """Whether a phrase said right after a part's is about the part's people: it states a person fact (学历, 应届, 实习期,
    社保, 考核, 劳动合同, 学历教育) and holds no count of people, no word for everyone (都/全部), no other part's opening
    and no question."""
    w = _words()
    if (
        _reading[0]
        or not phrase.strip()
        or re.search(rf"{NUMBER}\s*(?:个(?!多?月|年|小时)|名|位|人)", phrase)
        or re.search(r"都|全|均|一律|所有|大家|每个|每人|吗|多少|能不能|可以|怎么|是否|么|问|(.)不\1", phrase)
        or re.match(alternation(w["rest"] + w["more"] + w["inside"] + w["exception"]), phrase.strip())
    ):
        return False
    from bot.understand.facts import read_facts

    _reading[0] = True
    try:
        return any(k.split("@")[0] in PERSON_FACTS for k in read_facts(phrase))
    finally:
        _reading[0] = False


PART_END = re.compile(r"[，。；,;！？!?\n （(]")


def listed(t: str) -> List[Part]:
    """Parts listed after a group's count and an among word, each told apart: 「这19个里面3个实习期不到3个月 还有2个
    社保只交了5个月」「这74个里有5个只签了半年合同 另外有3个是高中学历」 → Part(3, …, group 19), Part(2, …, group 19)."""
    w = _words()
    among, people = alternation(w["among"]), alternation(w["people"])
    more, rest = alternation(w["more"]), alternation(w["rest"])
    filler = alternation(w["fillers"])
    first = re.compile(
        rf"(?:这|那)\s*(?P<g>{NUMBER})\s*(?:(?:个|名|位)\s*(?:{people})?|人)\s*(?:{among})\s*(?:{filler})?\s*(?:有|还有)?\s*"
        rf"(?P<n>{NUMBER})\s*(?:个(?!多?月)|名|位|人(?!次))"
    )
    # 「还有2个…」, or a count right after the part before (「20个合同签一年 35个签了三年」: `bare`)
    nxt = re.compile(
        rf"\s*[，,]?\s*(?P<o>(?:{more})\s*(?:有)?)?\s*(?P<n>{NUMBER})\s*(?:个(?!多?月|年|小时)|名|位)"
        rf"(?![\d一二两三四五六七八九十])"
    )
    out = []
    for m in first.finditer(t):
        group = _count(m.group("g"))
        pos, start, number_at, n = m.end(), m.start("n"), m.start("n"), _count(m.group("n"))
        found, bare = [], False
        met = _described_met(t, m.group("g"), m.start())
        while n and group:
            if found and _fails_any(t[number_at : (PART_END.search(t, pos) or re.compile("$").search(t)).start()], met):
                break  # 「签了一年以上的有90个 这90个里有5个… 另外有10个只签了半年合同」: those 10 are beside the 90
            end_m = PART_END.search(t, pos)
            end = end_m.start() if end_m else len(t)
            stop = re.search(rf"(?:{rest})", t[pos:end])
            end = pos + stop.start() if stop else end
            found.append(Part(n, start, end, number_at, t[number_at:end], False, group, bare=bare))
            m2 = nxt.match(t, end if not (end_m and t[end] in "（(") else _close(t, end))
            if not m2 or (not m2.group("o") and sum(p.count for p in found) + (_count(m2.group("n")) or 0) > group):
                break
            pos, start, number_at, n = m2.end(), m2.start(), m2.start("n"), _count(m2.group("n"))
            bare = not m2.group("o")
        # parts within the group; a split of it all (「这55个里面20个签一年 35个签了三年」) only when told apart bare
        if group and found and sum(p.count for p in found) <= group - (not found[-1].bare):
            out += found
    return out


def _described_met(t: str, numeral: str, before: int) -> set:
    """(clause code, condition id) pairs met by the phrase where the group named again (「这90个」) was counted before
    (「劳动合同签了一年以上的有90个」): the conditions every one of its people meets."""
    from bot.understand.facts import read_facts
    from knowledge import conditions

    said = [
        x for x in re.finditer(rf"(?<![\d一二两三四五六七八九十百]){re.escape(numeral)}\s*(?:个|名|位|人)", t[:before])
    ]
    said = [x for x in said if not re.search(r"(?:这|那)\s*$", t[: x.start()])]
    if not said or _reading[0]:
        return set()
    at = said[-1]
    starts = [e.end() for e in PHRASE_END.finditer(t, 0, at.start())]
    end = PHRASE_END.search(t, at.end())
    phrase = t[starts[-1] if starts else 0 : end.start() if end else len(t)]
    _reading[0] = True
    try:
        facts = read_facts(phrase.replace(at.group(0), " "))
    finally:
        _reading[0] = False
    return {
        (code, c.id)
        for code, ids in _person_clauses().items()
        for c in conditions.evaluate(code, facts).checks
        if c.id in ids and c.status == "met"
    }


def _fails_any(words: str, met: set) -> bool:
    """Whether `words` fail a condition in `met` ((clause code, condition id) pairs)."""
    if not met or _reading[0]:
        return False
    from bot.understand.facts import read_facts
    from knowledge import conditions

    _reading[0] = True
    try:
        facts = read_facts(words)
    finally:
        _reading[0] = False
    codes = {code for code, _ in met}
    return any(
        (code, c.id) in met and c.status == "not_met" for code in codes for c in conditions.evaluate(code, facts).checks
    )


def _close(t: str, at: int) -> int:
    """The end of the bracketed aside opening at `at`."""
    m = re.compile(r"[）)]").search(t, at)
    return m.end() if m else at


def removed(t: str) -> List[Part]:
    """「有4个人社保只交了4个月 这4个得去掉吧」: a part the user takes out of the people counted before (never 「5个月」, a
    duration, and never 「能不能算」「算不算」, a question)."""
    w = _words()
    people, removal = alternation(w["people"]), alternation(w["removal"])
    pattern = re.compile(
        rf"(?P<n>{NUMBER})\s*(?:个(?!月)|名|位)(?:{people})?(?P<d>[^。；;！？!?]{{0,30}}?)(?:这|那)?\s*(?:{NUMBER})?\s*"
        rf"(?:个|名|位)?(?:{people})?\s*(?:得|要|应该|需要|应|就)?\s*(?<!能)(?<!算)(?:{removal})"
    )
    out = []
    for m in pattern.finditer(t):
        n = _count(m.group("n"))
        if n:
            out.append(Part(n, m.start(), m.end(), m.start("n"), t[m.start("n") : m.end()], False, 0, True))
    return out


def described(t: str) -> List[Part]:
    """Parts described by what their people are, after the group's count and an among word: 「26个实习生里 应届毕业、
    大专以上的有19个」 → Part(19, text 「应届毕业、大专以上的」); only a count smaller than the group's."""
    w = _words()
    among, people = alternation(w["among"]), alternation(w["people"])
    pattern = re.compile(
        rf"(?P<g>{NUMBER})\s*(?:个|名|位)\s*(?:{people})?\s*(?:{among})\s*(?P<d>[^。；;！？!?]{{2,60}}?)"
        rf"的?\s*(?:有|是|占|共|一共|总共)\s*(?P<n>{NUMBER})\s*(?:个|名|位)"
    )
    unit = rf"(?:(?:个|名|位)\s*(?:{people})?|(?:{people}))"
    # 「今年培训了80人，其中60人大专以上、通过了考核…」: the part's count first, its description after it
    count_first = re.compile(
        rf"(?P<g>{NUMBER})\s*{unit}[^。；;！？!?\d]{{0,6}}?(?:{alternation(w['inside_bare'])})\s*(?:有|只有|仅有)?\s*"
        rf"(?P<n>{NUMBER})\s*{unit}\s*(?P<d>[^，,。；;！？!?]{{2,60}})"
    )
    out = []
    for m in pattern.finditer(t):
        group, n = _count(m.group("g")), _count(m.group("n"))
        if group and n and n < group:
            out.append(Part(n, m.start("d"), m.end(), m.start("n"), m.group("d"), False))
    rest = re.compile(rf"\s*(?:{alternation(w['rest'])})")
    for m in count_first.finditer(t):
        group, n = _count(m.group("g")), _count(m.group("n"))
        # 「其中2个退学了 其他43个都是大专以上…」: the others' words are not the part's
        cut = next((x.start() for x in rest.finditer(m.group("d")) if x.start() > 0), len(m.group("d")))
        if group and n and n < group:
            d = m.group("d")[:cut]
            out.append(Part(n, m.start("n"), m.start("d") + cut, m.start("n"), d, False, group))
    return out


def fitting(t: str, code: str, ids) -> Optional[Part]:
    """The part described (`described`) whose description fits clause `code`'s person conditions `ids`: none of
    them failed and at least one met by what is said of it alone (「…里 符合条件的…有19个」 is read elsewhere)."""
    from bot.understand.person_checks import checks
    from bot.understand.scoped_facts import ALL, item_of

    for p in described(t):
        # 「培训机构…60个学员…；外包公司…今年接收30个实习生 其中24个是应届毕业生…」: a part of another item's people
        sentence = t[max([t.rfind(c, 0, p.start) for c in "。；;！!？?\n"]) + 1 : p.end]
        if item_of(sentence) not in (ALL, code):
            continue
        found = checks(p.text, code, ids)
        if found and not any(c.status == "not_met" for c in found) and any(c.status == "met" for c in found):
            return p
    return None


def left_out(t: str) -> List[tuple]:
    """(start, end) of each phrase that says why some people are left out of a count the message gives as the
    qualified one: 「符合条件的是16个，有6个实习没满三个月」. What it says is of those 6, never of the 16 counted
    (the words are estimate_words.yml `subgroups` qualified)."""
    qualified = alternation(_words()["qualified"])
    pattern = re.compile(
        rf"(?:{qualified})\s*(?:的)?\s*(?:是|只有|就是|就|才|实际是|其实是|其实只有)\s*{NUMBER}\s*(?:个|名|位|人)[^。；;！？!?\d]{{0,6}}?"
        rf"[，,\s]\s*(?:因为|其余|另外|剩下的?)?\s*(?:有|还有)?\s*(?P<n>{NUMBER})\s*(?:个|名|位)"
    )
    out = []
    for m in pattern.finditer(t):
        end_m = PHRASE_END.search(t, m.end())
        out.append((m.start("n"), end_m.start() if end_m else len(t)))
    return out


def named_again(t: str, said: List[Part]) -> List[tuple]:
    """(start, end) of each later phrase that names a part said before by its count with 这/那 (「不过其中6个是高中学历
    … 2、高中那6个算不算？」): it is about that part, never the whole group's."""
    out = []
    for m in re.finditer(rf"(?:这|那)\s*(?P<n>{NUMBER})\s*(?:个(?!月)|名|位)", t):
        n = _count(m.group("n"))
        if n and any(p.count == n and p.end <= m.start() for p in said):
            before = [x.end() for x in PHRASE_END.finditer(t, 0, m.start())]
            end_m = PHRASE_END.search(t, m.end())
            out.append((before[-1] if before else 0, end_m.start() if end_m else len(t)))
    return out


def batch_spans(t: str) -> List[tuple]:
    """Words said of a batch's failing parts, or of a batch not finished (bot/understand/batches.py)."""
    from bot.understand.batches import spans

    return spans(t)


def without_parts(t: str) -> str:
    """`t` with the phrases said of a part (not of the others named by count), of a part named again by its count,
    or of another group beside the first blanked, same length."""
    found = parts(t)
    said = [p for p in found + listed(t) + removed(t) if not p.rest and not _meets_only(p, t)]
    said += _failing_rest(t, found)
    from bot.understand.degree_groups import own_fact_spans

    spans = [(p.start, p.end) for p in said] + named_again(t, said) + additions(t) + left_out(t) + batch_spans(t)
    from bot.understand.contract_groups import short_spans

    spans += own_fact_spans(t)  # 「本科10人…还有2个本科社保只交了4个月」: those 2's words
    from bot.understand.condition_groups import failing_spans

    spans += short_spans(t)  # 「A公司12人合同2年；C公司5人合同6个月」: those 5's contract
    spans += failing_spans(t)  # 「计算机班20人考核通过；会计班8人考核没通过」: those 8's words
    from bot.understand.people_chain import failing_spans as chain_spans

    spans += chain_spans(t)  # 「6个不是应届 22个应届生里2个是中专 剩下20个…」: those 6's and 2's words
    from bot.understand.narrowing import beside_spans

    spans += beside_spans(t)  # 「其中应届毕业生16个…；另外4个是大三学生」: those 4's words
    from bot.understand.vague_parts import spans as vague_spans

    spans += vague_spans(t)  # 「一百来号人 有几个退学了」: those few's words
    from bot.understand.degree_course_parts import spans as course_spans

    spans += course_spans(t)  # 「…每人8万；另外两个同事在读EMBA」: those two's course
    from bot.understand.ledger_rows import failing_spans as row_spans

    spans += row_spans(t)  # 「部门经理 本科 2人 在职MBA学费 每人15万」 one ledger line among others: that line's words
    for start, end in spans:
        t = t[:start] + " " * (end - start) + t[end:]
    return t


def _person_clauses() -> dict:
    """The clauses counting people (bot/estimate/clauses/) and the person conditions each of them reads."""
    from bot.understand.person_checks import person_clauses

    return person_clauses()


def _meets_only(p: Part, t: str) -> bool:
    """Whether a part's own words meet a person condition of a clause counting people and fail none of any (「其中24个是
    应届毕业生 大专以上 实习3个月以上 入职后社保连续交满6个月」): they are the people counted, so what is said of them is
    what the verdict reads (the parts left out are blanked). A part removed by the user is never such a part."""

    return not p.removed and _fits_a_clause(p.text, t)


def _statuses(words: str, t: str) -> List[set]:
    """For each clause counting people whose people the message `t` may speak of (the one item whose people it names,
    bot/understand/scoped_facts.py, else all), the statuses of its person conditions that `words` state."""
    from bot.understand.scoped_facts import item_of

    from bot.understand.person_checks import checks

    clauses = _person_clauses()
    scope = item_of(t)
    return [
        {c.status for c in checks(words, code, ids)}
        for code, ids in clauses.items()
        if scope not in clauses or code == scope
    ]


def _fits_a_clause(words: str, t: str) -> bool:
    """Whether `words` meet a person condition of a clause counting people and fail none of that clause's (「应届毕业生
    都是大专以上」 fits 三（七）4 though 大专 is below 三（七）3's 本科: those are interns, no project managers)."""
    from bot.understand.scoped_facts import item_of

    statuses = _statuses(words, t)
    if item_of(t) not in _person_clauses():
        # no item's people named (「哦对了 其中3个其实只是大专学历」 after an estimate of 三（七）3): a part failing any
        # clause's person condition is no part that meets them all
        return any("met" in s for s in statuses) and not any("not_met" in s for s in statuses)
    return any("met" in s and "not_met" not in s for s in statuses)


def _failing_rest(t: str, found: List[Part]) -> List[Part]:
    """The others named by count after a part (「其中18个是应届大专本科… 另外4个是往届的」) whose own words fail a person
    condition of a clause counting people: they are left out, so what is said of them (往届) is theirs alone, never the
    whole group's. The others who meet the conditions (「其他28个都交满半年以上了」) keep their words for the group."""

    out = []
    for p in found:
        if not p.rest or not (any(not q.rest and q.end <= p.start for q in found) or _split_before(t, p)):
            continue
        statuses = _statuses(p.text, t)
        if any("not_met" in x for x in statuses) and not _fits_a_clause(p.text, t):
            out.append(p)
    return out


def _split_before(t: str, p: Part) -> bool:
    """Whether the others named (「剩下20个是高中中专」) follow a count of people smaller than the group counted before
    it (「培训了120人：大专及以上学历的100人（剩下20个…）」): the group was split, the others are the rest of that split."""
    counts = [
        _count(m.group(1))
        for m in re.finditer(rf"({NUMBER})\s*(?:个|名|位|人)", t[: p.start])
        if not re.match(r"\s*(个)?(月|年|小时|天)", t[m.end() - 1 : m.end() + 2])
    ]
    counts = [n for n in counts if n]
    return len(counts) >= 2 and counts[-1] < max(counts[:-1]) and counts[-1] + p.count == max(counts[:-1])


def own_words(said: List[Part]) -> List[str]:
    """What is said of each part, a part said bare right after another taking the subject of the one before when it
    names none (「20个合同刚好签一年 35个签了三年」: 35个 signed a 合同; 「4个社保交了6个月 2个只交了5个月」: 社保) — the
    words are estimate_words.yml people_chain `subjects`."""
    from bot.estimate.reading import estimate_words

    subject = re.compile(alternation(estimate_words()["people_chain"]["subjects"]))
    people = alternation(_words()["people"])
    out, last = [], ""
    for p in said:
        words = p.text
        own = subject.search(words)
        if p.bare and not own and last:
            words = re.sub(rf"^({NUMBER}\s*(?:个|名|位)(?:{people})?)", lambda m: m.group(1) + last, words, count=1)
        last = own.group(0) if own else (last if p.bare else "")
        out.append(words)
    return out


def overlap_unclear(t: str, failing: list) -> str:
    """The question when parts left out for different conditions may be the same people (「其中4个只实习了两个月 3个社保
    只交了5个月」: a part said with no word setting it apart, or an overlap said): subtracting them all would guess.
    "" when the message says they are apart (estimate_words.yml subgroups `disjoint`), each later part opens with a
    word setting it apart (还有/另外), or they fail the same condition (one degree, one length each)."""
    if len(failing) < 2:
        return ""
    w = _words()
    apart = re.compile(alternation(w["disjoint"]))
    said_overlap = re.search(alternation(w["overlapping"]), apart.sub(" ", t))  # 「没有重叠」 says no 「有重叠」
    if not said_overlap and apart.search(t):
        return ""
    if not said_overlap and (
        len({tuple(labels) for _, labels in failing}) == 1 or not any(p.bare for p, _ in failing[1:])
    ):
        return ""
    named = "和".join(f"“{p.text}”" for p, _ in failing)
    return (
        f"{named}是不是有同一批人？请说明这几部分是否重叠（不重叠的话我按总数减去它们计算），"
        f"或直接告诉我符合全部条件的有几名"
    )


def excluded(t: str, code: str, ids) -> tuple:
    """(parts that fail a person condition of clause `code` with the labels failed, the others named by count):
    a part fails when what is said of it alone fails one of the condition ids `ids` (bot/understand/person_checks.py)."""
    from bot.understand.person_checks import checks

    out, others = [], None
    said = listed(t)  # 「其中5个去了火锅店 其他55个进了外包公司 这55个里面20个…」: the parts of each group said
    said += [p for p in parts(t) if not any(q.start <= p.number_at < q.end for q in said)]
    said = sorted(said, key=lambda p: p.start)
    for p, words in zip(said, own_words(said)):
        if of_other_people(t, p, code):
            continue  # 「25个项目经理…；实习生30个，其中12个是应届…的」: the interns' part, never the managers'
        failed = [c for c in checks(words, code, ids) if c.status == "not_met"]
        if failed:  # 「另外4个大专的还没签劳动合同」: a part failing a condition, not the others who meet them
            out.append((p, [c.label for c in failed]))
        elif p.rest:
            others = p
    return out, others


def of_other_people(t: str, part: Part, code: str) -> bool:
    """Whether a part is said of another clause's people than `code`'s: its own words and the count of people said
    last before it both belong to that other clause (bot/understand/people_counts.py owner: 「送了25个项目经理…培训；
    另外…接收了30个外包实习生，其中12个是应届…的」 — the 12 are the 30 interns', a part of them, and come off no other
    group). False when either is unsaid or the clause `code` names no people of its own (a training institution's)."""
    from bot.understand.people_counts import has_topic, owner

    if not has_topic(code):
        return False
    mine = owner(t, part.number_at)
    if mine is None or mine == code:
        return False
    last = None
    for m in re.finditer(rf"({NUMBER})\s*(?:个|名|位|人)", t[: part.start]):
        if not re.match(r"\s*(个)?(月|年|小时|天)", t[m.end() - 1 : m.end() + 2]):
            last = m.start(1)
    return last is not None and owner(t, last) == mine


def group_before(t: str, pos: int) -> int:
    """The largest count of people said before `pos` (0 when none): the group a part belongs to."""
    return _group_before(t, pos)


def nearest_group(t: str, part: Part, opened: bool = True) -> int:
    """The count of people said last before a part opened by an inside word (「13名应届毕业生… 但其中有一位社保只交了
    5个月」 → 13, never the 25 interns taken each year said before them): 其中/里面 points at the people just
    counted. 0 when the part has no inside word, or no count of people stands before it (「5个月」 is no count).
    `opened=False`: any part, with or without an inside word (the caller checks the count is the one it reads)."""
    opening = t[part.start : part.number_at]
    if opened and not re.search(alternation(_words()["inside"] + _words()["inside_bare"]), opening):
        return 0
    last = 0
    for m in re.finditer(rf"({NUMBER})\s*(?:个|名|位|人)", t[: part.start]):
        if not re.match(r"\s*(个)?(月|年|小时|天)", t[m.end() - 1 : m.end() + 2]):
            last = _count(m.group(1)) or last
    return last
