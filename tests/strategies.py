"""Hypothesis strategies for calculator inputs (valid ones: every output must be a result)."""

from decimal import Decimal

from hypothesis import strategies as st


def _as_float(d: Decimal) -> float:
    return float(d)


def money(max_value=10**9):
    """Yuan or dollars with at most two decimals, as JSON-friendly floats or ints."""
    return st.one_of(
        st.integers(min_value=0, max_value=max_value),
        st.decimals(min_value=0, max_value=max_value, places=2).map(_as_float),
    )


rates = st.decimals(min_value=Decimal("5"), max_value=Decimal("8"), places=4).map(_as_float)
counts = st.integers(min_value=0, max_value=500)
years_number = st.one_of(
    st.integers(min_value=0, max_value=10), st.decimals(min_value=0, max_value=10, places=1).map(_as_float)
)
flags = st.booleans()

fair = st.fixed_dictionaries({"region": st.sampled_from(["domestic", "overseas"]), "cost_cny": money(200000)})
certification = st.fixed_dictionaries(
    {"cost_cny": money(1000000)},
    optional={"name": st.sampled_from(["CMMI", "ITSS", "PCMM", "SAS70", "CCRC", "ISO27001"])},
)
cost_entry = st.fixed_dictionaries({"cost_cny": money(200000)})
platform = st.fixed_dictionaries({"cost_cny": money(20000000)})

ELIGIBILITY = {
    "entity_type": st.sampled_from(["legal_person", "branch", "other"]),
    "registered_in_zhengzhou": flags,
    "pays_tax_in_zhengzhou": flags,
    "clear_property_rights": flags,
    "lawful_operation": flags,
    "lawful_tax": flags,
    "sound_finance": flags,
    "mofcom_registered": flags,
}

AWARDS = {
    "year": st.integers(min_value=2020, max_value=2030),
    "new_enterprise": flags,
    "onshore_cny": money(),
    "offshore_usd": money(10**8),
    "previous_onshore_cny": money(),
    "previous_offshore_usd": money(10**8),
    "innovation_patents_two_years": flags,
    "innovation_rd_growth_two_years": flags,
    "tech_advanced_new": flags,
    "fairs": st.lists(fair, max_size=15),
    "certifications": st.lists(certification, max_size=6),
    "institution_recognized": flags,
    "institution_trainees": counts,
    "senior_training": st.lists(cost_entry, max_size=25),
    "internship_agreement_years": years_number,
    "interns_per_year": counts,
    "qualified_interns": counts,
    "park_newly_recognized": flags,
    "park_enterprise_operated": flags,
    "park_top_enterprises": st.integers(min_value=0, max_value=20),
    "park_foreign_investment_usd": money(10**8),
    "rent_years_in_park": years_number,
    "rent_contract_amount_cny": money(10**8),
    "rent_years_subsidized": st.integers(min_value=0, max_value=5),
    "platforms": st.lists(platform, max_size=4),
}

# rent_annual_cny and rent_area_m2 travel together (the area is required with the rent)
rent = st.one_of(
    st.just({}),
    st.fixed_dictionaries(
        {
            "rent_annual_cny": money(10**7),
            "rent_area_m2": st.decimals(min_value=1, max_value=5000, places=1).map(_as_float),
        }
    ),
)


@st.composite
def inputs(draw, with_rates=True):
    """A valid input object; with_rates gives both exchange rates so none is ever missing."""
    data = draw(st.fixed_dictionaries({}, optional={**ELIGIBILITY, **AWARDS}))
    data.update(draw(rent))
    if with_rates:
        data["usd_cny_rate"] = draw(rates)
        data["previous_usd_cny_rate"] = draw(rates)
    return data
