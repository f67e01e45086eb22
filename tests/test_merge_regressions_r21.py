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
    assert est.inputs.get("certifications") == [{"name": "CMMI", "cost_cny": Decimal("200000")}]
    assert est.inputs.get("offshore_usd") == Decimal("1500000")
    assert "previous_offshore_usd" not in est.inputs
