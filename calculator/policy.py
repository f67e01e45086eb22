"""The policy's figures as the calculator reads them: values, bounds and clause labels.

Every rate, cap and threshold comes from knowledge/data/figures.yml through
`knowledge.figures`; nothing here repeats a number of the policy.
"""

from decimal import Decimal
from functools import lru_cache

from knowledge.figures import figure, figures

_CN_ORDINALS = "零一二三四五六七八九十"
_ARTICLES = {"3": "三", "4": "四"}


@lru_cache(maxsize=None)
def fig(code: str, key: str) -> Decimal:
    """One figure of one clause (cached), e.g. fig("3.2", "rate") is the 10% of 三.（二）."""
    return figure(code, key)


@lru_cache(maxsize=None)
def bound(code: str, key: str):
    """The word of the text that bounds a figure: 「超过」「以上」「最高」… or None."""
    for f in figures(code):
        if f["key"] == key:
            return f.get("bound")
    raise KeyError(f"no figure {key!r} in clause {code}")


def meets(value, code: str, key: str) -> bool:
    """Whether `value` satisfies the threshold figure, reading its bound word.

    「超过」「高于」 exclude the number; 「以上」「不低于」「不少于」 include it.
    """
    word = bound(code, key)
    limit = fig(code, key)
    if word in ("超过", "高于"):
        return value > limit
    if word in ("以上", "不低于", "不少于"):
        return value >= limit
    raise ValueError(f"figure {code}/{key} has no threshold bound (bound={word!r})")


def is_upper_bound(code: str, key: str) -> bool:
    """Whether the text says 「最高」 for this figure (the real award may be lower)."""
    return bound(code, key) == "最高"


@lru_cache(maxsize=None)
def clause_label(code: str) -> str:
    """The clause's Chinese label: "3.2" → 第三条第（二）项, "3.7.2" → 第三条第（七）项第2点."""
    parts = code.rstrip("ab").split(".")
    label = f"第{_ARTICLES[parts[0]]}条"
    if len(parts) > 1:
        label += f"第（{_CN_ORDINALS[int(parts[1])]}）项"
    if len(parts) > 2:
        label += f"第{parts[2]}点"
    return label
