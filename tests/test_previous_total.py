"""Last year's business told as ONE total (round 41): a last-year figure said to be the whole business is last year's
converted total, so the increment is this year's total less it; 「全在岸」「没有离岸」 give last year's offshore 0; an
increment stated already converted is 三（一）'s base; the same readings in the answers to the questions asked; a bare
last-year figure beside this year's offshore business still asked, naming it. The wordings are the team's own."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.estimate.understand import read
from calculator import calculate


def amounts(session) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in session.compute()["items"]}


def play(*messages):
    session = EstimateSession.start(messages[0])
    for text in messages[1:]:
        session.handle(text, "inform")
    return session


class TestPreviousTotalRead:
    @pytest.mark.parametrize(
        "text, value",
        [
            ("去年执行额合计折人民币9000万，今年在岸1亿，离岸200万美元 汇率7.1 增量奖多少", 90000000),
            ("上年总的执行额折成人民币是3000万 今年在岸2800万 离岸80万美元按7.0 增量多少", 30000000),
            ("去年总共4.5kw 今年在岸5000万 离岸30万美元 汇率6.9 增量奖励", 45000000),
            ("去年全年执行额两千万 今年在岸1900万 离岸50万美元 汇率7.2 增量奖励多少", 20000000),
            ("上一年度总执行额折人民币6000万 今年在岸5500万 境外120万美元 汇率7 增量能拿多少", 60000000),
            ("去年0.6亿 全部在岸 今年在岸0.7亿 离岸90万美元 汇率7.05 规模奖多少", 60000000),
            ("去年执行额3000万(全在岸) 今年在岸3300万 离岸40万美元 汇率7.1 增量奖", 30000000),
            ("去年2500万 没有离岸 今年在岸2600万 离岸10万美元 汇率7 增量奖励多少", 25000000),
        ],
    )
    def test_whole_of_last_year_is_its_converted_total(self, text, value):
        """A last-year figure said to be the whole business is previous onshore with previous offshore 0."""
        reading = read(text, items=["3.1"])
        assert Decimal(value) == reading.fields.get("previous_onshore_cny")
        assert Decimal(0) == reading.fields.get("previous_offshore_usd")
        assert not reading.clarifications
        assert any(str(value // 10000) in n for n in reading.notes)

    @pytest.mark.parametrize(
        "text",
        [
            "去年在岸合计1.2亿 今年在岸1.5亿 离岸100万美元 汇率7 增量多少",  # a kind of its own: last year's offshore asked
            "去年执行额1.2亿 今年在岸1.5亿 离岸100万美元 汇率7 增量多少",  # no whole word: asked, naming it
            "去年离岸合计200万美元 今年离岸260万美元 增量多少",  # dollars: never a yuan total
        ],
    )
    def test_other_last_year_figures_are_not_whole_totals(self, text):
        """A figure with its own kind, a bare one, or one with a dollar part beside it is read as before."""
        reading = read(text, items=["3.1"])
        assert not (reading.fields.get("previous_offshore_usd") == 0 and "previous_onshore_cny" in reading.fields)

    def test_bare_last_year_figure_beside_offshore_is_asked_naming_it(self):
        """「去年执行额1.2亿」 beside this year's offshore dollars: asked, with the figure named."""
        reading = read("去年执行额1.2亿 今年在岸1.5亿 离岸100万美元 汇率7 增量多少", items=["3.1"])
        assert "previous_offshore_usd" not in reading.fields
        assert reading.clarifications and "1.2亿" in reading.clarifications[0].question

    def test_this_years_bare_figure_beside_dollars_is_asked_naming_it(self):
        """「去年总共3.2kw 今年2.6kw 其中今年离岸110万美元」: this year's figure may hold the dollars; asked."""
        reading = read("去年总共3.2kw 今年2.6kw 其中今年离岸110万美元 汇率按7 增量还有吗", items=["3.1", "3.2"])
        assert "onshore_cny" not in reading.fields
        assert reading.clarifications and "2.6kw" in reading.clarifications[0].question


class TestPreviousTotalConversation:
    def test_whole_total_gives_the_increment_without_last_years_rate(self):
        """Increment = this year's onshore + offshore × rate − last year's total, with no question."""
        session = play("去年执行额合计折人民币2000万，今年在岸1500万，离岸100万美元 汇率7.0 增量奖多少")
        assert "done" == session.status
        assert Decimal("60000") == amounts(session)["3.1"]  # (1500万 + 700万 − 2000万) × 3%

    @pytest.mark.parametrize(
        "answer",
        ["去年的2000万是全部执行额，去年没有离岸", "2000万是去年的总数", "去年2000万已经包含离岸了", "去年没有离岸"],
    )
    def test_answer_saying_last_years_figure_is_whole(self, answer):
        """The either/or question about last year's bare figure, answered that it is the whole business."""
        session = play("今年离岸100万美元 汇率7.0 今年在岸1500万 去年执行额2000万 增量多少", answer)
        assert "done" == session.status
        assert Decimal(20000000) == session.inputs["previous_onshore_cny"]
        assert Decimal(0) == session.inputs["previous_offshore_usd"]

    @pytest.mark.parametrize("answer", ["是合计 含离岸", "去年一千万是全部执行额", "那是总数", "去年没有离岸"])
    def test_question_for_last_years_offshore_names_the_figure_and_reads_whole(self, answer):
        """The question for last year's dollars names last year's yuan figure; 「是合计」 settles it as the whole."""
        session = play(
            "今年离岸一百二十万美元 汇率用七点零二 在岸今年九百万 去年执行额一千万 离岸奖励跟增量奖励加起来多少"
        )
        assert "1000万元" in session.question() and "是合计" in session.question()
        session.handle(answer, "inform")
        assert "done" == session.status
        assert Decimal(0) == session.inputs["previous_offshore_usd"]
        assert Decimal("222720") == amounts(session)["3.1"]  # (900万 + 842.4万 − 1000万) × 3%

    def test_dollars_answer_to_last_years_offshore_question_still_read(self):
        """A dollar amount in answer is last year's offshore, as before (negative)."""
        session = play("今年离岸一百二十万美元 汇率用七点零二 在岸今年九百万 去年执行额一千万 增量奖励多少")
        session.handle("去年离岸50万美元 汇率6.9", "inform")
        assert Decimal(500000) == session.inputs["previous_offshore_usd"]

    def test_yes_to_either_or_is_asked_again_clearly(self):
        """「是的」 picks neither; the same question comes back with a hint, then a real answer settles it."""
        session = play("今年离岸100万美元 汇率7.0 今年在岸1500万 去年执行额2000万 增量多少")
        turn = session.handle("是的", "affirm")
        assert any("两者中选一个" in m for m in turn.messages)
        session.handle("是全部执行额", "inform")
        assert "done" == session.status

    @pytest.mark.parametrize(
        "answer, onshore",
        [("2.6kw是含离岸折算后的总数", 18300000), ("今年的是合计 含离岸", 18300000), ("在岸", 26000000)],
    )
    def test_this_years_figure_answered(self, answer, onshore):
        """Answered as the total holding the dollars: onshore = total − dollars × rate; as 在岸: as said."""
        session = play("去年总共3.2kw 今年2.6kw 其中今年离岸110万美元 汇率按7 增量还有吗", answer)
        assert "done" == session.status
        assert Decimal(onshore) == session.inputs["onshore_cny"]

    def test_rate_correction_after_whole_total(self):
        """「不是6.5 按7.12重新算」 is applied to this year's offshore part."""
        session = play(
            "离岸今年三百万美元 汇率先按6.5算 在岸今年500万 去年总执行额折人民币1800万 离岸和增量两项合计多少",
            "等下 刚查了那年中间价是7.12 不是6.5 按7.12重新算一下",
        )
        assert "done" == session.status
        assert Decimal("250800") == amounts(session)["3.1"]  # (500万 + 2136万 − 1800万) × 3%


class TestConvertedIncrement:
    @pytest.mark.parametrize(
        "text, value",
        [
            ("今年离岸290万美元 汇率按6.9 增量部分（已经按规定折算好了）是1,350万元 两项多少", 13500000),
            ("离岸今年150万美元 汇率7.0 业务增量(含离岸折算)800万 增量奖和离岸奖各多少", 8000000),
            ("今年离岸60万美元 汇率7.1 增量600万（离岸已折成人民币） 增量奖励多少", 6000000),
        ],
    )
    def test_converted_increment_is_the_base(self, text, value):
        """An increment said to be converted is 三（一）'s base; nothing else is asked for it."""
        reading = read(text, items=["3.1", "3.2"])
        assert Decimal(value) == reading.fields.get("increment_cny")
        assert not reading.clarifications

    @pytest.mark.parametrize(
        "text",
        [
            "今年离岸290万美元 汇率按6.9 增量是1350万元 离岸和增量各多少",  # not said converted: as before
            "增量奖励（折算后）是40万 还能拿什么",  # an award, not the base
        ],
    )
    def test_other_increments_are_not_read_as_converted(self, text):
        assert "increment_cny" not in read(text, items=["3.1", "3.2"]).fields

    def test_calculator_uses_the_increment_as_said(self):
        """3% of the increment as said; this year's dollars count for 三（二） only."""
        result = calculate({"increment_cny": 13500000, "offshore_usd": 2900000, "usd_cny_rate": 6.9})
        items = {i["code"]: i for i in result["items"]}
        assert 405000.0 == items["3.1"]["amount_cny"]
        assert "13,500,000.00元" in items["3.1"]["explanation"]


class TestOnshoreOnlyCorrection:
    def test_both_years_corrected_in_an_onshore_only_conversation(self):
        """「22年是1.8kw 不是1.5 23年还是0.25亿」 after 纯国内 amounts: each year's onshore amount, not asked again."""
        session = play("我们纯国内业务 22年执行额1.5kw 23年0.25亿 增量奖励多少")
        session.amending = True
        session.handle("等下说错了 22年是1.8kw 不是1.5 23年还是0.25亿 再算一下", "correct_value")
        assert Decimal(18000000) == session.inputs["previous_onshore_cny"]
        assert Decimal(25000000) == session.inputs["onshore_cny"]
