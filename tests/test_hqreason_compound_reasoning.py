"""Compound and reasoning questions (hqreason): a part lost after the first answer (「能报不能报 还有就是…」, 「这个和
增量奖励能同时拿吗」), costs a clause does not pay (工资), one alternative of 三（三） supposed alone, the gap to an
inclusive bound (「还差几个月」), 「超过」 at exactly the number in an estimate, two items' caps asked separate or shared,
rent years said as 「住了N年」 and a contract amount with 多 as a floor, a company a university started."""

import asyncio
from decimal import Decimal

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.policy import ActionAnswerPolicy
from bot.answers import router, subsidies
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import understand
from bot.understand.facts import read_facts_cached
from calculator import calculate


def reply(text: str, intent: str = "ask_subsidy") -> str:
    """What the policy action says to `text` as the first message of a conversation."""
    msg = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [], "message_id": "hqr"}
    tracker = Tracker(
        "hqr", {}, msg, [{"event": "user", "text": text, "timestamp": 1}], False, None, {}, "action_listen"
    )
    d = CollectingDispatcher()
    asyncio.run(ActionAnswerPolicy().run(d, tracker, {}))
    return "\n".join(m.get("text") or "" for m in d.messages)


class TestPairedQuestionSplits:
    @pytest.mark.parametrize(
        "text",
        [
            "我们公司开了几家门店卖手机 这种能申请不能申请 还有一年封顶到底多少钱",
            "我们是做装修施工的 可以不可以报 另外每家企业一年最多领多少",
            "我们做的是跑长途货运 符合不符合 然后一家企业全年奖补总额有上限吗",
        ],
    )
    def test_the_second_question_is_a_part_of_its_own(self, text):
        parts = router.message_parts(understand(text))
        assert len(parts) == 2
        assert "500万" in router.answer_part(None, parts[1], [], None, None, {}).text


class TestTogetherWithTheItemTalkedAbout:
    @pytest.mark.parametrize(
        "text, topic, other",
        [
            ("那这个跟增量奖励可以一起拿吗", "3.2", "第三条第（一）项"),
            ("它和离岸奖励能同时申请吗", "3.1", "第三条第（二）项"),
            ("刚算的这个与展会补贴可不可以都拿", "3.6", "第三条第（五）项"),
        ],
    )
    def test_both_items_can_be_had_within_the_annual_total(self, text, topic, other):
        out = router.compose_one(None, understand(text), [], topic, None).text
        assert out.startswith("可以同时申报") and "500万" in out and other in out

    def test_the_two_business_awards_are_the_base_of_the_innovation_award(self):
        out = router.compose_one(None, understand("这项和增量奖能一起拿吗"), [], "3.2", None).text
        assert "第三条第（三）项" in out and "基数" in out

    def test_another_policy_stays_a_double_claim(self):
        out = router.compose_one(None, understand("这个和省里的补贴能同时拿吗"), [], "3.2", None).text
        assert not out.startswith("可以同时申报")


class TestSalariesAreNotEligibleCosts:
    @pytest.mark.parametrize(
        "code, text",
        [
            ("3.9", "平台上运维同事的薪酬能不能也算进来"),
            ("3.5", "去参展那几个销售的工资可以一起报吗"),
            ("3.8.3", "员工工资能否计入补贴"),
            ("3.7.3", "受训经理培训期间的薪资算不算"),
        ],
    )
    def test_a_salary_is_named_as_not_covered(self, code, text):
        line = subsidies.aspect_line(code, understand(text))
        assert line.startswith("不能算") and "不在" in line

    def test_a_listed_cost_is_still_covered(self):
        assert subsidies.aspect_line("3.5", understand("展位费能不能算进去")).startswith("算，可以补")


class TestOneAlternativeSupposedAlone:
    @pytest.mark.parametrize(
        "text",
        [
            "那要是光研发投入增长了一年 能算吗",
            "假如仅仅是研发费用涨了1年 行不行",
            "单凭研发经费只有一年是增加的 可以吗",
        ],
    )
    def test_other_alternatives_told_before_do_not_carry_it(self, text):
        facts = {"innovation_patents_two_years": True}
        out = router.answer_part(None, understand(text), [], "3.3", None, facts).text
        assert "不能算" in out and "研发投入持续两年保持增长" in out
        assert "结论：符合" not in out

    def test_without_the_supposition_the_told_alternative_still_counts(self):
        facts = {"innovation_patents_two_years": True}
        out = router.answer_part(None, understand("研发投入连续两年都在涨 能拿创新奖励吗"), [], "3.3", None, facts).text
        assert "不能算" not in out


class TestGapToAnInclusiveBound:
    @pytest.mark.parametrize(
        "text, gap",
        [
            ("留用的毕业生社保才交了4个月 实习补贴能拿吗 差几个月", "还差2个月"),
            ("我们跟学院的实训协议只签了1年 能不能拿实习补贴", "还差1年"),
            ("公司在重点园区入驻两年了 房租补贴能申请吗", "还差1年"),
        ],
    )
    def test_the_shortfall_is_said(self, text, gap):
        out = reply(text)
        assert out.startswith("结论：不符合") and gap in out

    def test_no_gap_when_the_bound_is_met(self):
        assert "还差" not in reply("留用的毕业生社保交了8个月 实习补贴能拿吗")


class TestExcludedBoundInEstimates:
    @pytest.mark.parametrize("usd", [1000000])
    def test_exactly_one_million_dollars_is_not_over_it(self, usd):
        item = calculate({"offshore_usd": usd, "usd_cny_rate": 7})["items"][0]
        assert item["amount_cny"] == 0 and "不包含本数" in item["explanation"]

    def test_just_over_it_says_nothing_of_the_bound(self):
        item = calculate({"offshore_usd": 1000001, "usd_cny_rate": 7})["items"][0]
        assert item["amount_cny"] > 0 and "不包含本数" not in item["explanation"]

    def test_a_contract_of_exactly_five_million_is_not_over_it(self):
        data = {"rent_annual_cny": 300000, "rent_area_m2": 500, "rent_years_in_park": 4}
        item = calculate(dict(data, rent_contract_amount_cny=5000000))["items"][0]
        assert item["amount_cny"] == 0 and "不包含本数" in item["explanation"]


class TestSeparateCaps:
    @pytest.mark.parametrize(
        "text",
        [
            "增量奖励封顶200万 离岸奖励也是200万 这俩上限是各算各的吗",
            "离岸奖跟增量奖是不是共用一个额度",
            "does the 离岸奖励 上限 stand separate from the 增量奖励 one",
        ],
    )
    def test_each_item_has_its_own_cap_and_the_total_is_shared(self, text):
        out = router.compose_one(None, understand(text), [], None, None).text
        assert out.startswith("分开算") and "第三条第（一）项" in out and "第三条第（二）项" in out and "500万" in out


class TestRentFigures:
    @pytest.mark.parametrize(
        "text, years",
        [
            ("在重点园区住了五年了 年租金60万 面积800平 合同执行额900万 房租补贴多少", Decimal(5)),
            ("公司在园区里待了4年 租了600平 每年房租40万 执行额1200万 能补多少房租", Decimal(4)),
            ("我们搬来软件园3年了 办公室700平 一年租金50万 合同额两千万 租金补贴", Decimal(3)),
        ],
    )
    def test_years_said_as_staying(self, text, years):
        assert EstimateSession.start(understand(text)).inputs.get("rent_years_in_park") == years

    @pytest.mark.parametrize("said, floor", [("九百多万", 9000000), ("1500多万", 15000000), ("两千多万", 20000000)])
    def test_a_contract_amount_with_duo_is_its_floor(self, said, floor):
        text = f"园区入驻4年 租了900平 年租金70万 合同执行额{said} 房租补贴能补多少"
        inputs = EstimateSession.start(understand(text)).inputs
        assert inputs.get("rent_contract_amount_cny") == Decimal(floor)


class TestCompanyStartedByAUniversity:
    @pytest.mark.parametrize(
        "text", ["我们是一所大学孵化出来的公司", "我们属于高校投资设立的企业", "我们是郑州一家高校创办的科技公司"]
    )
    def test_the_company_is_the_applicant(self, text):
        assert read_facts_cached(understand(text)).get("entity_type") != "other"

    def test_the_university_itself_is_no_enterprise(self):
        assert read_facts_cached(understand("我们是郑州的一所公办高校")).get("entity_type") == "other"
