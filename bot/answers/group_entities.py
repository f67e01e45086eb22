"""「母公司在郑州 独立法人 子公司在洛阳 洛阳子公司又在郑州设了一个分公司 分公司在郑州纳税 哪几个主体能报」: each entity
of a group judged against 第二条 on its own statements (eligibility_words.yml group_roles): a company set up outside
Zhengzhou cannot apply, one set up in Zhengzhou and a branch paying tax in Zhengzhou can if the other conditions hold.
Asked whether 第四条第（三）项's 500万 is each one's or the group's (routes.yml cap_per_enterprise), the cap is said to
be one enterprise's."""

import re
from typing import Dict, List, Optional

from knowledge import conditions, query, shapes

from bot.answers import eligibility
from bot.answers.model import Answer

LEAD = re.compile(r"^(然后|其中|另外|还有|而且|并且|同时|那个|这个|又)+")


def _roles() -> Dict[str, List[str]]:
    return eligibility.words()["group_roles"]


def _role_at_start(phrase: str) -> Optional[str]:
    """The role a statement is about: the role word it opens with, after at most a place (「洛阳子公司…」)."""
    for role, names in _roles().items():
        for n in names:
            at = phrase.find(n)
            if 0 <= at <= 4 and not re.search(r"\d", phrase[:at]):
                return role
    return None


def pieces(text: str) -> Dict[str, str]:
    """{role: its statements} for the entities a message describes, in order; {} for fewer than two."""
    from bot.understand.segment import is_question

    sets_up = eligibility.words()["sets_up"]
    names = "|".join(n for ns in _roles().values() for n in ns)
    out: Dict[str, List[str]] = {}
    current = None
    for phrase in re.split(r"[，,。；;！!\s]+", text):
        phrase = LEAD.sub("", phrase.strip())
        if not phrase or is_question(phrase):
            continue
        made = re.search(rf"(?P<place>在[^，。；\s]{{1,6}})?又?(?:{sets_up})(?P<role>{names})", phrase)
        if made:  # 「洛阳子公司又在郑州设了一个分公司」: the place is the new entity's
            role = next(r for r, ns in _roles().items() if made.group("role") in ns)
            out.setdefault(role, []).append((made.group("place") or "") + "设立")
            current = role
            continue
        role = _role_at_start(phrase)
        if role:
            current = role
        if current:
            out.setdefault(current, []).append(phrase)
    return {r: " ".join(ps) for r, ps in out.items()} if len(out) >= 2 else {}


def _facts(role: str, piece: str) -> dict:
    facts = {
        k: v for k, v in eligibility.facts_from(piece).items() if k not in ("entity_type", "registered_in_zhengzhou")
    }
    if role == "分公司":
        facts["entity_type"] = "branch"
        return facts
    facts["entity_type"] = "legal_person"
    if eligibility.places_outside(piece) or _place_outside(piece):
        facts["registered_in_zhengzhou"] = False
    elif "郑州" in piece or eligibility.places_named(piece):
        facts["registered_in_zhengzhou"] = True
    return facts


def _place_outside(piece: str) -> str:
    """The place a statement 「子公司在洛阳」 sets the entity in, when it is not Zhengzhou nor a place of it; else ""."""
    names = "|".join(n for ns in _roles().values() for n in ns)
    for m in re.finditer(rf"(?:^|\s)(?:{names})(?:注册)?在(?P<place>[\u4e00-\u9fff]{{2,4}})(?=$|\s)", piece):
        place = re.sub(r"(注册|设立|成立|市)$", "", m.group("place"))
        if "郑州" not in place and not eligibility.places_named(place):
            return place
    return ""


def answer(text: str) -> Optional[Answer]:
    """Each entity's verdict and, asked, whose the 500万 is; None when the message does not describe a group or ask."""
    if not shapes.search("which_entities_apply", text):
        return None
    found = pieces(text)
    if not found:
        return None
    lines = ["您说的几个主体分别看（各自对照第二条）："]
    for i, (role, piece) in enumerate(found.items(), 1):
        v = conditions.evaluate("2", _facts(role, piece))
        if v.status == conditions.NOT_MET:
            unmet = "；".join(ch.label for ch in v.unmet)
            outside = eligibility.outside_line(piece) or (
                f"{_place_outside(piece)}不在郑州市行政区域内。" if _place_outside(piece) else ""
            )
            lines.append(f"{i}. {role}（{piece}）：不能申报，不满足：{unmet}。{outside}")
        else:
            met = "；".join(ch.label for ch in v.met)
            lines.append(
                f"{i}. {role}（{piece}）：可以作为申报主体"
                + (f"（已满足：{met}）" if met else "")
                + "，其他条件也要满足。"
            )
    c = query.clause("2")
    lines.append(f"依据{c['label']}（{c['title']}），申报条件是：{c['text']}")
    if shapes.search("cap_per_enterprise", text):
        lines.append(cap_line())
    return Answer("\n".join(lines), clause="2")


def cap_line() -> str:
    """第四条第（三）项's total, said to be each enterprise's own."""
    total = query.document()["annual_total_cap"]
    return (
        f"关于上限：{total['text'].rstrip('。')}（{query.clause(total['clause'])['label']}），是按单个企业计的——每家符合条件的"
        "企业各自申报、各自适用这一上限，不是集团几家合起来共用一个上限。分公司不是独立法人，它和所属法人企业的上限怎么计，"
        "政策原文没有规定，以市商务局解释为准。"
    )


def cap_answer(text: str) -> Optional[Answer]:
    """「500万上限是每家都有还是集团合起来500万」 asked alone: the cap is one enterprise's; None when not asked."""
    if not shapes.search("cap_per_enterprise", text) or shapes.search("which_entities_apply", text):
        return None
    return Answer(cap_line(), clause="4.3")
