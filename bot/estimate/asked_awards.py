"""Which of the awards the user lists a sum question asks about (「我们今年的增量奖励核下来80万，离岸奖励120万。…请问创新
发展奖励和技术先进型这两块一共多少钱？」), and the amounts of asked items the user gave no amount for.

The awards the user states are theirs; a sum question whose own clause names other items (三（三）、三（四）…) and adds
nothing to them (no 再加上/算上/连同 …, estimate_words.yml stated_awards `adds`) asks the total of the items it names:
the stated awards stay the base of 三（三） and are not added into that total. An asked item with no amount of its own
is given one only from the facts the message states and the policy's own figure (三（四）'s 一次性10万 for a newly
recognised enterprise); an item whose condition the facts fail counts 0 with the reason. Plain Python.
"""

import re
from typing import Optional, Tuple

from bot.estimate.reading import estimate_words, figures

_QUESTION_END = r"[。；;？?！!\n]"


def _asked_clause(text: str) -> Optional[str]:
    """The last sentence of `text` that asks for a sum (estimate_words.yml stated_awards `sum_asks`)."""
    asks = estimate_words()["stated_awards"]["sum_asks"]
    sentences = [s for s in re.split(_QUESTION_END, text) if s.strip()]
    found = [s for s in sentences if any(w in s for w in asks)]
    return found[-1] if found else None


def asked_codes(text: str, stated: set, names) -> Optional[set]:
    """The items the sum question asks the total of, when they are not all the awards stated (`stated`: their codes),
    the question adds nothing to them and gives no amount of its own; else None (the stated awards are summed).
    `names`: (name, code) pairs, longest first."""
    clause = _asked_clause(text)
    if clause is None or any(f.kind == "money" for f in figures(clause)):
        return None
    if any(w in clause for w in estimate_words()["stated_awards"].get("adds") or []) or re.search(r"连同|包括", clause):
        return None  # 「再加上创新奖一共多少」: the stated awards and the one added
    pattern = re.compile("|".join(re.escape(n) for n, _ in names), re.IGNORECASE)
    code_of = {n.lower(): c for n, c in names}
    asked = {code_of[m.group(0).lower()] for m in pattern.finditer(clause)}
    if not asked or stated <= asked:
        return None
    return asked


def unstated_amount(code: str, verdict) -> Tuple[Optional[object], str]:
    """(amount or None, how) of an asked item the user gave no amount for, from its condition verdict: 三（四）'s
    one-off award when the facts meet it, 0 when they fail it; None (asked) when it cannot be placed."""
    from decimal import Decimal

    from knowledge import conditions
    from knowledge.figures import figure

    if code != "3.4" or verdict is None:
        return None, ""
    if verdict.status == conditions.NOT_MET:
        failed = "；".join(c.label for c in verdict.checks if c.status == conditions.NOT_MET)
        return Decimal(0), f"不符合条件（{failed}），0元"
    award = figure("3.4", "award_cny")
    new = next((c for c in verdict.checks if c.fact == "tech_advanced_new"), None)
    if new is not None and new.status == conditions.MET:
        return award, "新获得技术先进型服务企业资格，一次性奖励"
    return None, ""
