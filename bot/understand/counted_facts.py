"""The person conditions said of the people a clause counts, when they are a part of a larger group: 「今年培训了40个
学员，其中30个本科考核合格签了两年合同，剩下10个考核没过」 — 本科, 考核合格 and 两年合同 are said of the 30 counted,
so those conditions are met for them and never asked again; the 10 left out say nothing of the 30.

The words of the part are those said right after its count (up to the next count of people, the end of the sentence
or a word opening the others: 另外/其余/剩下…), or right before it when they describe it (「大专以上考核合格并签约一年
以上的有70名」), and what is said again of the same people (「这30人都是本科」). Nothing is taken from words that fail a
condition: such people are not the ones counted.
"""

import re
from typing import Dict, List

from bot.understand.people_counts import PEOPLE, whole

END = re.compile(r"[。；;！!？?\n]")
# words opening the others of the group, or another group: what follows is not said of the part
OTHERS = re.compile(r"另外|另有|还有|其余|其他|其它|剩下|剩余|余下|此外|但是?|不过|可是")
BOUNDARY = re.compile(r"[，,。；;！!？?\n：:]")


def _after(text: str, m) -> str:
    stop = len(text)
    for pattern in (END, PEOPLE, OTHERS):
        found = pattern.search(text, m.end())
        if found:
            stop = min(stop, found.start())
    return text[m.end() : stop]


def _before(text: str, m) -> str:
    """The words describing the part right before its count (「…签约一年以上的有70名」), else ""."""
    starts = [x.end() for x in BOUNDARY.finditer(text, 0, m.start())]
    starts += [x.end() for x in PEOPLE.finditer(text, 0, m.start())]
    words = text[max(starts, default=0) : m.start()]
    return words if re.search(r"的\s*(?:有|是|共|一共|总共|合计)?\s*$", words) else ""


def phrases(text: str, n: int) -> List[str]:
    """What is said of the `n` people counted: after each count of `n` people, or before it when it describes them."""
    out = []
    for m in PEOPLE.finditer(text):
        if whole(m.group("n")) != n:
            continue
        out += [w for w in (_after(text, m), _before(text, m)) if w.strip()]
    return out


def met(text: str, n: int, code: str, ids) -> Dict[str, object]:
    """{fact: value (JSON)} of clause `code`'s person conditions `ids` that the words said of the `n` people counted
    meet; empty when any of those words fails one of them (those are not the people counted)."""
    from bot.understand.facts import read_facts, to_json
    from bot.understand.people_chain import read as read_chain
    from bot.understand.person_checks import checks

    chain = read_chain(text, code, ids)
    if chain is not None and chain.counted == n:  # 「剩下105个大专及以上里面8个没通过考核 通过的97个人里…78个」
        return to_json(chain.met_facts(text, code, ids))
    out: Dict[str, object] = {}
    for words in phrases(text, n):
        found = checks(words, code, ids)
        if any(c.status == "not_met" for c in found):
            return {}
        facts = read_facts(words)
        for c in found:
            if c.status == "met" and c.fact in facts and not c.assumed:
                out[c.fact] = to_json({c.fact: facts[c.fact]})[c.fact]
    return out


def set_for(r, field: str, code: str, ids) -> None:
    """The facts met by what is said of the people counted in `field` (a part of a larger group said), as that item's
    own people's facts (`_fact_<fact>@<code>`, bot/estimate/session.py item_read_facts)."""
    n = r.out.fields.get(field)
    if not isinstance(n, int) or n <= 0:
        return
    counts = [whole(m.group("n")) or 0 for m in PEOPLE.finditer(r.text)]
    if not any(c > n for c in counts):
        return  # the whole group counted: its facts are the message's own
    for fact, value in met(r.text, n, code, ids).items():
        r.out.fields.setdefault(f"_fact_{fact}@{code}", value)
