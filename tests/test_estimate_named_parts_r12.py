"""Named parts kept and corrected (round 12): fairs told one by one with their places, the travel part of a
fair's total taken out, the region said with a total kept for each fair's cost, a platform's part corrected
alone. New wording, not the case files'."""

from decimal import Decimal

from bot.estimate.session import EstimateSession, calculator_inputs


def started(text):
    return EstimateSession.start(text)


def total(session) -> Decimal:
    return Decimal(str(session.compute()["total_cny"]))


def test_two_fairs_told_one_by_one_with_their_places():
    """「一场是国外的…另一场是国内的…」: two fairs, each its own eligible costs; travel and meals named, not counted."""
    s = started(
        "今年跑了两个商务部门指定的展会 一场是国外的 展位费4万 特装费0.8万 酒店机票2.5万；"
        "另一场是国内的 报名费1500 展位费12000 用餐2500 这两场一共能补多少"
    )
    fairs = s.inputs["fairs"]
    assert [(f["region"], f["cost_cny"]) for f in fairs] == [
        ("overseas", Decimal("48000")),
        ("domestic", Decimal("13500")),
    ]
    assert s.clarify is None  # not asked again
    assert total(s) == Decimal("33600") + Decimal("9450")
    said = " ".join(s.notes)
    assert "酒店机票2.5万元" in said and "用餐2,500元" in said and "不计入补贴基数" in said
    assert all(f["cost_cny"] != Decimal("15500") for f in fairs)  # 用餐 is no part of the domestic fair


def test_travel_part_of_a_fair_total_is_taken_out():
    """「那7万当中有1.5万是住宿和机票」 after a fair of 7万: 7万 − 1.5万 = 5.5万, the 1.5万 named as not covered."""
    s = started("去了一个境外的指定展会 总共花了7万 能补多少")
    assert s.inputs["fairs"][0]["cost_cny"] == Decimal("70000")
    s.handle("对了 那7万当中有1.5万是住宿和机票 其余的都是展位和布展", "inform")
    assert [f["cost_cny"] for f in s.inputs["fairs"]] == [Decimal("55000")]
    assert total(s) == Decimal("38500")  # 5.5万 × 70%, under the overseas per-fair cap
    note = next(n for n in s.notes if "住宿和机票1.5万元" in n)
    assert "7万元 − 1.5万元 = 5.5万元" in note
    assert total(s) != Decimal("49000")  # never 7万 × 70%


def test_travel_part_named_without_the_total_needs_one_fair():
    """「其中差旅8000」 after one domestic fair of 2.5万: that fair, 2.5万 − 8,000."""
    s = started("参加了国内一个指定展会 花了2.5万 能补多少")
    s.handle("其中差旅8000 剩下都是展位费", "inform")
    assert [f["cost_cny"] for f in s.inputs["fairs"]] == [Decimal("17000")]
    assert total(s) == Decimal("11900")


def test_travel_total_that_matches_no_fair_is_not_taken_out():
    """A total the user never told for a fair (8万, the fair was 5万) is no part of it: nothing subtracted."""
    s = started("参加了境外一个指定展会 花了5万 能补多少")
    s.handle("那8万里面有2万是机票", "inform")
    costs = [f["cost_cny"] for f in s.inputs.get("fairs") or []]
    assert Decimal("30000") not in costs and Decimal("60000") not in costs  # 5万 − 2万, 8万 − 2万


def test_region_said_with_a_total_is_kept_for_each_fairs_cost():
    """「4场国外展…合计20万」 then each fair's cost: all overseas, the region not asked again."""
    s = started("今年去了4场国外的指定展会 展位和特装合计20万 能补多少")
    assert s.clarify and s.clarify["kind"] == "each_cost"
    assert "境外4场" in s.clarify["question"]
    s.handle("分别是3万 6万 8万 3万", "inform")
    assert s.clarify is None
    assert [(f["region"], f["cost_cny"]) for f in s.inputs["fairs"]] == [
        ("overseas", Decimal("30000")),
        ("overseas", Decimal("60000")),
        ("overseas", Decimal("80000")),
        ("overseas", Decimal("30000")),
    ]
    assert total(s) == Decimal("21000") + Decimal("42000") + Decimal("50000") + Decimal("21000")


def test_platform_part_corrected_alone():
    """「设备120万 软件40万」 then 「软件其实是64万」: 120万 + 64万 = 184万 × 30%; never 64万 alone."""
    s = started("建了一个服务外包公共技术服务平台 设备购置120万 正版软件40万 能补多少")
    assert total(s) == Decimal("480000")
    s.handle("说错了 软件其实是64万", "correct_value")
    assert [p["cost_cny"] for p in s.inputs["platforms"]] == [Decimal("1840000")]
    assert total(s) == Decimal("552000")
    assert total(s) != Decimal("192000")  # 64万 × 30%: the whole platform replaced by one part
    assert "同一个平台的120万元、64万元合计184万元" in s.notes
    assert not any(n.endswith("合计160万元") for n in s.notes)  # the old sum is not left standing
    assert "_parts" not in calculator_inputs(s.inputs)["platforms"][0]


def test_platform_whole_cost_corrected_drops_its_parts():
    """「不对 整个平台是150万」 replaces the platform's cost; its old parts do not come back with a later part."""
    s = started("建了一个服务外包公共信息服务平台 服务器90万 软件30万 能补多少")
    s.handle("不对 是150万", "correct_value")
    assert [p["cost_cny"] for p in s.inputs["platforms"]] == [Decimal("1500000")]
    assert "_parts" not in s.inputs["platforms"][0]


def test_platform_parts_joined_in_one_figure_are_not_parts():
    """「硬件和软件一共200万 配套设施50万」: 200万 names no one part, so nothing is kept to correct by name."""
    s = started("公共技术服务平台 硬件和软件200万 配套设施50万 能补多少")
    assert [p["cost_cny"] for p in s.inputs["platforms"]] == [Decimal("2500000")]
    assert "_parts" not in s.inputs["platforms"][0]


def test_travel_said_besides_a_fair_is_not_taken_out_of_it():
    """「另外机票花了1.2万」 names no part inside the fair's cost: the fair's 4万 stays, nothing subtracted."""
    from bot.estimate.clauses.market_fairs import take_out

    fairs = [{"region": "overseas", "cost_cny": Decimal("40000")}]
    assert take_out(fairs, "另外机票花了1.2万") is None
    taken, note = take_out(fairs, "这4万其中签证和机票1.2万")
    assert [f["cost_cny"] for f in taken] == [Decimal("28000")]
    assert "签证和机票1.2万元" in note and "4万元 − 1.2万元 = 2.8万元" in note
    assert fairs[0]["cost_cny"] == Decimal("40000")  # the running list itself is not changed in place
