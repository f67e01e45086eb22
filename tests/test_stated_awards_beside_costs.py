"""Awards the user states beside an item whose costs the message gives (「平台硬件800万 … 离岸奖励和增量奖励都是200万
加上平台补贴会不会超过上限」): names joined before 各/都 share the amount said after them, the item with costs is
computed from them, and all count in 第四条第（三）项's 500万 total (bot/estimate/stated_awards.py)."""

from decimal import Decimal

from bot.estimate import stated_awards
from bot.nlu.normalize import normalize


def read(text):
    return {s.code: s.value for s in stated_awards.read(normalize(text))}


class TestSharedAmount:
    def test_two_names_before_ge_share_it(self):
        """「A和B各X」: both awards are X."""
        assert {"3.1": Decimal("1800000"), "3.2": Decimal("1800000")} == read("增量奖励跟离岸奖励各180万 一共多少")

    def test_dou_shares_too(self):
        """「A与B都是X」."""
        assert {"3.2": Decimal("900000"), "3.1": Decimal("900000")} == read("离岸奖励与增量奖励都是90万 加起来多少")

    def test_separate_amounts_stay_separate(self):
        """Each name with its own amount keeps it."""
        assert {"3.1": Decimal("500000"), "3.2": Decimal("800000")} == read("增量奖励50万 离岸奖励80万 加起来多少")


class TestComputedBeside:
    def test_platform_costs_count_in_the_total(self):
        """A platform's 1000万 purchase is computed (capped 200万) and the total is held to 500万."""
        text = stated_awards.answer(
            normalize("公共技术服务平台买硬件和正版软件花了1000万 今年增量奖励和离岸奖励都是200万 三项加起来超不超上限")
        )
        assert text is not None and "公共服务平台补贴" in text and "6,000,000.00元" in text and "5,000,000.00元" in text

    def test_under_the_total(self):
        """300万 purchase → 90万, with 100万 + 100万 stated: 290万, under 500万."""
        text = stated_awards.answer(
            normalize("建了公共服务平台 硬件花了300万 增量奖励和离岸奖励各100万 加起来会超过上限吗")
        )
        assert text is not None and "2,900,000.00元" in text and "未超过" in text
