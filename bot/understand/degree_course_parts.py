"""Other people on a degree course said beside the group trained: 「25个项目经理参加涉外业务培训 每人8万；另外两个同事在读
EMBA 公司出学费 能一起报吗」, 「… and two colleagues are also doing an EMBA (学历教育) paid by the company」.

Their course (学历教育, knowledge/data/facts.yml degree_education) is theirs, never the group's: the fact reader reads
the message without their phrase (`spans`), and 三（七）3 names them as left out (`said`). The words opening such a
phrase are knowledge/data/estimate_words.yml `degree_course_others`.
"""

import re
from functools import lru_cache
from typing import List, Tuple

# a sentence ends at a stop, or at an English full stop / dash followed by a space
SENTENCE = re.compile(r"[。；;！!？?\n]|[.—–] ")


@lru_cache(maxsize=1)
def _pattern():
    from bot.estimate.reading import alternation, estimate_words

    w = estimate_words()["degree_course_others"]
    count = r"(?:\d+|[一二两三四五六七八九十]+|" + alternation(w["english_counts"]) + r")"
    people = alternation(w["people"])
    return re.compile(
        rf"(?:{alternation(w['opening'])})\s*(?:有|还有)?\s*(?:{count}\s*(?:个|名|位)?|个|位|名)\s*(?:{people})"
        # 「这里面有2个本科的项目经理读的是在职MBA」: a part of the group, its own words between the count and the people
        rf"|(?:{alternation(w['inside'])})\s*(?:有|还有)?\s*{count}\s*(?:个|名|位)[^，,。；;\d]{{0,6}}?(?:{people})"
    )


def _degree_course(words: str) -> bool:
    from bot.understand.facts import bool_fact, fact_specs

    return bool_fact(fact_specs()["degree_education"], words.lower()) is True


def spans(t: str) -> List[Tuple[int, int]]:
    """(start, end) of each sentence of the normalised `t` that opens another group of people (「另外两个同事」「and two
    colleagues」) and says their course is a degree course, when the message said other people or costs before it."""
    out = []
    for m in _pattern().finditer(t):
        before = t[: m.start()]
        if not re.search(r"\d", before):
            continue  # nothing counted or costed before: their course may be the one asked about
        stops = [x.end() for x in SENTENCE.finditer(t, 0, m.start())]
        start = max(stops[-1] if stops else 0, m.start())
        end_m = SENTENCE.search(t, m.end())
        end = end_m.start() if end_m else len(t)
        if _degree_course(t[start:end]):
            out.append((start, end))
    return out


def said(t: str) -> List[str]:
    """The words of each such phrase, as typed, up to the question asked of them (「…能一起报吗」)."""
    out = []
    for a, b in spans(t):
        words = t[a:b]
        ask = re.search(r"\s*(?:这个|这部分|能不能|能否|能|可以|算不算|can |could |is that|—)", words[1:])
        out.append(words[: ask.start() + 1 if ask else len(words)].strip(" ，,"))
    return out
