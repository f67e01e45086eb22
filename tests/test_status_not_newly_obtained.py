"""三（四） rewards only a 新获得 技术先进型 status: one held since a past year (「2018年就拿到了」「我们是2016年拿的」),
renewed (「今年是复审通过」「资格到期续上了」), or said not new (「不是今年新认定的」, 「renewed, not new」) is 不符合, and a
denial inside the words of a grant (「…资格了 不是今年新认定的」) never reads as one. A short answer naming no subject
right after 三（四） was talked about speaks of the status (bot/understand/bare_answers.py). The wording is our own."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.estimate import ActionLooseAnswer
from actions.policy import ActionAnswerPolicy, ActionDefaultFallback
from bot.estimate.session import EstimateSession
from bot.understand.bare_answers import clause_facts_in_topic
from bot.understand.facts import message_facts

NOT_NEW = [
    "我们2018年就拿到技术先进型资格了 不是今年新认定的",
    "技术先进型这块 我们早在2017年就认定了",
    "技先我们19年起就是了",
    "早就是技术先进型了 一直有效",
    "技术先进型资格前两年到期 续上了",
    "技术先进型不是新认定的 是复审",
    "我们技术先进型是2016年拿的",
    "我们是2015年被认定为技术先进型服务企业的",
    "技术先进型并非今年首次获得",
    "our 技术先进型 status was renewed this year, not new",
]
NEW = [
    "技术先进型今年新拿到的",
    "我们今年刚被认定为技术先进型服务企业",
    "技术先进型是今年刚认定的 以前没有",
    "技先资格今年才批下来",
]
BARE_NOT_NEW = [
    "我们2018年就认定了 一直有效 不是今年新认定的",
    "今年是复审通过",
    "资格到期续上了",
    "不是新认定的",
    "早就拿到了",
    "17年就有了",
    "It was renewed this year, not a new one",
]
BARE_NEW = ["今年刚认定", "今年新拿到", "是的 今年刚拿到的"]


def reply(latest: str, earlier=(), topic=None, action=None, intent="inform") -> str:
    """What the action says to `latest` after the user said `earlier`, `topic` the clause talked about."""
    events = []
    for i, text in enumerate([*earlier, latest]):
        if i == len(earlier) and topic:
            events.append({"event": "slot", "name": "topic_clause", "value": topic, "timestamp": i})
        events.append({"event": "user", "text": text, "timestamp": i})
    msg = {"text": latest, "intent": {"name": intent, "confidence": 0.9}, "entities": [], "message_id": "m"}
    slots = {"topic_clause": topic} if topic else {}
    tracker = Tracker("new", slots, msg, events, False, None, {}, "action_listen")
    d = CollectingDispatcher()
    asyncio.run((action or ActionAnswerPolicy()).run(d, tracker, {}))
    return "\n".join(m.get("text") or "" for m in d.messages)


class TestFactReader:
    @pytest.mark.parametrize("text", NOT_NEW)
    def test_old_or_renewed_status_is_not_new(self, text):
        """A status held from a past year, renewed, or denied new is not newly obtained."""
        assert message_facts(text).get("tech_advanced_new") is False

    @pytest.mark.parametrize("text", NEW)
    def test_new_status(self, text):
        """A status gained this year is newly obtained."""
        assert message_facts(text).get("tech_advanced_new") is True

    def test_asked_whether_new_states_nothing(self):
        """「是不是新认定的…才能拿」 asks, it says nothing of the applicant."""
        assert message_facts("是不是新认定的技术先进型才能拿").get("tech_advanced_new") is None

    def test_another_status_year_is_not_this_one(self):
        """「2016年认定过高新」: the 高新 status's year says nothing of the 技术先进型 one."""
        assert message_facts("我们今年新获得了技术先进型服务企业资格 2016年认定过高新").get("tech_advanced_new") is True


class TestBareAnswerInTopic:
    @pytest.mark.parametrize("text", BARE_NOT_NEW)
    def test_not_new(self, text):
        """A short answer after 三（四） speaks of the status."""
        assert {"tech_advanced_new": False} == clause_facts_in_topic(text, "3.4")

    @pytest.mark.parametrize("text", BARE_NEW)
    def test_new(self, text):
        assert {"tech_advanced_new": True} == clause_facts_in_topic(text, "3.4")

    def test_other_topic_reads_nothing(self):
        """After another clause, 「不是新认定的」 is not about the 技术先进型 status."""
        assert {} == clause_facts_in_topic("不是新认定的", "3.2")

    def test_named_item_is_read_as_it_stands(self):
        """A message naming a support item is not a bare answer."""
        assert {} == clause_facts_in_topic("离岸150万美元", "3.4")


class TestConversation:
    ASKED = "技术先进型那个10万 我们还能领吗"

    @pytest.mark.parametrize("text", BARE_NOT_NEW[:4] + ["我们2018年就拿到技术先进型资格了 不是今年新认定的"])
    def test_policy_answer_not_met(self, text):
        """After the question on 三（四）, the old or renewed status gets 不符合, naming 新获得."""
        out = reply(text, [self.ASKED], "3.4")
        assert "不符合" in out and "新获得" in out
        assert "符合条件）" not in out

    @pytest.mark.parametrize("text", BARE_NOT_NEW[:3])
    def test_fallback_and_deny_not_met(self, text):
        """The same answer through the fallback (low confidence) or read as a denial."""
        assert "不符合" in reply(text, [self.ASKED], "3.4", ActionDefaultFallback(), None)
        assert "不符合" in reply(text, [self.ASKED], "3.4", ActionLooseAnswer(), "deny")

    @pytest.mark.parametrize("text", BARE_NEW)
    def test_new_status_met(self, text):
        out = reply(text, [self.ASKED], "3.4", ActionLooseAnswer(), "inform")
        assert out.startswith("结论：符合第三条第（四）项")

    def test_later_turn_keeps_the_bare_fact(self):
        """The bare answer read in its topic stays a fact of the conversation on the turns after it."""
        from actions.conversation import known_facts

        events = [
            {"event": "user", "text": self.ASKED, "timestamp": 0},
            {"event": "slot", "name": "topic_clause", "value": "3.4", "timestamp": 1},
            {"event": "user", "text": "不是新认定的", "timestamp": 2},
            {"event": "slot", "name": "topic_clause", "value": "3.4", "timestamp": 3},
            {"event": "user", "text": "那离岸奖励怎么算", "timestamp": 4},
        ]
        msg = {"text": "那离岸奖励怎么算", "intent": {"name": "ask_subsidy"}, "entities": []}
        tracker = Tracker("t", {"topic_clause": "3.4"}, msg, events, False, None, {}, "action_listen")
        assert known_facts(tracker)[0].get("tech_advanced_new") is False


class TestEstimate:
    START = "离岸150万美元 汇率7 再加上技术先进型的奖励一共多少"

    @pytest.mark.parametrize("text", BARE_NOT_NEW + NOT_NEW[:3])
    def test_no_award_for_an_old_status(self, text):
        """Answering the estimate's question on the status: no 10万 for an old or renewed one."""
        session = EstimateSession.start(self.START)
        session.handle(text, "inform")
        assert session.inputs.get("tech_advanced_new") is False

    @pytest.mark.parametrize("text", BARE_NEW)
    def test_award_for_a_new_status(self, text):
        session = EstimateSession.start(self.START)
        session.handle(text, "inform")
        assert session.inputs.get("tech_advanced_new") is True

    def test_told_at_once(self):
        """The status said old in the first message: 三（四） counts nothing (150万美元 × 7 × 10% = 105万 only)."""
        session = EstimateSession.start("离岸150万美元 汇率7 技术先进型2018年就拿到了 不是今年新认定的 两项一共多少")
        assert session.inputs.get("tech_advanced_new") is False
