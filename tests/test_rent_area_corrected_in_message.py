"""An area corrected inside one message (「租的是920平…等下我看错了，合同上写的是1020平」): the later figure wins and the
earlier one is no second area, so a price per square metre is priced on the corrected area and nothing is asked."""

from decimal import Decimal

from bot.estimate.session import EstimateSession
from bot.understand.retractions import without_retracted

PARK = "入驻市级服务外包重点园区4年，执行额800万，"


class TestRetraction:
    def test_the_earlier_area_is_blanked(self):
        out = without_retracted("办公室是860平，等一下我说错了，是880平，月租4万")
        assert "860" not in out and "880平" in out and "月租4万" in out

    def test_a_money_correction_still_works(self):
        out = without_retracted("在岸600万 等等 说错了 是650万")
        assert "600万" not in out and "650万" in out

    def test_an_area_correction_keeps_the_name(self):
        out = without_retracted("面积800平米 哦不对 是850平米 月租4万")
        assert "800" not in out and "面积" in out and "850平米" in out


class TestEstimate:
    def test_price_per_square_metre_on_the_corrected_area(self):
        s = EstimateSession.start(PARK + "租的是1100平…稍等我看错了，合同上写的是1150平，租金每平米每月40元，补多少")
        assert s.inputs["rent_area_m2"] == Decimal("1150")
        assert s.inputs["rent_annual_cny"] == Decimal("552000")  # 40 × 1150 × 12
        assert s.status == "done"

    def test_a_correction_in_the_first_figures_is_not_said_as_changed(self):
        s = EstimateSession.start("帮我算下房租补贴")
        turn = s.handle(PARK + "面积600平，不对，是650平，每平每月50块")
        assert s.inputs["rent_area_m2"] == Decimal("650")
        assert s.inputs["rent_annual_cny"] == Decimal("390000")
        assert not any("已更正" in m for m in turn.messages)

    def test_a_correction_of_a_figure_told_before_is_said(self):
        s = EstimateSession.start(PARK + "面积600平，房租每平每月50块，补贴多少")
        turn = s.handle("面积说错了，是620平")
        assert s.inputs["rent_area_m2"] == Decimal("620")
        assert any("已更正" in m for m in turn.messages)
