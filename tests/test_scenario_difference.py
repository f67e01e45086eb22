"""Two supposed outcomes and the question how far apart they are (「分别多少？差多少？」): after each outcome's own
block, the difference of the two totals, each as estimated. Wording of our own."""

from actions.estimate import ActionEstimateStart
from bot.estimate import scenarios
from tests.test_actions import run, texts, tracker


def test_difference_words():
    assert scenarios.asks_difference("两种情况相差多少")
    assert scenarios.asks_difference("分别能拿多少 多拿多少")
    assert not scenarios.asks_difference("分别能拿多少")


def test_difference_line_is_larger_less_smaller():
    line = scenarios.difference_line([("情况一（200万美元）", 1420000), ("情况二（120万美元）", 852000)])
    assert "1,420,000.00元" in line and "852,000.00元" in line and "568,000.00元" in line


def test_no_line_for_three():
    assert "" == scenarios.difference_line([("a", 1), ("b", 2), ("c", 3)])


async def test_the_action_says_the_difference():
    d, _ = await run(
        ActionEstimateStart(),
        tracker(
            "上年全是在岸 执行额3000万；假如今年做到3500万或者4000万（都是在岸），增量奖励各多少？两种情况差多少？",
            intent="estimate_award",
        ),
    )
    out = texts(d)
    assert "150,000.00元" in out and "300,000.00元" in out  # 500万 × 3%, 1000万 × 3%
    assert "相差" in out and "= 150,000.00元" in out
