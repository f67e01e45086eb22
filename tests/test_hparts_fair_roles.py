"""Which part a figure belongs to in a message about fairs, and corrections said inside one message.

- figures of the business (今年/去年, 离岸/在岸, 执行额) never become a fair's cost;
- 哦不对 / 不是不是 / 哦第N场是 replace the figure of the same role, never add another;
- a count of fairs said is a constraint: costs joined by 加 are one fair's; what cannot be matched is asked.
"""

from decimal import Decimal as D

import pytest

from bot.estimate.understand import read
from bot.understand.retractions import without_retracted


def fairs(text):
    return [(f["region"], f["cost_cny"]) for f in read(text).fields.get("fairs", [])]


@pytest.mark.parametrize(
    "text, expected, business",
    [
        (
            "今年在岸执行额1500万 去年1300万 另外去新加坡参加了一个展会 展位费4万 特装1万",
            [("overseas", D(50000))],
            {"onshore_cny": D(15000000), "previous_onshore_cny": D(13000000)},
        ),
        (
            "我们今年境内大概3000万 去年2600万 然后参加了深圳的文博会 布展2万",
            [("domestic", D(20000))],
            {"onshore_cny": D(30000000), "previous_onshore_cny": D(26000000)},
        ),
        (
            "去年离岸120万美元 今年离岸160万美元 汇率都按7.1 还去了一趟德国参展 展位费6万",
            [("overseas", D(60000))],
            {"offshore_usd": D(1600000), "previous_offshore_usd": D(1200000)},
        ),
    ],
)
def test_business_figures_never_become_fair_costs(text, expected, business):
    out = read(text)
    assert [(f["region"], f["cost_cny"]) for f in out.fields["fairs"]] == expected
    for key, value in business.items():
        assert out.fields[key] == value


def test_a_fair_told_in_a_year_is_still_a_fair():
    assert fairs("去年参加了一个境内展会 花了2万 今年去了新加坡的展会 展位费6万") == [
        ("domestic", D(20000)),
        ("overseas", D(60000)),
    ]


@pytest.mark.parametrize(
    "text, fields",
    [
        ("离岸执行额120万美元 噢不对 我再核对了一下 是135万美元 汇率7.1", {"offshore_usd": D(1350000)}),
        ("今年境内2500万 去年2100万 哦不是不是 去年是2200万", {"previous_onshore_cny": D(22000000)}),
        (
            "今年境内2000万 去年1800万 不对不对 今年是2100万",
            {"onshore_cny": D(21000000), "previous_onshore_cny": D(18000000)},
        ),
        ("离岸150万美元 噢不是不是 是180万美元 汇率7.1", {"offshore_usd": D(1800000)}),
    ],
)
def test_a_figure_corrected_in_the_message_is_replaced(text, fields):
    out = read(text)
    for key, value in fields.items():
        assert out.fields[key] == value


def test_a_question_corrected_after_its_words_is_not_a_claim_taken_back():
    text = "离岸今年240万美元 汇率7.1 创新发展奖励也一起算下 总共多少美金...啊不是 总共多少人民币"
    assert "240万美元" in without_retracted(text)


def test_the_earlier_figure_of_the_role_named_gives_way_not_the_last():
    out = without_retracted("我们今年在岸3000万 离岸200万美元 哦不是不是 在岸是3200万")
    assert "3000万" not in out and "离岸200万美元" in out and "在岸是3200万" in out and "今年" in out


@pytest.mark.parametrize(
    "text, expected",
    [
        ("境外展会两场 展位费分别是4万和7万 哦第一场是4.5万", [("overseas", D(45000)), ("overseas", D(70000))]),
        ("境内展会两场 费用分别是1.2万和3万 哦第二个应该是2.6万", [("domestic", D(12000)), ("domestic", D(26000))]),
    ],
)
def test_an_ordinal_fair_said_again_replaces_its_cost(text, expected):
    assert fairs(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("参加了两场境内展会：一场展位费1.8万 一场展位费1万加特装费6000", [D(18000), D(16000)]),
        ("国内的两场 一场展位1.2万 一场展位8000外加宣传推广3000", [D(12000), D(11000)]),
        ("境外两场 一场展位费5万 另一场展位费3万 特装2万", [D(50000), D(50000)]),
    ],
)
def test_costs_of_one_fair_said_together_keep_the_count(text, expected):
    assert [c for _, c in fairs(text)] == expected


@pytest.mark.parametrize(
    "text, n",
    [
        ("境外去了4个展会 费用分别5万、3万、2万、6万", 4),
        ("两个问题 1.CMMI3认证费20万能补多少 2.境内参加了2个展会 费用分别1万、2.5万", 2),
        ("三个问题 1.平台硬件100万 2.参加了3个境内展会 可补的费用分别1万、2万、3万 3.租金怎么算", 3),
    ],
)
def test_each_figure_of_a_counted_list_is_one_fair(text, n):
    assert len(fairs(text)) == n


def test_a_count_the_costs_cannot_meet_is_asked_with_the_figures():
    out = read("境内三场 展位费分别是2万和3万")
    assert "fairs" not in out.fields
    asked = " ".join(c.question for c in out.clarifications)
    assert "3场" in asked and "2万" in asked and "3万" in asked


@pytest.mark.parametrize(
    "text, expected",
    [
        ("境内展会两场 第一场展位费2万 第二场展位费3万 哦第二场是2.8万", [D(20000), D(28000)]),
        ("境外展会 第一场展位费5万 第二场展位费4万 更正一下 第一场是5.5万", [D(40000), D(55000)]),
        ("境内展会 第一场展位费2万 第二场展位费3万 第一场还有布展1万", [D(30000), D(30000)]),
    ],
)
def test_a_fair_named_by_its_ordinal_again_is_that_fair(text, expected):
    assert [c for _, c in fairs(text)] == expected
