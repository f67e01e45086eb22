"""三（七）3、4 name 服务外包企业（单位）: a training institution is asked whether it is one (never 0 outright);
an added group shows its own subtotal; a note that all of a group qualify goes when the message's own
qualified count replaces it. New wording, not the case files'."""

from decimal import Decimal

from bot.estimate.session import EstimateSession
from bot.understand.facts import read_facts
from knowledge.conditions import MET, NOT_MET, UNKNOWN, evaluate


class TestInstitutionAsUnit:
    def test_the_unit_question_decides(self):
        facts = {"applicant_type": "training_institution", "internship_agreement_years": 3}
        assert "applicant" not in [c.id for c in evaluate("3.7.4", facts).unmet]
        statuses = {
            unit: next(
                c.status for c in evaluate("3.7.4", dict(facts, outsourcing_unit=unit)).checks if c.id == "applicant"
            )
            for unit in (True, False)
        }
        assert {True: MET, False: NOT_MET} == statuses
        first = evaluate("3.7.4", facts).checks[0]
        assert ("applicant", UNKNOWN) == (first.id, first.status)

    def test_enterprise_clauses_are_to_confirm_for_an_institution(self):
        """An institution may be a company: an enterprise clause is left to confirm, refused only when it says it
        is no enterprise (事业单位、民办非企业 …)."""
        assert UNKNOWN == evaluate("3.2", {"applicant_type": "training_institution"}).status
        refused = evaluate("3.2", {"applicant_type": "training_institution", "entity_type": "other"})
        assert NOT_MET == refused.status and "applicant" in [c.id for c in refused.unmet]

    def test_unit_fact_read(self):
        assert read_facts("我们机构本身也接外包项目")["outsourcing_unit"] is True
        assert read_facts("我们不是服务外包企业 只做培训")["outsourcing_unit"] is False

    def test_both_items_estimated_with_the_count_said(self):
        s = EstimateSession.start(
            "我们是认定的服务外包培训机构 考核通过签了1年以上合同的大专以上学员有30个 另外跟学院签了两年实训协议 "
            "每年收22个实习生 符合应届 实习3个月以上 社保满6个月条件的有5个 两项各多少"
        )
        assert 30 == s.inputs["institution_trainees"] and 5 == s.inputs["qualified_interns"]
        assert Decimal("2") == s.inputs["internship_agreement_years"]
        assert not any("22名均符合" in n for n in s.notes)
        assert {"3.7.4": ["培训机构本身是服务外包企业（单位）"]} == s.unsure_conditions()
        assert Decimal("40000") == Decimal(str(s.compute()["total_cny"]))


def test_added_group_subtotal():
    first = EstimateSession.start("送了5个本科项目经理去做涉外业务培训 每人培训费2万")
    more = EstimateSession.start("再加上2个硕士的总监 也是涉外培训 每人8万 一共多少", running=first.inputs)
    assert more.extends
    assert any("本次加上的2人补贴小计6万元" in n for n in more.notes)  # min(8万 × 50%, 3万) × 2
    assert Decimal("110000") == Decimal(str(more.compute()["total_cny"]))
