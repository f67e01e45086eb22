"""What a clause module declares: the Clause and its Fields, and the wording helpers they share.

A field's type and contract label come from calculator/inputs.py (one spelling of each field);
a clause module adds what the conversation needs: the short read-back label, the unit, the
question that asks for it, and how a figure of that role is recognised in a message.
Every policy figure in a question or label is read from knowledge/data/figures.yml (`words`).
"""

import re
from dataclasses import dataclass, field
from typing import Callable, Optional, Tuple, Union

from calculator.inputs import LABELS, field_type
from knowledge.figures import figure
from knowledge.figures import words as figure_words

Question = Union[str, Callable[[object], str]]
CHINESE_DIGITS = "零一二三四五六七八九十"
COUNT_WORDS = {2: "两"}


@dataclass(frozen=True)
class Field:
    """One calculator input as the conversation knows it."""

    key: str
    label: str  # read-back label: 今年离岸执行额
    unit: str = ""  # read-back unit: 美元, 元, 年, 名 …
    question: Question = ""  # what asks for it (a function of the session when it depends on it)
    recognised_by: str = ""  # how a figure of this role is recognised in a message (the reader's words)
    from_facts: bool = False  # may be filled from a fact the user stated earlier (facts.yml)
    implies_item: bool = False  # once given, its figures make the clause part of the estimate
    describe: Optional[Callable[[object], str]] = None  # read-back of a list or a special value
    other_ways: str = (
        ""  # other ways to tell it, said when a bare yes answers its question (bot/estimate/yes_to_number.py)
    )

    @property
    def type(self) -> str:
        """The contract's type of the field (calculator/inputs.py)."""
        return field_type(self.key)

    @property
    def contract_label(self) -> str:
        """The contract's label of the field (calculator/inputs.py)."""
        return LABELS[self.key]

    def ask(self, session) -> str:
        return self.question(session) if callable(self.question) else self.question


@dataclass(frozen=True)
class Clause:
    """One award item of 第三条 in conversation."""

    code: str  # 3.5, 3.8.2a …: the calculator's item code
    name: str  # the answers' name of the item
    triggers: str  # words (a regex on normalised text) that name the item
    fields: Tuple[Field, ...]  # its inputs, in read-back order (shared ones are the same Field object)
    applicant: str = "enterprise"  # who applies: enterprise, park_operator, training_institution
    checklist: str = ""  # the pre-screening checklist's line; "" when the item is not offered there
    asks: Tuple[str, ...] = ()  # the keys asked, in order (default: every field but the listed never-asked)
    never_asked: Tuple[str, ...] = ()  # fields read when said but never asked for
    questions: dict = field(default_factory=dict)  # questions that ask for several fields at once
    missing: Optional[Callable] = None  # (session, asked so far) → keys still to ask; default: `asks` not given
    final_when: Optional[Callable[[dict], bool]] = None  # inputs after which no further clause is asked
    # failure checks: the conditions of knowledge/data/conditions.yml that rule the item out, and, for items
    # that count people, (count field, group field, condition ids each person must meet)
    conditions: str = ""
    person_conditions: Optional[tuple] = None
    read: Optional[Callable] = None  # (reader) → None: reads this clause's figures from a message
    reads_when: Optional[Callable] = None  # (reader) → bool: whether the message may hold them

    @property
    def condition_code(self) -> str:
        """The code of knowledge/data/conditions.yml that holds this item's conditions."""
        return self.conditions or self.code

    def asked_keys(self) -> Tuple[str, ...]:
        return self.asks or tuple(f.key for f in self.fields if f.key not in self.never_asked)

    def keys_missing(self, session, asked: list) -> list:
        if self.missing is not None:
            return self.missing(session, asked)
        return [k for k in self.asked_keys() if k not in session.inputs]


def count_word(n) -> str:
    """1 → 一, 2 → 两 (as the policy writes small counts: 一年以上, 连续两年)."""
    n = int(n)
    return COUNT_WORDS.get(n) or (CHINESE_DIGITS[n] if 0 <= n <= 10 else str(n))


def figure_count(code: str, key: str) -> str:
    """A small count of figures.yml in words: figure_count("3.8.2", "operating_years") == "一"."""
    return count_word(figure(code, key))


def figure_in(code: str, key: str, unit: str) -> str:
    """A figure of figures.yml with its unit: figure_in("3.7.4", "internship_months", "个月") == "3个月"."""
    return figure_words(code, key, unit)


def year_word(session, previous=False) -> str:
    """「2023年」 when the year is known, else 「今年（业务执行年度）」 / 「上一年度」."""
    year = session.inputs.get("year")
    if year:
        return f"{int(year) - 1 if previous else int(year)}年"
    return "上一年度" if previous else "今年（业务执行年度）"


def rate_rule() -> str:
    """The policy's exchange-rate rule, quoted from knowledge/, with what it means."""
    from knowledge import query

    rule = query.document()["exchange_rate"]
    return (
        f"{rule['text'].split('，')[-1]}（{query.clause(rule['clause'])['label']}）："
        "离岸金额按业务执行那一年的美元兑人民币年平均中间价折算。"
    )


def wan(d, unit: str = "元") -> str:
    """A figure as people say it: 150万美元, 8,000元."""
    from decimal import Decimal

    from calculator.text import amount

    return amount(Decimal(d), unit)


OVERLAP_ASKED = "_parts_overlap_asked"  # parts left out may overlap: the count is asked, nobody assumed to qualify


def count_without_parts(r, code: str, ids, group: int, skip=()) -> Optional[int]:
    """The people counted when the message sets apart parts of the group that fail the clause's person
    conditions (bot/understand/subgroups.py): the others the user named by count (其他28个), else the group less
    those parts, said in a note; None when no part fails. The parts' counts are used up either way. `skip`: where
    counts begin that are no parts (groups of their own, already left out)."""
    from bot.understand.subgroups import excluded, overlap_unclear

    failing, others = excluded(r.text, code, ids)
    failing = [(p, labels) for p, labels in failing if p.number_at not in skip]
    said_of = {p.group for p, _ in failing if p.group}
    if len(said_of) == 1:  # 「这19个里面3个… 还有2个…」: the parts are of the group they were said with
        group = said_of.pop()
    elif failing:  # 「…留下来的有26个 其中3个社保才交了4个月 还有1个…」: 其中 right after a count: parts of that count
        first = min(p.number_at for p, _ in failing)
        m = re.search(
            r"(?:有|是|共|一共|总共|合计)\s*([\d]+|[一二两三四五六七八九十]+)\s*(?:个|名|人|位)(?:人|学生|实习生|应届生)?"
            r"\s*[，,]?\s*其中\s*(?:有)?\s*$",
            r.text[:first],
        )
        if m:
            from calculator.figures_zh import numeral_value

            n = numeral_value(m.group(1))
            if n is not None and sum(p.count for p, _ in failing) < int(n) < group:
                group = int(n)
    # 「150个实习生，其中130个应届…。培训那块是5个项目经理」: a part larger than the group is another group's part
    failing = [(p, labels) for p, labels in failing if p.count <= group]
    if not failing:
        return None
    for f in r.unused("count"):
        if any(p.number_at == f.start for p, _ in failing) or (others and others.number_at == f.start):
            r.use(f)
    left = sum(p.count for p, _ in failing)
    said = "；".join(f"“{p.text}”不符合“{'、'.join(labels)}”，这{p.count}名不计入" for p, labels in failing)
    # 「其他55个进了外包公司 这55个里面5个只签了半年」: parts of the others named, taken out of them (never of the group)
    inner = [(p, labels) for p, labels in failing if others is not None and p.group == others.count]
    if others is not None:
        ask = (
            _residual_disagrees(r, [x for x in failing if x not in inner], others) if len(inner) < len(failing) else ""
        )
        if ask:  # 「20人 其中3个没拿到证 其余16个都符合」: 20 − 3 = 17, not 16: asked, naming the figures
            _use_people_counts(r)
            r.out.notes.append(f"{said}；{ask}")
            return None
        less = sum(p.count for p, _ in inner)
        count = max(others.count - less, 0)
        r.out.notes.append(f"{said}；按您说的其余{others.count}名" + (f" − {less} = {count}名计算" if less else "计算"))
        _facts_of_split(r, code, ids, others.count)
    else:
        ask = overlap_unclear(r.text, failing)
        if ask:  # 「其中4个只实习了两个月 3个社保只交了5个月」: the same people or not? asked, never subtracted
            r.out.notes.append(f"{said}；{ask}")
            # never 「all of them qualify」 either (session._everyone_qualifies); the message is kept to be read again
            # once the user says the parts are apart (session._handle)
            r.out.fields[OVERLAP_ASKED] = {"ask": ask, "text": r.text}
            return None
        count = max(group - left, 0)
        r.out.notes.append(f"{said}；按{group} − {left} = {count}名计算")
    return count


def _facts_of_split(r, code: str, ids, count: int) -> None:
    """「其他55个进了外包公司 这55个里面20个合同刚好签一年 35个签了三年」: the people counted are split into parts that
    add up to them, each with its own words (blanked from the whole message's facts): a person condition every part
    kept (none of its conditions failed) meets is met for them all (`_fact_<fact>@<code>`, the value said of the first
    of them). Nothing is set when the parts do not add up to the count, or a part kept leaves the condition unknown."""
    from bot.understand.facts import read_facts
    from bot.understand.subgroups import listed, own_words
    from knowledge import conditions

    split = [p for p in listed(r.text) if p.group == count]
    if not split or sum(p.count for p in split) != count:
        return
    read = [read_facts(words) for words in own_words(split)]
    verdicts = [{c.id: c.status for c in conditions.evaluate(code, facts).checks} for facts in read]
    failed = [i for i, v in enumerate(verdicts) if any(v.get(x) == "not_met" for x in ids)]
    kept = [i for i in range(len(split)) if i not in failed]  # the parts left out are taken away by the caller
    for leaf in conditions.leaves(code):
        if kept and leaf.get("id") in ids and all(verdicts[i].get(leaf["id"]) == "met" for i in kept):
            value = read[kept[0]].get(leaf["fact"])
            value = value.exact() if hasattr(value, "exact") else value
            if value is not None:
                r.out.fields[f"_fact_{leaf['fact']}@{code}"] = value
                said = "、".join(f"“{split[i].text}”" for i in kept)
                n = sum(split[i].count for i in kept)
                r.out.notes.append(f"{said}都符合“{leaf['label']}”，这{n}名都计入")


def _residual_disagrees(r, failing: list, others) -> str:
    """The question when the others the user counts (其余17个) are not the group said in the message less the parts
    left out (bot/understand/residuals.py); "" when they agree or the message says no group larger than the others."""
    from bot.understand.residuals import check
    from bot.understand.subgroups import group_before, nearest_group

    first = min((p for p, _ in failing), key=lambda p: p.start)
    group = next((p.group for p, _ in failing if p.group), 0) or group_before(r.text, first.start)
    if group <= others.count:
        return ""
    # 「接收了25个实习生 其中应届毕业的18个… 但是有5个人社保才交了5个月 其他13个交满半年了」: the parts and the others
    # add up to the people counted just before the parts (18 − 5 = 13), a part of the larger group: they agree
    nearest = nearest_group(r.text, first, opened=False)
    if nearest and nearest < group and nearest - sum(p.count for p, _ in failing) == others.count:
        return ""
    return check(group, [p.count for p, _ in failing], others.count, named=others.text).ask


def read_narrowing(r, code: str, ids, field: str) -> bool:
    """People narrowed condition by condition (bot/understand/narrowing.py): the last count, meeting every person
    condition along the chain, is counted; the parts beside it are named as left out. True when read this way."""
    from bot.understand.narrowing import read as read_narrowed

    found = read_narrowed(r.text, code, ids)
    if found is None:
        return False
    for f in r.unused("count"):
        if found.chain[0].start <= f.start < max(p.end for p in found.chain + found.beside):
            r.use(f)
    if found.counted is None:  # asked, naming the count whose role is unclear; nobody assumed to qualify meanwhile
        at = found.at or len(found.chain) - 1
        last, parent = found.chain[at].count, found.chain[at - 1].count
        ask = (
            f"您说的人数逐层是{' → '.join(str(p.count) for p in found.chain)}，但{found.unclear(r.text)}和这{last}名"
            f"加起来不是{parent}名，说的是哪些人不清楚。符合全部条件（可以计入）的一共有多少名？"
        )
        r.out.notes.append(ask)
        r.out.fields[OVERLAP_ASKED] = {"ask": ask, "text": r.text}
        return True
    r.out.fields[field] = found.counted
    r.out.notes.append(f"人数逐层缩小：{found.said(r.text)}，按{found.counted}名计算")
    _facts_of_steps(r, code, ids, found.chain)
    return True


def _facts_of_steps(r, code: str, ids, steps) -> None:
    """The person conditions met along a narrowing (「这118人里…签了劳动合同的，一年及以上的96个」): the people counted
    meet them, so each is set for the clause (`_fact_<fact>@<code>`, the value said at its step), never asked again."""
    from bot.understand.facts import read_facts
    from knowledge import conditions

    for step in steps[1:]:
        facts = read_facts(step.said)
        met = {c.id for c in conditions.evaluate(code, facts).checks if c.status == "met"}
        for leaf in conditions.leaves(code):
            if leaf.get("id") in ids and leaf["id"] in met and leaf.get("fact") in facts:
                said = facts[leaf["fact"]]
                value = said.exact() if hasattr(said, "exact") else said
                if value is None and leaf.get("op") == "ge" and getattr(said, "lo", None) is not None:
                    value = said.lo  # 「1年以上」: its floor, which meets the condition already
                if value is not None:
                    r.out.fields.setdefault(f"_fact_{leaf['fact']}@{code}", value)


def ask_uncounted_parts(r, code: str, ids, who: str) -> bool:
    """「一百来号人 有几个退学了 还有几个没拿到证」「培训了60人 个别没通过考核」: a part said without a count fails a person
    condition of clause `code` (bot/understand/vague_parts.py): the group's count is not the people counted and the part's
    is not said, so the count of those meeting every condition is asked, naming the part. True when asked."""
    from bot.understand.vague_parts import failing

    found = failing(r.text, code, ids)
    if not found:
        return False
    _use_people_counts(r)
    said = "、".join(f"“{words}”" for words, _ in found)
    labels = "、".join(dict.fromkeys(label for _, failed in found for label in failed))
    r.out.notes.append(
        f"{said}：这部分{who}不符合“{labels}”，不能计入，但没有说是几名，不能直接按总人数计算；"
        f"请告诉我符合全部条件的{who}有多少名"
    )
    return True


def ask_unclear_parts(r, unclear: list, counted: int, who: str, code: str = "", ids=()) -> bool:
    """「…签了一年以上劳动合同的30个 其余15个还不确定」: parts whose conditions the user says are not known yet
    (`unclear`: (their words, their count)) are neither counted nor left out: the count meeting every condition is
    asked, naming them, with the `counted` said to meet them. True when asked."""
    if not unclear:
        return False
    _use_people_counts(r)
    said = "、".join(f"“{words}”" for words, _ in unclear)
    n = sum(count for _, count in unclear)
    ask = (
        f"{said}：这{n}名{who}是否符合条件您没有说清，不能计入也不能直接排除（说清符合全部条件的是{counted}名）。"
        f"请告诉我这{n}名的情况，或符合全部条件的{who}一共有多少名？"
    )
    r.out.fields[OVERLAP_ASKED] = {  # never 「all of them qualify」 either; the answer: bot/estimate/unclear_parts.py
        "ask": ask,
        "text": r.text,
        "unclear": {
            "n": n,
            "counted": counted,
            "words": " ".join(w for w, _ in unclear),
            "code": code,
            "ids": list(ids),
        },
    }
    return True


def failing_parts(r, code: str, ids) -> bool:
    """Whether the message sets apart a part of a group that fails one of clause `code`'s person conditions
    `ids` (「40人… 但有6个只有高中学历，另外4个大专的还没签劳动合同」): the group less those parts is counted."""
    from bot.understand.subgroups import excluded

    return bool(excluded(r.text, code, ids)[0])


def read_groups(r, key: str, code: str, ids) -> bool:
    """People counted in groups (「办了三期 分别20 15 8个人」「第一期30人 第二、三期各28人」, bot/understand/groups.py):
    the count is the sum of the groups' counts the user typed, less the parts said to fail a person condition
    (「第三期里有3个是中专学历」), each named in a note. True when the message counts groups."""
    from bot.understand.groups import read

    groups = read(r.text)
    if groups is None:
        return False
    for f in r.unused("count"):
        if groups.covers(f.start):
            r.use(f)
    r.out.notes.append(f"人数按{groups.said} = {groups.total}名计算")
    n = count_without_parts(r, code, ids, groups.total)
    if n is None and failing_parts(r, code, ids):
        return True  # the others counted disagree with the group less its parts: asked (count_without_parts)
    r.out.fields[key] = groups.total if n is None else n
    return True


def count_less_failing(r, key: str, code: str, ids) -> None:
    """「第三期里有两个是中专学历的 其他人都是大专以上」 after a count of people told before (`key` in the running
    estimate): the parts said to fail a person condition of clause `code` are subtracted from that count (43 − 2 =
    41), each named; a message that counts its whole group again (a larger count, groups) is read as it says."""
    from bot.understand.groups import read

    told = r.known.get(key)
    if not isinstance(told, int) or key in r.out.fields or read(r.text) is not None:
        return
    people = [int(f.value) for f in r.unused("count") if re.search(r"人|名|个|位", f.unit or f.raw or "")]
    if any(n >= told for n in people):
        return
    n = count_without_parts(r, code, ids, told)
    if n is not None:
        for f in r.unused("count"):
            if re.search(r"人|名|个|位", f.unit or f.raw or ""):
                r.use(f)  # 「52人那个班里…」: the group the part was said of, inside the count told
        r.out.fields[key] = n


def count_less_removed(r, key: str) -> None:
    """「有4个人社保只交了4个月 这4个得去掉吧」 after a count of people told before (`key` in the running estimate):
    the part the user takes out is subtracted from it (23 − 4 = 19), said in a note; a part as large as the count
    is not taken (bot/understand/subgroups.py removed)."""
    from bot.understand.subgroups import removed

    told = r.known.get(key)
    parts = removed(r.text)
    if not isinstance(told, int) or not parts or key in r.out.fields:
        return
    left = sum(p.count for p in parts)
    if left >= told:
        return
    for f in r.unused("count"):
        if any(p.start <= f.start < p.end for p in parts):
            r.use(f)
    r.out.fields[key] = told - left
    r.out.notes.append(f"“{'；'.join(p.text for p in parts)}”：按{told} − {left} = {told - left}名计算")


def read_condition_groups(r, code: str, ids, key: str, who: str) -> bool:
    """People told in groups, one per phrase, each with its own conditions (bot/understand/condition_groups.py): the
    groups none of whose person conditions `ids` of clause `code` fail are counted into `key`, the others named (never
    the whole item ruled out by one group). True when the message was read this way (some group fails)."""
    from bot.understand.condition_groups import groups, unclear_parts

    found = groups(r.text, code, ids)
    if not found or not any(g.failed for g in found) or all(g.failed for g in found):
        return False
    kept = [g for g in found if not g.failed]
    for f in r.unused("count"):
        if any(g.start == f.start for g in found):
            r.use(f)
    unclear = unclear_parts(r.text, found)
    if unclear:  # 「32个…，有5个只实习了一个月」: of the 32 or beside them? asked, never either count taken
        named = "".join(f"“{g.words}”" for g in unclear)
        first = next(g for g in found if not g.failed)
        r.out.problems.append(
            f"{named}是您说的“{first.words}”里面的，还是另外的人？请告诉我"
            f"{who if who.startswith('符合') else '符合全部条件的' + who}一共有多少名。"
        )
        return True
    counted = sum(g.count for g in kept)
    r.out.fields[key] = counted
    said = "+".join(str(g.count) for g in kept)
    left = "；".join(f"“{g.words}”不符合“{'、'.join(g.failed)}”，这{g.count}名不计入" for g in found if g.failed)
    r.out.notes.append(
        f"{left}；{who}按{said} = {counted}名计算" if len(kept) > 1 else f"{left}；{who}按{counted}名计算"
    )
    return True


def read_table_rows(r, code: str, ids, key: str, who: str) -> bool:
    """A list of people pasted as a table with a header naming its columns (「姓名 学历 应届 实习期(月) 社保连续月数」,
    「学历 考核 签约情况 人数」: bot/estimate/tables.py people_table): every row judged on every column that speaks of
    one of clause `code`'s person conditions `ids` (bot/understand/ledger_rows.py judge); the rows failing none are
    counted into `key` (their 人数 summed, else one each), the others named with the condition and the cell that fails
    it. A row whose cell says nothing readable in such a column, or whose count is blank, is asked about, naming the
    row and the column — nobody is assumed to qualify. True when the message was read this way."""
    from bot.understand.ledger_rows import judge, owner

    table = getattr(r, "people_table", None)
    if table is None or owner(table) != code:
        return False  # 「职位 学历 人数 每人培训费」 speaks of 三（七）3's people, never the interns counted beside it
    judged = judge(table, code, ids)
    if not judged:
        return False
    _use_table_figures(r, table)
    kept = [v for v in judged if not v.failed]
    unclear = [v for v in kept if v.unclear or v.row.count is None]
    if unclear:
        said = "；".join(
            f"{v.name}的“{'”“'.join(v.unclear) if v.unclear else '人数'}”一栏是空的或看不出" for v in unclear
        )
        settled = [v for v in kept if v not in unclear]
        rest = "、".join(v.name for v in settled)
        rest = f"其余各行里{rest}符合全部条件（{sum(v.row.count for v in settled)}名）；" if settled else ""
        left = "、".join(v.name for v in judged if v.failed)
        left = f"{left}不符合，不计入；" if left else ""
        r.out.problems.append(
            f"您贴的表格里，{said}，这{'几' if len(unclear) > 1 else '一'}行是否符合条件我判断不了，不能计入也不能排除。"
            f"{rest}{left}请补上空着的格，或直接告诉我{who if who.startswith('符合') else '符合全部条件的' + who}一共有多少名。"
        )
        r.out.fields.pop(key, None)
        return True
    counted = sum(v.row.count for v in kept)
    r.out.fields[key] = counted
    count_word = "人数按表格" if table.counted else "每行1人"
    if table.funnel:  # 「培训人数 考核通过 已签1年以上劳动合同」 of counts: each row's people meeting every column
        count_word = (
            "每行人数取" + "、".join(f"“{h}”" for h in table.funnel) + "栏中最小的一个（逐栏筛选后满足全部条件的人数）"
        )
    parts = []
    if kept:
        names = "、".join(v.name + (f"{v.row.count}名" if table.counted else "") for v in kept)
        sum_said = (
            "+".join(str(v.row.count) for v in kept) + f" = {counted}名"
            if table.counted and len(kept) > 1
            else f"{counted}名"
        )
        parts.append(f"符合全部条件的：{names}，按{sum_said}计算")
    else:
        parts.append(f"表格里没有一行符合全部条件，{who}按0名计算")
    for v in judged:
        if v.failed:
            why = "、".join(f"“{label}”（{cell}）" for label, cell in v.failed)
            parts.append(
                f"{v.name}" + (f"{v.row.count}名" if table.counted and v.row.count else "") + f"不符合{why}，不计入"
            )
    bounds = list(dict.fromkeys(b for v in kept for b in v.at_bound))
    said_bounds = "；".join(f"{b}" for b in bounds)
    r.out.notes.append(
        f"按您贴的表格逐行核对（{len(judged)}行，{count_word}）："
        + "；".join(parts)
        + (f"。{said_bounds}" if bounds else "")
    )
    _facts_of_rows(r, code, ids, kept)
    return True


def _use_table_figures(r, table) -> None:
    """The figures of a people table's lines (its header line, as kept in the reading, and the rows under it) are
    the table's: no other reader takes a count or a duration from them."""
    at = r.text.find(table.header)
    if at < 0:
        return
    end = at
    for _ in range(len(table.rows) + 1):
        nxt = r.text.find("\n", end + 1)
        end = nxt if nxt >= 0 else len(r.text)
    for f in r.figs:
        if at <= f.start < end:
            r.use(f)


def _facts_of_rows(r, code: str, ids, kept) -> None:
    """A person condition every counted row meets (by a cell of its own) is met for the clause: `_fact_<fact>@<code>`
    with the lowest value met (the rank or the figure nearest the threshold), so it is not asked again."""
    from knowledge import conditions

    if not kept:
        return
    for leaf in conditions.leaves(code):
        i = leaf.get("id")
        if i not in ids:
            continue
        values = [next((val for cid, _, val in v.met if cid == i), None) for v in kept]
        if any(x is None for x in values):
            continue
        if leaf.get("op") == "rank_ge":
            value = min(values, key=lambda x: conditions.rank(leaf["scale"], x))
        elif leaf.get("op") in ("ge", "gt"):
            value = min(values)
        else:
            value = values[0]
        r.out.fields[f"_fact_{leaf['fact']}@{code}"] = value


def _use_people_counts(r) -> None:
    """Every count of people in the message is read (none is left for another item): the count asked replaces them."""
    for f in r.unused("count"):
        if re.search(r"人|名|个|位", f.unit or f.raw or ""):
            r.use(f)
