"""三（九） platforms told by labels after one mention of 平台 (「两个平台。A 硬件加正版软件 900w。B 350w」): each label's
cost is its own platform (each capped at 200万), never the costs summed and that sum taken again for each platform;
「各补多少」 asks each award, it does not say each platform cost the same. New wording, not the case files'."""

from decimal import Decimal

from bot.estimate.session import EstimateSession
from bot.estimate.understand import read


def costs(text):
    return [e["cost_cny"] for e in read(text, items=["3.9"]).fields.get("platforms", [])]


class TestLabelsStartPlatforms:
    def test_letters(self):
        assert [Decimal("9000000"), Decimal("3500000")] == costs(
            "两个公共服务平台。A 硬件加正版软件 900w。B 350w。各补多少"
        )

    def test_heavenly_stems_with_colons(self):
        assert [Decimal("6000000"), Decimal("2000000")] == costs("建了两个平台 甲：设备600万 乙：软件200万")

    def test_ordinals(self):
        assert [Decimal("5000000"), Decimal("1200000")] == costs("我们有2个公共服务平台，第一个500万，第二个120万")

    def test_numbered(self):
        assert [Decimal("8000000"), Decimal("3000000")] == costs("两个平台 一号平台800万，二号平台300万")

    def test_each_platform_capped_on_its_own(self):
        s = EstimateSession.start("公共服务平台有两个 A 硬件和正版软件900万 B 350万 总共补多少")
        assert Decimal("3050000") == Decimal(str(s.compute()["total_cny"]))


class TestNotLabels:
    def test_one_platform_parts_stay_summed(self):
        """Parts of one platform (硬件/软件) are no labels: one platform of 800万."""
        assert [Decimal("8000000")] == costs("公共服务平台 硬件500万 软件300万")

    def test_one_label_with_parts_is_one_platform(self):
        assert [Decimal("8000000")] == costs("公共服务平台 A 硬件500万 软件300万")

    def test_same_label_twice_is_not_two_platforms(self):
        """「A 硬件500万 A 软件300万」: one label twice is one platform's parts; with 两个平台 that is asked."""
        r = read("两个平台 A 硬件500万 A 软件300万", items=["3.9"])
        assert [] == r.fields.get("platforms", [])
        assert r.clarifications


class TestEachAskedIsNotEachCost:
    def test_parts_with_a_count_and_each_asked_is_asked(self):
        """「2个平台 硬件500万 软件300万 各补多少」: whether 800万 is each platform's or both is asked, never 800万 × 2."""
        r = read("建了2个平台 硬件500万 软件300万 各补多少", items=["3.9"])
        assert [] == r.fields.get("platforms", [])
        assert "每个平台" in r.clarifications[0].question

    def test_one_cost_with_each_asked_is_asked(self):
        r = read("2个平台 800万 各补多少", items=["3.9"])
        assert [] == r.fields.get("platforms", [])

    def test_each_said_before_the_cost_is_each(self):
        for text in ("建了2个平台 每个800万", "两个平台各投入800万"):
            assert [Decimal("8000000")] * 2 == costs(text), text
