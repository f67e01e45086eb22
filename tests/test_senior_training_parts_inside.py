"""三（七）3 people counted as a group with parts said inside it: a part on a degree course (「这里面有2个…读在职MBA」)
or below 本科 is taken out of the group (never the whole item failed for it), each cost is the group's (never a
part's count), the 20-person cap applies to the rest; an enterprise's own course whose trainees are called 学员 is
三（七）3's, not a training body's 三（七）2. Wording of our own."""

from decimal import Decimal

import pytest

from bot.estimate.items import detect_items
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize

D = Decimal


@pytest.mark.parametrize(
    "text,people,total",
    [
        ("涉外业务培训送了12个项目经理 都是本科以上 每人培训费5万 其中有1个读的是在职MBA 能补多少", 11, D(275000)),
        (
            "公司派了22名本科以上的项目经理参加涉外业务培训 每人2万 这里面有3个人读的是在职研究生学历教育 补贴多少",
            19,
            D(190000),
        ),
        (
            "中高级人才涉外业务培训 一共26个人 每人培训费6万 其中4个是大专学历 其余都是本科以上项目经理 能拿多少",
            20,
            D(600000),
        ),
    ],
)
def test_parts_inside_the_group_are_taken_out(text, people, total):
    s = EstimateSession.start(text)
    assert "3.7.3" not in s.failed()
    assert people == min(len(s.inputs["senior_training"]), 20)
    assert total == D(str(s.compute()["total_cny"]))


def test_a_degree_part_is_named_once():
    s = EstimateSession.start(
        "涉外业务的项目经理培训 共15人 都是本科 每人3万 另外这里面有2个项目经理读的是在职EMBA 学费每人20万 能补多少"
    )
    assert D(195000) == D(str(s.compute()["total_cny"]))  # 13 × 1.5万
    assert 1 == sum("学历教育" in n for n in s.notes)


@pytest.mark.parametrize(
    "text",
    [
        "我们公司办了个涉外项目管理高级研修班 18个学员都是本科以上的项目经理 每人学费4万 能补多少",
        "企业内训：海外交付管理班 学员10人 都是硕士 项目经理 每人培训费6万",
    ],
)
def test_an_enterprise_course_with_trainees_is_senior_training(text):
    assert ["3.7.3"] == detect_items(normalize(text))


def test_a_training_body_keeps_its_item():
    assert "3.7.2" in detect_items(normalize("我们培训机构今年合格学员30人 另外给项目经理做了中高级培训 每人2万"))


def test_trainees_of_an_enterprise_course_are_counted():
    s = EstimateSession.start(
        "我们公司办了个涉外项目管理高级研修班 18个学员都是本科以上的项目经理 每人学费4万 能补多少"
    )
    assert D(360000) == D(str(s.compute()["total_cny"]))  # 18 × min(2万, 3万)
