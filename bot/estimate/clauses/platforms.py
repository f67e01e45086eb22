"""三（九） 公共服务平台补贴 in conversation (calculator/items/platforms.py computes it)."""

from .base import Clause, Field, wan


def describe(value) -> str:
    return f"公共服务平台{len(value)}个（" + "、".join(wan(c["cost_cny"]) for c in value) + "）"


CLAUSES = (
    Clause(
        code="3.9",
        name="公共服务平台补贴",
        triggers=r"平台",
        fields=(
            Field(
                "platforms",
                "公共服务平台",
                question="建设了几个公共服务平台？每个平台的信息化硬件设备、配套设施和正版软件购置费用是多少元？",
                recognised_by="yuan figures after 平台/硬件/设备/软件/购置: each 平台 named starts one platform, "
                "the costs after it are its own",
                implies_item=True,
                describe=describe,
            ),
        ),
        checklist="公共服务平台补贴",
        read=lambda reader: reader.read_platforms(),
        reads_when=lambda reader: reader.pending in ("platforms",) or "3.9" in reader.items,
    ),
)
