"""Each figure of an estimate read in its role (issue 14): the policy's own caps, marks compared with, the user's own
results, signed amounts set apart and reasons for people left out are never read as business figures; corrections
and follow-ups are merged into the running estimate."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession, items_for_inputs
from bot.nlu.normalize import normalize
from bot.understand.facts import message_facts, read_facts


def amounts(session) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in session.compute()["items"]}


def total(session) -> Decimal:
    return Decimal(str(session.compute()["total_cny"]))


def answered(first, *answers):
    s = EstimateSession.start(normalize(first))
    for a in answers:
        s = EstimateSession.load(s.dump())
        s.handle(normalize(a))
    return s


def amended(first, correction, *between):
    """The running estimate of `first`, then `correction` applied as the bot applies one (amend_last_estimate)."""
    s = answered(first, *between)
    assert "done" == s.status, s.question()
    inputs = s.inputs
    session = EstimateSession(items=items_for_inputs(inputs), inputs=dict(inputs))
    session.last_keys = list(inputs)
    session.amending = True
    turn = session.handle(correction, "correct_value")
    return session, turn


def followed(first, second):
    """A message after a finished estimate, read with the running inputs and the facts told."""
    s = EstimateSession.start(normalize(first))
    assert "done" == s.status, s.question()
    return EstimateSession.start(normalize(second), known=s.facts, running=s.inputs)


class TestPolicyFiguresAreNotTheUsers:
    def test_total_cap_named_with_fengding_is_not_a_platform_cost(self):
        s = answered(
            "上年境内5000万 本年境内1.1亿加离岸210万美元 汇率7.1 研发投入连续两年增长 另外CMMI5认证费50万 "
            "平台投入200万 这些一起拿会不会超过500万封顶",
            "上年没有离岸 就这些",
        )
        assert [{"cost_cny": "2000000"}] == [{"cost_cny": str(p["cost_cny"])} for p in s.inputs["platforms"]]
        assert Decimal("600000") == amounts(s)["3.9"]
        assert Decimal("4914650") == total(s)

    @pytest.mark.parametrize("cost", ["120", "260", "480", "90"])
    def test_any_platform_cost_beside_a_named_cap_is_read_alone(self, cost):
        s = EstimateSession.start(normalize(f"公共服务平台买硬件和正版软件投入{cost}万 会不会超过200万的上限"))
        assert "done" == s.status, s.question()
        assert Decimal(cost) * 10000 == Decimal(str(s.inputs["platforms"][0]["cost_cny"]))

    @pytest.mark.parametrize("text", ["平台投入200万 上限是多少", "公共服务平台买硬件软件投入200万上限是多少"])
    def test_a_cost_beside_a_question_about_the_cap_is_the_users(self, text):
        s = EstimateSession.start(normalize(text))
        assert Decimal("2000000") == Decimal(str(s.inputs["platforms"][0]["cost_cny"]))

    def test_a_cost_equal_to_a_cap_but_not_named_as_one_is_still_the_users(self):
        s = EstimateSession.start(normalize("公共服务平台买硬件和软件花了500万，能补多少"))
        assert Decimal("1500000") == total(s)

    def test_round_mark_compared_with_is_not_a_second_investment(self):
        s = answered(
            "园区引进的软件项目吸引外资1999万美元 接近2000万了 是不是能按19.99万奖励",
            "我们是市级服务外包示范园区 园区由我们公司运营 项目属于软件和信息服务业",
        )
        assert "done" == s.status, s.question()
        assert Decimal("19990000") == Decimal(str(s.inputs["park_foreign_investment_usd"]))
        assert Decimal("100000") == total(s)


class TestUsersOwnResults:
    def test_increment_award_worked_out_by_rate_is_the_innovation_base_after_its_cap(self):
        s = EstimateSession.start(
            normalize("我们增量按3%算出来是250万 离岸奖励算出来180万 连续两年有新发明专利 创新奖励是多少")
        )
        assert "done" == s.status
        assert Decimal("570000") == total(s)  # 15% × (200万 capped + 180万)

    def test_award_given_above_its_cap_counts_at_the_cap(self):
        s = EstimateSession.start(normalize("增量奖励是250万 离岸奖励是180万 研发投入连续两年增长 创新奖励多少"))
        assert Decimal("570000") == total(s)
        assert "超过单项上限" in s.compute()["items"][0]["explanation"]

    def test_a_rate_result_without_innovation_asked_stays_a_checked_result(self):
        s = EstimateSession.start(normalize("离岸350万美元 汇率7.1 10%的话是248.5万吧"))
        assert Decimal("2000000") == total(s)
        assert not any(k.startswith("_award_") for k in s.inputs)

    def test_users_award_figure_is_never_written_beside_the_award_name(self):
        from actions.estimating import estimate_reply

        s = EstimateSession.start(
            normalize("我们集团在郑州的老公司(不是新企业) 去年境内执行额1.2亿 今年2.1亿 都是境内 增量奖励3%是270万吗")
        )
        text = estimate_reply(s, s.compute())
        assert "2,000,000.00元" in text
        assert "奖励270万元" not in text and "可获270万" not in text


class TestApplicantsAndCounts:
    def test_institution_that_is_also_an_enterprise_keeps_both_items(self):
        s = answered(
            "我们机构是已认定的服务外包培训机构 今年有60名学员全部符合条件 能拿多少",
            "还有 我们机构本身也是服务外包企业 自己有12个项目经理（都本科）参加了涉外业务培训 每人费用4万 这个也能补吧 一共多少",
        )
        assert {"3.7.2": Decimal("30000"), "3.7.3": Decimal("240000")} == amounts(s)

    def test_also_an_enterprise_does_not_replace_the_type(self):
        assert "applicant_type" not in read_facts("我们机构本身也是服务外包企业")
        assert read_facts("我们机构本身也是服务外包企业").get("applicant_itself_enterprise") is True

    def test_another_institution_is_no_trainee_and_a_platform_named_after_its_cost(self):
        s = EstimateSession.start(
            normalize(
                "我们合作的另一个培训机构还在申请本市服务外包培训机构认定，还没批下来，今年培训了80个合格学员；"
                "另外它还投了150万建服务外包公共培训服务平台(硬件+正版软件)。两项能拿多少"
            )
        )
        assert "done" == s.status, s.question()
        assert 80 == s.inputs["institution_trainees"]
        assert {"3.7.2": Decimal("0"), "3.9": Decimal("450000")} == amounts(s)


class TestFollowUpsAndCorrections:
    def test_platform_cost_split_after_the_estimate(self):
        s = followed(
            "平台建设花了760万 按政策能补贴多少钱",
            "补充下 760万里面有180万是平台人员工资和房租 剩下580万都是服务器和正版软件",
        )
        assert ["3.9"] == s.items
        assert Decimal("1740000") == total(s)

    def test_signed_contract_amount_set_apart_in_a_correction(self):
        session, turn = amended(
            "增量奖励能算吗 去年离岸120万美元 今年离岸200万美元",
            "不对 今年是190万美元 200万那个是合同额",
            "汇率去年6.73 今年7.05 在岸两年都没有",
        )
        assert turn.understood
        assert Decimal("1900000") == session.inputs["offshore_usd"]
        assert Decimal("1499070") == total(session)

    def test_reason_for_people_left_out_is_not_the_counted_peoples_fact(self):
        assert "internship_months" not in read_facts("不对不对，符合条件的是16个，有6个实习没满三个月")
        assert "internship_months" in read_facts("有6个实习没满三个月")
        assert "education_level" in read_facts("合格的30个 有5个是高中")  # no stated count: said of the group

    def test_corrected_qualified_count_is_estimated(self):
        session, _ = amended(
            "实训协议是和郑大签的，期限3年，每年来的服务外包实习生有25个，符合条件的应届毕业生22个，这块补贴多少",
            "不对不对，符合条件的是16个，有6个实习没满三个月",
        )
        assert Decimal("80000") == total(session)

    def test_last_years_offshore_in_an_increment_follow_up_is_not_this_years(self):
        assert "offshore_usd" not in message_facts("那增量奖励呢 去年离岸是90万美元 去年汇率6.9 两年国内业务都是0")
        assert (
            Decimal("900000")
            == message_facts("离岸奖励要求超过100万美元，我们去年做了90万美元 今年还没统计")["offshore_usd"].lo
        )

    def test_what_if_meeting_a_condition_recomputes(self):
        session, turn = amended(
            "我们是认定过的服务外包培训机构 今年培训了30个学员 都是大专 都考核通过了 跟服务外包企业签的劳动合同是10个月的",
            "那如果都签一年的劳动合同呢能有多少钱",
        )
        assert turn.understood and session.facts_changed
        assert Decimal("15000") == total(session)

    def test_offshore_added_to_a_rent_estimate_feeds_its_contract_amount(self):
        s = followed(
            "我们在市级重点园区入驻四年了 今年在岸执行额480万 办公900平 年租金54万 租金补贴有吗",
            "等下 我漏算了离岸 还有8万美元 汇率7.1 这样合同额够了吧 补多少",
        )
        assert "done" == s.status, s.question()
        assert Decimal("162000") == amounts(s)["3.8.3"]


class TestStatedIncrement:
    def test_onshore_increment_beside_both_years_offshore(self):
        s = EstimateSession.start(
            normalize(
                "在岸增量8000万 离岸今年300万美元汇率7.2 去年离岸为0 我们研发投入连续两年增长 创新奖是按增量奖加离岸奖的15% 那创新奖多少"
            )
        )
        assert "done" == s.status, s.question()
        assert Decimal("600000") == amounts(s)["3.3"]

    def test_onshore_increment_with_last_years_offshore_untold_asks_it(self):
        s = EstimateSession.start(normalize("在岸增量8000万 离岸今年300万美元汇率7.2 研发投入连续两年增长 创新奖多少"))
        assert "collecting" == s.status
        assert "previous_offshore_usd" == s.pending
