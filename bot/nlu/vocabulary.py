"""The phrases the entity layer looks for, gathered from the knowledge base.

Each entry is (label, phrase, value). Domain names, their example businesses, clause
keywords, categories and certifications come from `knowledge/`; the few words that are
about the conversation rather than the policy (境内/境外, 分公司 …) live here.
"""

from functools import lru_cache

CONVERSATION_WORDS = [
    ("region", "domestic", ["境内", "国内", "省内", "市内"]),
    ("region", "overseas", ["境外", "国外", "海外", "出国"]),
    ("applicant", "legal_person", ["独立法人", "法人企业", "有限公司", "子公司"]),
    ("applicant", "branch", ["分支机构", "分公司", "办事处", "分部"]),
    ("applicant", "other", ["个体户", "个体工商户", "个人", "自然人", "政府部门", "事业单位", "机关"]),
    ("applicant", "park", ["园区运营", "园区管理", "运营园区", "示范园区"]),
    ("applicant", "institution", ["培训机构", "培训学校"]),
    ("year_ref", "previous", ["去年", "上年", "上一年", "上年度", "前一年"]),
    ("year_ref", "current", ["今年", "本年", "当年", "本年度", "这一年"]),
    ("per", "each", ["每场", "每个", "每人", "每次", "每家", "分别"]),
    ("per", "total", ["合计", "总共", "一共", "总计", "共计", "加起来"]),
]

CATEGORY_WORDS = {
    "ITO": ["ito", "信息技术外包"],
    "BPO": ["bpo", "业务流程外包"],
    "KPO": ["kpo", "知识流程外包"],
}


def _as_list(value):
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


@lru_cache(maxsize=1)
def vocabulary() -> tuple:
    """All (label, phrase, value) triples, longest phrases first."""
    from knowledge import query

    entries = set()
    for d in query.domains():
        entries.add(("domain", d["name"], d["name"]))
        for ex in _as_list(d.get("examples")) + _as_list(d.get("aliases")):
            entries.add(("domain", ex, d["name"]))
        for bt in _as_list(d.get("business_types")):
            if len(bt) >= 3:
                entries.add(("domain", bt, d["name"]))
    for c in query.clauses():
        for kw in _as_list(c.get("keywords")) + _as_list(c.get("aliases")):
            entries.add(("clause", kw, c["code"]))
    for cert in query.certifications() if hasattr(query, "certifications") else []:
        for name in [cert.get("code"), cert.get("name")] + _as_list(cert.get("aliases")):
            if name:
                entries.add(("certification", str(name), str(cert.get("code") or name)))
    for cat, words in CATEGORY_WORDS.items():
        for w in words:
            entries.add(("category", w, cat))
    for label, value, words in CONVERSATION_WORDS:
        for w in words:
            entries.add((label, w, value))
    from bot.nlu.normalize import normalize

    cleaned = {(label, normalize(phrase), value) for label, phrase, value in entries if phrase}
    return tuple(sorted(cleaned, key=lambda e: (-len(e[1]), e)))
