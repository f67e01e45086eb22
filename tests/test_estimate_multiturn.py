"""Estimates across turns: a part of a fair corrected by name, a list told alike corrected as a whole, a
what-if after a verdict, figures that name no item read as the clause just talked about, items added to
the running estimate before any verdict. The wording here is the team's own, not the outside cases'."""

from decimal import Decimal

from rasa_sdk import Tracker

from actions.estimate import ActionEstimateTotal
from actions.policy import ActionAnswerPolicy, ActionDefaultFallback
from bot.estimate.session import EstimateSession, calculator_inputs, to_json
from bot.estimate.understand import full_years
from bot.understand.facts import read_facts
from tests.test_actions import run, slots_of, texts


def conversation(latest, intent="inform", slots=None, earlier=()):
    """A tracker whose user said `earlier` before `latest`."""
    events = [{"event": "user", "text": t, "timestamp": i} for i, t in enumerate([*earlier, latest])]
    msg = {"text": latest, "intent": {"name": intent, "confidence": 0.99}, "entities": [], "message_id": "m1"}
    return Tracker("u1", dict(slots or {}), msg, events, False, None, {}, "action_listen")


async def reply_after(earlier: str, latest: str, topic: str) -> str:
    """The policy answer's text to `latest` after the user said `earlier`, with `topic` the clause talked about."""
    d, _ = await run(ActionAnswerPolicy(), conversation(latest, "ask_subsidy", {"topic_clause": topic}, [earlier]))
    return texts(d)


def started(text):
    session = EstimateSession.start(text)
    assert "done" == session.status, session.question()
    return session


class TestFairPartCorrected:
    def test_named_part_replaced_and_total_recomputed(self):
        """展位费4万 + 特装费1.5万 = 5.5万; 特装费 corrected to 2.5万 → 6.5万 × 70% = 45,500 (under 5万)."""
        session = started("去新加坡参加了指定的服务外包展会，展位费4万，特装费1.5万，能补多少")
        assert [Decimal(55000)] == [f["cost_cny"] for f in session.inputs["fairs"]]
        turn = session.handle("特装费其实是2.5万，刚对了发票", "correct_value")
        assert turn.understood
        assert [Decimal(65000)] == [f["cost_cny"] for f in session.inputs["fairs"]]
        assert Decimal("45500") == session.compute()["total_cny"]

    def test_two_parts_corrected_at_once_region_kept(self):
        """报名费不是8000是6000 and 搭建 (told as 搭建费) 9000: 6,000 + 9,000 = 15,000 × 70% = 10,500, still
        境内: the fair's place is not asked again, and the 8000 after 不是 is the old value."""
        session = started("在成都参加了商务厅指定的服务贸易交易会 报名费8000 搭建费1.1万 可以补多少")
        turn = session.handle("搞错了 报名费不是8000是6000，搭建是9000", "correct_value")
        assert turn.understood and session.status == "done", session.question()
        assert [("domestic", Decimal(15000))] == [(f["region"], f["cost_cny"]) for f in session.inputs["fairs"]]
        assert Decimal("10500") == session.compute()["total_cny"]

    def test_parts_stay_out_of_the_calculator_and_survive_the_slot(self):
        session = started("去新加坡参加了指定的服务外包展会，展位费4万，特装费1.5万，能补多少")
        assert "_parts" not in calculator_inputs(session.inputs)["fairs"][0]
        assert {"展位费": "40000", "特装费": "15000"} == to_json(session.inputs)["fairs"][0]["_parts"]

    async def test_correction_of_a_part_through_the_action(self):
        running = {
            "fairs": [{"region": "overseas", "cost_cny": "55000", "_parts": {"展位费": "40000", "特装费": "15000"}}]
        }
        d, events = await run(
            ActionAnswerPolicy(), conversation("特装费其实是2.5万", "correct_value", {"estimate_inputs": running})
        )
        assert "45,500.00元" in texts(d)
        assert "65000" == slots_of(events)["estimate_inputs"]["fairs"][0]["cost_cny"]

    def test_part_not_told_is_not_guessed(self):
        """The fair was told as one sum: 布展费 has no part to replace; nothing is recomputed from it."""
        session = started("去新加坡参加了指定的服务外包展会，展位费加布展一共5.5万，能补多少")
        session.handle("布展费其实是2万", "correct_value")
        assert [Decimal(55000)] == [f["cost_cny"] for f in session.inputs["fairs"]]
        assert session.clarify is not None  # asked about, not computed


class TestListToldAlikeCorrected:
    def test_each_cost_corrected_number_kept(self):
        session = started("4个本科的项目经理参加涉外业务培训 每人培训费3万 能补多少")
        session.handle("打错了 是每人2万", "correct_value")
        assert [Decimal(20000)] * 4 == [p["cost_cny"] for p in session.inputs["senior_training"]]
        assert Decimal(40000) == session.compute()["total_cny"]

    def test_number_corrected_cost_kept(self):
        session = started("10个本科项目经理参加了涉外业务培训 每人培训费1万 能补多少")
        session.handle("更正 人数是12个 不是10个", "correct_value")
        assert [Decimal(10000)] * 12 == [p["cost_cny"] for p in session.inputs["senior_training"]]
        assert Decimal(60000) == session.compute()["total_cny"]

    def test_people_told_one_by_one_are_not_resized(self):
        """Which of 2万、3万、4万 goes is not said: nothing is dropped or copied."""
        session = started("3个本科项目经理参加涉外业务培训 培训费分别2万、3万、4万 能补多少")
        turn = session.handle("更正 人数是2个", "correct_value")
        assert not turn.understood
        assert [Decimal(20000), Decimal(30000), Decimal(40000)] == [
            p["cost_cny"] for p in session.inputs["senior_training"]
        ]


class TestWhatIfAfterVerdict:
    async def test_supposed_counts_with_the_agreement_told_before(self):
        """Two-year agreement told first; 24 interns, 20 qualified → 20 × 5,000 = 100,000."""
        reply = await reply_after(
            "跟学校签了两年实训协议 今年接收17个实习生 能拿补贴吗",
            "要是明年接收到24个，其中合格的应届生有20个呢",
            "3.7.4",
        )
        assert "100,000.00元" in reply
        assert "17名" not in reply

    def test_graduates_are_not_the_interns_number(self):
        assert Decimal(23) == read_facts("今年带了23个实习生 有17个应届生都达标")["interns_per_year"].lo
        assert Decimal(24) == read_facts("要是明年实习生收到24个 达标的还是17个呢")["interns_per_year"].lo


class TestTopicClause:
    async def test_figures_naming_no_item_are_the_topic_clauses(self):
        """After 三（九）: 服务器和正版软件 300万 × 30% = 900,000."""
        d, _ = await run(
            ActionDefaultFallback(),
            conversation("服务器和正版软件一共买了300万", "nlu_fallback", {"topic_clause": "3.9"}),
        )
        assert "900,000.00元" in texts(d)

    def test_figures_of_another_role_do_not_take_the_topic(self):
        session = EstimateSession.start("我们去年营收3000万 能申报吗", topic="3.9")
        assert "3.9" not in session.items
        assert "platforms" not in session.inputs


class TestAddedToTheRunning:
    async def test_more_certifications_before_any_verdict(self):
        """CMMI 35万→24.5万, ITSS 12万→8.4万, PCMM 50万→30万 (cap), CCRC 6万→4.2万: the best 3 = 629,000."""
        running = {"certifications": [{"name": "CMMI", "cost_cny": "350000"}, {"name": "ITSS", "cost_cny": "120000"}]}
        d, _ = await run(
            ActionAnswerPolicy(),
            conversation("再加上PCMM 50万 和CCRC 6万呢 一年最多能补多少", "ask_subsidy", {"estimate_inputs": running}),
        )
        assert "629,000.00元" in texts(d)

    async def test_count_of_fairs_asked_about_is_no_new_fair(self):
        running = {"fairs": [{"region": "domestic", "cost_cny": "50000"}]}
        d, _ = await run(
            ActionEstimateTotal(),
            conversation(
                "另外还有一场在法国的 展位费8万 两场加起来多少", "estimate_total", {"estimate_inputs": running}
            ),
        )
        assert "70,000.00元" in texts(d)  # 2万 (domestic cap) + 5万 (overseas cap)
        assert "每场的费用" not in texts(d)


class TestBareYears:
    def test_two_bare_years_are_years(self):
        assert "研发费用2022年、2023年都增加了" == full_years("研发费用2022、2023都增加了")
        assert "展位费2000、3000元" == full_years("展位费2000、3000元")
        assert read_facts("研发投入2023、2024都增长了")["innovation_rd_growth_two_years"] is True


class TestTotalAfterAnAside:
    async def test_the_one_clause_the_figures_fit(self):
        """Recognised institution and its trainees told, a question in between: 「那120个人一共能拿多少」 →
        120 × 500 = 60,000 (三（七）2), the only clause a bare count of people finishes."""
        d, _ = await run(
            ActionEstimateTotal(),
            conversation(
                "那120个人一共能拿多少",
                "estimate_total",
                {"topic_clause": None},
                earlier=[
                    "我们是已经认定的服务外包培训机构 今年考核通过签了劳动合同的大专学员120个",
                    "这个政策什么时候发的",
                ],
            ),
        )
        assert "60,000.00元" in texts(d)

    def test_no_clause_when_several_fit(self):
        assert EstimateSession.sole_fit("一共200万能拿多少") is None


def test_a_part_of_the_group_is_no_new_number():
    """「那要是其中有一个是大专的呢」 names one of the five, it does not say there is one person."""
    session = started("公司派5个本科项目经理参加涉外业务培训 每人培训费4万 能补多少")
    session.amending = True
    session.handle("那要是其中有一个是大专的呢", "correct_value")
    assert 1 != len(session.inputs["senior_training"])


def test_the_applicants_own_clause_when_several_fit():
    """A recognised training institution's 「如果培训100人都符合条件」 is 三（七）2 (its own clause), not interns."""
    known = {"applicant_type": "training_institution", "institution_recognized": True}
    session = EstimateSession.sole_fit("那明年如果培训100人都符合条件 能拿多少", known=known)
    assert ["3.7.2"] == session.items
    assert Decimal(50000) == session.compute()["total_cny"]


def test_business_amount_after_an_award_name_and_a_colon_is_business():
    """「算一下增量奖励：今年在岸2600万…」: 2600万 is this year's onshore amount, not an award the user worked out."""
    session = EstimateSession.start("算一下增量奖励：今年在岸2600万 去年在岸2100万")
    assert Decimal(26000000) == session.inputs["onshore_cny"]
    assert not [k for k in session.inputs if k.startswith("_award_")]
    assert Decimal(150000) == session.compute()["total_cny"]


class TestSupposedOnTheLastMessage:
    """A what-if after a verdict changes one figure of the message the verdict answered; the rest stands."""

    async def test_agreement_renewed(self):
        """1-year agreement fails 两年以上; supposing 3 years: 18 qualified × 5,000 = 90,000."""
        reply = await reply_after(
            "跟学院的实习协议签的1年，每年收30个实习生，今年合格的应届生18人，实训补贴能拿吗",
            "要是协议改签成三年的呢，别的都不变",
            "3.7.4",
        )
        assert "90,000.00元" in reply

    async def test_years_in_the_park_reached(self):
        """2 years in a key park fails 三年以上; supposing 3: 40万 × 30% = 120,000 (600 m²)."""
        reply = await reply_after(
            "我们入驻市级服务外包重点园区两年了，合同执行额800万，年租金40万，面积600平，租金补贴能拿吗",
            "那后年入驻满3年，其他都不变的话，一年能补多少",
            "3.8.3",
        )
        assert "120,000.00元" in reply


def test_a_total_of_named_costs_is_one_event():
    """「参加服贸会 展位费加特装一共2.5万」 adds one event's costs: 2.5万 × 70% = 17,500 (under 2万)."""
    session = started("在北京参加服贸会 展位费加特装一共2.5万 能补多少钱")
    assert [Decimal(25000)] == [f["cost_cny"] for f in session.inputs["fairs"]]
    assert Decimal(17500) == session.compute()["total_cny"]


class TestNextYear:
    """A what-if about next year compares next year with this year (三（一）: 对比上年度)."""

    def test_next_year_onshore_against_this_year(self):
        """This year 在岸3400万 (last 3000万); 「明年在岸做到4100万」: (4100万 − 3400万) × 3% = 210,000."""
        session = started("去年在岸3000万 今年在岸3400万 没有离岸 增量奖励多少")
        turn = session.handle("要是明年在岸做到4100万呢", "correct_value")
        assert turn.understood and "done" == session.status, session.question()
        assert Decimal("210000") == session.compute()["total_cny"]

    def test_next_year_offshore_not_said_is_asked(self):
        """This year had 离岸 too; next year's offshore amount is asked, never taken from this year."""
        session = started("去年在岸1000万 今年在岸1200万 今年离岸130万美元 汇率7.1 去年没有离岸 增量和离岸奖多少")
        session.handle("如果明年在岸到1500万呢", "correct_value")
        assert "collecting" == session.status and "offshore_usd" == session.pending

    def test_unchanged_keeps_this_years_figures(self):
        """「离岸不变」: next year 在岸1500万 + 130万美元 × 7.1; this year 1200万 + 130万美元 × 7.1: increment 300万 × 3%
        = 90,000; offshore 130万 × 10% × 7.1 = 923,000; total 1,013,000."""
        session = started("去年在岸1000万 今年在岸1200万 今年离岸130万美元 汇率7.1 去年没有离岸 增量和离岸奖多少")
        session.handle("如果明年在岸到1500万 离岸不变呢", "correct_value")
        assert "done" == session.status, session.question()
        assert Decimal("1013000") == session.compute()["total_cny"]

    def test_next_year_figure_with_no_role_word_is_the_one_amount(self):
        """Only 在岸 was estimated: 「要是明年能做到2.1亿」 is next year's 在岸; (2.1亿 − 1.8亿) × 3% = 900,000."""
        session = started("去年境内一亿六 今年一亿八 增量奖多少")
        turn = session.handle("那要是明年能做到2.1亿呢", "correct_value")
        assert turn.understood and "done" == session.status, session.question()
        assert Decimal("900000") == session.compute()["total_cny"]


def test_rate_answered_with_the_previous_years_number():
    """2024 estimated; 「2023年的中间价是7.08」 answers the previous year's rate, it does not move the year."""
    session = EstimateSession.start(
        "2024年离岸210万美元 2023年离岸160万美元 没有境内业务 2024年汇率7.12 增量和离岸奖各多少"
    )
    assert "previous_usd_cny_rate" == session.pending
    session.handle("2023年的中间价是7.08", "inform")
    assert 2024 == session.inputs["year"] and Decimal("7.08") == session.inputs["previous_usd_cny_rate"]
    assert "done" == session.status


def test_increment_and_offshore_each_asked_adds_the_offshore_item():
    """「增量和离岸分别多少」 asks for 三（二） too: 60万美元 does not exceed 100万美元, so it is named with 0."""
    session = EstimateSession.start("新成立的公司 第一年 在岸1200万 离岸60万美元 汇率7.1 增量和离岸分别多少")
    assert ["3.1", "3.2"] == session.items


def test_no_clause_when_the_figures_also_fit_one_that_asks():
    """「派了8个人去培训 一共花了32万」 fits a platform's cost as well as 三（七）3's trainees: no clause is chosen
    (never a platform subsidy on training fees)."""
    assert EstimateSession.sole_fit("派了8个人去培训 一共花了32万 能补多少") is None
