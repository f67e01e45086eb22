"""Parts said inside another part of the group (「另外23个人里10个是高中学历，13个只签了半年合同」) belong to that part:
never subtracted from the part counted (三（七）2 trainees, bot/understand/batches.py owners)."""

import pytest

from bot.estimate.session import EstimateSession

CASES = [
    (
        "我们是市里认定过的培训机构，今年培训了85个人，其中62人是大专以上学历、考核通过、并且跟外包企业签了1年的劳动合同；"
        "另外23个人里10个是高中学历，13个只签了半年合同。按人头的培训支持最多能拿多少？",
        62,
    ),
    (
        "我们是已认定的培训机构，今年结业100人，当中70人大专以上、考核合格、签了一年以上劳动合同；剩下的30人当中，"
        "12个没通过考核，18个是中专学历。能补多少",
        70,
    ),
    (
        "认定的培训机构，培训了60个学员，其中45个都是大专以上、考核通过、签了两年合同，其余15个里有5个高中，10个还没签合同，能拿多少",
        45,
    ),
    (
        "已认定培训机构 共培训120人：90人本科、考核通过、与外包企业签了1年劳动合同；另外30人中，20人考核没过，10人签了半年合同。"
        "定额培训支持多少",
        90,
    ),
    (
        "认定的培训机构 今年培训了50人，其中40人大专以上考核通过签了一年合同，另有10人，这10人里6个是高中学历，4个只签了半年。能补多少",
        40,
    ),
    (
        "我们是认定的培训机构，培训了80个人。其中60个大专以上考核通过签了一年合同。另外20个人里面：8个中专，12个考核没通过。能补多少",
        60,
    ),
    (
        "认定的培训机构，85个人里62人是大专、考核过了、签了1年劳动合同，剩下23人中有10个高中，13个签了半年合同，按人头能补多少",
        62,
    ),
    (
        "认定的培训机构 今年一共培训了40人，30个符合全部条件（大专以上、考核合格、签了两年劳动合同），余下10人里4个高中、6个没签合同，能拿多少",
        30,
    ),
    (
        "认定的培训机构 今年培训了85个人 62个大专以上考核通过签了1年合同 其他23个人里有10个是高中 13个只签了半年合同 能补多少",
        62,
    ),
]


@pytest.mark.parametrize("text,counted", CASES)
def test_parts_of_the_others_never_come_out_of_the_count(text, counted):
    """The people failing said of the others (or of another part) leave the part counted whole."""
    session = EstimateSession.start(text)
    assert counted == session.inputs["institution_trainees"]


def test_a_part_said_inside_the_counted_part_still_comes_out():
    """「其中62人考核通过…这62人里有5个是高中学历」: the 5 are of the 62, taken out."""
    session = EstimateSession.start(
        "认定的培训机构，培训了85人，其中62人考核通过、签了1年合同，这62人里有5个是高中学历，其余都是大专以上，能补多少"
    )
    assert 57 == session.inputs["institution_trainees"]


def test_the_note_names_each_part_left_out_without_the_question():
    """The parts of the others are named with the condition they miss, the question after them left out."""
    session = EstimateSession.start(CASES[0][0])
    note = next(n for n in session.notes if "62" in n)
    assert "“13个只签了半年合同”" in note and "“10个是高中学历”" in note and "多少" not in note


@pytest.mark.parametrize(
    "text,counted",
    [
        (
            "认定的培训机构，今年培训了85人，其中62人都是大专以上、考核通过、签了1年合同；另外23人里有13人也是大专、考核通过、"
            "签了2年合同，10个是高中，能补多少",
            75,
        ),
        (
            "认定的培训机构，今年两期：第一期50人，其中45人都符合条件，另外5人里3个高中、2个没考过；第二期30人全部符合，能补多少",
            75,
        ),
    ],
)
def test_people_meeting_all_in_the_others_are_counted_too(text, counted):
    """A part of the others said to meet every condition is counted beside the first part, its own parts failing
    taken out of it only; 「都符合条件」 said of a part is the user's word that it meets them all."""
    assert counted == EstimateSession.start(text).inputs["institution_trainees"]


def test_a_group_named_by_its_people_owns_the_part_said_in_it():
    """「大专以上的里面有5个考核没过 考核通过的里面60个…签了一年以上」: 60 is of the 考核通过 named, not of the 5."""
    text = (
        "我们是认定的培训机构 今年培训了90个学员 其中10个是高中 剩下都是大专以上 大专以上的里面有5个考核没过 "
        "考核通过的里面60个跟外包企业签了一年以上合同 15个签的半年 能拿多少"
    )
    assert 60 == EstimateSession.start(text).inputs["institution_trainees"]
