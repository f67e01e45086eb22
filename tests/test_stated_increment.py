"""三（一）/三（二） figures read in the role the user gave them (round 37): an onshore increment stated as a
difference (used as said, never turned into a year's amount), two years' amounts placed by 前面/后面, a policy
threshold named in the question (never the user's amount), and several offshore amounts without a currency asked
about at once. The wordings are the team's own."""

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.estimate.session import EstimateSession, calculator_inputs
from bot.estimate.understand import read
from bot.understand.facts import read_facts
from calculator import CalculatorError, calculate

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def amounts(result: dict) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in result["items"]}


def done(*messages):
    session = EstimateSession.start(messages[0])
    for text in messages[1:]:
        session.handle(text, "inform")
    assert session.status == "done", session.question()
    return session, amounts(session.compute())


class TestStatedIncrementRead:
    @pytest.mark.parametrize(
        "text, value",
        [
            ("在岸这块较上年增加了450万，两年都没有离岸业务，增量奖励怎么算", 4500000),
            ("我们国内业务今年同比多出800万 离岸业务没有 增量奖能拿多少", 8000000),
            ("今年合同执行额比上年多了2,000万，全是在岸的单子，规模奖多少", 20000000),
            ("境内执行额跟去年比增长了120万元 没做离岸 增量部分奖多少", 1200000),
            ("在岸业务今年比上一年多做了350万 离岸两年都是0", 3500000),
        ],
    )
    def test_onshore_difference_is_used_as_said(self, text, value):
        reading = read(text, items=["3.1"])
        assert reading.fields.get("onshore_increment_cny") == Decimal(value)
        assert "onshore_cny" not in reading.fields and "previous_onshore_cny" not in reading.fields
        assert reading.fields.get("previous_offshore_usd") == 0
        assert not reading.problems

    def test_difference_of_no_kind_beside_unknown_offshore_is_asked_naming_it(self):
        reading = read("今年执行额比去年多了260万 增量奖励多少", items=["3.1"])
        assert "onshore_increment_cny" not in reading.fields
        assert reading.clarifications and "260万" in reading.clarifications[0].question

    @pytest.mark.parametrize(
        "text",
        [
            "今年离岸比去年多了40万美元 增量多少",  # a dollar difference: each year's rate is needed
            "今年业务比去年少了150万 还能拿增量奖吗",  # a fall: no increment
            "今年在岸1500万 比去年多了300万 没有离岸",  # a year's amount beside it: the years' amounts
        ],
    )
    def test_other_differences_are_no_stated_increment(self, text):
        assert "onshore_increment_cny" not in read(text, items=["3.1"]).fields

    def test_a_year_given_beside_the_difference_gives_both_years(self):
        fields = read("今年在岸1500万 比去年多了300万 没有离岸", items=["3.1"]).fields
        assert (fields["onshore_cny"], fields["previous_onshore_cny"]) == (Decimal(15000000), Decimal(12000000))


class TestStatedIncrementAward:
    def test_onshore_only(self):
        _, got = done("在岸执行额今年较上年增加了420万 两年都没离岸 增量奖励多少")
        assert got["3.1"] == Decimal("126000")

    def test_with_offshore_each_year_at_its_rate(self):
        """(600万 + 150万美元×7.1 − 90万美元×6.9) × 3% = (600万 + 1065万 − 621万) × 3% = 313,200."""
        _, got = done(
            "在岸比去年多了600万 今年离岸150万美元 去年离岸90万美元 今年汇率7.1 去年汇率6.9 增量和离岸奖各多少"
        )
        assert got["3.1"] == Decimal("313200") and got["3.2"] == Decimal("1065000")

    def test_last_years_offshore_is_asked_then_used(self):
        session = EstimateSession.start("国内业务这块比上年多出500万 增量奖多少")
        assert session.status != "done" and session.pending == "previous_offshore_usd"
        session.handle("去年离岸有20万美元 今年离岸30万美元 汇率去年7.0 今年7.2", "inform")
        assert session.status == "done"
        # 500万 + 30万×7.2 − 20万×7.0 = 500万 + 216万 − 140万 = 576万 → 172,800
        assert amounts(session.compute())["3.1"] == Decimal("172800")

    def test_kind_answered_after_asking(self):
        session = EstimateSession.start("今年执行额比去年多了260万 增量奖励多少")
        session.handle("都是在岸的 两年都没有离岸", "inform")
        assert session.status == "done"
        assert amounts(session.compute())["3.1"] == Decimal("78000")

    def test_correction_of_the_difference(self):
        session, got = done("在岸执行额比去年多了400万 没有离岸业务 增量能拿多少")
        assert got["3.1"] == Decimal("120000")
        session.handle("说错了 比去年多的是450万 不是400万", "correct_value")
        assert amounts(session.compute())["3.1"] == Decimal("135000")


class TestCalculatorIncrementInput:
    def test_never_beside_a_years_onshore_amount(self):
        for other in ("onshore_cny", "previous_onshore_cny"):
            with pytest.raises(CalculatorError):
                calculate({"onshore_increment_cny": 100, other: 5})

    def test_never_for_a_new_enterprise(self):
        with pytest.raises(CalculatorError):
            calculate({"onshore_increment_cny": 100, "new_enterprise": True})

    def test_offshore_fall_outweighs_the_onshore_rise(self):
        result = calculate(
            {"onshore_increment_cny": 1000000, "previous_offshore_usd": 200000, "previous_usd_cny_rate": 7}
        )
        item = result["items"][0]
        assert item["amount_cny"] == 0 and not item["qualified"]

    def test_rent_contract_amount_is_not_derived_from_an_increment(self):
        inputs = {"onshore_increment_cny": 9000000, "rent_annual_cny": 100000, "rent_area_m2": 200}
        inputs.update(rent_years_in_park=4)
        rent = [i for i in calculate(inputs)["items"] if i["code"] == "3.8.3"][0]
        assert "9,000,000" not in rent["explanation"]

    def test_session_drops_the_increment_when_years_amounts_come(self):
        inputs = {"onshore_increment_cny": Decimal(100), "onshore_cny": Decimal(5), "previous_onshore_cny": Decimal(1)}
        assert "onshore_increment_cny" not in calculator_inputs(inputs)


money = st.integers(min_value=0, max_value=50_000_000)
usd = st.integers(min_value=0, max_value=3_000_000)
rates = st.decimals(min_value=Decimal("6.00"), max_value=Decimal("7.50"), places=2)


class TestStatedIncrementProperties:
    @SETTINGS
    @given(diff=money, base=money, off_now=usd, off_before=usd, r_now=rates, r_before=rates)
    def test_award_equals_the_two_year_figures(self, diff, base, off_now, off_before, r_now, r_before):
        """The stated onshore increment gives the same 三（一）、（二）、（三） as any two years' onshore amounts that
        differ by it."""
        common = {
            "offshore_usd": off_now,
            "previous_offshore_usd": off_before,
            "usd_cny_rate": r_now,
            "previous_usd_cny_rate": r_before,
            "innovation_patents_two_years": True,
        }
        stated = calculate(dict(common, onshore_increment_cny=diff))
        years = calculate(dict(common, onshore_cny=base + diff, previous_onshore_cny=base))
        assert amounts(stated) == amounts(years)
        assert stated["total_cny"] == years["total_cny"]

    @SETTINGS
    @given(diff_wan=st.integers(min_value=1, max_value=9000), style=st.integers(min_value=0, max_value=3))
    def test_said_increment_is_three_percent(self, diff_wan, style):
        said = [f"{diff_wan}万", f"{diff_wan}万元", f"{diff_wan * 10000:,}元", f"{diff_wan}w"][style]
        lead = ["在岸执行额比去年多了", "境内业务较上年增加了", "国内执行额同比增长了", "在岸这块跟去年比多出"][style]
        _, got = done(f"{lead}{said} 两年都没有离岸业务 增量奖多少")
        expected = min(Decimal(diff_wan * 10000) * Decimal("0.03"), Decimal(2000000))
        assert got["3.1"] == expected


class TestYearsByPlace:
    @pytest.mark.parametrize(
        "text, now, before",
        [
            ("两年在岸是1.6kw和1300w 前面那个是今年的 后面那个是去年的 没有离岸 增量多少", 16000000, 13000000),
            ("在岸执行额900万、1100万，后者是今年的 没有离岸业务 增量奖多少", 11000000, 9000000),
            ("境内执行额2000万和2400万 第一个是去年 第二个是今年 两年都没离岸", 24000000, 20000000),
            ("两年在岸1500万和1800万，前者去年，后者今年", 18000000, 15000000),
        ],
    )
    def test_places_give_the_years(self, text, now, before):
        fields = read(text, items=["3.1"]).fields
        assert (fields["onshore_cny"], fields["previous_onshore_cny"]) == (Decimal(now), Decimal(before))

    def test_pair_without_places_is_still_asked(self):
        reading = read("增量奖励 在岸执行额2360万、1940万 近两年的 分不清哪个是今年", items=["3.1"])
        assert "onshore_cny" not in reading.fields and reading.clarifications


class TestThresholdNamed:
    @pytest.mark.parametrize(
        "text",
        [
            "离岸今年做了180万 离岸奖多少 够不够那个100万美元的门槛",
            "今年境外业务执行了130万 离岸奖励拿多少 过没过100万美元那条线",
            "离岸合同执行了160万 有没有达到这个100万美元的标准",
        ],
    )
    def test_the_threshold_is_no_amount(self, text):
        reading = read(text, items=["3.2"])
        assert "offshore_usd" not in reading.fields  # the user's own figure has no currency: asked
        assert reading.clarifications and reading.clarifications[0].data.get("key") == "offshore_usd"
        assert reading.clarifications[0].data.get("value") != "1000000"
        assert "offshore_usd" not in read_facts(text)

    def test_passing_the_threshold_asked_is_no_claim(self):
        assert "offshore_usd" not in read_facts("离岸今年做了120万 超过100万美元了吗")
        assert read_facts("我们离岸已经超过100万美元了 能拿多少")["offshore_usd"].lo == Decimal(1000000)

    def test_users_own_amount_at_the_threshold_stays(self):
        facts = read_facts("今年离岸100万美元 够不够门槛")
        assert facts["offshore_usd"].lo == Decimal(1000000)


class TestOffshoreCurrencyAskedAtOnce:
    TABLE = "麻烦算下增量和离岸 今年指2024年\n年度 | 在岸(万元) | 离岸(万)\n2023 | 700 | 30\n2024 | 1000 | 80"

    def test_one_question_names_every_amount(self):
        session = EstimateSession.start(self.TABLE)
        question = session.question()
        assert "30万" in question and "80万" in question and "美元还是人民币" in question

    def test_dollars_settle_both_years(self):
        session = EstimateSession.start(self.TABLE)
        session.handle("离岸都是美元 汇率2023年7.0 2024年7.2", "inform")
        assert session.status == "done", session.question()
        # (1000万 + 80万×7.2) − (700万 + 30万×7.0) = 1576万 − 910万 = 666万 → 199,800
        assert amounts(session.compute())["3.1"] == Decimal("199800")

    def test_said_without_table(self):
        session = EstimateSession.start("今年在岸1200万 离岸70万 去年在岸900万 离岸50万 增量多少")
        question = session.question()
        assert "70万" in question and "50万" in question

    def test_yuan_with_the_rate_converts_at_once(self):
        session = EstimateSession.start("离岸今年执行了142万 离岸奖多少")
        session.handle("是人民币 汇率按7.1", "inform")
        assert session.status == "done"
        assert session.inputs["offshore_usd"] == Decimal("200000.00")
        assert amounts(session.compute())["3.2"] == 0
