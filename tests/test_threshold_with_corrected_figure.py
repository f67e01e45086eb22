"""A figure corrected inside a threshold question (「去年离岸执行额99万美元，不对不对，财务刚纠正了是101.3w美金，这样够不够离岸
奖励的门槛啊？比例是多少」): the new figure replaces the old one next to the words that name it, 「不对不对」 is no
question (never quoted back as 「不是否对」), and the threshold gets a verdict with the figure said (符合 / 不符合, 超过
100万美元), then the ratio. An A-not-A question (「够不够离岸奖励」「能不能拿离岸奖励」) denies no fact. The wording is our own."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.policy import ActionAnswerPolicy
from bot.nlu.normalize import understand
from bot.understand.facts import message_facts
from bot.understand.quote import header
from bot.understand.retractions import closed_up, without_retracted
from bot.understand.segment import is_question


def reply(text: str, intent: str = "ask_subsidy") -> str:
    msg = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [], "message_id": "thr"}
    tracker = Tracker(
        "thr", {}, msg, [{"event": "user", "text": text, "timestamp": 1}], False, None, {}, "action_listen"
    )
    d = CollectingDispatcher()
    asyncio.run(ActionAnswerPolicy().run(d, tracker, {}))
    return "\n".join(m.get("text") or "" for m in d.messages)


def offshore(text: str):
    span = message_facts(understand(text)).get("offshore_usd")
    return span.lo if span is not None else None


CORRECTED_ABOVE = [
    ("离岸执行额95万美元，哦不对，刚问了财务，是102万美元，能拿离岸奖励吗", 1020000),
    ("去年离岸98万刀 不对 是103万刀 够门槛吗 奖励比例多少", 1030000),
    ("离岸执行额95万美元，不对，是102万美元，够不够离岸奖励的条件", 1020000),
    ("我们去年离岸执行额99万美元，不对不对，会计刚核对了是100.8万美元，够离岸奖励的门槛吗", 1008000),
]


class TestCorrectedFigure:
    @pytest.mark.parametrize("text, usd", CORRECTED_ABOVE)
    def test_the_new_figure_is_the_fact(self, text, usd):
        assert usd == offshore(text)

    def test_new_figure_in_the_old_ones_place_after_an_aside(self):
        """「…99万美元，不对不对，财务刚纠正了是101.3w美金」: 离岸执行额 heads the new figure; the length is kept."""
        text = "我们去年离岸执行额99万美元，不对不对，财务刚纠正了是101.3w美金，够不够"
        out = without_retracted(text)
        assert len(text) == len(out)
        assert "离岸执行额101.3w美金" in out and "99万" not in out

    def test_closed_up_joins_the_words_and_the_new_figure(self):
        assert "离岸执行额 是102万美元" in closed_up("离岸执行额95万美元，不对，是102万美元，能拿吗")


class TestVerdict:
    @pytest.mark.parametrize("text, usd", CORRECTED_ABOVE)
    def test_above_the_threshold_is_met(self, text, usd):
        out = reply(text)
        assert out.startswith("结论：符合第三条第（二）项")
        assert "超过100万美元" in out

    def test_corrected_below_is_not_met(self):
        out = reply("离岸110万美元，说错了，是90万美元，还够离岸奖励的条件吗")
        assert out.startswith("结论：不符合第三条第（二）项")
        assert "90万美元" in out

    def test_ratio_after_the_verdict(self):
        out = reply(
            "我们去年离岸执行额99万美元，不对不对，财务刚纠正了是101.3w美金，这样够不够离岸奖励的门槛啊？比例是多少"
        )
        assert out.startswith("结论：符合")
        assert "10%" in out
        assert "是否对" not in out


class TestNoQuestion:
    @pytest.mark.parametrize("clause", ["不对不对", "99万美元 不对不对", "没有没有"])
    def test_a_correction_said_twice_asks_nothing(self, clause):
        assert not is_question(clause)

    def test_a_real_a_not_a_still_asks(self):
        assert is_question("这样对不对")

    def test_quote_never_turns_a_correction_into_a_question(self):
        text = "去年离岸99万美元，不对不对"
        assert "是否" not in header(1, text, text, "")


class TestAskedNotDenied:
    @pytest.mark.parametrize("text", ["这样够不够离岸奖励的门槛", "离岸执行额102万美元，能不能拿离岸奖励"])
    def test_a_not_a_denies_no_offshore_business(self, text):
        assert message_facts(understand(text)).get("has_offshore_business") is not False

    def test_a_denial_still_denies(self):
        assert message_facts(understand("我们没有离岸业务 能不能拿增量奖励")).get("has_offshore_business") is False
