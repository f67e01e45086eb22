"""A count said right before its own 签 is that group's (R61E019): 「这150个里有20个签的是6个月 30个签的正好1年 剩下100个
签了3年」 is 20 × 6个月, 30 × 1年, 100 × 3年 → 130 counted; the 6个月 had been given to the 30 after it (100 counted, a
wrong 50,000). Wording of our own beside the case's."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from bot.understand.contract_groups import groups


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "其中150个跟服务外包企业签了劳动合同 这150个里有20个签的是6个月 30个签的正好1年 剩下100个签了3年",
            [(20, "0.5"), (30, "1"), (100, "3")],
        ),
        ("签了劳动合同的有60人，10人签的半年 50人签的刚好一年", [(10, "0.5"), (50, "1")]),
        ("劳动合同：8个签的是3个月 12个签的是2年", [(8, "0.25"), (12, "2")]),
        ("签1年以上合同的21人 签半年的6人", [(21, "1"), (6, "0.5")]),
    ],
)
def test_each_group_keeps_its_own_length(text, expected):
    found = groups(normalize(text))
    assert [(g.count, g.years) for g in found] == [(n, Decimal(y)) for n, y in expected]


def test_the_trainees_counted_in_the_estimate():
    s = EstimateSession.start(
        "我们是市里认定的服务外包培训机构 今年培训了200个大专以上学员 考核通过180个 其中150个跟服务外包企业签了劳动合同 "
        "这150个里有20个签的是6个月 30个签的正好1年 剩下100个签了3年 能拿多少培训支持"
    )
    assert s.inputs["institution_trainees"] == 130
