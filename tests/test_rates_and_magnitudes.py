"""Exchange rates beside amounts with English magnitudes (own wording, hrate2).

- A number the parser reads as part of an amount (「1.8m USD」「2.5 million dollars」, with its magnitude or currency)
  is never a rate, even when 汇率 is said in the message and no rate figure is found (「…汇率还没查」).
- A rate named with its year in English (「avg central parity for 2023 is 7.0467」「rate in 2024: 7.12」), a dollar
  figure 「at」 a number (「$1.2M at 7.1」), fillers between the rate word and its number (「rate is actually 7.1」,
  「rate: pls use 7.05」, 「use 7.1 as the rate」) are read as that rate.
- 「0.15bn this year vs 0.12bn last year」「growth: 0.31bn vs 0.26bn」: both years' amounts, never last year as 0.
- A rate corrected in a later turn (「汇率说错了 今年是7.1 不是6.9」「rate should be 7.05 not 6.9」) replaces that rate;
  「7.1是今年的 去年按7.05」 answers each year's rate.
- 「还有个120万美元的」 after this year's offshore amount: the second amount's year is asked, never put in place
  of the first.
Negatives: a plain rate beside 汇率 (6.9, 7.1, even 1.8) stays a rate; an amount stays an amount.
"""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession, items_for_inputs

D = Decimal


def start(text):
    return EstimateSession.start(text)


@pytest.mark.parametrize(
    "text, usd, rate",
    [
        (
            "offshore contract execution was 1.8m USD in 2023, avg central parity for 2023 is 7.0467. offshore award?",
            "1800000",
            "7.0467",
        ),
        ("offshore executed $1.2M this year, rate is 7.1, offshore award?", "1200000", "7.1"),
        ("offshore is 1.5 million dollars, rate for this year is 7.05. offshore award?", "1500000", "7.05"),
        ("offshore 1.8 million USD in 2024, rate in 2024: 7.12. offshore award?", "1800000", "7.12"),
        ("offshore USD 1.8m this year, avg 中间价 is 7.12, offshore award?", "1800000", "7.12"),
        ("offshore 2.5M USD at 7.1, offshore award?", "2500000", "7.1"),
        ("offshore usd 1.2m @ 6.9, offshore award?", "1200000", "6.9"),
        ("oops offshore is 1.5 million dollars this year, rate is actually 7.1. offshore award?", "1500000", "7.1"),
        ("offshore 1.5 million US dollars, use 7.1 as the rate. offshore award?", "1500000", "7.1"),
        ("offshore USD 1.8m, rate: pls use 7.05. offshore award?", "1800000", "7.05"),
        ("offshore 2 million dollar, rate 7.1, offshore award?", "2000000", "7.1"),
    ],
)
def test_million_dollars_and_their_rate(text, usd, rate):
    est = start(text)
    assert est.inputs.get("offshore_usd") == D(usd)
    assert est.inputs.get("usd_cny_rate") == D(rate)


@pytest.mark.parametrize(
    "text",
    [
        "offshore was 2.5M USD this year, the rate I'm not sure yet. offshore award?",
        "离岸是 1.8 million USD，汇率还没查，离岸奖励多少",
        "离岸是1.6m美元 汇率回头再说 离岸奖励多少",
    ],
)
def test_an_amounts_number_is_never_the_rate(text):
    est = start(text)
    assert est.inputs.get("offshore_usd") in (D("2500000"), D("1800000"), D("1600000"))
    assert "usd_cny_rate" not in est.inputs  # asked, never the amount's 2.5 / 1.8 / 1.6
    assert est.status == "collecting"


@pytest.mark.parametrize(
    "text, rate",
    [
        ("离岸180万美元 汇率6.9 离岸奖励多少", "6.9"),
        ("离岸180万美元 汇率7.1 离岸奖励多少", "7.1"),
        ("offshore 1.8m usd 汇率按7.1 离岸奖励多少", "7.1"),
        ("离岸180万美元 汇率1.8 离岸奖励多少", "1.8"),  # a bare number beside 汇率 stays the rate said
        ("offshore 1.8m usd, exchange rate 1.8? offshore award", "1.8"),
    ],
)
def test_a_rate_said_stays_a_rate(text, rate):
    est = start(text)
    assert est.inputs.get("usd_cny_rate") == D(rate)
    assert est.inputs.get("offshore_usd") == D("1800000")


@pytest.mark.parametrize(
    "text, this, last",
    [
        (
            "onshore execution RMB 0.15bn this year vs 0.12bn last year, no offshore either year. 增量奖励多少",
            "150000000",
            "120000000",
        ),
        ("在岸 去年0.12bn 今年0.15bn 没有离岸 增量奖励多少", "150000000", "120000000"),
        ("onshore growth: 0.31bn vs 0.26bn RMB, no offshore. increment award?", "310000000", "260000000"),
        ("onshore last year 12m RMB, this year 15m RMB, no offshore, increment award?", "15000000", "12000000"),
        (
            "onshore RMB 150 million this year vs 120 million last year, no offshore. increment award?",
            "150000000",
            "120000000",
        ),
        ("onshore this yr 0.3bn, last yr 0.25bn, no offshore. increment?", "300000000", "250000000"),
        ("onshore 15M this year vs 12M last year, no offshore. increment award?", "15000000", "12000000"),
    ],
)
def test_both_years_in_english_units(text, this, last):
    est = start(text)
    assert est.inputs.get("onshore_cny") == D(this)
    assert est.inputs.get("previous_onshore_cny") == D(last)
    assert est.inputs.get("previous_offshore_usd") == D(0)


def test_each_dollar_figure_at_its_rate():
    est = start("offshore $1.2M this year at 7.1, $0.9M last year at 6.9, no onshore. increment?")
    inp = est.inputs
    assert (inp["offshore_usd"], inp["previous_offshore_usd"]) == (D("1200000"), D("900000"))
    assert (inp["usd_cny_rate"], inp["previous_usd_cny_rate"]) == (D("7.1"), D("6.9"))


def test_a_cap_named_is_no_amount():
    est = start("onshore growth: 0.31bn vs 0.26bn RMB, no offshore. Do they hit the 5m cap?")
    assert D("5000000") not in [v for v in est.inputs.values() if isinstance(v, Decimal)]


def test_zero_offshore_last_yr():
    est = start(
        "onshore 12m RMB this yr vs 9.5m RMB last yr; offshore 1.2m USD this yr (rate 7.1), zero offshore last yr"
    )
    inp = est.inputs
    assert inp["previous_offshore_usd"] == 0 and inp["offshore_usd"] == D("1200000")
    assert inp["onshore_cny"] == D("12000000") and inp["previous_onshore_cny"] == D("9500000")


FIRST = "今年离岸120万美元 汇率按6.9 去年离岸80万美元 去年汇率7.0 没有在岸业务 离岸奖励和增量奖励各多少"


def amend(first, text):
    """The estimate just made, corrected by a later message (as actions/estimating.amend_last_estimate does)."""
    done = start(first)
    assert done.status == "done"
    session = EstimateSession(items=items_for_inputs(done.inputs), inputs=dict(done.inputs))
    session.last_keys, session.amending = list(done.inputs), True
    session.handle(text, "correct_value")
    return session


@pytest.mark.parametrize(
    "text",
    [
        "sorry 汇率说错了 今年是7.1 不是6.9 麻烦重算一下两项",
        "汇率写错了，应按7.1",
        "不好意思 汇率打错了 是7.1",
        "中间价记错了 今年应该7.1",
        "rate should be 7.1 not 6.9",
        "oops the rate is actually 7.1",
        "the rate for this year should be 7.1 not 6.9, recalc pls",
    ],
)
def test_this_years_rate_corrected_later(text):
    s = amend(FIRST, text)
    assert s.inputs["usd_cny_rate"] == D("7.1")
    assert s.inputs["previous_usd_cny_rate"] == D("7")  # last year's stays
    assert s.inputs["offshore_usd"] == D("1200000")
    assert s.status == "done"
    assert s.compute()["total_cny"] == 939600.0  # 3.1 87,600 + 3.2 852,000


def test_last_years_rate_corrected_later():
    s = amend(FIRST, "汇率填错了 去年是6.8")
    assert (s.inputs["usd_cny_rate"], s.inputs["previous_usd_cny_rate"]) == (D("6.9"), D("6.8"))


@pytest.mark.parametrize("reply", ["7.1是今年的 去年按7.05", "7.1为今年的，去年是7.05"])
def test_each_years_rate_when_one_was_said(reply):
    est = start("离岸 今年210万美元 去年150万美元 汇率7.1 没有在岸业务 不是新企业 增量奖励多少")
    est.handle(reply)
    assert est.inputs["usd_cny_rate"] == D("7.1")
    assert est.inputs["previous_usd_cny_rate"] == D("7.05")


@pytest.mark.parametrize(
    "text",
    [
        "今年离岸130万美元 汇率7.1 还有个120万美元的 算下能拿多少",
        "今年离岸130万美元 汇率7.1 另外一笔120万美元 能拿多少",
    ],
)
def test_another_amount_of_no_year_is_asked(text):
    est = start(text)
    assert est.inputs["offshore_usd"] == D("1300000")  # never replaced by 120万
    assert est.status == "collecting" and "120万美元" in est.question()


def test_another_amount_said_last_years():
    est = start("今年离岸130万美元 汇率7.1 还有个120万美元的 算下能拿多少")
    est.handle("不是 是去年 去年汇率6.9")
    assert est.inputs["previous_offshore_usd"] == D("1200000") and est.inputs["offshore_usd"] == D("1300000")
    assert est.compute()["total_cny"] == 951500.0


def test_another_amount_said_last_years_asks_its_rate():
    est = start("今年离岸130万美元 汇率7.1 还有个120万美元的 算下能拿多少")
    est.handle("去年的")
    assert "3.1" in est.items and est.status == "collecting" and "汇率" in est.question()


def test_another_amount_said_this_years_is_added():
    est = start("今年离岸130万美元 汇率7.1 还有个120万美元的 算下能拿多少")
    est.handle("是今年的另一笔")
    assert est.inputs["offshore_usd"] == D("2500000")


@pytest.mark.parametrize(
    "text",
    [
        "今年离岸250万美元 去年180万美元 汇率分别7.1和6.9 没有在岸 增量奖励",
        "今年离岸250万美元 去年180万美元 汇率分别是7.1、6.9 没有在岸 增量奖励",
        "去年离岸180万美元 今年离岸250万美元 汇率分别6.9和7.1 没有在岸 增量奖励",
        "offshore 2.5M USD this year vs 1.8M USD last year, rates 7.1 and 6.9 respectively, no onshore. increment?",
        "今年离岸250万美元 去年180万美元 汇率今年7.1、去年6.9 没有在岸 增量奖励",
        "今年离岸250万美元 汇率7.1 去年180万美元 汇率6.9 没有在岸 增量奖励",
    ],
)
def test_each_years_rate_in_the_years_order(text):
    inp = start(text).inputs
    assert (inp["usd_cny_rate"], inp["previous_usd_cny_rate"]) == (D("7.1"), D("6.9"))


@pytest.mark.parametrize(
    "text",
    [
        "今年离岸250万美元 去年180万美元 汇率7.1和6.9 没有在岸 增量奖励",
        "今年离岸250万美元 去年180万美元 汇率7.1、6.9 没有在岸 增量奖励",
        "offshore 2.5M USD this year vs 1.8M USD last year, rates 7.1 and 6.9, no onshore. increment award?",
    ],
)
def test_two_rates_of_no_year_are_asked(text):
    est = start(text)
    assert "usd_cny_rate" not in est.inputs and "previous_usd_cny_rate" not in est.inputs
    assert any("7.1和6.9两个汇率" in p for p in est.problems)
    est.handle("今年7.1 去年6.9")
    assert (est.inputs["usd_cny_rate"], est.inputs["previous_usd_cny_rate"]) == (D("7.1"), D("6.9"))


@pytest.mark.parametrize(
    "text",
    [
        "6 senior PMs (all bachelor's or above) did overseas-delivery training, 40k each. Total?",
        "6 senior project managers, all bachelor's degree or above, did offshore delivery training, 40k each",
    ],
)
def test_project_managers_training_in_english(text):
    est = start("Public tech service platform capex 2.4m RMB (servers + licensed software). " + text)
    assert est.inputs["platforms"] == [{"cost_cny": D("2400000")}]  # the training's 40k is no platform cost
    assert len(est.inputs["senior_training"]) == 6
    assert est.compute()["total_cny"] == 840000.0  # 3.9 720,000 + 3.7.3 6 × 20,000


@pytest.mark.parametrize(
    "text",
    [
        "1. 在岸：今年3000万元，去年3500万元\n2. 离岸：今年150万美元（中间价按7.1），去年没有离岸\n3. 连续两年取得新的软件著作权",
        "在岸今年3000万 去年3500万\n离岸今年150万美元 汇率7.1 去年没有离岸\n2场境外展会 各4万",
        "离岸：今年150万美元，汇率7.1，去年无离岸\n3、在岸：今年3000万元，去年3500万元",
    ],
)
def test_none_said_before_a_line_break_is_that_years(text):
    inp = start(text).inputs
    assert inp["previous_offshore_usd"] == 0 and inp["offshore_usd"] == D("1500000")
    assert inp["previous_onshore_cny"] == D("35000000")


def test_a_figure_after_the_none_on_the_same_line_is_still_read():
    inp = start("去年没有离岸 今年离岸150万美元 汇率7.1 在岸两年都没有 增量奖励").inputs
    assert inp["offshore_usd"] == D("1500000") and inp["previous_offshore_usd"] == 0


@pytest.mark.parametrize(
    "text",
    [
        "offshore executed 3.5M USD this year, rate 7.1. offshore award = 10% right? so like 2.4 million RMB?",
        "offshore 3.5 million dollars this year at 7.1, award is 10%, so about 2.4 million RMB?",
    ],
)
def test_the_users_own_result_is_no_amount(text):
    est = start(text)
    assert est.inputs["offshore_usd"] == D("3500000") and est.inputs["usd_cny_rate"] == D("7.1")
    assert est.status == "done"  # never asked to convert the 2.4 million as an offshore amount
    assert est.compute()["total_cny"] == 2000000.0  # 2,485,000 capped at 200万
