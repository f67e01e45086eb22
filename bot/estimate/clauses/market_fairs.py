"""三（五） 开拓市场补贴 in conversation (calculator/items/market_fairs.py computes it).

Each fair's region (境内/境外) and eligible cost; costs told in a lump are asked for, never averaged.
"""

from .base import Clause, Field, figure_in, wan

REGION_NAMES = {"domestic": "境内", "overseas": "境外"}


def caps_note() -> str:
    """（境内每场最高补贴2万元，境外每场最高5万元）, from knowledge/data/figures.yml."""
    return (
        f"（境内每场最高补贴{figure_in('3.5', 'domestic_event_cap_cny', '元')}，"
        f"境外每场最高{figure_in('3.5', 'overseas_event_cap_cny', '元')}）"
    )


def question(session) -> str:
    if "domestic" in session.fairs_none:
        return "境外活动参加了几场？每场的费用是多少？"
    if "overseas" in session.fairs_none:
        return "境内活动参加了几场？每场的费用是多少？"
    return "请告诉我参加的境内、境外展会等活动各几场，以及每场的费用（注册费、展位费、布展费、特装费、宣传推广费）。"


def describe(value) -> str:
    parts = []
    for region, name in REGION_NAMES.items():
        costs = [f["cost_cny"] for f in value if f["region"] == region]
        if costs:
            parts.append(f"{name}活动{len(costs)}场（" + "、".join(wan(c) for c in costs) + "）")
    return "，".join(parts) or "未参加展会等活动"


def reads_when(reader) -> bool:
    from bot.estimate.understand import FAIR_WORDS

    return reader.pending in ("fairs",) or "3.5" in reader.items or reader.has(FAIR_WORDS)


CLAUSES = (
    Clause(
        code="3.5",
        name="开拓市场补贴（展会等活动）",
        triggers=r"展会|参展|展位|布展|博览会|交易会|广交会|服贸会|招商引资|经贸交流|开拓市场|境内外活动|"
        r"(境内|境外|国内|国外)(的)?活动",
        fields=(
            Field(
                "fairs",
                "参加展会等活动",
                question=question,
                recognised_by="money figures in a clause about 展会/参展/活动; the place (境内/境外, a city or "
                "country of estimate_words.yml) said with them; 每场/合计 decides per event or total; cost words "
                "of estimate_words.yml (展位费… counted, 机票酒店… not)",
                implies_item=True,
                describe=describe,
            ),
        ),
        checklist="开拓市场补贴（参加展会等活动）",
        read=lambda reader: reader.read_fairs(),
        reads_when=reads_when,
    ),
)
