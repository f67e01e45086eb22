"""A contract amount said to hold onshore and offshore together is the whole amount for the rent subsidy
(三（八）3), never an offshore dollar figure; for an increment its split is still asked."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession

RENT = [
    ("入驻重点园区6年 合同执行额（在岸+离岸）大约2,400万元 面积700平 年租金84万 租金补贴多少", Decimal("24000000")),
    ("我们在园区4年了，执行额在岸加离岸合计1500万，租了650平米，一年房租45万，能补多少", Decimal("15000000")),
    ("房租补贴：入园满3年，今年合同额（含离岸）900万，面积1200平，年租金100万", Decimal("9000000")),
]


@pytest.mark.parametrize("text, amount", RENT)
def test_rent_contract_amount_holds_both_kinds(text, amount):
    est = EstimateSession.start(text)
    assert est.inputs.get("rent_contract_amount_cny") == amount
    assert "offshore_usd" not in est.inputs


def test_increment_with_a_mixed_total_is_asked_not_computed():
    est = EstimateSession.start("今年执行额在岸加离岸一共2000万 去年1500万 增量奖励多少")
    assert est.status != "done"
    assert "onshore_cny" not in est.inputs
