"""A small table pasted from a spreadsheet (bot/estimate/tables.py): each cell takes its column's role and unit in
its row's year; rows that do not fit the header, and columns without a unit, are said, never guessed."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.estimate.tables import read_tables, table_words
from bot.estimate.understand import read
from calculator import calculate

TABLE = "年度\t在岸(万元)\t离岸(万美元)\t汇率\n2022\t2100\t80\t6.7261\n2023\t2650\t95\t7.0467\n"


class TestReadTables:
    def test_rows_become_the_sentences_they_stand_for(self):
        """Each row is its year's amounts, in the header's units; the rate column takes no unit."""
        text, problems = read_tables(TABLE + "帮忙算下2023年业务规模增量奖励")
        expected = "2022年在岸2100万元，离岸80万美元，汇率6.7261；2023年在岸2650万元，离岸95万美元，汇率7.0467。"
        assert expected in text
        assert [] == problems

    @pytest.mark.parametrize(
        "pasted",
        [
            "年度 在岸(万元) 2023 1320 2024 1850 按增量那条能奖多少",
            "年度 在岸（万元）\n2023 1320\n2024 1850\n按增量那条能奖多少",
            "年份 | 在岸 (万元)\n2023 | 1320\n2024 | 1850\n按增量那条能奖多少",
            "项目 2023 2024\n在岸(万元) 1320 1850\n按增量那条能奖多少",
        ],
    )
    def test_any_layout_reads_the_same(self, pasted):
        """Spaces, tabs, | and line breaks, a unit typed apart from its label, a table turned round."""
        from bot.nlu.normalize import normalize

        text, _ = read_tables(normalize(pasted))
        assert text.startswith("2023年在岸1320万元；2024年在岸1850万元。")

    def test_every_listed_unit_is_written_after_its_cells(self):
        for said, written in table_words()["units"].items():
            text, _ = read_tables(f"年度 离岸({said}) 2023 12 2024 15")
            assert f"2023年离岸12{written}；2024年离岸15{written}。" == text, said

    def test_rows_that_do_not_fit_are_left_out_and_said(self):
        """One row a cell short: no cell is given a role (2023 is never read as a rate)."""
        reading = read("年度 在岸(万元) 离岸(万美元) 汇率 2023 1800 120 2024 2300 260 7.1 能拿多少")
        assert {} == {k: v for k, v in reading.fields.items() if k != "year"}
        assert 1 == len(reading.problems)
        assert "对不上" in reading.problems[0] and "年度、在岸(万元)、离岸(万美元)、汇率" in reading.problems[0]

    def test_a_column_without_unit_is_named_and_asked_again(self):
        reading = read("年度 在岸 2023 1800 2024 2300 增量能拿多少")
        assert "onshore_cny" not in reading.fields and "previous_onshore_cny" not in reading.fields
        assert [True] == [p.startswith("表格里“在岸”一列没有写单位") for p in reading.problems]

    def test_cells_with_their_own_units_need_none_in_the_header(self):
        reading = read("年度 在岸 离岸 汇率\n2023 1800万 120万美元 7.0\n2024 2300万 260万美元 7.1\n增量多少")
        assert [] == reading.problems
        assert (Decimal("1200000"), Decimal("2600000")) == (
            reading.fields["previous_offshore_usd"],
            reading.fields["offshore_usd"],
        )

    def test_text_without_a_table_is_unchanged(self):
        said = "2023年在岸1320万 2024年1850万 年度奖励多少"
        assert (said, []) == read_tables(said)


class TestTableEstimates:
    def test_each_cell_has_its_columns_role_in_its_rows_year(self):
        fields = read(TABLE + "帮忙算下2023年业务规模增量奖励 谢谢").fields
        assert {
            "year": 2023,
            "previous_onshore_cny": Decimal("21000000"),
            "previous_offshore_usd": Decimal("800000"),
            "previous_usd_cny_rate": Decimal("6.7261"),
            "onshore_cny": Decimal("26500000"),
            "offshore_usd": Decimal("950000"),
            "usd_cny_rate": Decimal("7.0467"),
        } == fields

    def test_the_increment_from_a_pasted_table(self):
        """(2650万 + 95万×7.0467) − (2100万 + 80万×6.7261) = 6,813,485 元; × 3% = 204,404.55 元."""
        s = EstimateSession.start(TABLE + "帮忙算下2023年业务规模增量奖励 谢谢")
        item = {i["code"]: i for i in s.compute()["items"]}["3.1"]
        assert 204404.55 == item["amount_cny"]

    def test_the_later_row_is_this_year(self):
        s = EstimateSession.start(
            "你好 我是财务 贴一下我们的数据\n年度 在岸(万元)\n2023 1320\n2024 1850\n按增量那条能奖多少"
        )
        assert (Decimal("13200000"), Decimal("18500000")) == (
            s.inputs["previous_onshore_cny"],
            s.inputs["onshore_cny"],
        )
        assert 159000 == calculate({k: v for k, v in s.inputs.items() if not k.startswith("_")})["total_cny"]
