"""The residual count a user states after the parts left out: 「一共103人，退学4个，没拿到证6个，还有6个没签满一年，剩下87个
都符合」. The residual is the count of people who meet every condition — the user's own figure, taken as it is — and it is
checked against the user's other figures: the group less the parts left out (103 − 4 − 6 − 6 = 87). When they disagree
the figures are named and asked about; nothing is chosen between them.
"""

from dataclasses import dataclass
from typing import Optional, Sequence


@dataclass(frozen=True)
class Residual:
    counted: Optional[int]  # None: the figures disagree (asked)
    said: str  # the arithmetic, or the question naming the figures
    ask: str = ""


def check(group: Optional[int], parts: Sequence[int], residual: int, named: str = "") -> Residual:
    """The residual count `residual` said after the `parts` left out of a group of `group` people (None: the group's
    size was not said). `named`: how the residual was said (「剩下87个」), to name it in a question."""
    if not group or not parts:
        return Residual(residual, f"按您说的其余{residual}名计算")
    left = sum(parts)
    arithmetic = f"{group} − " + " − ".join(str(n) for n in parts) + f" = {group - left}"
    if group - left == residual:
        return Residual(residual, f"{arithmetic}，与您说的其余{residual}名一致")
    said = f"“{named}”" if named else f"其余{residual}名符合条件"
    ask = (
        f"您说的人数对不上：{arithmetic}，而您说的是{said}（{residual}名）。请确认符合全部条件的是多少名"
        f"（不符合的几部分之间是否有重叠）"
    )
    return Residual(None, ask, ask)
