"""三（五） a fair's cost said only as a lower bound (own wording, not the case files'): 「3万出头」「3万以上」「超过8万」
「不止8万」 — every such fair at its cap when the bound alone already reaches it (said so), otherwise asked, naming the
words; never computed as if the bound were the cost."""

from decimal import Decimal as D

import pytest

from bot.estimate.fair_lower_bounds import said_at_least
from bot.estimate.understand import figures
from bot.estimate.vague_figures import find, more_than
from tests.test_hfair2_each_fair_parts import fairs, total


@pytest.mark.parametrize("said, bound", [("2万出头", 20000), ("5万挂零", 50000), ("3万往上", 30000)])
def test_open_tails_give_the_lower_bound(said, bound):
    """出头/挂零/往上 leave an amount open above: its number is the bound."""
    (v,) = find("每场" + said)
    assert D(bound) == more_than(v)


@pytest.mark.parametrize(
    "text, said",
    [
        ("每场都在4万以上", "4万以上"),
        ("每场都超过4万", "超过4万"),
        ("一场花了不止4万", "不止4万"),
        ("起码6万", "起码6万"),
    ],
)
def test_bound_words_around_a_figure(text, said):
    """以上/超过/不止/起码 make the figure a bound, as said."""
    (f,) = [f for f in figures(text) if f.kind == "money"]
    assert said == said_at_least(text, f)


@pytest.mark.parametrize(
    "text, award",
    [
        ("境内指定展会今年11场，每场费用都是三万出头，能补多少", D(200000)),  # 11 × 2万 → 20万 a year
        ("境外指定展会4场，单场都在8万以上，能拿多少", D(200000)),  # 8万 × 70% ≥ 5万: 4 × 5万
        ("去了一场迪拜的指定展会，花了不止10万，能补多少", D(50000)),
    ],
)
def test_a_bound_at_the_cap_counts_the_cap(text, award):
    """The bound × 70% already reaches the per-fair cap: every such fair at the cap, and the answer says why."""
    got, r = fairs(text)
    assert not r.clarifications
    assert any("按上限计" in n for n in r.notes)
    assert award == total(text)


@pytest.mark.parametrize(
    "text, said",
    [
        ("境内指定展会5场，每场都是1万出头，能补多少", "1万出头"),
        ("境外指定展会2场，每场都超过3万，能补多少", "超过3万"),
        ("国内指定展会两场，一场1.5万，另一场2万多，能补多少", "2万多"),
        ("境外指定展会3场，加起来超过10万，能补多少", "超过10万"),
    ],
)
def test_a_bound_below_the_cap_is_asked(text, said):
    """Below the cap the bound decides nothing: the cost is asked, the words named, and nothing is computed."""
    got, r = fairs(text)
    assert not got
    assert any(said in c.question for c in r.clarifications)
