"""三（八）3 with the rent said as a price per square metre, or as the user's own arithmetic, and the amounts beside
it read with their roles (round-28 causes), each on wording written for the test: a day's price counts the days of a
year the user says, else 365 (said in the arithmetic), a month's price is × 12, the 1000平方米 cap applies to the area, a
product of the user's figures is the year's rent, an item named after a year's business amount is no rent, and
技先 is read as 技术先进型."""

from decimal import Decimal

from bot.estimate.expressions import products
from bot.estimate.session import EstimateSession
from bot.estimate.understand import read
from bot.understand.facts import read_facts
from knowledge.text import expand_short_forms

PARK = "入驻市级服务外包重点园区5年 执行额900万 没领过租金补贴 "


def rent_item(s):
    return next(i for i in s.compute()["items"] if i["code"] == "3.8.3")


def test_a_days_price_with_the_days_said_is_the_price_times_area_times_days():
    s = EstimateSession.start(PARK + "办公室800平米 房租每平每天1.5元 全年按360天算 租金补贴多少")
    assert s.inputs["rent_annual_cny"] == Decimal("432000")  # 1.5 × 800 × 360
    assert s.status == "done" and Decimal(str(rent_item(s)["amount_cny"])) == Decimal("129600")
    assert "rent_years_in_park" in s.inputs and s.inputs["rent_years_in_park"] == 5  # 「全年」 is no time in the park


def test_a_days_price_without_the_days_counts_the_calendar_year_and_says_so():
    s = EstimateSession.start(PARK + "办公室800平米 房租每平每天1.5元 租金补贴多少")
    assert s.inputs["rent_annual_cny"] == Decimal("438000")  # 1.5 × 800 × 365
    assert s.status == "done" and s.clarify is None
    assert any("365天" in n and "按一年365天计" in n for n in s.notes)


def test_the_users_own_days_are_not_said_to_be_assumed():
    s = EstimateSession.start(PARK + "租赁面积600平方米 租金每天每平米2元 一年按360天算")
    assert s.inputs["rent_annual_cny"] == Decimal("432000")  # 2 × 600 × 360
    assert not any("按一年365天计" in n for n in s.notes)


def test_a_days_price_after_the_area_is_asked_counts_the_calendar_year():
    s = EstimateSession.start(PARK + "房租补贴能补多少")
    s.handle("租了700平 日租金2块一平")
    assert s.inputs["rent_annual_cny"] == Decimal("511000")  # 2 × 700 × 365
    assert Decimal(str(rent_item(s)["amount_cny"])) == Decimal("153300")


def test_the_area_cap_applies_to_the_area_of_a_days_price():
    s = EstimateSession.start(PARK + "租了1200平 每平米每天3元 一年按365天 能补多少")
    assert s.inputs["rent_annual_cny"] == Decimal("1314000")
    item = rent_item(s)
    assert Decimal(str(item["amount_cny"])) == Decimal("328500")  # 3 × 1000 × 365 × 30%
    assert item["capped"] and "1000" in item["explanation"]


def test_a_months_price_is_twelve_months_of_the_area():
    got = read("租金补贴 园区待了4年 执行额700万 面积250平方米 每平米每月40元").fields
    assert got["rent_annual_cny"] == Decimal("120000")


def test_the_users_product_after_a_rent_word_is_the_years_rent():
    got = read(PARK + "面积600平 年租金就是2.5×600×365").fields
    assert got["rent_annual_cny"] == Decimal("547500")


def test_a_product_with_a_percentage_is_the_users_claim_not_the_rent():
    got = read(PARK + "面积450平 我算的租金补贴是1.6×450×365×30%对吗").fields
    assert "rent_annual_cny" not in got
    assert [p.said for p in products("补贴1.6×450×365×30%")] == []
    assert products("租金3万×12")[0].value == Decimal("360000")


def test_capital_numerals_and_a_year_pair_with_an_aside_beside_an_item_named_after_them():
    s = EstimateSession.start(
        "我司入驻市级重点园区4年，租赁办公面积800平方米，年租金人民币叁拾陆万元整，从未享受租金补贴。"
        "执行额：2025年在岸2,100万元（不含离岸），2024年在岸1,600万元。请算租金补贴和增量奖励。"
    )
    assert s.inputs["rent_annual_cny"] == Decimal("360000")
    assert s.inputs["previous_onshore_cny"] == Decimal("16000000")
    assert s.status == "done"
    assert Decimal(str(s.compute()["total_cny"])) == Decimal("258000")  # 108,000 + 3% × 500万


def test_short_forms_are_read_as_the_policys_name():
    assert expand_short_forms("技先资格今年批了") == "技术先进型资格今年批了"
    assert read_facts("我们技先今年刚认定下来")["tech_advanced_new"] is True
    assert read_facts("技先是复审通过的")["tech_advanced_new"] is False


def test_a_new_grant_stated_in_a_question_starts_the_estimate_and_a_later_item_adds_to_it():
    s = EstimateSession.start("我们技先今年刚认定下来 能奖多少")
    assert s.status == "done" and Decimal(str(s.compute()["total_cny"])) == Decimal("100000")
    later = EstimateSession.start("另外ITSS认证费12万也是今年新拿的 一共多少", running=s.inputs)
    assert Decimal(str(later.compute()["total_cny"])) == Decimal("184000")  # 10万 + 70% × 12万


def test_an_aside_setting_offshore_apart_names_no_kind_for_the_next_years_amount():
    """「（注：不含离岸）」 says there is no offshore business; last year's amount after it is not an offshore one."""
    got = read("2025年境内合同执行额1250万元（注：不含离岸），2024年为980万元 增量奖励多少").fields
    assert (got["onshore_cny"], got["previous_onshore_cny"]) == (Decimal("12500000"), Decimal("9800000"))


def test_an_area_said_not_to_be_is_no_area_of_the_price():
    """「不是1200平，是900平」 beside a month's price: the year's rent is of 900平方米."""
    s = EstimateSession.start(PARK + "租了1200平 房租补贴多少")
    s.handle("每平米每月45块。哦对了不好意思，刚才面积说错了，不是1200平，是900平")
    assert s.inputs["rent_area_m2"] == Decimal("900") and s.inputs["rent_annual_cny"] == Decimal("486000")
    assert Decimal(str(rent_item(s)["amount_cny"])) == Decimal("145800")


def test_a_small_price_in_kuai_beside_a_square_metre_is_yuan():
    """「每平每天2块」「日租金2块一平」: 块 is yuan there, never two parts of something."""
    for said in ("租了500平 租金每平每天2块", "租了500平 日租金2块一平", "租了500平 一天一平2块"):
        assert read(PARK + said).fields["rent_annual_cny"] == Decimal("365000"), said  # 2 × 500 × 365


def test_a_price_without_its_period_asks_the_period_once():
    """「租金每平米45块」: the period asked; 「每月的」 answers it, 「年租金48.6万」 instead gives the year's rent."""
    s = EstimateSession.start(PARK + "租了900平 租金每平米45块 能补多少")
    assert s.clarify["kind"] == "rent_period" and "每月、每天还是每年" in s.question()
    s.handle("每月的")
    assert s.inputs["rent_annual_cny"] == Decimal("486000") and s.status == "done"
    s = EstimateSession.start(PARK + "租了900平 租金每平米45块 能补多少")
    s.handle("年租金48.6万")
    assert s.inputs["rent_annual_cny"] == Decimal("486000") and s.status == "done"


def test_a_period_answered_before_the_area_keeps_the_price():
    s = EstimateSession.start(PARK.replace("租金补贴", "房补") + "租金每平米45块 能补多少")
    s.handle("按月")
    assert "rent_annual_cny" not in s.inputs and s.status == "collecting" and "面积" in s.question()
    s.handle("900平")
    assert s.inputs["rent_annual_cny"] == Decimal("486000")
