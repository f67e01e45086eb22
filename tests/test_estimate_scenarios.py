"""One figure supposed at several values, each outcome asked (bot/estimate/scenarios.py): each value is estimated
on its own and equals the calculator on that value; a list of items (two fairs, two people) is not scenarios.
Own wording."""

from decimal import Decimal

import pytest

from bot.estimate.scenarios import split
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from calculator import calculate


def offshore_award(usd: int, rate: str) -> Decimal:
    inputs = {"offshore_usd": usd, "usd_cny_rate": Decimal(rate)}
    return Decimal(str(calculate(inputs)["total_cny"]))


@pytest.mark.parametrize(
    "text, values",
    [
        ("假设今年离岸冲到120万美元或者冲到260万美元，各能拿多少离岸奖励，汇率7.05", [1_200_000, 2_600_000]),
        ("要是离岸业务做到１１０万刀和２５０万刀 两种情况分别多少 汇率按7.2", [1_100_000, 2_500_000]),
        ("如果离岸是140万、180万还是230万美元，分别能补多少？汇率都按6.95", [1_400_000, 1_800_000, 2_300_000]),
    ],
)
def test_each_supposed_value_is_estimated_alone(text, values):
    cases = split(normalize(text))
    assert len(cases) == len(values)
    rate = "7.05" if "7.05" in text else "7.2" if "7.2" in text else "6.95"
    for (_, _, words), usd in zip(cases, values):
        s = EstimateSession.start(words)
        assert s.status == "done", s.question()
        assert s.inputs["offshore_usd"] == Decimal(usd)
        assert Decimal(str(s.compute()["total_cny"])) == offshore_award(usd, rate)


@pytest.mark.parametrize(
    "text",
    [
        "如果两场境内展会展位费分别1.5万和2.5万 分别能补多少",  # two fairs: a list of items
        "今年在岸900万和离岸130万美元 能拿多少",  # two roles, not two values of one
        "离岸150万美元和300万美元分别是去年和今年的",  # no what-if: two years' amounts
        "如果离岸做到200万美元和200万美元分别多少",  # the same value twice is no choice
    ],
)
def test_lists_and_plain_pairs_are_not_scenarios(text):
    assert split(normalize(text)) == []


def test_each_copy_drops_the_words_that_asked_for_several_outcomes():
    cases = split(normalize("如果明年离岸分别做到160万美元和320万美元，两种情况下分别能拿多少？汇率7.1"))
    assert [v for _, v, _ in cases] == ["160万美元", "320万美元"]
    assert all("分别" not in words and "两种情况" not in words for _, _, words in cases)
