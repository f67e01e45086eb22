"""A one-time award asked for again (「21年新认定的技先 那年领过10万了 今年还能再拿一次吗」「2019年就是技先了…是每年都给还是只给
一次」「园区前年认定 拿过20万 今年还能再拿吗」): 不能, and why — the clause's own 一次性 words and its 新获得/新通过 object —
after the verdict on the facts said; never an estimate of the item at 0 元 nor 第四条第（三）项's double claim (no other
policy or funder named). A yearly item says it is claimed year by year. The wording is our own."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.estimate import ActionEstimateStart
from actions.policy import ActionAnswerPolicy
from bot.answers import recurrence
from bot.nlu.normalize import understand
from knowledge import shapes


def reply(text: str, intent: str = "ask_subsidy", action=None) -> str:
    """What the action says to `text` as the first message of a conversation."""
    msg = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [], "message_id": "again"}
    tracker = Tracker(
        "again", {}, msg, [{"event": "user", "text": text, "timestamp": 1}], False, None, {}, "action_listen"
    )
    d = CollectingDispatcher()
    asyncio.run((action or ActionAnswerPolicy()).run(d, tracker, {}))
    return "\n".join(m.get("text") or "" for m in d.messages)


TECH_AGAIN = [
    "我们2020年新认定的技术先进型服务企业，当年领过10万了，今年还能再领一次吗",
    "技先那笔10万前年已经拿过了 资格还在 今年能不能再报一次",
    "技术先进型我们18年就是了，这个奖是年年都有还是就一次",
    "去年领了技先10万 今年复审通过了 还能再领吗",
    "技先的10万是只给一回吗",
]


class TestTechAdvancedOnce:
    @pytest.mark.parametrize("text", TECH_AGAIN)
    def test_asked_again_is_no_with_the_once_words(self, text):
        """「不能」 with the clause's 一次性 words and its 新获得 object; no estimate, no 第四条第（三）项."""
        out = reply(text)
        assert "不能" in out
        assert "一次性" in out and "新获得" in out
        assert "第四条第（三）项" not in out
        assert "0元" not in out

    def test_labelled_an_estimate_it_is_still_answered(self):
        """The message the NLU takes for an estimate gets the same answer."""
        out = reply(
            "我们公司是2022年新认定的技先企业，那年已经领过10万奖励了，今年还能再拿一次10万吗",
            intent="estimate_award",
            action=ActionEstimateStart(),
        )
        assert "不能" in out and "一次性" in out
        assert "第四条第（三）项" not in out

    def test_a_new_status_this_year_is_yes_and_once(self):
        """「今年刚认定 能拿吗 以后每年都有吗」: 符合 now, and not every year."""
        out = reply("我们今年刚被认定为技术先进型服务企业 能拿10万吗 以后每年都有吗")
        assert out.startswith("结论：符合")
        assert "不是每年都能领" in out and "一次性" in out


class TestParkOnce:
    @pytest.mark.parametrize(
        "text",
        [
            "我们园区前年被认定为市级示范园区，拿过20万，今年还能再拿吗",
            "示范园区那个20万奖励，是不是只能拿一次",
            "园区认定的奖励每年都有吗",
        ],
    )
    def test_park_award_once(self, text):
        out = reply(text)
        assert "不能" in out and "一次性" in out
        assert "第三条第（八）项第1点" in out


class TestYearlyItems:
    def test_certification_maintenance_comes_yearly(self):
        """三（六）: claimed year by year; new certificates' fees, then maintenance fees."""
        out = reply("新拿的CMMI3认证费补过了，明年维护费还能补吗")
        assert out.startswith("可以按年度申报")
        assert "维护费用" in out

    def test_asked_whether_one_off_of_a_yearly_item(self):
        out = reply("CMMI认证补贴是一次性的吗")
        assert out.startswith("不是一次性的")


class TestShapes:
    @pytest.mark.parametrize(
        "text", ["技先的10万是只给一回吗", "技术先进型奖励是一年一次还是就一次", "技先奖励拿完一次以后还有没有"]
    )
    def test_recurrence_asked(self, text):
        assert recurrence.asked(understand(text))

    def test_received_before_without_already(self):
        assert shapes.search("received_again", "前年被认定为示范园区 拿过20万 今年还能再拿吗")

    def test_another_item_after_one_received_is_no_recurrence(self):
        """「技先领了10万 还能报展会补贴吗」: another item asked, not the same one again."""
        t = understand("技先领了10万 还能报展会补贴吗")
        assert recurrence.answer(t) is None

    def test_a_district_support_stays_a_double_claim(self):
        assert not recurrence.asked(understand("区里已经给过技先奖励了 这边还能再领一次吗"))
