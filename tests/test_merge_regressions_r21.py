"""Cases a merge of this stop broke, kept fixed."""

from decimal import Decimal

from bot.estimate.session import EstimateSession


def test_a_year_word_between_the_item_and_its_cost_keeps_the_cost_with_the_item():
    """「CMMI Level 5 的维护费今年花了二十万」: the 20万 is the certification's fee, never a second offshore amount
    that would make the 150万美元 said of 去年 last year's."""
    est = EstimateSession.start(
        "我们是郑州注册的legal entity 然后去年offshore做了一百五十万美元 汇率你就按6.9算 离岸奖励能拿多少 "
        "另外就是CMMI Level 5 的维护费今年花了二十万 这个能补多少"
    )
    assert est.inputs.get("certifications") == [{"name": "CMMI5", "cost_cny": Decimal("200000")}]
    assert est.inputs.get("offshore_usd") == Decimal("1500000")
    assert "previous_offshore_usd" not in est.inputs


import pytest  # noqa: E402


@pytest.mark.parametrize(
    "said, new",
    [
        ("我司2024年首次通过技术先进型服务企业认定（新获得，非复审），可获奖励金额是多少？", True),
        ("技术先进型是今年新认定的 不是复审 奖励多少", True),
        ("技术先进型是复审通过的 能拿10万吗", False),
        ("我们技术先进型资格去年到期 今年复审通过了 有奖励吗", False),
    ],
)
def test_not_a_renewal_is_newly_gained(said, new):
    """「非复审」「不是复审」 deny a renewal: the status is 新获得 (三（四）), never read as 复审."""
    assert EstimateSession.start(said).inputs.get("tech_advanced_new") is new
