"""A part of a counted group named by its count first and described after it (「培训了80人，其中60人大专以上、
通过了考核…」): the part fitting 三（七）2's trainee conditions is the count, never the group it is part of."""

import pytest

from bot.estimate.session import EstimateSession
from bot.understand.subgroups import described

RECOGNISED = "我们是已获得认定的本市服务外包培训机构，"


@pytest.mark.parametrize(
    "said, group, part",
    [
        ("今年培训了80人，其中60人大专以上、通过考核、签了1年以上劳动合同", 80, 60),
        ("共培训学员120名 其中有95名大专以上学历并通过了考核", 120, 95),
        ("一共50个学员，当中有42个都是本科、考核合格、签了两年合同", 50, 42),
    ],
)
def test_the_part_is_read_with_its_group(said, group, part):
    found = [p for p in described(said) if p.count == part]
    assert found and found[0].group == group


@pytest.mark.parametrize(
    "said, trainees",
    [
        (
            "今年培训了80人，其中60人大专以上、通过了技能考核、并和服务外包企业签了1年以上劳动合同，能拿多少定额培训支持？",
            60,
        ),
        ("今年共培训学员120名，其中95名大专以上学历、考核合格、与外包企业签了一年以上劳动合同，定额支持多少", 95),
    ],
)
def test_trainees_counted_are_the_described_part(said, trainees):
    est = EstimateSession.start(RECOGNISED + said)
    assert est.inputs.get("institution_trainees") == trainees
    assert est.inputs.get("institution_recognized") is True
