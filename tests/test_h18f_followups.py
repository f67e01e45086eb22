"""Round 18 estimates across turns (h18f): the running estimate survives every answer, a stated zero is a figure,
every figure typed is used or named as not counted, an entry corrected by its name keeps the others, and the same
question never comes back as if nothing had been read. New wording, not the case files'."""

from decimal import Decimal

from actions.estimate import ActionLooseAnswer
from bot.estimate.rate_waits import without_waiting
from bot.estimate.session import EstimateSession, restated_fields
from bot.estimate.tables import read_labelled_rows
from bot.estimate.understand import read
from bot.understand.facts import read_facts
from tests.test_actions import run, slots_of, texts
from tests.test_estimate_multiturn import conversation

D = Decimal


def amounts(session) -> dict:
    return {i["code"]: D(str(i["amount_cny"])) for i in session.compute()["items"]}


class TestStatedZeroIsAFigure:
    def test_onshore_none_for_both_years(self):
        """400万美元 × 7.1 = 2,840万 − 0 → × 3% = 852,000; 三（二） 284万 → 200万 cap: 2,852,000."""
        s = EstimateSession.start("今年离岸400万美元 汇率7.1 上年离岸为0 两年都没做在岸业务 增量和离岸一共多少")
        assert "done" == s.status, s.question()
        assert (D(0), D(0)) == (s.inputs["onshore_cny"], s.inputs["previous_onshore_cny"])
        assert {"3.1": D(852000), "3.2": D(2000000)} == amounts(s)
        assert D(2852000) == D(str(s.compute()["total_cny"]))

    def test_onshore_none_after_the_kind_word(self):
        fields = read("今年离岸260万美元 去年离岸150万美元 汇率都按7.0 境内业务这两年都没有").fields
        assert (D(0), D(0)) == (fields["onshore_cny"], fields["previous_onshore_cny"])

    def test_one_year_named_sets_only_that_year(self):
        fields = read("今年在岸没有 今年离岸300万美元 去年在岸500万 去年离岸没有 汇率7 去年汇率6.9").fields
        assert D(0) == fields["onshore_cny"] and D(5000000) == fields["previous_onshore_cny"]

    def test_none_offshore_before_another_kinds_figure(self):
        """「上年没有离岸 只有在岸那800万」: the figure after belongs to 在岸, the none to last year's 离岸."""
        fields = read("上年没有离岸 只有在岸那800万").fields
        assert D(0) == fields["previous_offshore_usd"] and D(8000000) == fields["previous_onshore_cny"]

    def test_last_years_offshore_zero_beside_a_rate(self):
        assert {"usd_cny_rate": D("7.05"), "previous_offshore_usd": D(0)} == read("汇率7.05 上年离岸是0").fields

    def test_a_years_total_of_zero_is_zero_of_both_kinds(self):
        s = EstimateSession.start("公司前年底成立 今年在岸2000万 离岸150万美元 汇率7 哪些奖励能拿 总共多少")
        assert "3.1" in s.items and "previous" in s.question() or "上一年度" in s.question()
        s.handle("上一年就成立了一个月 执行额为0", "inform")
        assert "done" == s.status, s.question()
        assert {"3.1": D(915000), "3.2": D(1050000)} == amounts(s)  # (2000万 + 1050万) × 3%; 150万 × 10% × 7

    def test_no_business_last_year_in_words(self):
        s = EstimateSession.start("我们去年才开的公司 今年在岸800万 离岸110万美金 汇率6.9 能拿啥")
        s.handle("去年压根没开张 一点业务都没有", "inform")
        assert "done" == s.status, s.question()
        assert D("467700") == amounts(s)["3.1"]  # (800万 + 110万 × 6.9 = 1,559万) × 3%


class TestRunningEstimateSurvives:
    RUNNING = {"onshore_cny": "15000000", "previous_onshore_cny": "11000000", "offshore_usd": "50000"}

    async def test_rate_and_last_years_none_complete_the_waiting_increment(self):
        """(1500万 + 5万美元 × 7.2 = 1,536万) − 1,100万 = 436万 × 3% = 130,800."""
        t = conversation("汇率7.2 上年离岸业务没有 只有在岸1100万", "inform", {"estimate_inputs": self.RUNNING})
        d, events = await run(ActionLooseAnswer(), t)
        assert "130,800.00元" in texts(d)
        assert "15000000" == slots_of(events)["estimate_inputs"]["onshore_cny"]

    async def test_rate_alone_keeps_the_figures_and_asks_only_last_years_offshore(self):
        d, events = await run(
            ActionLooseAnswer(), conversation("汇率按7.2算", "inform", {"estimate_inputs": self.RUNNING})
        )
        state = slots_of(events)["estimate_state"]
        assert "previous_offshore_usd" == state["pending"]
        assert "15000000" == state["inputs"]["onshore_cny"]
        assert "上一年度的离岸" in texts(d) and "今年的服务外包合同执行额" not in texts(d)

    def test_small_offshore_never_waits_for_a_rate(self):
        """5万美元 is not over 100万美元 whatever the rate: 三（二） is decided now, only 三（一） waits."""
        inputs = {k: D(v) for k, v in self.RUNNING.items()}
        _, waiting = without_waiting(dict(inputs, previous_offshore_usd=D(0)))
        assert {"3.1": "usd_cny_rate"} == waiting

    async def test_a_rate_said_again_is_acknowledged(self):
        running = {"offshore_usd": "2000000", "usd_cny_rate": "6.9"}
        d, _ = await run(ActionLooseAnswer(), conversation("汇率是6.9", "inform", {"estimate_inputs": running}))
        assert "一致" in texts(d) and "没有理解" not in texts(d)
        assert ["usd_cny_rate"] == restated_fields("汇率是6.9", {"usd_cny_rate": D("6.9")}, ["3.2"])


class TestOffshoreToldInYuan:
    START = "今年离岸业务有714万元人民币 离岸奖励多少"

    def test_the_dollar_amount_answers_the_question(self):
        """102万美元 > 100万美元: 102万 × 10% × 7 = 714,000."""
        s = EstimateSession.start(self.START)
        assert "折合多少美元" in s.question()
        s.handle("换算下来102万美元 汇率7", "inform")
        assert "done" == s.status and s.clarify is None
        assert {"3.2": D(714000)} == amounts(s)

    def test_the_rate_alone_converts_the_yuan_told(self):
        s = EstimateSession.start("我们离岸这块今年是693万元 能拿离岸奖励吗")
        s.handle("汇率7", "inform")
        assert "done" == s.status
        assert D("990000.00") == s.inputs["offshore_usd"]  # 693万 ÷ 7 = 99万美元, not over 100万美元
        (item,) = s.compute()["items"]
        assert item["qualified"] is False and D(0) == D(str(item["amount_cny"]))
        assert any("÷ 7" in n for n in s.notes)


class TestOnshoreIsNeverDropped:
    def test_loose_offshore_words_bring_the_increment_in(self):
        s = EstimateSession.start("今年境内做了2600万 离岸130万美元 能拿哪几项 合计多少")
        assert ["3.1", "3.2"] == s.items
        assert "上一年度" in s.question()

    def test_the_offshore_award_named_alone_stays_alone(self):
        s = EstimateSession.start("今年在岸2600万 离岸130万美元 汇率7 离岸奖励能拿多少")
        assert ["3.2"] == s.items and "done" == s.status


class TestCorrectionByName:
    def test_only_the_named_entry_changes(self):
        """CMMI5 20万 × 70% = 140,000; ITSS 维护 8万 × 70% = 56,000 → 196,000."""
        s = EstimateSession.start("资质补贴：CMMI5认证费20万，ITSS维护费6万，能补多少")
        s.amending = True
        turn = s.handle("搞错了 ITSS那项维护费应该是8万", "correct_value")
        assert turn.understood
        assert [("CMMI5", D(200000)), ("ITSS", D(80000))] == [
            (c["name"], c["cost_cny"]) for c in s.inputs["certifications"]
        ]
        assert D(196000) == D(str(s.compute()["total_cny"]))

    def test_a_correction_opener_negates_no_fact(self):
        assert read_facts("不对 cmmi那个认证费是25万")["certification_related"] is True


class TestFairTableColumns:
    TABLE = (
        "展会\t城市\t展位费(万元)\t住宿交通(万元)\n软交会\t大连\t2.4\t0.5\n新加坡服务贸易展\t新加坡\t6\t1.5\n能补多少"
    )

    def test_each_bare_figure_takes_its_column(self):
        rows = read_labelled_rows("名称 | 地点 | 展位费 | 差旅\n峰会 | 杭州 | 2万 | 0.3万").split("\n")
        assert "峰会（杭州） 展位费2万 差旅0.3万" == rows[1]  # the place describes the fair, in brackets after it

    def test_travel_column_is_named_and_not_counted(self):
        """大连 2.4万 × 70% = 16,800; 新加坡 6万 × 70% = 42,000 → 58,800 (住宿交通 left out)."""
        s = EstimateSession.start("帮我算展会补贴 都是商务部门指定的\n" + self.TABLE)
        assert "done" == s.status, s.question()
        assert D(58800) == D(str(s.compute()["total_cny"]))
        assert any("住宿交通" in n and "不计入" in n for n in s.notes)


def test_a_figure_read_for_another_question_is_said():
    s = EstimateSession.start("今年在岸3000万 离岸150万美元 能拿哪些奖励")
    asked = s.question()
    turn = s.handle("汇率6.95", "inform")
    assert asked == s.question()
    assert any("已记下：今年汇率6.95" in m and "还没有读到" in m for m in turn.messages)
