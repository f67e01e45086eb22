"""A message asking this policy's figures by its place (「郑州这个政策离岸奖励按多少比例」) and another city's too (「把上海
的也说下」) gets this policy's answer, the other city's part declined beside it — never the whole message declined; a
message only about another city is still declined. New wording, not the case files'."""

import pytest

from bot.answers.router import compose
from knowledge import query


@pytest.mark.parametrize(
    "text",
    [
        "杭州的增量奖励是怎么算的我不知道 郑州这个政策增量奖励按几个点 你顺便把杭州的也讲讲",
        "深圳那边离岸奖励标准是啥 郑州的离岸奖励门槛是多少",
    ],
)
def test_this_policy_answered_other_declined(text):
    a = compose("ask_subsidy", text)
    assert "依据第三条" in a.text, a.text
    assert "不在我的范围内" in a.text or "不属于本政策" in a.text, a.text


@pytest.mark.parametrize("text", ["上海的离岸奖励是多少", "杭州对服务外包有什么补贴", "北京的增量奖励怎么算"])
def test_other_city_only_is_declined(text):
    assert query.other_policy(text) is not None
    assert "不在我的范围内" in compose("ask_subsidy", text).text
