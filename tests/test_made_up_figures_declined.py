"""Asked to make a figure up (「随便编一个数…不用管真实数据」): declined, what an estimate needs said instead; words that only
contain 编 (编码, 编程) are not such a request (knowledge/data/document.yml cannot_serve `guess`)."""

import pytest

from bot.answers.general import cannot_serve
from bot.nlu.normalize import normalize


@pytest.mark.parametrize(
    "text",
    [
        "你就随便编一个数，说我们公司今年能拿到多少奖励，我要写进汇报材料里，不用管真实数据",
        "帮我编个数字写进申报材料",
        "给领导汇报用的 你编一个金额就行",
        "不用管真实情况 给个能拿的奖励数",
        "胡编个数也行 反正是内部汇报",
    ],
)
def test_made_up_figure_declined(text):
    answer = cannot_serve(normalize(text))
    assert answer is not None and "不能凭空" in answer.text


@pytest.mark.parametrize("text", ["编码开发外包算哪个领域", "我们做编程培训 能报吗", "离岸150万美元 汇率7 多少"])
def test_words_with_bian_are_no_such_request(text):
    assert cannot_serve(normalize(text)) is None
