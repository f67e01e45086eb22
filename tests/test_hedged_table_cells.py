"""A pasted table whose cells are hedged (「2900左右」「约1500」「900多」) or empty (「-」): the hedged cell is read with its
hedge, as typed, the empty one says nothing, and the rest of the table is read as before (bot/estimate/tables.py,
pasted_tables.yml hedges)."""

from decimal import Decimal

import pytest

from bot.estimate import tables
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize

CASE = (
    "年度 | 在岸执行额(万元) | 离岸执行额(万美元) | 当年中间价\n"
    "2020 | 2900左右 | - | -\n2021 | 3260 | 150 | 6.45\n2022 | 3480 | 210 | 6.75\n"
    "2020那行只是参考。2022年度增量奖励是多少钱"
)


class TestHedgedCells:
    @pytest.mark.parametrize(
        "cell, said",
        [
            ("2900左右", "在岸2900万元左右"),
            ("约2900", "在岸约2900万元"),
            ("2900多", "在岸2900多万元"),
            ("2900上下", "在岸2900万元上下"),
        ],
    )
    def test_cell_read_with_its_hedge(self, cell, said):
        """The hedge is kept where Chinese says it, so the vague-figure reader sees it."""
        text, problems = tables.read_tables(normalize(f"年度 | 在岸(万元)\n2023 | {cell}\n2024 | 3000\n"))
        assert not problems
        assert said in text

    def test_table_with_a_hedged_row_is_read(self):
        """The years needed are read; the hedged reference row is not used."""
        text, problems = tables.read_tables(normalize(CASE))
        assert not problems
        assert "2021年在岸执行额3260万元，离岸执行额150万美元，中间价6.45" in text


class TestEstimate:
    @pytest.mark.parametrize(
        "text, increment",
        [
            (CASE, "201000"),  # (3480万 + 210万美元 × 6.75) − (3260万 + 150万美元 × 6.45) = 670万; × 3%
            (
                "年度\t在岸(万元)\t离岸(万美元)\t汇率\n2022\t约1500\t-\t-\n2023\t1800\t120\t7.05\n2024\t2300\t260\t7.12\n2024年增量奖多少",
                "451560",
            ),
            (
                "年度 在岸(万元) 离岸(万美元) 汇率\n2021 900多 - -\n2022 1200 80 6.7\n2023 1500 90 7.0\n23年增量奖多少",
                "118200",
            ),
        ],
    )
    def test_each_year_at_its_own_rate(self, text, increment):
        """Each year's offshore at its own row's rate; the hedged row plays no part."""
        session = EstimateSession.start(text)
        assert "done" == session.status and not session.clarify
        item = next(i for i in session.compute()["items"] if i["code"] == "3.1")
        assert Decimal(increment) == Decimal(str(item["amount_cny"]))
