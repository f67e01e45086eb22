"""Figures read with their role (round 12): a sum over several years is asked per year, a part of a group
described by its qualifications is the count, the answer to a currency question is not overwritten by
another year's figure, a training cost after 海外 is no offshore business. New wording, not the case files'."""

from decimal import Decimal

from bot.estimate.session import EstimateSession
from bot.estimate.understand import read
from bot.understand.subgroups import described


def test_offshore_sum_over_two_years_is_asked_per_year():
    """「近两年离岸合计180万美元」: no year's amount; named and asked, never 180万 × 10% × rate."""
    s = EstimateSession.start("我们近两年离岸合计180万美元 汇率按7.05 离岸奖励能拿多少")
    assert "offshore_usd" not in s.inputs
    assert any("180万美元" in p and "今年" in p for p in s.problems)
    assert "？" in s.question()
    assert s.status != "done"
    assert not any("1,269,000" in p or "126.9" in p for p in s.problems)


def test_figure_said_to_be_two_years_total_after_it():
    """「境内执行额3000万是去年和今年加起来的」: the sum said after the figure, asked too."""
    r = read("境内执行额3000万是去年和今年加起来的 增量奖励怎么算", items=["3.1"])
    assert "onshore_cny" not in r.fields and "previous_onshore_cny" not in r.fields
    assert any("3000万" in p for p in r.problems)


def test_both_years_the_same_is_no_sum():
    """「去年今年离岸都是150万美元」: 都 gives both years, not a sum asked about."""
    r = read("去年今年离岸都是150万美元 汇率7 离岸奖多少", items=["3.2"])
    assert r.fields["offshore_usd"] == Decimal("1500000")
    assert r.fields["previous_offshore_usd"] == Decimal("1500000")
    assert not r.problems


def test_years_of_stay_before_a_total_are_no_sum_of_years():
    """「入驻两年合计执行额」: how long in the park, not a sum over years of the business."""
    r = read("入驻市级园区两年 合同执行额一共800万 年租金40万 能补多少", items=["3.8.3"])
    assert not any("几年加起来的" in p for p in r.problems)


def test_described_part_of_interns_is_the_qualified_count():
    """「今年带了40名实习生 这中间大专以上、应届毕业、社保交满半年、实习3个月以上的有31名」: 31, never 40."""
    s = EstimateSession.start("实习生补贴 我们今年带了40名服务外包实习生 能拿多少")
    s.handle("实训协议签了四年；这40名实习生中间 大专以上、应届毕业、社保交满半年、实习3个月以上的有31名")
    assert s.inputs["qualified_interns"] == 31
    assert s.inputs["internship_agreement_years"] == 4
    result = s.compute()
    assert Decimal(str(result["total_cny"])) == Decimal("155000")  # 31 × 5,000
    assert Decimal(str(result["total_cny"])) != Decimal("200000")  # never 40 × 5,000


def test_agreement_years_answer_is_not_the_number_of_schools():
    """「跟三所大学签的 都是两年」 answering the agreement question: 2 years, not 3 (the schools)."""
    s = EstimateSession.start("今年接了30个实习生 实习生补贴多少")
    s.handle("跟三所大学签的 都是两年")
    assert s.inputs["internship_agreement_years"] == 2


def test_described_part_needs_a_smaller_count():
    """A count no smaller than the group's is not a part of it."""
    assert described("20个实习生里 应届毕业的有20个") == []
    assert [p.count for p in described("20个实习生里 应届毕业的有12个")] == [12]


def test_part_described_as_failing_is_not_the_qualified_count():
    """「里面高中学历的有5个」: a part that fails the person conditions is not the qualified graduates."""
    r = read("今年收了25个实习生 这里面高中学历的有5个", items=["3.7.4"])
    assert r.fields.get("qualified_interns") != 5


def test_currency_answer_keeps_this_years_amount():
    """「刚才那个180万是美元 … 去年离岸150万美元」: 180万 stays this year's; 150万 is last year's only."""
    s = EstimateSession.start("今年离岸执行额180万 汇率7.1 离岸奖多少")
    assert s.clarify and s.clarify["kind"] == "currency"
    s.handle("刚才那个180万是美元；另外我们连续两年都有新的发明专利 去年离岸150万美元 汇率6.9 不是新成立的")
    assert s.inputs["offshore_usd"] == Decimal("1800000")
    assert s.inputs["previous_offshore_usd"] == Decimal("1500000")


def test_two_years_with_patents_does_not_make_a_figure_both_years():
    """「连续两年都有软著 去年离岸90万美元」: 都 is said of the patents; 90万 is last year's only."""
    r = read("连续两年都有软著 去年离岸90万美元 今年离岸130万美元 汇率都按7", items=["3.1", "3.2", "3.3"])
    assert r.fields["previous_offshore_usd"] == Decimal("900000")
    assert r.fields["offshore_usd"] == Decimal("1300000")


def test_training_cost_after_overseas_is_no_offshore_amount():
    """「派12个项目经理去境外进修 … 人均学费5万」: senior training of 12 people, never an offshore 5万."""
    s = EstimateSession.start("我们派了12个项目经理去境外进修涉外项目管理 都是本科学历 非学历教育 人均学费5万 补贴多少")
    assert "offshore_usd" not in s.inputs
    assert not (s.clarify and "离岸" in s.clarify.get("question", ""))
    assert [e["cost_cny"] for e in s.inputs["senior_training"]] == [Decimal("50000")] * 12
    result = s.compute()
    assert Decimal(str(result["total_cny"])) == Decimal("300000")  # 12 × min(5万 × 50%, 3万)


def test_training_cost_word_before_a_figure_is_not_business():
    """「海外研修 培训费每人4万」 read alone: no offshore or onshore amount."""
    r = read("去海外研修 培训费每人4万")
    assert not {"offshore_usd", "onshore_cny", "previous_offshore_usd"} & set(r.fields)
    assert not any("离岸" in c.question for c in r.clarifications)
