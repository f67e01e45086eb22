"""三（八）3 with the rent said as an area and a price per square metre (「一平一个月50块」): the year's rent is area ×
price × 12 with its arithmetic, the 1000平方米 cap said, the 「一平」 of the price never read as an area of 1 m², and a
price corrected in the same message (「每平每月40元，不对，是48元」) read as the corrected price."""

from decimal import Decimal

from bot.estimate.reading import figures
from bot.estimate.session import EstimateSession

PARK = "入驻市级服务外包重点园区5年 执行额900万 没领过租金补贴 "


def rent_item(s):
    return next(i for i in s.compute()["items"] if i["code"] == "3.8.3")


def test_the_square_metre_of_a_price_is_no_area():
    """「50块一平一个月」「一平米一个月60元」: the 「一平」 belongs to the price."""
    for text in ("租金50块一平一个月", "一平米一个月60元", "租金60块/一平/月"):
        assert not [f for f in figures(text) if f.kind == "area"], text


def test_an_area_and_a_price_after_it_give_the_years_rent():
    """800 m² × 50元 × 12 = 48万; 30% = 14.4万."""
    s = EstimateSession.start(PARK + "办公室面积800平米，房租一平一个月50块，补贴能拿多少")
    assert s.inputs["rent_area_m2"] == Decimal("800")
    assert s.inputs["rent_annual_cny"] == Decimal("480000")
    assert s.status == "done" and Decimal(str(rent_item(s)["amount_cny"])) == Decimal("144000")
    assert any("× 12个月" in n for n in s.notes)


def test_the_area_over_the_cap_is_said_and_capped():
    """1200 m² × 45元 × 12 = 64.8万; capped to 1000 m²: 64.8万 × 30% × 1000 ÷ 1200 = 16.2万."""
    s = EstimateSession.start(PARK + "我们租了1200平，45元一平米每月，房租补贴多少")
    assert s.inputs["rent_annual_cny"] == Decimal("648000")
    item = rent_item(s)
    assert Decimal(str(item["amount_cny"])) == Decimal("162000")
    assert "1000平方米" in item["explanation"] or "1000" in item["explanation"]


def test_a_price_corrected_in_the_message_is_the_new_one():
    """「每平每月40元，不对，是48元」: 900 m² × 48元 × 12 = 51.84万."""
    s = EstimateSession.start(PARK + "面积900平，租金每平每月40元，不对，是48元，能补多少")
    assert s.inputs["rent_annual_cny"] == Decimal("518400")
    assert "onshore_cny" not in s.inputs  # the corrected price is no business amount
    assert any("更正后的单价48元" in n for n in s.notes)


def test_a_price_before_its_area_words_and_the_area_after():
    """「一平米一个月60元 面积600平」: 600 × 60 × 12 = 43.2万."""
    s = EstimateSession.start(PARK + "租金一平米一个月60元，租了600平，能补多少")
    assert s.inputs["rent_area_m2"] == Decimal("600")
    assert s.inputs["rent_annual_cny"] == Decimal("432000")


def test_the_years_the_subsidy_lasts_are_said():
    """「最多能补几年」: the clause's 补贴期限最多3年 in the answer."""
    s = EstimateSession.start(PARK + "租了700平办公室 每平米每月30元 最多能补几年")
    assert s.status == "done"
    assert any("最多3年" in n for n in s.notes) or "最多3年" in rent_item(s)["explanation"]
