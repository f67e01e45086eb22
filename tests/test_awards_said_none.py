"""Awards the user says it did not get are 0 in 三（三）'s base; a question whether an award is none says nothing of
the kind (bot/estimate/understand.py `_awards_said_none`)."""

from decimal import Decimal

import pytest

from bot.estimate.understand import read


@pytest.mark.parametrize(
    "text",
    [
        "2021年新成立的 当年执行额3000万 没有上年数据 那增量奖励是不是就没有了？",
        "新公司 第一年执行额2000万元 增量奖励是不是没有？",
        "22年新成立 当年执行额1500万 是不是拿不到增量奖励了",
    ],
)
def test_asking_whether_the_award_is_none_says_none(text):
    """The figures are read; no award is set to 0."""
    got = read(text).fields
    assert "_award_3.1" not in got


@pytest.mark.parametrize("text", ["去年没拿到增量奖励 研发投入连续两年增长", "增量奖励和离岸奖励都没拿到"])
def test_saying_the_award_is_none_sets_it_to_zero(text):
    assert Decimal(0) == read(text).fields.get("_award_3.1")
