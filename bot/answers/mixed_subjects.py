"""Several subjects in one message, a condition met by some and failed by others (「参加了一个汽车用品博览会，这个不是
商务部门指定的展会，另外还去了商务部门指定的服贸会，两个展会的费用都能补70%吗」, 「CMMI的维护费和ISO9001的认证费都能补吗」):
a verdict for each subject, never one 符合 (or one 不符合) for them all.

A subject is a phrase of the message that states one of a clause's yes/no facts (knowledge/data/facts.yml, kind bool)
by itself; a phrase that names its subject again (「这个不是指定的」) or states the fact with no name of its own is read
with the phrase before it. Only a message whose phrases state the same fact both ways, with no correction between
(「不对，是指定的」 is one subject said again), is answered here. The subject's short name is read with the fact's
`subject` pattern (facts.yml), else the phrase is quoted. Plain Python, no Rasa.
"""

import re
from typing import List, Optional, Tuple

from knowledge import conditions as cond
from knowledge import query

from bot.answers.model import Answer

PHRASE_END = re.compile(r"[，,。；;！!？?\n]+")
# a phrase that names the subject of the phrase before it again (「这个不是商务部门指定的」)
AGAIN = re.compile(r"^\s*(?:但|但是|不过|可|而且)?\s*(?:这个|那个|这场|那场|这次|那次|这一个|那一个|这家|那家|它|该)")
# a phrase that opens another subject (「另一个只给自己公司内部用」「一批是涉外业务培训」): never said of the one before
NEW_SUBJECT = re.compile(
    r"^\s*(?:另外|还有|然后|而|但)?\s*(?:另一|一|第[一二三四五六七八九\d])\s*(?:个|批|场|次|项|家|位|名|种|套|部分)"
)
JOINS = re.compile(r"(?:和|以及|及|跟|与|还有|、)")
ASKS = re.compile(r"[?？]|吗|么|呢|能不能|可不可以|是否|多少|行不行")


def _bool_facts(code: str) -> List[str]:
    from bot.understand.facts import fact_specs

    specs = fact_specs()
    return [f for f in cond.facts_of(code) if (specs.get(f) or {}).get("kind") == "bool"]


def subjects(text: str, fact: str) -> List[Tuple[str, bool]]:
    """(the subject's words, what they state of `fact`) for each phrase of normalised `text` that states it."""
    from bot.understand.facts import bool_fact, fact_specs

    spec = fact_specs()[fact]
    out: List[Tuple[str, Optional[bool]]] = []
    for words in (w.strip() for p in PHRASE_END.split(text or "") for w in _pieces(fact, p)):
        if not words:
            continue
        value = None if ASKS.search(words) else bool_fact(spec, words)
        if (
            out
            and value is not None
            and not NEW_SUBJECT.match(words)
            and (
                AGAIN.match(words)
                or (_has_names(fact) and not _name(fact, words))
                or (not _has_names(fact) and out[-1][1] == value)  # 「另一批是内部管理培训，不是涉外的」: said again
            )
        ):
            # 「参加了一个汽车用品博览会，这个不是商务部门指定的」「…自己办的交流会，不是商务部门指定的」: said of the one before
            out[-1] = (out[-1][0] + "，" + words, value)
        elif out and value is None and out[-1][1] is not None and AGAIN.match(words):
            out[-1] = (out[-1][0] + "，" + words, out[-1][1])
        else:
            out.append((words, value))
    return [(w, v) for w, v in out if v is not None]


def _pieces(fact: str, phrase: str) -> List[str]:
    """A phrase naming two subjects or more (「CMMI5的维护费和ISO9001的认证费」) cut at its joining words, each piece
    with a name of its own; else the phrase whole."""
    from bot.understand.facts import fact_specs

    pattern = (fact_specs().get(fact) or {}).get("subject_words")
    if not pattern or len(re.findall(pattern, phrase)) < 2:
        return [phrase]
    pieces = [p for p in JOINS.split(phrase) if p.strip()]
    if len(pieces) < 2 or not all(_name(fact, p) for p in pieces):
        return [phrase]
    return pieces


def _has_names(fact: str) -> bool:
    from bot.understand.facts import fact_specs

    return bool((fact_specs().get(fact) or {}).get("subject_words"))


def _name(fact: str, words: str) -> str:
    """The subject's short name in `words` (facts.yml `subject` of the fact), or ""."""
    from bot.understand.facts import fact_specs

    pattern = (fact_specs().get(fact) or {}).get("subject_words")
    if not pattern:
        return ""
    found = [m.group(0) for m in re.finditer(pattern, words)]
    return max(found, key=len) if found else ""  # 「汽车用品博览会，这个不是指定的展会」: the name, not 展会 again


def _subject_label(fact: str, words: str) -> str:
    name = _name(fact, words)
    if name:
        return f"“{re.sub(r'[a-z]+', lambda m: m.group(0).upper(), name)}”"  # 「CMMI5」 as users write it
    return f"您说的“{words if len(words) <= 30 else words[:30] + '…'}”"


def mixed(text: str, code: str) -> Optional[Tuple[str, List[Tuple[str, bool]]]]:
    """(the fact, its subjects) when the message states one of clause `code`'s yes/no facts both ways, of different
    subjects; else None."""
    from bot.understand.retractions import without_retracted

    if without_retracted(text) != text:
        return None  # a correction: the later word stands for the same subject
    for fact in _bool_facts(code):
        said = subjects(text, fact)
        if len(said) >= 2 and {v for _, v in said} == {True, False}:
            return fact, said
    return None


def answer(text: str, facts: dict, codes: List[str]) -> Optional[Answer]:
    """A verdict per subject on the first clause of `codes` whose fact the message states both ways, or None."""
    for code in codes:
        if code not in cond.clause_codes():
            continue
        found = mixed(text, code)
        if found is None:
            continue
        fact, said = found
        return _compose(code, fact, said, facts)
    return None


def _compose(code: str, fact: str, said: List[Tuple[str, bool]], facts: dict) -> Answer:
    from bot.answers.qualify import PREMISE, label, reasons, standard, title

    head = f"{label(code)}（{title(code)}）"
    lines = [f"结论：您说的{len(said)}个情况不一样，要分开看，不能一概而论："]
    any_met = False
    for i, (words, value) in enumerate(said, 1):
        own = dict(facts, **{fact: value})
        verdicts = cond.evaluate_all(own, [code])
        v = verdicts[code]
        who = _subject_label(fact, words)
        if v.status == cond.NOT_MET:
            lines.append(f"{i}. {who}：不符合{head}的条件，不能申报这项支持。不满足：{reasons(v, verdicts)}。")
        elif v.status == cond.MET:
            any_met = True
            lines.append(f"{i}. {who}：符合{head}的条件，可以申报。")
        else:
            any_met = True
            left = "；".join(c.label for c in v.unknown)
            lines.append(f"{i}. {who}：这一点符合{head}的要求，其他条件也满足就可以申报（还需确认：{left}）。")
    c = query.clause(code.rstrip("ab"))
    if any_met and standard(code):
        lines.append(f"标准（只适用于符合的那部分）：{standard(code)}。")
        lines.append(PREMISE)
    lines.append(f"依据{c['label']}：{c['text']}")
    return Answer("\n".join(lines), clause=code.rstrip("ab"), verdict=cond.NOT_MET if not any_met else "mixed")
