"""Estimates and conditions: no estimate includes an award whose stated condition is not met."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.estimate.session import EstimateSession
from bot.understand.facts import to_json
from knowledge import conditions
from knowledge.conditions import Span

# Inputs that earn a positive award for each item when nothing else is said.
EARNING = {
    "3.1": {"onshore_cny": Decimal(20000000), "previous_onshore_cny": Decimal(10000000)},
    "3.4": {"tech_advanced_new": True},
    "3.5": {"fairs": [{"region": "domestic", "cost_cny": Decimal(10000)}]},
    "3.6": {"certifications": [{"name": "CMMI", "cost_cny": Decimal(100000)}]},
    "3.7.2": {"institution_recognized": True, "institution_trainees": 10},
    "3.7.3": {"senior_training": [{"cost_cny": Decimal(10000)}]},
    "3.7.4": {"internship_agreement_years": Decimal(2), "interns_per_year": 20, "qualified_interns": 5},
    "3.8.1": {"park_newly_recognized": True, "park_enterprise_operated": True},
    "3.8.2a": {"park_top_enterprises": 1},
    "3.8.2b": {"park_foreign_investment_usd": Decimal(20000000)},
    "3.8.3": {
        "rent_years_in_park": Decimal(4),
        "rent_contract_amount_cny": Decimal(8000000),
        "rent_annual_cny": Decimal(300000),
        "rent_area_m2": Decimal(500),
    },
    "3.9": {"platforms": [{"cost_cny": Decimal(1000000)}]},
}

# Facts the calculator cannot see that rule each item out (one per row).
FAILING = {
    # (「业务没增长」 is not here: with the figures given, the calculator decides growth — see below)
    "3.1": [{"business_year": Span.of(2019)}],
    "3.4": [{"tech_award_received": True}],
    "3.5": [{"fair_designated": False}],
    "3.6": [{"certification_related": False}, {"certification_cost_kind": "other"}],
    "3.7.2": [{"education_level": "中专"}, {"trainee_passed_exam": False}, {"labor_contract_years": Span.of("0.5")}],
    "3.7.3": [
        {"training_foreign_related": False},
        {"education_level": "大专"},
        {"position_level": "普通员工"},
        {"degree_education": True},
    ],
    "3.7.4": [
        {"fresh_graduate": False},
        {"education_level": "中专"},
        {"internship_months": Span.of(2)},
        {"social_insurance_months": Span.of(5)},
    ],
    "3.8.1": [{"park_level": "区级"}],
    "3.8.2a": [{"park_level": "区级"}, {"top_enterprise_introduced": False}, {"top_operating_years": Span.of("0.5")}],
    "3.8.2b": [{"park_level": "区级"}, {"project_it_industry": False}],
    "3.8.3": [{"park_level": "区级"}, {"office_rented": False}],
    "3.9": [{"platform_public": False}],
}
SECOND_ARTICLE_FAILS = [
    {"entity_type": "other"},
    {"entity_type": "branch", "pays_tax_in_zhengzhou": False},
    {"entity_type": "legal_person", "mofcom_registered": False},
]


def amount_of(result: dict, code: str) -> Decimal:
    return next(Decimal(str(i["amount_cny"])) for i in result["items"] if i["code"] == code)


def estimate(codes, inputs, facts) -> dict:
    session = EstimateSession(items=codes, inputs=inputs, facts=to_json(facts))
    return session.compute()


class TestRuledOut:
    """A condition stated false can never produce an award."""

    def test_every_item_earns_without_facts(self):
        """The earning inputs do earn: the tests below would otherwise prove nothing."""
        for code, inputs in EARNING.items():
            assert amount_of(estimate([code], dict(inputs), {}), code) > 0, code

    def test_every_failing_fact_rules_its_item_out(self):
        """Each failing fact gives its item 0 yuan with the reason, and the evaluator agrees."""
        for code, rows in FAILING.items():
            for facts in rows:
                assert conditions.NOT_MET == conditions.evaluate(code, facts).status, (code, facts)
                result = estimate([code], dict(EARNING[code]), facts)
                item = next(i for i in result["items"] if i["code"] == code)
                assert (0.0, False) == (item["amount_cny"], item["qualified"]), (code, facts)

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.sampled_from(sorted(EARNING)), min_size=1, max_size=5, unique=True), st.data())
    def test_no_award_for_a_failed_clause(self, codes, data):
        """For generated item sets and failing facts, failed items are 0 and the total sums only the rest."""
        failing = data.draw(st.lists(st.sampled_from(codes), unique=True))
        facts, inputs = {}, {}
        for code in codes:
            inputs.update(EARNING[code])
        for code in failing:
            facts.update(data.draw(st.sampled_from(FAILING[code])))
        if data.draw(st.booleans()):
            facts.update(data.draw(st.sampled_from(SECOND_ARTICLE_FAILS)))
        verdicts = conditions.evaluate_all(facts, codes)
        result = estimate(codes, inputs, facts)
        for code in codes:
            if verdicts[code].status == conditions.NOT_MET:
                assert Decimal(0) == amount_of(result, code), (code, facts)
        total = sum((Decimal(str(i["amount_cny"])) for i in result["items"]), Decimal(0))
        assert min(total, Decimal(5000000)) == Decimal(str(result["total_cny"]))

    def test_figures_decide_growth_over_a_stated_fact(self):
        """「两年都是200万美元」 at rates 6.5 and 7.0 still grows in yuan: with the figures given, the
        calculator's increment counts, not the words (conditions.yml computed_by)."""
        inputs = {"offshore_usd": 2000000, "previous_offshore_usd": 2000000, "usd_cny_rate": 7.0}
        inputs["previous_usd_cny_rate"] = 6.5
        result = estimate(["3.1"], inputs, {"business_grew": False})
        assert Decimal("30000") == amount_of(result, "3.1")
        flat = dict(inputs, previous_usd_cny_rate=7.0)
        assert Decimal(0) == amount_of(estimate(["3.1"], flat, {"business_grew": True}), "3.1")

    def test_stated_no_growth_stands_when_last_year_is_not_given(self):
        """「今年离岸210万美元 汇率7.2 跟去年比是负增长 离岸和创新奖各多少」: with this year's figures only, the calculator
        cannot decide growth, so the words do: 三（一） 0, not asked; 三（二） = 210万 × 10% × 7.2 = 1,512,000;
        三（三） = 15% × 1,512,000 = 226,800."""
        from bot.estimate.session import EstimateSession

        session = EstimateSession.start(
            "今年离岸210万美元 汇率7.2 跟去年比业务是负增长 研发投入连续两年增长 离岸和创新奖各多少"
        )
        assert "done" == session.status, session.question()
        assert "3.1" in session.failed() or "3.1" not in session.items
        result = session.compute()
        assert (Decimal("1512000"), Decimal("226800")) == (amount_of(result, "3.2"), amount_of(result, "3.3"))

    def test_innovation_base_excludes_a_ruled_out_increment(self):
        """三（三） takes 15% of awards actually given: a ruled-out 三（一） adds nothing to its base."""
        inputs = dict(EARNING["3.1"], innovation_patents_two_years=True)
        result = estimate(["3.1", "3.3"], inputs, {"business_year": Span.of(2019)})
        assert (Decimal(0), Decimal(0)) == (amount_of(result, "3.1"), amount_of(result, "3.3"))
