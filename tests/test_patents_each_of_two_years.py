"""三（三）'s 连续两年取得新的发明专利、软件著作权 said in users' words: two years each with new ones (「去年今年都有新的
发明专利」「22年23年各申请下来几个」「连着两年都有新软著」) is met, whatever else the message says of those years
(「去年没有离岸」 is of the business); one year only (「只有今年有」「去年有今年没有」) is not. A short answer to the
estimate's question on 三（三） speaks of the patents or of the R&D spending by its words. The wording is our own."""

from decimal import Decimal

import pytest

from bot.estimate.reading import each_of_two_years
from bot.estimate.session import EstimateSession
from bot.understand.bare_answers import clause_facts_in_topic
from bot.understand.facts import message_facts

MET = [
    "去年今年都有新的发明专利",
    "发明专利今年去年都新拿了",
    "这两年每年都拿了新软著",
    "22年23年各申请下来几个发明专利",
    "连着两年都有新的软著",
    "近两年每年都有新登记的软件著作权",
]
NOT_MET = [
    "新的发明专利只有今年有",
    "发明专利去年有今年没有",
    "软著今年有 去年没有",
    "新软著就今年登记了两个",
]
BARE_NOT_MET = ["只有今年有", "去年有今年没有", "就今年有一个"]
BARE_MET = ["去年今年都有新的", "两年都有", "这两年每年都拿了新的"]


class TestFactReader:
    @pytest.mark.parametrize("text", MET)
    def test_each_of_two_years(self, text):
        assert message_facts(text).get("innovation_patents_two_years") is True

    @pytest.mark.parametrize("text", NOT_MET)
    def test_one_year_only(self, text):
        assert message_facts(text).get("innovation_patents_two_years") is False

    def test_other_facts_of_last_year_leave_it(self):
        """「去年没有离岸」 beside 「去年今年都有新的发明专利」: the offshore business's year, not the patents'."""
        text = "今年在岸900万 离岸80万美元 去年没有离岸 去年今年都有新的发明专利"
        assert message_facts(text).get("innovation_patents_two_years") is True

    def test_years_listed_without_a_join(self):
        """「去年今年都…」 lists two years next to each other, as 「去年和今年都…」 does."""
        assert each_of_two_years("去年今年都有新专利") is True
        assert each_of_two_years("前年今年都有新专利") is False


class TestBareAnswerInTopic:
    @pytest.mark.parametrize("text", BARE_NOT_MET)
    def test_one_year(self, text):
        assert {"innovation_patents_two_years": False} == clause_facts_in_topic(text, "3.3")

    @pytest.mark.parametrize("text", BARE_MET)
    def test_two_years(self, text):
        assert {"innovation_patents_two_years": True} == clause_facts_in_topic(text, "3.3")

    def test_rising_spending_is_the_rd_fact(self):
        """「两年都在涨」 speaks of the R&D spending, never of the patents."""
        assert {"innovation_rd_growth_two_years": True} == clause_facts_in_topic("两年都在涨", "3.3")


class TestEstimate:
    START = "离岸200万美元 汇率7 再加上创新发展奖励 一共多少"  # 离岸奖励 200万美元 × 7 × 10% = 140万

    @pytest.mark.parametrize("text", BARE_NOT_MET + NOT_MET)
    def test_one_year_counts_nothing(self, text):
        """Only one year with new patents: 三（三） is 0, the total is the 离岸奖励 alone."""
        session = EstimateSession.start(self.START)
        session.handle(text, "inform")
        assert session.inputs.get("innovation_patents_two_years") is False
        assert "previous_onshore_cny" not in session.inputs  # 「去年有今年没有」 says nothing of last year's business
        if session.status == "done":
            assert Decimal("1400000") == session.compute()["total_cny"]

    @pytest.mark.parametrize("text", BARE_MET + MET + ["研发投入两年都在涨"])
    def test_two_years_count(self, text):
        """Two years with new patents (or R&D up both years): 140万 + 140万 × 15% = 161万."""
        session = EstimateSession.start(self.START)
        session.handle(text, "inform")
        assert "done" == session.status, session.question()
        assert Decimal("1610000") == session.compute()["total_cny"]

    def test_whole_story_in_one_message(self):
        """在岸1000万 → 今年在岸1300万 + 离岸120万美元 × 7 = 2140万: 增量 1140万 × 3% = 34.2万; 离岸 120万 × 7 × 10% =
        84万; 三（三） (34.2 + 84) × 15% = 17.73万; total 135.93万."""
        session = EstimateSession.start("帮忙算下今年一共能拿多少")
        session.handle(
            "今年在岸1300万 离岸120万美元 汇率7 去年在岸1000万 去年没有离岸 去年今年都有新的软著 不是新成立的 别的没有",
            "inform",
        )
        assert session.inputs.get("innovation_patents_two_years") is True
        assert "done" == session.status, session.question()
        assert Decimal("1359300") == session.compute()["total_cny"]
