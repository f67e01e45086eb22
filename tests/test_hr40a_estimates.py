"""Round-40 reading fixes (own wording, not the case files'):

- 三（五）「境内N场 费用分别是a b c」 followed by fairs told one by one: N fairs of one cost each, never one fair of
  a + b + c; a single fair's parts said side by side stay one fair.
"""

from collections import Counter
from decimal import Decimal as D

import pytest

from bot.estimate.understand import read


def fairs(text):
    r = read(text)
    return Counter((f["region"], f["cost_cny"]) for f in r.fields.get("fairs", [])), r


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "去了4场国内展会 花费依次是1万 2万 3万 4万 都是展位费；国外展会1场 在迪拜 展位费6万 机票2万",
            {
                ("domestic", D(10000)): 1,
                ("domestic", D(20000)): 1,
                ("domestic", D(30000)): 1,
                ("domestic", D(40000)): 1,
                ("overseas", D(60000)): 1,
            },
        ),
        (
            "境外展会两场 费用分别为8万、3万 都是展位费；境内一场在上海 展位费2万 布展1万",
            {("overseas", D(80000)): 1, ("overseas", D(30000)): 1, ("domestic", D(30000)): 1},
        ),
        (
            "指定展会 境内3场 花费分别是2万 5万 1.5万 境外两场 一场在日本 展位费一共7万 另一场在法国 宣传推广费4万",
            {
                ("domestic", D(20000)): 1,
                ("domestic", D(50000)): 1,
                ("domestic", D(15000)): 1,
                ("overseas", D(70000)): 1,
                ("overseas", D(40000)): 1,
            },
        ),
    ],
)
def test_costs_listed_one_per_fair_beside_fairs_told_one_by_one(text, expected):
    got, r = fairs(text)
    assert got == expected
    assert not any("同一场活动的" in n and "、" in n and "展位费2万" not in n for n in r.notes)


def test_fewer_costs_than_fairs_listed_still_asked():
    got, r = fairs("境内3场 费用分别是2.5万 4万 都是展位费；境外一场 德国 展位费5万")
    assert ("domestic", D(65000)) not in got
    assert r.clarifications


def trainees(text):
    from bot.estimate.session import EstimateSession

    return EstimateSession.start(text).inputs.get("institution_trainees")


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "两个主体一起问 公司今年CMMI新认证花了10万 我们的培训学校是认定的服务外包培训机构 培训学员考核通过 大专以上 "
            "签了一年以上劳动合同的有35个 两个主体各多少",
            35,
        ),
        (
            "问两家的 我们是认定的服务外包培训机构 今年培训学员考核合格的有60人 都是本科 签了两年劳动合同 两家各能拿多少",
            60,
        ),
        ("认定的服务外包培训机构 培训考核通过的学员25名 大专以上 劳动合同都一年以上", 25),
    ],
)
def test_count_of_applicants_is_no_trainee_count(text, expected):
    """「两个主体」「两家」 count applicants, never trainees: the trainees are the count said of them."""
    assert trainees(text) == expected


def fields(text):
    return read(text).fields


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "乙企业实训协议签了三年 今年接收实习生24名 其中20个是本科应届生 实习超过3个月 社保交满6个月 另外4个是中专",
            20,
        ),
        ("实训协议3年 今年接了25个实习生 其中20个是本科应届生 实习4个月 社保交了半年 还有5个是高中", 20),
        ("实训协议3年 今年接了25个实习生 其中22个符合条件的应届生 另外3个是往届的", 22),
        # negatives: the qualified count said after the failing part, or alone, is unchanged
        ("实训协议3年 今年接了20个实习生 其中2个是中专 其余18个都是大专以上应届生 实习4个月 社保交满6个月", 18),
        ("实训协议3年 每年收实习生30个 其中应届大专以上 实习超3个月 社保满6个月的有26个", 26),
    ],
)
def test_failing_part_count_is_not_the_qualified_count(text, expected):
    """「其中18个是大专以上应届生…另外2个是中专」: the 2 fail 大专以上, they are never the graduates counted."""
    assert fields(text)["qualified_interns"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "乙公司实训协议三年 今年接收实习生30名 其中26个是本科应届生 实习超过3个月 社保满6个月 另外4个是高中 两家各补多少",
            26,
        ),
        ("实训协议3年 今年接了25个实习生 其中22个符合条件的应届生 两个主体各补多少", 22),
    ],
)
def test_count_of_applicants_is_no_graduate_count(text, expected):
    """「两家各补多少」「两个主体」 after the graduates counted: applicants, never graduates."""
    from bot.estimate.session import EstimateSession

    assert EstimateSession.start(text).inputs["qualified_interns"] == expected


def platforms(text):
    from bot.estimate.session import EstimateSession

    s = EstimateSession.start(text)
    return [p["cost_cny"] for p in s.inputs.get("platforms", [])], s


@pytest.mark.parametrize(
    "text, expected, left_out",
    [
        (
            "建了一个服务外包公共培训服务平台 服务器300万 正版软件50万 平台运营推广费40万 员工工资60万 能补多少",
            [D(3500000)],
            "平台运营推广费40万",
        ),
        ("公共信息服务平台 硬件200万 正版软件60万 平台宣传费20万 运维费10万", [D(2600000)], "平台宣传费20万"),
        ("建了公共技术服务平台 服务器200万 平台软件授权费40万 能补多少", [D(2400000)], None),
        # negatives: a second platform, named or counted, stays a second platform
        ("建了个公共技术服务平台 硬件100万；另外还建了一个培训平台 平台硬件50万", [D(1000000), D(500000)], None),
        ("公共技术服务平台硬件100万 培训服务平台硬件50万", [D(1000000), D(500000)], None),
    ],
)
def test_platform_costs_that_are_no_purchase_and_no_second_platform(text, expected, left_out):
    """「平台运营推广费50万」 is the platform's running cost (not listed by 三（九）), never a second platform."""
    got, s = platforms(text)
    assert got == expected
    if left_out:
        assert any(left_out in n and "不在第三条第（九）项列明的购置费用内" in n for n in s.notes)


def test_one_summed_figure_of_a_platform_corrected():
    """「授权是70万 不是90万」 after 260万 + 90万 + 30万 told with no part names: 360万, never 70万 alone."""
    got, s = platforms("建了公共信息服务平台 服务器存储260万 正版数据库授权90万 UPS空调配套30万 能补多少")
    assert got == [D(3800000)]
    s.handle("不对 数据库授权是70万 不是90万", "correct_value")
    assert [p["cost_cny"] for p in s.inputs["platforms"]] == [D(3600000)]
    assert D(str(s.compute()["total_cny"])) == D(1080000)
    assert not any(n.endswith("合计380万元") for n in s.notes)


def test_correction_of_a_figure_not_summed_is_unchanged():
    got, s = platforms("建了公共信息服务平台 服务器存储260万 正版数据库授权90万 UPS空调配套30万 能补多少")
    s.handle("不对 是400万 不是380万", "correct_value")
    assert [p["cost_cny"] for p in s.inputs["platforms"]] == [D(4000000)]


@pytest.mark.parametrize(
    "text, year, offshore, previous",
    [
        (
            "我们23年离岸刚好100万美元 22年离岸80万美元 在岸两年都是500万 汇率两年都按6.45算 各多少",
            2023,
            1000000,
            800000,
        ),
        ("公司24年离岸150万美元 23年离岸120万美元 汇率都按7.1 增量奖励多少", 2024, 1500000, 1200000),
    ],
)
def test_two_digit_year_after_we_is_a_year(text, year, offshore, previous):
    """「我们23年离岸…22年离岸…」: 23年 after 我们 is 2023 like 22年 after a space; the years never mixed up."""
    from bot.estimate.session import EstimateSession

    s = EstimateSession.start(text)
    assert s.inputs["year"] == year
    assert s.inputs["offshore_usd"] == D(offshore) and s.inputs["previous_offshore_usd"] == D(previous)


def test_years_of_experience_stay_a_duration():
    from bot.estimate.session import EstimateSession

    s = EstimateSession.start("我们有12年离岸经验 今年离岸150万美元 汇率7.1")
    assert s.inputs.get("year") != 2012 and s.inputs["offshore_usd"] == D(1500000)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("技术先进型服务企业我们2019年就认定过了 今年还有奖励吗", False),
        ("技术先进型资格我们前年就拿到了 今年还能拿10万吗", False),
        ("技术先进型服务企业我们2021年认定过 今年还能拿吗", False),
        # negatives: a grant this year, or another title's past grant, stays as it was
        ("我们今年新获得了技术先进型服务企业资格 2019年就认定过高新了", True),
        ("技术先进型我们今年刚认定下来", True),
    ],
)
def test_tech_advanced_granted_in_a_past_year_is_not_new(text, expected):
    from bot.understand.facts import read_facts

    assert read_facts(text).get("tech_advanced_new") is expected


def test_park_operator_doing_outsourcing_itself_gets_enterprise_items():
    """「我们公司是园区运营方 自己也做软件外包」: an enterprise too — 三（四）、三（六） estimated, not refused."""
    from bot.estimate.session import EstimateSession

    s = EstimateSession.start(
        "我司作为园区运营企业 本身也承接服务外包业务 今年新获得技术先进型服务企业资格 ITSS新认证费20万 园区新认定为市级示范园区 能拿多少"
    )
    assert s.facts.get("applicant_itself_enterprise") is True
    assert not s.failed()
    assert D(str(s.compute()["total_cny"])) == D(100000) + D(140000) + D(200000)
