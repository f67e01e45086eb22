"""Figures tied to several named years, estimated year by year (bot/estimate/year_chain.py): fairs' and
certifications' yearly caps and 3-per-year limit apply to each year told (never to the years lumped together); an
enterprise set up in the first year told has that year estimated too (新增企业首年纯增量), the later years against the
year before; numbered years written 「21年」 read their rates (「汇率21年6.45 22年6.73」); the business year of a
message telling two years is the later one. A message of one year, or two numbered years of a firm not new, is read
as before. Wording of our own."""

from decimal import Decimal

import pytest

from actions.policy import ActionAnswerPolicy
from bot.estimate import year_chain
from bot.estimate.session import EstimateSession
from bot.estimate.understand import english_to_chinese
from bot.nlu.normalize import normalize
from bot.understand.facts import read_facts
from tests.test_actions import run, texts, tracker

D = Decimal


def norm(text):
    return english_to_chinese(normalize(text))


def totals(text):
    return {
        y: D(str(EstimateSession.start(text, year=y).compute()["total_cny"]))
        for y in year_chain.asked_years(norm(text))
    }


class TestFairsAndCertificationsPerYear:
    @pytest.mark.parametrize(
        "text, expected",
        [
            # 今年 8 overseas fairs: 8 × 5万 capped at 30万 for 今年 alone; 去年's two fairs are 去年's
            (
                "去年参加了2场境外展会 每场6万 今年参加了8场境外展 每场7万 两年展会补贴分别多少",
                {-1: "84000", 0: "300000"},
            ),
            # lumped together 8 fairs × 5万 would hit the 30万 cap once; each year stays under it
            ("2022年参加3个国外展 各10万 2023年参加5个国外展 各10万 两年一共补多少", {2022: "150000", 2023: "250000"}),
            (
                "资质认证 2022年新获得CMMI5 认证费40万 PCMM 20万 ITSS 10万 2023年新获得CCRC 8万 CMMI维护费5万 这两年一共能补多少",
                {2022: "490000", 2023: "91000"},
            ),
        ],
    )
    def test_each_year_its_own_caps(self, text, expected):
        assert {y: D(v) for y, v in expected.items()} == totals(text)

    def test_other_years_names_not_read(self):
        text = "资质 21年新拿了ITSS 认证费10万 22年做了CMMI维护 维护费6万 另外22年新做了PCMM 花了20万 两年合计多少"
        names = [c["name"] for c in EstimateSession.start(text, year=2022).inputs["certifications"]]
        assert "ITSS" not in " ".join(names) and len(names) == 2

    @pytest.mark.parametrize(
        "text",
        [
            "2022年CMMI3认证费15万 ITSS 10万 PCMM 12万 SAS70 20万 两年合计多少",  # one year told
            "去年参加了2场境外展会 每场6万 今年参加了3场 每场7万 今年能补多少",  # one year asked
            "展会补贴 参加了4场境外展 每场9万 一共多少",
        ],
    )
    def test_one_year_is_no_chain(self, text):
        assert len(year_chain.asked_years(norm(text))) < 2

    async def test_reply_has_each_year_and_the_sum(self):
        said = "展会补贴问一下 2022年去了2场国外展 每场6万 2023年去了6场国外展 每场9万 两年加起来能补多少"
        d, _ = await run(ActionAnswerPolicy(), tracker(said, "ask_subsidy"))
        out = texts(d)
        assert "【2022年】" in out and "【2023年】" in out
        assert "2个年度合计" in out and "= 384,000.00元（约38.40万元" in out


class TestFoundedInTheFirstYear:
    def test_founding_year_found(self):
        assert 2021 == year_chain.founded_year(norm("我们2021年新成立的 21年离岸80万美元"))
        assert 2022 == year_chain.founded_year(norm("公司22年才注册 22年在岸500万"))
        assert year_chain.founded_year(norm("2021年在系统注册了 21年在岸500万")) is None

    @pytest.mark.parametrize(
        "text, expected",
        [
            (
                "公司2022年刚成立 22年离岸60万美元 汇率6.7 23年离岸140万美元 汇率7.05 没有在岸 这两年增量和离岸奖励各多少 合计呢",
                {2022: "120600", 2023: "1162500"},
            ),
            ("22年新注册的公司 22年在岸500万 23年在岸900万 两年的增量奖励分别多少", {2022: "150000", 2023: "120000"}),
        ],
    )
    def test_first_year_whole_then_increment(self, text, expected):
        assert {y: D(v) for y, v in expected.items()} == totals(text)

    @pytest.mark.parametrize(
        "text, years",
        [
            ("我们21年成立 21年在岸500万 22年800万 23年1000万 这两年各多少", [2022, 2023]),  # 两年 of three: the later
            ("我们21年成立 21年在岸500万 22年800万 23年1000万 三年各多少", [2021, 2022, 2023]),
            ("22年新注册的公司 22年在岸500万 23年在岸900万 每年的增量奖励分别多少", [2022, 2023]),
        ],
    )
    def test_years_asked(self, text, years):
        assert years == year_chain.asked_years(norm(text))

    def test_later_year_is_no_new_enterprise(self):
        text = "22年新注册的公司 22年在岸500万 23年在岸900万 两年的增量奖励分别多少"
        assert EstimateSession.start(text, year=2023).inputs.get("new_enterprise") is not True
        assert EstimateSession.start(text, year=2022).inputs.get("new_enterprise") is True

    @pytest.mark.parametrize(
        "text",
        [
            "22年在岸1000万 23年在岸1300万 增量奖励多少",  # not new: two numbered years read as they are
            "2021年新成立 2021年在岸500万 能拿多少",  # one year
            "22年新成立 22年在岸500万 23年在岸900万 23年增量奖励多少",  # one year asked
        ],
    )
    def test_not_a_chain_of_both(self, text):
        assert len(year_chain.asked_years(norm(text))) < 2


class TestNumberedYearsRates:
    def test_rate_of_each_numbered_year(self):
        text = "21年离岸300万美元 22年260万美元 23年320万美元 汇率21年6.45 22年6.73 23年7.05 没在岸 22年和23年各多少 两年合计"
        assert [2022, 2023] == year_chain.asked_years(norm(text))
        inputs = EstimateSession.start(text, year=2023).inputs
        assert (D("6.73"), D("7.05")) == (inputs["previous_usd_cny_rate"], inputs["usd_cny_rate"])
        assert {2022: D("1749800"), 2023: D("2151860")} == totals(text)


class TestBusinessYearIsTheLater:
    @pytest.mark.parametrize(
        "text, year",
        [
            ("2019年执行额600万 2020年一千万 都是国内业务 增量奖励多少", 2020),
            ("2022年的执行额1800万 2021年执行额1500万 增量能拿吗", 2022),
            ("我们2019年比2018年执行额增长了500万", 2019),
        ],
    )
    def test_later_year(self, text, year):
        assert D(year) == read_facts(normalize(text))["business_year"].lo
