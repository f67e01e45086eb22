"""Each figure read with its role, never invented (issue 14): who a training cost is for, what a count
points at, what a total includes, where a place word belongs, which year a figure is, a difference of
years; a figure whose role is unclear is asked about, named as the user wrote it."""

from decimal import Decimal

from bot.answers.eligibility import facts_from
from bot.estimate.session import EstimateSession, question_for
from bot.nlu.normalize import normalize


def costs(session, key):
    return [e["cost_cny"] for e in session.inputs.get(key, [])]


def test_training_groups_below_the_level_are_not_counted_and_named():
    s = EstimateSession.start(
        "送去涉外业务培训的有：本科项目经理两人，费用分别1.2万和1.8万；大专学历的部门经理1人2万，能补多少"
    )
    assert costs(s, "senior_training") == [Decimal("12000"), Decimal("18000")]
    assert any("2万" in n and "本科以上学历" in n and "不计入" in n for n in s.notes)


def test_training_group_of_unsettled_title_stays_counted():
    """高级工程师 is no 工程师: its rank against 项目经理 is not settled, so it is asked, not dropped."""
    s = EstimateSession.start(
        "今年4个人参加涉外业务培训：2个本科项目经理各3万；1个高级工程师本科2万；还有1个专科的测试人员1.5万"
    )
    assert costs(s, "senior_training") == [Decimal("30000"), Decimal("30000"), Decimal("20000")]
    assert any("1.5万" in n and "不计入" in n for n in s.notes)


def test_a_demonstrative_count_is_no_count_of_interns():
    s = EstimateSession.start("签了两年的实训协议，每年收22个实习生，今年有8个应届生符合条件，那这两个补贴怎么算")
    assert s.inputs["qualified_interns"] == 8


def test_a_demonstrative_count_with_the_qualification_is_the_count():
    s = EstimateSession.start("实训协议签了4年 每年实习生24个 这24个都符合应届毕业生的条件 补多少")
    assert s.inputs["qualified_interns"] == 24


def test_the_qualified_interns_are_asked_as_part_of_the_interns_told():
    s = EstimateSession.start("和郑州一所学院签了三年实训协议 今年招了26个实习生 实训补贴多少")
    assert s.pending == "qualified_interns"
    assert "26名实习生中" in question_for(s.pending, s)


def test_a_platform_total_with_wages_in_it_is_asked_about_not_computed():
    s = EstimateSession.start("我们的公共信息服务平台投资总额500万 其中包括运营人员工资和房租 还有服务器 能补多少")
    assert "platforms" not in s.inputs
    assert s.clarify["kind"] == "platform_breakdown"
    assert "500万" in s.clarify["question"] and "人员工资" in s.clarify["question"]
    assert s.handle("服务器和正版软件一共220万", "inform").understood
    assert costs(s, "platforms") == [Decimal("2200000")]


def test_a_place_word_before_a_fair_is_no_offshore_business():
    s = EstimateSession.start("境外一个展会特装费7万；另外3个本科的项目经理参加涉外培训，每人2万")
    assert costs(s, "senior_training") == [Decimal("20000")] * 3
    assert s.clarify is None and "offshore_usd" not in s.inputs


def test_an_amount_after_an_overseas_fair_is_asked_for_its_kind():
    s = EstimateSession.start("海外一场展会展位费8万，另外今年执行额500万")
    assert "offshore_usd" not in s.inputs
    assert s.clarify["kind"] == "business_kind" and "500万" in s.clarify["question"]


def test_the_year_before_in_other_words():
    s = EstimateSession.start("今年在岸1500万 之前那一年在岸1300万 增量奖多少")
    assert s.inputs["previous_onshore_cny"] == Decimal("13000000")


def test_another_years_figure_after_both_kinds_is_asked_naming_it():
    s = EstimateSession.start("今年境内800万，离岸50万美元，汇率7，上一年是700万，两个奖一共多少")
    assert "previous_offshore_usd" not in s.inputs and "previous_onshore_cny" not in s.inputs
    assert s.clarify["kind"] == "business_kind" and "700万" in s.clarify["question"]


def test_a_difference_of_years_is_named_never_computed():
    s = EstimateSession.start("我们今年离岸比上年多出了120万 增量奖多少")
    assert not any(k in s.inputs for k in ("onshore_cny", "offshore_usd", "previous_offshore_usd"))
    assert any("120万" in p and "美元还是人民币" in p for p in s.problems)


def test_figures_are_named_as_the_user_wrote_them():
    s = EstimateSession.start("今年营收2.5亿 去年1.8亿 增量奖能拿多少")
    assert "2.5亿" in s.clarify["question"] and "1.8亿" in s.clarify["question"]


def test_a_fairs_registration_fee_is_no_place_of_registration():
    assert "registered_in_zhengzhou" not in facts_from(normalize("去迪拜参展，在迪拜注册费3万、展位费5万"))
    assert facts_from(normalize("公司在洛阳注册的"))["registered_in_zhengzhou"] is False


def test_read_backs_are_written_as_people_write_them():
    """1.35亿 read back as 1.35亿元 (never 13,500万元); 2700万 as 2700万 (no separator inside 万)."""
    from calculator.text import amount

    assert amount(Decimal("135000000")) == "1.35亿元" and amount(Decimal("27000000"), "美元") == "2700万美元"
    assert amount(Decimal("135000123")) == "135,000,123元"  # not a whole 万: every digit kept
    from bot.estimate.session import restate

    said = restate(EstimateSession.start("今年在岸1.35亿 去年在岸1.1亿 增量奖多少").inputs)
    assert "1.35亿" in said and "1.1亿" in said and "13,500万" not in said
