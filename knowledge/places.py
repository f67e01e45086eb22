"""郑州市's administrative area as data (knowledge/data/places.yml): its divisions (市辖区, 县级市, 县) and the functional
zones inside it, the words a user calls each by, and places outside it. Plain Python, no Rasa."""

import re
from functools import lru_cache
from typing import List, Optional

from knowledge import sources


def _data() -> dict:
    return sources.load_cached("places")


@lru_cache(maxsize=1)
def _entries() -> tuple:
    """(word, entry) for every word naming a part of Zhengzhou, longest first; entry None for the city itself."""
    z = _data()["zhengzhou"]
    out = [(str(w), None) for w in [z["city"]["name"], z["city"]["short"]] + list(z["city"].get("also") or [])]
    for e in list(z["divisions"]) + [dict(d, kind="功能区") for d in z["zones"]]:
        names = [e["name"]] + list(e.get("also") or []) + ([e["short"]] if e.get("alone", True) else [])
        out += [(str(w), e) for w in names]
    return tuple(sorted(out, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def zhengzhou_pattern() -> str:
    """A regex alternation of every word naming Zhengzhou or a part of it (longest first)."""
    return "|".join(re.escape(w) for w, _ in _entries())


def division(word: str) -> Optional[dict]:
    """The division or zone (places.yml entry) a word names, or None (the city itself, or no part of Zhengzhou)."""
    m = re.search(zhengzhou_pattern(), word or "")
    return next((e for w, e in _entries() if m and w == m.group(0)), None)


def inside(word: str) -> bool:
    """Whether a place word names Zhengzhou or a part of it."""
    return bool(word) and bool(re.search(zhengzhou_pattern(), word))


@lru_cache(maxsize=1)
def outside_words() -> tuple:
    """The places outside Zhengzhou places.yml names."""
    o = _data()["outside"]
    return tuple(str(w) for k in ("henan", "elsewhere") for w in o.get(k) or [])


def outside(word: str) -> bool:
    """Whether a place word names a place places.yml lists as outside Zhengzhou: one named before any word of Zhengzhou
    in it (「洛阳高新区」 is 洛阳's zone, 「开封」 is outside, 「郑州高新区」 is not)."""
    word = word or ""
    there = [word.find(w) for w in outside_words() if w in word]
    if not there:
        return False
    here = re.search(zhengzhou_pattern(), word)
    return here is None or min(there) < here.start()


def described(word: str) -> str:
    """「巩义市，郑州市辖的县级市」「航空港区即郑州航空港经济综合实验区，郑州市的功能区」 for a word naming a part of Zhengzhou;
    "" for the city itself or another place."""
    e = division(word)
    if e is None:
        return ""
    if e["kind"] == "功能区":
        return f"{e['name']}，在郑州市行政区域内的功能区"
    return f"{e['name']}，郑州市辖的{e['kind']}"


@lru_cache(maxsize=1)
def typo_patterns() -> tuple:
    """(pattern, mend) for each place name typed by sound or shape (places.yml typos), mended only where a place is
    said: after 在/于/是 or before a place suffix, 注册, 那家, 的公司 …"""
    z = _data()["zhengzhou"]
    out = []
    for e in z["divisions"]:
        for typo in e.get("typos") or []:
            out.append(
                (
                    re.compile(
                        rf"(?:(?<=在)|(?<=于)|(?<=是)|(?<=到))({re.escape(typo)})"
                        rf"|({re.escape(typo)})(?=市|县|区|注册|设立|成立|那|这|的|一家|一个|还|也|$|[\s，,。；;？?!！])"
                    ),
                    str(e["short"]),
                )
            )
    return tuple(out)


def examples() -> List[list]:
    return list(_data().get("examples") or [])
