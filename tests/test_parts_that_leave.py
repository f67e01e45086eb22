"""Parts of a group that leave an item, told in words the earlier readers missed (round 38's first play):
trainees who went to work outside outsourcing (三（七）2: no 劳动合同 with a 服务外包企业), and one activity of several
said not arranged by the commerce department, its words opened before its cost (三（五）)."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession


@pytest.mark.parametrize(
    "text, count",
    [
        (
            "已认定的服务外包培训机构 这期60个学员全部大专以上 考核都过了 其中5个人最后去了火锅店上班 其他的都跟外包公司签了三年合同 能拿多少",
            55,
        ),
        (
            "已认定的服务外包培训机构 培训了40人 大专以上 考核都通过 35个跟外包企业签了两年合同 另外5个回老家考公了 能补多少",
            35,
        ),
        (
            "我们是认定过的服务外包培训机构，50名学员大专以上、考核全过，其中3个没进外包公司，其余都签了一年劳动合同，能拿多少",
            47,
        ),
    ],
)
def test_trainees_who_went_elsewhere_leave(text, count):
    s = EstimateSession.start(text)
    assert s.inputs["institution_trainees"] == Decimal(count)


def test_all_placed_trainees_stay():
    s = EstimateSession.start("已认定培训机构 30个学员都进了外包公司 签了一年以上劳动合同 大专以上 考核通过 能拿多少")
    assert s.inputs["institution_trainees"] == Decimal(30)


def costs(s):
    return sorted(Decimal(str(f["cost_cny"])) for f in s.inputs["fairs"])


@pytest.mark.parametrize(
    "text, kept",
    [
        (
            "今年境外活动三个，迪拜GITEX展花了4万，伦敦服务贸易交流会8万，这两个是商务局指定的；还有一个是我们自己组织去美国拜访客户，花了5万，不是商务部门安排的，加起来能补多少",
            [40000, 80000],
        ),
        (
            "境内参加了两场，数博会展位费3万，商务局指定的；另一场是行业协会自己办的小展会，展位费1万，能补多少",
            [30000],
        ),
    ],
)
def test_the_activity_not_arranged_leaves_alone(text, kept):
    s = EstimateSession.start(text)
    assert costs(s) == [Decimal(k) for k in kept]


def test_two_said_not_designated_together_do_not_drop_one():
    """「这两个都不是…指定的」 speaks of both: nothing is dropped one by one (the item fails whole)."""
    s = EstimateSession.start("境内参加了两场展会，一场展位费3万，一场展位费2万，这两个都不是商务部门指定的，能补多少")
    assert costs(s) == [Decimal(20000), Decimal(30000)]
    assert "3.5" in s.failed()


@pytest.mark.parametrize(
    "text",
    [
        "我们是做建筑施工劳务分包的 在工地上干活 这算工程技术服务吗",
        "老板回老家了 这个月没人管申报",
        "我们在工厂旁边租的办公室",
    ],
)
def test_where_the_business_or_its_people_are_is_no_trainee_fact(text):
    """Only trainees counted or named who went elsewhere have no contract: 「在工地上干活」 (R8Q043) says nothing of it."""
    from bot.understand.facts import read_facts

    assert "labor_contract_years" not in read_facts(text)
