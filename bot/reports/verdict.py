"""The calculator's eligibility (第二条 项目申报资格) as the report's verdict: 符合 / 不符合 / 待确认.

Who applies (``applicant``):

- ``enterprise`` (服务外包企业): 第二条 applies in full, as the calculator checked it.
- ``park_operator`` (园区管理和运营企业): an enterprise by name (第三条第（八）项 pays the park's
  awards to the 园区管理和运营企业): 第二条 applies in full.
- ``training_institution`` (培训机构): 第三条第（七）项第2目 rewards 已获得认定的本市服务外包培训机构,
  which need not be an enterprise. Until it says it is one, the conditions of conditions.yml
  ``open_unless_enterprise`` (申报主体类型, the system registration) are 待确认 for it, not failures;
  once it says it is one (独立法人 有限公司), 第二条 applies in full. The conditions on its location
  and conduct (依法设立/在郑纳税, 产权清晰, 依法经营, 依法纳税, 财务管理) apply always.

The policy leaves the point to the bureau (第四条第（一）项: 以市商务局解释为准), and the
verdict says so in each 待确认 entry rather than guessing.
"""

from knowledge.conditions import left_open

QUALIFIED = "符合"
NOT_QUALIFIED = "不符合"
TO_CONFIRM = "待确认"
STATUSES = (QUALIFIED, NOT_QUALIFIED, TO_CONFIRM)

APPLICANT_LABELS = {
    "enterprise": "服务外包企业",
    "park_operator": "园区管理和运营企业",
    "training_institution": "培训机构",
}

ENTITY_TYPE_LABELS = {
    "legal_person": "独立法人企业",
    "branch": "法人企业分支机构",
    "other": "其他主体",
}

# field: (condition name, what 第二条 requires for it), both in the policy's own words.
CONDITIONS = {
    "entity_type": (
        "申报主体类型（须为在郑州市依法设立的独立法人企业或在郑纳税的法人企业分支机构）",
        "申报主体为在郑州市行政区域内依法设立的独立法人企业或在郑纳税的法人企业分支机构",
    ),
    "registered_in_zhengzhou": (
        "在郑州市行政区域内依法设立",
        "在郑州市行政区域内依法设立（或以在郑纳税的法人企业分支机构申报）",
    ),
    "pays_tax_in_zhengzhou": ("在郑纳税", "法人企业分支机构在郑纳税"),
    "clear_property_rights": ("产权清晰", "产权清晰"),
    "lawful_operation": ("依法经营", "依法经营"),
    "lawful_tax": ("依法纳税", "依法纳税"),
    "sound_finance": (
        "具备健全的财务管理制度、财务管理规范",
        "具备健全的财务管理制度，财务管理规范",
    ),
    "mofcom_registered": (
        "在商务部“服务外包业务管理和统计系统”中注册并及时填报",
        "在商务部“服务外包业务管理和统计系统”中注册并及时填报服务外包合同签约及执行等相关业务信息",
    ),
}

APPLICANT_NOTES = {
    "park_operator": "园区类奖励另需满足第三条第（八）项所列的园区条件（如市级或市级以上服务外包示范园区），见各项说明。",
    "training_institution": "培训机构的定额培训支持另需为已获得认定的本市服务外包培训机构（第三条第（七）项第2目），见各项说明。",
}

_ELIGIBILITY_FALLBACK = "第二条项目申报资格（所填信息不足以判断）"


def applicant_code(applicant: str) -> str:
    """The applicant's code ("enterprise", "park_operator", "training_institution") from a code or its Chinese label."""
    if applicant in APPLICANT_LABELS:
        return applicant
    for code, label in APPLICANT_LABELS.items():
        if applicant == label:
            return code
    raise ValueError(f"未知的申报主体：{applicant!r}（应为 {', '.join(APPLICANT_LABELS)} 之一）")


def condition_name(field: str) -> str:
    """The Chinese name of one eligibility condition (the field name itself if unknown)."""
    return CONDITIONS.get(field, (field, ""))[0]


def _ordered(fields) -> list:
    """Field names without duplicates, in the order 第二条 states them."""
    order = list(CONDITIONS)
    unique = list(dict.fromkeys(fields))
    return sorted(unique, key=lambda f: order.index(f) if f in order else len(order))


def verdict_from(eligibility: dict, applicant: str) -> dict:
    """The report's verdict from the calculator's ``eligibility`` for this kind of applicant."""
    code = applicant_code(applicant)
    # the applicant said it is an enterprise when 申报主体类型 is neither failed nor missing
    said_enterprise = "entity_type" not in (eligibility.get("unmet") or []) + (eligibility.get("missing") or [])
    unsettled = left_open(code, "legal_person" if said_enterprise else None)
    unmet = _ordered(eligibility.get("unmet") or [])
    missing = _ordered(eligibility.get("missing") or [])

    failing_fields = [f for f in unmet if f not in unsettled]
    unknown = [
        f"{condition_name(f).split('（')[0]}（{unsettled[f]}）" if f in unsettled else condition_name(f)
        for f in _ordered([f for f in unmet if f in unsettled] + missing)
    ]

    if failing_fields:
        status = NOT_QUALIFIED
    elif unknown:
        status = TO_CONFIRM
    elif eligibility.get("status") == "eligible":
        status = QUALIFIED
    else:
        status = TO_CONFIRM
        unknown = [_ELIGIBILITY_FALLBACK]

    return {
        "status": status,
        "failing": [condition_name(f) for f in failing_fields],
        "fixes": [CONDITIONS[f][1] if f in CONDITIONS else condition_name(f) for f in failing_fields],
        "unknown": unknown,
    }


# 第二条's conduct conditions, shortly named, in the policy's order (the report says each one's answer)
CONDUCT_CONDITIONS = {
    "clear_property_rights": "产权清晰",
    "lawful_operation": "依法经营",
    "lawful_tax": "依法纳税",
    "sound_finance": "财务管理制度健全、财务管理规范",
    "mofcom_registered": "在商务部“服务外包业务管理和统计系统”注册并及时填报",
}
ANSWER_WORDS = {True: "是", False: "否", None: "未说明"}
# where the applicant stands, by its type: (the fact, said when it holds, said when it fails)
PLACE_OF_TYPE = {
    "legal_person": ("registered_in_zhengzhou", "在郑州市依法设立", "不在郑州市依法设立"),
    "branch": ("pays_tax_in_zhengzhou", "在郑纳税", "不在郑纳税"),
}


def applicant_basis(inputs: dict) -> str:
    """The applicant as 第二条 judged it, from the stated facts: 「法人企业分支机构，在郑纳税」,
    「独立法人企业，在郑州市依法设立」, 「其他主体（非企业）」; 「未说明」 when the type is not known."""
    entity_type = (inputs or {}).get("entity_type")
    if entity_type == "other":
        return "其他主体（非企业）"
    if entity_type not in PLACE_OF_TYPE:
        return "未说明"
    fact, holds, fails = PLACE_OF_TYPE[entity_type]
    value = (inputs or {}).get(fact)
    place = holds if value is True else fails if value is False else f"是否{holds}未说明"
    return f"{ENTITY_TYPE_LABELS[entity_type]}，{place}"


def condition_answers(inputs: dict) -> list:
    """(short name, 是/否/未说明) of each of 第二条's conduct conditions, in the policy's order."""
    inputs = inputs or {}
    return [
        (name, ANSWER_WORDS.get(inputs.get(field) if isinstance(inputs.get(field), bool) else None))
        for field, name in CONDUCT_CONDITIONS.items()
    ]


def basis_line(inputs: dict) -> str:
    """One line: the applicant basis and each condition's answer (「申报主体：法人企业分支机构，在郑纳税；产权清晰：是；…」)."""
    answers = "；".join(f"{name}：{word}" for name, word in condition_answers(inputs))
    return f"申报主体：{applicant_basis(inputs)}；{answers}"
