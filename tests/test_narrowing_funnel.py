"""People narrowed step by step with the rest of each step said beside it: 「结业140人，其中大专及以上130人、剩下10个
高中学历；130人里考核通过118人；这118人里…签了劳动合同的，一年及以上的96个（其中40个签的正好一年），另外22个签的
半年」 → 96. A part beside a step that completes it (130 + 10 = 140) lets the chain go on; a count named again (「130人
里」「这118人里」) opens the next step; a bracketed detail inside a count takes nobody out; a count naming no condition
takes the condition word said before it (合同). Wording is our own."""

import pytest

from bot.estimate.session import EstimateSession
from bot.understand.narrowing import read

TRAINEES = ("education", "exam", "contract")


@pytest.mark.parametrize(
    "text, counted",
    [
        (
            "我们是市里已认定的服务外包培训机构，今年结业140人，其中大专及以上130人、剩下10个高中学历；130人里考核通过118人；"
            "这118人里和外包企业签了劳动合同的，一年及以上的96个（其中40个签的正好一年），另外22个签的半年。19年那批80个人"
            "就不说了。今年能拿多少培训支持",
            96,
        ),
        (
            "我们是已认定的服务外包培训机构，培训结业100人，其中大专以上90人，其余10个是中专；90人中考试通过的80人；"
            "这80人里签了一年以上劳动合同的70个，另外10个签了半年。能拿多少",
            70,
        ),
        (
            "我们是已认定的服务外包培训机构，今年招了50个学员，大专及以上45个、剩下5个高中；45个里考核合格的40个；"
            "这40个人里面和外包公司签两年劳动合同的35个（其中10个签的正好两年），其余5个没签合同。培训支持多少",
            35,
        ),
        (
            "我们是已认定的服务外包培训机构，今年培训了60人，都是大专以上，考试通过了52人，通过的人里和服务外包企业签了"
            "一年以上劳动合同的45人，其余7人没签。能补多少",
            45,
        ),
    ],
)
def test_the_last_step_is_counted(text, counted):
    session = EstimateSession.start(text)
    assert session.status == "done", session.question()
    assert counted == session.inputs["institution_trainees"]
    item = next(i for i in session.compute()["items"] if i["code"] == "3.7.2")
    assert item["qualified"] and 500 * counted == item["amount_cny"]


def test_interns_narrowed_step_by_step():
    session = EstimateSession.start(
        "我们是服务外包企业，和高校签了3年实训协议，今年招了40个实习生，都是应届大专，实习满3个月的35个，这35个里留下来"
        "转正并且社保交满6个月的28个，其余7个没留下。实习补贴多少"
    )
    assert 28 == session.inputs["qualified_interns"]


def test_a_part_beside_that_does_not_complete_its_step_is_asked_about():
    """「其中大专以上130人、剩下8个高中」 (130 + 8 ≠ 140): the steps inside 130 are read, the parts beside it asked about,
    naming them; nobody counted meanwhile."""
    t = "结业140人,其中大专及以上130人、剩下8个高中学历;130人里考核通过118人;这118人里签了一年以上劳动合同的96个"
    found = read(t, "3.7.2", TRAINEES)
    assert found is not None and found.counted is None
    assert [140, 130, 118, 96] == [p.count for p in found.chain]
    assert 1 == found.at and "剩下8个高中学历" in found.unclear(t)
    session = EstimateSession.start("我们是已认定的服务外包培训机构，" + t + "。能拿多少")
    assert "institution_trainees" not in session.inputs


def test_the_conditions_met_along_the_steps_are_not_asked_again():
    session = EstimateSession.start(
        "我们是已认定的服务外包培训机构，今年结业120人，其中大专及以上110人、剩下10个中专；110人里考试通过100人；"
        "这100人里和外包企业签了劳动合同的，一年以上的90个，另外10个签的半年。能拿多少"
    )
    assert 90 == session.inputs["institution_trainees"]
    assert session.inputs["_fact_trainee_passed_exam@3.7.2"] is True
    assert 1 == session.inputs["_fact_labor_contract_years@3.7.2"]
