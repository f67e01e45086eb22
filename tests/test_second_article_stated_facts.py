"""第二条 facts stated in passing decide the verdict: a university's unit is no enterprise, an office
of a company whose head office is elsewhere is that company (registered elsewhere), tax arrears fail
依法纳税, and a place question beside 「能享受吗」 is answered with the place (bot/answers/eligibility.py,
knowledge/data/eligibility_words.yml)."""

import pytest

from bot.answers import eligibility, qualify
from knowledge import conditions


def verdict(text: str) -> str:
    return conditions.evaluate("2", eligibility.facts_from(text)).status


@pytest.mark.parametrize(
    "text",
    [
        "我们是省里某大学下属的信息学院 也给企业做外包项目 能不能报",
        "本单位是郑州一所高校旗下的研究院，承接软件测试业务",
    ],
)
def test_a_university_unit_is_no_enterprise(text):
    assert eligibility.facts_from(text)["entity_type"] == "other"
    assert verdict(text) == conditions.NOT_MET


def test_interns_from_a_school_say_nothing_about_the_applicant():
    assert "entity_type" not in eligibility.facts_from("我们和两所学校签了实训协议，每年来二十多个实习生")


def test_an_office_of_a_company_headquartered_elsewhere_is_that_company():
    facts = eligibility.facts_from("我们总公司在武汉，郑州这边就是个办事处，没执照，税也在武汉交")
    assert facts["entity_type"] == "legal_person"
    assert facts["registered_in_zhengzhou"] is False
    assert verdict("我们总公司在武汉，郑州这边就是个办事处，没执照，税也在武汉交") == conditions.NOT_MET


def test_an_office_of_a_zhengzhou_company_stays_registered_here():
    facts = eligibility.facts_from("总部在郑州金水区，我们在西安设了个办事处")
    assert facts.get("registered_in_zhengzhou") is True


def test_an_office_with_no_head_office_named_leaves_registration_unknown():
    assert "registered_in_zhengzhou" not in eligibility.facts_from("我们在郑州有个办事处，想问问能不能申报")


@pytest.mark.parametrize("text", ["公司还有一笔增值税欠着没缴", "去年的税款还欠着 税务那边在催"])
def test_tax_arrears_fail_lawful_tax(text):
    assert eligibility.facts_from(text)["lawful_tax"] is False


def test_tax_paid_on_time_is_not_arrears():
    assert eligibility.facts_from("我们的税都是按时交的 从来没欠过")["lawful_tax"] is True


def test_place_question_with_can_we_enjoy_is_answered_with_the_place():
    text = "我们是荥阳注册的企业，荥阳算不算在郑州范围内？能享受这项政策吗"
    a = qualify.answer(text, eligibility.facts_from(text), eligibility.facts_from(text))
    assert a is not None
    assert "荥阳属于郑州市行政区域" in a.text
    assert "第二条" in a.text
