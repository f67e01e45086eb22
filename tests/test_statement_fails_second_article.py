"""A statement of the applicant's facts after a question on any clause (「工作室目前是个体工商户」 after an answer on
三（二）): 第二条 governs every clause, so a stated fact failing it is answered with 第二条's verdict, 不符合."""

import pytest

from actions.estimate import ActionLooseAnswer
from tests.test_actions import run, texts, tracker


@pytest.mark.parametrize(
    "topic, said",
    [
        ("3.2", "工作室目前是个体工商户，没有注册公司。"),
        ("3.5", "我们其实是个体户"),
        ("3.1", "我们是分公司，税是在北京总部统一交的，郑州这边不交"),
    ],
)
async def test_a_stated_fact_failing_article_two_gets_its_verdict(topic, said):
    d, _ = await run(ActionLooseAnswer(), tracker(said, "inform", {"topic_clause": topic}))
    reply = texts(d)
    assert "不符合第二条" in reply
    assert "没有理解" not in reply


async def test_a_fact_meeting_article_two_is_no_verdict_of_failure():
    d, _ = await run(ActionLooseAnswer(), tracker("我们是郑州注册的独立法人", "inform", {"topic_clause": "3.2"}))
    assert "不符合第二条" not in texts(d)
