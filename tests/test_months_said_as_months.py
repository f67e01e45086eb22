"""A duration under a year that a condition counts in years (入园正常运营一年以上) is said back in months, as the user
said it: 「入园运营刚满8个月」 → 「您说的是：8个月」, never 0.67年. A year or more stays in years. No server."""

import pytest

from bot.estimate.session import EstimateSession


@pytest.mark.parametrize(
    "text, said",
    [
        (
            "我们是园区运营公司 园区是市级服务外包示范园区 由我们公司统一管理运营 引进了一家世界500强 入园运营刚满8个月 奖励多少",
            "8个月",
        ),
        ("市级示范园区 企业统一运营 引进了一家国内500强企业 入园才半年 能奖多少", "6个月"),
        ("园区运营方 市级示范园区 企业统一运营 引进的IAOP全球外包100强入园运营了9个月 奖励有吗", "9个月"),
    ],
)
def test_under_a_year_in_months(text, said):
    reason = EstimateSession.start(text).failed()["3.8.2a"]
    assert f"您说的是：{said}" in reason
    assert "0." not in reason


def test_two_and_a_half_years_stay_years():
    reason = EstimateSession.start(
        "在市级服务外包重点园区入驻两年半了 去年合同执行额620万 年租金90万 房租补贴多少"
    ).failed()["3.8.3"]
    assert "您说的是：2.5年" in reason
