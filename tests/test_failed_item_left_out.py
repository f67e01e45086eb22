"""An item the stated facts rule out is left out of the calculation, named with its verdict, when the calculator
would refuse its incomplete figures (the rent without its area): the other items are still estimated."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession

CASES = [
    (
        "我们是2026年新成立的公司，今年离岸执行额260万美元，汇率7.0，没有在岸业务。另外在市级服务外包重点园区"
        "租了办公室，入驻才半年，年租金60万，能拿多少？",
        Decimal("2366000"),
    ),
    (
        "今年离岸300万美元，汇率按7.1算，去年没有业务是新设立的企业。公司在国家级服务外包示范园区里，刚搬进去一年，"
        "房租每年45万，这些一共能补多少",
        Decimal("2639000"),
    ),
]


@pytest.mark.parametrize("text,total", CASES)
def test_ruled_out_item_does_not_block_the_others(text, total):
    s = EstimateSession.start(text)
    assert s.status == "done" and "3.8.3" in s.failed()
    result = s.compute()
    assert Decimal(str(result["total_cny"])) == total
    assert "3.8.3" not in [i["code"] for i in result["items"]]
    assert any(n.startswith("租金补贴不符合条件：入驻三年以上") and "未计入测算" in n for n in s.notes)
    assert not any("已享受过的租金补贴年数" in n for n in s.notes)


@pytest.mark.parametrize(
    "text,floor",
    [
        ("我们在市级服务外包重点园区入驻4年了 合同执行额一年900多万 年租金80万 租金补贴能给多少", "9000000"),
        ("园区入驻5年，执行额每年六百多万，房租一年50万，租金补贴有多少", "6000000"),
    ],
)
def test_contract_floor_with_its_year_is_never_the_rent(text, floor):
    s = EstimateSession.start(text)
    assert s.inputs["rent_contract_amount_cny"] == Decimal(floor)
    assert "3.8.3" not in s.failed() and s.pending == "rent_area_m2"
