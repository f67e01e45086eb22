"""Offshore amounts of several years, the offshore award (三（二）) alone asked for each year or added up
(「两年离岸奖励加起来多少」「每年各多少 三年合计」): every year told is estimated on its own, the first too, with its own
rate; a year not 超过100万美元 shows 0元. One year asked beside last year's figure stays one estimate. Wording of our
own."""

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


class TestEachAlone:
    @pytest.mark.parametrize(
        "text, years",
        [
            (
                "离岸奖励：2022年离岸执行额150万美元 汇率6.7 2023年离岸80万美元 汇率7.0 两年的离岸奖励加起来是多少",
                [2022, 2023],
            ),
            ("算下离岸奖 20年离岸110万美元 汇率6.9 21年离岸140万美元 汇率6.45 两年分别能拿多少", [2020, 2021]),
            (
                "离岸奖励 22年离岸300万美元汇率6.7，23年离岸90万美元汇率7.05，24年离岸200万美元汇率7.1 每年各多少",
                [2022, 2023, 2024],
            ),
            ("去年离岸120万美元 汇率7.0 今年离岸150万美元 汇率7.1 离岸奖励两年一共多少", [-1, 0]),
        ],
    )
    def test_every_year_told(self, text, years):
        assert years == asked(text)

    @pytest.mark.parametrize(
        "text",
        [
            "去年离岸90万美元 今年离岸130万美元 汇率7.1 今年离岸奖励能拿多少",  # one year asked
            "22年离岸90万美元 23年离岸130万美元 汇率7.0 23年的离岸奖励多少",
            "22年在岸1000万 23年在岸1300万 两年增量奖励各多少",  # the increment: no year alone
        ],
    )
    def test_one_year_asked_is_no_chain(self, text):
        assert not year_chain.each_alone(normalize(text)) or len(asked(text)) < 2

    def test_each_year_own_rate_and_threshold(self):
        text = "离岸奖励 2022年离岸执行额150万美元 汇率6.7 2023年离岸80万美元 汇率7.0 两年离岸奖励加起来多少"
        totals = {}
        for year in asked(text):
            session = EstimateSession.start(text, year=year)
            totals[year] = D(str(session.compute()["total_cny"]))
        assert totals == {2022: D("1005000"), 2023: D("0")}  # 150万×10%×6.7; 80万 not 超过100万美元

    def test_cap_per_year(self):
        text = "离岸奖励 21年离岸300万美元 汇率6.45 22年离岸120万美元 汇率6.73 两年各多少"
        totals = {y: D(str(EstimateSession.start(text, year=y).compute()["total_cny"])) for y in asked(text)}
        assert totals == {2021: D("1935000"), 2022: D("807600")}
        text = "离岸奖励 21年离岸400万美元 汇率6.45 22年离岸120万美元 汇率6.73 两年各多少"
        assert D(str(EstimateSession.start(text, year=2021).compute()["total_cny"])) == D("2000000")

    async def test_reply_sums_the_years(self):
        said = "帮算离岸奖励 2021年离岸110万美元 汇率6.45 2022年离岸98万美元 汇率6.73 2023年离岸150万美元 汇率7.05 三年合计多少"
        d, _ = await run(ActionAnswerPolicy(), tracker(said, "ask_subsidy"))
        out = texts(d)
        assert "【2021年】" in out and "【2022年】" in out and "【2023年】" in out
        assert (
            "3个年度合计：2021年709,500.00元 + 2022年0.00元 + 2023年1,057,500.00元 = 1,767,000.00元（约176.70万元"
            in out
        )
        assert "与2020年相比" not in out and "2020年的数字" not in out  # no year before the first is compared
