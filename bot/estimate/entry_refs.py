"""Which entry of a list just asked about a part of a message is about, by its place in the list: 「第一个是在曼谷的
境外；第二个在武汉 境内」 answering 「费用分别为6万元、2.5万元的这几场活动，各是在境内还是境外？」. The words: 第N个/场/项/笔…,
and estimate_words.yml `contract_parts` (前一个/头一个 … the first, 后一个/最后一个 … the last).
"""

import re
from typing import List, Tuple

from bot.estimate.reading import alternation, estimate_words

NUMERALS = {w: i for i, w in enumerate("一二三四五六七八九十", start=1)} | {"两": 2}
ORDINAL = re.compile(r"第\s*([一二两三四五六七八九十]|\d{1,2})\s*(个|场|项|笔|份|家|次|单|届)")


def mentions(text: str, count: int) -> List[Tuple[int, int, int]]:
    """(start, end, index) of each word naming an entry of a list of `count` by its place, in order; a place outside
    the list is left out."""
    words = estimate_words()["contract_parts"]
    found = []
    for m in ORDINAL.finditer(text):
        n = int(m.group(1)) if m.group(1).isdigit() else NUMERALS[m.group(1)]
        if 1 <= n <= count:
            found.append((m.start(), m.end(), n - 1))
    for key, index in (("first", 0), ("last", count - 1)):
        for m in re.finditer(alternation(words[key]) + ("|前者" if key == "first" else "|后者"), text):
            found.append((m.start(), m.end(), index))
    return sorted(found)


def each_with(text: str, count: int, marks: List[Tuple[int, int, str]]) -> dict:
    """{index: value} for the entries a message names by place, each with the first mark (start, end, value) after its
    word and before the next entry's word (「第一个是在曼谷的 境外；第二个在武汉 境内」: {0: 境外, 1: 境内}); an entry
    whose part names no mark is left out, and one named twice with different marks is left out too (not guessed)."""
    named = mentions(text, count)
    out, clash = {}, set()
    for i, (_, end, index) in enumerate(named):
        stop = named[i + 1][0] if i + 1 < len(named) else len(text)
        inside = [v for s, _, v in marks if end <= s < stop]
        if not inside:
            continue
        if index in out and out[index] != inside[0]:
            clash.add(index)
        out[index] = inside[0]
    return {k: v for k, v in out.items() if k not in clash}
