"""A part named inside a year's total (其中/里面/含/包括 …, or 「…也含在里面」 after it) is part of that total, never
added to it (round 56: 「今年总执行额1.75kw，其中离岸部分折成人民币是420万；去年总的执行额1400万」 was 2170万 − 1400万).
The wordings are the team's own."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.estimate.understand import read


def amounts(session) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in session.compute()["items"]}


class TestPartInsideTotal:
    @pytest.mark.parametrize(
        "text, increment",
        [
            # (1750万 − 1400万) × 3% = 10.5万, the offshore yuan part inside the total
            ("今年总执行额1750万，里头离岸那块折人民币420万，去年总的1400万，增量奖励多少", 105000),
            ("今年执行额1750万，离岸折人民币420万也含在里面；去年执行额1400万。增量奖励多少", 105000),
            ("今年总额含离岸420万元，一共1750万；去年总额1400万。增量奖励多少", 105000),
            ("今年一共做了1750万，其中300万是离岸业务（已折成人民币）；去年一共1400万，能拿多少增量奖", 105000),
            # (3000万 − 2600万) × 3% = 12万: last year's bare figure told beside this year's total is a total too
            ("今年服务外包执行额3000万（含离岸折合人民币500万），去年2600万，增量奖多少", 120000),
            # an onshore part: the rest is offshore, inside the same total: (2000万 − 1800万) × 3% = 6万
            ("今年总执行额2000万，其中在岸1600万；去年合计1800万，增量奖励多少", 60000),
            # dollars said converted into a yuan total, no rate: total less total needs none: (2000万 − 1800万) × 3%
            ("今年执行额一共2000万 其中离岸300万美元已经折算进去了；去年总共1800万，增量奖励多少", 60000),
            # a part of no currency inside a yuan total: the total holds it whatever its currency
            ("今年总执行额2000万，包括离岸的420万；去年总的执行额1500万。增量奖励多少", 150000),
            ("今年总执行额1750万，离岸占420万（折人民币）；去年总额1400万，增量奖励多少", 105000),
            ("今年总执行额1750万，其中离岸420万；去年1400万，增量奖励多少", 105000),
            # last year split, this year's total with its yuan part: 2200万 − (1500万 + 80万美元 × 6.8) = 156万 × 3%
            (
                "今年总的执行额2200万 这里头离岸业务折人民币600万 去年在岸1500万 离岸80万美元 汇率6.8 增量奖励多少",
                46800,
            ),
        ],
    )
    def test_the_part_is_never_added_again(self, text, increment):
        """三（一） is the totals' difference: the part inside a total is not added to it."""
        session = EstimateSession.start(text)
        assert "done" == session.status, session.question()
        assert Decimal(increment) == amounts(session)["3.1"]

    def test_last_years_total_with_a_dollar_part_is_its_whole_business(self):
        """「去年合计1.2亿 其中离岸300万美元」: last year's whole business is 1.2亿 (the dollars are inside it)."""
        reading = read("去年合计1.2亿 其中离岸300万美元 今年在岸1.5亿 增量多少", items=["3.1"])
        assert Decimal(120000000) == reading.fields["previous_onshore_cny"]
        assert Decimal(0) == reading.fields["previous_offshore_usd"]

    def test_dollars_inside_with_a_rate_split_the_total(self):
        """「今年执行总额2000万元，包含离岸60万美元 … 汇率7.1」: onshore = 2000万 − 426万; 三（二） on the dollars."""
        session = EstimateSession.start(
            "今年执行总额2000万元，包含离岸60万美元，去年执行总额1600万元，增量奖励多少，今年汇率7.1"
        )
        assert "done" == session.status, session.question()
        assert Decimal(120000) == amounts(session)["3.1"]

    def test_an_offshore_part_in_yuan_asks_its_dollars_for_the_offshore_award(self):
        """三（二） counts dollars: the yuan part's dollars are asked, the total never added to."""
        session = EstimateSession.start(
            "今年总执行额1750万，其中离岸折人民币420万；去年总额1400万。增量和离岸奖励各多少"
        )
        assert "420万元折合多少美元" in session.question()
        assert Decimal(13300000) == session.inputs["onshore_cny"]

    def test_dollars_without_a_rate_beside_last_years_split_ask_the_rate(self):
        """No total of last year to subtract from: this year's rate is asked to split the total, naming it."""
        session = EstimateSession.start("今年总执行额2000万，其中离岸200万美元；去年在岸1500万，离岸没有。增量奖励多少")
        question = session.question()
        assert "2000万元是全年合计" in question and "汇率" in question
        session.handle("汇率7")
        assert "done" == session.status, session.question()
        # 2000万 − 1500万 = 500万 × 3% = 15万 (onshore 2000万 − 1400万 = 600万, offshore 1400万)
        assert Decimal(150000) == amounts(session)["3.1"]

    def test_a_part_of_no_currency_answered_in_yuan_splits_the_total(self):
        """「420万是美元还是人民币？」「人民币」: onshore = total − part, never total + part."""
        session = EstimateSession.start("今年总执行额2000万，包括离岸的420万；去年在岸1500万，离岸没有。增量奖励多少")
        assert "420万是美元还是" in session.question()
        session.handle("人民币")
        assert "done" == session.status, session.question()
        assert Decimal(150000) == amounts(session)["3.1"]

    @pytest.mark.parametrize(
        "text",
        [
            "今年在岸1800万，离岸折成人民币420万；去年在岸2000万，离岸没有，增量奖励多少",  # two kinds side by side: added
            "去年执行额300万 今年400万 这里面离岸100万美元按7.0已经折进去了 多少",  # 700万 cannot be inside 400万
            "今年执行额2000万，其中离岸多了100万；去年1800万，增量奖多少",  # a change, no part
        ],
    )
    def test_no_inside_word_or_an_impossible_part_is_read_as_before(self, text):
        """Amounts of two kinds side by side are added as before; a part larger than its total is not read here."""
        reading = read(text, items=["3.1"])
        assert not any("不再另加" in n for n in reading.notes)

    def test_the_offshore_award_asks_the_parts_currency_once(self):
        """三（二） needs the part's dollars: its currency is asked; 三（一） stays total less total."""
        session = EstimateSession.start("今年总执行额3500万，其中离岸200万；去年3000万，增量奖励和离岸奖励多少")
        assert "200万是美元还是人民币" in session.question()
        session.handle("美元，汇率7")
        assert "done" == session.status, session.question()
        got = amounts(session)
        assert Decimal(150000) == got["3.1"]  # (3500万 − 3000万) × 3%
        assert Decimal(1400000) == got["3.2"]  # 200万美元 × 7 × 10%

    def test_dollars_inside_with_no_word_of_conversion_ask_the_rate(self):
        """「4,600万元（其中离岸300万美元）」: the total holds the dollars (never added), and this year's rate is asked
        to split it at the execution year's rate (第三条第（一）项); no figure before it."""
        session = EstimateSession.start(
            "本年合同执行额4,600万元（其中离岸300万美元），上年3,900万元（其中离岸250万美元），增量奖励多少？"
        )
        question = session.question()
        assert "4600万元是全年合计" in question and "汇率" in question
        session.handle("7.1")
        assert "done" == session.status, session.question()
        assert Decimal(210000) == amounts(session)["3.1"]  # (4600万 − 3900万) × 3%


@pytest.mark.parametrize(
    "text, onshore",
    [
        (
            "上年服务外包合同执行额\t9000万元\n本年服务外包合同执行额\t1.7亿元（含离岸）\n本年离岸合同执行额\t350万美元\n汇率\t7.0\n增量奖励多少",
            "145500000",
        ),
        ("去年执行额9000万 今年执行额1.2亿(含离岸)\n今年离岸200万美元 汇率7.1 增量和离岸奖励", "105800000"),
        ("今年总执行额8000万元（包括离岸），离岸那块是150万美元，中间价6.9；去年6500万 增量多少", "69650000"),
    ],
)
def test_total_said_to_hold_offshore_with_dollars_told_apart(text, onshore):
    """R62Q016: 「本年执行额 1.7亿元（含离岸）」 and this year's dollars on another line: the dollars are inside the total (it
    had been read as 1.7亿 of offshore yuan, and the dollars asked again)."""
    est = EstimateSession.start(text)
    assert Decimal(onshore) == est.inputs["onshore_cny"] and "offshore_cny" not in est.inputs
