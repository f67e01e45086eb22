"""Figures said to be what a record holds (「系统里的数是2800万和2300万」「台账上的数据」): the user's own amounts, so the
message is estimated (and an unclear pair of years asked), not answered with the clause. Wording of our own."""

import pytest

from actions.policy import own_money


@pytest.mark.parametrize(
    "text",
    [
        "看一下增量奖励 统计系统里的数字是1500万和1900万 都是境内的",
        "台账上的数据是今年3100万 去年2700万",
        "报表金额去年800万 今年950万 增量能拿多少",
    ],
)
def test_record_figures_are_own(text):
    assert own_money(text)


@pytest.mark.parametrize("text", ["500万这个数是上限吗", "上限这个数是200万对吧"])
def test_a_policy_figure_named_as_a_number_is_not(text):
    assert not own_money(text)
