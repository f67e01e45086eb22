"""The costs a user lists, sorted by the clause's eligible costs (「预算里有服务器存储这些硬件、机房空调UPS配套、买正版的
数据库软件，还有养团队的人工费大概三百万，哪些能拿补贴？」): each cost as typed, counted under the kind of cost the clause
lists (三（九）: 信息化硬件设备、相关配套设施、商品化正版软件购置费用) or named as not counted, with why. No amount is
computed here: a figure said beside a cost that is not counted is never a base.

Words: knowledge/data/conditions.yml (`eligible_words`, `not_listed`) and clauses.yml (`not_eligible_costs`, with why).
"""

import re
from typing import List, Optional, Tuple

from knowledge import conditions, query

# the words that open a cost in a list, not the cost itself (「预算里有…」「还有…」「另外…」)
LEAD = re.compile(
    r"^(?:(?:我们)?(?:的)?(?:预算|费用|支出|投入|成本)?(?:里|里面|中)?(?:有|包括|包含|含)|还有|另外|以及|此外|和|及)+"
)
# a figure said with the cost (「大概三百万」「80万」): cut off, the cost's words stay
FIGURE = re.compile(
    r"(?:大概|大约|约|差不多|一共|共|总共|花了|是|为)?\s*[0-9零一二两三四五六七八九十百千.]+\s*(?:万|亿|千|元|块|w)"
)
PIECES = re.compile(r"[、，,；;。？?！!\s]+")


def _kinds(code: str) -> dict:
    return conditions.spec(code).get("eligible_words") or {}


def _not_counted(code: str, words: str) -> Optional[str]:
    """Why the cost `words` is not counted by the clause, or None when it names no cost the clause leaves out."""
    for item in query.clause(code).get("not_eligible_costs") or []:
        if any(w.lower() in words for w in item["words"]):
            return item["why"]
    named = [w for w in conditions.spec(code).get("not_listed", []) if w in words]
    if named:
        return f"{named[0]}不在列明的购置费用内"
    return None


def _kind(code: str, words: str) -> Optional[str]:
    for kind, said in _kinds(code).items():
        if any(w.lower() in words for w in said):
            return kind
    return None


def sorted_costs(code: str, text: str) -> Tuple[List[tuple], List[tuple]]:
    """([(cost as typed, kind counted)], [(cost as typed, why not)]) of the costs `text` lists, in the order said."""
    counted, left_out = [], []
    for piece in PIECES.split(text or ""):
        cut = FIGURE.search(piece)
        said = LEAD.sub("", piece[: cut.start()] if cut else piece).strip()  # as typed (「UPS」)
        words = said.lower()
        if not words:
            continue
        why = _not_counted(code, words)
        if why:
            left_out.append((said, why))
            continue
        kind = _kind(code, words)
        if kind:
            counted.append((said, kind))
    return counted, left_out


def named_costs_line(code: str, text: str) -> str:
    """The answer to 「哪些能算」 about a list of two costs or more, one of them a cost the clause lists: those counted,
    each with its kind, and those not counted, each with why; "" otherwise (no cost words, fewer than two costs, or
    none the clause lists)."""
    if not _kinds(code):
        return ""
    counted, left_out = sorted_costs(code, text)
    if not counted or len(counted) + len(left_out) < 2:
        return ""  # 「自己开发的 开发人员工资算吗」: no cost the clause lists, the other answers say why
    listed = "、".join(conditions.spec(code)["eligible_costs"])
    parts = []
    if counted:
        parts.append("能计入补贴基数的：" + "、".join(f"{w}（{k}）" for w, k in counted))
    if left_out:
        parts.append("不能计入的：" + "；".join(f"{w}——{why}" for w, why in left_out))
    return (
        "您列的费用中，" + "；".join(parts) + f"。{query.clause(code)['label']}列明的可补贴费用是{listed}，"
        "其他费用不作为补贴基数，是否可以计入以市商务局的实施细则为准。"
    )
