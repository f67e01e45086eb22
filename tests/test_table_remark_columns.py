"""A pasted table with a remark column (bot/estimate/tables.py _by_lines): 「年度\t在岸(万元)\t备注 / 2023\t1,236.50\t已填报」
is read one row a line, the remark column (a remark header word in knowledge/data/pasted_tables.yml, or cells all
words) left out, its cell possibly empty; a word under a figure's column is no figure and the table is not read."""

from bot.estimate.tables import read_tables


def test_a_remark_column_is_left_out():
    text, problems = read_tables("年度\t在岸(万元)\t备注\n2023\t1,236.50\t已填报\n2024\t1,580\t预计")
    assert text == "2023年在岸1,236.50万元；2024年在岸1,580万元。" and not problems


def test_remarks_with_digits_under_a_remark_header_and_bars_and_spaces():
    for pasted in (
        "年度\t在岸(万元)\t备注\n2023\t1,236.50\t含2个项目\n2024\t1,580\t预计",
        "年度 | 在岸(万元) | 说明\n2023 | 1,236.50 | 审计数\n2024 | 1,580 | 暂估",
        "| 年度 | 在岸(万元) | 备注 |\n|---|---|---|\n| 2023 | 1,236.50 | 审计数 |\n| 2024 | 1,580 | 暂估 |",
        "年度 在岸(万元) 备注\n2023 1,236.50 已填报\n2024 1,580",
    ):
        text, problems = read_tables(pasted)
        assert "2023年在岸1,236.50万元；2024年在岸1,580万元。" in text and not problems, pasted


def test_an_empty_remark_or_figure_cell_says_nothing():
    text, _ = read_tables("年度\t在岸(万元)\t离岸(万美元)\t备注\n2023\t1200\t\t无离岸\n2024\t1800\t80\t")
    assert text.startswith("2023年在岸1200万元；2024年在岸1800万元，离岸80万美元。")


def test_several_figure_columns_beside_a_remark():
    text, _ = read_tables(
        "年度\t在岸(万元)\t离岸(万美元)\t备注\n2023\t1200\t50\t已审计\n2024\t1800\t80\t预估数\n汇率按7.1"
    )
    assert "2023年在岸1200万元，离岸50万美元；2024年在岸1800万元，离岸80万美元。\n汇率按7.1" in text


def test_a_word_under_a_figure_column_is_not_read():
    text, problems = read_tables("年度\t在岸(万元)\t离岸\n2023\t1,236.50\t很少\n2024\t1,580\t50")
    assert "2023年在岸" not in text and problems
