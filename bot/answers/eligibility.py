"""第二条 (项目申报资格): who may apply, each condition, and a verdict on what the user says."""

import re
from functools import lru_cache
from pathlib import Path
from typing import List, Optional, Tuple

import yaml

from knowledge import conditions, places, query

from bot.answers.model import Answer

CONDITION_NAMES = {
    "entity_type": "申报主体类型（须为独立法人企业或法人企业分支机构）",
    "registered_in_zhengzhou": "在郑州市行政区域内依法设立",
    "pays_tax_in_zhengzhou": "在郑纳税",
    "clear_property_rights": "产权清晰",
    "lawful_operation": "依法经营",
    "lawful_tax": "依法纳税",
    "sound_finance": "具备健全的财务管理制度，财务管理规范",
    "mofcom_registered": "在商务部“服务外包业务管理和统计系统”中注册并及时填报",
}

WORDS_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "eligibility_words.yml"
BOOL_FACTS = ("clear_property_rights", "lawful_operation", "lawful_tax", "sound_finance", "mofcom_registered")


@lru_cache(maxsize=1)
def words() -> dict:
    """The `second_article` section of knowledge/data/eligibility_words.yml, its patterns compiled."""
    raw = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))["second_article"]
    out = {"negation_window": int(raw["negation_window"]), "group_list_word": int(raw["group_list_word"])}
    for key in (
        "negation",
        "not_negation",
        "phrase_end",
        "requirement",
        "zhengzhou_places",
        "zhengzhou_regions",
        "not_places",
        "group",
        "asks_must",
        "asks_without",
        "asks",
        "individual",
        "asks_late_filing",
        "no_legal_person",
        "branch_question",
        "foreign_capital",
        "several_subjects",
        "all_met_of_a_count",
        "topic_phrase",
        "supposed",
        "asks_undefined",
        "bare_answer",
    ):
        out[key] = re.compile(raw[key])
    # Zhengzhou and every part of it (knowledge/data/places.yml), besides the words that only point at it
    out["zhengzhou_places"] = re.compile(places.zhengzhou_pattern() + "|" + raw["zhengzhou_places"])
    out["all_met"] = [re.compile(p) for p in raw["all_met"]]
    out["not_required"] = {k: re.compile(v) for k, v in raw["not_required"].items()}
    out["must_topics"] = {k: re.compile(v) for k, v in raw["must_topics"].items()}
    out["group_roles"], out["sets_up"] = raw["group_roles"], raw["sets_up"]  # bot/answers/group_entities.py
    out["not_defined"] = {
        k: dict(v, pattern=re.compile(v["pattern"]), keep_if=re.compile(v["keep_if"]) if v.get("keep_if") else None)
        for k, v in raw["not_defined"].items()
    }
    for field, spec in raw.items():
        if isinstance(spec, dict) and field not in (
            "not_required",
            "must_topics",
            "not_defined",
            "english",
            "group_roles",
        ):
            out[field] = {
                k: (
                    [re.compile(p) for p in v]
                    if isinstance(v, list) and k != "examples"
                    else re.compile(v)
                    if isinstance(v, str)
                    else v
                )
                for k, v in spec.items()
            }
    return out


def phrases(text: str) -> List[str]:
    """The message cut at punctuation and spaces, as the fact reader reads it (see `_phrases`)."""
    return _phrases(text)


def _phrases(text: str) -> List[str]:
    """The message cut at punctuation and spaces: a negation reaches no further than its phrase. A phrase that only
    names its topic (eligibility_words.yml `topic_phrase`: 「商务部那个统计系统 我们一直没注册」) goes with the phrase
    after it, when only a space is between."""
    w = words()
    pieces = re.split(f"({w['phrase_end'].pattern})", text)
    out: List[str] = []
    joined = False
    for i in range(0, len(pieces), 2):
        piece = pieces[i]
        if joined and out:
            out[-1] += piece
        else:
            out.append(piece)
        sep = pieces[i + 1] if i + 1 < len(pieces) else ""
        joined = bool(piece) and sep.isspace() and bool(w["topic_phrase"].search(out[-1]))
    return [p for p in out if p and not w["requirement"].search(p)]


def _negated(before: str, inside: str = "") -> bool:
    """Whether a negation stands in the match (`inside`) or just before it in its phrase."""
    w = words()
    window = w["not_negation"].sub("", before)[-w["negation_window"] :]
    return bool(w["negation"].search(window) or w["negation"].search(w["not_negation"].sub("", inside)))


# 「不是没注册」: a negation right before a failure that is itself a negation denies it (a double negation)
DENIED_RIGHT_BEFORE = re.compile(r"(不是|并非|并不是|并没有?|也不是|不)$")


def _denied_failure(before: str, found: str) -> bool:
    """Whether a failing statement is denied. One that says its own negation (「没有填报」) is denied only by a
    negation right before it (「不是没填报」): 「统计系统没有注册、没有填报」 lists two failures, the first 没有 does not
    deny the second."""
    w = words()
    if not _negated(before):
        return False
    if w["negation"].match(found):
        return bool(DENIED_RIGHT_BEFORE.search(before))
    return True


def _statements(spec: dict, phrase: str) -> List[Tuple[int, int, bool]]:
    """(start, end, holds) for each statement of one fact in one phrase, negations applied; none in a phrase that
    speaks of someone else's (the fact's `others`: 「员工社保和个税都在郑州交」 is not the company's tax)."""
    others = spec.get("others")
    if others is not None and others.search(phrase):
        return []
    found = []
    for p in spec.get("fails") or []:
        for m in p.finditer(phrase):
            found.append((m.start(), m.end(), _denied_failure(phrase[: m.start()], m.group(0))))
    fails = list(found)
    for p in spec.get("holds") or []:
        for m in p.finditer(phrase):
            if any(a < m.end() and m.start() < b for a, b, _ in fails):
                continue
            found.append((m.start(), m.end(), not _negated(phrase[: m.start()], m.group(0))))
    w = words()
    for p in spec.get("place") or []:
        for m in p.finditer(phrase):
            place = m.group("place")  # 「在内地没有注册」: the place is 内地 (a name may start with 无: 无锡)
            place = place[: next((n.start() for n in w["negation"].finditer(place) if n.start() >= 2), len(place))]
            if len(place) < 2 or w["not_places"].search(place):
                continue
            if any(a < m.end() and m.start() < b for a, b, _ in found):
                continue
            inside = m.group(0).replace(place, "", 1)  # 「在无锡注册」: the 无 of a place's name is no negation
            statement = _place_statement(place, _negated(phrase[: m.start()], inside))
            if statement is not None:
                found.append((m.start(), m.end(), statement))
    return found


def _place_statement(place: str, negated: bool) -> Optional[bool]:
    """Whether a place said of the applicant puts it in Zhengzhou: a Zhengzhou place does (not, when negated); another
    place does not, but 「没在开封注册」 says nothing of Zhengzhou; a region around Zhengzhou (内地, 河南) says
    nothing, but 「在内地没有注册」 says the applicant is not set up in Zhengzhou either."""
    w = words()
    if places.outside(place):
        return False if not negated else None  # 「洛阳高新区」: a known place outside, whatever zone word follows
    if w["zhengzhou_places"].search(place):
        return not negated
    if w["zhengzhou_regions"].search(place):
        return False if negated else None
    return None if negated else False


def _read_bool(field: str, phrases: List[str]) -> Optional[bool]:
    """True, False, or None when not stated; one statement that it fails wins."""
    values = [v for ph in phrases for v in _phrase_values(field, ph)]
    if not values:
        return None
    return all(values)


@lru_cache(maxsize=8192)
def _phrase_values(field: str, phrase: str) -> tuple:
    """Whether each statement of a fact in one phrase holds, in order (_statements), remembered: the readers of a
    turn read the same phrases for every fact many times."""
    return tuple(v for _, _, v in _statements(words()[field], phrase))


def _no_entity(t: str) -> List[Tuple[int, int]]:
    """The spans of 「没有注册任何公司」-like statements (eligibility_words.yml entity_type.no_entity) that say the
    applicant has no enterprise set up in Zhengzhou: none whose phrase names another place before it."""
    w = words()
    out = []
    for p in w["entity_type"]["no_entity"]:
        for m in p.finditer(t):
            before = w["phrase_end"].split(t[: m.start()])[-1] + m.group(0)
            places = re.findall(r"在([\u4e00-\u9fff]{2,4}?)(?=没|未|并未|尚未|还没|从|注册|设立|成立|开|办|$)", before)
            place = places[-1] if places else ""
            if place and not (w["zhengzhou_places"].search(place) or w["zhengzhou_regions"].search(place)):
                continue
            out.append(m.span())
    return out


def _owner_spans(t: str) -> List[Tuple[int, int]]:
    """The spans that say what someone other than the applicant is (eligibility_words.yml entity_type.owner and
    of_others): a shareholder that is a public institution or a person, an employee's own 个人 (「员工个人报个税」),
    customers that are individuals (「个人客户」「客户大多是个体户」) say nothing of the applicant's own form."""
    spec = words()["entity_type"]
    return [m.span() for key in ("owner", "of_others") for p in spec.get(key) or [] for m in p.finditer(t)]


def _blanked(t: str, spans: List[Tuple[int, int]]) -> str:
    """`t` with the characters of `spans` blanked (a full-width space each), its length kept."""
    return "".join("　" if any(a <= i < b for a, b in spans) else c for i, c in enumerate(t))


def _entity(t: str) -> Optional[str]:
    spec = words()["entity_type"]
    if any(p.search(t) for p in spec["other"]) and not spec["other_unless"].search(t):
        return "other"
    if any(p.search(t) for p in spec["branch"]) and not any(p.search(t) for p in spec["not_branch"]):
        return "branch"  # 「分支机构 不是独立法人」: a branch is not an independent legal person
    if any(p.search(t) for p in spec["not_legal_person"]):
        return "other"
    if any(p.search(t) for p in spec["office"]):
        return "office"
    if any(p.search(t) for p in spec["legal_person"]):
        return "legal_person"
    return None


def _office_parent_here(t: str) -> Optional[bool]:
    """For an office (办事处) of a company: whether the head office it names is in Zhengzhou, None if none named
    (「总部在杭州，我们在郑州只有一个办事处」「深圳公司在郑州的办事处」「办事处…税在深圳交」: the company, set up in
    Hangzhou or Shenzhen, is the applicant)."""
    w = words()
    for p in w["entity_type"]["office_parent_place"]:
        m = p.search(t)
        if m and not w["not_places"].search(m.group("place")):
            return bool(w["zhengzhou_places"].search(m.group("place")))
    return None


def facts_from(text: str) -> dict:
    """The 第二条 facts a message states, as the calculator's eligibility fields.

    Words and negation scope come from knowledge/data/eligibility_words.yml. An office
    (办事处) of a company registered elsewhere is not a branch paying tax here: the
    company itself is the applicant, registered outside Zhengzhou, unless the office is said
    to pay tax in Zhengzhou.
    """
    from bot.understand.english_facts import chinese_reading
    from bot.understand.retractions import without_retracted

    from bot.estimate.tables import without_tables

    t = without_retracted(text or "")  # 「税好像是上海总部交的……不对不对，…在郑州纳税」: the later statement wins
    t = without_tables(t)  # 「某行业协会年会\t境内\t否\t1.5」: a pasted table's cells say nothing of the applicant
    t = chinese_reading(t)  # 「no 违法经营 record」 → 没有违法经营：English statements read in Chinese
    phrases = _phrases(t)
    facts: dict = {}
    denied = _no_entity(t)
    masked = denied + _owner_spans(t)  # 「大股东背后是事业单位」: the owner's nature, not the applicant's
    entity = _entity(_blanked(t, masked))
    if denied and entity is None:
        entity = "other"  # 「还没注册公司」: no enterprise at all, and none set up in Zhengzhou
        facts["registered_in_zhengzhou"] = False
    registered = _read_bool("registered_in_zhengzhou", phrases)
    tax_here = _read_bool("pays_tax_in_zhengzhou", phrases)
    if entity == "office":
        entity = "branch" if tax_here and registered is not True else "legal_person"
        if entity == "legal_person" and registered is None:
            registered = _office_parent_here(t)
    if entity:
        facts["entity_type"] = entity
    if entity in (None, "legal_person") and registered is not None:
        facts["registered_in_zhengzhou"] = registered
        if entity is None and registered is False:
            facts["entity_type"] = "legal_person"
    if tax_here is not None and (entity != "legal_person" or tax_here is False):
        facts["pays_tax_in_zhengzhou"] = tax_here
    for field in BOOL_FACTS:
        value = _read_bool(field, phrases)
        if value is not None:
            facts[field] = value
    w = words()
    undecided = _undecided(t)
    for (
        field
    ) in undecided:  # 「罚款已经交了 税款和滞纳金都补缴了」: a fine paid is no 依法经营 failing the text decides
        if facts.get(field) is False:
            del facts[field]
    for i, ph in enumerate(phrases):
        if not w["group"].search(ph):
            continue
        named = " ".join(_listed_before(phrases[:i]) + [w["group"].split(ph)[0]])
        for field in BOOL_FACTS:
            if field not in facts and w[field]["group"].search(named):
                facts[field] = True
    if any(
        not w["all_met_of_a_count"].match(t[m.end() :]) and not _of_the_other_people(t, m.start())
        for p in w["all_met"]
        for m in p.finditer(t)
    ):
        # 「税不在郑州交，其他都满足」 with no word of the form: the tax fact must still count
        etype = facts.get("entity_type") or ("branch" if tax_here is False else "legal_person")
        place = "pays_tax_in_zhengzhou" if etype == "branch" else "registered_in_zhengzhou"
        # 「税交在 shanghai 总部，其他条件都OK」: where the tax is paid was said, not in Zhengzhou: not assumed
        taxed_elsewhere = re.search(r"税[^，。；,;!?！？]{0,4}在(?![^，。；,;!?！？]{0,3}郑)", t)
        for field in ((place,) if not (place == "pays_tax_in_zhengzhou" and taxed_elsewhere) else ()) + BOOL_FACTS:
            if field not in undecided:
                facts.setdefault(field, True)
        facts.setdefault("entity_type", etype)
    return facts


def _of_the_other_people(t: str, at: int) -> bool:
    """「培训了60个学员 其中5个考核没过 4个只签了半年合同 其余都符合」: after parts of a counted group are set apart,
    其余/其他 are the group's other people (bot/understand/subgroups.py), never the applicant's other conditions."""
    from bot.understand.subgroups import NUMBER, parts

    if any(not p.rest and p.end <= at for p in parts(t)):
        return True
    # the facts reader reads the message with the parts' words blanked (subgroups.without_parts): a blank run right
    # before it, after a count of people, is where those parts were said
    return bool(re.search(rf"{NUMBER}\s*(?:个|名|位|人)[^。；;!?！？]*? {{4,}}$", t[:at]))


def _listed_before(phrases: List[str]) -> List[str]:
    """The bare topic words just before a group's phrase (「财务制度 纳税 经营都规范」 → 财务制度, 纳税): short
    phrases each naming a fact's group, with no negation, read back to the first that is not one."""
    w = words()
    out = []
    for ph in reversed(phrases):
        if (
            len(ph) > w["group_list_word"]
            or w["negation"].search(w["not_negation"].sub("", ph))
            or not any(w[field]["group"].search(ph) for field in BOOL_FACTS)
        ):
            break
        out.insert(0, ph)
    return out


def verdict(facts: dict) -> dict:
    """The calculator's eligibility ruling for these facts."""
    from calculator import calculate

    return calculate(facts)["eligibility"]


def places_named(text: str) -> List[str]:
    """The places inside Zhengzhou (districts, 中牟县, the county-level cities, the development zones:
    eligibility_words.yml's zhengzhou_places) a message names, other than Zhengzhou itself."""
    named, seen = [], set()
    for m in words()["zhengzhou_places"].finditer(text or ""):
        e = places.division(m.group(0))
        if e is not None and e["name"] not in seen:  # 「巩义市…巩义那家」: one place, said once
            seen.add(e["name"])
            named.append(m.group(0))
    return named


def places_outside(text: str) -> List[str]:
    """The places outside Zhengzhou a message says the applicant is set up in or pays tax in (「B是在洛阳注册的」「税在
    洛阳交」: eligibility_words.yml `place` patterns of registered_in_zhengzhou and pays_tax_in_zhengzhou), in order;
    a region holding Zhengzhou (河南, 内地) and a negated place (「没在开封注册」) are none."""
    w = words()
    found = []
    for ph in _phrases(text or ""):
        for field in ("registered_in_zhengzhou", "pays_tax_in_zhengzhou"):
            for p in w[field].get("place") or []:
                for m in p.finditer(ph):
                    place = m.group("place")
                    if len(place) < 2 or w["not_places"].search(place) or w["zhengzhou_regions"].search(place):
                        continue
                    here = w["zhengzhou_places"].search(place) and not places.outside(place)
                    if here or _negated(ph[: m.start()], m.group(0).replace(place, "")):
                        continue
                    found.append(place)
    return list(dict.fromkeys(found))


def outside_line(text: str) -> str:
    """「洛阳不在郑州市行政区域内。」 for the places outside Zhengzhou the message names of the applicant, or ""."""
    named = places_outside(text)
    return f"{'、'.join(named)}不在郑州市行政区域内。" if named else ""


def place_line(text: str) -> str:
    """「登封属于郑州市行政区域……」 for the places inside Zhengzhou a message names, or ""."""
    named = places_named(text)
    if not named:
        return ""
    place = "、".join(named)
    return (
        f"{inside_words(named)}，在{place}依法设立的独立法人企业（或在郑纳税的法人企业分支机构）"
        f"满足第二条“在郑州市行政区域内依法设立”这一条，其他条件仍要满足。"
    )


def inside_words(named: List[str]) -> str:
    """「巩义属于郑州市行政区域（巩义市，郑州市辖的县级市）」 for places inside Zhengzhou (knowledge/data/places.yml)."""
    what = "；".join(d for d in map(places.described, named) if d) or "郑州市辖"
    return f"{'、'.join(named)}属于郑州市行政区域（{what}）"


def place_answer(text: str) -> Optional[Answer]:
    """「中牟算不算郑州的」: a place of eligibility_words.yml's zhengzhou_places is in Zhengzhou's
    administrative area, so 第二条's 在郑州市行政区域内依法设立 can be met there; None for other places."""
    named = places_named(text)
    if not named:
        return None
    c = query.clause("2")
    place = "、".join(named)
    facts = facts_from(text)
    stated = [k for k in facts if k != "entity_type"]
    verdict = _verdict_line(conditions.evaluate("2", facts)) if len(stated) >= 2 else ""
    return Answer(
        verdict + f"{inside_words(named)}，在{place}依法设立的独立法人企业（或在郑纳税的法人企业分支机构）"
        f"满足第二条“在郑州市行政区域内依法设立”这一条"
        + ("。\n" if verdict.startswith("结论：符合") else "，其他条件仍要满足。\n")
        + f"依据{c['label']}（{c['title']}），申报条件是：{c['text']}",
        clause="2",
    )


def subjects_answer(text: str) -> Optional[Answer]:
    """「一个是郑州注册的子公司 一个是分公司但税在上海交 用哪个报」: each applicant against 第二条, or None
    when the message describes fewer than two or they do not differ."""
    from bot.answers import placed_applicants
    from bot.understand.segment import clauses, is_question

    placed = placed_applicants.answer(text)  # 「一个注册在巩义市 一个注册在开封」: one verdict each
    if placed is not None:
        return placed
    pieces = [
        " ".join(c for c in clauses(p) if not is_question(c))
        for p in words()["several_subjects"].split(text)[1:]
        if p.strip()
    ]
    pieces = [p for p in pieces if p]
    if len(pieces) < 2:
        return None
    verdicts = [(p, conditions.evaluate("2", facts_from(p))) for p in pieces]
    if len({v.status for _, v in verdicts}) < 2:
        return None
    lines = ["您说的几个主体分别看："]
    for i, (piece, v) in enumerate(verdicts, 1):
        if v.status == conditions.NOT_MET:
            lines.append(
                f"{i}. “{piece}”：不符合，不满足：" + "；".join(ch.label for ch in v.unmet) + "。" + outside_line(piece)
            )
        else:
            met = "；".join(ch.label for ch in v.met)
            lines.append(
                f"{i}. “{piece}”：可以作为申报主体" + (f"（已满足：{met}）" if met else "") + "，其他条件也要满足。"
            )
    ok = [piece for piece, v in verdicts if v.status != conditions.NOT_MET]
    lines.append(f"所以应由“{ok[0]}”申报（最终以市商务局审核为准）。" if len(ok) == 1 else "")
    c = query.clause("2")
    head = f"依据{c['label']}（{c['title']}），申报条件是：{c['text']}"
    return Answer("\n".join(line for line in lines if line) + "\n" + head, clause="2")


def answer(text: str) -> Answer:
    """Who may apply; for a described applicant, the verdict first, then what is unknown, then the clause."""
    c = query.clause("2")
    head = f"依据{c['label']}（{c['title']}），申报条件是：{c['text']}"
    several = subjects_answer(text)
    if several is not None:
        return several
    facts = facts_from(text)
    undefined = not_defined_answer(text, facts)
    if undefined is not None:
        return undefined
    v = conditions.evaluate("2", facts)
    must = _must_answer(text)
    if must and v.status != conditions.NOT_MET:
        return Answer(must + "\n" + head, clause="2")
    body = _explain(text, facts)
    reading = readings_line(text, facts)
    extra = not_required(text)
    if extra and v.status != conditions.NOT_MET:
        # 「…独立法人 系统注册了…成立才一年 中不中」: the verdict on what was described, then the topic not required
        described = len([k for k in facts if k != "entity_type"]) >= 2
        return Answer(
            (_verdict_line(v) + "\n" if described else "") + reading + _not_required_line(extra) + body + "\n" + head,
            clause="2",
        )
    if v.status == conditions.NOT_MET:
        return Answer(_verdict_line(v) + reading + body + "\n" + head, clause="2")
    foreign = ""
    if words()["foreign_capital"].search(text):
        foreign = (
            "第二条对企业的出资来源没有限制：在郑州依法设立的外商投资企业同样是独立法人企业，满足其他条件即可申报。"
        )
    stated = [k for k in facts if k != "entity_type"]
    # 「独立法人 在登封注册」「在郑州的分公司 税在郑州交」: the applicant's form and where it is set up (a branch: where it
    # pays tax) are stated; the verdict follows, with the conditions still to confirm named
    placed = "entity_type" in facts and bool({"registered_in_zhengzhou", "pays_tax_in_zhengzhou"} & set(facts))
    if v.status == conditions.MET or len(stated) >= 2 or placed:
        return Answer(_verdict_line(v) + reading + foreign + body + "\n" + head, clause="2")
    tail = (
        "\n想知道贵企业是否符合，可以告诉我：是否在郑州注册的独立法人（或在郑纳税的分支机构）、"
        "是否在统计系统注册填报等，我逐条判断；也可以说“我想做个预审”。"
    )
    return Answer(reading + foreign + body + ("\n" if body else "") + head + tail, clause="2")


def stated_answer(text: str, facts: dict) -> Answer:
    """The verdict on the conversation's 第二条 facts (`facts`) when a message states some of them in answer to who
    may apply (「我们在内地没有注册任何公司」): the verdict, what follows for the applicant, the clause."""
    second = {k: v for k, v in facts.items() if k in CONDITION_NAMES}
    second.update(facts_from(text))
    v = conditions.evaluate("2", second)
    c = query.clause("2")
    head = f"依据{c['label']}（{c['title']}），申报条件是：{c['text']}"
    body = readings_line(text, second) + _explain(text, second)
    return Answer(_verdict_line(v) + body + "\n" + head, clause="2", verdict=v.status)


def failed_answer(text: str, facts: dict) -> Optional[Answer]:
    """「没办许可证被处罚了…能申请吗」: a 第二条 fact the user stated fails, so whatever it asks to apply for
    is 不符合, naming the condition; None when no stated 第二条 fact fails."""
    second = {k: v for k, v in facts.items() if k in CONDITION_NAMES}
    second.update(facts_from(text))
    v = conditions.evaluate("2", second)
    if v.status != conditions.NOT_MET:
        return None
    c = query.clause("2")
    body = _explain(text, second)
    return Answer(
        _verdict_line(v) + body + f"\n依据{c['label']}（{c['title']}），申报条件是：{c['text']}",
        clause="2",
        verdict=conditions.NOT_MET,
    )


def asks_about_applicant(text: str) -> bool:
    """「…独立法人 系统也注册了 纳税经营都规范 成立才一年 中不中」: a question whether the applicant it describes
    (two or more 第二条 facts, or a requirement 第二条 has or has not) may apply, naming no support item and
    asking no amount: answered by 第二条's verdict, not by an estimate."""
    from bot.answers import qualify
    from bot.estimate.items import detect_items
    from bot.understand.segment import asks_something
    from knowledge import shapes

    facts = facts_from(text)
    stated = {k: v for k, v in facts.items() if k != "entity_type"}
    # two facts describe the applicant; one 第二条 condition said to fail (「股权归属还没定」) decides alone;
    # 「帮我们看看符不符合条件 我们是郑州注册的独立法人」: any fact, asked against the conditions as a whole
    described = (
        len(stated) >= 2
        or False in stated.values()
        or (bool(facts) and bool(shapes.search("asks_qualification", text)))
    )
    if not (described or not_required(text) or must_topic(text)) or not asks_something(text):
        return False
    if shapes.search("asks_amount", text) or detect_items(text):
        return False
    from bot.answers import router

    if not described and (qualify.is_shape("catalog", text) or router.is_classify_question(None, text)):
        return False  # 「给中小企业代理记账 算服务外包吗」: 中小企业 is the client, the question the catalog's
    topic = qualify.topic_clause(text)
    return topic is None or not topic.startswith("3")


def answer_with_business(text: str) -> Answer:
    """The applicant against 第二条, and the business it describes placed in the catalog when the message also
    asks that (「…能申报吗 这业务属于目录哪类」)."""
    from dataclasses import replace

    from bot.answers import catalog, router

    verdict = answer(text)
    if not router.is_classify_question(None, text):
        return verdict
    placed = catalog.classify_answer(text)
    if placed is None or not placed.text:
        return verdict
    return replace(verdict, text=verdict.text + "\n\n" + placed.text, domain=placed.domain)


def _undecided(text: str) -> set:
    """The 第二条 facts a message's words cannot fail because the text sets no rule for what they describe
    (eligibility_words.yml not_defined `overrides`: a tax fine paid up, bookkeeping by an outside firm), asked or not."""
    return {f for spec in _left_open(text).values() for f in spec.get("overrides") or []}


def _left_open(text: str) -> dict:
    """The not_defined specs a message describes, but for those whose `keep_if` words say the case fails anyway
    (「尚未补缴」「没啥财务制度」)."""
    return {
        name: spec
        for name, spec in words()["not_defined"].items()
        if spec["pattern"].search(text) and not (spec["keep_if"] and spec["keep_if"].search(text))
    }


def not_defined(text: str) -> List[str]:
    """What the message asks about that 第二条 names only in general words and the text does not define
    (纳税信用等级, 已补缴的税务处罚 …: eligibility_words.yml `not_defined`), in order."""
    if not words()["asks"].search(text) and not words()["asks_undefined"].search(text):
        return []
    return list(_left_open(text))


def not_defined_answer(text: str, facts: dict) -> Optional[Answer]:
    """「去年被税务罚过款 已补缴 纳税信用等级B 影响申报资格吗」: the condition of 第二条 it belongs to, that the text
    does not define it, and that the 实施细则 of 市商务局 with 市财政局 decide (第四条第（一）项); never a verdict.
    None when nothing such is asked, or when another stated fact already fails 第二条."""
    names = not_defined(text)
    if not names:
        return None
    specs = [words()["not_defined"][n] for n in names]
    excused = {f for s in specs for f in s.get("overrides") or []}  # 「欠税 纳税信用D级」: 欠税 still fails
    rest = {k: v for k, v in facts.items() if k not in excused}
    if conditions.evaluate("2", rest).status == conditions.NOT_MET:
        return None
    conds = "、".join(dict.fromkeys(f"“{CONDITION_NAMES[s['fact']]}”" for s in specs))
    c, rules = query.clause("2"), query.clause("4.1")
    return Answer(
        f"{'、'.join(names)}：{c['label']}对申报企业的要求是{conds}，政策原文没有进一步规定："
        + "，".join(s["unsaid"] for s in specs)
        + f"，所以不能凭文件说一定影响或一定不影响。具体怎么认定，由市商务局会同市财政局另行制定的实施细则规定"
        f"（{rules['label']}：{rules['text']}），以市商务局审核为准，建议申报前向市商务局确认。"
        + (f"另外，依据第一条：{_filing_sentence()}" if any(s["fact"] == "mofcom_registered" for s in specs) else "")
        + f"\n依据{c['label']}（{c['title']}），申报条件是：{c['text']}",
        clause="2",
    )


def _not_required_line(topic: str) -> str:
    """「第二条的申报资格不要求X：X不是申报条件…」, in the topic's own words when eligibility_words.yml
    `not_required_notes` has them (`says`), then the step that follows from it (`note`: 成立年限 → 新增企业首年计算纯增量)."""
    raw = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))["second_article"]
    note = (raw.get("not_required_notes") or {}).get(topic) or {}
    says = note.get("says") or f"第二条的申报资格不要求{topic}：{topic}不是申报条件，满足第二条所列条件即可申报。"
    return says + (f"{note['note']}。" if note.get("note") else "")


def not_required(text: str) -> str:
    """What the message asks about that 第二条 does not require (高新技术企业, 注册资本 …), or ""."""
    if not words()["asks"].search(text):
        return ""
    return next((name for name, p in words()["not_required"].items() if p.search(text)), "")


def summary(facts: dict, placed: bool = False, form_alone: bool = False) -> str:
    """One line on 第二条 for an answer about something else (an estimate), when the user described
    the applicant (two or more 第二条 facts; with `placed`, also its form and where it is set up or, a branch,
    pays tax: 「北京总部的分公司 在郑州交税」; with `form_alone`, also a form that is no enterprise of 第二条 alone:
    「丙是个体户」 among several applicants); "" otherwise."""
    second = {k: v for k, v in facts.items() if k in CONDITION_NAMES}
    where = {"registered_in_zhengzhou", "pays_tax_in_zhengzhou"} & set(second)
    # 「丙是个体户」: a form that is no enterprise of 第二条 settles the verdict alone
    settled = (form_alone and second.get("entity_type") == "other") or ("entity_type" in second and where)
    if len([k for k in second if k != "entity_type"]) < 2 and not (placed and settled):
        return ""
    return _verdict_line(conditions.evaluate("2", second))


def explain(text: str, facts: dict) -> str:
    """Why an applicant's own situation meets or fails 第二条 (its form, where it is set up, the system), or "":
    for a verdict given inside another answer (each of several applicants)."""
    return _explain(text or "", facts or {})


def verdict_line(v) -> str:
    """The verdict on 第二条 in one line (for other modules)."""
    return _verdict_line(v)


def _verdict_line(v) -> str:
    """「结论：符合」/「结论：不符合……」 first, then what is still to confirm."""
    if v.status == conditions.MET:
        return (
            "结论：符合第二条的申报资格（"
            + "；".join(ch.label for ch in v.met)
            + "），可以申报（最终以市商务局审核为准）。"
        )
    unknown = [ch.label for ch in v.unknown]
    if v.status == conditions.NOT_MET:
        out = "结论：不符合第二条的申报资格，不满足：" + "；".join(ch.label for ch in v.unmet) + "。"
        if unknown:
            out += "另外还需确认：" + "；".join(unknown) + "。"
        return out
    out = "结论：还不能确定是否符合第二条的申报资格。"
    if v.met:
        out += "已满足：" + "；".join(ch.label for ch in v.met) + "。"
    return out + "还需确认：" + "；".join(unknown) + "。这些都满足才可以申报。"


@lru_cache(maxsize=1)
def _readings() -> tuple:
    raw = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8")).get("readings") or []
    return tuple((re.compile(r["when"]), r["says"], r.get("fact")) for r in raw)


def readings_line(text: str, facts: Optional[dict] = None) -> str:
    """The readings of 第二条 (eligibility_words.yml `readings`) for the situation a message states, one line
    each (「享受免征…交的税很少」 → 依法纳税 does not ask how much tax), or ""; none whose fact `facts` says fails."""
    facts = facts or {}
    return "".join(
        says + "\n" for when, says, fact in _readings() if when.search(text or "") and facts.get(fact) is not False
    )


def _explain(text: str, facts: dict) -> str:
    """A sentence on the applicant's own situation (who it is, where it is, the system), or ""."""
    etype = facts.get("entity_type")
    w = words()
    own = _blanked(text, _owner_spans(text))  # 「股东是两个自然人 我们是事业单位」: the applicant is no person
    if etype == "other" and w["individual"].search(own):
        return (
            "个人和个体工商户不是法人企业，也不是法人企业的分支机构，不符合第二条的申报主体要求。"
            "如果以公司（独立法人企业）的形式在郑州依法设立，并满足其他条件，就可以申报。"
        )
    if etype == "other" and w["no_legal_person"].search(text):
        return (
            "没有独立法人资格、也不是分支机构的内部部门（如事业部）不能单独申报：第二条的申报主体是在郑州依法设立的"
            "独立法人企业，或在郑纳税的法人企业分支机构。可以由其所属的法人企业申报。"
        )
    if etype == "other" and _no_entity(text):
        return (
            "在郑州没有依法设立的企业、也没有在郑纳税的分支机构的，不符合第二条：申报主体须是在郑州市行政区域内依法设立的"
            "独立法人企业，或在郑纳税的法人企业分支机构。在郑州注册公司（或设立分支机构并在郑纳税）后，满足其他条件即可申报。"
        )
    if etype == "other":
        return (
            "第二条的申报主体是“独立法人企业”或“在郑纳税的法人企业分支机构”，政府部门、事业单位等不属于企业，"
            "不能按第二条申报企业奖补。（培训、实习等条款中写的“企业（单位）”，以市商务局的解释为准。）"
        )
    if etype == "branch":
        out = (
            "法人企业的分支机构可以申报，但须是“在郑纳税的法人企业分支机构”，即在郑州纳税；"
            "同时要满足产权清晰、依法经营、依法纳税、财务管理规范，并在商务部“服务外包业务管理和统计系统”中注册并及时填报。"
        )
        if facts.get("pays_tax_in_zhengzhou") is False:
            out = "分支机构不在郑州纳税的，不符合申报资格：第二条要求分支机构“在郑纳税”。" + out
        elif facts.get("pays_tax_in_zhengzhou") is None and "税" not in text:
            # nothing said of its tax (a part that says it is judged by the verdict): 在郑纳税 is still open
            out += "这家分支机构是否在郑纳税还需要确认：第二条要求分支机构在郑州纳税。"
        return out
    if facts.get("registered_in_zhengzhou") is False:
        return outside_line(text) + (
            "注册在郑州以外的企业本身不符合第二条（须“在郑州市行政区域内依法设立”）；在郑州的办事处、办公室不是"
            "在郑纳税的法人企业分支机构。如果在郑州设立了分支机构并在郑纳税，可以由该分支机构申报。"
        )
    if facts.get("mofcom_registered") is not True and w["asks_late_filing"].search(text):
        return late_filing_line()
    if facts.get("mofcom_registered") is False and _lapsed(text):
        return (
            "在系统里注册了、但有期间没有按时填报（漏报、断报、至今未补报）的，不满足第二条“及时填报”的要求：第二条要求"
            "在商务部“服务外包业务管理和统计系统”中注册并及时填报服务外包合同签约及执行等相关业务信息。"
            f"另外，依据第一条：{_filing_sentence()}某一年的业务按该年在系统里的填报计算。"
            "未填报的期间补报后能否认定为及时填报、能否计入，政策原文没有规定，以市商务局审核为准。"
        )
    if facts.get("mofcom_registered") is False:
        return "需先在商务部“服务外包业务管理和统计系统”中注册，并及时填报服务外包合同签约及执行等相关业务信息，才具备申报资格。"
    if w["branch_question"].search(text):
        return (
            "外地企业在郑州设立的分支机构可以申报，但须是“在郑纳税的法人企业分支机构”，即在郑州纳税；"
            "同时要满足产权清晰、依法经营、依法纳税、财务管理规范，并在商务部“服务外包业务管理和统计系统”中注册并及时填报。"
        )
    return ""


def _filing_sentence() -> str:
    """第一条's sentence that the 执行额 is read from the system's 当年填报情况 (knowledge/, not a copy)."""
    return next((s + "。" for s in query.clause("1")["text"].split("。") if "当年填报" in s), "")


def late_filing_line() -> str:
    """「补填还来得及吗」: 第二条 asks 及时填报; whether business filed late is accepted the text does not say, the
    实施细则 of 第四条第（一）项 (市商务局) do."""
    rules = query.clause("4.1")
    return (
        "第二条要求在商务部“服务外包业务管理和统计系统”中注册并及时填报服务外包合同签约及执行等相关业务信息；"
        "没有及时填报的，不满足这一条。过后补填（补报）还来不来得及、补填的部分能否认定为及时填报，政策原文没有规定，"
        f"具体申报程序由市商务局会同市财政局另行制定的实施细则规定（{rules['label']}：{rules['text']}），"
        "以市商务局解释为准，建议尽快补填并向市商务局确认。"
    )


def _lapsed(text: str) -> bool:
    """「系统注册了 但去年有两个季度忘了填」: the message says the applicant is in the system (a `holds` statement of
    mofcom_registered) and also that it failed to file (a `fails` one): registered, but 及时填报 fails."""
    values = [v for ph in _phrases(text or "") for v in _phrase_values("mofcom_registered", ph)]
    return True in values and False in values


def must_topic(text: str) -> str:
    """The 第二条 condition a "must we really …?" question names, or "" (words in eligibility_words.yml). A word of a
    thing 第二条 does not require is no condition named (「还是必须一般纳税人才行」: 纳税 of 纳税人 is not 依法纳税)."""
    w = words()
    if w["asks_must"].search(text):
        rest = text
    else:  # 「不注册行不行」: only the words left out name the condition, not what the message states elsewhere
        rest = "　".join(m.group(0) for m in w["asks_without"].finditer(text))
    if not rest:
        return ""
    for p in w["not_required"].values():
        rest = p.sub("　", rest)
    return next((field for field, p in w["must_topics"].items() if p.search(rest)), "")


def _must_answer(text: str) -> str:
    """ "一定要在系统里注册吗": yes, when it is one of 第二条's conditions."""
    field = must_topic(text)
    if not field:
        return ""
    extra = ""
    if field == "mofcom_registered":
        extra = "不注册就不符合申报资格；而且合同执行额也依据企业在该系统的当年填报情况确定（第一条）。"
    return f"是的，必须满足。{CONDITION_NAMES[field]}是第二条规定的申报条件之一，{extra}"
