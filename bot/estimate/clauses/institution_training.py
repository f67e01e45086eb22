"""三（七）2 培训机构定额培训支持 in conversation (calculator/items/institution_training.py computes it)."""

import re

from .base import (
    Clause,
    Field,
    ask_unclear_parts,
    ask_uncounted_parts,
    count_less_failing,
    count_less_removed,
    count_without_parts,
    failing_parts,
    figure_in,
    read_condition_groups,
    read_table_rows,
    read_groups,
    read_narrowing,
)

CODE = "3.7.2"
PERSON_CONDITIONS = ("education", "exam", "contract")  # each trainee counted must meet these


def education_rule() -> tuple:
    """(the lowest level counted, its rank, the condition's label): 大专 from knowledge/data/conditions.yml."""
    from knowledge import conditions

    leaf = next(leaf for leaf in conditions.leaves(CODE) if leaf.get("id") == "education")
    levels = conditions.scales()[leaf["scale"]]
    rank = next(i for i, level in enumerate(levels) if leaf["at_least"] in level)
    return leaf["at_least"], rank, leaf["label"]


def read_listed_levels(r) -> bool:
    """「培训了200个人 有大专有本科也有高中毕业的」: some of the group are below the required level and how many is
    not said: the group's count is not the trainees counted; the number at the required level is asked."""
    from bot.understand.facts import listed_levels

    listed = listed_levels(r.text)
    lowest, need, label = education_rule()
    below = [word for word, rank in listed if rank < need]
    counted = [(word, rank) for word, rank in listed if rank >= need]
    if not below or not counted:
        return False
    r.out.fields["_fact_education_level"] = min(counted, key=lambda w: w[1])[0]
    for f in r.unused("count"):
        if re.search(r"人|名|个|位", f.unit or f.raw or ""):
            r.use(f)
    r.out.notes.append(f"{'、'.join(below)}学历的学员不符合“{label}”，不计入；只按符合条件的学员人数计算")
    return True


def read_levels(r) -> bool:
    """「30个学员…其中20个大专 10个中专」: only the groups at the required level are counted; the others
    are named as not counted (never all of them, never a guess). True when the message counts that way."""
    from bot.understand.facts import counted_levels
    from bot.understand.scoped_facts import own_sentences

    groups = counted_levels(own_sentences(r.text, CODE))  # never the interns' levels said beside the trainees'
    if len({rank for _, _, rank in groups}) < 2:
        return False
    lowest, need, label = education_rule()
    counted = [(n, word, rank) for n, word, rank in groups if rank >= need]
    left = [(n, word) for n, word, rank in groups if rank < need]
    r.out.fields["institution_trainees"] = sum(n for n, _, _ in counted)
    if counted:
        r.out.fields["_fact_education_level"] = min(counted, key=lambda g: g[2])[1]
    for f in r.unused("count"):
        if re.search(r"人|名|个|位", f.unit or f.raw or ""):
            r.use(f)  # the group counts and their total are this item's
    if left:
        said = "、".join(f"{n}名{word}" for n, word in left)
        r.out.notes.append(
            f"{said}学历的学员不符合“{label}”，不计入；按{'、'.join(f'{n}名{w}' for n, w, _ in counted) or '0名'}计算"
        )
    return True


# 「这95人里有7个只是高中学历」: a part of the counted trainees below the level (the level word follows)
PART_OF_COUNT = re.compile(
    r"([0-9]+|[一二两三四五六七八九十百]+)\s*(?:个|名|人|位)(?:学员|学生)?(?:里面?|中|当中|之中)[^，。；,;0-9]{0,3}?"
    r"([0-9]+|[一二两三四五六七八九十百]+)\s*(?:个|名|人|位)[^，。；,;0-9]{0,4}$"
)


def read_part_below(r) -> bool:
    """「签了合同的有95个，但这95人里有7个只是高中」: the part below the required level is taken out of the
    count it is part of, and named; the rest are counted as the user counts them."""
    from calculator.figures_zh import numeral_value
    from knowledge.conditions import scales

    lowest, need, label = education_rule()
    ranks = {str(w).lower(): rank for rank, level in enumerate(scales()["education"]) for w in level}
    said = [(m, ranks[m.group(0)]) for m in re.finditer(_words(ranks), r.text)]
    said = [(m, rank) for m, rank in said if rank < need]  # 「其余都是大专或本科」 names the counted ones
    if len(said) != 1:
        return False
    word, at = said[0][0].group(0), said[0][0].start()
    m = PART_OF_COUNT.search(r.text[max(0, at - 24) : at])
    whole, n = (numeral_value(m.group(1)), numeral_value(m.group(2))) if m else (None, None)
    if whole is None or n is None or whole <= n:
        return False
    whole, n = int(whole), int(n)
    r.out.fields["institution_trainees"] = whole - n
    for f in r.unused("count"):
        if re.search(r"人|名|个|位", f.unit or f.raw or ""):
            r.use(f)
    r.out.notes.append(
        f"{whole}名中{n}名{word}学历不符合“{label}”，不计入；其余{whole - n}名按您所说计算（须为{lowest}以上学历）"
    )
    return True


def _words(ranks: dict) -> str:
    return "|".join(re.escape(w) for w in sorted(ranks, key=len, reverse=True))


GROUP_CONTRACT = re.compile(
    r"([0-9]+|[一二两三四五六七八九十百]+)\s*(?:个|名|人|位)[^，。；0-9]{0,16}?签(?:了|的)?(?:是)?\s*"
    r"(半年|[0-9.]+|[一二两三四五六七八九十]+)\s*(年|个月|个多月)?"
)


# 「其中只有152个跟外包企业签了一年以上的劳动合同」「签1年以上劳动合同的198个」: the trainees counted
SIGNED_COUNT = (
    re.compile(
        r"([0-9]+|[一二两三四五六七八九十百]+)\s*(?:个|名|人|位)(?:(?!其中|里面|当中)[^，。；,;0-9]){0,16}?签(?:了|订|订了)?"
        r"[^，。；,;0-9]{0,3}"
        r"(?:一|1)\s*年(?:以上|及以上)"
    ),
    re.compile(
        r"签(?:了|订)?[^，。；,;0-9]{0,3}(?:一|1)\s*年(?:以上|及以上)[^，。；,;0-9]{0,8}?(?:的)(?:其实|实际上?)?(?:只有|就)?(?:有|一共|总共|共|合计)?\s*"
        r"([0-9]+|[一二两三四五六七八九十百]+)\s*(?:个|名|人|位)"
    ),
)


def read_signed_count(r) -> bool:
    """The trainees said to have signed a contract of a year or more, out of a larger number trained."""
    from calculator.figures_zh import numeral_value

    others = [int(f.value) for f in r.unused("count") if re.search(r"人|名|个|位", f.unit or f.raw or "")]
    said = [numeral_value(m.group(1)) for pattern in SIGNED_COUNT for m in pattern.finditer(r.text)]
    # 「培训了90人 大专以上 签了一年以上劳动合同的一共57个」: the count that is part of a larger one
    n = next((x for x in said if x is not None and others and x < max(others)), None)
    if n is None:
        return False
    r.out.fields["institution_trainees"] = int(n)
    for f in r.unused("count"):
        if re.search(r"人|名|个|位", f.unit or f.raw or ""):
            r.use(f)
    r.out.notes.append(f"按签订1年以上《劳动合同》的{int(n)}名计算（其余学员不计入）")
    return True


def read_contracts(r) -> bool:
    """「其中30个签了两年的劳动合同 另外10个只签了半年」: only the trainees whose contract is long enough
    (签订1年以上《劳动合同》) are counted; the others are named. True when the message counts that way."""
    from calculator.figures_zh import numeral_value
    from knowledge.figures import figure

    from bot.understand.contract_groups import groups as contract_groups

    need = figure(CODE, "contract_years")
    found = contract_groups(r.text)
    if found:  # 「A公司签了12个人 劳动合同2年；B公司8个人 劳动合同刚好1年；C公司5个人 合同6个月」
        return _read_contract_groups(r, found, need)
    groups = []
    for m in GROUP_CONTRACT.finditer(r.text):
        n = numeral_value(m.group(1))
        if m.group(2) == "半年":
            years = 0.5
        else:
            value = numeral_value(m.group(2))
            if value is None or not m.group(3):
                continue
            years = float(value) / 12 if "月" in m.group(3) else float(value)
        if n is None:
            continue
        groups.append((int(n), m.group(0), years))
    if len(groups) < 2 or all(y >= need for _, _, y in groups):
        return False
    counted = sum(n for n, _, y in groups if y >= need)
    left = [(n, y) for n, _, y in groups if y < need]
    r.out.fields["institution_trainees"] = counted
    for f in r.unused("count"):
        if re.search(r"人|名|个|位", f.unit or f.raw or ""):
            r.use(f)
    said = "、".join(f"{n}名（合同{'半年' if y == 0.5 else f'{y:g}年'}）" for n, y in left)
    r.out.notes.append(f"{said}未签订{need:g}年以上《劳动合同》，不计入；按{counted}名计算")
    return True


def _contract_list(r) -> bool:
    """Groups each told with the length of their contract (bot/understand/contract_groups.py), some too short."""
    from bot.understand.contract_groups import groups as contract_groups
    from knowledge.figures import figure

    found = contract_groups(r.text)
    return bool(found) and _read_contract_groups(r, found, figure(CODE, "contract_years"))


def _read_contract_groups(r, found: list, need) -> bool:
    """The groups whose contract is at least `need` years are counted, the others named with their length."""
    if all(g.years >= need for g in found):
        return False
    from bot.understand.subgroups import excluded

    kept = [g for g in found if g.years >= need]
    left = [g for g in found if g.years < need]
    # 「A公司12人合同2年 其中3个人是中专学历」: a part said inside a counted group that fails another condition
    starts = sorted(g.start for g in found)
    inside = []
    for p, labels in excluded(r.text, CODE, PERSON_CONDITIONS)[0]:
        if any(g.start <= p.number_at < g.end for g in found):
            continue  # 「96人签了1年，15人签的是半年」: the part is a contract group of its own, never inside another
        owner = max((x for x in starts if x < p.number_at), default=None)
        group = next((g for g in kept if g.start == owner), None)
        named = [g for g in found if p.group and g.count == p.group and g.start < p.number_at]
        if named:  # 「另外5个签的半年；这50个里有2个是中专」: the group named again by its count, not the last said
            group = named[-1] if named[-1] in kept else None
        elif p.group and group is not None and p.group < _largest_count(r.text[: p.number_at]):
            group = None  # 「其中40人…签了一年；另有10人，这10人里6个是高中」: a part of the other 10, never of the 40
        if group is not None and p.count < group.count:
            inside.append((p, labels))
    less = sum(p.count for p, _ in inside)
    counted = sum(g.count for g in kept) - less
    r.out.fields["institution_trainees"] = counted
    for f in r.unused("count"):
        if re.search(r"人|名|个|位", f.unit or f.raw or ""):
            r.use(f)
    said = "、".join(f"{g.count}名（合同{g.said}）" for g in left)
    _contracts_of_levels_met(r, sum(g.count for g in found))
    sums = " + ".join(str(g.count) for g in kept) + "".join(f" − {p.count}" for p, _ in inside)
    why = "".join(f"；“{p.text}”不符合“{'、'.join(labels)}”，这{p.count}名不计入" for p, labels in inside)
    r.out.notes.append(
        f"{said}未签订{need:g}年以上《劳动合同》，不计入{why}；按"
        + (f"{sums} = {counted}名计算" if len(kept) > 1 or inside else f"{counted}名计算")
    )
    return True


def _largest_count(text: str) -> int:
    """The largest count of people said in `text` (0 when none)."""
    from bot.understand.people_counts import PEOPLE, whole

    return max((whole(m.group("n")) or 0 for m in PEOPLE.finditer(text)), default=0)


def _contracts_of_levels_met(r, total: int) -> None:
    """「培训了80人：本科35、大专30、高中15。大专以上65人里，签2年的40人，签1年的18人，签半年的7人」: the contract groups
    add up to the degree groups at the required level (35 + 30 = 65), so they are those people: the item's 学历 is
    the lowest level counted (大专, never the 高中 left out, `_fact_education_level`) and the groups below are named.
    Nothing is set when the sums differ (whose contract is whose is then not said)."""
    from bot.understand.degree_groups import bare_list, split

    lowest, _, label = education_rule()
    found = split(r.text, r.figs, lowest, CODE)
    if found is None and (listed := bare_list(r.text)):
        found = (
            [g for g in listed if rank(g.degree) >= rank(lowest)],
            [g for g in listed if rank(g.degree) < rank(lowest)],
        )
    if not found or not found[0] or not found[1] or sum(g.count for g in found[0]) != total:
        return
    met, below = found
    r.out.fields["_fact_education_level"] = min(met, key=lambda g: rank(g.degree)).degree
    said = "、".join(f"{g.count}名{g.degree}" for g in below)
    r.out.notes.append(
        f"{said}学历的学员不符合“{label}”，不计入；"
        f"下面的合同人数是{lowest}以上的{total}名（{'、'.join(f'{g.degree}{g.count}名' for g in met)}）"
    )


def rank(degree: str) -> int:
    from bot.understand.degree_groups import rank as degree_rank

    return degree_rank(degree)


def read_listed_parts(r) -> bool:
    """「签了劳动合同的74个 这74个里有5个只签了半年合同 另外有3个是高中学历」: the parts listed of the count said
    that fail a person condition are left out of it (74 − 5 − 3 = 66), each named; True when read this way."""
    from bot.understand.subgroups import listed

    said = listed(r.text)
    groups = {p.group for p in said}
    if len(groups) != 1 or len(said) < 2:  # one part alone is read by read_part_below and the rest
        return False
    group = groups.pop()
    n = count_without_parts(r, CODE, PERSON_CONDITIONS, group)
    if n is None:
        return False
    r.out.fields["institution_trainees"] = n
    for f in r.unused("count"):
        if re.search(r"人|名|个|位", f.unit or f.raw or ""):
            r.use(f)  # the larger counts before are the ones the group was taken from
    return True


def read_described_part(r) -> bool:
    """「今年培训了80人，其中60人大专以上、通过了考核、并签了1年以上劳动合同」: the part whose description fits the
    trainee conditions is the count (60), never the group (80) it is a part of (bot/understand/subgroups.py)."""
    from bot.understand.subgroups import fitting

    part = fitting(r.text, CODE, PERSON_CONDITIONS)
    if part is None:
        return False
    for f in r.unused("count"):
        if re.search(r"人|名|个|位", f.unit or f.raw or ""):
            r.use(f)  # the group the part is of, and the part
    r.out.fields["institution_trainees"] = part.count
    from bot.understand.batches import shown
    from bot.understand.subgroups import excluded

    # 「其中30个…签了两年合同，剩下10个考核没过」: the others said to fail are named with what they miss
    left = [(p, labels) for p, labels in excluded(r.text, CODE, PERSON_CONDITIONS)[0] if p.start >= part.end]
    why = "；".join(f"“{shown(p.text)}”不符合“{'、'.join(labels)}”" for p, labels in left)
    told = part.count + sum(p.count for p, _ in left)
    rest = "" if left and part.group and told == part.group else "您说的其余学员未说明符合条件，不计入"
    r.out.notes.append(f"按其中符合条件的{part.count}名计算（{'；'.join(x for x in (why, rest) if x)}）")
    return True


BATCHES_KEY = "_parts_institution_batches"  # each batch's count, kept for a batch told again later
DETAIL_KEY = "_parts_institution_batch_detail"  # each batch's size and failing parts, for a part corrected later


def _fewer_parts_read(r) -> bool:
    """Whether the shared part reader (bot/understand/subgroups.py) misses some of the failing parts of the one group
    said (「5个考核通过了但还没签合同 3个考核没通过」 with no word opening them), or the group narrows to a part said to
    meet every condition: only then are they counted here."""
    from bot.understand.batches import read as read_batches_said
    from bot.understand.subgroups import excluded

    found = read_batches_said(r.text, CODE, PERSON_CONDITIONS)
    if not found:
        return False
    # 「…大专以上的里面有8个考核没过 考核通过的里面70个跟服务外包企业签了一年以上 12个签的半年」: the innermost part
    # said to meet the conditions (70) is the count, never the group less parts that may overlap
    inner, failing = found.batches[0], excluded(r.text, CODE, PERSON_CONDITIONS)[0]
    if not inner.ask and inner.counted and "（符合条件的" in inner.said and not _own_words_fail(r.text, inner.counted):
        return True
    if inner.ask and inner.counted is None:  # 「30人 其中20个都符合 还有7个中专 另外5个没签」: 32 > 30, asked
        return True
    return len(failing) < len(inner.spans)


def _own_words_fail(text: str, count: int) -> bool:
    """Whether the words said right after a count of `count` people fail a person condition (「另外有6个大专的只签了
    半年」): such a count is never the part meeting every condition."""
    from bot.understand.person_checks import failed

    for m in re.finditer(rf"(?<![\d.]){count}\s*(?:个|名|人|位)", text):
        phrase = re.split(r"[，,。；;！!？?\s]", text[m.end() :])[0]
        if failed(text[m.start() : m.end()] + phrase, CODE, PERSON_CONDITIONS):
            return True
    return False


def _chain(r) -> bool:
    """「结业160人：20个是高中学历；剩下140个里面有5个考核没过；考核通过的当中又有15个只签了半年合同，其余都签了1年以上」:
    trainees narrowed step by step, the people left named again (bot/understand/people_chain.py): each part failing a
    condition comes out of what is left before it — the parts are nested, never asked whether they overlap."""
    from bot.understand.people_chain import read as read_chain

    found = read_chain(r.text, CODE, PERSON_CONDITIONS)
    if found is not None and found.unclear:  # 「…其余15个还不确定」: asked, naming them
        words = [(r.text[s.start : s.end].strip(), s.count) for s in found.unclear]
        return ask_unclear_parts(r, words, found.counted, "学员", CODE, PERSON_CONDITIONS)
    if found is None or found.group - sum(s.count for s in found.steps if s.kind == "fails") != found.counted:
        return False  # people left whose conditions are not said (「本科35、大专30、高中15。大专以上65人里…」): other readers
    for f in r.unused("count"):
        if any(s.start <= f.start < s.end for s in found.steps) or f.start in {s.start for s in found.steps}:
            r.use(f)
    r.out.fields["institution_trainees"] = found.counted
    r.out.notes.append(f"符合条件的学员按{found.said(r.text)}名计算")
    return True


def read_batches(r) -> bool:
    """Trainees counted batch by batch (bot/understand/batches.py): each batch's count is its innermost part said to
    meet the conditions, or its size less the parts said to fail one; a batch not finished counts 0. A batch told again
    after an estimate that counted batches replaces its count. Overlap not said between parts failing different
    conditions is asked, naming them. True when the message counts that way."""
    from bot.understand.batches import read as read_batches_said

    known = r.known.get(BATCHES_KEY) if isinstance(r.known.get(BATCHES_KEY), dict) else {}
    if known and _corrected_part(r, known):  # 「更正：一班是其中5个没拿到证，不是3个」
        return True
    found = read_batches_said(r.text, CODE, PERSON_CONDITIONS, known)
    one_group = len(found.batches) == 1 and found.batches[0].key == "本期" if found else False
    if found is None or (one_group and not _fewer_parts_read(r)):
        return False
    for f in r.unused("count"):
        if re.search(r"人|名|个|位", f.unit or f.raw or ""):
            r.use(f)
    if found.ask:
        r.out.notes.append(found.ask)
        return True
    counts = dict(known)
    for b in found.batches:
        counts[b.key] = b.counted
    r.out.fields[BATCHES_KEY] = counts
    detail = dict(r.known.get(DETAIL_KEY) or {})
    for b in found.batches:
        if b.size:
            detail[b.key] = {"size": b.size, "fails": [[c, list(f)] for c, f in b.parts_failed]}
    r.out.fields[DETAIL_KEY] = detail
    r.out.fields["institution_trainees"] = sum(counts.values())
    if known:  # the batches told before are in this total: never added to it again
        r.out.fields["_whole_institution_trainees"] = True
    said = "；".join(f"{b.label}：{b.said}" for b in found.batches)
    earlier = [k for k in known if k not in {b.key for b in found.batches}]
    if earlier:
        said += "；" + "；".join(f"{k}（此前已计）：{known[k]}" for k in earlier)
    _note_batches(r, counts, said)
    return True


def _note_batches(r, counts: dict, said: str) -> None:
    """The note naming each batch's qualified trainees (and their sum when there are several)."""
    if len(counts) > 1:
        said += f"；合计 {' + '.join(str(v) for v in counts.values())} = {sum(counts.values())}名"
    r.out.notes.append(f"按期/批计算符合条件的学员：{said}")


def _corrected_part(r, known: dict) -> bool:
    """A failing part of a batch counted before, corrected (bot/understand/batch_corrections.py): that batch is counted
    again from its size and parts, the others keep their counts. True when the message corrects one."""
    from bot.understand.batch_corrections import corrected

    found = corrected(r.text, CODE, PERSON_CONDITIONS, r.known.get(DETAIL_KEY))
    if not found:
        return False
    for f in r.unused("count"):
        if re.search(r"人|名|个|位", f.unit or f.raw or ""):
            r.use(f)
    counts, detail = dict(known), dict(r.known.get(DETAIL_KEY) or {})
    for c in found:
        counts[c.key] = c.counted
        detail[c.key] = {"size": detail[c.key]["size"], "fails": c.fails}
    r.out.fields[BATCHES_KEY] = counts
    r.out.fields[DETAIL_KEY] = detail
    r.out.fields["institution_trainees"] = sum(counts.values())
    r.out.fields["_whole_institution_trainees"] = True  # every batch is in this total: never added to it again
    said = "；".join(f"{c.label}：{c.said}" for c in found)
    others = [k for k in counts if k not in {c.key for c in found}]
    if others:
        said += "；" + "；".join(f"{k}（不变）：{counts[k]}" for k in others)
    _note_batches(r, counts, said)
    return True


# 「两个事」「三期」「另一个培训机构」「一个平台」: the count is of things or bodies, not of people trained
NOT_PEOPLE_AFTER = (
    r"事|项|问题|方面|(培训)?学校|高校|协议|月|年|班|期|批|(培训)?机构|公司|企业|主体|家|单位|平台|园区|中心|基地"
)


# 「对了还有一个，…」「另外再加一个：…」: one more thing told after it, no person
ONE_MORE = re.compile(r"(?:还有|另外|另|再加|再|多|补充)\s*$")
OWN_FIELDS = ("institution_trainees", "institution_recognized")


def _one_more_thing(r, f) -> bool:
    """A bare 「一个」 that counts no trainee: 「还有一个，」 opening one more thing, or a count with no person word after
    it in a message that tells another item's figures and says nothing of trainees (the earlier count is kept)."""
    after = r.text[f.end : f.end + 3]
    if re.match(r"\s*(?:人|名|学员|学生|同学)", after) or re.search(r"名|位|人", f.unit or ""):
        return False
    if ONE_MORE.search(r.text[max(0, f.start - 4) : f.start]) and re.match(r"\s*(?:[，,。；;：:！!？?]|$)", after):
        return r.pending != "institution_trainees"
    others = [k for k in r.out.fields if not k.startswith("_") and k not in OWN_FIELDS]
    return bool(others) and not re.search(r"培训|学员|合格|考核|学历|劳动合同", r.text)


def _recognition_said(text: str):
    """Whether the message says the institution is recognised, from facts.yml `institution_recognized` (「我们不是认定的
    培训机构」 fails it: 不是 before 认定 with 是 between, which a bare negation beside 认定 misses); None when unsaid."""
    from bot.understand.facts import read_facts

    return read_facts(text).get("institution_recognized")


def _levels_only_fail(r) -> bool:
    """Whether every part said to fail a condition fails only the 学历 (「其中20个大专 10个中专」): the groups by level are
    then read as levels (read_levels), naming those left out by their level."""
    from bot.understand.subgroups import excluded

    label = education_rule()[2]
    return all(labels == [label] for _, labels in excluded(r.text, CODE, PERSON_CONDITIONS)[0])


GROUPS_KEY = "_parts_institution_groups"  # the larger counts the trainees counted were taken from (「这期30个…20个…」)


def read(r):
    from bot.understand.counted_facts import set_for

    _read(r)
    _keep_groups(r)
    set_for(r, "institution_trainees", CODE, PERSON_CONDITIONS)  # 「其中30个本科考核合格签了两年合同」: met for them


def _keep_groups(r) -> None:
    """The counts of people said with the trainees counted and larger than them (the group they were taken from), kept
    so that a later message naming that group again (「30个人都是本科学历」) is read as describing it (`_restated`)."""
    from bot.understand.people_counts import PEOPLE, whole

    n = r.out.fields.get("institution_trainees")
    if n is None:
        return
    said = {whole(m.group("n")) for m in PEOPLE.finditer(r.text)}
    larger = sorted({x for x in said if x and x > n} | set(r.known.get(GROUPS_KEY) or []))
    if larger:
        r.out.fields[GROUPS_KEY] = larger


def _restated(r, f) -> bool:
    """Whether the count `f` names again a group the trainees counted before were taken from, with no claim that they
    all qualify and no correction (estimate_words.yml group_restated): it describes that group, never the count."""
    from bot.estimate.reading import alternation, estimate_words

    if "institution_trainees" not in r.known or r.pending == "institution_trainees":
        return False
    if int(f.value) not in (r.known.get(GROUPS_KEY) or []):
        return False
    w = estimate_words()
    again = alternation(w["group_restated"]["counts_again"] + w["fair_fixes"]["correcting"])
    return not re.search(again, r.text)


def _read(r):
    said = _recognition_said(r.text)
    if said is False:
        r.out.fields["institution_recognized"] = False
    elif re.search(
        r"认定的?[^，。；]{0,10}培训机构|认定机构|培训机构[^，。；]{0,6}(已|已经)(获得|通过)?认定", r.text
    ) and not r.negative("认定"):
        r.out.fields["institution_recognized"] = True
    elif r.negative("认定"):
        r.out.fields["institution_recognized"] = False
    elif r.pending == "institution_recognized":
        b = r.bool_answer()
        if b is not None:
            r.out.fields["institution_recognized"] = b
    if "institution_trainees" not in r.out.fields and read_table_rows(
        r, CODE, PERSON_CONDITIONS, "institution_trainees", "学员"
    ):
        return  # 「学员 学历 考核结果 劳动合同期限 / A 本科 通过 3年 / …」: each row judged on each column
    if "institution_trainees" not in r.out.fields and _chain(r):
        return  # 「结业160人：20个是高中；剩下140个里面有5个考核没过；考核通过的当中又有15个只签了半年」: 120
    if read_batches(r):  # 「第一期40人 有3个高中；第二期34人全部符合；第三期还在上课」
        return
    if "institution_trainees" not in r.out.fields and read_narrowing(
        r, CODE, PERSON_CONDITIONS, "institution_trainees"
    ):
        return  # 「培训了150人，大专以上的130人，其中考核通过的110人，通过的人里有96人签了一年期合同」: 96
    if "institution_trainees" not in r.out.fields and (
        _contract_list(r) or read_condition_groups(r, CODE, PERSON_CONDITIONS, "institution_trainees", "学员")
    ):  # 「A公司12人 合同2年；C公司5人 合同6个月」「计算机班20人考核通过；会计班8人考核没通过」
        return
    count_less_removed(r, "institution_trainees")  # 「有5个没签满一年 这5个要去掉」
    count_less_failing(r, "institution_trainees", CODE, PERSON_CONDITIONS)  # 「第三期里有两个是中专」
    if "institution_trainees" in r.out.fields:
        return
    if read_groups(r, "institution_trainees", CODE, PERSON_CONDITIONS) or read_listed_parts(r):
        return
    failing = failing_parts(r, CODE, PERSON_CONDITIONS)  # 「但有6个只有高中学历，另外4个…还没签」: subtracted below
    if (
        ((not failing or _levels_only_fail(r)) and (read_levels(r) or read_listed_levels(r)))
        or read_part_below(r)
        or (not failing and (read_contracts(r) or read_signed_count(r)))
    ):
        return
    if read_described_part(r) or ask_uncounted_parts(r, CODE, PERSON_CONDITIONS, "学员"):
        return  # 「培训了60人 有几个没拿到证」: how many are counted is asked, never the 60
    for f in r.unused("count"):
        if re.match(NOT_PEOPLE_AFTER, r.text[f.end : f.end + 4]) or _one_more_thing(r, f):
            continue  # 「两个事一起问」「两项」「对了还有一个，…展位费2.2万」: no people
        if _restated(r, f):
            r.use(f)  # 「30个人都是本科学历」 after 30 → 20 counted: the group described, the 20 kept
            continue
        if re.search(r"人|名|个", f.unit or f.raw or "") and (
            r.pending == "institution_trainees"
            or re.search(r"培训|学员|合格|考核", r.text)
            or ("institution_trainees" in r.known and not re.search(r"实习|应届|项目经理", r.text))
            or (list(r.items) == [CODE] and not re.search(r"实习|应届|项目经理|平台|展", r.text))
        ):
            r.out.fields["institution_trainees"] = int(f.value)
            r.use(f)
            break
    if "institution_trainees" in r.out.fields:  # 「60个学员… 不过里面有8个是高中学历」: 52 are counted
        n = count_without_parts(r, CODE, PERSON_CONDITIONS, r.out.fields["institution_trainees"])
        if n is not None:
            r.out.fields["institution_trainees"] = n
        elif failing:  # 「30人 其中4个挂科 剩下25个都符合」: 30 − 4 ≠ 25, asked (count_without_parts), never 30
            del r.out.fields["institution_trainees"]


def recognized_question(session) -> str:
    """Whether the institution is recognised; with a count of people trained whose 学历 and 劳动合同 nobody has
    confirmed (「我们机构今年培训了50个人」), those conditions are named with the count: only trainees meeting them
    are counted, never all the people trained."""
    ask = "贵机构是已获得认定的本市服务外包培训机构吗？（是/否）"
    count = session.inputs.get("institution_trainees")
    verdict = session.verdicts().get(CODE) if count else None
    unknown = {c.id for c in verdict.checks if c.status == "unknown"} if verdict else set()
    if not count or not {"education", "contract"} & unknown:
        return ask
    return (
        ask
        + f"\n另外请确认：政策只按{education_rule()[0]}以上学历、通过考核、并与服务外包企业签订{figure_in(CODE, 'contract_years', '年')}以上"
        f"劳动合同的学员计算，您说的{int(count)}人都符合吗？不全符合的话，符合的有几名？"
    )


CLAUSES = (
    Clause(
        code=CODE,
        name="培训机构定额培训支持",
        triggers=r"培训的?机构|定额培训|机构[^。？?]{0,120}培训支持|培训学校|学员|机构[^。；？?，,]{0,8}培训|按人头[^。；？?]{0,10}(培训|支持)|培训[^。；？?]{0,20}按人头",
        fields=(
            Field(
                "institution_recognized",
                "已获认定的本市服务外包培训机构",
                question=lambda session: recognized_question(session),
                recognised_by="认定的培训机构 (没有认定: no), or 是/否 to its question",
                from_facts=True,
            ),
            Field(
                "institution_trainees",
                "合格学员",
                "名",
                question="符合条件的学员有多少名？（大专以上学历、通过考核、并与服务外包企业签订"
                f"{figure_in('3.7.2', 'contract_years', '年')}以上劳动合同）",
                recognised_by="a count of people (人/名/个) in a message about 培训/学员/合格/考核",
                implies_item=True,
            ),
        ),
        applicant="training_institution",
        checklist="培训机构定额培训支持",
        person_conditions=("institution_trainees", None, PERSON_CONDITIONS),
        read=read,
        reads_when=lambda reader: (
            reader.pending in ("institution_trainees", "institution_recognized") or "3.7.2" in reader.items
        ),
    ),
)
