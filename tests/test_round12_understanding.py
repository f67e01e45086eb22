"""Readings fixed after the round-12 outside cases were played (the wording here is the team's own): a rate
after filler words, an event per place when a run-on names two, a figure after 多了 that names its business,
awards said not received, another policy only mentioned, how a clause computes, and chat about the weather."""

from decimal import Decimal

from actions.estimate import ActionEstimateStart, ActionLooseAnswer
from bot.answers.general import cannot_serve
from bot.estimate.session import EstimateSession
from knowledge import query
from tests.test_actions import run, texts, tracker


def test_rate_after_filler_words_and_no_rate_from_a_count():
    """「汇率你就按7.05算」 is the rate; 「一家公司」 never gives a rate of 1: 160万 × 10% × 7.05 = 1,128,000."""
    s = EstimateSession.start("我们是金水区一家外包公司 今年离岸160万美元 汇率你就按7.05算 离岸奖多少")
    assert Decimal("7.05") == s.inputs["usd_cny_rate"] and Decimal("1128000") == s.compute()["total_cny"]


def test_each_place_of_a_run_on_is_its_own_event():
    """「去日本参展…八万然后还去杭州参展…三万」: overseas 8万 → 5万 (cap), domestic 3万 → 2万 (cap): 70,000."""
    s = EstimateSession.start("今年去日本参加了一个指定展会展位费八万然后还去杭州参加了个展会花了三万这两个能补多少")
    assert [("overseas", Decimal(80000)), ("domestic", Decimal(30000))] == [
        (f["region"], f["cost_cny"]) for f in s.inputs["fairs"]
    ]
    assert Decimal("70000") == s.compute()["total_cny"]


def test_a_figure_after_duole_that_names_its_business_is_an_amount():
    """「但多了30万美元的离岸 汇率7」: this year 900万 + 210万 = 1110万 against 1000万: 110万 × 3% = 33,000."""
    s = EstimateSession.start("去年在岸1000万 没离岸 今年在岸900万 但多了30万美元的离岸 汇率7 增量奖励多少")
    assert Decimal("300000") == s.inputs["offshore_usd"]
    assert Decimal("33000") == s.compute()["total_cny"]


def test_awards_said_not_received_leave_no_base():
    s = EstimateSession.start("增量奖励和离岸奖励我们都没拿到 但研发投入连续两年增长 创新奖能拿多少")
    assert "done" == s.status and Decimal(0) == s.compute()["total_cny"]


def test_another_policy_mentioned_while_asking_about_this_one():
    assert query.other_policy("增值税那边有即征即退 那咱们这个政策给技术先进型企业啥奖励") is None
    assert query.other_policy("区里有个研发费用补助 和这边的创新奖励两边能同时报吗") is None
    assert query.other_policy("研发费用后补助怎么申请") is not None


async def test_how_a_clause_computes_is_answered_with_its_rule():
    for action, intent in ((ActionEstimateStart(), "estimate_award"), (ActionLooseAnswer(), "inform")):
        d, _ = await run(action, tracker("我们是今年刚成立的公司 没有去年的数据 增量奖励咋算", intent=intent))
        assert "新增企业首年计算纯增量" in texts(d)


def test_weather_is_outside_what_is_served():
    assert cannot_serve("明天郑州下雨吗 我要去参加展会") is not None
    assert cannot_serve("展会补贴怎么算") is None


def test_two_years_with_fenbie_are_never_added():
    """「去年境内2000万 今年2500万 … 增量奖和创新奖分别多少」: 2500万 this year, never 4500万 (分别 counts no contracts)."""
    s = EstimateSession.start("连续两年都有新专利 去年境内执行额2000万 今年2500万 没有离岸 增量奖和创新奖分别多少")
    assert Decimal(25000000) == s.inputs["onshore_cny"]


def test_a_weather_app_is_a_business_not_chat():
    assert cannot_serve("我们给气象局开发天气预报的app 算哪个领域") is None


def test_a_policy_only_named_in_a_question_about_it_is_declined():
    """「高新技术企业有多少奖励 这个政策里有吗」 asks about another policy's award: declined, not answered here."""
    assert query.other_policy("郑州认定高新技术企业有多少奖励 这个政策里有吗") is not None


def test_a_branch_taxed_at_head_office_is_not_assumed_to_pay_tax_here():
    from bot.answers.eligibility import facts_from
    from bot.nlu.normalize import understand

    facts = facts_from(
        understand("we are a branch office, tax paid in Beijing HQ, other conditions all met, 其他条件都满足")
    )
    assert facts.get("pays_tax_in_zhengzhou") is not True
