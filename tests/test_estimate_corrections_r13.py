"""Round 13 (estimates): a follow-up that corrects a status the running estimate was computed with (新增企业 →
set up a year earlier) amends that estimate, its figures read with their own year words; an amount said to hold a
part of the other kind (「…美元 这里头有些是做境内项目的」) is not that kind's amount and its part is asked.
New wording, not the case files'."""

from decimal import Decimal

from actions.estimate import ActionEstimateStart
from bot.estimate.session import EstimateSession, changes_a_status, items_for_inputs, to_json
from bot.estimate.understand import established_earlier, other_kind_part, read
from tests.test_actions import run, slots_of, texts
from tests.test_estimate_multiturn import conversation


def amend(session, text):
    """The running estimate corrected by `text`, as the correction path does: (the amended session, its turn)."""
    amended = EstimateSession(items=list(session.items), inputs=dict(session.inputs))
    amended.amending = True
    return amended, amended.handle(text, "correct_value")


class TestEstablishedEarlier:
    def test_set_up_a_year_before_is_no_new_enterprise(self):
        """「上年就注册了」「前年已经成立」: not the first year; 「今年刚成立」 still is."""
        assert established_earlier("核对了一下 我们上年就注册了")
        assert established_earlier("公司前年已经成立了")
        assert not established_earlier("我们是今年刚成立的")
        assert read("其实我们上年就注册了 上年在岸150万", items=["3.1"]).fields["new_enterprise"] is False
        assert read("我们今年才注册 在岸500万", items=["3.1"]).fields["new_enterprise"] is True

    def test_status_change_is_a_correction_of_the_running_estimate(self):
        running = {"new_enterprise": True, "onshore_cny": Decimal("5000000")}
        assert changes_a_status("不对 我们上年就注册了 上年在岸150万", running)
        assert not changes_a_status("上年在岸150万", running)
        assert not changes_a_status("我们今年刚成立的", running)
        assert not changes_a_status("我们上年就注册了", None)


class TestStatusCorrectedAfterAnEstimate:
    """First estimate: new this year, 在岸520万 + 离岸40万美元 × 7.1 = 8,040,000 × 3% = 241,200. Then: set up last
    year, last year 在岸300万 and no offshore → (8,040,000 − 3,000,000) × 3% = 151,200."""

    FIRST = "帮我算个增量 今年在岸520万 离岸40万美元 汇率7.1 公司今年刚注册"
    SECOND = "稍等 会计提醒我们上年就注册了 上年在岸300万 离岸没有 增量是多少"

    def test_session_amended(self):
        first = EstimateSession.start(self.FIRST)
        assert Decimal("241200") == first.compute()["total_cny"]
        amended, turn = amend(first, self.SECOND)
        assert turn.understood and "done" == amended.status
        assert amended.inputs["new_enterprise"] is False
        assert Decimal("3000000") == amended.inputs["previous_onshore_cny"]
        assert Decimal("5200000") == amended.inputs["onshore_cny"]  # this year's figure is not the 去年 one
        assert Decimal("151200") == amended.compute()["total_cny"]

    def test_none_said_after_last_years_words_is_last_years(self):
        """「上年在岸300万 没做离岸」 in a message about last year only: this year's 40万美元 stays (the running
        estimate's items include 三（二）, so a none said for both years would have wiped it)."""
        first = EstimateSession.start(self.FIRST)
        amended = EstimateSession(items=items_for_inputs(first.inputs), inputs=dict(first.inputs))
        amended.amending = True
        amended.handle("等一下 我们上年就注册了 上年在岸300万 没做离岸 增量多少", "correct_value")
        assert Decimal("400000") == amended.inputs["offshore_usd"]
        assert Decimal("0") == amended.inputs["previous_offshore_usd"]
        assert Decimal("151200") == amended.compute()["total_cny"]

    async def test_through_the_estimate_start(self):
        """Asked again as an estimate request: the running estimate is corrected, not restarted on last year's
        figures as this year's (300万 × 3% = 90,000 stated for a 新增企业 would be the wrong figure)."""
        first = EstimateSession.start(self.FIRST)
        tracker = conversation(
            self.SECOND, "estimate_award", {"estimate_inputs": to_json(first.inputs)}, earlier=[self.FIRST]
        )
        d, events = await run(ActionEstimateStart(), tracker)
        reply = texts(d)
        assert "151,200" in reply
        assert "90,000" not in reply and "新增企业首年按纯增量" not in reply
        assert "3000000" == slots_of(events)["estimate_inputs"]["previous_onshore_cny"]

    def test_year_word_of_a_follow_up_kept_while_this_year_is_asked(self):
        """The open question asks this year's amount; 「上年在岸…」 answers for last year all the same."""
        s = EstimateSession.start("增量奖励怎么算 帮我测一下 我们是老企业")
        s.handle("上年在岸300万", "inform")
        assert Decimal("3000000") == s.inputs.get("previous_onshore_cny")
        assert "onshore_cny" not in s.inputs


class TestPartOfTheOtherKind:
    def test_dollars_with_a_domestic_part_are_not_the_offshore_amount(self):
        """180万美元 of which some is 境内: the offshore part is asked naming 180万美元; 180万 × 10% × 7.1 = 1,278,000
        is never stated."""
        s = EstimateSession.start("今年合同执行额180万美元 中间价7.1 这里头有些是做境内项目的 离岸奖励算一下")
        assert "collecting" == s.status
        assert "offshore_usd" not in s.inputs
        question = s.question()
        assert "180万美元" in question and "离岸" in question and "多少美元" in question
        assert "1,278,000" not in question and "127.8万" not in question
        s.handle("离岸部分是150万美元", "inform")
        assert "done" == s.status
        assert Decimal("1065000") == s.compute()["total_cny"]  # 150万 × 10% × 7.1

    def test_yuan_with_an_overseas_part_are_not_the_onshore_amount(self):
        r = read("今年在岸800万 当中一部分是海外客户的 上年在岸600万 增量多少", items=["3.1"])
        assert "onshore_cny" not in r.fields
        assert Decimal("6000000") == r.fields["previous_onshore_cny"]
        assert ["part"] == [c.kind for c in r.clarifications]
        assert "800万元" in r.clarifications[0].question and "在岸" in r.clarifications[0].question

    def test_words_of_the_same_kind_or_none_are_no_part(self):
        """A part of the same kind, or a part said to be of no other kind, leaves the amount whole."""
        assert other_kind_part(" 一部分是欧洲客户的海外项目", "offshore") is None
        assert other_kind_part(" 其中一部分是国内的", "offshore")
        assert other_kind_part(" 其中一部分是境外的", "onshore")
        r = read("今年离岸150万美元 汇率7 都是海外客户 离岸奖多少", items=["3.2"])
        assert Decimal("1500000") == r.fields["offshore_usd"] and not r.clarifications


class TestOneContractOfASumCorrected:
    """Three offshore contracts 50万 + 30万 + 35万美元 = 115万美元 (× 10% × 7.2 = 828,000); the last one corrected to
    44万美元 → 124万美元 × 10% × 7.2 = 892,800, never 44万美元 alone (below 100万美元: 0)."""

    FIRST = "今年做了三笔离岸订单，一个50万美元，一个30万美元，一个35万美元，中间价7.2，离岸奖励能拿多少"

    def test_last_contract_corrected_by_its_place(self):
        s = EstimateSession.start(self.FIRST)
        assert Decimal("828000") == s.compute()["total_cny"]
        amended, turn = amend(s, "搞错了 最后一笔实际是44万美元")
        assert turn.understood and "done" == amended.status
        assert Decimal("1240000") == amended.inputs["offshore_usd"]
        assert Decimal("892800") == amended.compute()["total_cny"]
        assert any("124万美元" in m for m in turn.messages)

    def test_contract_corrected_by_its_old_figure(self):
        s = EstimateSession.start(self.FIRST)
        amended = EstimateSession(items=list(s.items), inputs=dict(s.inputs))
        turn = amended.handle("有一笔写错了 是44万美元 不是35万", "correct_value")
        assert turn.understood
        assert Decimal("1240000") == amended.inputs["offshore_usd"]

    def test_whole_amount_corrected_when_no_contract_is_named(self):
        """「离岸其实一共是120万美元」 names no contract: it is the year's amount."""
        s = EstimateSession.start(self.FIRST)
        amended = EstimateSession(items=list(s.items), inputs=dict(s.inputs))
        amended.handle("不对 离岸其实一共是120万美元", "correct_value")
        assert Decimal("1200000") == amended.inputs["offshore_usd"]

    def test_place_and_old_figure_disagreeing_is_not_guessed(self):
        from bot.estimate.session import contract_named

        values = [Decimal("500000"), Decimal("300000"), Decimal("350000")]
        assert 1 == contract_named("第2个其实是40万美元", values)
        assert 0 == contract_named("前一个是60万美元", values)
        assert contract_named("第一个是40万美元 不是35万", values) is None
        assert contract_named("第五个是40万美元", values) is None

    async def test_through_the_loose_answer(self):
        """The contracts survive in the conversation's running estimate (the slot) for the correction."""
        from actions.estimate import ActionLooseAnswer

        s = EstimateSession.start(self.FIRST)
        tracker = conversation(
            "最后一笔其实执行了44万美元，不是35万", "correct_value", {"estimate_inputs": to_json(s.inputs)}
        )
        d, events = await run(ActionLooseAnswer(), tracker)
        assert "892,800" in texts(d)
        assert "1240000" == slots_of(events)["estimate_inputs"]["offshore_usd"]


class TestWhoOfTheGroupQualifies:
    """三（七）3 counts only 本科以上、项目经理以上 (at most 20 a year). 「公司28名员工…每人学费4万」 says nothing of their
    学历 or 职位: how many qualify is asked, naming the group; 20 × 2万 = 40万 is not stated before the answer."""

    SAID = "公司28名员工参加了涉外业务培训 每人学费4万 补贴多少"

    def test_asked_before_any_figure(self):
        s = EstimateSession.start(self.SAID)
        assert "collecting" == s.status and "senior_training" not in s.inputs
        question = s.question()
        assert "28人" in question and "本科以上学历" in question and "项目经理以上职位" in question
        assert "40万" not in question and "400,000" not in question

    def test_count_that_qualifies(self):
        """15 of them: 15 × min(4万 × 50%, 3万) = 300,000."""
        s = EstimateSession.start(self.SAID)
        s.handle("里面有15个符合", "inform")
        assert "done" == s.status
        assert Decimal("300000") == s.compute()["total_cny"]

    def test_all_qualify_by_their_levels(self):
        """Their levels said: all 28 count, the yearly 20 cap applies: 20 × 2万 = 400,000."""
        s = EstimateSession.start(self.SAID)
        s.handle("都是本科以上的项目经理", "inform")
        assert "done" == s.status
        assert Decimal("400000") == s.compute()["total_cny"]

    def test_none_qualify(self):
        s = EstimateSession.start(self.SAID)
        s.handle("都不是 都是普通开发", "inform")
        assert Decimal("0") == s.compute()["total_cny"]

    def test_count_with_costs_unlike_asks_their_costs(self):
        """Costs differ and 2 of 4 qualify: whose costs is asked, never guessed."""
        s = EstimateSession.start("派了4个员工去做涉外业务培训 学费分别2万 3万 5万 6万 能补多少")
        s.handle("其中2个符合", "inform")
        assert "collecting" == s.status and "2人" in s.question()
        s.handle("5万和6万", "inform")
        assert Decimal("55000") == s.compute()["total_cny"]  # 2.5万 + 3万

    def test_levels_said_are_not_asked(self):
        s = EstimateSession.start("6个本科学历的项目经理参加涉外业务培训 每人2万 补贴多少")
        assert "done" == s.status
        assert Decimal("60000") == s.compute()["total_cny"]


def test_every_established_earlier_word_rules_out_a_new_enterprise():
    """estimate_words.yml established_earlier: each year word with each already word and verb."""
    from bot.estimate.understand import estimate_words

    w = estimate_words()["established_earlier"]
    for year in w["years"]:
        for already in w["already"]:
            for verb in w["verbs"]:
                assert established_earlier(f"我们{year}{already}{verb}了"), (year, already, verb)


def test_every_part_word_opens_a_part_of_the_other_kind():
    """estimate_words.yml part_of_other_kind: each part word before the other kind's word; contract_parts: each
    first / last word names that contract."""
    from bot.estimate.session import contract_named
    from bot.estimate.understand import estimate_words

    for part in estimate_words()["part_of_other_kind"]["parts"]:
        assert other_kind_part(f" 这里头{part}国内客户的", "offshore"), part
    values = [Decimal("1"), Decimal("2"), Decimal("3")]
    for word in estimate_words()["contract_parts"]["first"]:
        assert 0 == contract_named(f"{word}其实是5万美元", values), word
    for word in estimate_words()["contract_parts"]["last"]:
        assert 2 == contract_named(f"{word}其实是5万美元", values), word
