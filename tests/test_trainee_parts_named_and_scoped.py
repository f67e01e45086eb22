"""三（七）2 and 三（七）4/三（七）3 counts of people whose parts must be placed right (round 45): a part said inside a
contract group named again by its count (「这30个里有3个是高中」) comes out of that group; the parts said beside the
part meeting every condition are the others of the group, named, never taken out of it; more people than the group
holds is asked; 「拿到…培训机构认定」 says the institution is recognised; a part of the interns is never taken out of
the project managers trained."""

import pytest

from bot.estimate.session import EstimateSession

RECOGNISED = "我们是已获认定的本市服务外包培训机构，"


@pytest.mark.parametrize(
    "said, trainees",
    [
        (
            "这期招了40个学员，36个考核通过，通过的里面30个跟外包企业签了两年合同，另外6个签的3个月；"
            "这30个里有3个是高中学历，其余都是大专以上。能拿多少",
            27,
        ),
        (
            "培训了80人，70个通过考核，其中60个和外包公司签了劳动合同，合同期1年，还有10个签了半年，"
            "这60个里面有5个是中专的，能补多少",
            55,
        ),
        (
            "一共培训了25个学员，考核都通过了，20个签了三年劳动合同，另外5个只签了8个月；这20个里有1个只有高中学历。定额补贴多少",
            19,
        ),
    ],
)
def test_a_part_of_the_contract_group_named_again_is_taken_from_it(said, trainees):
    """The part said inside the group named again by its count comes out of that group, not the short-contract one."""
    est = EstimateSession.start(RECOGNISED + said)
    assert trainees == est.inputs.get("institution_trainees")


@pytest.mark.parametrize(
    "said, trainees, named",
    [
        (
            "今年培训了50个学员，考核都通过了，其中40个本科的已经和服务外包企业签了2年劳动合同，还有6个中专的也签了，"
            "另外4个还没签合同，能拿多少",
            40,
            ("6个中专", "4个还没签合同"),
        ),
        (
            "培训了100人全部考核合格，其中80个大专以上学历的都跟外包企业签了一年以上劳动合同，还有15个中专的也签了，"
            "剩下5个去读研了没签，补贴多少",
            80,
            ("15个中专", "5个去读研了没签"),
        ),
        (
            "培训了60人考核都过了，其中48个大专以上的签了1年以上劳动合同，还有7个中专的也签了，另外3个没签合同，补贴多少",
            48,
            ("7个中专", "3个没签合同", "其余2名"),
        ),
    ],
)
def test_parts_beside_the_qualified_part_are_the_others(said, trainees, named):
    """The parts failing beside the part meeting every condition are the group's others: named, never subtracted."""
    est = EstimateSession.start(RECOGNISED + said)
    assert trainees == est.inputs.get("institution_trainees")
    note = " ".join(est.notes)
    assert all(words in note for words in named)


def test_more_people_than_the_group_is_asked_naming_the_parts():
    """20 + 7 + 5 > 30: nobody is counted, the parts are named in the question."""
    est = EstimateSession.start(
        RECOGNISED
        + "培训了30人考核都过了，其中20个大专以上的签了1年以上劳动合同，还有7个中专的也签了，另外5个没签合同，补贴多少"
    )
    assert est.inputs.get("institution_trainees") is None
    note = " ".join(est.notes)
    assert "7个中专" in note and "5个没签合同" in note and "30" in note


@pytest.mark.parametrize(
    "said, recognised",
    [
        ("我们培训中心前年就拿到了市里的服务外包培训机构认定，今年培训了40个学员，都是大专以上，考核都通过了", True),
        ("我们机构去年取得了市商务局的服务外包培训机构认定，今年培训了12个本科学员，考核都通过了", True),
        ("服务外包培训机构的认定早就批下来了，这期培训了20个大专学员", True),
        ("我们还没拿到培训机构认定，今年培训了12个本科学员，考核都通过了", False),
    ],
)
def test_recognition_had_is_read(said, recognised):
    """「拿到/取得…培训机构认定」 says the institution is recognised; 「还没拿到」 says it is not."""
    est = EstimateSession.start(said + "，定额培训支持能拿多少")
    assert recognised is est.inputs.get("institution_recognized")


@pytest.mark.parametrize(
    "said, interns, managers",
    [
        (
            "实训协议签了4年，今年接了60个实习生，其中45个应届毕业生都符合条件（大专以上、实习3个月以上、社保连续6个月以上）。"
            "另外3个项目经理都是本科，每人参加涉外业务培训花了4万，不是学历教育",
            45,
            3,
        ),
        (
            "跟学校签了两年的实训协议，今年一共收了30名实习生，其中22名应届生全部符合条件。还有8个项目经理，本科学历，"
            "每人涉外培训费5万，不是学历教育",
            22,
            8,
        ),
        (
            "实习协议三年，今年接收了120个实习生，其中100个应届毕业生全部符合条件（大专以上、实习满3个月、社保交满6个月）。"
            "培训这边是4个项目经理，都是硕士，每人涉外业务培训费3万，不是学历教育",
            100,
            4,
        ),
    ],
)
def test_a_part_of_the_interns_is_not_taken_from_the_managers(said, interns, managers):
    """The interns' part (larger than the managers counted) is theirs: both items keep their own counts."""
    est = EstimateSession.start(said + "，这两块能补多少")
    assert interns == est.inputs.get("qualified_interns")
    assert managers == len(est.inputs.get("senior_training") or [])


@pytest.mark.parametrize(
    "first, later",
    [
        (
            "这期30个本科学员，20个考核通过并且跟服务外包企业签了一年期的劳动合同，6个考核通过但只签了半年合同，"
            "还有4个考核没过，一共能领多少",
            "30个人都是本科学历，培训内容是服务外包专业知识和技能，签约单位都是服务外包企业。",
        ),
        (
            "这期培训了45个学员，其中36个大专以上的考核通过并跟外包企业签了两年合同，还有5个中专的也签了，另外4个没签，能拿多少",
            "这45个人的培训内容都是服务外包专业技能，签约的都是服务外包企业",
        ),
        (
            "这批50个学员，40个考核通过并且签了一年以上劳动合同，6个只签了半年，还有4个没通过考核，补贴多少",
            "50个学员培训的都是服务外包专业知识",
        ),
    ],
)
def test_the_group_named_again_is_described_not_counted(first, later):
    """A later message naming the group by its count (「30个人都是本科学历」) describes it: the trainees counted stay."""
    est = EstimateSession.start(first)
    counted = est.inputs.get("institution_trainees")
    assert counted is not None
    est.handle(later)
    assert counted == est.inputs.get("institution_trainees")


def test_the_group_said_to_qualify_is_a_correction():
    """「不对，30个都符合条件」 is the user's correction: the count is taken."""
    est = EstimateSession.start(
        "这期30个本科学员，20个考核通过并且跟服务外包企业签了一年期的劳动合同，6个考核通过但只签了半年合同，还有4个考核没过，一共能领多少"
    )
    est.handle("不对，30个都符合条件")
    assert 30 == est.inputs.get("institution_trainees")
