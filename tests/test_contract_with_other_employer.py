"""Trainees whose contract is with an employer outside service outsourcing (三（七）2 asks for a 《劳动合同》 with a
服务外包企业): a part of the counted trainees said so is taken out, also as a correction of a running estimate.
Wording of our own."""

import pytest

from bot.estimate.session import EstimateSession, removes_a_part
from bot.nlu.normalize import normalize
from bot.understand.subgroups import excluded

PEOPLE = ("education", "exam", "contract")


@pytest.mark.parametrize(
    "text,count",
    [
        ("50个人里有6个是和物业公司签的合同", 6),
        ("签合同的那些里面有5个签的是餐饮企业", 5),
        ("这40人里有3个人签的单位不是外包企业", 3),
        ("合格的45个学员中有2个跟一家建筑公司签了三年", 2),
    ],
)
def test_the_part_fails_the_contract(text, count):
    failing, _ = excluded(normalize(text), "3.7.2", PEOPLE)
    assert [count] == [p.count for p, _ in failing]
    assert "劳动合同" in failing[0][1][0]


def test_an_outsourcing_employer_fails_nothing():
    failing, _ = excluded(normalize("这40人里有3个人签的是外包公司"), "3.7.2", PEOPLE)
    assert [] == failing


def test_it_corrects_the_running_estimate():
    running = {"institution_recognized": True, "institution_trainees": 45}
    assert removes_a_part("更正：这45个人里有4个是跟贸易公司签的", running)


def test_the_estimate_counts_the_rest():
    s = EstimateSession.start(
        "我们是认定的服务外包培训机构 今年合格学员36人 都是大专以上 考核通过 签了一年以上劳动合同 "
        "不过这36人里有6个是跟房地产公司签的"
    )
    assert 30 == s.inputs["institution_trainees"]
    assert 15000 == s.compute()["total_cny"]


@pytest.mark.parametrize(
    "text",
    ["实习生里有一个大专应届生实习了5个月", "学员中有一名是跟餐饮公司签的合同", "毕业生里有两个没签合同"],
)
def test_people_with_no_count_before_have_no_part(text):
    """「实习生里有一个…」: 里 after people with no count before them opens no part of a counted group."""
    from bot.understand.subgroups import parts

    assert [] == parts(normalize(text))
