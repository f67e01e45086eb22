"""Figures read with their role (round 13): bare years that label the amounts and rates after them
(「2024 在岸…；2023 在岸…」「汇率 2024: 7.1 / 2023: 6.9」). New wording, not the case files'."""

from decimal import Decimal

from bot.estimate.understand import full_years, read


def test_bare_years_label_each_years_amounts_and_rate():
    """The later bare year is the year rewarded, the year before it the previous year; neither is a rate."""
    r = read(
        "增量奖算一下 2024 在岸 4,100,000元 离岸 USD 220,000（2024中间价7.12）；2023 在岸 350万 离岸 20万刀（2023中间价7.05）",
        items=["3.1"],
    )
    assert r.fields["onshore_cny"] == Decimal("4100000")
    assert r.fields["offshore_usd"] == Decimal("220000")
    assert r.fields["previous_onshore_cny"] == Decimal("3500000")
    assert r.fields["previous_offshore_usd"] == Decimal("200000")
    assert r.fields["usd_cny_rate"] == Decimal("7.12")
    assert r.fields["previous_usd_cny_rate"] == Decimal("7.05")
    assert not r.problems


def test_rate_table_with_year_colons():
    """「汇率 2024: 7.12 / 2023: 7.05」 pasted from a sheet: one rate per year."""
    r = read("去年在岸500万 离岸30万美元 今年在岸600万 离岸40万美元 汇率 2024: 7.12 / 2023: 7.05", items=["3.1"])
    assert r.fields["usd_cny_rate"] == Decimal("7.12")
    assert r.fields["previous_usd_cny_rate"] == Decimal("7.05")


def test_bare_year_label_leaves_amounts_alone():
    """A figure of 2023 yuan or dollars, or 2023 after a currency code, stays an amount."""
    assert full_years("花了2023元 在岸") == "花了2023元 在岸"
    assert full_years("离岸 USD 2023 在岸") == "离岸 USD 2023 在岸"
    assert full_years("2024 在岸 500万") == "2024年 在岸 500万"
    assert full_years("汇率 2024: 7.12") == "汇率 2024年: 7.12"


def test_award_said_with_a_short_name_and_an_approval_verb():
    """「增量奖批下来12万 离岸奖到账了30万」: awards the user got (三（三）'s base), not business amounts."""
    from bot.estimate.session import EstimateSession

    s = EstimateSession.start("增量奖批下来12万 离岸奖到账了30万 这两年都有新的发明专利 创新奖能拿多少")
    assert s.inputs.get("_award_3.1") == Decimal("120000")
    assert s.inputs.get("_award_3.2") == Decimal("300000")
    assert "onshore_cny" not in s.inputs and "offshore_usd" not in s.inputs


def test_short_award_name_before_business_words_keeps_the_business():
    """「增量奖能拿多少 今年在岸500万」: the figure after a business word is that business."""
    r = read("增量奖能拿多少 今年在岸500万 去年在岸400万", items=["3.1"])
    assert r.fields["onshore_cny"] == Decimal("5000000")
    assert "_award_3.1" not in r.fields
