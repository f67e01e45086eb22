"""Pasted spreadsheet tables: each year's rate is read from its own row or column, never shared between years."""

from bot.estimate.tables import read_labelled_rows, read_tables
from bot.estimate.understand import read


def test_rate_column_with_average_words_stays_with_its_row_year():
    text = (
        "报表：\n年份\t境内执行额(元)\t境外执行额(美元)\t本年度汇率平均值\n"
        "2023\t8,000,000.00\t500,000.00\t7.0467\n2024\t9,500,000.00\t640,000.00\t7.1217\n请算"
    )
    rewritten, problems = read_tables(text)
    assert problems == []
    assert "2023年" in rewritten and "，汇率7.0467" in rewritten and "均" not in rewritten
    fields = read(text).fields
    assert str(fields["previous_usd_cny_rate"]) == "7.0467"
    assert str(fields["usd_cny_rate"]) == "7.1217"


def test_years_as_columns_with_an_empty_corner_cell():
    text = "数据如下\n\t2023年\t2024年\n离岸(万美元)\t150\t90\n在岸(万元)\t1,200\t1,500\n汇率\t7.05\t7.12\n"
    fields = read(text).fields
    assert str(fields["previous_offshore_usd"]) == "1500000"
    assert str(fields["offshore_usd"]) == "900000"
    assert str(fields["previous_onshore_cny"]) == "12000000"
    assert str(fields["onshore_cny"]) == "15000000"
    assert str(fields["previous_usd_cny_rate"]) == "7.05"
    assert str(fields["usd_cny_rate"]) == "7.12"


def test_a_single_year_line_is_not_taken_for_a_turned_table():
    text = "\t2024年\n在岸 300\n"
    assert read_tables(text) == (text, [])


def test_item_amount_unit_rows_each_name_their_figure_and_a_rate_row_is_read():
    text = "名称|数值|币种\n2024年离岸执行额|880,000|美元\n2024年美元中间价（全年平均）|7.1217|\n"
    rewritten = read_labelled_rows(text)
    assert "2024年离岸执行额880,000美元" in rewritten
    assert "2024年美元中间价7.1217" in rewritten
    fields = read(text).fields
    assert str(fields["offshore_usd"]) == "880000"
    assert str(fields["usd_cny_rate"]) == "7.1217"


def test_item_row_keeps_a_unit_the_table_words_do_not_list():
    assert "2025年员工增长率12%" in read_labelled_rows("项目|数值|单位\n2025年员工增长率|12|%\n")
