"""第二条 (项目申报资格): who may apply, each condition, and a verdict on what the user says."""
import re

from knowledge import query

from bot.answers.model import Answer

CONDITION_NAMES = {
    "entity_type": "申报主体类型（须为独立法人企业或法人企业分支机构）",
    "registered_in_zhengzhou": "在郑州市行政区域内依法设立",
    "pays_tax_in_zhengzhou": "在郑纳税",
    "clear_property_rights": "产权清晰",
    "lawful_operation": "依法经营",
    "lawful_tax": "依法纳税",
    "sound_finance": "具备健全的财务管理制度，财务管理规范",
    "mofcom_registered": "在商务部“服务外包业务管理和统计系统”中注册并及时填报",
}

NEG = r"(没有|没|未|不|无|尚未|还没)"
ZHENGZHOU = (r"郑州|郑东新区|高新区|经开区|经济技术开发区|航空港|金水区|二七区|中原区|管城|惠济|上街|巩义|荥阳|"
             r"新密|新郑|登封|中牟")
OTHER_ENTITY = (r"个体户|个体工商户|个人|自然人|政府部门|政府机关|行政机关|机关单位|机关|事业单位|社会团体|社会组织|"
                r"协会|民办非企业|个人独资|合伙企业")

# (field, pattern that says it holds, pattern that says it does not)
CONDITION_WORDS = [
    ("clear_property_rights", r"产权清晰|产权明晰|产权清楚|产权明确", r"产权(不太?|没有?)(清晰|明晰|清楚|明确)|产权纠纷|股权纠纷|产权有争议"),
    ("lawful_operation", r"依法经营|合法经营|守法经营|正常经营|经营[^，。；]{0,4}(合规|合法|规范)",
     r"违法经营|违规经营|非法经营|经营异常|吊销|超范围经营"),
    ("lawful_tax", r"依法纳税|按时纳税|正常纳税|纳税正常|照章纳税|按时交税|纳税[^，。；]{0,4}(合规|正常|规范|依法)",
     r"偷漏税|偷税|漏税|逃税|欠[^，。；]{0,2}税|税务违法|拖欠税|非正常户|税务黑名单"),
    ("sound_finance", r"财务(管理)?制度|财务[^，。；]{0,3}规范|财务健全|财务管理规范",
     r"财务[^，。；]{0,4}(不规范|不健全|混乱)|没有财务制度|账目混乱"),
    ("mofcom_registered", r"统计系统|系统(里|中|上)?(注册|填报)|(注册|填报)了?(商务部)?系统|商务部.{0,6}(注册|填报)",
     r"(没|未|没有|不|从未|一直没)(能)?(按时|及时)?填报"),
]
ALL_MET = r"(其他|其余|别的)(条件|方面)?(也)?都(满足|符合|具备|没问题|合规)|条件(也)?都(满足|符合|具备)"
MUST = r"一定要|必须|非得|是否需要|需不需要|要不要|必要|(不|没).{0,6}(行不行|可以吗|行吗|能报吗|能申报吗)|可以不"


def _holds(text: str, pattern: str, negative=None):
    """True if the condition is said to hold, False if said not to, None if not mentioned."""
    if negative and re.search(negative, text):
        return False
    m = re.search(pattern, text)
    if not m:
        return None
    clause_start = max([x.end() for x in re.finditer(r"[，。；,;！？!?]", text[:m.start()])] or [0])
    window = text[max(0, m.start() - 6):m.start()]
    after = text[m.end():m.end() + 3]
    if re.search(NEG + r"[^，。；,]{0,4}$", window) or re.match(r"(不|没)", after) or \
            re.search(r"没|未|尚未|还没", text[clause_start:m.start()]):
        return False
    return True


def facts_from(text: str) -> dict:
    """The 第二条 facts a message states, as the calculator's eligibility fields."""
    facts = {}
    if re.search(OTHER_ENTITY + r"|(无|没有|不是|不具备)[^，。；]{0,3}(独立)?法人|事业部|内部部门", text) and \
            not re.search(r"政府购买", text):
        facts["entity_type"] = "other"
    elif re.search(r"分公司|分支机构|办事处", text) and not re.search(r"(不是|并非|非)[^，。；]{0,2}(分公司|分支机构)", text):
        facts["entity_type"] = "branch"
        tax = _holds(text, r"在郑(州)?(纳税|交税|缴税)|郑州(纳税|交税|缴税)|税[^，。；]{0,4}(在|交在|缴在)郑州")
        if re.search(r"总部(统一)?(缴|交|纳)|税[^，。；]{0,6}在(外地|总部|深圳|北京|上海|广州|杭州|武汉|外省)|"
                     r"在(外地|总部|深圳|北京|上海|广州|杭州|武汉|外省)[^，。；]{0,6}(缴|交|纳)税?|"
                     r"税[^，。；]{0,3}(不|没|没有|并不)[^，。；]{0,2}在郑|(不|没|没有|并不)在郑州?[^，。；]{0,2}(纳税|交税|缴税|交|缴|纳)|"
                     r"郑州[^，。；]{0,2}(不|没|没有)(纳税|交税|缴税|交税)", text):
            tax = False
        if tax is not None:
            facts["pays_tax_in_zhengzhou"] = tax
    elif re.search(r"独立法人|法人企业|有限公司|股份公司|子公司|注册在郑州|郑州注册|在郑州注册|郑州的公司|郑州企业|本地企业", text):
        facts["entity_type"] = "legal_person"
        if re.search(rf"(注册|设立|成立)在({ZHENGZHOU})|({ZHENGZHOU})[^，。；]{{0,4}}(注册|设立|成立)|郑州的公司|郑州企业|本地企业",
                     text):
            facts["registered_in_zhengzhou"] = True
    if re.search(r"(注册|设立)在(外地|外省|上海|北京|深圳|杭州|广州|武汉|洛阳|开封|外市)|外地(注册|企业|公司)", text) and \
            "branch" != facts.get("entity_type"):
        facts["entity_type"] = facts.get("entity_type", "legal_person")
        if facts["entity_type"] == "legal_person":
            facts["registered_in_zhengzhou"] = False
    for field, pattern, negative in CONDITION_WORDS:
        v = _holds(text, pattern, negative)
        if v is not None:
            facts[field] = v
    fined = re.search(r"被罚|罚款|处罚", text)
    if fined and "lawful_operation" not in facts and not re.search("税", text[max(0, fined.start() - 8):fined.end() + 6]):
        facts["lawful_operation"] = False
    if re.search(ALL_MET, text):
        etype = facts.get("entity_type", "legal_person")
        place = "pays_tax_in_zhengzhou" if etype == "branch" else "registered_in_zhengzhou"
        for field in [place] + [f for f, _, _ in CONDITION_WORDS]:
            facts.setdefault(field, True)
        facts.setdefault("entity_type", etype)
    return facts


def verdict(facts: dict) -> dict:
    """The calculator's eligibility ruling for these facts."""
    from calculator import calculate

    return calculate(facts)["eligibility"]


def answer(text: str) -> Answer:
    """Who may apply; for a described applicant, the verdict and what is missing."""
    c = query.clause("2")
    head = f"依据{c['label']}（{c['title']}），申报条件是：{c['text']}"
    facts = facts_from(text)
    if re.search(r"个体户|个体工商户|个人|自然人", text):
        body = ("个人和个体工商户不是法人企业，也不是法人企业的分支机构，不符合第二条的申报主体要求。"
                "如果以公司（独立法人企业）的形式在郑州依法设立，并满足其他条件，就可以申报。")
        return Answer(body + "\n" + head, clause="2")
    must = _must_answer(text)
    if must:
        return Answer(must + "\n" + head, clause="2")
    if re.search(r"(无|没有|不是|不具备)[^，。；]{0,3}(独立)?法人|事业部|内部部门", text) and \
            facts.get("entity_type") == "other":
        body = ("没有独立法人资格、也不是分支机构的内部部门（如事业部）不能单独申报：第二条的申报主体是在郑州依法设立的"
                "独立法人企业，或在郑纳税的法人企业分支机构。可以由其所属的法人企业申报。")
        return Answer(body + "\n" + head, clause="2")
    if facts.get("entity_type") == "other" and not re.search(r"个体户|个体工商户|个人|自然人", text):
        body = ("第二条的申报主体是“独立法人企业”或“在郑纳税的法人企业分支机构”，政府部门、事业单位等不属于企业，"
                "不能按第二条申报企业奖补。（培训、实习等条款中写的“企业（单位）”，以市商务局的解释为准。）")
        return Answer(body + "\n" + head, clause="2")
    if facts.get("entity_type") == "branch" or re.search(r"分公司|分支机构|外地企业.{0,8}(在郑|郑州)", text):
        body = ("外地企业在郑州设立的分支机构可以申报，但须是“在郑纳税的法人企业分支机构”，即在郑州纳税；"
                "同时要满足产权清晰、依法经营、依法纳税、财务管理规范，并在商务部“服务外包业务管理和统计系统”中注册并及时填报。")
        if facts.get("pays_tax_in_zhengzhou") is False:
            body = "分支机构不在郑州纳税的，不符合申报资格：第二条要求分支机构“在郑纳税”。" + body
        return Answer(body + "\n" + head, clause="2")
    if facts.get("registered_in_zhengzhou") is False:
        body = ("注册在郑州以外的企业本身不符合第二条（须“在郑州市行政区域内依法设立”）。"
                "如果在郑州设立了分支机构并在郑纳税，可以由该分支机构申报。")
        return Answer(body + "\n" + head, clause="2")
    foreign = ""
    if re.search(r"外资|外商|合资|港澳台|外国", text):
        foreign = ("第二条对企业的出资来源没有限制：在郑州依法设立的外商投资企业同样是独立法人企业，"
                   "满足其他条件即可申报。")
    stated = {k: v for k, v in facts.items() if k != "entity_type" or v}
    if len(stated) >= 2 or any(v is False for v in facts.values()):
        return Answer(foreign + _verdict_text(facts) + "\n" + head, clause="2")
    tail = ("\n想知道贵企业是否符合，可以告诉我：是否在郑州注册的独立法人（或在郑纳税的分支机构）、"
            "是否在统计系统注册填报等，我逐条判断；也可以说“我想做个预审”。")
    return Answer(foreign + head + tail, clause="2")


def _must_answer(text: str) -> str:
    """"一定要在系统里注册吗": yes, when it is one of 第二条's conditions."""
    if not re.search(MUST, text):
        return ""
    named = {
        "mofcom_registered": r"统计系统|系统|注册|填报",
        "sound_finance": r"财务",
        "clear_property_rights": r"产权",
        "lawful_tax": r"纳税|交税|缴税",
        "registered_in_zhengzhou": r"郑州注册|在郑州设立|本地注册",
        "pays_tax_in_zhengzhou": r"在郑纳税|在郑州纳税",
    }
    for field, pattern in named.items():
        if re.search(pattern, text):
            extra = ""
            if field == "mofcom_registered":
                extra = "不注册就不符合申报资格；而且合同执行额也依据企业在该系统的当年填报情况确定（第一条）。"
            return f"是的，必须满足。{CONDITION_NAMES[field]}是第二条规定的申报条件之一，{extra}"
    return ""


def _verdict_text(facts: dict) -> str:
    v = verdict(facts)
    unmet = [CONDITION_NAMES[f] for f in v["unmet"]]
    missing = [CONDITION_NAMES[f] for f in v["missing"]]
    if v["status"] == "eligible":
        return "按您说的情况，第二条的各项申报条件都已满足，可以申报（最终以市商务局审核为准）。"
    if v["status"] == "not_eligible":
        out = "按您说的情况，暂不符合申报资格：不满足" + "、".join(unmet) + "。"
        if missing:
            out += "另外还需确认：" + "、".join(missing) + "。"
        return out
    return "按您说的情况，已满足的条件没有问题，但还需确认：" + "、".join(missing) + "。这些都满足才可以申报。"
