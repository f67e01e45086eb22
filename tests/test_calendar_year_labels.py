"""Figures labelled by calendar years written as numbers (「2025年执行额1800万，2026年2600万」「24年…25年…」): of two
consecutive years the later is the year estimated (本年度) and the earlier its previous year, read by one reader
(bot/estimate/year_label.numbered_year_roles, used by lists.year_roles); a year compared with (「2026年比2024年涨了」)
or dating an event (「2023年首次认定」) labels no figure. Round 43 (R43E010) and round 42 (R42E005, R42E020,
R42E021, R42E029)."""

import re
from decimal import Decimal

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.estimate import applicants, lists, tables
from bot.estimate.reading import figures
from bot.estimate.session import EstimateSession, restate
from bot.estimate.year_label import numbered_year_roles
from bot.nlu.normalize import normalize


def _roles(text: str) -> dict:
    """{raw figure: role} of the money figures numbered_year_roles labels."""
    figs = figures(text)
    roles = numbered_year_roles(text, figs)
    return {f.raw: roles[f.start] for f in figs if f.start in roles}


class TestNumberedYearRoles:
    @pytest.mark.parametrize(
        "text, previous, current",
        [
            ("2025年执行额1800万，2026年2600万，都是在岸", "1800万", "2600万"),
            ("2024年度境内3000万 2025年度3600万", "3000万", "3600万"),
            ("2026年在岸2600万；2025年在岸1800万", "1800万", "2600万"),  # the later year first
            # a comparison and an event date later in the message label nothing
            ("2023年执行额2200万，2024年2500万。研发2024年比2021年涨了，技术先进型2019年认定的", "2200万", "2500万"),
        ],
    )
    def test_the_later_of_two_consecutive_years_is_this_year(self, text, previous, current):
        assert _roles(text) == {previous: "previous", current: "current"}

    @pytest.mark.parametrize(
        "text",
        [
            "2022年执行额1800万，2024年2600万",  # not consecutive: which is the previous year is not said
            "2021年离岸90万美元 2022年130万美元 2023年250万美元",  # a chain of years (year_chain's)
            "2025年执行额1800万，比2024年多了300万",  # one year labels figures, the other is compared with
        ],
    )
    def test_no_pair_of_consecutive_labels_gives_no_roles(self, text):
        assert _roles(text) == {}

    def test_a_year_word_between_the_year_and_the_figure_decides(self):
        # 「2025年…今年2600万」: 今年 stands nearer the figure than the number
        assert _roles("2024年在岸1800万，2025年说的是去年，今年2600万") == {}

    def test_year_roles_reads_them_too(self):
        text = "2025年执行额1800万，2026年2600万"
        roles = lists.year_roles(text, figures(text))
        assert sorted(roles.values()) == ["current", "previous"]


class TestTwoNumberedYearsEstimated:
    @pytest.mark.parametrize(
        "text, previous, current",
        [
            (
                "2025年执行额1800万，2026年2600万，都是在岸。研发投入2025年比2024年降了，2026年比2025年涨了，"
                "这两年没拿到新专利和软著。技术先进型是今年复审通过的（2023年首次认定）。最多能拿多少？",
                "18000000",
                "26000000",
            ),
            ("24年在岸900万，25年1100万，研发投入25年比24年多了，这两年没新专利，增量能拿多少", "9000000", "11000000"),
            ("2022年境内执行额1.2亿 2023年1.5亿 全是在岸 两年都没有新软著 增量奖励多少", "120000000", "150000000"),
        ],
    )
    def test_no_question_which_year_is_which(self, text, previous, current):
        est = EstimateSession.start(text)
        assert (est.clarify or {}).get("kind") != "years_of_pair"
        assert est.inputs.get("previous_onshore_cny") == Decimal(previous)
        assert est.inputs.get("onshore_cny") == Decimal(current)

    @pytest.mark.parametrize(
        "text",
        ["前年在岸1000万 去年1300万 去年的增量奖励多少", "上年度在岸1000万，本年度1300万，增量多少"],
    )
    def test_year_words_as_before(self, text):
        est = EstimateSession.start(text)
        assert est.inputs.get("previous_onshore_cny") == Decimal("10000000")
        assert est.inputs.get("onshore_cny") == Decimal("13000000")

    def test_a_gap_of_years_is_asked(self):
        est = EstimateSession.start("2022年执行额1800万，2024年2600万，都是在岸。这两年没拿到新专利。能拿多少")
        assert "onshore_cny" not in est.inputs
        assert (est.clarify or {}).get("kind") == "years_of_pair"


class TestEnglishProseIsNoTable:
    @pytest.mark.parametrize(
        "text",
        [
            "I want to check 离岸奖励 for three years 某年   离岸      汇率     今年   130万美元 汇率6.73",
            "please compute for two years 某年   离岸   今年 150万美元",
        ],
    )
    def test_years_in_a_sentence_heads_no_table(self, text):
        out, problems = tables.read_tables(text)
        assert problems == []
        assert out == text

    def test_each_of_three_years_read(self):
        text = (
            "I want to check 离岸奖励 for three years 2021年离岸90万美元 汇率6.45 2022年130万美元 汇率6.73 "
            "2023年$2.5M 汇率7.05 每年分别多少 三年加起来多少"
        )
        est = EstimateSession.start(text, year=2022)
        assert est.inputs.get("offshore_usd") == Decimal("1300000")
        assert est.inputs.get("usd_cny_rate") == Decimal("6.73")


class TestSeveralApplicants:
    def test_previous_rate_is_not_said_without_a_previous_amount(self):
        said = restate({"offshore_usd": Decimal("1800000"), "usd_cny_rate": Decimal("7.2"),
                        "previous_usd_cny_rate": Decimal("7.2")})  # fmt: skip
        assert "上年汇率" not in said and "7.2" in said
        both = restate({"offshore_usd": Decimal("1800000"), "previous_offshore_usd": Decimal("1200000"),
                        "usd_cny_rate": Decimal("7.2"), "previous_usd_cny_rate": Decimal("7.0")})  # fmt: skip
        assert "上年汇率7" in both

    def test_the_total_cap_is_five_million(self):
        line = applicants.sum_line([("a", {"total_cny": "100"}), ("b", {"total_cny": "200"})])
        assert "上限500万元" in line

    @pytest.mark.parametrize(
        "text, place_of",
        [
            (
                "集团总部在北京 郑州有个全资子公司A是独立法人 今年离岸180万美元 郑州还有个分公司C在郑州纳税 "
                "离岸110万美元 上海还有个子公司B离岸300万美元 跟郑州没关系 汇率都按7.2 A和C分别多少 合计多少",
                {"子公司b": "上海", "分公司c": "郑州还有"},
            ),
            (
                "我们在郑州有子公司甲 离岸150万美元，武汉那边另有子公司乙 离岸200万美元，两家各能拿多少",
                {"子公司乙": "武汉", "子公司甲": "郑州"},
            ),
        ],
    )
    def test_the_place_before_a_name_is_that_applicants(self, text, place_of):
        pieces = dict(applicants.split(normalize(text)))
        for name, place in place_of.items():
            own = pieces[name]
            assert place in own
            others = [p for n, p in pieces.items() if n != name]
            assert all(not re.search(rf"{place}[^\s]{{0,4}}{re.escape(name)}", p) for p in others)


class TestRentAskedPerYear:
    @pytest.mark.parametrize("asked", ["租金补贴一年多少", "租金补贴一年大概多少", "一年能补多少"])
    def test_a_year_asked_is_no_year_subsidised(self, asked):
        est = EstimateSession.start(
            f"我们在市级服务外包重点园区入驻5年了 上年合同执行额520万 租了800平 租金每平每月45块 {asked} 最多补几年"
        )
        assert est.inputs.get("rent_years_subsidized") in (None, 0)
        assert est.inputs.get("rent_years_in_park") == Decimal("5")


def _tracker(text):
    msg = {"text": text, "intent": {"name": "ask_subsidy", "confidence": 0.99}, "entities": [], "message_id": "m1"}
    return Tracker("u1", {}, msg, [{"event": "user", "text": text, "timestamp": 1}], False, None, {}, "action_listen")


@pytest.mark.parametrize(
    "text",
    [
        "我们是2024年5月刚在郑州注册的新公司 做软件测试外包 2024年境内执行额八百万 离岸30万美元 汇率按7.1 "
        "首年可以报增量奖励吗 离岸奖励有没有 能拿多少",
        "公司24年才在郑州注册 新企业 24年国内执行额800万 离岸30万美元 汇率7.1 第一年能申请增量吗 离岸奖有没有 能拿多少",
    ],
)
async def test_an_item_asked_whether_beside_an_amount_asked_is_estimated(text):
    """「…请问第一年能申请增量奖励吗 离岸奖励有没有 能拿多少」: the offshore award is ruled out (30万美元), but the
    increment asked whether is computed from the figures (新增企业首年计算纯增量): the estimate answers."""
    from actions.policy import ActionAnswerPolicy

    d = CollectingDispatcher()
    await ActionAnswerPolicy().run(d, _tracker(text), {})
    said = "\n".join(m.get("text") or "" for m in d.messages)
    # (800万 + 30万美元 × 7.1) × 3% = 303,900
    assert "303,900" in said
