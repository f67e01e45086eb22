"""Amounts of three or more years written as numbers (「21年1000万 22年1300万 23年1250万」「2020年…2021年…2022年…」):
each year asked about is estimated against the year before it (a year with no increment named with 0元), and the
years added up when the message asks for it. Two numbered years, durations and an R&D series are no chain.
Wording of our own."""

from decimal import Decimal

import pytest

from actions.policy import ActionAnswerPolicy
from bot.estimate import year_chain
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from tests.test_actions import run, texts, tracker

D = Decimal


def asked(text):
    return year_chain.asked_years(normalize(text))


class TestAskedYears:
    @pytest.mark.parametrize(
        "text, years",
        [
            ("21年在岸800万 22年1000万 23年1500万 这两年的增量奖励各多少", [2022, 2023]),
            ("2020年执行额500万，2021年700万，2022年650万，后两年增量奖励分别多少", [2021, 2022]),
            ("我们21年1000万 22年1300万 23年1250万 全是在岸 23年的增量奖励多少", [2023]),
            ("22年度600万 23年度900万 24年度1200万 都是在岸 每年能拿多少", [2023, 2024]),
        ],
    )
    def test_numbered_years(self, text, years):
        assert years == asked(text)

    @pytest.mark.parametrize(
        "text",
        [
            "22年在岸1000万 23年在岸1300万 增量奖励多少",  # two years: read as they are
            "入驻15年了 执行额20万 18年的时候是10万 租金补贴多少",  # 入驻15年 is a duration
            "研发投入21年1200万 22年1300万 23年1500万 执行额900万 创新奖励多少",  # 三（三）'s own series
        ],
    )
    def test_no_chain(self, text):
        assert [] == asked(text)


class TestEachYear:
    def test_each_year_against_the_one_before(self):
        text = "我们20年执行额2000万 21年2600万 22年2400万 全是在岸 21年和22年的增量奖励分别多少 合计多少"
        totals = [EstimateSession.start(text, year=y).compute()["total_cny"] for y in (2021, 2022)]
        assert [D("180000"), D("0")] == [D(str(t)) for t in totals]

    def test_sum_line_names_each_year(self):
        line = year_chain.sum_line([(2022, 90000.0), (2023, 0.0)])
        assert "2022年90,000.00元" in line and "2023年0.00元" in line and "= 90,000.00元（约9.00万元" in line

    @pytest.mark.parametrize("text, summed", [("两年合计多少", True), ("加起来一共多少", True), ("各是多少", False)])
    def test_asks_sum(self, text, summed):
        assert summed == year_chain.asks_sum(text)

    async def test_reply_has_each_year_and_the_sum_asked(self):
        said = "公司2021年在岸执行额1500万 2022年1800万 2023年1700万 没有离岸 2022和2023年增量奖励各多少 两年加起来多少"
        d, _ = await run(ActionAnswerPolicy(), tracker(said, "ask_subsidy"))
        out = texts(d)
        assert "【2022年（与2021年相比）】" in out and "【2023年（与2022年相比）】" in out
        assert "2个年度合计：2022年90,000.00元 + 2023年0.00元 = 90,000.00元（约9.00万元" in out

    async def test_no_sum_when_not_asked(self):
        said = "公司2021年在岸执行额1500万 2022年1800万 2023年2100万 没有离岸 两年增量奖励各是多少"
        d, _ = await run(ActionAnswerPolicy(), tracker(said, "ask_subsidy"))
        out = texts(d)
        assert "金额不相加" in out and "合计：2022年" not in out
