"""A total said with its parts listed beside it (「总投入650万 明细是：硬件300万 …」「一共28万，其中CMMI 20万、ISO27001
8万」「硬件300万 软件120万 合计420万」) is the parts' whole, never one more cost added to them, for any item
(bot/estimate/whole_of_parts.py); a total of one named certificate holds its fees (「CMMI3认证总共花了30万，包括咨询费20万
和评估费10万」)."""

from decimal import Decimal

import pytest

from bot.estimate.items import detect_items
from bot.estimate.understand import read


def _reading(said):
    return read(said, items=detect_items(said))


def _platform_costs(said):
    return [p["cost_cny"] for p in _reading(said).fields.get("platforms", [])]


@pytest.mark.parametrize(
    "said, costs",
    [
        (  # R62E019: 工资、房租 inside the total, neither added nor bought
            "我们在建一个服务外包公共技术服务平台 总投入650万 明细是：服务器等硬件300万 商品化正版软件120万 机房配套设施80万 "
            "平台人员工资90万 场地房租60万 平台建设补贴能拿多少",
            [Decimal("5000000")],
        ),
        (
            "我们建了信息服务平台，一共投入了480万，包括：服务器 200万、正版数据库软件 150万、配套机柜空调 50万、运维人员薪酬 80万",
            [Decimal("4000000")],
        ),
        (
            "公共培训服务平台 total investment 600万, breakdown: hardware 350万 software 150万 rent 100万, how much subsidy",
            [Decimal("5000000")],
        ),
        (
            "平台总投资９００万元，其中服务器４００万元、正版软件２００万元、配套设施１００万元、人员工资２００万元，补贴多少",
            [Decimal("7000000")],
        ),
        ("培训服务平台 硬件300万 软件120万 合计420万 能补多少", [Decimal("4200000")]),
    ],
)
def test_a_platform_total_is_the_whole_of_its_listed_parts(said, costs):
    assert _platform_costs(said) == costs


def test_the_total_is_named_in_a_note():
    notes = _reading("培训服务平台 硬件300万 软件120万 合计420万 能补多少").notes
    assert any("420万元是所列各项" in n for n in notes)


def test_certificates_listed_under_a_total():
    certs = _reading("认证费用一共28万，其中CMMI 20万、ISO27001 8万，能补多少").fields["certifications"]
    assert [c["cost_cny"] for c in certs] == [Decimal("200000"), Decimal("80000")]


def test_one_certificate_holds_its_fees():
    certs = _reading("CMMI3认证总共花了30万，包括咨询费20万和评估费10万").fields["certifications"]
    assert [c["cost_cny"] for c in certs] == [Decimal("300000")]


def test_fairs_under_their_total():
    fairs = _reading("今年两场境外展会总共花了16万 其中迪拜7万 东京9万 都是指定的 能补多少").fields["fairs"]
    assert [f["cost_cny"] for f in fairs] == [Decimal("70000"), Decimal("90000")]


@pytest.mark.parametrize(
    "said",
    [
        "平台总投入650万 其中硬件300万 软件120万",  # parts that do not add up: left to the readers
        "今年总执行额2000万，其中在岸1600万 离岸400万",  # a year's business: total_parts.py
    ],
)
def test_no_whole_when_the_parts_do_not_add_up_or_are_business(said):
    assert not any("是所列各项" in n for n in _reading(said).notes)


@pytest.mark.parametrize(
    "opening, answer, cost",
    [
        ("平台总投入650万 其中硬件300万 软件120万 平台补贴多少", "其余230万是人员工资和房租", Decimal("4200000")),
        ("平台总投入650万 其中硬件300万 软件120万 平台补贴多少", "剩下230万也是配套设施的采购", Decimal("6500000")),
        (
            "我们的公共技术服务平台一共投了800万，包括服务器400万、正版软件150万，能补多少",
            "购置费用就这550万，其余是人工",
            Decimal("5500000"),
        ),
        (
            "public platform total 500万, including servers 200万 and licensed software 100万, subsidy?",
            "the rest 200万 is salaries",
            Decimal("3000000"),
        ),
    ],
)
def test_parts_that_do_not_fill_the_total_ask_the_rest(opening, answer, cost):
    from bot.estimate.session import EstimateSession

    s = EstimateSession.start(opening)
    assert s.clarify and s.clarify["kind"] == "platform_breakdown"
    assert "其余" in s.clarify["question"] and not s.inputs.get("platforms")
    s.handle(answer)
    assert [p["cost_cny"] for p in s.inputs["platforms"]] == [cost]
