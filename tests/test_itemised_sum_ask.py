"""A list of the user's own items that asks for each item and the sum (「分项和合计？」) asks to compute."""

import pytest

from actions.policy import estimate_parts
from bot.answers import router
from bot.nlu.normalize import understand

LISTS = [
    "资质类的帮忙列一下：\n• CMMI3 维护费 12万\n• ITSS 认证费 6万\n• 今年新拿到技术先进型\n分项和合计？",
    "麻烦看下这几项：\n1. 境内展会展位费1.5万\n2. PCMM认证费8万\n各项小计、总计",
    "认证这块：\n- CCRC 新获得 认证费 4万\n- CMMI5 维护 10万\n合计？",
]


@pytest.mark.parametrize("text", LISTS)
def test_list_asking_each_and_sum_is_an_estimate(text):
    parts = router.message_parts(understand(text))
    assert estimate_parts(parts), parts


def test_a_cap_question_is_not_turned_into_one():
    parts = router.message_parts(understand("资质认证补贴每项最高多少？一年最多几个？"))
    assert not estimate_parts(parts)
