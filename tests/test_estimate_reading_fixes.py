"""Readings that once produced a wrong figure: a business amount taken as an award, short years before rates."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession, calculator_inputs
from bot.estimate.understand import full_years


def inputs(text: str) -> dict:
    return calculator_inputs(EstimateSession.start(text).inputs)


def test_offshore_dollars_after_an_award_name_are_business():
    """「增量奖励 今年离岸250万美元」 names the item, then gives the business amount (never an award of 250万)."""
    got = inputs("帮我估一下增量奖励 今年离岸250万美元 境内1500万")
    assert got["offshore_usd"] == Decimal("2500000") and got["onshore_cny"] == Decimal("15000000")


def test_awards_worked_out_still_feed_innovation():
    s = EstimateSession.start("今年增量奖励40万 离岸奖励60万 连续两年都有新的发明专利 创新奖多少")
    assert s.inputs["_award_3.1"] == Decimal("400000") and s.inputs["_award_3.2"] == Decimal("600000")


@pytest.mark.parametrize(
    "text,expected",
    [
        ("汇率23年按7.05 22年按6.73", "汇率2023年按7.05 2022年按6.73"),
        ("汇率23年7.05、22年6.73", "汇率2023年7.05、2022年6.73"),
        ("23年境内2000万 22年境内1800万", "2023年境内2000万 2022年境内1800万"),
        ("入驻12年 执行额800万", "入驻12年 执行额800万"),
        ("入驻园区16年 执行额800万", "入驻园区16年 执行额800万"),
        ("已经领了3年租金补贴", "已经领了3年租金补贴"),
    ],
)
def test_short_years(text, expected):
    assert full_years(text) == expected


def test_rates_with_short_years_reach_the_estimate():
    got = inputs("2023年境内2000万元 离岸80万美元，2022年境内1800万 离岸50万美元，汇率23年按7.05 22年按6.73")
    assert (got["usd_cny_rate"], got["previous_usd_cny_rate"]) == (Decimal("7.05"), Decimal("6.73"))


def test_supposed_total_replaces_the_one_platform_cost():
    """「如果我们再追加采购 总额到900万」 after one platform of 120万: 900万 × 30% capped at 200万."""
    from bot.estimate.session import items_for_inputs

    first = EstimateSession.start("公共培训服务平台 设备和正版软件采购费用1,200,000元 补贴多少")
    s = EstimateSession(items=items_for_inputs(first.inputs), inputs=dict(first.inputs))
    s.last_keys = list(first.inputs)
    assert s.handle("如果我们再追加采购 总额到900万 最多补多少", "correct_value").understood
    assert s.inputs["platforms"] == [{"cost_cny": Decimal("9000000")}]
    assert Decimal(str(s.compute()["total_cny"])) == Decimal("2000000")


def test_euros_are_asked_about_then_converted_at_the_users_rate():
    """80万欧元 is neither dollars nor yuan: the assistant asks, then uses the rate the user gives."""
    s = EstimateSession.start("我们今年离岸80万欧元，去年没有离岸，境内两年都是1000万，想算一下离岸和增量奖励")
    assert "80万欧元折合多少美元" in s.question() and "offshore_usd" not in calculator_inputs(s.inputs)
    s.handle("欧元兑美元1.08，美元兑人民币7.05；去年离岸是0")
    got = calculator_inputs(s.inputs)
    assert got["offshore_usd"] == Decimal("864000.00") and got["usd_cny_rate"] == Decimal("7.05")
    assert Decimal(str(s.compute()["total_cny"])) == Decimal("182736")  # 864000 × 7.05 × 3 %


def test_euros_answered_with_a_dollar_amount():
    s = EstimateSession.start("今年离岸200万欧元 离岸奖励怎么算")
    s.handle("折合216万美元")
    assert calculator_inputs(s.inputs)["offshore_usd"] == Decimal("2160000")
