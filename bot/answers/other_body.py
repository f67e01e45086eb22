"""What another body says about the applicant (「税务那边说23年也算达标了，不知道跟这个是不是一回事」「银行说我们够条件了」):
that body judges by its own rules; whether this policy's item can be had is decided only by the item's own conditions
in the policy, quoted from conditions.yml. The bodies and the words of their verdict are a shape in routes.yml
(`other_body_says`). Plain Python, no Rasa.
"""

from dataclasses import replace
from typing import Optional

from knowledge import conditions, query, shapes

from bot.answers.model import Answer


def said(t: str) -> Optional[str]:
    """The words in which another body's verdict is reported (「税务那边说23年也算达标了」), or None."""
    m = shapes.search("other_body_says", t)
    return m.group(0) if m else None


def line(code: Optional[str], t: str) -> str:
    """「您提到“税务那边说…达标”：…」: that body's verdict is not this policy's; the clause's own conditions quoted.
    "" when no other body's verdict is reported or the clause has no conditions in conditions.yml."""
    words = said(t)
    if not words or not code or code not in conditions.clause_codes():
        return ""
    quotes = list(dict.fromkeys(q for q in (leaf.get("quote") for leaf in conditions.leaves(code)) if q))
    if not quotes:
        return ""
    label = query.clause(code.rstrip("ab"))["label"]
    return (
        f"您提到“{words}”：那是对方按它自己的规定和口径作出的判断，跟本政策不是一回事。"
        f"能不能享受{label}，只看本政策自己的条件：“{'；'.join(quotes)}”，由市商务局会同市财政局按本政策审核认定。"
    )


def with_line(a: Answer, t: str) -> Answer:
    """The answer with the line on another body's verdict added before its 依据 line, when the message reports one."""
    extra = line(a.clause, t) if a.text else ""
    if not extra or extra in a.text:
        return a
    head, sep, basis = a.text.rpartition("\n依据")
    if not sep:
        return replace(a, text=a.text.rstrip() + "\n" + extra)
    return replace(a, text=f"{head}\n{extra}{sep}{basis}")
