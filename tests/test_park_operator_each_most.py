"""A park operator asking 「能拿哪些奖励，分别最多多少钱」 gets each of its own supports (三（八）1 and 三（八）2) with its
standard, not the one clause its words name (bot/answers/qualify.whatcan_answer, each_most)."""

from bot.answers import qualify
from bot.nlu.normalize import normalize
from bot.understand.facts import message_facts


def _answer(said: str):
    facts = message_facts(said)
    return qualify.answer(normalize(said), facts, facts)


def test_park_operator_gets_every_park_support():
    answer = _answer("我们是产业园的运营公司，园区今年刚认定成市级示范园区，能拿哪些奖励，各自最多多少")
    assert answer is not None
    assert "20万元" in answer.text and "10—30万元" in answer.text and "30万元" in answer.text


def test_operator_word_after_a_park_name():
    assert "park_operator" == message_facts("我是某某科创园运营公司的").get("applicant_type")


def test_operated_said_without_a_joining_word():
    assert message_facts("园区是我们公司统一管理运营的").get("park_enterprise_operated") is True


def test_a_figure_of_the_users_still_asks_an_estimate():
    said = "我们是园区运营公司，园区今年新认定为市级示范园区，引进外资2000万美元，能拿哪些奖励，分别最多多少"
    answer = _answer(said)
    assert answer is None or "另外还有" not in answer.text
