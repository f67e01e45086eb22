"""三（六） 资质认证补贴 in conversation (calculator/items/certifications.py computes it)."""

import re

from bot.estimate.reading import CERT_NAME, FAIR_WORDS, PER_WORDS, TOTAL_WORDS, Clarification

from .base import Clause, Field, wan


def describe(value) -> str:
    return "资质认证" + "、".join(f"{c['name']} {wan(c['cost_cny'])}" for c in value)


def reads_when(reader) -> bool:
    from bot.estimate.understand import CERT_NAME

    return reader.pending == "certifications" or "3.6" in reader.items or bool(CERT_NAME.search(reader.text))


def read(r):
    aliases = {"信息安全服务资质": "CCRC", "能力成熟度": "CMMI", "信息技术服务标准": "ITSS"}
    names = []
    for m in CERT_NAME.finditer(r.text):
        name = m.group(0).replace(" ", "").upper()
        name = aliases.get(name, name)
        if not any(n[:4] == name[:4] for n in names):  # "CCRC信息安全服务资质" is one
            names.append(name)
    costs = r.item_costs(
        "certifications",
        r"认证|资质|cmmi|itss|pcmm|sas|ccrc|iso|维护费",
        FAIR_WORDS + "|租|平台|培训|离岸|在岸|执行额",
    )
    counts = [
        f for f in r.unused("count") if re.search(r"个|项", f.unit or f.raw or "") and re.search(r"认证|资质", r.text)
    ]
    if not costs:
        if names and r.pending == "certifications":
            r.out.clarifications.append(
                Clarification("cert_cost", f"{'、'.join(names)}的认证（或维护）费用各是多少？", {"names": names})
            )
        return
    n = len(names) or (int(counts[0].value) if counts else None)
    per = "each" if re.search(PER_WORDS, r.text) else "total" if re.search(TOTAL_WORDS, r.text) else None
    for f in costs:
        r.use(f)
    values = r.spread(costs, n if n and n > 1 else None, per, "项", "资质认证", "cert")
    if values is None:
        return
    certs = []
    for i, v in enumerate(values):
        name = names[i] if i < len(names) else f"资质{i + 1}"
        certs.append({"name": name, "cost_cny": v})
    r.out.fields["certifications"] = certs
    if re.search(r"维护", r.text) and not re.search(r"新(获得|拿|取得|通过)|认证费", r.text):
        r.out.notes.append(maintenance_note())


def maintenance_note() -> str:
    """What the policy says of a maintenance fee, quoted from knowledge/data/conditions.yml."""
    from knowledge import conditions

    leaf = next(leaf for leaf in conditions.leaves("3.6") if leaf.get("id") == "cost_kind")
    return f"按已获得资质的维护费用计算（{leaf['label']}均可补贴）"


CLAUSES = (
    Clause(
        code="3.6",
        name="资质认证补贴",
        triggers=r"认证|资质|cmmi|itss|pcmm|sas70|ccrc|iso\s?\d",
        fields=(
            Field(
                "certifications",
                "资质认证",
                question="获得或维护了哪些资质认证（如CMMI、ITSS、PCMM），每项的认证或维护费用是多少元？",
                recognised_by="the certificates named (CMMI, ITSS, PCMM, CCRC, ISO…) and the yuan figures in a "
                "clause about 认证/资质/维护费, one per certificate, in order",
                implies_item=True,
                describe=describe,
            ),
        ),
        checklist="资质认证补贴（CMMI、ITSS等）",
        read=read,
        reads_when=reads_when,
    ),
)
