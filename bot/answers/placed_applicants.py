"""Several applicants in one message, told apart by order or by letter, each with where it is set up (「集团下面两个子公司
都是独立法人 一个注册在巩义市 一个注册在开封 业务其实都在郑州做 … 另外巩义那家还没在统计系统里注册 有没有影响」「A公司注册在
新郑，B公司注册在许昌，两家都能申报吗」): each is judged against 第二条 on its own words, one verdict each — never one
verdict for them all.

An applicant opens a phrase (eligibility_words.yml placed_applicants `mark`) that names a place: a part of Zhengzhou or
a place outside it (knowledge/data/places.yml). Words before the first applicant and phrases said of every applicant
(`all`: 都, 两家) are every applicant's; a later phrase naming one applicant's place (「巩义那家」) or letter is that
applicant's; any other phrase is the applicant named last. Plain Python, no Rasa.
"""

import re
from typing import List, Optional, Tuple

from knowledge import conditions, places, query

from bot.answers import eligibility
from bot.answers.model import Answer

LETTERS = re.compile(r"[a-d甲乙丙丁]")


def _words() -> dict:
    return eligibility.words()["placed_applicants"]


def _place_in(phrase: str) -> str:
    """The place a phrase names: a part of Zhengzhou, a place outside it (places.yml), or a place it says the
    applicant is set up in (「注册在义乌」); "" when none."""
    found = [m for m in re.finditer(places.zhengzhou_pattern(), phrase)]
    outside = sorted((phrase.find(w), w) for w in places.outside_words() if w in phrase)
    if outside and (not found or outside[0][0] < found[0].start()):
        return outside[0][1]
    if found:
        return found[0].group(0)
    named = eligibility.places_outside(phrase)
    return named[0] if named else ""


def _same_place(a: str, b: str) -> bool:
    da, db = places.division(a), places.division(b)
    if da is not None or db is not None:
        return da is db
    return bool(a) and (a in b or b in a)


def split(text: str) -> List[Tuple[str, str, str]]:
    """(label, place, that applicant's words) for each applicant placed in turn, or [] for fewer than two or when the
    places are all one."""
    from bot.understand.segment import is_question

    w = _words()
    # 「两个公司一个在郑州一个在新乡」: an applicant opened inside a phrase starts a phrase of its own
    phrases = [p for ph in eligibility.phrases(text or "") for p in w["opens_inside"].split(ph) if p]
    opened = []  # (index of the phrase, label, place)
    for i, ph in enumerate(phrases):
        m = w["mark"].search(ph)
        place = _place_in(ph[m.end() :]) if m else ""
        if m and place:
            letter = LETTERS.search(m.group(0))
            label = m.group(0).lstrip("另外还有然后其中而剩下").upper() if letter else ""
            opened.append((i, label, place))
    if len(opened) < 2 or len({places.division(p)["name"] if places.division(p) else p for _, _, p in opened}) < 2:
        return []
    shared, own = [], {k: [] for k in range(len(opened))}
    starts = [i for i, _, _ in opened]
    for i, ph in enumerate(phrases):
        if is_question(ph) and i not in starts:
            continue
        if i < starts[0]:
            shared.append(ph)
            continue
        if i in starts:
            own[starts.index(i)].append(ph)
            continue
        named = [k for k, (_, label, place) in enumerate(opened) if _same_place(place, _place_in(ph) or "\0")]
        named += [k for k, (_, label, _) in enumerate(opened) if label and label in ph.upper() and k not in named]
        if len(named) == 1:
            own[named[0]].append(ph)
        elif named or w["all"].search(ph):
            shared.append(ph)
        else:
            own[max(k for k, s in enumerate(starts) if s < i)].append(ph)
    return [
        (label or f"在{place}的那家", place, " ".join(shared + own[k])) for k, (_, label, place) in enumerate(opened)
    ]


def _facts(place: str, said: str) -> dict:
    facts = eligibility.facts_from(said)
    if facts.get("entity_type") != "branch":
        facts.setdefault("entity_type", "legal_person")
        if places.outside(place) or not places.inside(place):
            facts["registered_in_zhengzhou"] = False
        else:
            facts["registered_in_zhengzhou"] = True
    return facts


def _line(i: int, label: str, place: str, facts: dict) -> str:
    v = conditions.evaluate("2", facts)
    inside = facts.get("registered_in_zhengzhou") is True
    where = (
        (eligibility.inside_words([place]) if places.division(place) else f"设立在{place}")
        + "，满足“在郑州市行政区域内依法设立”"
        if inside
        else f"{place}不在郑州市行政区域内"
        if facts.get("registered_in_zhengzhou") is False
        else ""
    )
    unmet = [ch.label for ch in v.unmet]
    unknown = [ch.label for ch in v.unknown]
    out = f"{i}. {label}：" + (where + "；" if where else "")
    if v.status == conditions.NOT_MET:
        out += "不符合第二条的申报资格，不满足：" + "；".join(unmet) + "。"
    elif v.status == conditions.MET:
        out += "符合第二条的申报资格，可以申报（最终以市商务局审核为准）。"
    else:
        out += "还不能确定是否符合第二条的申报资格。"
    if facts.get("registered_in_zhengzhou") is False:
        out += "注册在郑州以外的企业本身不能申报；如果它在郑州设立分支机构并在郑纳税，可以由该分支机构申报。"
    if facts.get("mofcom_registered") is False:
        out += (
            "在商务部“服务外包业务管理和统计系统”中注册、并及时填报服务外包合同签约及执行等相关业务信息以后，"
            "这一条才满足；没注册之前不具备申报资格。"
        )
    if unknown and facts.get("registered_in_zhengzhou") is not False:
        out += "还需确认：" + "；".join(unknown) + "。"
    return out


def answer(text: str) -> Optional[Answer]:
    """Each applicant's verdict on 第二条, or None when the message does not place two or more applicants apart or asks
    for amounts or a support item."""
    from bot.estimate.items import detect_items
    from bot.understand.segment import asks_something
    from knowledge import shapes

    if not asks_something(text) or shapes.search("asks_amount", text) or detect_items(text):
        return None
    found = split(text)
    if not found:
        return None
    judged = [(label, place, _facts(place, said)) for label, place, said in found]
    if any(facts.get("entity_type") != "legal_person" for _, _, facts in judged):
        return (
            None  # 「一个是…子公司 一个是分公司但税在上海交」: a branch's place is where its tax goes (subjects_answer)
        )
    lines = [f"您说的{len(found)}家企业要分别看（每家各自对照第二条）："]
    outside = False
    for i, (label, place, facts) in enumerate(judged, 1):
        outside = outside or facts.get("registered_in_zhengzhou") is False
        lines.append(_line(i, label, place, facts))
    if outside and _words()["business_here"].search(text):
        lines.append(
            "业务在郑州做，不改变企业在哪里依法设立：第二条看的是企业是否在郑州市行政区域内依法设立（分支机构看是否在郑纳税）。"
        )
    c = query.clause("2")
    lines.append(f"依据{c['label']}（{c['title']}），申报条件是：{c['text']}")
    return Answer("\n".join(lines), clause="2")
