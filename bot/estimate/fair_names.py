"""Fairs named by their own names: 「软交会展位加特装花了4万，数博会1.5w，服贸会注册费+展位费一共2.8万」 tells three
fairs, one cost each — a name starts a fair as a place or 「另一场」 does, and the costs after it, up to the next name,
are that fair's parts. How such a name ends, and what is no name, are words of estimate_words.yml fair_names."""

import re
from functools import lru_cache
from typing import Optional


@lru_cache(maxsize=1)
def _words() -> tuple:
    from bot.estimate.reading import alternation, estimate_words

    w = estimate_words()["fair_names"]

    ending = re.compile(rf"(?:{alternation(w['endings'])})(?!{alternation(w['not_followed_by'])})")
    stops = re.compile(rf"(?:{alternation(w['stops'])}|[^\u4e00-\u9fffA-Za-z])")
    generic = re.compile(rf"(?:{alternation(w['generic'])})*")
    return ending, stops, generic


def fair_names(text: str) -> list:
    """(start, end, name) of every fair named by its own name in `text`, in order; a bare ending (「交易会」) or one
    after words that name no fair (「国内的交易会」「行业博览会」) is none."""
    ending, stops, generic = _words()
    out = []
    for m in ending.finditer(text):
        lead = text[max(0, m.start() - 10) : m.start()]
        cuts = [s.end() for s in stops.finditer(lead)]
        own = lead[max(cuts, default=0) :]
        if not own or generic.fullmatch(own):
            continue
        start = m.start() - len(own)
        if out and start < out[-1][1]:
            continue
        out.append((start, m.end(), text[start : m.end()]))
    return out


def heading_region(text: str, at: int) -> Optional[str]:
    """The region a named fair at `at` is said in: the last 境内/国内/境外/国外… word before it (「境内两场—服贸会…；
    数博会…」「仨国内展会…软交会…」), unless a place (a city or country, its fair's own) stands between; None when no
    such word is said (the fair's region is then asked)."""
    from bot.estimate.reading import region_mentions

    said = region_mentions(text[:at])
    if not said:
        return None
    start, end, region = said[-1]
    return region if re.fullmatch(r"境内|国内|省内|境外|国外|海外", text[start:end]) else None


def named_anchors(text: str, moneys: list, taken: list, counts=()) -> list:
    """(start, end, region) of the named fairs that start fairs of a list told fair by fair: two names at least each
    followed by a cost before the next name (a name with none is asked about); none when names are listed together
    (「服贸会和广交会一共5万」 tells no cost of each, so no name starts a fair); names inside a
    place already read (`taken`, 「东京国际博览会」) are left to it; none either when the fairs counted before the names
    (`counts`, 「仨国内展」) are not as many as the names (the costs are then asked against the count). region: the
    one said before it (heading_region) or None."""
    names = [n for n in fair_names(text) if not any(a < n[1] and n[0] < b for a, b, *_ in taken)]
    if len(names) < 2:
        return []
    bounds = [n[0] for n in names[1:]] + [len(text)]
    priced = [any(n[1] <= f.start < b for f in moneys) for n, b in zip(names, bounds)]
    if sum(priced) < 2 or any(
        re.fullmatch(r"\s*[、和与及跟/]\s*", text[a[1] : b[0]]) for a, b in zip(names, names[1:])
    ):
        return []  # 「服贸会和广交会一共5万」: names listed together share what follows
    counted = [c for c in counts if c.end <= names[0][0]]
    if counted and int(counted[0].value) != len(names):
        return []
    return [(a, b, heading_region(text, a)) for a, b, _ in names]


def bare_cost_cues(text: str) -> list:
    """Where a bare number right after a named fair (「文博会8000」「进博会花了12000」) is that fair's cost: the index of the
    name's last character, which the figure reader takes as a cost word there (bot/estimate/reading.figures)."""
    out = []
    for _, end, _ in fair_names(text):
        m = re.match(r"(?:花了|花费|用了|是|为|[:：\s])*(?=[0-9０-９])", text[end:])
        if m and not re.match(r"[0-9０-９.,]*\s*(?:[个人场次家项年月天届%％]|万|千|w|k)", text[end + m.end() :], re.I):
            out.append(end - 1)
    return out


def lone_named_anchors(text: str, moneys: list, taken: list) -> list:
    """(start, end, region) of fairs named by their own name among fairs named by their place (「深圳那个…4.2万；京交会
    2.5w；上海那个1.6万」): a name opening its phrase (after ；，。：, a line break or the start), outside the places read
    (`taken`) and followed by a cost before the next place or name, starts a fair of its own, as the places do."""
    names = [n for n in fair_names(text) if not any(a < n[1] and n[0] < b for a, b, *_ in taken)]
    starts = sorted([a for a, *_ in taken] + [n[0] for n in names])
    out = []
    for a, b, _ in names:
        if not re.search(r"(?:^|[；;，,。：:\n])\s*(?:还有|另外|然后|以及)?\s*$", text[:a]):
            continue
        nxt = min([s for s in starts if s > a] + [len(text)])
        if any(b <= f.start < nxt for f in moneys):
            out.append((a, b, heading_region(text, a) or _list_region(text, a)))
    return out


def _list_region(text: str, at: int) -> Optional[str]:
    """The region the list a name at `at` is in was said in (「3个境内展会：深圳那个…；京交会…」): the last 境内/境外 word
    before it, the places between being the list's other fairs; None when none is said."""
    said = list(re.finditer(r"境内|国内|省内|境外|国外|海外", text[:at]))
    if not said:
        return None
    return "domestic" if said[-1].group(0) in ("境内", "国内", "省内") else "overseas"
