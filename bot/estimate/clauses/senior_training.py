"""三（七）3 中高级人才培训补贴 in conversation (calculator/items/senior_training.py computes it)."""

from .base import Clause, Field, wan


def question(session) -> str:
    count = session.inputs.get("_senior_count")
    if count:
        return f"这{count}人每人的培训费用是多少元？（或告诉我合计费用）"
    return "有几名中、高级人才（本科以上学历、项目经理以上职位）参加了涉外业务培训？每人的培训费用是多少元？"


def describe(value) -> str:
    return (
        f"中高级人才培训{len(value)}人（"
        + "、".join(wan(c["cost_cny"]) for c in value[:5])
        + ("等" if len(value) > 5 else "")
        + "）"
    )


CLAUSES = (
    Clause(
        code="3.7.3",
        name="中高级人才培训补贴",
        triggers=r"中高级|高级人才|项目经理.{0,8}培训|培训.{0,8}项目经理|人才培训|员工培训|培训费|"
        r"涉外业务.{0,4}培训|(业务|专业|技术|高级)培训|培训花了",
        fields=(
            Field(
                "senior_training",
                "中高级人才培训",
                question=question,
                recognised_by="yuan figures in a clause about 培训/项目经理/人才/学费, each with the count of people "
                "before it and 每人/合计 beside it",
                implies_item=True,
                describe=describe,
            ),
        ),
        checklist="中高级人才培训补贴",
        read=lambda reader: reader.read_senior_training(),
        reads_when=lambda reader: reader.pending in ("senior_training",) or "3.7.3" in reader.items,
    ),
)
