"""The verdict mapping and the Markdown / chat renderings of a pre-screening report."""

import re

import pytest

from bot.reports.render import format_amount, format_wan, format_yuan, render_chat, render_markdown
from bot.reports.verdict import CONDITIONS, verdict_from

BASIS = "企业承接服务外包合同执行额依据企业在商务部“服务外包业务管理和统计系统”当年填报情况，经专家组评审、第三方财务审计等程序综合确定"
NO_DOUBLE_CLAIM = "本政策实施过程中若与我市其他政策交叉或重叠，由申报企业自行选择，不得重复申报"
DISCLAIMER = "本结果为预估，最终以市商务局会同市财政局审核认定为准"
MOFCOM_FIX = "在商务部“服务外包业务管理和统计系统”中注册并及时填报服务外包合同签约及执行等相关业务信息"
PHONE_LIKE = [
    r"(?<!\d)1[3-9]\d{9}(?!\d)",  # mobile
    r"(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)",  # landline with area code
    r"(?<![\d,.])\d{11,}",  # any other long digit run
    r"400-?\d{3}-?\d{4}",  # service hotline
]


def item(code, name, clause, amount, qualified=True, capped=False, explanation="", amount_max=None):
    """One calculator item as the contract shapes it."""
    entry = {
        "code": code,
        "name": name,
        "clause": clause,
        "qualified": qualified,
        "amount_cny": amount,
        "capped": capped,
        "explanation": explanation,
    }
    if amount_max is not None:
        entry["amount_cny_max"] = amount_max
    return entry


ITEMS = [
    item(
        "3.1", "业务规模增量奖励", "第三条第（一）项", 0.0, qualified=False, explanation="今年执行额低于上年，无增量。"
    ),
    item(
        "3.2", "离岸业务奖励", "第三条第（二）项", 1057005.0, explanation="150万美元 × 10% × 7.0467 = 1,057,005.00元。"
    ),
    item(
        "3.4", "技术先进型服务企业认定奖励", "第三条第（四）项", 100000.0, explanation="新获得技术先进型服务企业资格。"
    ),
    item("3.5", "开拓市场补贴", "第三条第（五）项", 77000.5, capped=True, explanation="境外每场最高5万元。"),
    item(
        "3.8.2a",
        "园区引进重点企业奖励",
        "第三条第（八）项第2目",
        200000.0,
        amount_max=600000.0,
        explanation="引进2家。",
    ),
]


def result(items=ITEMS, total=1434005.5, total_max=1834005.5, capped=False, eligibility=None):
    """A calculator output with the given items and totals."""
    return {
        "eligibility": eligibility or {"status": "eligible", "unmet": [], "missing": []},
        "items": items,
        "total_cny": total,
        "total_cny_max": total_max,
        "total_capped": capped,
        "rates_used": {"2026": 7.0467},
        "notes": [DISCLAIMER + "。"],
    }


def report(verdict=None, res=None, applicant="enterprise"):
    """A stored report as get_report returns it."""
    return {
        "ref": "YS-20261128-0007",
        "created_at": "2026-11-28T14:03:05+08:00",
        "applicant": applicant,
        "inputs": {"entity_type": "legal_person", "offshore_usd": 1500000},
        "result": res or result(),
        "verdict": verdict or {"status": "符合", "failing": [], "fixes": [], "unknown": []},
    }


CAPPED = result(
    items=[
        item("3.1", "业务规模增量奖励", "第三条第（一）项", 2000000.0, capped=True),
        item("3.2", "离岸业务奖励", "第三条第（二）项", 2000000.0, capped=True),
        item("3.3", "创新发展奖励", "第三条第（三）项", 600000.0),
        item("3.9", "公共服务平台补贴", "第三条第（九）项", 1500000.0),
    ],
    total=5000000.0,
    total_max=5000000.0,
    capped=True,
)


ALL_ITEMS = [
    ("3.1", "业务规模增量奖励", "第三条第（一）项"),
    ("3.2", "离岸业务奖励", "第三条第（二）项"),
    ("3.3", "创新发展奖励", "第三条第（三）项"),
    ("3.4", "技术先进型服务企业认定奖励", "第三条第（四）项"),
    ("3.5", "开拓市场补贴", "第三条第（五）项"),
    ("3.6", "资质认证补贴", "第三条第（六）项"),
    ("3.7.2", "培训机构定额培训支持", "第三条第（七）项第2目"),
    ("3.7.3", "中高级人才培训补贴", "第三条第（七）项第3目"),
    ("3.7.4", "实习实训补贴", "第三条第（七）项第4目"),
    ("3.8.1", "示范园区认定奖励", "第三条第（八）项第1目"),
    ("3.8.2a", "园区引进重点企业奖励", "第三条第（八）项第2目"),
    ("3.8.2b", "园区吸引外资奖励", "第三条第（八）项第2目"),
    ("3.8.3", "租金补贴", "第三条第（八）项第3目"),
    ("3.9", "公共服务平台补贴", "第三条第（九）项"),
]


def phone_like(text):
    """Every phone-number-like string in the text."""
    return [m for pattern in PHONE_LIKE for m in re.findall(pattern, text)]


class TestVerdictFrom:
    def test_eligible(self):
        """All conditions met: 符合 with nothing failing or unknown."""
        expected = {"status": "符合", "failing": [], "fixes": [], "unknown": []}
        assert expected == verdict_from({"status": "eligible", "unmet": [], "missing": []}, "enterprise")

    def test_not_eligible(self):
        """Unmet conditions: 不符合, each with its Chinese name and the policy's requirement."""
        eligibility = {"status": "not_eligible", "unmet": ["mofcom_registered", "lawful_tax"], "missing": []}
        expected = {
            "status": "不符合",
            "failing": ["依法纳税", "在商务部“服务外包业务管理和统计系统”中注册并及时填报"],
            "fixes": ["依法纳税", MOFCOM_FIX],
            "unknown": [],
        }
        assert expected == verdict_from(eligibility, "enterprise")

    def test_not_eligible_keeps_missing_as_unknown(self):
        """What is not given is still reported next to what failed."""
        eligibility = {"status": "not_eligible", "unmet": ["entity_type"], "missing": ["sound_finance"]}
        verdict = verdict_from(eligibility, "enterprise")
        assert ("不符合", ["具备健全的财务管理制度、财务管理规范"]) == (verdict["status"], verdict["unknown"])
        assert ["申报主体类型（须为在郑州市依法设立的独立法人企业或在郑纳税的法人企业分支机构）"] == verdict["failing"]

    def test_unknown(self):
        """Missing conditions only: 待确认 listing them."""
        eligibility = {
            "status": "unknown",
            "unmet": [],
            "missing": ["clear_property_rights", "registered_in_zhengzhou"],
        }
        expected = {
            "status": "待确认",
            "failing": [],
            "fixes": [],
            "unknown": ["在郑州市行政区域内依法设立", "产权清晰"],
        }
        assert expected == verdict_from(eligibility, "enterprise")

    def test_unknown_without_lists(self):
        """An unknown status with no field named still says 待确认 and why."""
        verdict = verdict_from({"status": "unknown", "unmet": [], "missing": []}, "enterprise")
        assert ("待确认", 1) == (verdict["status"], len(verdict["unknown"]))

    @pytest.mark.parametrize("field", list(CONDITIONS))
    def test_every_condition_has_chinese_name_and_fix(self, field):
        """Each 第二条 condition fails under its Chinese name with a requirement."""
        verdict = verdict_from({"status": "not_eligible", "unmet": [field], "missing": []}, "enterprise")
        assert (list(CONDITIONS[field][:1]), list(CONDITIONS[field][1:])) == (verdict["failing"], verdict["fixes"])
        assert re.search(r"[\u4e00-\u9fff]", verdict["failing"][0] + verdict["fixes"][0])

    def test_condition_names(self):
        """The conditions carry the names the policy gives them."""
        expected = {
            "entity_type": "申报主体类型（须为在郑州市依法设立的独立法人企业或在郑纳税的法人企业分支机构）",
            "registered_in_zhengzhou": "在郑州市行政区域内依法设立",
            "pays_tax_in_zhengzhou": "在郑纳税",
            "clear_property_rights": "产权清晰",
            "lawful_operation": "依法经营",
            "lawful_tax": "依法纳税",
            "sound_finance": "具备健全的财务管理制度、财务管理规范",
            "mofcom_registered": "在商务部“服务外包业务管理和统计系统”中注册并及时填报",
        }
        assert expected == {field: name for field, (name, _) in CONDITIONS.items()}

    def test_training_institution_entity_type_is_to_confirm(self):
        """A training institution that is not an enterprise is 待确认, not 不符合."""
        verdict = verdict_from(
            {"status": "not_eligible", "unmet": ["entity_type"], "missing": []}, "training_institution"
        )
        assert ("待确认", [], 1) == (verdict["status"], verdict["failing"], len(verdict["unknown"]))
        assert verdict["unknown"][0].startswith("申报主体类型（第二条的申报资格以企业为对象；")
        assert "以市商务局解释为准" in verdict["unknown"][0]
        assert "已获得认定的本市服务外包培训机构" in verdict["unknown"][0]

    def test_training_institution_conduct_still_fails(self):
        """依法纳税 applies to a training institution too."""
        verdict = verdict_from(
            {"status": "not_eligible", "unmet": ["entity_type", "lawful_tax"], "missing": []}, "培训机构"
        )
        assert ("不符合", ["依法纳税"]) == (verdict["status"], verdict["failing"])

    def test_park_operator_registration_fails(self):
        """A park operator is an enterprise (园区管理和运营企业): system registration unmet is 不符合, named."""
        verdict = verdict_from(
            {"status": "not_eligible", "unmet": ["mofcom_registered"], "missing": []}, "park_operator"
        )
        assert ("不符合", ["在商务部“服务外包业务管理和统计系统”中注册并及时填报"], []) == (
            verdict["status"],
            verdict["failing"],
            verdict["unknown"],
        )

    def test_park_operator_is_an_enterprise(self):
        """A park operator that is not an enterprise fails the entity condition."""
        verdict = verdict_from({"status": "not_eligible", "unmet": ["entity_type"], "missing": []}, "park_operator")
        assert "不符合" == verdict["status"]

    def test_park_operator_meeting_everything(self):
        """A park operator meeting every condition is 符合."""
        verdict = verdict_from({"status": "eligible", "unmet": [], "missing": []}, "园区管理和运营企业")
        assert "符合" == verdict["status"]

    def test_unknown_applicant(self):
        """An applicant kind outside the three is an error."""
        with pytest.raises(ValueError):
            verdict_from({"status": "eligible", "unmet": [], "missing": []}, "individual")


class TestFormatting:
    def test_yuan(self):
        """Yuan get thousands separators and two decimals."""
        assert ["1,057,005.00元", "500.00元", "77,000.50元"] == [format_yuan(a) for a in (1057005, 500, 77000.5)]

    def test_wan(self):
        """万元 drop trailing zeros."""
        assert ["105.7005万元", "500万元", "0.05万元"] == [format_wan(a) for a in (1057005.0, 5000000, 500)]

    def test_amount(self):
        """Both units together."""
        assert "2,000,000.00元（200万元）" == format_amount(2000000.0)


class TestRenderMarkdown:
    def test_header(self):
        """Title, reference number, time and applicant."""
        md = render_markdown(report())
        assert md.startswith("# 服务外包政策申报预审报告\n")
        for text in (
            "编号：YS-20261128-0007",
            "生成时间：2026-11-28 14:03:05",
            "申报主体：服务外包企业（独立法人企业）",
        ):
            assert text in md

    def test_items_with_amount_clause_and_cap(self):
        """Each qualified item is a table row with its clause, formatted amount and cap flag."""
        md = render_markdown(report())
        rows = {
            "离岸业务奖励": "| 离岸业务奖励 | 第三条第（二）项 | 1,057,005.00元（105.7005万元） | 否 |",
            "技术先进型服务企业认定奖励": "| 技术先进型服务企业认定奖励 | 第三条第（四）项 | 100,000.00元（10万元） | 否 |",
            "开拓市场补贴": "| 开拓市场补贴 | 第三条第（五）项 | 77,000.50元（7.70005万元） | 是 |",
            "园区引进重点企业奖励": "| 园区引进重点企业奖励 | 第三条第（八）项第2目 | 200,000.00元—600,000.00元（20—60万元） | 否 |",
        }
        for name, row in rows.items():
            assert [name] == [name for line in md.splitlines() if line.startswith(row)]

    def test_unqualified_item_explained(self):
        """An item that did not qualify is listed with its reason."""
        assert "- 业务规模增量奖励（第三条第（一）项）：今年执行额低于上年，无增量。" in render_markdown(report())

    def test_total(self):
        """The total, with the range's upper end, and no cap note when not capped."""
        md = render_markdown(report())
        assert "预估合计：1,434,005.50元（143.40055万元），按区间上限计为 1,834,005.50元（183.40055万元）。" in md
        assert "封顶" not in md

    def test_total_cap_note(self):
        """A capped total quotes 第四条第（三）项's 500万元 cap."""
        md = render_markdown(report(res=CAPPED))
        assert "预估合计：5,000,000.00元（500万元）。" in md
        assert (
            "各项合计 6,100,000.00元 超过上限，已按第四条第（三）项“单个企业获得年度服务外包政策支持资金总额最高500万元”封顶为 5,000,000.00元（500万元）。"
            in md
        )

    def test_basis_and_reminders(self):
        """第一条's basis, 不得重复申报 and the disclaimer are there, the disclaimer once."""
        md = render_markdown(report())
        assert "- 第一条：" + BASIS in md
        assert "- 第四条第（三）项：" + NO_DOUBLE_CLAIM in md
        assert 1 == md.count(DISCLAIMER)

    def test_verdict_qualified(self):
        """符合 is stated."""
        assert "## 结论：符合" in render_markdown(report())

    def test_verdict_not_qualified(self):
        """不符合 names each failing condition and what 第二条 requires."""
        verdict = verdict_from(
            {"status": "not_eligible", "unmet": ["mofcom_registered"], "missing": ["lawful_tax"]}, "enterprise"
        )
        md = render_markdown(report(verdict=verdict))
        assert "## 结论：不符合" in md
        assert f"- **在商务部“服务外包业务管理和统计系统”中注册并及时填报**：第二条要求{MOFCOM_FIX}。" in md
        assert "以下条件尚待确认：\n\n- 依法纳税" in md

    def test_verdict_to_confirm(self):
        """待确认 lists what is unknown."""
        verdict = verdict_from({"status": "unknown", "unmet": [], "missing": ["sound_finance"]}, "enterprise")
        md = render_markdown(report(verdict=verdict))
        assert "## 结论：待确认" in md
        assert "- 具备健全的财务管理制度、财务管理规范" in md

    def test_training_institution_note(self):
        """A training institution's report names its own condition."""
        verdict = verdict_from(
            {"status": "not_eligible", "unmet": ["entity_type"], "missing": []}, "training_institution"
        )
        md = render_markdown(report(verdict=verdict, applicant="training_institution"))
        assert "已获得认定的本市服务外包培训机构" in md
        assert "申报主体：培训机构" in md

    def test_no_items(self):
        """With nothing to compute, the report says so."""
        md = render_markdown(report(res=result(items=[], total=0.0, total_max=0.0)))
        assert "所填数据不足以测算任何奖补项目，暂无预估金额。" in md

    def test_nothing_invented(self):
        """No phone numbers, hotlines or e-mail addresses appear."""
        for res in (result(), CAPPED):
            md = render_markdown(report(res=res))
            assert ([], False, False) == (phone_like(md), "电话" in md, "@" in md)


class TestRenderChat:
    def test_one_line_per_award(self):
        """Each qualified award is one line with amount and clause."""
        chat = render_chat(report())
        expected = [
            "· 离岸业务奖励：1,057,005元（第三条第（二）项）",
            "· 技术先进型服务企业认定奖励：100,000元（第三条第（四）项）",
            "· 开拓市场补贴：77,000.50元（已达上限）（第三条第（五）项）",
            "· 园区引进重点企业奖励：200,000元—600,000元（第三条第（八）项第2目）",
        ]
        assert expected == [line for line in chat.splitlines() if line.startswith("·")]

    def test_content(self):
        """Reference number, verdict, total, 不得重复申报 and disclaimer."""
        chat = render_chat(report(res=CAPPED))
        for text in ("YS-20261128-0007", "结论：符合", "合计：5,000,000元", "500万元", "不得重复申报", DISCLAIMER):
            assert text in chat
        assert [] == phone_like(chat)

    def test_not_qualified_in_chat(self):
        """A 不符合 reply names the failing condition and the requirement."""
        verdict = verdict_from({"status": "not_eligible", "unmet": ["mofcom_registered"], "missing": []}, "enterprise")
        chat = render_chat(report(verdict=verdict))
        assert "结论：不符合\n未满足：在商务部“服务外包业务管理和统计系统”中注册并及时填报\n" in chat
        assert MOFCOM_FIX in chat

    def test_fits_wechat_passive_reply(self):
        """Every item of the contract, each with a range, plus every condition failing, fits in 2048 bytes."""
        items = [
            item(code, name, clause, 1234567.89, capped=True, amount_max=2345678.9) for code, name, clause in ALL_ITEMS
        ]
        verdict = verdict_from({"status": "not_eligible", "unmet": list(CONDITIONS), "missing": []}, "enterprise")
        chat = render_chat(
            report(verdict=verdict, res=result(items=items, total=5000000.0, total_max=5000000.0, capped=True))
        )
        assert len(chat.encode("utf-8")) <= 2048
        assert len(ALL_ITEMS) == len([line for line in chat.splitlines() if line.startswith("·")])

    def test_typical_reply_keeps_requirements(self):
        """A reply that fits keeps what 第二条 requires and each clause."""
        verdict = verdict_from({"status": "not_eligible", "unmet": ["mofcom_registered"], "missing": []}, "enterprise")
        chat = render_chat(report(verdict=verdict))
        assert "第二条要求：" + MOFCOM_FIX in chat
        assert "（第三条第（二）项）" in chat


def test_rate_keys_without_a_year_are_named_by_the_year_they_stand_for():
    """`rates_used` keyed by field name (no year given) reads 本年度 / 上年度, not 「usd_cny_rate年」."""
    from bot.reports.render import _rate_year

    assert (_rate_year("2023"), _rate_year("usd_cny_rate"), _rate_year("previous_usd_cny_rate")) == (
        "2023年",
        "本年度",
        "上年度",
    )
