"""The answer about people whose conditions were not known (「其余15个还不确定」, asked by clauses/base.py
ask_unclear_parts): 「这4个也都交满6个月了」 counts them with those counted before (18 + 4), 「这15个都没签合同」 leaves
them out (30); an answer that counts people of its own (「符合的一共20个」) is the count itself, read as usual. Plain Python.
"""

import re
from typing import Optional, Tuple

MEETS = re.compile(r"(?:也|都|全|全部|均)\s*(?:都)?\s*(?<!不)(?:符合|满足|达标|合格)")


def settled(norm: str, asked: dict) -> Optional[Tuple[int, str]]:
    """(the count meeting every condition, a note) from the normalised answer `norm` to the question `asked`
    (OVERLAP_ASKED's dict with `unclear`), or None when the answer does not settle those people."""
    from bot.understand.people_counts import PEOPLE, whole
    from bot.understand.person_checks import checks, says_fails_all

    data = asked.get("unclear") or {}
    n, counted = data.get("n"), data.get("counted")
    if not n or counted is None:
        return None
    if any(whole(m.group("n")) != n for m in PEOPLE.finditer(norm)):
        return None  # a count of its own: the count asked, read as usual
    words = f"{data.get('words', '')} {norm}"
    found = checks(words, data["code"], tuple(data["ids"]))
    if says_fails_all(norm) or any(c.status == "not_met" for c in found):
        return counted, f"“{norm}”：这{n}名不计入，按{counted}名计算"
    if any(c.status == "met" for c in found) or MEETS.search(norm):
        return counted + n, f"“{norm}”：这{n}名也计入，按{counted} + {n} = {counted + n}名计算"
    return None
