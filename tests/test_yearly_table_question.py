"""A table of years pasted from a spreadsheet (「年度 | 在岸执行额(万元) | 离岸执行额(万美元) | 当年美元中间价」, a row per
year) with a question about one year's 增量奖励/离岸奖励/合计: one question about the table's figures, never the question
line and the table as separate questions. 三（一） compares the year asked with the year before it, each year's offshore
converted at its own row's rate; 三（二） is the asked year's. Columns in any order, 元/万元/万美元 headers, three years
with the year named, a 合计 column (left out: it is what the other columns give), a table turned round. The wordings
are the team's own."""

import asyncio
from decimal import Decimal

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.policy import ActionAnswerPolicy
from bot.estimate import year_chain
from bot.estimate.session import EstimateSession
from bot.estimate.tables import tables_read
from tests.test_actions import tracker

TWO_YEARS = "年度\t在岸执行额(万元)\t离岸执行额(万美元)\t当年美元中间价\n2022\t3200\t150\t6.73\n2023\t3600\t220\t7.05"
THREE_YEARS = "年度\t在岸执行额(万元)\t离岸执行额(万美元)\t汇率\n2022\t3200\t150\t6.73\n2023\t3600\t220\t7.05\n2024\t4100\t260\t7.12"
# 2023 against 2022: (3600 + 220 × 7.05) − (3200 + 150 × 6.73) = 941.5万 × 3%; 220万美元 × 10% × 7.05
INCREMENT_2023, OFFSHORE_2023 = Decimal("282450"), Decimal("1551000")
# 2024 against 2023: (4100 + 260 × 7.12) − 5151 = 800.2万 × 3%; 260万美元 × 10% × 7.12
INCREMENT_2024, OFFSHORE_2024 = Decimal("240060"), Decimal("1851200")


def amounts(session) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in session.compute()["items"]}


def reply(text: str, intent: str = "ask_subsidy") -> str:
    d = CollectingDispatcher()
    asyncio.run(ActionAnswerPolicy().run(d, tracker(text, intent), {}))
    return "\n".join(m.get("text") or "" for m in d.messages)


class TestQuestionBesideTheTable:
    @pytest.mark.parametrize(
        "text",
        [
            "财务整理了两年的数，帮忙算下2023年度增量奖励和离岸奖励分别多少，合计多少\n" + TWO_YEARS,
            TWO_YEARS + "\n请问2023年度增量奖励、离岸奖励各多少？一共多少？",
            "麻烦算一下，增量奖励是多少，离岸奖励是多少，加起来多少\n" + TWO_YEARS,
        ],
    )
    def test_one_estimate_from_the_rows(self, text):
        said = reply(text)
        assert "282,450.00元" in said and "1,551,000.00元" in said, said
        assert "1,833,450.00元" in said
        assert "告诉我具体数字" not in said

    def test_the_table_is_read_as_its_sentences_for_every_reader(self):
        read = tables_read("算下2023年度的奖励，合计多少\n" + TWO_YEARS)
        assert "2022年在岸执行额3200万元，离岸执行额150万美元" in read
        assert "年度\t" not in read

    def test_a_table_whose_rows_do_not_fit_is_left_as_pasted(self):
        text = "年度\t在岸(万元)\t离岸(万美元)\t汇率\n2023\t3200\t150\n2024\t3600\t220\t7.12"
        assert text == tables_read(text)


class TestColumns:
    @pytest.mark.parametrize(
        "table",
        [
            "年度\t离岸执行额(万美元)\t汇率\t在岸执行额(万元)\n2022\t150\t6.73\t3200\n2023\t220\t7.05\t3600",
            "年份\t在岸合同执行额(元)\t离岸合同执行额(美元)\t美元兑人民币中间价\n"
            "2022\t32,000,000\t1,500,000\t6.73\n2023\t36,000,000\t2,200,000\t7.05",
            "| 年度 | 离岸(万美元) | 在岸(万元) | 美元中间价 |\n|---|---|---|---|\n"
            "| 2022年度 | 150 | 3200 | 6.73 |\n| 2023年度 | 220 | 3600 | 7.05 |",
            "项目\t2022\t2023\n在岸执行额(万元)\t3200\t3600\n离岸执行额(万美元)\t150\t220\n美元中间价\t6.73\t7.05",
        ],
    )
    def test_any_order_and_unit(self, table):
        session = EstimateSession.start("2023年度增量奖励和离岸奖励各多少\n" + table)
        assert "done" == session.status, session.question()
        assert {"3.1": INCREMENT_2023, "3.2": OFFSHORE_2023} == amounts(session)

    @pytest.mark.parametrize(
        "table",
        [
            "年度\t在岸执行额(万元)\t离岸执行额(万美元)\t当年汇率\t合计(万元)\n2022\t3200\t150\t6.73\t4209.5\n2023\t3600\t220\t7.05\t5151",
            "年度\t境内执行额(万元)\t离岸执行额(万美元)\t离岸折人民币(万元)\t汇率\t执行总额(万元)\n"
            "2022\t3200\t150\t1009.5\t6.73\t4209.5\n2023\t3600\t220\t1551\t7.05\t5151",
        ],
    )
    def test_a_total_column_is_no_amount_of_its_own(self, table):
        read = tables_read(table)
        assert "合计" not in read and "总额" not in read and "折人民币" not in read
        session = EstimateSession.start(table + "\n2023年度增量奖励和离岸奖励各多少，加起来多少")
        assert "done" == session.status, session.question()
        assert {"3.1": INCREMENT_2023, "3.2": OFFSHORE_2023} == amounts(session)

    def test_a_total_column_without_a_rate_column_asks_the_rates(self):
        table = "年度\t在岸(万元)\t离岸(万美元)\t合计(万元)\n2022\t3200\t150\t4209.5\n2023\t3600\t220\t5151"
        assert "合计" not in tables_read(table)
        session = EstimateSession.start(table + "\n2023年度增量奖励和离岸奖励各多少")
        assert "collecting" == session.status
        assert "汇率" in session.question() or "中间价" in session.question()
        assert "offshore_cny" not in session.inputs and "previous_offshore_cny" not in session.inputs

    def test_a_total_column_alone_stays(self):
        table = "年度\t合计(万元)\n2022\t4209.5\n2023\t5151"
        assert "合计" in tables_read(table)


class TestYearAsked:
    @pytest.mark.parametrize(
        "question, year",
        [
            ("我们近三年数据如下，想问2023年度的增量奖励和离岸奖励分别是多少，合计多少", 2023),
            ("财务给的表，请算2024年度增量奖励、离岸奖励，合计是多少", 2024),
            ("帮我算下23年的增量和离岸奖励", 2023),
        ],
    )
    def test_the_named_year_before_the_table(self, question, year):
        assert [year] == year_chain.asked_years(tables_read(question + "\n" + THREE_YEARS))

    def test_the_year_named_is_estimated_against_the_year_before(self):
        session = EstimateSession.start("想问2023年度的增量奖励和离岸奖励分别是多少，合计多少\n" + THREE_YEARS)
        assert {"3.1": INCREMENT_2023, "3.2": OFFSHORE_2023} == amounts(session)
        session = EstimateSession.start(THREE_YEARS + "\n2024年度增量奖励、离岸奖励合计多少")
        assert {"3.1": INCREMENT_2024, "3.2": OFFSHORE_2024} == amounts(session)

    def test_the_earlier_of_two_rows_asks_for_its_year_before(self):
        table = "年度\t在岸执行额(万元)\t离岸执行额(万美元)\t汇率\n2023\t3600\t220\t7.05\n2024\t4100\t260\t7.12"
        session = EstimateSession.start("帮我算一下2023年度的增量奖励和离岸奖励，合计多少\n" + table)
        assert "collecting" == session.status
        assert "2022" in session.question()
        assert Decimal(2200000) == session.inputs["offshore_usd"]  # 2023's, never 2024's

    @pytest.mark.parametrize(
        "text",
        [
            "2023年拿过离岸奖励了，2024年在岸3000万，离岸100万美元，2025年在岸3500万，离岸150万美元，能拿多少",
            "2023年新认定了技先，2023年在岸1000万 2024年在岸2000万，增量奖励能拿多少",
        ],
    )
    def test_a_year_that_asks_nothing_names_no_year(self, text):
        assert 2023 not in year_chain.asked_years(text)
