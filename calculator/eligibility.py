"""第二条 项目申报资格: who may apply at all.

A legal person must be registered in Zhengzhou; a branch must pay tax in Zhengzhou; both
must meet the five common conditions. Rulings beyond the contract's text:

- `entity_type` other: `unmet` is ["entity_type"] plus any common condition given false;
  nothing is `missing` (no answer could make it eligible).
- `entity_type` not given: it is `missing`. Of the two location conditions either may be the
  one that applies, so they fail only when both are given false, are satisfied when either
  is true, and are otherwise `missing`.
"""

COMMON = ("clear_property_rights", "lawful_operation", "lawful_tax", "sound_finance", "mofcom_registered")
LOCATION = {"legal_person": "registered_in_zhengzhou", "branch": "pays_tax_in_zhengzhou"}
ORDER = ("entity_type", "registered_in_zhengzhou", "pays_tax_in_zhengzhou") + COMMON


def eligibility(data: dict) -> dict:
    """{"status": eligible | not_eligible | unknown, "unmet": [...], "missing": [...]}."""
    unmet, missing = set(), set()
    entity = data.get("entity_type")
    for field in COMMON:
        if field not in data:
            missing.add(field)
        elif data[field] is False:
            unmet.add(field)
    if entity == "other":
        unmet.add("entity_type")
        missing.clear()
    elif entity in LOCATION:
        field = LOCATION[entity]
        if field not in data:
            missing.add(field)
        elif data[field] is False:
            unmet.add(field)
    else:
        missing.add("entity_type")
        places = [data.get(f) for f in LOCATION.values()]
        if places == [False, False]:
            unmet.update(LOCATION.values())
        elif True not in places:
            missing.update(f for f in LOCATION.values() if f not in data)
    status = "not_eligible" if unmet else ("unknown" if missing else "eligible")
    return {
        "status": status,
        "unmet": [f for f in ORDER if f in unmet],
        "missing": [f for f in ORDER if f in missing],
    }
