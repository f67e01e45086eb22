"""三（八）1 示范园区认定奖励 in conversation (calculator/items/park_recognition.py computes it).

The park reading (recognition, operation, enterprises brought in, foreign investment) is one pass
of the message, made here for all three park items (三（八）1 and 2).
"""

from .base import Clause, Field

PARK_CODES = {"3.8.1", "3.8.2a", "3.8.2b"}


def reads_when(reader) -> bool:
    return bool(reader.pending and reader.pending.startswith("park") or reader.items & PARK_CODES)


CLAUSES = (
    Clause(
        code="3.8.1",
        name="示范园区认定奖励",
        triggers=r"示范园区.{0,4}认定|(新|刚)被?认定.{0,12}园区|认定为.{0,12}示范园区|园区认定|"
        r"(评为|评上|获评).{0,10}示范园区",
        fields=(
            Field(
                "park_newly_recognized",
                "新通过认定的示范园区",
                question="园区是新通过认定的市级或市级以上服务外包示范园区吗？（是/否）",
                recognised_by="新/刚 被认定/评为/通过, or 是/否 to its question",
                from_facts=True,
            ),
            Field(
                "park_enterprise_operated",
                "由企业统一管理和运营",
                question="园区是由企业统一管理和运营的吗？（是/否）",
                recognised_by="企业/公司 (统一)管理、运营 (政府/管委会 运营: no)",
                from_facts=True,
            ),
        ),
        applicant="park_operator",
        checklist="示范园区认定奖励",
        read=lambda reader: reader.read_park(),
        reads_when=reads_when,
    ),
)
