"""An answer to the estimate's open question with a side question beside it (before or after it): the answer is
read for the pending field and the side question handed back to be answered; the estimate goes on
(bot/estimate/side_questions.py, EstimateSession._answer_beside_question). No server."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.estimate.side_questions import answer_and_question


def _pending(start: str, *answers) -> EstimateSession:
    session = EstimateSession.start(start)
    for said in answers:
        session.handle(said, "inform")
    return session


class TestAnswerAndQuestion:
    @pytest.mark.parametrize(
        "text, answer, question",
        [
            ("6.9 对了顺便问下 外地公司在郑州的分支机构能报吗", "6.9", "外地公司在郑州的分支机构能报吗"),
            ("6.9对了顺便问下外地公司在郑州的分支机构能报吗", "6.9", "外地公司在郑州的分支机构能报吗"),
            ("150万刀吧 另外问下技术先进型是一次性的吗", "150万刀吧", "技术先进型是一次性的吗"),
            ("是的，对了 分支机构能报吗", "是的", "分支机构能报吗"),
            ("还有个问题，分支机构能报吗？不过先回答你：7.1", "7.1", "分支机构能报吗？"),
            ("还有个问题 技术先进型是一次性的吗…先回答你 7.05", "7.05", "技术先进型是一次性的吗"),
            ("3家 顺带问一句 区级园区能报吗", "3家", "区级园区能报吗"),
            ("对了 我们是外地公司 在郑州的分支机构能报吗 汇率7.1", "汇率7.1", "我们是外地公司 在郑州的分支机构能报吗"),
        ],
    )
    def test_split(self, text, answer, question):
        """The answer and the side question, each whole, the leads left out."""
        assert (answer, question) == answer_and_question(text)

    def test_no_lead_needs_a_question_intent(self):
        """A question clause with no lead is a side question only when the message was understood as a question."""
        text = "6.9 外地公司在郑州的分支机构能报吗"
        assert answer_and_question(text) is None
        assert ("6.9", "外地公司在郑州的分支机构能报吗") == answer_and_question(text, asked=True)

    @pytest.mark.parametrize(
        "text",
        [
            "7.1 对吗",
            "汇率是6.9吗",
            "没有 还有别的要填吗",
            "那一共能拿多少",
            "150万美元 另外还有20万的在岸",
            "还有个问题…不过先回答你：7.1",
        ],
    )
    def test_not_split(self, text):
        """A question about the answer itself, the estimate, or no question at all: the message stays whole."""
        assert answer_and_question(text, asked=True) is None


class TestSessionTakesAnswerAndHandsBackQuestion:
    def test_rate_then_question(self):
        """The rate is taken (never asked again) and the side question handed back."""
        session = _pending("想申请那个离岸的 今年150万美金")
        turn = session.handle("6.9 对了顺便问下 外地公司在郑州的分支机构能报吗", "ask_eligibility")
        assert turn.understood and not turn.interjection
        assert Decimal("6.9") == session.inputs["usd_cny_rate"]
        assert "done" == session.status
        assert "外地公司在郑州的分支机构能报吗" == turn.question
        assert Decimal("1035000") == Decimal(str(session.compute()["total_cny"]))

    def test_question_then_rate(self):
        """「还有个问题…不过先回答你：7.1」: the side question first, the rate after it."""
        session = _pending("帮我算下离岸奖励", "150万美元")
        turn = session.handle("还有个问题，分支机构能报吗？不过先回答你：7.1", "ask_eligibility")
        assert Decimal("7.1") == session.inputs["usd_cny_rate"]
        assert "分支机构能报吗？" == turn.question

    def test_amount_then_question(self):
        """「150万刀吧 另外问下…」 to the offshore amount: the amount taken, the rate asked next."""
        session = _pending("帮我算下离岸奖励")
        turn = session.handle("150万刀吧 另外问下技术先进型是一次性的吗", "ask_subsidy")
        assert Decimal("1500000") == session.inputs["offshore_usd"]
        assert "usd_cny_rate" == session.pending
        assert "技术先进型是一次性的吗" == turn.question

    def test_onshore_amount_then_question(self):
        """This year's onshore amount with a question about the cap after it."""
        session = _pending("增量奖励帮我算算")
        turn = session.handle("今年在岸2600万 没有离岸 顺便问下增量奖励有没有上限", "ask_subsidy")
        assert Decimal("26000000") == session.inputs["onshore_cny"]
        assert "增量奖励有没有上限" == turn.question

    def test_count_then_question(self):
        """A count answered (enterprises brought into a park) with a question beside it."""
        session = _pending("园区引进500强企业的奖励帮我算下")
        turn = session.handle("3家 顺带问一句 区级园区能报吗", "ask_eligibility")
        assert 3 == int(session.inputs["park_top_enterprises"])
        assert "区级园区能报吗" == turn.question

    def test_yes_then_question(self):
        """「是的，对了 分支机构能报吗」 to a yes/no question: the yes taken."""
        session = _pending("技术先进型奖励能拿多少")
        turn = session.handle("是的，对了 分支机构能报吗", "affirm")
        assert session.inputs["tech_advanced_new"] is True
        assert "done" == session.status
        assert "分支机构能报吗" == turn.question

    def test_yes_then_question_labelled_question(self):
        """The same with the message labelled a question: the yes is still read."""
        session = _pending("培训机构培训补贴帮我算下")
        turn = session.handle("是的 另外想问下学员要什么学历", "ask_subsidy")
        assert session.inputs["institution_recognized"] is True
        assert "学员要什么学历" == turn.question

    def test_list_then_question(self):
        """A list of fairs answered with a question about what costs count."""
        session = _pending("展会补贴帮我算下")
        turn = session.handle("境内3场 每场2万 顺便问下 机票酒店能算进去吗", "inform")
        assert 3 == len(session.inputs["fairs"])
        assert "机票酒店能算进去吗" == turn.question

    def test_certifications_then_question(self):
        """Certifications with their costs, then a question about later years' maintenance."""
        session = _pending("资质认证补贴能拿多少")
        turn = session.handle("CMMI3今年新认证 认证费12万 对了 维护费以后每年也能补吗", "ask_subsidy")
        assert [Decimal("120000")] == [Decimal(str(c["cost_cny"])) for c in session.inputs["certifications"]]
        assert "维护费以后每年也能补吗" == turn.question

    def test_answer_not_understood_reads_whole(self):
        """A side split whose answer gives the session nothing changes nothing: the message is an interjection."""
        session = _pending("想申请那个离岸的 今年150万美金")
        before = session.dump()
        turn = session.handle("嗯嗯 对了顺便问下 外地公司在郑州的分支机构能报吗", "ask_eligibility")
        assert turn.interjection or not turn.understood
        assert before["inputs"] == session.dump()["inputs"]
