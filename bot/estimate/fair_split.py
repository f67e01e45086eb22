"""A counted group of fairs split by region inside the message (三（五））: 「今年国内参加了8场…每场展位费2.5万，哦不对，
其中有两场其实是境外的（新加坡和迪拜），那两场展位费每场6万，剩下的每场2.5万」「参加了8场展会，其中2场境外的每场6万，
其余每场2.5万」「去了10场展，每场3万，其中3场是国外的，每场8万」.

The part named (其中M场…境外的) has the region it names and the cost said of it (每场X); the rest (剩下的/其余…) are
the count less that part, in the other region, at the cost said of them, else at the cost said of the whole group
before the split (the split corrects it for the part only). The region said of the whole group before the split
(「国内参加了8场」) gives way. The group is written as the two groups it stands for (「其中2场境外…每场6万，6场境内每场
2.5万」), which every fair reader reads; a message that does not fit (no cost for a part, a part not smaller than the
group) is left as it is, for the readers to ask. Words: estimate_words.yml `fair_split`.
"""

import re
from functools import lru_cache
from typing import Optional

_NUMERALS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "俩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
REGION_NAMES = {"domestic": "境内", "overseas": "境外"}
_NUMBER = r"\d{1,2}|[一二两俩三四五六七八九十]{1,3}"


def _count(word: str) -> Optional[int]:
    if word.isdigit():
        return int(word)
    if word == "十":
        return 10
    if len(word) == 2 and word[0] == "十":
        return 10 + _NUMERALS.get(word[1], 0)
    if len(word) == 2 and word[1] == "十":
        return _NUMERALS.get(word[0], 0) * 10
    if len(word) == 3 and word[1] == "十":
        return _NUMERALS.get(word[0], 0) * 10 + _NUMERALS.get(word[2], 0)
    return _NUMERALS.get(word) if len(word) == 1 else None


@lru_cache(maxsize=1)
def _words() -> dict:
    from bot.estimate.reading import alternation, estimate_words

    w = estimate_words()["fair_split"]
    regions = {k: alternation(v) for k, v in w["regions"].items()}
    return {
        "regions": regions,
        "region": "|".join(regions.values()),
        "rest": alternation(w["rest"]),
        "part": alternation(w["part"]),
        "each": alternation(w["each"]),
        "correction": alternation(estimate_words()["retractions"]["corrections"]),
    }


def _region_of(word: str) -> str:
    return next(k for k, v in _words()["regions"].items() if re.fullmatch(v, word))


def _cost_after(text: str, start: int, end: int):
    """The first money figure after a 每场-word in text[start:end], with the words between (the cost's name)."""
    from bot.estimate.reading import figures

    w = _words()
    m = re.search(rf"(?:{w['each']})\s*([^，,。；;！!？?\d]{{0,6}}?)(?=[\d一二两三四五六七八九十])", text[start:end])
    if not m:
        return None
    at = start + m.end()
    fig = next((f for f in figures(text[at:end]) if f.kind == "money" and f.value is not None and f.start == 0), None)
    if fig is None:
        return None
    return m.group(1), fig.raw, start + m.start(), at + fig.end


def split_groups(text: str) -> str:
    """`text` with a counted group of fairs split by region written as its two groups; unchanged otherwise."""
    from bot.estimate.reading import FAIR_WORDS

    if not re.search(FAIR_WORDS, text):
        return text
    w = _words()
    part = re.search(  # 「其中有两场其实是境外的」「其中境外2个」
        rf"(?:{w['part']})\s*(?:(?P<before>{w['region']})的?)?\s*(?P<m>{_NUMBER})\s*(?:场|个|次)"
        rf"(?(before)|[^，,。；;！!？?\d]{{0,6}}?(?P<region>{w['region']}))(?:的)?(?P<aside>\s*[（(][^（）()]*[）)])?",
        text,
    )
    if not part:
        return text
    counts = [  # 「8场」, or 「8 designated 展会」 (English read into Chinese): the group the part is of
        c
        for c in re.finditer(
            rf"(?<![\d.])(?P<n>{_NUMBER})(?![\d.])\s*(?:场|个|次|(?=[^，,。；;！!？?\d]{{0,16}}?(?:{FAIR_WORDS})))",
            text[: part.start()],
        )
        if not re.search(r"[每各那这]\s*$", text[max(0, c.start() - 1) : c.start()])
    ]
    if not counts:
        return text
    group = counts[-1]
    n, m = _count(group.group("n")), _count(part.group("m"))
    if not n or not m or m >= n:
        return text
    here = _region_of(part.group("before") or part.group("region"))
    other = next(k for k in w["regions"] if k != here)
    rest = re.search(rf"(?:{w['rest']})", text[part.end() :])
    rest_at = part.end() + rest.start() if rest else None
    sentence_end = re.search(r"[。；;！!？?\n]|$", text[part.end() :])
    limit = rest_at if rest_at is not None else part.end() + sentence_end.start()
    part_cost = _cost_after(text, part.end(), limit)
    if part_cost is None:
        return text
    before = _cost_after(text, group.end(), part.start())  # 「8场…每场展位费2.5万，哦不对，其中…」: the whole group's
    rest_cost = None
    if rest_at is not None:
        end = re.search(r"[。；;！!？?\n]|$", text[rest_at:])
        rest_cost = _cost_after(text, rest_at, rest_at + end.start())
        if rest_cost is not None:
            gap = text[rest_at : rest_cost[2]]
            named = re.findall(rf"({_NUMBER})\s*(?:场|个|次)", gap)
            if named and _count(named[0]) not in (None, n - m):
                return text  # 「剩下的5场」 beside 8 − 2: the counts do not agree; the readers ask
    cost = rest_cost or before
    if cost is None:
        return text
    names = REGION_NAMES
    written = (
        f"其中{m}场{names[here]}{part.group('aside') or ''}每场{part_cost[0]}{part_cost[1]}，"
        f"{n - m}场{names[other]}每场{cost[0]}{cost[1]}"
    )
    end = rest_cost[3] if rest_cost else part_cost[3]
    head = text[: part.start()]
    # the whole group's region (「国内参加了8场」) and its cost said before the split (and the correction word) give way
    clause = max(head.rfind(c, 0, group.start()) for c in "，,。；;！!？?\n") + 1
    head = head[:clause] + re.sub(rf"(?:{w['region']})的?", "", head[clause : group.start()]) + head[group.start() :]
    if before is not None:
        shift = len(text[: part.start()]) - len(head)
        a, b = before[2] - shift, before[3] - shift
        tail = re.match(rf"[^，,。；;！!？?]*[，,。；;]?\s*(?:{w['correction']})?[，,。；;\s]*", head[b:])
        head = head[:a] + head[b + (tail.end() if tail else 0) :]
    return head + written + text[end:]
