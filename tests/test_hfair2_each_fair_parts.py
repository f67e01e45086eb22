"""三（五） fairs (own wording, not the case files'):

- 「N场 每场展位费X 特装Y」: costs of other kinds said after 每场 are one fair's parts, every fair the same — N fairs
  of X+Y each, never N read as the number of figures said;
- 「境外每场最高5万是吧」 beside a fair's own itemised costs quotes the policy's cap: it is no cost and no fair;
- costs told one per fair (分别), a part said of some fairs only (其中一场…), or costs that do not fit the count are
  never spread: one per fair in order, or asked;
- a note line over a pasted table is no header; a list's next item number after 「去年没有离岸」 is no figure.
"""

from collections import Counter
from decimal import Decimal as D

import pytest

from bot.estimate.reading import figures as parse_figures
from bot.estimate.policy_figures import is_policy_figure
from bot.estimate.session import EstimateSession
from bot.estimate.tables import read_labelled_rows
from bot.estimate.understand import read


def fairs(text):
    r = read(text)
    return Counter((f["region"], f["cost_cny"]) for f in r.fields.get("fairs", [])), r


def total(text):
    s = EstimateSession.start(text)
    assert not s.clarify and not s.missing(), s.question()
    return D(str(s.compute()["total_cny"]))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("境内3场 每场展位费2万 特装1万 能补多少", {("domestic", D(30000)): 3}),
        ("今年去了5场国内展会，每场展位费1.5万，布展费5000，宣传推广3000，补多少", {("domestic", D(23000)): 5}),
        ("参加了4个境外展会 每场注册费1万 展位费3万 特装2万 能补多少", {("overseas", D(60000)): 4}),
        ("国内展会6场，单场展位费都是2万，特装另外8千，能补多少", {("domestic", D(28000)): 6}),
        ("境外两场展会 每场展位费4万 另外特装1.5万 机票酒店2万 能拿多少", {("overseas", D(55000)): 2}),
        ("境内2场，每场展位费2万，每场布展1万", {("domestic", D(30000)): 2}),
        ("境外2场：每场展位费3万、特装1.5万、宣传0.5万、机票2万", {("overseas", D(50000)): 2}),
        ("境内展会4场 每场都是展位费1万加特装5000", {("domestic", D(15000)): 4}),
    ],
)
def test_parts_said_after_each_fair_are_every_fairs_parts(text, expected):
    got, r = fairs(text)
    assert got == expected
    assert not r.clarifications


def test_count_of_fairs_with_parts_each_is_the_count_not_the_figures():
    """「12场 每场展位费2.5万 特装另外1万」: twelve fairs, each 3.5万 — each capped at 2万, the domestic year at 20万."""
    assert total("今年国内参加了12场指定展会，每场展位费2.5万，特装另外1万，能补多少") == D(200000)
    assert total("境外参展3场 每场展位费3万 宣传推广5000 能补多少") == D(73500)  # 3 × 3.5万 × 70%


@pytest.mark.parametrize(
    "text, expected, award",
    [
        ("去东京参展 展位费3万 特装2万 宣传1万 境外每场最多补5万对吧", ("overseas", D(60000)), D(42000)),
        ("深圳文博会 展位费1.5万 特装0.8万 境内单场最高2万是吗 能补多少", ("domestic", D(23000)), D(16100)),
        ("境内展会一场 展位费2.5万 布展1万 国内每场最高补2万吧 补多少", ("domestic", D(35000)), D(20000)),
        ("国内展会 展位费3万 布展1.2万 政策最多补2万 能补多少", ("domestic", D(42000)), D(20000)),
        ("去迪拜参展 展位费3.2万 布展0.9万 机票1.5万 境外最高5万吗 能补多少", ("overseas", D(41000)), D(28700)),
    ],
)
def test_quoted_cap_beside_a_fairs_costs_is_no_cost(text, expected, award):
    got, r = fairs(text)
    assert got == {expected: 1}
    assert total(text) == award


def test_quoted_cap_beside_costs_each_fair():
    got, _ = fairs("境外2场 每场展位费6万 每场最高5万是吧")
    assert got == {("overseas", D(60000)): 2}


@pytest.mark.parametrize(
    "text, index",
    [
        ("境外每场最高5万是吧", 0),
        ("每人最多补3万对吧", 0),
        ("境内单场最高2万吗", 0),
        ("政策最多补2万", 0),
    ],
)
def test_quoted_cap_is_the_policys(text, index):
    figs = [f for f in parse_figures(text) if f.kind == "money"]
    assert is_policy_figure(text, figs[index])


@pytest.mark.parametrize(
    "text",
    [
        "三场展会 展位费最高5万 最低2万 都是国内的",  # the user's own highest and lowest cost
        "去年花在展会上的最多5万 今年8万",
        "展位费最高的一场5万",
    ],
)
def test_users_own_highest_figure_is_not_the_policys(text):
    figs = [f for f in parse_figures(text) if f.kind == "money"]
    assert not any(is_policy_figure(text, f) for f in figs)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "境内3场 展位费分别2万 3万 5万",
            {("domestic", D(20000)): 1, ("domestic", D(30000)): 1, ("domestic", D(50000)): 1},
        ),
        (
            "境外展3场 每场展位费分别是5万、6万、8万",
            {("overseas", D(50000)): 1, ("overseas", D(60000)): 1, ("overseas", D(80000)): 1},
        ),
        ("境内展会去了5场，每场3万元", {("domestic", D(30000)): 5}),
        ("两场境外展 一场展位费5万 另一场展位费3万 特装2万", {("overseas", D(50000)): 2}),
    ],
)
def test_one_cost_per_fair_is_not_summed(text, expected):
    got, _ = fairs(text)
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "两场境内展 每场展位费2万 其中一场还有特装1万",
        "境外两场 每场展位费3万 另一场特装1万",
        "境内3场 每场展位费2万 第三场还有布展5000",
        "境外3场 每场展位费3万 展位费2万",
    ],
)
def test_parts_of_some_fairs_only_are_asked_never_spread(text):
    got, r = fairs(text)
    assert not got
    assert r.clarifications and "每场的费用" in r.clarifications[0].question


def test_note_line_over_a_pasted_table_is_no_header():
    text = "下面是财务给的\t直接复制的\n展会\t地区\t费用(元)\n厦门投洽会\t境内\t28,000\n迪拜GITEX\t境外\t80,000"
    out = read_labelled_rows(text)
    assert "厦门投洽会（境内） 费用28,000元" in out and "迪拜GITEX（境外） 费用80,000元" in out


def test_next_list_number_after_no_offshore_is_no_figure():
    """「去年没有离岸」 then 「3. 境外展会…」 on the next line: 3 is the item's number, the year had no offshore."""
    s = EstimateSession.start(
        "请算一下：\n1. 在岸今年2000万，去年1800万\n2. 离岸今年80万美元（汇率7.1），去年没有离岸\n3. 境外展会一场 展位费4万\n合计多少"
    )
    assert s.inputs.get("previous_offshore_usd") == 0
    assert "fairs" in s.inputs


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Plus two domestic fairs, booth fees 30k and 15k RMB.",
            {("domestic", D(30000)): 1, ("domestic", D(15000)): 1},
        ),
        (
            "Three overseas expos: booth fee 40k RMB, 50k RMB and 60k RMB",
            {("overseas", D(40000)): 1, ("overseas", D(50000)): 1, ("overseas", D(60000)): 1},
        ),
        (
            "We went to 2 domestic trade shows, booth 25k and 18k RMB",
            {("domestic", D(25000)): 1, ("domestic", D(18000)): 1},
        ),
    ],
)
def test_english_count_of_fairs_spelled_or_in_digits(text, expected):
    """「two domestic fairs, booth fees 30k and 15k」: two fairs, never one fair of 45k."""
    got, _ = fairs(text)
    assert got == expected
