"""Corrections of an estimate that change a status or an entry, not a figure: set up in an earlier year (no
新增企业), a fair taken out or moved to the other region, an item taken out, and a question lead-in before a colon
that is one question with the list after it. Wording of our own, not the case files'."""

from decimal import Decimal

from bot.estimate.clauses import market_fairs
from bot.estimate.session import EstimateSession, changes_an_entry
from bot.estimate.understand import established_earlier, founded_in
from bot.understand.segment import leads_in, question_parts


def total(session) -> Decimal:
    return Decimal(str(session.compute()["total_cny"]))


def fair(region: str, cost: str) -> dict:
    return {"region": region, "cost_cny": Decimal(cost)}


class TestEstablishedInAnExplicitYear:
    def test_explicit_year_then_already_set_up(self):
        """「我们2021年就注册了」: set up before the year rewarded."""
        assert established_earlier("其实我们2021年就注册了")

    def test_business_year_is_no_founding_year(self):
        """「2021年在岸500万」 says a business year, not when the company was set up."""
        assert not established_earlier("2021年在岸500万")
        text = "我们2021年就注册了"
        assert founded_in(text, text.index("年") + 1)

    def test_new_enterprise_corrected_to_established(self):
        """A 新增企业 estimate, then 「2021年就注册了 去年在岸200万」: no first year; (800万 − 200万) × 3%."""
        s = EstimateSession.start("我们是新成立的企业 今年在岸800万 没有离岸 增量奖励多少")
        assert s.inputs["new_enterprise"] is True
        turn = s.handle("不对 我们2021年就注册了 去年也有业务 在岸200万 重新算", "correct_value")
        assert s.inputs["new_enterprise"] is False and Decimal("2000000") == s.inputs["previous_onshore_cny"]
        assert Decimal("180000") == total(s)
        assert not any("year" in m for m in turn.messages)  # no internal key read back


class TestFairTakenOutOrMoved:
    def test_fair_named_by_its_cost_is_taken_out(self):
        """「2万那场…去掉」: the other two fairs stay."""
        fairs = [fair("domestic", "15000"), fair("domestic", "20000"), fair("domestic", "25000")]
        assert [fairs[0], fairs[2]] == market_fairs.drop_by_cost(fairs, "2万那场不是指定的 去掉")

    def test_no_fair_with_that_cost(self):
        assert market_fairs.drop_by_cost([fair("domestic", "15000")], "3万那场去掉") is None

    def test_one_fair_moved_to_the_other_region(self):
        """「那个展其实是在上海办的 是境内的」: the one fair told is domestic now."""
        moved = market_fairs.change_region([fair("overseas", "60000")], "那个展其实是在上海办的 是境内的")
        assert [fair("domestic", "60000")] == moved

    def test_several_fairs_need_all_to_move(self):
        """Two fairs and 「是境内的」 without 都: which one is not guessed."""
        fairs = [fair("overseas", "60000"), fair("overseas", "30000")]
        assert market_fairs.change_region(fairs, "其实是境内的") is None

    def test_taking_a_fair_out_keeps_the_words_about_it_out_of_the_facts(self):
        """「…协会办的 不是指定的 去掉」: the fair goes; the item and the applicant are not ruled out by its words."""
        s = EstimateSession.start("今年在国内参加了三场指定展会 费用分别是1.5万、2万、2.5万 补贴多少")
        s.handle("不对 2万那场是协会自己办的 不是商务部门指定的 把它去掉", "correct_value")
        assert not s.failed()
        assert Decimal("28000") == total(s)  # 1.5万 × 70% + 2.5万 × 70%

    def test_region_correction_after_an_estimate_is_an_amendment(self):
        running = {"fairs": [{"region": "overseas", "cost_cny": "70000"}]}
        assert changes_an_entry("不对 那个展其实是境内的 重新算", running)
        assert not changes_an_entry("那个展是境外的", running)


class TestItemTakenOut:
    def test_item_named_with_a_drop_word_leaves_the_estimate(self):
        """「技术先进型…删掉」 while its status is asked: the other two items are computed."""
        s = EstimateSession.start("今年：技术先进型服务企业资格、CCRC新认证费4万、去了一场境外展 费用5万 一共能拿多少")
        assert "3.4" in s.items and s.status == "collecting"
        turn = s.handle("技术先进型那个是以前拿的 删掉它 剩下的合计多少")
        assert turn.understood and s.status == "done" and "3.4" not in s.items
        assert Decimal("63000") == total(s)  # 4万 × 70% + 5万 × 70%

    def test_other_items_figure_before_a_fair_is_not_the_fairs(self):
        """「CCRC新认证费4万、去了一场境外展 费用5万」: 4万 is the certification's, not a second fair."""
        s = EstimateSession.start("CCRC新认证费4万、去了一场境外展 费用5万 能拿多少")
        assert [fair("overseas", "50000")] == s.inputs["fairs"]
        assert Decimal("40000") == s.inputs["certifications"][0]["cost_cny"]


class TestColonLeadIn:
    def test_question_before_a_colon_opens_the_list(self):
        assert leads_in("报三个可以吗：ITSS维护费10万")
        assert not leads_in("报三个可以吗")

    def test_lead_in_and_list_are_one_question(self):
        text = "一年报四个资质行不行:CMMI3认证费30万 ITSS 10万 PCMM 10万 CCRC 5万 最多补多少"
        assert 1 == len(question_parts(text))

    def test_four_certifications_keep_the_three_largest(self):
        s = EstimateSession.start("一年报四个资质行不行：CMMI3认证费30万，ITSS 10万，PCMM 10万，CCRC 5万 最多补多少")
        assert Decimal("350000") == total(s)  # 21万 + 7万 + 7万
