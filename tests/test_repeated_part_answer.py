"""A message of two parts whose second (「一年封顶又是多少」, aspects only) gets the first part's answer again: the
reply is that answer, never the whole message answered anew by its 封顶 (第四条第（三）项's 500万). No server."""

import asyncio

import pytest

from actions.policy import ActionAnswerPolicy
from tests.test_actions import run, texts, tracker


def reply(text):
    d, _ = asyncio.run(run(ActionAnswerPolicy(), tracker(text, "ask_subsidy")))
    return texts(d)


@pytest.mark.parametrize(
    "text, clause",
    [
        ("出国参展 每场最多补多少 一年封顶又是多少", "第三条第（五）项"),
        ("去国外参加展会 一场最多补多少 全年最多多少", "第三条第（五）项"),
        ("公共服务平台补贴 单个平台最多补多少 比例多少", "第三条第（九）项"),
    ],
)
def test_the_items_answer_not_the_total(text, clause):
    out = reply(text)
    assert clause in out
    assert "500万元" not in out
