"""Offshore of exactly 100万美元 asked 「能拿…离岸奖励吗」: the verdict is 不符合, because 第三条第（二）项 requires 「超过」
100万美元 — as a question (also when the support is named at length: 「能拿那个10%的离岸奖励吗」) and inside an
estimate, where the other items are still computed. The wordings are the team's own."""

from decimal import Decimal

import pytest

from bot.answers import qualify, router
from bot.estimate.session import EstimateSession
from bot.understand.facts import read_facts_cached


class TestQuestionShape:
    @pytest.mark.parametrize(
        "text",
        [
            "能拿那个10%的离岸奖励吗",
            "可以申请这个按执行额10%给的离岸补贴吗",
            "能享受第三条第二项的那个离岸奖励吗",
        ],
    )
    def test_a_long_name_of_the_support_is_a_whether_question(self, text):
        assert qualify.is_shape("qualify", text)

    @pytest.mark.parametrize("text", ["能拿到多少离岸业务方面的奖励吗", "可以申请哪些离岸方面的补贴吗"])
    def test_how_much_and_which_are_not(self, text):
        """Negative: 「多少」「哪些」 ask an amount or a list, not whether."""
        assert not qualify.is_shape("qualify", text)


class TestVerdictOnExactlyTheThreshold:
    @pytest.mark.parametrize(
        "said, asked",
        [
            ("我们今年离岸执行额正好是100万美金整", "能拿那个10%的离岸奖励吗"),
            ("今年境外业务不多不少刚好一百万美元", "可以申请这个按执行额10%给的离岸补贴吗"),
            ("我们今年离岸合同执行额整整$1,000,000", "能享受第三条第二项的那个离岸奖励吗"),
        ],
    )
    def test_not_met_because_not_over(self, said, asked):
        facts = read_facts_cached(said)
        answer = router.answer_part(None, asked, facts=facts)
        assert answer.text.startswith("结论：不符合")
        assert "超过" in answer.text


class TestInAnEstimate:
    @pytest.mark.parametrize(
        "text, increment",
        [
            (
                "离岸执行额不多不少整整100万美元，中间价7.2，这个能不能拿离岸奖励？总执行额（离岸折成人民币后）去年2000万今年2500万，一共能拿多少",
                150000,
            ),
            (
                "我们离岸offshore刚好一百万美元 汇率6.8 全年执行额（离岸已经换算成人民币）去年1000万 今年1300万 离岸奖和增量奖各多少",
                90000,
            ),
            ("今年在岸900万 离岸正好100万美金 汇率7 去年在岸1000万 没有离岸 能拿离岸奖励吗 增量多少", 180000),
        ],
    )
    def test_offshore_not_met_increment_still_computed(self, text, increment):
        session = EstimateSession.start(text)
        assert "done" == session.status, session.question()
        items = {i["code"]: i for i in session.compute()["items"]}
        assert Decimal(0) == Decimal(str(items["3.2"]["amount_cny"]))
        assert "超过" in items["3.2"]["explanation"] and not items["3.2"]["qualified"]
        assert Decimal(increment) == Decimal(str(items["3.1"]["amount_cny"]))
