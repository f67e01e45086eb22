"""Figures read with their role (issue 14, round 10): a currency code before a figure, a rate after
「年平均」, a year word inside an aside, 「加一块」 meaning together. New wording, not the case files'."""

from decimal import Decimal

from bot.estimate.session import EstimateSession
from bot.estimate.understand import read


def test_currency_code_before_an_english_figure_followed_by_chinese():
    """「离岸USD 2.5 million 汇率按7.2」: the code before the figure is its currency (never asked as 元 or 美元)."""
    r = read("今年境内3000万 离岸USD 2.5 million 汇率按7.2 增量多少")
    assert r.fields["offshore_usd"] == Decimal("2500000")
    assert not [c for c in r.clarifications if c.kind == "currency"]


def test_rate_after_year_average_words_is_this_years_only():
    """「中间价全年平均6.98」 is this year's rate; no previous-year rate is invented from 「平均」."""
    r = read("今年离岸大约三百万美元，中间价全年平均6.98，离岸奖多少")
    assert r.fields["usd_cny_rate"] == Decimal("6.98")
    assert "previous_usd_cny_rate" not in r.fields


def test_year_word_inside_an_aside_stays_inside_it():
    """「（上年1.5亿，人民币）」 marks only the figure inside the brackets; 离岸 after it is this year's."""
    r = read("今年境内1.8亿（上年1.5亿，人民币），离岸90万美元，汇率7.02，上年没有离岸")
    assert r.fields["previous_onshore_cny"] == Decimal("150000000")
    assert r.fields["offshore_usd"] == Decimal("900000")
    assert not r.fields.get("previous_offshore_usd")  # 「上年没有离岸」: 0, never the 90万 of this year


def test_together_is_not_one_yuan():
    """「两项放一块算」: 一块 is "together", never an amount of 1元 to be asked about."""
    r = read("今年刚获得技术先进型服务企业认定，离岸120万美元汇率7.1，两项放一块算多少")
    assert r.fields["offshore_usd"] == Decimal("1200000")
    assert not r.clarifications and not r.problems


def test_two_rates_offered_as_a_choice_are_asked_not_taken():
    """「中间价按6.95或者7.2」: neither rate is chosen; the year of the offshore business is asked, naming both."""
    r = read("离岸执行额210万美元，中间价按6.95或者7.2算？离岸奖能有多少")
    assert "usd_cny_rate" not in r.fields and "previous_usd_cny_rate" not in r.fields
    assert any("6.95" in p and "7.2" in p and "哪一年" in p for p in r.problems)


def test_offshore_after_the_other_kinds_year_labels_is_asked_its_year():
    """「境内今年8000万，去年6500万，离岸60万美元」: the two year words label 境内; 离岸's year is asked."""
    s = EstimateSession.start("境内今年8000万，去年6500万，离岸60万美元，汇率6.9，增量奖能拿多少")
    assert s.clarify["kind"] == "business_year" and "60万美元" in s.clarify["question"]
    assert "offshore_usd" not in s.inputs and "previous_offshore_usd" not in s.inputs
    s.handle("今年的")
    assert s.inputs["offshore_usd"] == Decimal("600000") and s.inputs["usd_cny_rate"] == Decimal("6.9")
    assert "previous_offshore_usd" not in s.inputs


def test_rent_said_as_a_total_is_not_taken_as_annual():
    """「房租累计付了120万」 in the park 5 years: the annual rent is asked, the total is never divided."""
    s = EstimateSession.start("我们入驻重点园区5年了，合同执行额3000万，面积600平米，房租累计付了120万，租金补贴多少")
    assert "rent_annual_cny" not in s.inputs
    assert any("120万" in p and "一年" in p for p in s.problems)


def test_fair_total_with_no_count_asks_the_events():
    """「境外参展合计花了15万」: how many events, and each one's cost, are asked; never one event of 15万."""
    s = EstimateSession.start("去年到海外参加服务贸易展会合计花了15万，补贴多少")
    assert "fairs" not in s.inputs
    assert s.clarify["kind"] == "fair_breakdown" and "15万" in s.clarify["question"]
    s.handle("3场，分别6万、5万、4万")
    assert [f["cost_cny"] for f in s.inputs["fairs"]] == [Decimal("60000"), Decimal("50000"), Decimal("40000")]


def test_costs_after_ordinal_events_belong_to_that_event():
    """「两场境外展会，第1场…第2场…」: each ordinal starts an event; its costs are summed, travel left out."""
    fairs = read("去年参加了两场境外展会，第1场展位费4万、布展费2万、机票1万，第2场注册费6000、特装费3万。能补多少")
    costs = [(f["region"], f["cost_cny"]) for f in fairs.fields["fairs"]]
    assert costs == [("overseas", Decimal("60000")), ("overseas", Decimal("36000"))]


def test_qualified_interns_named_before_an_aside():
    """「合格的应届生(本科、实习4个月、社保缴了半年)是31名」: 31 are the qualified graduates, not the yearly 28."""
    r = read("和学院签了4年实训协议，一年收实习生28人，合格的应届生(本科、实习4个月、社保缴了半年)是31名，实训补贴多少")
    assert r.fields["qualified_interns"] == 31 and r.fields["interns_per_year"] == 28
    assert r.fields["internship_agreement_years"] == Decimal("4")


def test_part_of_the_trainees_below_the_level_is_taken_out():
    """「这60名学员当中有5个是中专」: 5 of the 60 are not counted (大专以上); the institution is not 不符合."""
    s = EstimateSession.start(
        "我们是已认定的服务外包培训机构，今年结业学员60名都考核合格、签了两年劳动合同，不过这60名学员当中有5个是中专，定额培训支持多少"
    )
    assert s.inputs["institution_trainees"] == 55
    assert any("5名中专" in n for n in s.notes)


def test_business_words_after_an_award_name_make_a_business_amount():
    """「算下规模奖励，在岸今年9000万，上年7000万」: 9000万 is this year's onshore amount, never an award."""
    r = read("算下规模奖励，在岸今年9000万，上年7000万")
    assert not [k for k in r.fields if k.startswith("_award_")]
    assert r.fields["onshore_cny"] == Decimal("90000000") and r.fields["previous_onshore_cny"] == Decimal("70000000")
