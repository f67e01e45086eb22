"""Follow-ups and groups the estimate reads in the clause registry: a supposed figure replaces the running
one (「那如果离岸是200万美元呢」), and people counted at several levels are counted only at the level the
clause requires (「其中20个大专 10个中专」)."""

from decimal import Decimal

import pytest

from actions.estimate import ActionEstimateStart, ActionLooseAnswer
from actions.policy import ActionAnswerPolicy
from bot.estimate.reading import is_what_if
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from bot.understand.facts import counted_levels, read_facts
from tests.test_actions import run, slots_of, texts, tracker

RUNNING = {"offshore_usd": "1500000", "usd_cny_rate": "7.05"}
C101 = (
    "我们是认定的服务外包培训机构 今年30个学员考核都通过 都和服务外包企业签了2年合同 其中20个大专 10个中专 按政策给多少"
)


class TestWhatIf:
    @pytest.mark.parametrize(
        "text,expected",
        [
            ("那如果离岸是200万美元呢", True),
            ("那200万美元呢", True),
            ("要是汇率按7.2算呢", True),
            ("what if offshore is USD 2 million", True),
            ("那明年要是离岸做到300万美元 能拿多少", True),
            ("明年离岸300万美元", False),
            ("离岸200万美元", False),
            ("那我们能申报吗", False),
            ("不对，是180万美元", False),
        ],
    )
    def test_what_if_words(self, text, expected):
        assert is_what_if(text) is expected

    @pytest.mark.parametrize(
        "action,intent",
        [(ActionAnswerPolicy, "ask_subsidy"), (ActionEstimateStart, "estimate_award"), (ActionLooseAnswer, "inform")],
    )
    async def test_supposed_figure_replaces_the_running_one(self, action, intent):
        """200万美元 × 10% × 7.05 = 1,410,000: the rate of the running estimate is kept, not asked again."""
        d, events = await run(action(), tracker("那如果离岸是200万美元呢", intent, {"estimate_inputs": RUNNING}))
        assert "1,410,000.00元" in texts(d)
        assert "汇率" not in texts(d).split("按")[0]  # nothing asked before the answer
        assert {"offshore_usd": "2000000", "usd_cny_rate": "7.05"} == slots_of(events)["estimate_inputs"]
        assert "按您假设的数字重新测算：今年离岸执行额200万美元" in texts(d)

    async def test_supposed_figure_without_a_running_estimate_is_a_new_estimate(self):
        d, events = await run(ActionEstimateStart(), tracker("那如果离岸是200万美元呢", "estimate_award"))
        assert "1,410,000.00元" not in texts(d)
        assert "usd_cny_rate" == slots_of(events)["estimate_state"]["pending"]  # the rate is asked, not assumed

    def test_session_recomputes_with_the_supposed_figure(self):
        inputs = {"offshore_usd": Decimal(1500000), "usd_cny_rate": Decimal("7.05")}
        session = EstimateSession(items=["3.2"], inputs=dict(inputs))
        session.last_keys = list(inputs)
        turn = session.handle("那如果离岸是200万美元呢", "correct_value")
        assert session.status == "done" and session.inputs["offshore_usd"] == Decimal(2000000)
        assert turn.messages == ["按您假设的数字重新测算：今年离岸执行额200万美元。"]
        assert Decimal("1410000") == Decimal(str(session.compute()["total_cny"]))


class TestPeopleCountedByLevel:
    def test_groups_are_read_with_their_levels(self):
        assert [(20, "大专", 2), (10, "中专", 1)] == counted_levels(normalize(C101))
        assert [] == counted_levels(normalize("30个学员都是大专"))

    def test_mixed_levels_state_no_single_level(self):
        assert "education_level" not in read_facts(C101)
        assert "中专" == read_facts("学员是中专学历")["education_level"]

    def test_only_the_required_level_is_counted(self):
        """20 大专 × 500元 = 10,000元; the 10 中专 are named as not counted, never included."""
        s = EstimateSession.start(C101)
        assert s.status == "done" and s.items == ["3.7.2"]
        assert 20 == s.inputs["institution_trainees"]
        assert Decimal(10000) == Decimal(str(s.compute()["total_cny"]))
        assert any("10名中专" in n and "大专以上" in n and "不计入" in n for n in s.notes)
        assert {} == s.failed() and {} == s.unsure_conditions()

    def test_all_below_the_level_count_none(self):
        s = EstimateSession.start("认定的培训机构 学员考核都通过 签了2年劳动合同 15个中专 5个初中 能拿多少")
        assert 0 == s.inputs["institution_trainees"]
        assert any("15名中专、5名初中" in n and "不计入" in n for n in s.notes)
        assert Decimal(0) == Decimal(str(s.compute()["total_cny"]))

    def test_several_qualifying_levels_are_added(self):
        s = EstimateSession.start("认定的培训机构 学员考核都通过 签了2年劳动合同 其中12个本科 8个大专 能拿多少")
        assert 20 == s.inputs["institution_trainees"] and not any("不计入" in n for n in s.notes)

    async def test_the_answer_counts_the_required_level(self):
        d, _ = await run(ActionAnswerPolicy(), tracker(C101, "estimate_award"))
        assert "10,000.00元" in texts(d) and "大专以上" in texts(d)
        assert "不符合第三条第（七）项第2点" not in texts(d)


class TestRuledOutItemBesideOthers:
    async def test_a_failed_condition_does_not_stop_the_other_items(self):
        """18 interns/year fails 三（七）4 (20名以上), said first; the fair beside it is still computed:
        2.5万 × 70% = 17,500元, and the internship item is listed at 0 with its reason."""
        text = "每年实习生18个 协议3年 合格的15个；还参加了深圳的一个展 展位费2.5万，这些能拿多少"
        d, _ = await run(ActionAnswerPolicy(), tracker(text, "ask_subsidy"))
        reply = texts(d)
        assert reply.startswith("结论：不符合第三条第（七）项第4点")
        assert "17,500.00元" in reply and "实习实训补贴：不符合条件，0元" in reply
        assert "92,500" not in reply

    async def test_a_question_without_other_figures_gets_the_verdict_only(self):
        d, events = await run(ActionAnswerPolicy(), tracker("每年实习生18个 协议3年 能拿实习补贴吗", "ask_subsidy"))
        assert texts(d).startswith("结论：不符合") and "estimate_inputs" not in slots_of(events)


class TestFairsCountedByPlace:
    ASKED = "今年参加了4个服务外包专业展会，费用都是展位和布展，补贴能拿多少"

    @pytest.mark.parametrize(
        "answer",
        [
            "东京和首尔两场是境外的，各花了9万；成都和杭州两场国内的，各4万",
            "东京、首尔境外各9万；成都、杭州国内各4万；都是商务部门指定的",
        ],
    )
    def test_each_place_is_one_fair(self, answer):
        """2 × min(9万×70%, 5万) + 2 × min(4万×70%, 2万) = 140,000元; a fair's cost is not 在岸执行额."""
        s = EstimateSession.start(self.ASKED)
        assert s.clarify["kind"] == "fair_cost"
        s.handle(answer, "inform")
        regions = sorted((f["region"], f["cost_cny"]) for f in s.inputs["fairs"])
        assert regions == [("domestic", 40000), ("domestic", 40000), ("overseas", 90000), ("overseas", 90000)]
        assert "onshore_cny" not in s.inputs
        assert Decimal(140000) == Decimal(str(s.compute()["total_cny"]))


class TestMaintenanceFee:
    def test_a_maintenance_fee_is_named_as_such(self):
        s = EstimateSession.start("已经有CMMI3了 今年交了维护费12万 这个能补吗")
        assert Decimal(84000) == Decimal(str(s.compute()["total_cny"]))
        assert any(n.startswith("按已获得资质的维护费用计算") for n in s.notes)


class TestOwnResult:
    def test_a_result_the_user_worked_out_is_not_an_amount(self):
        """350万美元 × 10% × 7.1 = 248.5万 is over the 200万 cap: the user's 248.5万 is named, never read as
        an offshore amount, and the capped award is computed."""
        s = EstimateSession.start("offshore今年350万美元 汇率7.1 10%的话是248.5万吧？")
        assert s.status == "done" and s.clarify is None
        assert {"offshore_usd": Decimal(3500000), "usd_cny_rate": Decimal("7.1")} == s.inputs
        assert Decimal(2000000) == Decimal(str(s.compute()["total_cny"]))
        assert any(n.startswith("248.5万是按比例算出的结果") for n in s.notes)

    def test_an_amount_after_a_percentage_without_those_words_is_still_read(self):
        s = EstimateSession.start("离岸执行额占比60%，今年离岸150万美元，汇率7.05")
        assert Decimal(1500000) == s.inputs["offshore_usd"]


class TestGrowthDecidedByFigures:
    def test_flat_onshore_with_new_offshore_is_growth(self):
        """在岸 flat at 800万, offshore 160万美元 this year: increment 11,120,000 × 3% = 333,600;
        离岸 1,112,000; 创新 15% of both = 216,840."""
        s = EstimateSession.start(
            "去年还没离岸业务，在岸800万；今年在岸800万，离岸160万美元，汇率6.95。"
            "软件著作权连续两年都有新登记的。创新发展奖励多少"
        )
        assert {} == s.failed()
        amounts = {i["code"]: Decimal(str(i["amount_cny"])) for i in s.compute()["items"]}
        assert amounts == {"3.1": Decimal(333600), "3.2": Decimal(1112000), "3.3": Decimal(216840)}

    def test_a_stated_decline_without_both_years_still_rules_the_item_out(self):
        s = EstimateSession.start("今年业务比去年少了不少 增量奖励能拿多少")
        assert "3.1" in s.failed()


class TestItemAddedToTheRunningEstimate:
    RUNNING = {
        "offshore_usd": "1300000",
        "usd_cny_rate": "7.2",
        "previous_offshore_usd": "900000",
        "previous_usd_cny_rate": "6.9",
        "innovation_patents_two_years": True,
    }

    @pytest.mark.parametrize("action,intent", [(ActionAnswerPolicy, "ask_subsidy"), (ActionLooseAnswer, "inform")])
    async def test_an_added_item_with_a_total_question_joins_the_estimate(self, action, intent):
        """94,500 + 936,000 + 154,575 + 100,000 (技术先进型) = 1,285,075元."""
        text = "还有技术先进型服务企业资格也是今年新获得的 总共多少"
        d, events = await run(action(), tracker(text, intent, {"estimate_inputs": self.RUNNING}))
        assert "合计：1,285,075.00元" in texts(d)
        assert slots_of(events)["estimate_inputs"]["tech_advanced_new"] is True


async def test_yes_after_an_estimate_computes_nothing_new():
    """「是的」 after an estimate (innovation stated earlier): no estimate of 三（三） alone with a base of 0."""
    from tests.test_estimate_multiturn import conversation

    running = {"onshore_cny": "50000000", "previous_onshore_cny": "40000000", "innovation_rd_growth_two_years": True}
    earlier = ["今年在岸5000万 去年4000万 研发投入连续两年增长 增量和创新奖多少"]
    d, events = await run(ActionLooseAnswer(), conversation("是的", "affirm", {"estimate_inputs": running}, earlier))
    assert "0.00元" not in texts(d) and "创新发展奖励" not in texts(d)


async def test_a_self_description_that_completes_an_estimate_gets_its_amount():
    """No question asked, but every figure given: 33 × 500 = 16,500 (三（七）2)."""
    d, _ = await run(
        ActionLooseAnswer(),
        tracker("我们是认定的服务外包培训机构 今年培训了33个本科学员 都考核合格 都签了两年劳动合同", intent="inform"),
    )
    assert "16,500.00元" in texts(d)
