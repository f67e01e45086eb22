"""Two amounts of one kind told as 'the one … the other' for the increment, no year said for either: which year
each is gets asked, naming both, never taken from their order; the answer tying a year to each with 是 is read once.
The wording here is the team's own."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession, years_of_pair


@pytest.mark.parametrize(
    "text, raws",
    [
        ("在岸执行额 一个是950万 一个是1100万 增量奖励怎么算", ("950万", "1100万")),
        ("我们的业务额一个是620万，另一个是580万，都是境内的，规模增量奖励多少", ("620万", "580万")),
        ("离岸的 一笔是260万美元 另一笔是310万美元 增量奖能拿多少", ("260万美元", "310万美元")),
    ],
)
def test_one_and_other_pair_is_asked_by_name(text, raws):
    session = EstimateSession.start(text)
    assert session.status == "collecting"
    assert not any(k in session.inputs for k in ("onshore_cny", "offshore_usd", "previous_onshore_cny"))
    question = session.question()
    assert "哪一年" in question and all(r in question for r in raws), question


def test_contracts_counted_are_still_parts_of_one_year():
    session = EstimateSession.start("今年在岸两个合同 一个是300万 一个是500万 去年在岸600万 不是新企业 增量奖励多少")
    assert Decimal(8000000) == session.inputs["onshore_cny"]


@pytest.mark.parametrize(
    "answer",
    ["1100万是上年的 950万是今年的", "950万是今年的，1100万是去年的", "去年是1100万 今年是950万"],
)
def test_answer_ties_each_figure_to_its_year(answer):
    data = {"key": "onshore_cny", "values": ["9500000", "11000000"], "raws": ["950万", "1100万"]}
    assert ("current", "previous") == years_of_pair(answer, data)


def test_decrease_after_the_years_are_told_gives_no_increment():
    session = EstimateSession.start("在岸业务 一个是950万 一个是1100万 能拿多少增量奖励")
    session.handle("1100万是去年的 950万是今年的 业务少了", "inform")
    session.handle("不是新设立的企业", "inform")
    assert Decimal(9500000) == session.inputs["onshore_cny"]
    assert Decimal(11000000) == session.inputs["previous_onshore_cny"]
    item = session.compute()["items"][0]
    assert item["code"] == "3.1" and not item["qualified"] and item["amount_cny"] == 0
