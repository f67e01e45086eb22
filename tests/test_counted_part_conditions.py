"""Person conditions said of the part counted (「其中30个本科考核合格签了两年合同」) are met for the people counted and
never asked again (bot/understand/counted_facts.py); what is truly unknown (认定) is still asked."""

from bot.estimate.clauses.institution_training import recognized_question
from bot.estimate.session import EstimateSession, running_inputs
from bot.understand.counted_facts import met


def test_conditions_said_of_the_thirty_are_met_and_only_recognition_is_asked():
    session = EstimateSession.start(
        "我们是培训机构，今年培训了40个学员，其中30个本科考核合格签了两年合同，剩下10个考核没过，能补多少"
    )
    assert 30 == session.inputs["institution_trainees"]
    assert {"3.7.2": ["已获得认定的本市服务外包培训机构"]} == session.unsure_conditions()
    question = recognized_question(session)
    assert "30人都符合吗" not in question and "认定" in question


def test_the_part_described_before_its_count():
    """「大专以上考核合格并签约一年以上的有70名」: the words before the count describe the 70."""
    text = "认定的培训机构 今年培训学员95名，大专以上考核合格并签约一年以上的有70名，另外25名中有15名没考过、10名只签了半年"
    session = EstimateSession.start(text)
    assert 70 == session.inputs["institution_trainees"]
    assert {} == session.unsure_conditions()


def test_interns_counted_in_a_part_have_its_conditions_met():
    session = EstimateSession.start(
        "我们跟郑州大学签了3年实训协议，今年接收了35个实习生，其中28个是应届大专以上、实习3个月以上、留用且社保交满6个月；"
        "另外7个人里3个是往届生，4个实习期只有2个月。实训补贴能拿多少"
    )
    assert 28 == session.inputs["qualified_interns"]
    assert {} == session.unsure_conditions()


def test_words_failing_a_condition_give_nothing():
    """The people whose words fail a condition are not the people counted."""
    assert {} == met("培训了40人，其中30个是高中学历考核通过", 30, "3.7.2", ("education", "exam", "contract"))


def test_a_condition_not_said_of_the_part_stays_unknown():
    """「其中30个考核通过」: only 考核 is said of them; 学历 and 合同 are still asked."""
    session = EstimateSession.start("认定的培训机构，今年培训了40个学员，其中30个考核通过，剩下10个没通过，能补多少")
    unsure = session.unsure_conditions().get("3.7.2", [])
    assert "学员大专以上学历" in unsure
    assert "学员通过服务外包专业知识和技能培训考核" not in unsure


def test_the_counted_people_facts_stay_for_a_correction_of_their_count():
    session = EstimateSession.start(
        "我们是认定的培训机构，今年培训了85个人，其中62人是大专以上学历、考核通过、签了1年的劳动合同；另外23个人里10个是高中学历"
    )
    kept = running_inputs(session.inputs)
    assert "大专" == kept["_fact_education_level@3.7.2"]
