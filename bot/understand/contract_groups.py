"""People counted in groups that each carry the length of their 劳动合同 (三（七）2): 「A公司签了12个人 劳动合同2年；B公司
8个人 劳动合同刚好1年；C公司5个人 合同6个月」, 「其中30个签了两年的劳动合同 另外10个只签了半年」, 「签3年合同的20人 签
半年的6人」.

A group is a count of people the user typed and the contract length said right beside it (the count before the length,
with nothing else counted between and no sentence break; or the length first and the count right after it,
「签1年以上合同的21人」). Each group is kept whole: a clause counts the groups whose length meets its own and names the
others; nothing is guessed. Fewer than two groups is no list (None).
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import List, Optional, Tuple

from bot.understand import people_counts

NUMBER = r"[\d.]+|[一二两三四五六七八九十]+"
# 「签了两年」「只签了半年」「签的是3年」 (a 合同 said somewhere in the message), 「劳动合同刚好1年」「合同6个月」
LENGTH = re.compile(
    rf"(?:签(?:约|了|订|订了|的|的是)?\s*(?:是|只|就|才|正好|刚好|刚|整整|满)?\s*|合同[^，。；,;0-9一二两三四五六七八九十半]{{0,6}}?)"
    rf"(?P<n>半|{NUMBER})\s*(?P<unit>年|个月|个多月|月)(?P<half>半)?(?P<more>以上|及以上|多)?"
    r"(?!\s*的?\s*(?:实习|实训|合作)?\s*协议)"
)
PEOPLE = people_counts.PEOPLE  # the shared reader of counts of people
SENTENCE = re.compile(r"[；;。！!？?\n]")
AFTER_LENGTH = re.compile(r"^\s*(?:的)?\s*(?:劳动)?\s*(?:合同)?\s*(?:的)?\s*(?:有|是|共|一共)?\s*$")


@dataclass(frozen=True)
class ContractGroup:
    count: int
    years: Decimal  # the contract's length in years (6个月 → 0.5)
    said: str  # the length as typed: 「6个月」「2年」「半年」
    at_least: bool  # 「1年以上」: at least that long
    start: int  # where the count is said
    end: int
    said_at: Tuple[int, int] = (0, 0)  # where the length is said


def _value(numeral: str) -> Optional[Decimal]:
    from calculator.figures_zh import numeral_value

    if numeral == "半":
        return Decimal("0.5")
    value = numeral_value(numeral)
    return Decimal(str(value)) if value is not None else None


def groups(text: str) -> Optional[List[ContractGroup]]:
    """The groups of people said with their contract length in the normalised `text`, in order; None for fewer than
    two, when the message says no 合同 (or 签约), or when a length is said with no count of its own (never a group dropped)."""
    if "合同" not in text and "签约" not in text:
        return None
    lengths = []
    for m in LENGTH.finditer(text):
        n = _value(m.group("n"))
        if n is None:
            continue
        years = n if m.group("unit") == "年" else n / 12
        if m.group("n") == "半":
            years = Decimal("0.5")
        if m.group("half") and m.group("unit") == "年":  # 「一年半」
            years += Decimal("0.5")
        lengths.append(
            (
                m.start(),
                m.end(),
                years,
                text[m.start("n") : m.end("half") if m.group("half") else m.end("unit")],
                bool(m.group("more")),
            )
        )
    people = []
    for m in PEOPLE.finditer(text):
        n = _value(m.group("n"))
        if n is not None and n == int(n) and n > 0:
            people.append((m.start(), m.end(), int(n)))
    tokens = sorted([("len", x[0], x) for x in lengths] + [("count", x[0], x) for x in people], key=lambda t: t[1])
    used, out = set(), []
    for i, (kind, _, x) in enumerate(tokens):
        if kind != "len":
            continue
        start, end, years, said, more = x
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if prev and prev[0] == "count" and prev[2][0] not in used and not text[prev[2][1] : start].strip():
            c = prev[
                2
            ]  # 「20个签的是6个月 30个签的正好1年」: the count right before its own 签, never the next group's
        elif nxt and nxt[0] == "count" and AFTER_LENGTH.match(text[end : nxt[2][0]]):
            c = nxt[2]  # 「签1年以上劳动合同的21人」: the count right after the length
        elif (
            prev
            and prev[0] == "count"
            and prev[2][0] not in used
            and not SENTENCE.search(text[prev[2][1] : start])
            and start - prev[2][1] <= 16
        ):
            c = prev[2]
        else:
            return None  # a length said with no count of its own: no list read by halves
        used.add(c[0])
        out.append(ContractGroup(c[2], years, said, more, c[0], c[1], (start, end)))
    return out if len(out) >= 2 else None


def short_spans(text: str) -> List[Tuple[int, int]]:
    """Where the lengths of the groups whose contract is shorter than 三（七）2's (knowledge/data/figures.yml) are said,
    when other groups' are long enough: 「C公司5个人 合同6个月」 is those 5's, never everyone's contract."""
    from knowledge.figures import figure

    found = groups(text)
    if not found:
        return []
    need = Decimal(str(figure("3.7.2", "contract_years")))
    short = [g for g in found if g.years < need]
    return [g.said_at for g in short] if len(short) < len(found) else []
