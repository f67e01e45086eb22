"""Both years' whole totals said to include offshore already converted, in a parenthesis or with 含/包括 离岸
(「服务外包执行额（离岸已按中间价折合成人民币）去年…今年…」), with this year's offshore dollars said BEFORE them or not
at all: 三（一） is total less total, the dollars serve 三（二） only, and neither 「…是美元还是人民币」 nor last year's rate
is asked of the totals. The wordings are the team's own."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.estimate.understand import read


def amounts(session) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in session.compute()["items"]}


class TestDollarsBeforeTheTotals:
    @pytest.mark.parametrize(
        "text, increment, offshore",
        [
            # 折合 + 人民币 in a parenthesis, a comma inside it
            (
                "今年离岸200万美元，汇率7.1；执行额（包括离岸，已折合人民币）去年5000万今年6000万，能拿多少",
                300000,
                1420000,
            ),
            # 含离岸 in a parenthesis, the dollars with no year of their own
            ("离岸120万美元，汇率7；合同执行额（含离岸）去年2000万，今年2600万，两项奖励多少", 180000, 840000),
            # 折合成人民币 with words between
            (
                "离岸今年130万美元 汇率6.8 执行额合计（离岸部分按中间价折合成人民币）去年2200万 今年2500万 各项多少",
                90000,
                884000,
            ),
            # a question ended before the totals (「…能拿离岸奖励吗 服务外包执行额…」): exactly 100万美元 is not over it
            (
                "今年离岸正好100万美元整 汇率7.1 能拿离岸奖励吗 服务外包执行额（含离岸）上年2600万 今年3000万 增量多少",
                120000,
                0,
            ),
        ],
    )
    def test_increment_is_total_less_total(self, text, increment, offshore):
        session = EstimateSession.start(text)
        assert "done" == session.status, session.question()
        got = amounts(session)
        assert Decimal(increment) == got["3.1"]
        assert Decimal(offshore) == got["3.2"]

    def test_no_rate_yet_still_gives_the_increment(self):
        """「离岸150万美元；执行额（离岸已经折成人民币）…」 with no rate: the increment is the difference, no rate needed;
        only the rate (for 三（二）) is left to ask, never the totals' currency."""
        reading = read(
            "离岸150万美元；执行额（离岸已经折成人民币）去年3000万今年4200万，增量多少", items=["3.1", "3.2"]
        )
        assert Decimal(12000000) == reading.fields["increment_cny"]
        assert Decimal(1500000) == reading.fields["offshore_usd"]
        assert not reading.clarifications

    def test_dollars_before_plain_totals_are_not_read_as_inside_them(self):
        """Negative: 「今年离岸100万美元 去年执行额3000万 今年4000万」 says nothing of the totals holding the dollars."""
        reading = read("今年离岸100万美元 汇率7 去年执行额3000万 今年4000万 增量多少", items=["3.1", "3.2"])
        assert not any("两年各自的全年合计" in n for n in reading.notes)


class TestNoDollarsAtAll:
    @pytest.mark.parametrize(
        "text, increment",
        [
            ("服务外包执行额（离岸已折成人民币）去年3000万今年4200万 增量奖励多少", 360000),
            ("全年执行额（离岸按当年汇率换算为人民币）上年5000万 今年4800万 增量还有吗", 0),
            ("合同执行额（含离岸部分，已经折算成人民币）去年1800万，今年2300万，增量奖多少", 150000),
        ],
    )
    def test_the_increment_needs_no_dollars(self, text, increment):
        session = EstimateSession.start(text)
        assert "done" == session.status, session.question()
        assert Decimal(increment) == amounts(session)["3.1"]

    def test_the_offshore_award_asks_the_dollars_not_the_totals_currency(self):
        session = EstimateSession.start("服务外包执行额（离岸已折成人民币）去年3000万今年4200万 离岸奖励多少")
        assert "美元还是人民币" not in session.question()
        assert "离岸" in session.question() and "美元" in session.question()
