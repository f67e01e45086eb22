"""Known answers for every item of 第三条, the 四.（三） total, eligibility and exchange rates."""

import json
import re
from pathlib import Path
from decimal import Decimal

import pytest

from calculator import CalculatorError, calculate, required_rates
from calculator.rates import RATES_FILE, load_table

ELIGIBLE = {
    "entity_type": "legal_person",
    "registered_in_zhengzhou": True,
    "clear_property_rights": True,
    "lawful_operation": True,
    "lawful_tax": True,
    "sound_finance": True,
    "mofcom_registered": True,
}


def item(result: dict, code: str) -> dict:
    """The item with `code`, or None when it is not listed."""
    return next((i for i in result["items"] if i["code"] == code), None)


def run(code: str, **fields) -> dict:
    """Calculate `fields` and return the item `code` (which must be listed)."""
    found = item(calculate(fields), code)
    assert found is not None, f"{code} not listed"
    return found


def brief(found: dict) -> tuple:
    """(amount, qualified, capped) of an item."""
    return found["amount_cny"], found["qualified"], found["capped"]


class TestContractExample:
    def test_example_result(self):
        """The contract's example input gives the contract's example output."""
        result = calculate(dict(ELIGIBLE, year=2023, usd_cny_rate=7.0467, offshore_usd=1500000))
        expected = {
            "code": "3.2",
            "name": "离岸业务奖励",
            "clause": "第三条第（二）项",
            "qualified": True,
            "amount_cny": 1057005.0,
            "capped": False,
        }
        assert expected == {k: v for k, v in result["items"][0].items() if k != "explanation"}
        assert "150万美元 × 10% × 7.0467 = 1,057,005.00元" in result["items"][0]["explanation"]
        assert {"status": "eligible", "unmet": [], "missing": []} == result["eligibility"]
        assert (1057005.0, 1057005.0, False) == (result["total_cny"], result["total_cny_max"], result["total_capped"])
        assert {"2023": 7.0467} == result["rates_used"]
        assert "本结果为预估，最终以市商务局会同市财政局审核认定为准。" == result["notes"][0]

    def test_keys_of_result(self):
        """A result has exactly the contract's top-level keys."""
        expected = {"eligibility", "items", "total_cny", "total_cny_max", "total_capped", "rates_used", "notes"}
        assert expected == set(calculate({}))

    def test_empty_input(self):
        """No inputs: no items, a zero total, eligibility unknown."""
        result = calculate({})
        assert ([], 0.0, False, "unknown") == (
            result["items"],
            result["total_cny"],
            result["total_capped"],
            result["eligibility"]["status"],
        )


class TestBusinessGrowth:
    """3.1 业务规模增量奖励."""

    @pytest.mark.parametrize(
        "fields, expected",
        [
            (
                dict(
                    onshore_cny=5000000,
                    offshore_usd=1000000,
                    previous_onshore_cny=4000000,
                    previous_offshore_usd=500000,
                    usd_cny_rate=7,
                    previous_usd_cny_rate=6.5,
                ),
                (142500.0, True, False),
            ),
            (dict(onshore_cny=3000000, previous_onshore_cny=2000000), (30000.0, True, False)),
            (dict(onshore_cny=2000000, previous_onshore_cny=3000000), (0.0, False, False)),
            (dict(onshore_cny=2000000, previous_onshore_cny=2000000), (0.0, False, False)),
            (dict(onshore_cny=1000000, new_enterprise=True), (30000.0, True, False)),
            (dict(onshore_cny=1000000, previous_onshore_cny=9000000, new_enterprise=True), (30000.0, True, False)),
            (dict(onshore_cny=0, new_enterprise=True), (0.0, False, False)),
            (dict(onshore_cny=100000000, previous_onshore_cny=0), (2000000.0, True, True)),
            (dict(onshore_cny=66666700, previous_onshore_cny=0), (2000000.0, True, True)),
            (dict(onshore_cny=66666600, previous_onshore_cny=0), (1999998.0, True, False)),
            (dict(offshore_usd=1000000, previous_onshore_cny=0, usd_cny_rate=7.1), (213000.0, True, False)),
            (dict(onshore_cny=1, previous_onshore_cny=0), (0.03, True, False)),
            (dict(onshore_cny=0.1, previous_onshore_cny=0), (0.0, False, False)),
        ],
    )
    def test_known_answers(self, fields, expected):
        """3% of the increment, capped at 200万元."""
        assert expected == brief(run("3.1", **fields))

    def test_each_year_at_its_own_rate(self):
        """Previous-year dollars convert at the previous year's rate, this year's at this year's."""
        result = calculate(
            dict(
                year=2023,
                offshore_usd=1000000,
                previous_offshore_usd=1000000,
                usd_cny_rate=7.1,
                previous_usd_cny_rate=6.9,
            )
        )
        assert 6000.0 == item(result, "3.1")["amount_cny"]
        assert {"2023": 7.1, "2022": 6.9} == result["rates_used"]
        explanation = item(result, "3.1")["explanation"]
        assert "2023年执行额" in explanation and "× 7.1" in explanation
        assert "2022年执行额" in explanation and "× 6.9" in explanation

    def test_same_dollars_same_rate_no_increment(self):
        """Equal dollars at equal rates leave no increment."""
        assert (0.0, False, False) == brief(
            run("3.1", offshore_usd=1000000, previous_offshore_usd=1000000, usd_cny_rate=7, previous_usd_cny_rate=7)
        )

    def test_new_enterprise_needs_no_previous_rate(self):
        """A new enterprise's previous-year dollars are ignored, so their rate is not needed."""
        result = calculate(dict(year=2023, onshore_cny=1000000, previous_offshore_usd=500000, new_enterprise=True))
        assert (30000.0, {}) == (item(result, "3.1")["amount_cny"], result["rates_used"])

    def test_not_listed_without_baseline(self):
        """Without a previous-year amount and not a new enterprise, 3.1 is not computed."""
        assert None is item(calculate(dict(onshore_cny=1000000, new_enterprise=False)), "3.1")

    def test_not_listed_with_only_previous(self):
        """Without this year's amounts, 3.1 is not computed."""
        assert None is item(calculate(dict(previous_onshore_cny=1000000)), "3.1")

    def test_cap_explained(self):
        """The explanation says the cap bound the award."""
        found = run("3.1", onshore_cny=100000000, previous_onshore_cny=0)
        assert "超过单项上限（最高200万元），按200万元计" in found["explanation"]

    def test_no_increment_explained(self):
        """A fall in business is explained as no increment."""
        found = run("3.1", onshore_cny=1, previous_onshore_cny=2)
        assert "没有增量" in found["explanation"]

    def test_fall_named_as_a_fall(self):
        """A year below the one before says by how much business fell, not only that nothing grew."""
        found = run("3.1", onshore_cny=7300000, previous_onshore_cny=8100000)
        assert "比上年度减少800,000.00元（业务下降" in found["explanation"]
        flat = run("3.1", onshore_cny=8100000, previous_onshore_cny=8100000)
        assert "与上年度持平" in flat["explanation"] and "减少" not in flat["explanation"]
        nothing = run("3.1", onshore_cny=0, new_enterprise=True)
        assert "执行额为0" in nothing["explanation"] and "持平" not in nothing["explanation"]

    def test_clause_and_name(self):
        """Clause label and name follow the policy."""
        found = run("3.1", onshore_cny=1, new_enterprise=True)
        assert ("第三条第（一）项", "业务规模增量奖励") == (found["clause"], found["name"])


class TestOffshore:
    """3.2 离岸业务奖励."""

    @pytest.mark.parametrize(
        "usd, rate, expected",
        [
            (1000000, 7, (0.0, False, False)),
            (1000000.01, 7, (700000.01, True, False)),
            (1500000, 7.0467, (1057005.0, True, False)),
            (2857142, 7, (1999999.4, True, False)),
            (3000000, 7, (2000000.0, True, True)),
            (0, 7, (0.0, False, False)),
            (999999.99, 7, (0.0, False, False)),
        ],
    )
    def test_known_answers(self, usd, rate, expected):
        """超过100万美元 excludes exactly 100万; 10% × rate, capped at 200万元."""
        assert expected == brief(run("3.2", offshore_usd=usd, usd_cny_rate=rate))

    def test_unqualified_needs_no_rate(self):
        """At or below the threshold the rate is not needed and not reported."""
        result = calculate({"offshore_usd": 1000000})
        assert (0.0, {}) == (item(result, "3.2")["amount_cny"], result["rates_used"])

    def test_unqualified_explained(self):
        """The explanation names the threshold that was not exceeded."""
        found = run("3.2", offshore_usd=1000000)
        assert "未超过100万美元" in found["explanation"]

    def test_cap_explained(self):
        """The cap is named in the explanation."""
        found = run("3.2", offshore_usd=3000000, usd_cny_rate=7)
        assert "按200万元计" in found["explanation"]


class TestInnovation:
    """3.3 创新发展奖励."""

    @pytest.mark.parametrize(
        "fields, expected",
        [
            (
                dict(innovation_patents_two_years=True, offshore_usd=1500000, usd_cny_rate=7.0467),
                (158550.75, True, False),
            ),
            (dict(innovation_rd_growth_two_years=True, offshore_usd=5000000, usd_cny_rate=7), (300000.0, True, False)),
            (
                dict(
                    innovation_patents_two_years=True,
                    offshore_usd=5000000,
                    usd_cny_rate=7,
                    onshore_cny=1000000,
                    new_enterprise=True,
                ),
                (462000.0, True, False),
            ),
            (
                dict(
                    innovation_patents_two_years=False,
                    innovation_rd_growth_two_years=False,
                    offshore_usd=5000000,
                    usd_cny_rate=7,
                ),
                (0.0, False, False),
            ),
            (dict(innovation_patents_two_years=False, offshore_usd=5000000, usd_cny_rate=7), (0.0, False, False)),
            (dict(innovation_patents_two_years=True), (0.0, False, False)),
        ],
    )
    def test_known_answers(self, fields, expected):
        """15% of the 3.1 and 3.2 awards after their caps."""
        assert expected == brief(run("3.3", **fields))

    def test_not_listed_without_flags(self):
        """Neither flag given: 3.3 is not computed."""
        assert None is item(calculate(dict(offshore_usd=5000000, usd_cny_rate=7)), "3.3")

    def test_zero_base_explained(self):
        """With no 3.1/3.2 award the explanation says there is no base."""
        assert "没有可计奖励的基数" in run("3.3", innovation_patents_two_years=True)["explanation"]


class TestTechAdvanced:
    """3.4 技术先进型服务企业认定奖励."""

    @pytest.mark.parametrize("flag, expected", [(True, (100000.0, True, False)), (False, (0.0, False, False))])
    def test_known_answers(self, flag, expected):
        """A one-off 10万元 for a new qualification."""
        assert expected == brief(run("3.4", tech_advanced_new=flag))


def fairs(*pairs):
    """[{"region", "cost_cny"}, …] from (region, cost) pairs."""
    return [{"region": r, "cost_cny": c} for r, c in pairs]


class TestMarketFairs:
    """3.5 开拓市场补贴."""

    @pytest.mark.parametrize(
        "entries, expected",
        [
            (fairs(("domestic", 10000)), (7000.0, True, False)),
            (fairs(("domestic", 30000)), (20000.0, True, True)),
            (fairs(("overseas", 60000)), (42000.0, True, False)),
            (fairs(("overseas", 100000)), (50000.0, True, True)),
            (fairs(("domestic", 10000), ("overseas", 10000)), (14000.0, True, False)),
            (fairs(*[("domestic", 30000)] * 10), (200000.0, True, True)),
            (fairs(*[("domestic", 28000)] * 11), (200000.0, True, True)),
            (fairs(*[("domestic", 20000)] * 14), (196000.0, True, False)),
            (fairs(*[("overseas", 100000)] * 7), (300000.0, True, True)),
            (fairs(*[("overseas", 70000)] * 6), (294000.0, True, False)),
            (fairs(*[("domestic", 50000)] * 12, *[("overseas", 90000)] * 8), (500000.0, True, True)),
            (fairs(("domestic", 0)), (0.0, False, False)),
            ([], (0.0, False, False)),
        ],
    )
    def test_known_answers(self, entries, expected):
        """70% per event, capped per event and per year, domestic and overseas apart."""
        assert expected == brief(run("3.5", fairs=entries))

    def test_upper_bound_rate_explained(self):
        """「最高70%」: the explanation says the real subsidy may be lower."""
        assert "实际补贴可能更低" in run("3.5", fairs=fairs(("domestic", 1000)))["explanation"]

    def test_caps_explained(self):
        """Per-event and annual caps are named."""
        text = run("3.5", fairs=fairs(*[("domestic", 30000)] * 11))["explanation"]
        assert "超过每场上限2万元" in text and "超过境内全年上限20万元" in text


def certs(*costs, names=None):
    """[{"name", "cost_cny"}, …]."""
    names = names or [f"Q{i + 1}" for i in range(len(costs))]
    return [{"name": n, "cost_cny": c} for n, c in zip(names, costs)]


class TestCertifications:
    """3.6 资质认证补贴."""

    @pytest.mark.parametrize(
        "entries, expected",
        [
            (certs(100000), (70000.0, True, False)),
            (certs(500000), (300000.0, True, True)),
            (certs(100000, 200000, 300000), (420000.0, True, False)),
            (certs(100000, 200000, 50000, 300000), (420000.0, True, True)),
            (certs(500000, 500000, 500000, 500000), (900000.0, True, True)),
            ([{"cost_cny": 1000}], (700.0, True, False)),
            ([], (0.0, False, False)),
        ],
    )
    def test_known_answers(self, entries, expected):
        """70% each, at most 30万元 each, the 3 largest subsidies a year."""
        assert expected == brief(run("3.6", certifications=entries))

    def test_dropped_named(self):
        """The qualification left out by the 3-a-year limit is named."""
        entries = certs(100000, 200000, 50000, 300000, names=["CMMI", "ITSS", "PCMM", "CCRC"])
        text = run("3.6", certifications=entries)["explanation"]
        assert "未计入：PCMM" in text and "CMMI（第1项）" in text

    def test_ties_keep_earlier(self):
        """Equal subsidies: the earlier entries are kept."""
        text = run("3.6", certifications=certs(1000, 1000, 1000, 1000, names=["A", "B", "C", "D"]))["explanation"]
        assert "未计入：D（第4项）" in text


class TestInstitutionTraining:
    """3.7.2 培训机构定额培训支持."""

    @pytest.mark.parametrize(
        "fields, expected",
        [
            (dict(institution_recognized=True, institution_trainees=12), (6000.0, True, False)),
            (dict(institution_recognized=False, institution_trainees=12), (0.0, False, False)),
            (dict(institution_trainees=12), (0.0, False, False)),
            (dict(institution_recognized=True, institution_trainees=0), (0.0, False, False)),
        ],
    )
    def test_known_answers(self, fields, expected):
        """500元 per trainee, only for a recognised institution."""
        assert expected == brief(run("3.7.2", **fields))

    def test_clause(self):
        """Sub-items carry the point number."""
        found = run("3.7.2", institution_trainees=1)
        assert "第三条第（七）项第2点" == found["clause"]


class TestSeniorTraining:
    """3.7.3 中高级人才培训补贴."""

    @pytest.mark.parametrize(
        "costs, expected",
        [
            ([10000], (5000.0, True, False)),
            ([60000], (30000.0, True, False)),
            ([80000], (30000.0, True, True)),
            ([10000] * 20, (100000.0, True, False)),
            ([10000] * 5 + [2000] + [10000] * 15, (100000.0, True, True)),
            ([100000] * 25, (600000.0, True, True)),
            ([0], (0.0, False, False)),
            ([], (0.0, False, False)),
        ],
    )
    def test_known_answers(self, costs, expected):
        """50% each, at most 3万元 a person, the 20 largest."""
        entries = [{"cost_cny": c} for c in costs]
        assert expected == brief(run("3.7.3", senior_training=entries))

    def test_same_arithmetic_shown_once(self):
        """25 people at the same cost: one line 「第1–25人各 …」 (fits a phone), the five left out still named."""
        explanation = run("3.7.3", senior_training=[{"cost_cny": 80000}] * 25)["explanation"]
        assert "第1–25人各 培训费8万元 × 50% = 40,000.00元" in explanation
        assert "第2人 培训费" not in explanation and "未计入：第21人" in explanation
        assert len(explanation.encode("utf-8")) < 1000

    def test_runs_only_of_consecutive_equal_lines(self):
        """Different costs keep their own lines; a run needs three in a row."""
        explanation = run("3.7.3", senior_training=[{"cost_cny": c} for c in [10000, 10000, 20000]])["explanation"]
        assert "第1人 培训费1万元" in explanation and "第2人 培训费1万元" in explanation
        assert "第3人 培训费2万元" in explanation and "–" not in explanation

    def test_dropped_named(self):
        """The person left out by the 20-person limit is named."""
        entries = [{"cost_cny": c} for c in [10000] * 5 + [2000] + [10000] * 15]
        assert "未计入：第6人" in run("3.7.3", senior_training=entries)["explanation"]


class TestInternships:
    """3.7.4 实习实训补贴."""

    @pytest.mark.parametrize(
        "fields, expected",
        [
            (dict(internship_agreement_years=2, interns_per_year=20, qualified_interns=10), (50000.0, True, False)),
            (dict(internship_agreement_years=1.9, interns_per_year=20, qualified_interns=10), (0.0, False, False)),
            (dict(internship_agreement_years=2, interns_per_year=19, qualified_interns=10), (0.0, False, False)),
            (dict(interns_per_year=30, qualified_interns=10), (0.0, False, False)),
            (dict(internship_agreement_years=3, qualified_interns=10), (0.0, False, False)),
            (dict(internship_agreement_years=2, interns_per_year=20, qualified_interns=100), (500000.0, True, False)),
            (dict(internship_agreement_years=2, interns_per_year=20, qualified_interns=101), (500000.0, True, True)),
            (dict(internship_agreement_years=2, interns_per_year=20, qualified_interns=0), (0.0, False, False)),
        ],
    )
    def test_known_answers(self, fields, expected):
        """两年以上 and 20名以上 include the number; 5000元 each, at most 50万元."""
        assert expected == brief(run("3.7.4", **fields))

    def test_failed_conditions_explained(self):
        """Both failed conditions are explained."""
        text = run("3.7.4", internship_agreement_years=1, interns_per_year=5, qualified_interns=3)["explanation"]
        assert "未达到2年以上" in text and "未达到20名以上" in text


class TestParkRecognition:
    """3.8.1 示范园区认定奖励."""

    @pytest.mark.parametrize(
        "fields, expected",
        [
            (dict(park_newly_recognized=True, park_enterprise_operated=True), (200000.0, True, False)),
            (dict(park_newly_recognized=True, park_enterprise_operated=False), (0.0, False, False)),
            (dict(park_newly_recognized=True), (0.0, False, False)),
            (dict(park_newly_recognized=False, park_enterprise_operated=True), (0.0, False, False)),
        ],
    )
    def test_known_answers(self, fields, expected):
        """20万元 for a newly recognised, enterprise-run park."""
        assert expected == brief(run("3.8.1", **fields))


class TestParkAttraction:
    """3.8.2a 园区引进重点企业奖励 and 3.8.2b 园区吸引外资奖励."""

    @pytest.mark.parametrize(
        "n, expected",
        [
            (2, (200000.0, 600000.0, True, False)),
            (1, (100000.0, 300000.0, True, False)),
            (0, (0.0, 0.0, False, False)),
        ],
    )
    def test_top_enterprises_range(self, n, expected):
        """10—30万元 per enterprise: low end as amount, high end as amount_cny_max."""
        found = run("3.8.2a", park_top_enterprises=n)
        assert expected == (found["amount_cny"], found["amount_cny_max"], found["qualified"], found["capped"])

    def test_range_in_total_max(self):
        """total_cny uses the low end, total_cny_max the high end."""
        result = calculate(dict(park_top_enterprises=2, tech_advanced_new=True))
        assert (300000.0, 700000.0) == (result["total_cny"], result["total_cny_max"])

    @pytest.mark.parametrize(
        "usd, expected",
        [
            (9999999.99, (0.0, False, False)),
            (10000000, (100000.0, True, False)),
            (25000000, (200000.0, True, False)),
            (30000000, (300000.0, True, False)),
            (40000000, (300000.0, True, True)),
            (0, (0.0, False, False)),
        ],
    )
    def test_foreign_investment(self, usd, expected):
        """10万元 per full 1000万美元, at most 30万元."""
        assert expected == brief(run("3.8.2b", park_foreign_investment_usd=usd))

    def test_both_same_clause(self):
        """Both awards are labelled 第三条第（八）项第2点."""
        result = calculate(dict(park_top_enterprises=1, park_foreign_investment_usd=0))
        assert ["第三条第（八）项第2点"] * 2 == [i["clause"] for i in result["items"]]

    def test_other_items_have_no_max(self):
        """Only 3.8.2a carries amount_cny_max."""
        result = calculate(dict(park_top_enterprises=1, tech_advanced_new=True))
        assert [False, True] == ["amount_cny_max" in i for i in result["items"]]


RENT = dict(rent_years_in_park=3, rent_contract_amount_cny=5000000.01, rent_annual_cny=100000, rent_area_m2=500)


class TestRent:
    """3.8.3 租金补贴."""

    @pytest.mark.parametrize(
        "changes, expected",
        [
            ({}, (30000.0, True, False)),
            ({"rent_contract_amount_cny": 5000000}, (0.0, False, False)),
            ({"rent_years_in_park": 2.99}, (0.0, False, False)),
            ({"rent_years_in_park": 10}, (30000.0, True, False)),
            ({"rent_years_subsidized": 3}, (0.0, False, False)),
            ({"rent_years_subsidized": 2}, (30000.0, True, False)),
            ({"rent_area_m2": 1000}, (30000.0, True, False)),
            ({"rent_area_m2": 2000}, (15000.0, True, True)),
            ({"rent_area_m2": 3000}, (10000.0, True, True)),
            ({"rent_area_m2": 1500}, (20000.0, True, True)),
            ({"rent_annual_cny": 0}, (0.0, False, False)),
        ],
    )
    def test_known_answers(self, changes, expected):
        """三年以上, 超过500万元, at most 3 years, 30% for at most 1000 m²."""
        assert expected == brief(run("3.8.3", **dict(RENT, **changes)))

    def test_years_absent_count_zero(self):
        """Absent years in the park count as 0."""
        fields = {k: v for k, v in RENT.items() if k != "rent_years_in_park"}
        assert (0.0, False, False) == brief(run("3.8.3", **fields))

    @pytest.mark.parametrize(
        "fields, expected",
        [
            (dict(onshore_cny=5000000), (0.0, False, False)),
            (dict(onshore_cny=5000000, offshore_usd=1, usd_cny_rate=7), (30000.0, True, False)),
            (dict(offshore_usd=800000, usd_cny_rate=7), (30000.0, True, False)),
            ({}, (0.0, False, False)),
        ],
    )
    def test_contract_amount_derived(self, fields, expected):
        """Without rent_contract_amount_cny, the contract is onshore + offshore × rate."""
        base = {k: v for k, v in RENT.items() if k != "rent_contract_amount_cny"}
        assert expected == brief(run("3.8.3", **base, **fields))

    def test_area_required(self):
        """Rent without area is an error naming rent_area_m2."""
        with pytest.raises(CalculatorError) as err:
            calculate({"rent_annual_cny": 100000})
        assert "rent_area_m2" == err.value.field

    def test_area_limit_explained(self):
        """The 1000 m² limit is named when it binds."""
        text = run("3.8.3", **dict(RENT, rent_area_m2=2000))["explanation"]
        assert "补贴面积最多1000平方米" in text


class TestPlatforms:
    """3.9 公共服务平台补贴."""

    @pytest.mark.parametrize(
        "costs, expected",
        [
            ([1000000], (300000.0, True, False)),
            ([10000000], (2000000.0, True, True)),
            ([6666666.66], (2000000.0, True, False)),
            ([10000000, 1000000], (2300000.0, True, True)),
            ([0], (0.0, False, False)),
            ([], (0.0, False, False)),
        ],
    )
    def test_known_answers(self, costs, expected):
        """30% per platform, at most 200万元 each."""
        entries = [{"cost_cny": c} for c in costs]
        assert expected == brief(run("3.9", platforms=entries))


class TestTotal:
    """四.（三） 单个企业年度支持资金总额最高500万元."""

    def test_cap(self):
        """Above 5,000,000 the total becomes 5,000,000 and total_capped is true."""
        result = calculate({"platforms": [{"cost_cny": 10000000}] * 3})
        assert (5000000.0, 5000000.0, True) == (result["total_cny"], result["total_cny_max"], result["total_capped"])
        assert 6000000.0 == sum(i["amount_cny"] for i in result["items"])

    def test_exactly_cap_not_capped(self):
        """Exactly 5,000,000 is not capped; the range's high end is capped at 5,000,000 too."""
        result = calculate({"platforms": [{"cost_cny": 10000000}] * 2, "park_top_enterprises": 10})
        assert (5000000.0, 5000000.0, False) == (result["total_cny"], result["total_cny_max"], result["total_capped"])

    def test_cap_noted(self):
        """The notes name 第四条第（三）项 when the total is capped."""
        result = calculate({"platforms": [{"cost_cny": 10000000}] * 3})
        assert any("第四条第（三）项" in n and "按500万元计" in n for n in result["notes"])

    def test_items_in_code_order(self):
        """Items appear in the order of the contract's table."""
        result = calculate(
            dict(
                platforms=[],
                park_top_enterprises=0,
                tech_advanced_new=True,
                offshore_usd=0,
                fairs=[],
                qualified_interns=0,
                park_foreign_investment_usd=0,
                park_newly_recognized=False,
                institution_trainees=0,
                senior_training=[],
                certifications=[],
                innovation_patents_two_years=False,
                onshore_cny=1,
                new_enterprise=True,
                rent_annual_cny=1,
                rent_area_m2=1,
            )
        )
        expected = [
            "3.1",
            "3.2",
            "3.3",
            "3.4",
            "3.5",
            "3.6",
            "3.7.2",
            "3.7.3",
            "3.7.4",
            "3.8.1",
            "3.8.2a",
            "3.8.2b",
            "3.8.3",
            "3.9",
        ]
        assert expected == [i["code"] for i in result["items"]]

    def test_listed_even_when_unqualified(self):
        """An item whose inputs are present is listed even at 0."""
        result = calculate({"tech_advanced_new": False})
        assert [("3.4", False, 0.0)] == [(i["code"], i["qualified"], i["amount_cny"]) for i in result["items"]]


class TestEligibility:
    """第二条 项目申报资格."""

    COMMON = dict(
        clear_property_rights=True, lawful_operation=True, lawful_tax=True, sound_finance=True, mofcom_registered=True
    )

    @pytest.mark.parametrize(
        "fields, expected",
        [
            (dict(ELIGIBLE), ("eligible", [], [])),
            (dict(COMMON, entity_type="branch", pays_tax_in_zhengzhou=True), ("eligible", [], [])),
            (
                dict(COMMON, entity_type="legal_person", registered_in_zhengzhou=True, pays_tax_in_zhengzhou=False),
                ("eligible", [], []),
            ),
            (dict(ELIGIBLE, registered_in_zhengzhou=False), ("not_eligible", ["registered_in_zhengzhou"], [])),
            (
                dict(COMMON, entity_type="branch", pays_tax_in_zhengzhou=False),
                ("not_eligible", ["pays_tax_in_zhengzhou"], []),
            ),
            (dict(COMMON, entity_type="branch"), ("unknown", [], ["pays_tax_in_zhengzhou"])),
            (dict(ELIGIBLE, entity_type="other"), ("not_eligible", ["entity_type"], [])),
            (dict(entity_type="other", lawful_tax=False), ("not_eligible", ["entity_type", "lawful_tax"], [])),
            (dict(ELIGIBLE, lawful_tax=False, sound_finance=None), ("not_eligible", ["lawful_tax"], ["sound_finance"])),
            (dict(COMMON, registered_in_zhengzhou=True), ("unknown", [], ["entity_type"])),
            (dict(COMMON, registered_in_zhengzhou=False), ("unknown", [], ["entity_type", "pays_tax_in_zhengzhou"])),
            (
                dict(COMMON, registered_in_zhengzhou=False, pays_tax_in_zhengzhou=False),
                ("not_eligible", ["registered_in_zhengzhou", "pays_tax_in_zhengzhou"], ["entity_type"]),
            ),
            (
                {},
                (
                    "unknown",
                    [],
                    [
                        "entity_type",
                        "registered_in_zhengzhou",
                        "pays_tax_in_zhengzhou",
                        "clear_property_rights",
                        "lawful_operation",
                        "lawful_tax",
                        "sound_finance",
                        "mofcom_registered",
                    ],
                ),
            ),
        ],
    )
    def test_status(self, fields, expected):
        """Status, unmet and missing follow 第二条 and the contract."""
        e = calculate(fields)["eligibility"]
        assert expected == (e["status"], e["unmet"], e["missing"])

    def test_amounts_estimated_when_not_eligible(self):
        """Amounts are estimated whatever the status; a note says why it is not eligible."""
        result = calculate(dict(ELIGIBLE, entity_type="other", tech_advanced_new=True))
        assert (100000.0, "not_eligible") == (result["total_cny"], result["eligibility"]["status"])
        assert any("第二条" in n for n in result["notes"])


class TestRates:
    """Exchange rates: the caller's, the operator's table, or an error naming the field."""

    TABLE = [
        {"year": 2023, "rate": "7.0467", "source": "测试用来源A"},
        {"year": 2022, "rate": "6.7261", "source": "测试用来源B"},
    ]

    def test_missing_rate_error(self):
        """A needed rate that nobody supplies is an error naming the field and year."""
        with pytest.raises(CalculatorError) as err:
            calculate({"year": 2023, "offshore_usd": 1500000}, rate_table=[])
        assert "usd_cny_rate" == err.value.field
        assert "缺少2023年的美元兑人民币年平均中间价（usd_cny_rate）" in err.value.message

    def test_missing_previous_rate_error(self):
        """The previous year's rate is named with its own year."""
        with pytest.raises(CalculatorError) as err:
            calculate(dict(year=2023, onshore_cny=1, previous_offshore_usd=1), rate_table=[])
        assert ("previous_usd_cny_rate", True) == (
            err.value.field,
            "缺少2022年的美元兑人民币年平均中间价" in err.value.message,
        )

    def test_table_supplies_rate(self):
        """A table rate is used, reported in rates_used and its source in the notes."""
        result = calculate({"year": 2023, "offshore_usd": 1500000}, rate_table=self.TABLE)
        assert (1057005.0, {"2023": 7.0467}) == (result["total_cny"], result["rates_used"])
        assert any("测试用来源A" in n for n in result["notes"])

    def test_caller_wins_over_table(self):
        """A rate given by the caller always wins."""
        result = calculate({"year": 2023, "offshore_usd": 1500000, "usd_cny_rate": 7}, rate_table=self.TABLE)
        assert {"2023": 7.0} == result["rates_used"]

    def test_table_without_year_not_used(self):
        """Without `year` the table cannot be consulted."""
        with pytest.raises(CalculatorError) as err:
            calculate({"offshore_usd": 1500000}, rate_table=self.TABLE)
        assert "usd_cny_rate" == err.value.field

    def test_rates_used_keyed_by_field_without_year(self):
        """Without `year`, rates_used is keyed by the field name."""
        result = calculate({"offshore_usd": 1500000, "usd_cny_rate": 7})
        assert {"usd_cny_rate": 7.0} == result["rates_used"]

    def test_unused_rate_not_reported(self):
        """A rate the arithmetic did not use is not in rates_used."""
        assert {} == calculate({"year": 2023, "usd_cny_rate": 7})["rates_used"]

    def test_table_entry_needs_source(self):
        """A table entry without a published source is rejected."""
        with pytest.raises(CalculatorError):
            calculate({"year": 2023, "offshore_usd": 1500000}, rate_table=[{"year": 2023, "rate": "7"}])

    def test_shipped_table_is_empty(self):
        """The shipped table holds no figure."""
        assert {} == load_table(RATES_FILE)

    def test_table_file_from_environment(self, tmp_path, monkeypatch):
        """CALCULATOR_RATES_FILE names an operator table in YAML."""
        path = tmp_path / "rates.yml"
        path.write_text('rates:\n  - {year: 2023, rate: "7.1", source: "测试来源"}\n', encoding="utf-8")
        monkeypatch.setenv("CALCULATOR_RATES_FILE", str(path))
        result = calculate({"year": 2023, "offshore_usd": 2000000})
        assert (1420000.0, {"2023": 7.1}) == (result["total_cny"], result["rates_used"])

    def test_required_rates(self):
        """required_rates lists the missing rates with Chinese messages."""
        expected = [
            {"field": "usd_cny_rate", "year": 2023, "message": "缺少2023年的美元兑人民币年平均中间价（usd_cny_rate）"},
            {
                "field": "previous_usd_cny_rate",
                "year": 2022,
                "message": "缺少2022年的美元兑人民币年平均中间价（previous_usd_cny_rate）",
            },
        ]
        assert expected == required_rates(
            dict(year=2023, offshore_usd=1, previous_onshore_cny=0, previous_offshore_usd=1), rate_table=[]
        )

    @pytest.mark.parametrize(
        "fields, expected",
        [
            ({"offshore_usd": 1000000}, []),
            ({"offshore_usd": 1000001, "usd_cny_rate": 7}, []),
            ({"offshore_usd": 1000001}, ["usd_cny_rate"]),
            ({"offshore_usd": 0, "previous_onshore_cny": 1}, []),
            ({"offshore_usd": 5, "previous_onshore_cny": 1}, ["usd_cny_rate"]),
            ({"onshore_cny": 1, "previous_offshore_usd": 5}, ["previous_usd_cny_rate"]),
            ({"onshore_cny": 1, "previous_offshore_usd": 5, "new_enterprise": True}, []),
            ({"offshore_usd": 5, "rent_annual_cny": 1, "rent_area_m2": 1}, ["usd_cny_rate"]),
            ({"offshore_usd": 5, "rent_annual_cny": 1, "rent_area_m2": 1, "rent_contract_amount_cny": 1}, []),
            ({"year": 2023, "offshore_usd": 1000001}, []),
        ],
    )
    def test_required_rate_fields(self, fields, expected):
        """Only rates that multiply a non-zero dollar amount are required."""
        table = [{"year": 2023, "rate": "7", "source": "测试"}]
        assert expected == [r["field"] for r in required_rates(fields, rate_table=table)]

    def test_required_rates_message_without_year(self):
        """Without a year the message says 本年度."""
        assert (
            "缺少本年度的美元兑人民币年平均中间价（usd_cny_rate）"
            == required_rates({"offshore_usd": 2000000}, rate_table=[])[0]["message"]
        )


class TestOutputNumbers:
    """JSON numbers carry at most two decimals and round-trip exactly."""

    @pytest.mark.parametrize(
        "fields, text",
        [
            (dict(offshore_usd=1500000, usd_cny_rate=7.0467), '"amount_cny": 1057005.0'),
            (dict(certifications=[{"cost_cny": 0.15}]), '"amount_cny": 0.11'),
            (dict(platforms=[{"cost_cny": 0.35}]), '"amount_cny": 0.11'),
            (dict(platforms=[{"cost_cny": 0.3333}]), '"amount_cny": 0.1'),
        ],
    )
    def test_serialised(self, fields, text):
        """Half-up rounding to cents, serialised without float noise."""
        assert text in json.dumps(calculate(fields), ensure_ascii=False)

    def test_round_trip(self):
        """Every amount equals its own two-decimal rounding."""
        result = calculate(
            dict(
                offshore_usd=1234567.89,
                usd_cny_rate=7.0467,
                innovation_patents_two_years=True,
                fairs=[{"region": "domestic", "cost_cny": 1234.57}],
            )
        )
        for found in result["items"]:
            value = found["amount_cny"]
            assert Decimal(repr(value)) == Decimal(repr(value)).quantize(Decimal("0.01"))

    def test_decimal_inputs_accepted(self):
        """Decimal inputs (as the CLI reads JSON) give the same result as floats."""
        assert calculate({"offshore_usd": 1500000.5, "usd_cny_rate": 7.0467}) == calculate(
            {"offshore_usd": Decimal("1500000.5"), "usd_cny_rate": Decimal("7.0467")}
        )


class TestFiguresFromKnowledge:
    """Rates and caps come from knowledge/data/figures.yml."""

    FORBIDDEN = {
        "0.03",
        "0.1",
        "0.10",
        "0.15",
        "0.7",
        "0.70",
        "0.50",
        "0.3",
        "0.30",
        "500",
        "5000",
        "20000",
        "30000",
        "50000",
        "100000",
        "200000",
        "300000",
        "500000",
        "1000000",
        "2000000",
        "5000000",
        "10000000",
    }

    def test_no_policy_numbers_in_code(self):
        """No calculator module spells a rate, cap or threshold of the policy."""
        root = Path(__file__).resolve().parent.parent / "calculator"
        found = []
        for path in sorted(root.rglob("*.py")):
            if path.name == "figures_zh.py":
                continue
            for number in re.findall(r"(?<![\w.])\d[\d_]*(?:\.\d+)?(?![\w.])", path.read_text(encoding="utf-8")):
                if number.replace("_", "") in self.FORBIDDEN:
                    found.append(f"{path.name}: {number}")
        assert [] == found
