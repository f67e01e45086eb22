"""「…帮我算下总共能拿多少，创新奖能不能拿」 with facts that fail the item named: the total asks every item the figures
compute, so the estimate is given (the failed item at 0 元 with its reason) AND the verdict on the item asked about;
never the verdict alone. The wordings are the team's own."""

import asyncio

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.estimate import ActionEstimateStart
from actions.policy import _asks_everything
from tests.test_actions import tracker


def reply(text: str) -> str:
    d = CollectingDispatcher()
    asyncio.run(ActionEstimateStart().run(d, tracker(text, "estimate_award"), {}))
    return "\n".join(m.get("text") or "" for m in d.messages)


@pytest.mark.parametrize(
    "text, total, failed",
    [
        (
            "全年执行额（含离岸）去年3000万 今年3600万；今年离岸150万美元，汇率7。研发投入只涨了一年，专利也不是连续两年都有。"
            "总共能拿多少？创新奖还能拿吗",
            "1,230,000.00元",
            "创新发展奖励：不符合条件",
        ),
        (
            "去年在岸2000万今年2500万，都是境内业务；技术先进型是复审延续的，不是新认定的。帮我算算一共可以拿多少钱，"
            "技术先进型的奖励有没有",
            "150,000.00元",
            "技术先进型服务企业认定奖励：不符合条件",
        ),
        (
            "我们在市级服务外包重点园区入驻才两年，去年执行额1500万，租了500平每月每平40元；还参加了一场商务部门指定的"
            "境外展会，费用6万。全部加起来能拿多少？租金补贴能拿吗",
            "42,000.00元",
            "租金补贴：不符合条件",
        ),
    ],
)
def test_the_estimate_and_the_verdict(text, total, failed):
    text = reply(text)
    assert f"合计：{total}" in text
    assert failed in text


class TestAsksEverything:
    @pytest.mark.parametrize("part", ["帮我算下总共能拿多少", "全部加起来今年最多能拿多少", "一共可以拿多少钱"])
    def test_a_total_of_everything(self, part):
        assert _asks_everything(part)

    @pytest.mark.parametrize("part", ["离岸奖励一共多少", "帮我算下创新奖", "一共多少个领域"])
    def test_an_items_own_total_or_no_money(self, part):
        assert not _asks_everything(part)
