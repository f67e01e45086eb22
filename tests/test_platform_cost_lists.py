"""三（九） costs pasted as a list under a heading with its unit, each with wording written for the test: the heading's
unit (「（单位w）」「单位：万元」「明细（万元）」) given to each bare figure below it; 场地租金 in the platform's list is
the platform's cost named as not covered, never the park rent of 三（八）3; wages of R&D staff are no R&D spending;
an own development (「自研…开发投入」) is no purchase; 实训设备 is a platform's purchase, no 三（七）4 internship."""

from decimal import Decimal

from bot.estimate.items import detect_items
from bot.estimate.session import EstimateSession
from bot.estimate.tables import read_unit_heading
from bot.nlu.normalize import normalize


def platform_costs(s):
    return [p["cost_cny"] for p in s.inputs.get("platforms", [])]


class TestUnitHeading:
    def test_each_bare_figure_under_the_heading_gets_its_unit(self):
        out = read_unit_heading("平台采购明细（单位：万元）\n服务器 200\n正版软件 45.5\n能补多少")
        assert "服务器 200万元\n正版软件 45.5万元\n能补多少" == out.split("\n", 1)[1]

    def test_a_figure_with_its_own_unit_and_lines_after_the_list_are_left(self):
        out = read_unit_heading("投入（w）:\n硬件 300\n软件 80万元\n另外 50")
        assert "软件 80万元" in out and "另外 50" == out.split("\n")[-1]

    def test_no_heading_no_unit(self):
        assert "硬件 300\n软件 80" == read_unit_heading("硬件 300\n软件 80")


class TestPlatformList:
    LIST = "信息服务平台投入明细，单位万元：\n网络设备 260\n配套机房 40\n正版数据库软件 100\n运维人员工资 90\n场地租金 35\n补贴多少"

    def test_only_purchases_are_counted(self):
        s = EstimateSession.start(self.LIST)
        assert ["3.9"] == s.items
        assert [Decimal("4000000")] == platform_costs(s)  # 260 + 40 + 100 万
        assert any("工资" in n and "租金" in n for n in s.notes)

    def test_rent_of_the_platform_names_no_rent_subsidy(self):
        assert ["3.9"] == detect_items(normalize(self.LIST))

    def test_wages_of_rd_staff_are_no_rd_spending(self):
        s = EstimateSession.start(
            "公共服务平台：服务器 300万，正版软件 100万，平台研发人员工资 150万，房租 20万，补贴多少"
        )
        assert not any("研发投入" in n for n in s.notes)

    def test_an_own_development_is_no_purchase(self):
        s = EstimateSession.start(
            "建了一个公共培训服务平台：实训设备采购80万，正版软件30万，另外自主开发的教学系统开发投入60万，平台补贴多少"
        )
        assert ["3.9"] == s.items  # 实训设备 is no internship
        assert [Decimal("1100000")] == platform_costs(s)
