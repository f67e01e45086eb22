"""Items that wait for a rate the user does not have (bot/estimate/rate_waits.py), an on/offshore word after the
figure it names, and calculator errors without field names."""

from decimal import Decimal

from bot.estimate.explain import error_words
from bot.estimate.rate_waits import waiting_notes, without_waiting
from bot.estimate.session import EstimateSession
from bot.estimate.understand import read

OFFSHORE_BOTH = {
    "year": 2024,
    "new_enterprise": False,
    "offshore_usd": Decimal("1800000"),
    "previous_offshore_usd": Decimal("1200000"),
}


class TestWithoutWaiting:
    def test_last_years_rate_missing_leaves_the_increment_waiting(self):
        inputs, waiting = without_waiting(dict(OFFSHORE_BOTH, usd_cny_rate=Decimal("7.1")))
        assert {"3.1": "previous_usd_cny_rate"} == waiting
        assert "previous_offshore_usd" not in inputs and Decimal("1800000") == inputs["offshore_usd"]

    def test_this_years_rate_missing_leaves_both_waiting(self):
        _, waiting = without_waiting(dict(OFFSHORE_BOTH, year=None, previous_usd_cny_rate=Decimal("6.9")))
        assert {"3.1": "usd_cny_rate", "3.2": "usd_cny_rate"} == waiting

    def test_innovation_waits_with_its_base(self):
        inputs, waiting = without_waiting(
            dict(OFFSHORE_BOTH, year=None, usd_cny_rate=Decimal("7.1"), innovation_patents_two_years=True)
        )
        assert {"3.1", "3.3"} == set(waiting)
        assert "innovation_patents_two_years" not in inputs

    def test_nothing_waits_when_the_rates_are_given(self):
        given = dict(OFFSHORE_BOTH, usd_cny_rate=Decimal("7.1"), previous_usd_cny_rate=Decimal("6.9"))
        assert (given, {}) == without_waiting(given)

    def test_the_note_names_the_item_and_the_year_never_a_field(self):
        (note,) = waiting_notes({"3.1": "previous_usd_cny_rate"}, 2024)
        assert "业务规模增量奖励要用上一年度（2023年）的美元兑人民币年平均中间价" in note
        assert "_" not in note


def test_the_offshore_award_is_given_while_the_increment_waits():
    """180万美元 × 10% × 7.1 = 1,278,000 元 now; 三（一） waits for last year's rate."""
    s = EstimateSession.start(
        "今年离岸180万美元 汇率7.1；去年离岸120万美元 去年的汇率记不清了。两年都没在岸业务 不是新企业。增量奖励和离岸奖励各多少"
    )
    s.handle("去年汇率我真不记得了 要回去查")
    result = s.compute()
    assert [("3.2", 1278000.0)] == [(i["code"], i["amount_cny"]) for i in result["items"]]
    assert {"3.1": "previous_usd_cny_rate"} == result["waiting"]


def test_error_words_leave_out_field_names():
    err = "缺少上年度的美元兑人民币年平均中间价（previous_usd_cny_rate），无法将离岸美元金额折合为人民币。"
    assert "缺少上年度的美元兑人民币年平均中间价，无法将离岸美元金额折合为人民币" == error_words(err)


class TestKindWordAfterItsFigure:
    def test_offshore_after_the_figure_names_it(self):
        """「在岸…860万，另外有50万美元离岸」: 在岸 has its figure; 离岸 names 50万美元."""
        fields = read("在岸合同执行额860万，另外有50万美元离岸，汇率我查了是7.12，这个增量奖励咋算").fields
        assert (Decimal("8600000"), Decimal("500000")) == (fields["onshore_cny"], fields["offshore_usd"])

    def test_a_kind_word_that_says_none_names_no_figure(self):
        fields = read("在岸今年800万、去年700万 离岸没有").fields
        assert (Decimal("8000000"), Decimal("7000000")) == (fields["onshore_cny"], fields["previous_onshore_cny"])
        # 「离岸没有」 names no figure: no offshore amount is read from 800万/700万 (a stated none may be kept as 0)
        assert not fields.get("offshore_usd") and not fields.get("previous_offshore_usd")

    def test_a_new_enterprise_counts_both_in_full(self):
        """(860万 + 50万美元 × 7.12) × 3% = 364,800 元 (三（二） not met: 50万 ≤ 100万美元)."""
        s = EstimateSession.start(
            "我们公司是2024年新注册的 今年是第一年 在岸合同执行额860万，另外有50万美元离岸，汇率我查了是7.12，这个增量奖励咋算"
        )
        item = {i["code"]: i for i in s.compute()["items"]}["3.1"]
        assert 364800.0 == item["amount_cny"]


class TestRatesSaidUnknown:
    def test_every_listed_word_says_the_rate_is_not_at_hand(self):
        import yaml

        from bot.estimate.rate_waits import WORDS_FILE, rates_said_unknown

        for word in yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))["unknown"]:
            assert ["previous_usd_cny_rate"] == rates_said_unknown(f"去年离岸120万美元 去年的汇率{word}"), word
            assert ["usd_cny_rate"] == rates_said_unknown(f"今年中间价我{word}"), word

    def test_a_rate_given_is_not_unknown(self):
        from bot.estimate.rate_waits import rates_said_unknown

        assert [] == rates_said_unknown("去年的汇率是6.9 今年7.1 不知道能拿多少")

    def test_the_first_message_is_answered_at_once(self):
        """「去年的汇率记不清了」 in the question: not asked again; 三（二） now, 三（一） waits."""
        s = EstimateSession.start(
            "今年离岸180万美元 汇率7.1；去年离岸120万美元 去年的汇率记不清了。两年都没在岸业务 不是新企业。增量奖励和离岸奖励各多少"
        )
        assert "done" == s.status
        assert [("3.2", 1278000.0)] == [(i["code"], i["amount_cny"]) for i in s.compute()["items"]]


def test_error_words_leave_out_a_field_name_beside_its_unit():
    err = "提供了办公用房年租金时，须同时提供租赁面积（rent_area_m2，平方米）。"
    assert "提供了办公用房年租金时，须同时提供租赁面积（平方米）" == error_words(err)
    assert "离岸执行额（USD）有误" == error_words("离岸执行额（USD）有误。")
