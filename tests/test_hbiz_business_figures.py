"""Business figures of 三（一）/三（二） read in run-ons, English and what-ifs (hbiz): a figure with a hedge word is the
user's own, a rate after 年平均, a year said to have no offshore business before a rate, an amount said to hold for
both years after it, an English result to check, and a question followed by a supposed case. The wording here is
the team's own, not the outside cases'."""

from decimal import Decimal

import pytest

from actions.estimate import ActionEstimateStart
from bot.estimate import scenarios
from bot.estimate.reading import english_to_chinese
from bot.estimate.session import EstimateSession, own_figures
from bot.nlu.normalize import normalize
from calculator.figures_zh import parse_figures
from tests.test_actions import run, texts, tracker


def inputs_of(text: str) -> dict:
    session = EstimateSession.start(text)
    assert session.status == "done", session.question()
    return session.inputs


class TestHedgedFigureIsTheUsers:
    @pytest.mark.parametrize(
        "text, value",
        [
            ("我们离岸今年做了差不多两百一十万美元左右吧 汇率就按7.0", Decimal(2100000)),
            ("离岸那块大约160万美元 中间价按6.9算", Decimal(1600000)),
            ("今年境外业务约135万美金 汇率7.2", Decimal(1350000)),
        ],
    )
    def test_hedged_amount_is_an_own_figure(self, text, value):
        assert value in [f.value for f in own_figures(normalize(text)) if f.kind == "money"]

    @pytest.mark.parametrize("text", ["离岸今年小两百万美元 汇率7.0", "离岸大概一百来万美元 汇率7.0"])
    def test_rough_amount_stays_out(self, text):
        assert not [f for f in own_figures(normalize(text)) if f.kind == "money"]

    def test_limit_word_is_still_no_own_figure(self):
        assert not [f for f in own_figures(normalize("离岸超过100万美元才有奖励吗")) if f.kind == "money"]

    @pytest.mark.parametrize(
        "text, amount",
        [
            # 10% × 2,100,000 × 7.0 = 1,470,000
            ("喂 我们今年离岸差不多两百一十万美元左右吧 然后汇率就按7.0 离岸奖那块大概多少", "1,470,000.00"),
            # 10% × 1,600,000 × 6.9 = 1,104,000
            ("那个 离岸业务今年大约160万美元 中间价按6.9算 就离岸的奖励能拿多少啊", "1,104,000.00"),
            # 10% × 1,350,000 × 7.2 = 972,000
            ("今年境外业务约135万美金，汇率7.2，国际业务那个奖励有多少", "972,000.00"),
        ],
    )
    async def test_run_on_offshore_question_is_estimated_without_last_year(self, text, amount):
        d, _ = await run(ActionEstimateStart(), tracker(text, "estimate_award"))
        out = texts(d)
        assert amount in out
        assert "上一年度的服务外包合同执行额是多少" not in out
        assert "1. 关于" not in out
        assert "另外" not in out  # the hedged statement asks nothing of its own


class TestRateAfterYearlyAverage:
    @pytest.mark.parametrize(
        "text, rates",
        [
            ("中间价年平均 2024年7.12，2023年7.05", ["7.12", "7.05"]),
            ("汇率年度平均值今年7.1 去年6.95", ["7.1", "6.95"]),
            ("美元兑人民币中间价全年平均7.08", ["7.08"]),
        ],
    )
    def test_rates_read(self, text, rates):
        assert rates == [str(f.value) for f in parse_figures(text) if f.kind == "rate"]

    def test_each_year_its_own_rate(self):
        got = inputs_of(
            "2024年 境内2000万元 离岸300万美元；2023年 境内1800万元 离岸250万美元。中间价年平均 2024年7.12，2023年7.05。增量多少"
        )
        assert (Decimal("7.12"), Decimal("7.05")) == (got["usd_cny_rate"], got["previous_usd_cny_rate"])


class TestNoOffshoreBeforeARate:
    @pytest.mark.parametrize(
        "text",
        [
            "今年在岸1300万 去年1000万 今年离岸150万美元 去年没有离岸业务 汇率就按7.1 增量加离岸多少",
            "今年离岸200万美元 去年无离岸 中间价7.0 今年境内900万 去年境内800万 增量多少",
            "境内今年2000万 去年1600万 离岸今年110万美元 去年没做离岸 汇率7.2算 两项多少",
        ],
    )
    def test_last_year_offshore_is_zero(self, text):
        got = inputs_of(text)
        assert Decimal(0) == got["previous_offshore_usd"]
        assert got["offshore_usd"] > 0 and got["usd_cny_rate"] > 0

    def test_a_figure_after_the_none_still_counts(self):
        got = inputs_of("去年没有离岸 今年离岸150万美元 汇率7.1 在岸两年都是1000万 增量多少")
        assert Decimal(1500000) == got["offshore_usd"] and Decimal(0) == got["previous_offshore_usd"]


class TestAmountForBothYearsSaidAfterIt:
    @pytest.mark.parametrize(
        "text",
        [
            "离岸今年230万美元 去年190万美元 在岸600万两年都有 汇率今年7.0 去年6.9 增量多少",
            "离岸今年230万美元 去年190万美元 在岸人民币600万 两年一样 汇率今年7.0 去年6.9 增量多少",
            "离岸今年230万美元 去年190万美元 在岸每年都是600万 汇率今年7.0 去年6.9 增量多少",
            "offshore 2.3 million USD this year, 1.9 million USD last year. onshore RMB 6 million for both years. "
            "rate 7.0 this year, 6.9 last year. increment award?",
            "onshore 6 million yuan each year, offshore 2.3 million USD this year and 1.9 million USD last year, "
            "rate 7.0 this year, 6.9 last year, increment?",
            "offshore 2.3 million USD this year, 1.9 million USD last year, onshore 6 million yuan in each of the two "
            "years, rate 7.0 this year, 6.9 last year, increment?",
            "离岸今年230万美元 去年190万美元 在岸两年各600万 汇率今年7.0 去年6.9 增量多少",
        ],
    )
    def test_both_years_hold_the_amount(self, text):
        got = inputs_of(text)
        assert Decimal(6000000) == got["onshore_cny"] == got["previous_onshore_cny"]

    def test_patents_both_years_are_not_the_amount(self):
        session = EstimateSession.start("在岸800万两年都有新软著 离岸今年150万美元 汇率7.1 能拿多少")
        assert "previous_onshore_cny" not in session.inputs


class TestEnglishResultToCheck:
    @pytest.mark.parametrize(
        "text, said",
        [
            ("offshore 25 million USD, rate 7.0, 10% would be 1750万? really?", "1750万"),
            ("offshore usd 2.5 million this year, rate 7.0, so 10% equals 175万, right?", "175万"),
            ("offshore 4 million dollars, rate 7.1, 10% will be 284万 is that right", "284万"),
            ("offshore 3 million USD, rate 7.1, 10% that gives 213万? really?", "213万"),
        ],
    )
    def test_glossary_makes_the_result_a_claim(self, text, said):
        t = english_to_chinese(normalize(text))
        assert any(f"10% {link} {said}" in t for link in ("是", "等于", "算下来是"))

    async def test_cap_answers_the_claim(self):
        d, _ = await run(
            ActionEstimateStart(),
            tracker("offshore 25 million USD this year, rate 7.0, 10% would be 1750万? really?", "estimate_award"),
        )
        out = texts(d)
        assert "2,000,000.00" in out and "上限" in out
        assert "是美元还是人民币" not in out


class TestSupposedCaseBesideTheFacts:
    @pytest.mark.parametrize(
        "text, supposed",
        [
            ("在岸去年2000万 今年2500万 增量能拿多少？要是我们今年才成立 今年做了2500万 又是多少", "要是"),
            ("我们2023年境内1000万，2024年1600万，增量奖多少？假如是2024年新设立的企业，第一年1600万呢", "假如"),
            ("今年离岸150万美元 汇率7.1 能拿多少？如果汇率按7.0呢", "如果"),
        ],
    )
    def test_split_at_the_what_if(self, text, supposed):
        facts, case = scenarios.supposed_case(normalize(text))
        assert case.startswith(supposed) and supposed not in facts

    @pytest.mark.parametrize(
        "text",
        [
            "如果离岸做到150万美元能拿多少",  # the what-if opens the message
            "今年离岸150万美元 汇率7.1 能拿多少？如果明年做到200万美元呢",  # next year: a chain of years
            "如果离岸分别做到150万美元和300万美元 各能拿多少",  # a pair of values
        ],
    )
    def test_other_messages_are_no_supposed_case(self, text):
        assert scenarios.supposed_case(normalize(text)) is None

    async def test_two_estimates_never_one(self):
        # 增量: (16,000,000 − 10,000,000) × 3% = 180,000; a new enterprise: 16,000,000 × 3% = 480,000
        text = "我们2023年境内1000万，2024年1600万，增量奖多少？假如是2024年新设立的企业，第一年1600万呢"
        d, _ = await run(ActionEstimateStart(), tracker(text, "estimate_award"))
        out = texts(d)
        assert "180,000.00" in out and "480,000.00" in out
        assert out.index("180,000.00") < out.index("480,000.00")
        assert "金额不相加" in out
