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


# Figures read with their roles in run-on messages (round-5 outside cases, rewritten here in new words).
ROLE_CASES = [
    # a cost named right before its figure belongs to that item, not to the offshore amount said earlier
    ("离岸今年做了200万刀 汇率7.0 还有ITSS认证费用花了25万 能补多少", "certifications", [250000]),
    ("我们派了8个项目经理去做离岸项目相关的培训 都是本科 每人培训费5万 能补多少", "senior_training", [50000] * 8),
    # 「一场X一场Y」, 「一个X一个Y」: one cost per event, in the place said before
    ("去广州参展两次 一场花了三万一场花了一万五", "fairs", [30000, 15000]),
    ("参加了两个境外展 一个花了8万一个4万", "fairs", [80000, 40000]),
    ("参加了四个国内的展会 展位费分别是1万 2万 3万 4万", "fairs", [10000, 20000, 30000, 40000]),
]


@pytest.mark.parametrize("text,key,costs", ROLE_CASES)
def test_costs_go_to_the_item_named_next_to_them(text, key, costs):
    s = EstimateSession.start(text)
    assert [int(e["cost_cny"]) for e in s.inputs.get(key, [])] == costs, s.inputs


def test_salaries_are_left_out_of_a_platforms_cost_and_named():
    s = EstimateSession.start("公共服务平台 服务器花了200万 正版软件50万 还有人员工资80万 能补多少")
    assert [int(e["cost_cny"]) for e in s.inputs["platforms"]] == [2500000]
    assert any("工资80万元" in n and "不计入" in n for n in s.notes)


def test_a_corrected_figure_after_bu_shi_is_the_old_one():
    from bot.estimate.session import items_for_inputs

    inputs = {"platforms": [{"cost_cny": Decimal(90000000)}]}
    s = EstimateSession(items=items_for_inputs(inputs), inputs=dict(inputs))
    s.last_keys = list(inputs)
    s.handle("打错了 是90万 不是9000万", "correct_value")
    assert s.inputs["platforms"] == [{"cost_cny": Decimal(900000)}]


def test_a_corrected_foreign_currency_is_asked_not_taken_as_dollars():
    from bot.estimate.session import items_for_inputs

    inputs = {"offshore_usd": Decimal(1500000), "usd_cny_rate": Decimal("7.1")}
    s = EstimateSession(items=items_for_inputs(inputs), inputs=dict(inputs))
    s.last_keys = list(inputs)
    s.handle("搞错了 是150万欧元不是美元", "correct_value")
    assert "offshore_usd" not in s.inputs and s.clarify and "欧元" in s.clarify["question"]


def test_trainees_with_short_contracts_are_not_counted():
    s = EstimateSession.start("认定的服务外包培训机构 培训了25人 其中20个签了两年劳动合同 5个只签了半年 能拿多少")
    assert s.inputs["institution_trainees"] == 20


def test_qualified_interns_after_a_long_aside():
    s = EstimateSession.start(
        "协议签了三年 每年接实习生30个 其中符合条件的应届生（大专以上、实习3个月以上、社保交满6个月）有22个 能补多少"
    )
    assert s.inputs["qualified_interns"] == 22 and s.inputs["interns_per_year"] == 30


def test_two_rates_one_marked_by_its_year():
    s = EstimateSession.start("今年在岸800万 离岸120万美元 去年在岸700万 离岸110万美元 汇率7.1 去年7.0 增量多少")
    assert s.inputs["usd_cny_rate"] == Decimal("7.1") and s.inputs["previous_usd_cny_rate"] == Decimal("7.0")


def test_last_years_figure_after_offshore_zero_is_onshore():
    s = EstimateSession.start("今年境内2000万 离岸0 去年1500万 增量奖励多少")
    assert s.inputs["previous_onshore_cny"] == Decimal(15000000)


def test_a_platforms_lump_sum_is_counted_with_a_note_and_a_breakdown_replaces_it():
    from bot.estimate.session import items_for_inputs

    s = EstimateSession.start("我们建服务外包公共技术服务平台 建设花了600万 能补多少")
    assert s.inputs["platforms"] == [{"cost_cny": Decimal(6000000)}]
    assert any("人员工资" in n and "扣除" in n for n in s.notes)
    inputs = dict(s.inputs)
    s = EstimateSession(items=items_for_inputs(inputs), inputs=inputs)
    s.last_keys = list(inputs)
    s.handle("服务器和网络设备300万 正版软件100万 剩下200万是人员工资", "correct_value")
    assert [{k: v for k, v in p.items() if not k.startswith("_")} for p in s.inputs["platforms"]] == [
        {"cost_cny": Decimal(4000000)}
    ]


def test_a_platforms_whole_investment_is_asked_apart_before_any_amount():
    """「总共投了600万」 (like round 20's 「总投入500万」): a total of all the platform cost, so its purchase part is asked,
    naming the total, and the breakdown gives the amount; 600万 × 30% is never given."""
    s = EstimateSession.start("我们建服务外包公共技术服务平台 总共投了600万 能补多少")
    assert "platforms" not in s.inputs and "600万元" in s.question()
    s.handle("服务器和网络设备300万 正版软件100万 剩下200万是人员工资")
    assert [{k: v for k, v in p.items() if not k.startswith("_")} for p in s.inputs["platforms"]] == [
        {"cost_cny": Decimal(4000000)}
    ]


def test_a_subset_below_the_level_is_taken_out_of_the_running_training():
    from bot.estimate.session import items_for_inputs

    inputs = {"senior_training": [{"cost_cny": Decimal(40000)}] * 6}
    s = EstimateSession(items=items_for_inputs(inputs), inputs=dict(inputs))
    s.last_keys, s.amending = list(inputs), True
    s.handle("那如果其中有两个是专科的呢", "correct_value")
    assert len(s.inputs["senior_training"]) == 4


def test_the_increment_itself_is_counted_as_said_no_year_made_up():
    s = EstimateSession.start("我们今年业务增量是800万 增量奖多少")
    assert s.inputs["increment_cny"] == Decimal(8000000)
    assert "onshore_cny" not in s.inputs and "previous_onshore_cny" not in s.inputs
    assert any("业务增量800万元" in n for n in s.notes)
    s = EstimateSession.start("去年在岸600万 今年增量300万 增量奖多少")
    assert "onshore_cny" not in s.inputs  # this year's amount is asked, never taken from the increment


def test_previous_two_years_make_last_year_the_year_rewarded():
    s = EstimateSession.start("前年在岸2000万 去年在岸2600万 去年的增量奖励多少")
    assert s.inputs["previous_onshore_cny"] == Decimal(20000000) and s.inputs["onshore_cny"] == Decimal(26000000)


def test_travel_beside_a_fair_is_no_other_fair():
    s = EstimateSession.start(
        "都是指定展会：境外新加坡一场展位加特装9万、差旅4万；境内两场分别是展位费1.2万和布展1.8万"
    )
    assert sorted(int(f["cost_cny"]) for f in s.inputs["fairs"]) == [12000, 18000, 90000]
    assert any("差旅4万元" in n for n in s.notes)


def test_the_same_fairs_told_again_are_not_added():
    running = {
        "fairs": [
            {"region": "overseas", "cost_cny": Decimal(90000)},
            {"region": "domestic", "cost_cny": Decimal(12000)},
        ]
    }
    s = EstimateSession.start("境外新加坡一场9万 另外境内一场1.2万", running=running)
    assert len(s.inputs["fairs"]) == 2


def test_an_ordinal_correction_replaces_that_entry():
    from bot.estimate.session import items_for_inputs

    inputs = {
        "fairs": [
            {"region": "overseas", "cost_cny": Decimal(60000)},
            {"region": "overseas", "cost_cny": Decimal(40000)},
        ]
    }
    s = EstimateSession(items=items_for_inputs(inputs), inputs=dict(inputs))
    s.last_keys, s.amending = list(inputs), True
    s.handle("不对 第二个是5万", "correct_value")
    assert [int(f["cost_cny"]) for f in s.inputs["fairs"]] == [60000, 50000]


def test_a_fall_said_before_the_figures_is_not_the_research_spending():
    """「营收有点下降 … 研发投入连续两年增长」: the fall is the business's; the R&D part starts after the last figure."""
    got = inputs("营收有点下降 今年在岸800万 去年900万 汇率7.0 研发投入连续两年增长 增量和创新奖")
    assert got["innovation_rd_growth_two_years"] is True


def test_contracts_of_one_year_are_added_never_the_last_one_taken():
    """「三个离岸合同 一个70万美元 一个25万美元 一个30万美元」: 125万美元 in all (> 100万), 125万 × 10% × 7.1 = 887,500."""
    s = EstimateSession.start(
        "今年签的三个离岸合同都执行完了 一个70万美元 一个25万美元 一个30万美元 汇率7.1 离岸奖能拿多少"
    )
    assert Decimal("1250000") == calculator_inputs(s.inputs)["offshore_usd"]
    assert Decimal("887500") == s.compute()["total_cny"]


def test_none_last_year_beside_this_years_offshore():
    """「在岸两年都是900万 去年没有离岸 今年离岸130万美元」: last year's offshore is 0, never this year's 130万 again;
    (900万 + 130万 × 7.0 − 900万) × 3% = 273,000; 130万 × 10% × 7.0 = 910,000."""
    s = EstimateSession.start("在岸两年都是900万 去年没有离岸 今年离岸130万美元 汇率7.0 增量加离岸多少")
    assert not calculator_inputs(s.inputs).get("previous_offshore_usd")
    assert "done" == s.status and Decimal("1183000") == s.compute()["total_cny"]


def test_one_platforms_purchases_answered_by_part():
    """Answering 「每个平台的…费用是多少」 with parts and a rent: one platform (硬件260万 + 配套40万 + 软件100万 = 400万
    × 30% = 120万); the rent is named as not covered and starts no rent subsidy."""
    s = EstimateSession.start("我们建了一个服务外包公共信息服务平台 能补多少")
    s.handle("硬件服务器260万，配套设施40万，正版软件100万，另外平台场地租金每年30万", "inform")
    assert ["3.9"] == s.items and "done" == s.status, s.question()
    assert Decimal("1200000") == s.compute()["total_cny"]


def test_costs_of_the_certifications_named_before_settle_the_question():
    """CMMI5 40万 → 28万 (under 30万), ITSS 12万 → 8.4万: 364,000."""
    s = EstimateSession.start("资质认证补贴怎么算 我们今年拿了几个认证")
    s.handle("CMMI5和ITSS二级是今年新拿的", "inform")
    s.handle("CMMI5认证费40万，ITSS二级认证费12万", "inform")
    assert "done" == s.status and Decimal("364000") == s.compute()["total_cny"]


def test_as_many_listed_costs_as_fairs_are_one_each():
    """「4个国内展会的展位费：1.5万、2.5万、1万、3万」: four fairs, 10,500 + 17,500 + 7,000 + 20,000 = 55,000."""
    s = EstimateSession.start("今年参加了4个国内展会 都是商务部门指定的 展位费：1.5万、2.5万、1万、3万 补多少")
    assert 4 == len(s.inputs["fairs"]) and Decimal("55000") == s.compute()["total_cny"]


def test_innovation_ruled_out_asks_nothing_for_its_base():
    """Patents only this year and R&D flat: 三（三） is 0, so last year's business is not asked for it."""
    s = EstimateSession.start("今年离岸160万美元 汇率7.1 软著只有今年有 研发投入也没涨 离岸奖和创新奖一共多少")
    assert "done" == s.status and Decimal("1136000") == s.compute()["total_cny"]
