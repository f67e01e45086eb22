"""Several applicants in one message (「A公司…；B公司…两家各能拿多少」): each independent legal entity applies on its
own with its own caps, so its figures are read and estimated apart, never added to another's. Words in
knowledge/data/estimate_words.yml (several_applicants). A group's figure asked for one of its companies
(「集团合并口径1.35亿 郑州子公司能拿多少」) is not that company's: group_figures (group_figure)."""

import re
from typing import List, Tuple

from bot.estimate.reading import estimate_words

SEPARATORS = "。；;\n"


def _name_pattern() -> re.Pattern:
    w = estimate_words()["several_applicants"]
    letters = "".join(sorted(w["letters"]))
    company = "|".join(sorted(map(re.escape, w["company_words"]), key=len, reverse=True))
    mark = re.escape(w["named_entity_mark"])
    return re.compile(
        rf"(?:{company})[{letters}](?![a-z\d])"  # 子公司甲
        rf"|(?<![a-z\d])[{letters}](?:{company})"  # a公司 甲公司
        rf"|郑州[^\s,，。；;:：()（）\d]{{1,6}}[(（][^()（）]{{0,12}}{mark}",  # 郑州x科技(独立法人)
        re.I,
    )


def split(text: str) -> List[Tuple[str, str]]:
    """(name, that applicant's words) for each applicant a message names, in order; [] when it names fewer than
    two or does not say several are asked about. A closing question with no figure (「两家各能拿多少」) and the
    words before the first name (「今年」) go with every applicant."""
    w = estimate_words()["several_applicants"]
    if not any(g in text for g in w["group"]):
        return []
    found = list(_name_pattern().finditer(text))
    names = []
    for m in found:
        name = re.sub(r"[(（].*$", "", m.group(0))
        if name not in [n for n, _ in names]:
            names.append((name, m.start()))
    if len(names) < 2:
        names = _in_turn(text, w["in_turn"])
    if len(names) < 2:
        names = _listed(text, w["listed"], w["entity_words"])
    if len(names) < 2:
        return []
    starts = [p for _, p in names] + [len(text)]
    lead = text[: starts[0]]
    parts = [text[a:b] for a, b in zip(starts, starts[1:])]
    last = parts[-1]
    cut = max(last.rfind(c) for c in SEPARATORS)
    tail = ""
    if cut > 0 and not re.search(r"\d", last[cut + 1 :]):
        tail, parts[-1] = last[cut + 1 :], last[: cut + 1]
    shared = lead if not re.search(r"\d", lead) else ""
    return [(name, (shared + part + tail).strip()) for (name, _), part in zip(names, parts)]


def _in_turn(text: str, pairs: list) -> list:
    """「一家…另一家…」: (第1家, start), (第2家, start) when the second word follows the first, else []."""
    for first, second in pairs:
        later = text.find(second)
        earlier = text.find(first)
        if later > 0 and 0 <= earlier < later and text.rfind(first, 0, later) == earlier:
            return [("第1家", earlier), ("第2家", later)]
    return []


def _listed(text: str, pairs: list, entities: list) -> list:
    """「一是我们培训学校…；二是合作的一家外包企业…」: (第1家, start), (第2家, start) when each mark is followed soon by
    an entity word (a school, an enterprise …), else [] (「一是ITSS…二是CCRC…」 lists one applicant's items)."""
    entity = "|".join(map(re.escape, entities))
    for first, second in pairs:
        earlier, later = text.find(first), text.rfind(second)
        if 0 <= earlier < later and all(
            re.match(rf"[^，,。；;\d]{{0,12}}?(?:{entity})", text[at + len(mark) :])
            for at, mark in ((earlier, first), (later, second))
        ):
            return [("第1家", earlier), ("第2家", later)]
    return []


PHRASE_END = "。；;，,\n"


def group_figures(text: str, figs) -> List[Tuple[object, str]]:
    """(figure, the company asked about) for each money figure of `figs` said of a whole group while `text`
    asks for one of its companies (estimate_words.yml group_figure): the applicant is that company, whose own figures
    are needed; [] when the message names no such company."""
    w = estimate_words()["group_figure"]
    member = re.compile(r"(?:郑州)?(?:" + "|".join(map(re.escape, w["member"])) + ")")
    group = re.compile("|".join(map(re.escape, sorted(w["group"], key=len, reverse=True))))
    named = member.search(text)
    if not named:
        return []
    out = []
    for f in figs:
        if getattr(f, "kind", None) != "money":
            continue
        start = max(text.rfind(c, 0, f.start) for c in PHRASE_END) + 1
        before = text[start : f.start]
        said_of_group = [m.end() for m in group.finditer(before)]
        said_of_member = [m.end() for m in member.finditer(before)]
        if said_of_group and (not said_of_member or said_of_member[-1] < said_of_group[-1]):
            out.append((f, named.group(0)))
    return out
