"""「技先那10万已经领过了 是不是每年都能再领一次」: whether an award comes again, from its clause's own words — 一次性
(三（四）, 三（八）1) is once only, 年度 is claimed year by year, 期限最多3年 is a term, and the rest is left to the
实施细则 (bot/answers/recurrence.py); another policy named is still 第四条第（三）项's double claim."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.policy import ActionAnswerPolicy
from bot.answers import recurrence
from bot.nlu.normalize import understand


def reply(text: str, intent: str = "ask_subsidy") -> str:
    """What the policy action says to `text` as the first message of a conversation."""
    msg = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [], "message_id": "once"}
    tracker = Tracker(
        "once", {}, msg, [{"event": "user", "text": text, "timestamp": 1}], False, None, {}, "action_listen"
    )
    d = CollectingDispatcher()
    asyncio.run(ActionAnswerPolicy().run(d, tracker, {}))
    return "\n".join(m.get("text") or "" for m in d.messages)


class TestOneTimeAwards:
    @pytest.mark.parametrize(
        "text",
        [
            "技先资格的奖金我们前年拿过了，资格到现在都有效，今年还能再领吗",
            "技术先进型服务企业那笔奖励能不能年年申请",
            "示范园区认定的20万 我们园区去年领了 明年还能再拿一次吗",
        ],
    )
    def test_once_only(self, text):
        out = reply(text)
        assert out.startswith("不能")
        assert "一次性" in out
        assert "第四条第（三）项" not in out

    def test_a_renewed_status_is_no_new_grant(self):
        out = reply("技术先进型那10万已经到手了 证书还没过期 第二年还有没有")
        assert "新获得技术先进型服务企业资格" in out


class TestYearlyAndTermAwards:
    def test_a_yearly_award_is_claimed_again(self):
        out = reply("增量奖励去年已经领过了 以后每年都能申请吗")
        assert out.startswith("可以按年度申报")
        assert "年度" in out

    def test_a_term_says_its_years(self):
        out = reply("房租补贴是不是每年都能拿")
        assert "补贴期限最多3年" in out

    def test_unsaid_is_left_to_the_rules(self):
        out = reply("平台建设那个补贴明年还能再报吗")
        assert "没有写明" in out and "实施细则" in out


class TestOtherPolicyStaysDoubleClaim:
    @pytest.mark.parametrize(
        "text", ["区里已经补过技先的奖励了 还能在这边再领一次吗", "人社局已经补贴过这批培训 还能再报一次吗"]
    )
    def test_not_a_recurrence(self, text):
        assert not recurrence.asked(understand(text))
