"""A negation with a space or a longer negating word before the entity word (「不是 独立法人」「并非独立法人」)
still negates it: such an applicant is never read as an 独立法人 (第二条)."""

import pytest

from bot.answers.eligibility import facts_from
from bot.understand.facts import read_facts


@pytest.mark.parametrize(
    "text",
    ["我们不是 独立法人", "我们并非  独立法人，在郑州纳税", "我们不属于独立法人 能报吗", "说实话我们并不是 独立法人"],
)
def test_negated_legal_person_is_not_legal_person(text):
    assert facts_from(text).get("entity_type") != "legal_person"
    assert read_facts(text).get("entity_type") != "legal_person"


@pytest.mark.parametrize("text", ["我们是 独立法人", "不是分公司，是独立法人", "我们并非分公司，是独立法人"])
def test_stated_legal_person_stays(text):
    assert facts_from(text).get("entity_type") == "legal_person"
