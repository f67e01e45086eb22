"""Urgency and emotion said beside a question (「快点告诉我」「领导催呢」「急急急」) never change what is asked."""

import pytest

from bot.answers import procedure
from bot.nlu.normalize import nlu_text, understand
from knowledge import shapes

QUESTIONS = [
    ("申报材料有哪些 麻烦快点告诉我 领导催呢", "申报材料有哪些"),
    ("离岸奖励比例多少？急急急", "离岸奖励比例多少?"),
    ("我很着急，增量奖励怎么算", "增量奖励怎么算"),
    ("老板等着要结果 房租补贴最多多少", "房租补贴最多多少"),
    ("在线等，挺急的 培训补贴多少", "培训补贴多少"),
    ("尽快回复我 市场开拓补贴标准是什么", "市场开拓补贴标准是什么"),
    ("这事挺着急的，实习补贴标准是什么", "实习补贴标准是什么"),
]


@pytest.mark.parametrize("said, meant", QUESTIONS)
def test_urgency_dropped(said, meant):
    """The question reads as if the urgency were not said, for the answers and for the intent models."""
    assert meant == understand(said)
    assert meant == nlu_text(said)


@pytest.mark.parametrize(
    "text",
    ["赶紧补报还来得及吗", "急需人才的企业能报吗", "呼叫中心服务包括语音、在线等客户服务", "快点", "急", "谢谢"],
)
def test_words_that_are_not_urgency_kept(text):
    """A word of the question itself (赶紧补报, 在线等客户服务) stays; a message of urgency alone is kept whole."""
    assert text == understand(text)


@pytest.mark.parametrize(
    "text",
    [
        "今年的申报截止是几号啊 要去哪个窗口交纸质材料 需要准备哪些材料 麻烦快点告诉我 领导催呢",
        "纸质材料交到哪个窗口啊 急死了",
        "申报的话去哪个窗口交 赶紧的",
        "材料交到哪个窗口 老板在催",
    ],
)
def test_window_question_is_the_procedure(text):
    """「交到哪个窗口」 asks the application's logistics (answered from 第四条第（一）项), not for a person."""
    t = understand(text)
    assert procedure.asked(t)
    assert shapes.search("human_request", t) is None
