"""三（四） 技术先进型服务企业认定奖励 in conversation (calculator/items/tech_advanced.py computes it)."""

from .base import Clause, Field

CLAUSES = (
    Clause(
        code="3.4",
        name="技术先进型服务企业认定奖励",
        triggers=r"技术先进型|技先",
        fields=(
            Field(
                "tech_advanced_new",
                "新获得技术先进型服务企业资格",
                question="贵企业是新获得技术先进型服务企业资格的吗？（是/否）",
                recognised_by="新/刚/今年 获得…技术先进型 (复审/不是新: no)",
                from_facts=True,
                implies_item=True,
            ),
        ),
        checklist="技术先进型服务企业认定奖励",
    ),
)
