"""Side questions inside a pre-screening or an estimate (bot/prescreen/side_questions.py), and an enterprise's 第二条
asked as one numbered question (bot/prescreen/other_kinds.py)."""

import pytest

from bot.nlu.normalize import normalize
from bot.prescreen.side_questions import no_amount_lines, recipient_lines
from bot.prescreen.session import PrescreenSession


class TestRecipientLines:
    @pytest.mark.parametrize(
        "applicant, text, label",
        [
            ("park_operator", "还有入驻企业的房租补贴能不能直接给我们园区 请帮忙逐项预判一下", "第三条第（八）项第3点"),
            ("park_operator", "园区企业的租金补贴可不可以补给园区？", "第三条第（八）项第3点"),
            ("park_operator", "入驻企业的展会补贴能不能发给我们园区统一领？", "第三条第（五）项"),
        ],
    )
    def test_another_partys_support(self, applicant, text, label):
        """A support of another party asked to be paid to the applicant: who it supports, not the applicant."""
        lines = recipient_lines(applicant, normalize(text))
        assert 1 == len(lines) and label in lines[0] and "代领" in lines[0]

    @pytest.mark.parametrize(
        "applicant, text",
        [
            ("enterprise", "我们企业的展会补贴能不能发给我们"),  # its own item
            ("park_operator", "园区认定奖励能不能给我们园区"),  # the park's own item
            ("park_operator", "我们园区去年的房租补贴多少钱"),  # no one else's, not asked to be paid to us
        ],
    )
    def test_none(self, applicant, text):
        """No line when the item is the applicant's own or no one asks it to be paid over."""
        assert [] == recipient_lines(applicant, normalize(text))


class TestNoAmountLines:
    @pytest.mark.parametrize(
        "text",
        [
            "另外听说还有政府购买培训服务 这个标准是多少钱一个人",
            "政府购买服务那块一般按什么标准给？",
            "顺便问下政府购买服务一般给多少",
        ],
    )
    def test_item_with_no_figure(self, text):
        """三（七）1 names no amount: the line says so and names the 实施细则 of 第四条第（一）项."""
        lines = no_amount_lines(normalize(text))
        assert 1 == len(lines) and "第三条第（七）项第1点" in lines[0] and "第四条第（一）项" in lines[0]

    def test_item_with_figures(self):
        """An item with figures of its own gets no such line (its standard is answered elsewhere)."""
        assert [] == no_amount_lines(normalize("离岸奖励的标准是多少"))


class TestEnterpriseSecondArticle:
    @pytest.mark.parametrize(
        "opening",
        [
            "想做个预审 我们是今年3月在郑州新注册的独立法人公司 帮看看今年能申报哪些",
            "想自查一下我们公司今年能申请多少补贴 你问我答吧",
            "想预审一下 我们是郑州的独立法人企业 今年在岸执行额800万 去年600万",
        ],
    )
    def test_one_numbered_question(self, opening):
        """An enterprise that came for the money (what can be had, how much, figures) gets 第二条 as one question."""
        q = PrescreenSession.start(opening).question()
        assert "产权清晰" in q and "以上都符合吗" in q and "依法经营" in q

    def test_a_check_of_second_article_alone_is_asked_one_by_one(self):
        """「我想做个预审」 with nothing asked of money keeps one condition per question."""
        s = PrescreenSession.start("我想做个预审 我们是郑州注册的独立法人企业")
        assert "以上都符合吗" not in s.question() and "产权清晰" in s.question()

    def test_dump_answers_and_moves_on(self):
        """Facts dumped instead of 都符合: read, the unsaid conditions left 需确认, the figures reached at once."""
        s = PrescreenSession.start("想做个预审 我们是今年3月在郑州新注册的独立法人公司 帮看看今年能申报哪些")
        s.handle(
            "已在商务部服务外包业务管理和统计系统注册填报；今年在岸执行额600万，没有离岸；参加了两场商务部门指定的"
            "境内展会，费用1.5万和2.6万"
        )
        assert "done" == s.step and {"3.1", "3.5"} <= set(s.items)
        assert "clear_property_rights" in s.unsure and s.facts["mofcom_registered"] is True

    def test_all_met(self):
        """「都符合」 settles every open condition."""
        s = PrescreenSession.start("我想做个预审 我们是郑州注册的独立法人企业 看看能拿多少")
        s.handle("都符合")
        assert "items" == s.step and all(s.facts[k] is True for k in ("clear_property_rights", "sound_finance"))


class TestDumpToOneCondition:
    @pytest.mark.parametrize(
        "reply",
        [
            "都符合；今年在岸执行额1000万，去年800万，没有离岸；参加了1场商务部门指定的境外展会花了6万",
            "没问题。onshore今年1200万 去年900万",
            "产权清晰，另外今年在岸执行额500万，去年400万",
        ],
    )
    def test_money_told_to_one_question_settles_second_article_at_once(self, reply):
        """Money figures told to one condition's question: 第二条 in one go (said ones settled, the rest 需确认)."""
        s = PrescreenSession.start("我想做个申报前预审 我们是郑州注册的独立法人企业")
        assert "产权清晰" in s.question() and "以上都符合吗" not in s.question()
        s.handle(reply)
        assert s.step in ("figures", "done") and "3.1" in s.items


class TestTheRestAsked:
    def test_settled_some_the_rest_asked_in_one_question(self):
        """「产权清晰，没有纠纷」 to the one question: the rest named in the next one, until each is answered."""
        s = PrescreenSession.start("想预审一下 我们是郑州注册的独立法人 看看今年能拿多少")
        s.handle("产权清晰，没有纠纷")
        q = s.question()
        assert "以上都符合吗" in q and "产权清晰" not in q and "依法经营" in q
        s.handle("依法经营 依法纳税")
        s.handle("财务规范，统计系统注册了")
        assert "items" == s.step and [] == s.unsure

    def test_figures_move_on(self):
        """A reply with money figures moves on: the rest 需确认."""
        s = PrescreenSession.start("想预审一下 我们是郑州注册的独立法人 看看今年能拿多少")
        s.handle("产权清晰；今年在岸执行额900万，去年700万")
        assert "lawful_operation" in s.unsure and s.step in ("figures", "done")
