"""A year's total said with 折合 / 合计 / 一共 (「去年离岸加在岸一共折合5600万」) is the user's own amount, so the
message is estimated (a fall in business says 没有增量), never answered with the clause's text alone."""

from actions.policy import own_money


class TestTotalFiguresAreOwn:
    def test_totals_said_with_converted_or_summed_words(self):
        """折合, 合计, 总共, 共计 before the figure make it the user's own."""
        for text in (
            "上年度在岸和离岸合计3200万 今年2900万 还能拿增量奖吗",
            "前年境内境外总共折合1.5亿 去年1.3亿",
            "去年业务共计800万 今年只有700万",
        ):
            assert own_money(text), text

    def test_a_policy_figure_is_still_not_own(self):
        """A figure quoted from the policy stays the policy's."""
        assert not own_money("技术先进型那10万 是一次性的吗")
