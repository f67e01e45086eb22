"""三（七）4 实习实训补贴 in conversation (calculator/items/internships.py computes it)."""

import re
from decimal import Decimal

from bot.understand.agreement_span import said_of_agreement

from .base import (
    Clause,
    Field,
    ask_unclear_parts,
    ask_uncounted_parts,
    count_less_failing,
    count_less_removed,
    count_without_parts,
    figure_in,
    read_condition_groups,
    read_narrowing,
    read_table_rows,
)

CODE = "3.7.4"
PERSON_CONDITIONS = ("graduate", "education", "months", "insurance")  # each graduate counted must meet these


ASIDE = re.compile(r"[（(][^（）()]{0,60}[）)]\s*(有|是|共|一共|总共)?\s*$")


def _without_aside(before: str) -> str:
    """The words before a count with a bracketed aside taken out: 「符合条件的应届毕业生（大专以上 实习3个月以上）有18个」
    → 「符合条件的应届毕业生」 (the aside restates the policy's conditions; the count is of the words before it)."""
    return ASIDE.sub("", before)


def _degree_groups(r) -> bool:
    """「12个本科应届生…10个大专应届生…8个中专应届生」「本科12个硕士3个大专4个」: each group keeps its own degree; the
    qualified graduates are the groups at the clause's degree or above (bot/understand/degree_groups.py), the others
    are named as left out; a part said to fail a person condition (「其中2个社保才交了4个月」) is taken from their sum.
    True when the message was read this way."""
    from bot.understand.degree_groups import split
    from knowledge import conditions

    leaf = next((x for x in conditions.leaves(CODE) if x.get("id") == "education"), None)
    found = split(r.text, [f for f in r.figs if id(f) not in r.used], leaf["at_least"], CODE) if leaf else None
    if not found or not found[0]:
        return False
    met, below = found
    failing = _own_failing(r.text, met + below)  # 「还有2个本科社保只交了4个月」: a group whose own words fail
    every = met + below
    met = [g for g in met if g not in failing]
    if not met:
        return False
    total = sum(g.count for g in met)
    unplaced = _unplaced(r, every)
    if unplaced:  # 「还有3个应届生学历不清楚」: a count of graduates with no degree is asked about, named
        said = "、".join(f"{g.degree}{g.count}名" for g in met + below)
        r.out.problems.append(
            f"您说的{said}之外，还有“{'”“'.join(unplaced)}”没有说学历（{leaf['label']}才计入）。"
            "请告诉我这些人的学历，或符合条件的应届毕业生一共多少名。"
        )
        return True
    for f in r.figs:
        if any(f.start == g.start for g in every):
            r.use(f)
    said = "+".join(f"{g.degree}{g.count}名" for g in met)
    note = f"符合条件的应届毕业生按{leaf['at_least']}以上学历计：{said} = {total}名"
    if below:
        left = "、".join(f"{g.degree}{g.count}名" for g in below)
        note += f"；{left}不满足“{leaf['label']}”，不计入"
    for g, (words, labels) in failing.items():
        if g not in below:
            note += f"；“{words}”不满足“{'、'.join(labels)}”，这{g.count}名不计入"
    r.out.notes.append(note)
    n = count_without_parts(r, CODE, PERSON_CONDITIONS, total, skip={g.start for g in every})
    r.out.fields["qualified_interns"] = total if n is None else n
    r.out.fields["_fact_education_level@" + CODE] = min((g.degree for g in met), key=_degree_rank)
    return True


def _own_failing(text: str, found: list) -> dict:
    """{group: (its own words, the labels failed)} for each degree group whose own words (bot/understand/degree_groups.py
    own_words) fail a person condition of the clause: that group is left out whole and named, the others counted."""
    from bot.understand.degree_groups import own_words
    from bot.understand.facts import read_facts
    from knowledge import conditions

    out = {}
    for g in found:
        words = own_words(text, g, found)
        if not words:
            continue
        checks = conditions.evaluate(CODE, read_facts(words)).checks
        failed = [
            c.label for c in checks if c.id in PERSON_CONDITIONS and c.id != "education" and c.status == "not_met"
        ]
        if failed:
            out[g] = (words.strip(" 、，,还有另外"), failed)
    return out


def _unplaced(r, placed: list) -> list:
    """The words of each count of graduates (「3个应届生」) said with the degree groups but with no degree of its own
    and no part of a group (bot/understand/subgroups.py)."""
    from bot.understand.degree_groups import topic_before
    from bot.understand.subgroups import parts

    at = {g.start for g in placed} | {p.number_at for p in parts(r.text)}
    out = []
    for f in r.unused("count"):
        m = re.match(r"\s*(?:的|是)?\s*(?:应届|毕业)[^，,。；;\s]{0,12}", r.text[f.end :])
        if (
            m
            and f.start not in at
            and topic_before(r.text, f.start) in (CODE, None)
            and f.value != sum(g.count for g in placed)
            # 「每年接收实习生26名 应届生…」: the interns taken each year, not graduates without a degree
            and not re.search(
                r"(?:每年|一年|年均|接收|接受|招收)[^，,。；;\d]{0,8}$", r.text[max(0, f.start - 12) : f.start]
            )
        ):
            out.append(r.text[f.start : f.end + m.end()])
    return out


def _degree_rank(degree: str) -> int:
    from bot.understand.degree_groups import rank

    return rank(degree)


def _condition_groups(r) -> bool:
    """「郑大来的12人 社保交满8个月；河大7人 社保只交了4个月；工学院5人 社保交满6个月」: groups each told with their own
    conditions (bot/understand/condition_groups.py): the groups none of whose conditions fail are the graduates
    counted, the others named. True when the message was read this way."""
    return read_condition_groups(r, CODE, PERSON_CONDITIONS, "qualified_interns", "符合条件的应届毕业生")


def _whole_split(r) -> bool:
    """「留用了28名应届毕业生…其中24人社保已经连续交了7个月，另外4人才交了5个月」: parts adding up to the group, each with
    its own conditions (bot/understand/whole_split.py): the failing parts come off that group. True when read so."""
    from bot.understand.whole_split import read as read_split

    split = read_split(r.text, CODE, PERSON_CONDITIONS, unclear=True)
    if split is None or split.rest:  # (「有5个…，2个…，其他都符合」: the parts may overlap — asked elsewhere)
        return False
    if split.unclear:  # 「…另外4个人社保情况还不清楚」: asked, naming them
        return ask_unclear_parts(
            r, [(p.words, p.count) for p in split.unclear], split.counted, "应届毕业生", CODE, PERSON_CONDITIONS
        )
    marks = {split.group} | {p.count for p in split.parts}
    for f in r.unused("count"):
        if (
            f.value in marks
            and any(abs(f.start - p.number_at) <= 1 for p in split.parts)
            or (f.value == split.group and re.search(r"名|人|个", f.raw or ""))
        ):
            r.use(f)
    r.out.fields["qualified_interns"] = split.counted
    r.out.notes.append(split.said())
    group = next((f for f in r.figs if f.kind == "count" and f.value == split.group), None)
    if group is not None and "interns_per_year" not in r.out.fields and _taken(r.text, group):
        r.out.fields["interns_per_year"] = int(split.group)  # 「今年接收实习生 25名…社保: 10个人…」: the interns taken
    return True


def _taken(t: str, f) -> bool:
    """Whether the count `f` is of the interns taken in (「今年接收实习生 25名」「接了22个实习生」)."""
    before, after = t[max(0, f.start - 12) : f.start], t[f.end : f.end + 6]
    return bool(re.search(r"每年|一年|今年|收了|接收|接受|招了|招收|接了|来了", before)) and bool(
        re.search(r"实习", before + after)
    )


def _chain(r) -> bool:
    """「28个实习生：6个不是应届 22个应届生里2个是中专 剩下20个里有3个实习只有2个月…」: people narrowed step by step
    (bot/understand/people_chain.py): the parts failing a condition are taken out, the rest counted — never the whole
    item ruled out by one part. The first count (the group) is left to the interns taken each year."""
    from bot.understand.people_chain import read as read_chain

    found = read_chain(r.text, CODE, PERSON_CONDITIONS)
    if found is not None and found.unclear:  # 「…另外4个社保情况还不清楚」: asked, naming them
        words = [(r.text[s.start : s.end].strip(), s.count) for s in found.unclear]
        return ask_unclear_parts(r, words, found.counted, "应届毕业生", CODE, PERSON_CONDITIONS)
    if found is None:  # 「接收了20名实习生，其中应届毕业生16个，都是大专以上…；另外4个是大三学生」: 16
        return read_narrowing(r, CODE, PERSON_CONDITIONS, "qualified_interns")
    starts = {s.start for s in found.steps} | {s.end for s in found.steps}
    for f in r.unused("count"):
        if any(s.start <= f.start < s.end for s in found.steps) or f.start in starts:
            r.use(f)
    r.out.fields["qualified_interns"] = found.counted
    r.out.notes.append(f"符合条件的应届毕业生按{found.said(r.text)}名计算")
    return True


def _agreement_dates(r) -> None:
    """「实训协议是2022年9月到2024年9月」: the agreement's length from its dates (bot/understand/agreement_span.py),
    said in a note; a length said in words too (「正好两年」) must agree, else nothing is set (asked)."""
    from bot.understand.agreement_span import from_dates

    found = from_dates(r.text)
    if found is None or "internship_agreement_years" in r.out.fields:
        return
    years, dates = found
    said = [
        f.value
        for f in r.figs
        if f.kind == "duration_years" and f.value is not None and said_of_agreement(r.text, f.start)
    ]
    if said and any(Decimal(str(v)) != years for v in said):
        return
    r.out.fields["internship_agreement_years"] = years
    for f in r.figs:
        if f.kind == "duration_years" and said_of_agreement(r.text, f.start):
            r.use(f)
    r.out.notes.append(f"实训协议{dates}，按{years.normalize():f}年计算")


def read(r):
    t = r.text
    by_degree = "qualified_interns" not in r.out.fields and (
        # 「姓名 学历 应届 实习期(月) 社保连续月数 是否在职」 pasted with a row per person: each row judged on each column
        read_table_rows(r, CODE, PERSON_CONDITIONS, "qualified_interns", "符合条件的应届毕业生")
        or _chain(r)
        or _degree_groups(r)
        or _condition_groups(r)
        or _whole_split(r)
    )
    failing_at = _failing_part_counts(r)
    _agreement_dates(r)
    for f in r.figs:
        if id(f) in r.used:
            continue
        before = t[max(0, f.start - 12) : f.start]
        after = t[f.end : f.end + 8]
        if (  # 「签了4年实训协议，一年收实习生28人」: 一年 after the agreement's years is how often, not how long
            f.kind == "duration_years"
            and (re.search(r"协议|签|合作", before + after) or said_of_agreement(t, f.start))
            and not re.match(
                r"\s*(以上|及以上)?的?(劳动)?合同", after
            )  # 「签了1年以上合同的学员」: a trainee's contract
            and "internship_agreement_years" not in r.out.fields
        ):
            r.out.fields["internship_agreement_years"] = f.value
            r.use(f)
        elif (
            f.kind == "count"
            and re.search(r"每年|一年|年均|今年|明年|收了|收到|接收|接受|招了|招到|招收|带了|接了|来了", before)
            and (
                re.search(r"实习", before + after)
                # 「如果明年接收到26个，其中符合条件的应届生有21个」: the group the qualified ones are part of
                or (re.match(rf"\s*[，,]?\s*(?:{_among()})", after) and "3.7.4" in r.items)
            )
            and not re.search(r"应届|毕业|符合|合格", before[-6:])
            and (
                not re.search(r"应届|毕业生", _own_words(after)[:6])
                or re.match(rf"\s*[，,]?\s*(?:{_among()})", after)  # 「接24个 里面应届…的有16个」: the group
            )
            and "interns_per_year" not in r.out.fields
        ):
            r.out.fields["interns_per_year"] = int(f.value)
            r.use(f)
        elif (
            f.kind == "count"
            and not by_degree  # the degree groups are the graduates counted
            and f.start not in failing_at  # 「应届大专本科 其中4个只实习了两个月」: 4 are left out, never counted
            # 「其中12个应届的条件都满足 两项加一起」「两家各补多少」: 两项 and 两家 count no one
            and not re.match(r"项|问题|方面|件事|家|主体|公司|企业|单位", t[f.end - 1 : f.end + 2].lstrip("个"))
            and not _refers_back(r, f)
            and not _fails_own_words(
                t, f
            )  # 「其中18个是大专以上应届生…另外2个是中专」: the 2 fail, they are not counted
            and (
                re.search(r"应届|毕业生|符合条件|合格的|达标的", before + after)
                # 「全部条件都符合的有10个」: 符合 with the conditions before it
                or re.search(r"条件[^，。；0-9]{0,3}(?<!不)符合的?(有|是)?\s*$", before)
                or re.search(r"(应届|毕业生|符合条件)[^，。；0-9]{0,4}$", _without_aside(t[: f.start]))
                # 「其中符合条件的应届毕业生（大专以上、实习3个月以上…）有18个」: a long aside before the count
                or re.search(r"其中[^。；]{0,50}(应届|毕业|符合|合格|达标)[^。；]{0,50}$", t[: f.start])
                # 「符合条件的应届毕业生（大专以上、社保交满6个月）有42个」: the word before the aside names it
                or re.search(r"(应届|毕业生|符合条件|合格的|达标的)[^，。；0-9]{0,4}$", _no_asides(t[: f.start]))
                # 「符合应届大专以上 实习3个月以上 在职社保连续6个月以上的有23个」: the conditions listed, then the count
                or re.search(r"(符合|满足)[^。；;？?]{0,60}的\s*(有|是|共|一共|总共)?\s*$", t[: f.start])
                # 「符合条件的应届生 大专以上 实习3个月以上 连续交社保6个月以上 有120个」: the people, their conditions, the count
                or re.search(
                    r"(符合条件|符合要求|合格|达标)的?(应届(毕业)?生|毕业生|实习生)[^。；;？?]{0,60}\s(有|是|共|一共|总共)\s*$",
                    t[: f.start],
                )
            )
        ):
            r.out.fields["qualified_interns"] = int(f.value)
            r.use(f)
    if "qualified_interns" not in r.out.fields:
        _described_part(r)
    if "interns_per_year" not in r.out.fields:
        m = re.search(
            r"(?:每年|一年|年均)[^，。；]{0,12}?(?:实习生?)[^，。；0-9一二三四五六七八九十两]{0,4}"
            r"([0-9]+|[一二三四五六七八九十两]+)(?:多|来|余)(?:个|名|人)",
            t,
        )
        if m:
            from calculator.figures_zh import parse_number

            low = parse_number(m.group(1))
            if low is not None:
                r.out.fields["interns_per_year"] = int(low)
                r.out.notes.append(f"每年接受实习生{m.group(1)}多名，按不少于{int(low)}名核对条件")
    if "interns_per_year" not in r.out.fields:
        _interns_floor(r)
    for f in r.unused("count"):
        # the field asked, when this message has not counted it already: 「这28个实习生中…的有20个，另外8个已经离职」
        # answers with 20 (its note says so); the 28 left over is the group, never the answer over it
        if r.pending == "interns_per_year" and "interns_per_year" not in r.out.fields:
            r.out.fields["interns_per_year"] = int(f.value)
            r.use(f)
        elif r.pending == "qualified_interns" and "qualified_interns" not in r.out.fields:
            r.out.fields["qualified_interns"] = int(f.value)
            r.use(f)
    if "qualified_interns" in r.out.fields and (
        _listed_parts_of(r, r.out.fields["qualified_interns"])
        or (not by_degree and _failing_parts_of(r, r.out.fields["qualified_interns"]))
    ):
        # 「应届大专以上的有19个 这19个里面3个实习期不到3个月 还有2个社保只交了5个月」: 14 are counted
        # 「接收了26个应届实习生 不过有4个实习期还没满 剩下22个…」: 22, checked against 26 − 4
        n = count_without_parts(r, CODE, PERSON_CONDITIONS, r.out.fields["qualified_interns"])
        if n is not None:
            r.out.fields["qualified_interns"] = n
        elif not _listed_parts_of(r, r.out.fields["qualified_interns"]):
            del r.out.fields["qualified_interns"]  # the others counted disagree with the group less its parts: asked
    elif "qualified_interns" not in r.out.fields and r.known.get("qualified_interns"):
        # 「硕士里有1个是往届的」 after the graduates were counted: that part is taken from the count told before
        count_less_failing(r, "qualified_interns", CODE, PERSON_CONDITIONS)
        count_less_removed(r, "qualified_interns")
    elif "qualified_interns" in r.out.fields and r.known.get("qualified_interns") and not by_degree:
        _less_of_earlier(r)
    if "qualified_interns" not in r.out.fields and "interns_per_year" in r.out.fields:
        # 「接了35个实习生… 不过有7个人社保才交了4个月 其他28个都交满半年以上了」: 28 are counted
        n = count_without_parts(r, CODE, PERSON_CONDITIONS, r.out.fields["interns_per_year"])
        if n is not None:
            r.out.fields["qualified_interns"] = n
    _uncounted_parts(r)
    if r.pending == "internship_agreement_years" and "internship_agreement_years" not in r.out.fields:
        for f in r.figs:
            if f.kind in ("duration_years", "count") and id(f) not in r.used:
                r.out.fields["internship_agreement_years"] = f.value
                r.use(f)
                break
        if "internship_agreement_years" not in r.out.fields and r.bool_answer() is False:
            r.out.fields["internship_agreement_years"] = Decimal(0)
    from bot.understand.counted_facts import set_for

    set_for(r, "qualified_interns", CODE, PERSON_CONDITIONS)  # 「其中28个是应届大专以上…」: met for those counted


def _interns_floor(r) -> None:
    """「今年接了130多个实习生」: the interns taken are at least the figure said (a lower bound, knowledge/data/
    vague_figures.yml lower_bounds); set only when that floor already meets 每年接受实习生20名以上, never a number of
    its own (a floor below it is asked)."""
    from calculator.figures_zh import parse_number
    from bot.estimate.reading import alternation
    from bot.estimate.vague_figures import vague_words
    from knowledge import conditions

    after = alternation(vague_words()["lower_bounds"]["after"])
    taken = r"(?:每年|一年|年均|今年|接了|收了|接收了?|接受了?|招了|招收了?|带了|来了)"
    count = rf"(?P<n>[0-9]+|[一二三四五六七八九十两百]+)\s*(?:{after})\s*(?:个|名|位|人)"
    m = re.search(rf"{taken}[^，。；;0-9]{{0,6}}?{count}[^，。；;\d]{{0,4}}?实习", r.text) or re.search(
        rf"实习生?[^，。；;0-9]{{0,4}}?{taken}[^，。；;0-9]{{0,4}}?{count}", r.text
    )
    leaf = next((x for x in conditions.leaves(CODE) if x.get("id") == "interns"), None)
    low = parse_number(m.group("n")) if m and leaf else None
    if low is None or Decimal(str(low)) < conditions.threshold(leaf):
        return
    r.out.fields["interns_per_year"] = int(low)
    said = r.text[m.start("n") : m.end("n") + 4].split("实习")[0].rstrip("，。；; ")
    r.out.notes.append(f"接受实习生{said}，按不少于{int(low)}名核对“{leaf['label']}”")


def _fails_own_words(text: str, f) -> bool:
    """A count whose own words (up to the next statement) fail a person condition of the clause (「另外2个是中专」
    「3个是往届的」): those people are not the graduates counted, whatever 其中/应届 was said before them."""
    from bot.understand.person_checks import failed

    return bool(failed(text[f.start : f.end] + _own_words(text[f.end : f.end + 24]), CODE, PERSON_CONDITIONS))


def _less_of_earlier(r) -> None:
    """「硕士里有1个是往届的不是应届 另外大专还有5个符合条件的应届生」 after the graduates were counted: the part said
    to fail a person condition before the new count is of the graduates told before; it is kept as `_less_<key>`
    (the session takes it from their count when it adds the new ones), said in a note."""
    from bot.understand.subgroups import excluded

    failing, _ = excluded(r.text, CODE, PERSON_CONDITIONS)
    told = r.out.fields["qualified_interns"]
    new_at = min(
        (
            f.start
            for f in r.figs
            if f.kind == "count" and f.value == told and all(p.number_at != f.start for p, _ in failing)
        ),
        default=len(r.text),
    )
    earlier = [(p, labels) for p, labels in failing if p.number_at < new_at and not p.group]
    if not earlier:
        return
    for f in r.unused("count"):
        if any(p.number_at == f.start for p, _ in earlier):
            r.use(f)
    r.out.fields["_less_qualified_interns"] = sum(p.count for p, _ in earlier)
    r.out.notes.append(
        "；".join(f"“{p.text}”不符合“{'、'.join(labels)}”，这{p.count}名不计入" for p, labels in earlier)
    )


def _own_words(after: str) -> str:
    """The words after a count up to where another statement begins (a punctuation mark, or a space before a
    year word or an among word: 「每年收实习生正好20个 今年应届的…」)."""
    from bot.estimate.reading import YEAR_CUR, YEAR_PREV

    return re.split(rf"[，,；;。]|\s+(?={YEAR_CUR}|{YEAR_PREV}|{_among()})", after)[0]


def _among() -> str:
    """The words opening a part of a group just counted (「接22个 里面符合…的有15个」): subgroups' inside words."""
    from bot.estimate.reading import alternation, estimate_words

    w = estimate_words()["subgroups"]
    return alternation(w["inside"] + w["inside_bare"])


def _failing_part_counts(r) -> set:
    """Where the counts of the parts said to fail a person condition begin (bot/understand/subgroups.py excluded): such
    a count is of people left out, never the graduates counted, whatever words (应届) stand beside it."""
    from bot.understand.subgroups import excluded

    return {p.number_at for p, _ in excluded(r.text, CODE, PERSON_CONDITIONS)[0]}


def _listed_parts_of(r, group: int) -> bool:
    """Whether the message lists parts of the count `group` (bot/understand/subgroups.py listed) that fail a person
    condition: 「其中23个…都满足（这23个里有6个实习期正好3个月）」 narrows nobody out of the 23."""
    from bot.understand.person_checks import failed
    from bot.understand.subgroups import listed, own_words

    said = [p for p in listed(r.text) if p.group == group]
    return any(failed(words, CODE, PERSON_CONDITIONS) for words in own_words(said))


def _uncounted_parts(r) -> None:
    """「接收了30个应届实习生 有几个社保没交满」: the graduates counted are not the 30 and the part's count is not said:
    the count said before the part is dropped and the qualified count asked, naming the part."""
    from bot.understand.vague_parts import failing

    found = failing(r.text, CODE, PERSON_CONDITIONS)
    told = r.out.fields.get("qualified_interns")
    if not found or told is None:
        return
    first = r.text.find(found[0][0])
    if any(f.kind == "count" and f.value == told and f.start < first for f in r.figs):
        del r.out.fields["qualified_interns"]
        ask_uncounted_parts(r, CODE, PERSON_CONDITIONS, "应届毕业生")


def _failing_parts_of(r, group: int) -> bool:
    """Whether a part said after the count `group` fails a person condition, the count being the largest said before
    it (「接收了26个应届实习生 不过有4个实习期还没满」): the part is of those graduates; or `group` is the others the
    user counts after such a part."""
    from bot.understand.subgroups import excluded, group_before, nearest_group

    failing, others = excluded(r.text, CODE, PERSON_CONDITIONS)
    # 「13名应届毕业生… 但其中有一位社保只交了5个月」: 其中 is of the 13 just counted, not of the 25 taken each year
    if any(group_before(r.text, p.start) == group or nearest_group(r.text, p) == group for p, _ in failing):
        return True
    # 「接收实习生35名 应届毕业的30个都是大专以上 但是有4个只实习了两个月」: the part said right after the graduates
    # counted (the count of people said last before it) is of them, never of the 35 taken
    first = min((p for p, _ in failing if not p.rest), key=lambda p: p.start, default=None)
    # 「里面15个是应届大专 另外4个应届的社保只交了4个月」: a part opened by 另外/还有 is other people, never of the 15
    apart = first is not None and re.search(_more(), r.text[first.start : first.number_at])
    if first is not None and not apart and first.count < group and nearest_group(r.text, first, opened=False) == group:
        return True
    # 「其中5个社保没交满 其余25个都符合」 read as the graduates counted: checked against the group less the part
    return bool(failing and others is not None and others.count == group)


def _more() -> str:
    """The words opening one more part apart from the people said before it (estimate_words.yml subgroups more)."""
    from bot.estimate.reading import alternation, estimate_words

    return alternation(estimate_words()["subgroups"]["more"])


def _described_part(r) -> None:
    """「今年26个实习生里 应届毕业、大专以上…的有19个」: the part whose description fits the person conditions is the
    qualified graduates (19), never the group (26) it is a part of (bot/understand/subgroups.py)."""
    from bot.understand.subgroups import fitting

    part = fitting(r.text, CODE, PERSON_CONDITIONS)
    if part is None:
        return
    for f in r.unused("count"):
        if f.start == part.number_at:
            r.use(f)
    r.out.fields["qualified_interns"] = part.count


def _no_asides(text: str) -> str:
    """`text` without its closed asides in brackets."""
    return re.sub(r"[（(][^（）()]*[）)]", "", text)


def qualified_question(session) -> str:
    """Asks for the qualified interns as a part of the interns the user counted (「30名实习生中…」)."""
    told = session.inputs.get("interns_per_year")
    among = f"您说的{int(told)}名实习生中，" if told else "其中"
    return (
        f"{among}符合条件的应届毕业生有多少名？（大专以上学历、实习期"
        f"{figure_in('3.7.4', 'internship_months', '个月')}以上、在职并连续交纳社保不低于"
        f"{figure_in('3.7.4', 'social_insurance_months', '个月')}）"
    )


def _refers_back(r, f) -> bool:
    """「今年符合条件的应届生10个 这两个分别多少」: 「这两个」 points back at things said (the questions) unless
    the qualification follows it; a count whose 应届/符合条件 word already went to another count before it is
    not the qualified interns."""
    before = r.text[max(0, f.start - 12) : f.start]
    after = re.split(r"[，,。；;！!？?\s]", r.text[f.end :])[0]
    if re.search(r"(这|那|上面|上述|以上|前面)\s*$", before):
        return not re.search(r"应届|毕业|符合|合格|达标", after)  # 「这20个全都符合应届生条件」 counts them
    words = [m.end() for m in re.finditer(r"应届|毕业生|符合条件", before)]
    if not words:
        return False
    word_at = f.start - len(before) + words[-1]
    return any(g.kind == "count" and word_at <= g.start < f.start for g in r.figs if g is not f)


CLAUSES = (
    Clause(
        code=CODE,
        name="实习实训补贴",
        triggers=r"实习|实训(?!设备|器材|室|系统|平台|软件|硬件|基地建设)|应届|毕业生",  # 「实训设备」 is a purchase, no intern
        fields=(
            Field(
                "internship_agreement_years",
                "实训协议",
                "年",
                question="与高校签订的实习生实训协议是几年的？",
                recognised_by="a number of years beside 协议/签/合作",
                from_facts=True,
            ),
            Field(
                "interns_per_year",
                "每年接受实习生",
                "名",
                question="每年接受服务外包实习生多少名？",
                recognised_by="a count after 每年/一年/接收/招了 in a clause about 实习 (not 应届/毕业/符合)",
                from_facts=True,
            ),
            Field(
                "qualified_interns",
                "符合条件的应届毕业生",
                "名",
                question=qualified_question,
                recognised_by="a count beside 应届/毕业生/符合条件",
                implies_item=True,
            ),
        ),
        checklist="实习实训补贴",
        person_conditions=("qualified_interns", "interns_per_year", PERSON_CONDITIONS),
        read=read,
        reads_when=lambda reader: (
            reader.pending in ("internship",) or "3.7.4" in reader.items or reader.has(r"实习|应届")
        ),
    ),
)
