"""Figures read with their role (round 11): a count read with its noun, a range of costs, a total over
several named fairs, parts added to the fair told, the purchase part of a platform's total. New wording,
not the case files'."""

from decimal import Decimal

from bot.estimate.session import EstimateSession
from bot.estimate.understand import read
from bot.understand.facts import read_facts


def test_count_of_universities_is_not_the_interns():
    """「和四所学院签了协议」: 四所 counts schools; the interns are the 26 名, never 4."""
    facts = read_facts("实习生这边 和四所学院签了三年协议 今年带了26名实习生 补贴怎么算")
    assert facts["interns_per_year"].lo == Decimal("26")
    s = EstimateSession.start("实习生这边 和四所学院签了三年协议 今年带了26名实习生 有些还没毕业 补贴怎么算")
    assert s.inputs["interns_per_year"] == 26
    assert "qualified_interns" not in s.inputs  # 「有些」 is no number: asked, not guessed
    assert "应届" in s.question() and "26名" in s.question()


def test_total_over_several_named_fairs_is_asked_per_fair():
    """「两场境外展 首尔 曼谷 …合计18万」: never one fair of 18万 (each fair has its own cap)."""
    r = read("今年去了两场境外展 首尔 曼谷 都是指定展会 展位和布展合计18万 能补多少")
    assert "fairs" not in r.fields
    assert r.clarifications and "每场" in r.clarifications[0].question
    assert "126,000" not in r.clarifications[0].question


def test_fairs_counted_again_after_being_told_are_not_more_fairs():
    """「…还有一场日本的5万 这三场都是指定的」: three fairs told, 三场 restates them."""
    r = read("国内参展两次 一次3万一次1.5万 都是展位费 还有一场日本的5万 这三场都是指定的 一共能补多少")
    assert [(f["region"], f["cost_cny"]) for f in r.fields["fairs"]] == [
        ("domestic", Decimal("30000")),
        ("domestic", Decimal("15000")),
        ("overseas", Decimal("50000")),
    ]
    assert not r.clarifications


def test_range_past_the_cap_is_every_fair_capped_not_two_fairs():
    """「10场 每场4万至6万」: each fair's 70% is past the domestic cap, so ten capped fairs; never 2 fairs."""
    s = EstimateSession.start("境内参加了10场指定展会 每场展位特装费4万至6万 能补多少")
    fairs = s.inputs["fairs"]
    assert len(fairs) == 10 and all(f["region"] == "domestic" for f in fairs)
    result = s.compute()
    assert Decimal(str(result["total_cny"])) == Decimal("200000")  # 10 × 2万, the domestic annual cap


def test_range_below_the_cap_is_asked_per_fair():
    """「每场1.5万到4万」: some fairs may be under the cap, so each fair's cost is asked, the range named."""
    r = read("境内参展5场 每场1.5万到4万 补多少")
    assert "fairs" not in r.fields
    q = r.clarifications[0].question
    assert "1.5万元到4万元" in q and "每场" in q


def test_parts_added_later_go_to_the_fair_told():
    """「另外宣传推广费1万 特装6千 也要算」 after one overseas fair: added to it, its place kept."""
    s = EstimateSession.start("去迪拜参展 商务部门指定的 展位费4万 机票住宿1.5万 补贴多少")
    assert s.inputs["fairs"] == [{"region": "overseas", "cost_cny": Decimal("40000")}]
    s.handle("另外宣传推广费1万 特装6千 也要算")
    assert [(f["region"], f["cost_cny"]) for f in s.inputs["fairs"]] == [("overseas", Decimal("56000"))]
    assert not s.clarify


def test_purchase_part_of_a_platform_total_replaces_it():
    """「500万里有120万是人工和场地租金 其余380万都是硬件设备和软件」: 380万, never rent of 380万."""
    s = EstimateSession.start("公共服务平台一共投了500万 补贴多少")
    s.handle("500万里有120万是人员工资和租金 其余380万都是硬件设备和软件")
    assert s.inputs["platforms"] == [{"cost_cny": Decimal("3800000")}]
    assert "rent_annual_cny" not in s.inputs


def test_rent_after_a_multi_year_lease_is_asked_annual_or_total():
    """「租约签了五年 租金150万」: a year's rent or the five years', unsaid: asked naming 150万, no amount."""
    s = EstimateSession.start("入驻市级重点园区两年 合同执行额900万 面积600平 租约签了五年 租金150万 补贴多少")
    assert "rent_annual_cny" not in s.inputs
    assert any("150万" in p and "每年" in p and "5年" in p for p in s.problems)


def test_yearly_rent_beside_a_lease_term_is_taken():
    """「租期三年 年租金48万」: 年租金 says it is a year's rent."""
    s = EstimateSession.start("入驻市级重点园区两年 合同执行额900万 面积600平 租期三年 年租金48万 补贴多少")
    assert s.inputs["rent_annual_cny"] == Decimal("480000")


def test_detail_about_one_fair_keeps_the_others():
    """「国外那场8万全是展位费」 after two domestic fairs and one overseas: all three stay."""
    first = EstimateSession.start("境内参展两场 分别2.5万和3.5万 境外去了一场 费用8万 都是指定展会 补贴一共多少")
    told = first.inputs["fairs"]
    assert len(told) == 3
    s = EstimateSession.start("国外那场8万全是展位费", running=first.inputs)
    assert s.inputs["fairs"] == told
    assert s.status == "done"


def test_range_fairs_are_described_as_the_range():
    """The restatement names the range the user gave, not a cost per fair the user never said."""
    from bot.estimate.session import restate

    s = EstimateSession.start("境内参加了6场指定展会 每场展位特装费3.5万到5万之间 能补多少")
    said = restate(s.inputs)
    assert "6场（每场3.5万元到5万元）" in said
    assert "3.5万元、3.5万元" not in said


def test_a_count_with_a_new_place_is_new_fairs_not_the_ones_told():
    """「大阪两场是境外的各7万；武汉、长沙两场境内的各3万」: the second 两场 names new fairs (a new region)."""
    r = read("大阪两场是境外的，各花了7万；武汉和长沙两场国内的，各3万", "fairs")
    assert sorted((f["region"], f["cost_cny"]) for f in r.fields["fairs"]) == [
        ("domestic", Decimal("30000")),
        ("domestic", Decimal("30000")),
        ("overseas", Decimal("70000")),
        ("overseas", Decimal("70000")),
    ]
