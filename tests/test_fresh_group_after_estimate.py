"""A message describing a whole new group of people after an estimate that counted people replaces it; a correction
is worded as one (bot/understand/fresh_group.py, session.removes_a_part)."""

import pytest

from bot.estimate.session import EstimateSession, removes_a_part
from bot.understand.fresh_group import describes_afresh

RUNNING = {
    "institution_recognized": True,
    "_parts_institution_batches": {"本期": 62},
    "institution_trainees": 62,
    "_parts_institution_groups": [85],
}

FRESH = [
    ("我们是培训机构，今年培训了40个学员，其中30个本科考核合格签了两年合同，剩下10个考核没过，能补多少", 30),
    ("我们机构今年培训了50人，45个大专以上考核通过并签了1年合同，另外5个还没签合同，能补多少", 45),
    (
        "培训了60个学员，当中有48个都符合（大专以上、考核合格、一年以上合同），还有12个里8个高中、4个考试没过，补贴多少",
        48,
    ),
    ("换成下半年那批：36个学员里30个大专以上考核通过签了一年合同，6个没考过，能补多少", 30),
]


@pytest.mark.parametrize("text,counted", FRESH)
def test_a_new_group_described_whole_is_a_new_estimate(text, counted):
    """Its parts left out are of its own group, never taken from the count before."""
    assert describes_afresh(text, RUNNING)
    assert not removes_a_part(text, RUNNING)
    session = EstimateSession.start(text, known={"institution_recognized": True}, running=RUNNING)
    assert counted == session.inputs["institution_trainees"]


@pytest.mark.parametrize(
    "text",
    [
        "更正一下：那62个里面其实有4个考核没过",
        "不对，刚才说错了，今年培训的是70个，其中55个符合条件，15个没考过",
        "这62个里实际上有4个没签合同",
        "85个人里面还有5个其实没签合同",
        "其中有4个考核没通过",
    ],
)
def test_a_correction_or_the_same_group_again_is_no_new_group(text):
    """Words of correcting, of pointing back, or the group the estimate holds said again: a correction."""
    assert not describes_afresh(text, RUNNING)


@pytest.mark.parametrize(
    "text", ["更正一下：那62个里面其实有4个考核没过", "这62个里实际上有4个没签合同", "其中其实有3个是高中学历"]
)
def test_a_filler_between_the_among_word_and_you_still_opens_a_part(text):
    """「里面其实有4个」: the part is of the people counted, a correction of the estimate."""
    assert removes_a_part(text, RUNNING)


def test_no_running_count_is_no_new_group():
    """Nothing counted before: nothing to replace."""
    assert not describes_afresh(FRESH[0][0], {"onshore_cny": 1})
