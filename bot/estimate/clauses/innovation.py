"""三（三） 创新发展奖励 in conversation (calculator/items/innovation.py computes it).

A yes/no on either condition, and the 三（一）、三（二） awards it is 15% of (their figures, or
the awards already worked out: 「增量奖励是40万元」).
"""

import re

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
    if "innovation_patents_two_years" in inp or "innovation_rd_growth_two_years" in inp or inp.get("_innovation_met"):
        return []
    return ["innovation"]


# 「三（三）条件也满足」「创新奖励的条件我们都符合」: the item named by its number or name, its conditions said met
NUMBERED = r"三\s*[(（]\s*三\s*[)）]|第三条第\s*[(（]\s*三\s*[)）]\s*项"
MET = re.compile(
    rf"(?:{NUMBERED}|创新(?:发展)?奖励?)(?:这一?项)?(?:的)?(?:条件|要求)[^，。；,;？?\d]{{0,4}}?"
    r"(?<!不)(?<!没)(?<!未)(?:满足|符合|具备|达到|够)(?!吗|不|没)"
)


def read(r) -> None:
    """「三（三）条件也满足」: either condition met, which one unsaid (`_innovation_met`: the award is the same; the
    answer says the conditions were taken as the user said, naming neither)."""
    if MET.search(r.text):
        r.out.fields["_innovation_met"] = True


CLAUSES = (
    Clause(
        code="3.3",
        name="创新发展奖励",
        triggers=r"创新|专利|软著|软件著作权|研发投入|" + NUMBERED,
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
        read=read,
        reads_when=lambda reader: bool(MET.search(reader.text)),
    ),
)
