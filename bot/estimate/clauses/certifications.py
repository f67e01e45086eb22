"""三（六） 资质认证补贴 in conversation (calculator/items/certifications.py computes it)."""

from .base import Clause, Field, wan


def describe(value) -> str:
    return "资质认证" + "、".join(f"{c['name']} {wan(c['cost_cny'])}" for c in value)


def reads_when(reader) -> bool:
    from bot.estimate.understand import CERT_NAME

    return reader.pending == "certifications" or "3.6" in reader.items or bool(CERT_NAME.search(reader.text))


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
        read=lambda reader: reader.read_certifications(),
        reads_when=reads_when,
    ),
)
