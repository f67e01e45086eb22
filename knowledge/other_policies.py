"""Whether a question is about another policy (declined) or about this one with another policy as context.

The words live in document.yml (other_policies). A mention of a tax, social insurance or another city
inside a question about this policy is context; a question whose asked part names another policy is
about it — unless the message also asks, in a part of its own, about this policy (「听说技先在税务上有
所得税优惠，那这个政策里对新获得资格的有没有奖励」): that question is answered and the other topic is
named as not being this policy's (`aside`).
"""

import re
from functools import lru_cache
from typing import Optional

from knowledge import sources, text
from knowledge.text import normalize_question, widen_punctuation

# a clause that asks something (a question particle or word)
QUESTION_PART = re.compile(r"[?？]|吗|么|嘛|呢|怎么|如何|多少|哪|什么|啥|几|是否|能不能|可不可以|有没有")


def _config() -> dict:
    return sources.load_cached("document").get("other_policies") or {}


def question_parts(q: str) -> list:
    """The clauses of `q` that ask something; all its clauses when none does."""
    parts = [p for p in re.split(r"[，,。；;！!\s]+|(?<=[?？])", q) if p.strip()]
    asked = [p for p in parts if QUESTION_PART.search(p)]
    return asked or parts


@lru_cache(maxsize=2)
def _this_policy_words(refs: bool = True) -> tuple:
    """this_policy's words (its content), with this_policy_refs (words that only point at it) when `refs`."""
    keys = ("this_policy", "this_policy_refs") if refs else ("this_policy",)
    return tuple(text.normalize(str(w)) for k in keys for w in _config().get(k) or [])


@lru_cache(maxsize=1)
def _topics() -> tuple:
    """(topic, compiled pattern) for each other-policy topic, in document.yml's order."""
    return tuple((t, re.compile(widen_punctuation(t["pattern"]))) for t in _config().get("topics") or [])


def topics() -> tuple:
    """(topic, compiled pattern) for each other-policy topic (document.yml other_policies topics)."""
    return _topics()


def names_this_policy(q: str, refs: bool = True) -> bool:
    """Whether normalised `q` names something of this policy: its words (this_policy, and this_policy_refs
    when `refs`) or a clause's title or condition."""
    from knowledge import query

    # 「talent 培训 补贴」: an item's name read from English word by word still names it
    joined = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", q)
    return any(text.contains(s, w) for s in {q, joined} for w in _this_policy_words(refs)) or any(
        phrase in s for s in {q, joined} for phrase in query.clause_phrases()
    )


def _topic_in(topic: dict, pattern, q: str, parts: list) -> bool:
    return any(pattern.search(p) for p in ([q] if topic.get("whole") else parts))


def _mentions(pattern, part: str) -> bool:
    """Whether a topic's words occur in `part`."""
    return bool(pattern.search(part))


def asks_this_policy_besides(q: str) -> bool:
    """Whether a clause of `q` that asks something names this policy's content and no other policy
    (「…有企业所得税优惠，那郑州这个政策里，对新获得技先资格的有没有奖励？」; not 「这个政策里有吗」)."""
    for part in re.split(r"[，,。；;！!\s]+|(?<=[?？])", q):
        if not QUESTION_PART.search(part) or not names_this_policy(part, refs=False):
            continue
        if not any(_mentions(pattern, part) for _, pattern in _topics()):
            return True
    return False


@lru_cache(maxsize=2048)
def subject(question: str) -> Optional[str]:
    """The other policy a question is about (its name), or None when its subject may be this policy.

    Only a question whose asked part names another policy, and that asks nothing of this one, is about
    another policy; `always` topics decide even when the message names this policy elsewhere, unless a
    question of its own asks about this policy. A function of the text alone, so answers are remembered.
    """
    cfg = _config()
    q = normalize_question(question)
    regions = cfg.get("regions") or {}
    parts = question_parts(q)
    here = cfg.get("asked_here")
    if here and re.search(here, q):
        # the asked part is about this policy (「这个培训补贴和省里的类似政策能不能一起报」: 第四条第（三）项);
        # another policy, another place's too, is only its context
        return None
    place = _other_place_asked(q, regions, parts)
    if place is not None and not _this_place_asked(q, regions, parts):
        return f"{place}的相关政策"
    ours = names_this_policy(q)
    besides = None  # computed once, when an `always` topic is met
    for topic, pattern in _topics():
        if topic.get("always") and _topic_in(topic, pattern, q, parts):
            besides = asks_this_policy_besides(q) if besides is None else besides
            if not besides:
                return topic["name"]
            continue
        if not ours and pattern.search(q):
            return topic["name"]
    return None


def _other_place_asked(q: str, regions: dict, parts: list) -> Optional[str]:
    """The other place whose policy the whole question, or one of its asked parts, is about (「上海离岸奖励是多少」
    beside 「跟郑州比」), or None."""
    known = regions.get("known")
    asked = [x for x in parts if QUESTION_PART.search(x) and not (known and re.search(known, x))]
    for place in regions.get("places") or []:
        near = rf"{place}[^，。？?；;\s]{{0,16}}({regions['policy']})"
        if any(_place_policy(near, x) and not re.search(regions["this_place"], x) for x in [q] + asked):
            return place
    return None


def _place_policy(near: str, text: str) -> bool:
    """Whether a place is said with a policy word in `text`, other than in a statement that another policy already
    paid for something told there (「上海那场别的政策已经补过了」: a fair in 上海, routes.yml claimed_elsewhere)."""
    from knowledge import shapes

    claimed = [(m.start(), m.end()) for m in shapes.pattern("claimed_elsewhere").finditer(text)]
    return any(not any(a <= m.start(1) < b for a, b in claimed) for m in re.finditer(near, text))


def _this_place_asked(q: str, regions: dict, parts: list) -> bool:
    """Whether an asked part is about this policy by its place and names no other place (「上海的是啥标准我不清楚 郑州这个
    政策离岸奖励是按多少比例」): that part is answered, and the other place's part is declined beside it.

    The clauses are read in order: a clause naming no place speaks of the place named last (「你先说说郑州的离岸奖励，
    门槛是多少，按多少比例」: 门槛 is Zhengzhou's), and a request (regions `request`: 说说、讲讲、介绍一下) asks as a
    question does."""
    places = alternation_of(regions.get("places") or [])
    ours = regions.get("this_policy_named", r"郑州|这个政策|本政策|58号")
    request = regions.get("request")
    here = False
    for x in re.split(r"[，,。；;！!\s]+|(?<=[?？])", q):
        if not x.strip():
            continue
        if re.search(places, x):
            here = False
        elif re.search(ours, x):
            here = True
        if here and (QUESTION_PART.search(x) or (request and re.search(request, x))):
            return True
    return False


def names_other_place(text: str) -> bool:
    """Whether `text` names another place than Zhengzhou (document.yml other_policies regions places)."""
    places = (_config().get("regions") or {}).get("places") or []
    return bool(places) and bool(re.search(alternation_of(places), normalize_question(text)))


def alternation_of(words: list) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=2048)
def aside(question: str) -> Optional[dict]:
    """The other-policy topic a question about this policy asks about or would otherwise be declined for
    (「是不是还要求交满一年个税」 inside a question on 三（七）2's conditions), or None: the answer says
    briefly that it is not this policy's. A mere statement (「我们个税在郑州交」) is context, not noted."""
    q = normalize_question(question)
    if subject(question) is not None:
        return None
    regions = _config().get("regions") or {}
    place = _other_place_asked(q, regions, question_parts(q))
    if place is not None:  # 「郑州这个政策离岸奖励按多少比例 你能顺便把上海的也说下吗」: this policy's part answered
        return {
            "name": f"{place}的相关政策",
            "note": regions.get("aside_note", "我没有其他地方政策的内容，无法介绍或比较"),
        }
    parts = [p for p in question_parts(q) if QUESTION_PART.search(p)]
    for topic, pattern in _topics():
        if (topic.get("always") and _topic_in(topic, pattern, q, question_parts(q))) or any(
            _mentions(pattern, p) for p in parts
        ):
            return topic
    return None


_CLAUSE_SPLIT = re.compile(r"([，,。；;！!\s]+|(?<=[?？]))")


def without_context(question: str) -> str:
    """`question` without the clauses that only report another policy (「听说技先在税务上有所得税优惠」, an
    `always` topic or a `reported` lead such as 听说), when what is left still asks about this policy's content:
    the answer is routed on the question asked, not on the item the report names."""
    cfg = _config()
    reported = cfg.get("reported") or []
    pieces = _CLAUSE_SPLIT.split(question)
    kept, dropped = [], False
    for i in range(0, len(pieces), 2):
        clause, sep = pieces[i], (pieces[i + 1] if i + 1 < len(pieces) else "")
        q = normalize_question(clause)
        if clause.strip() and not QUESTION_PART.search(q) and _reports_other(q, reported):
            dropped = True
            continue
        kept.append(clause + sep)
    rest = "".join(kept).strip()
    if not dropped or not asks_this_policy_besides(normalize_question(rest)):
        return question
    return rest


def _reports_other(q: str, reported: list) -> bool:
    """Whether a clause states another policy: an `always` topic, or any topic after a lead such as 听说."""
    hearsay = any(q.startswith(w) or q.startswith("那" + w) for w in reported)
    return any((topic.get("always") or hearsay) and _mentions(pattern, q) for topic, pattern in _topics())
