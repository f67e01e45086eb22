"""三（三） 创新发展奖励 in conversation (calculator/items/innovation.py computes it).

A yes/no on either condition, and the 三（一）、三（二） awards it is 15% of (their figures, or
the awards already worked out: 「增量奖励是40万元」).
"""

from .base import Clause, Field, figure_count

YEARS = figure_count("3.3", "years")


def awards_given(inputs: dict) -> bool:
    """The user gave the 三（一）/三（二） awards as amounts and no business figures: 三（三） is 15% of
    them and nothing but this clause's condition is asked. With business figures the calculator
    computes the awards itself (「我们算离岸奖励是350万」 is the user's own result, before the cap)."""
    from bot.estimate.reading import BUSINESS_KEYS

    return any(k.startswith("_award_") for k in inputs) and not any(inputs.get(k) for k in BUSINESS_KEYS)


def missing(session, asked: list) -> list:
    inp = session.inputs
    if "innovation_patents_two_years" in inp or "innovation_rd_growth_two_years" in inp:
        return []
    return ["innovation"]


CLAUSES = (
    Clause(
        code="3.3",
        name="创新发展奖励",
        triggers=r"创新|专利|软著|软件著作权|研发投入",
        fields=(
            Field(
                "innovation_patents_two_years",
                f"连续{YEARS}年取得新的发明专利、软件著作权",
                recognised_by="专利/软著 with 连续/两年/每年 (没有/只有…: no)",
                from_facts=True,
            ),
            Field(
                "innovation_rd_growth_two_years",
                f"研发投入持续{YEARS}年保持增长",
                recognised_by="研发 with 增长/涨 and 连续/两年 (降/持平: no); three yearly R&D figures compared",
                from_facts=True,
            ),
        ),
        checklist=f"创新发展奖励（连续{YEARS}年新专利/软著或研发投入增长）",
        questions={
            "innovation": f"创新发展奖励的条件：连续{YEARS}年取得新的发明专利、软件著作权，或研发投入持续{YEARS}年保持增长。"
            "贵企业满足吗？（是/否）"
        },
        asks=("innovation",),  # either condition, asked as one yes/no
        missing=missing,
        final_when=awards_given,
    ),
)
