"""A rent table pasted for 三（八）3 is read as the year's rent and the area (bot/estimate/rent_tables.py)."""

from bot.estimate.rent_tables import read_rent_tables
from bot.nlu.normalize import normalize


def read(text):
    return read_rent_tables(normalize(text))


def test_price_per_square_metre_per_month_with_total_row():
    """Each floor's area × price × 12, added; the 合计 row is not counted again."""
    text, notes, problems = read(
        "房租补贴\n楼层\t面积(㎡)\t租金(元/㎡/月)\n8F\t900\t50\n9F\t600\t50\n合计\t1500\t50\n最多补多少"
    )
    assert "租赁面积1500平方米，年租金900000元" in text
    assert [] == problems
    assert "合计行不重复计入" in notes[0] and "8F 900平方米" in notes[0]


def test_monthly_rent_column_space_separated():
    """「月租金(元)」: the row's month's rent × 12."""
    text, notes, problems = read("入驻园区3年\n房间 面积 月租金(元)\n801 500 30000\n802 700 42000\n最多补多少")
    assert "租赁面积1200平方米，年租金864000元" in text


def test_unit_in_cells_and_days_said():
    """「1.8元/㎡/天」 in each cell, the user's 365 days a year."""
    text, _, problems = read("楼层 面积 租金\n5层 800㎡ 1.8元/㎡/天\n6层 400㎡ 1.8元/㎡/天\n一年按365天算")
    assert "租赁面积1200平方米，年租金788400元" in text and [] == problems


def test_one_day_price_without_days_counts_the_calendar_year():
    """One day's price for every row and no days of a year said: 365, said in the note."""
    text, notes, problems = read("楼层 面积 租金\n5层 800㎡ 1.8元/㎡/天\n6层 400㎡ 1.8元/㎡/天")
    assert "租赁面积1200平方米，年租金788400元" in text and [] == problems
    assert "按一年365天计" in notes[0]


def test_different_day_prices_without_days_count_the_calendar_year():
    """Different day's prices with no days of a year said: each row × 365."""
    text, notes, problems = read("楼层 面积 租金\n5层 800㎡ 1.8元/㎡/天\n6层 400㎡ 2元/㎡/天")
    assert "年租金817600元" in text and [] == problems  # 800 × 1.8 × 365 + 400 × 2 × 365


def test_yearly_rent_in_ten_thousands_markdown():
    """「| 年租金(万元) |」 in a markdown table."""
    text, _, _ = read("| 楼层 | 面积(平方米) | 年租金(万元) |\n| 3F | 1200 | 72 |\n| 合计 | 1200 | 72 |")
    assert "租赁面积1200平方米，年租金720000元" in text


def test_total_row_that_does_not_add_up_is_told():
    """A 合计 whose area is not the rows' sum: nothing guessed, the table left out and named."""
    text, _, problems = read("楼层 面积(㎡) 租金(元/㎡/月)\n8F 900 50\n9F 600 50\n合计 1600 50")
    assert "900" not in text and "1600平方米" in problems[0]


def test_rent_without_period_is_asked():
    """「租金」 with no unit or period: which period is not guessed."""
    text, _, problems = read("楼层 面积 租金\n8F 900 50\n9F 600 50")
    assert "年租金" not in text and "每月、每天还是每年" in problems[0]


def test_year_table_untouched():
    """A table of years (tables.py's) has no area column: left alone."""
    t = normalize("年度 在岸(万元) 离岸(万美元)\n2023 1800 120")
    assert (t, [], []) == read_rent_tables(t)


def test_markdown_rule_and_monthly_rent():
    """「|---|---|」 under the header is no row; 月租金 × 12, the 合计 row not counted again."""
    text, _, problems = read(
        "| 楼层 | 面积(平方米) | 月租金(元) |\n|---|---|---|\n| 3F | 600 | 36000 |\n| 4F | 300 | 18000 |\n| 合计 | 900 | 54000 |"
    )
    assert "租赁面积900平方米，年租金648000元" in text and [] == problems
