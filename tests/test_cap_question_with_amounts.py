"""A question about a cap (or a guess of the award, 「按3%能拿270万吗」) that also gives the user's own amounts is an estimate (the cap applied to them);
a cap asked with nothing to compute from is the clause's answer (actions/policy.figures_first)."""

import asyncio

from rasa_sdk.executor import CollectingDispatcher

from actions.estimate import ActionEstimateStart
from actions.policy import ActionAnswerPolicy
from tests.test_actions import tracker


def reply(text: str, intent: str = "ask_subsidy") -> str:
    d = CollectingDispatcher()
    asyncio.run(ActionAnswerPolicy().run(d, tracker(text, intent), {}))
    return "\n".join(m.get("text") or "" for m in d.messages)


def test_amounts_with_a_cap_question_are_computed_and_capped():
    text = reply("今年刚成立 在岸执行额一下做到了9000万 按3%能拿270万吗 好像有封顶？")
    assert "2,000,000.00元" in text  # 9000万 × 3% = 270万, above the 200万 cap of 三（一）
    assert "按200万元计" in text
    assert "在岸9000万元" in text and "在岸270万元" not in text  # the user's guess of the award is no amount


def test_a_cap_question_alone_gets_the_clause_caps():
    text = reply("境外展会一场最多补多少 一年封顶多少")
    assert "每场最高补贴5万元" in text and "全年最高30万元" in text
    assert "测算" not in text.split("\n")[0]


def test_a_total_for_an_unnamed_group_of_people_is_asked_never_computed():
    d = CollectingDispatcher()
    asyncio.run(
        ActionEstimateStart().run(d, tracker("上个月派了一批项目经理去参加涉外业务培训 一共花了36万 能补贴多少"), {})
    )
    text = "\n".join(m.get("text") or "" for m in d.messages)
    assert "36万" in text and "人数" in text  # the figure named, the number of people asked
    assert "180,000" not in text and "18万" not in text  # 36万 × 50% as if one person (or no per-person cap)
    assert "30,000" not in text  # nor one person's cap


def test_a_kind_said_to_be_none_names_no_figure():
    """「全是离岸 没有境内 今年…美元」: 境内 after 没有 does not label the dollars after it as onshore."""
    from bot.estimate.understand import read

    fields = read("我们只做海外的离岸单子 没有国内 今年2.1M USD 汇率7.1").fields
    assert fields.get("offshore_usd") == 2100000 and not fields.get("onshore_cny")
    assert read("在岸没有 离岸今年120万美元").fields.get("offshore_usd") == 1200000
