"""Round 48 (own wordings, not the case file's): a fair list whose unit is said once in its heading and whose items sit
under 境内/境外 heading lines.

1. 「（单位万元）」「（万元）」「单位：万」 before a list: each bare number after it is in that unit — never an item's
   number at a line's start, a count, a year or a rate; two units declared (a table's columns) change nothing.
2. Numbered lines 「1 服贸会 4.6」「1. 北京 3.5」 are one fair each; numbering may start again under a new heading.
3. The heading line above an item gives its region; fairs told unnumbered on a heading's own line are one each,
   with their own designation; a line 「以上境内12场都是商务部门指定的」 speaks of the items before it (以上 on the next
   line is no bound of the figure before it).
4. Travel in brackets is named as not covered by 三（五）, never added."""

from decimal import Decimal as D

from bot.estimate import fair_items
from bot.estimate.session import EstimateSession
from bot.estimate.unit_heading import apply
from bot.estimate.understand import read
from bot.nlu.normalize import normalize
from calculator.figures_zh import parse_figures


def total(text):
    s = EstimateSession.start(text)
    assert not s.clarify and not s.missing(), s.question()
    return D(str(s.compute()["total_cny"])), s


# 1. the unit said once
def test_unit_heading_writes_the_unit_after_bare_numbers():
    got = apply(normalize("费用明细（单位万元）：\n1 北京 4.6（另差旅1.1）\n2 大连 3\n以上2场都是指定的，汇率7.1"))
    assert "4.6万元" in got and "1.1万元" in got and "3万元" in got
    assert "1 北京" in got and "2 大连" in got and "2场" in got and "汇率7.1" in got


def test_unit_heading_forms():
    assert "6.5万元" in apply(normalize("参展费用（万元）：\n东京 6.5\n首尔 3"))
    assert "6.5万元" in apply(normalize("单位：万\n东京 6.5"))
    assert "2024年" in apply(normalize("单位：万元\n2024年去了东京 6.5"))
    assert "gitex 6.1万元" in apply(normalize("单位：万元\n迪拜GITEX 6.1"))


def test_no_declaration_or_two_units_change_nothing():
    for text in ("东京 6.5\n首尔 3", "在岸（万元） 离岸（万美元）\n2023 1800 120"):
        assert normalize(text) == apply(normalize(text))


# 2. numbered lines
def test_numbered_lines_with_a_space_or_a_stop():
    assert 3 == len(fair_items.groups(normalize("1 北京 3万\n2 上海 2万\n3 成都 1万")))
    assert 2 == len(fair_items.groups(normalize("1. 北京 3万\n2. 上海 2万")))
    assert [] == fair_items.groups(normalize("1.5万\n2.5万"))
    assert [] == fair_items.groups(normalize("差旅1.1）\n另外2.2）"))  # a figure's decimal part is no item number


def test_numbering_starts_again_under_a_new_heading_only():
    text = normalize("境内：\n1. 北京 3万\n2. 上海 2万\n境外：\n1. 东京 5万\n2. 首尔 4万")
    assert 4 == len(fair_items.groups(text))
    assert [] == fair_items.groups(normalize("1. 北京 3万\n2. 上海 2万\n1. 东京 5万"))


# 3. headings, unnumbered items, 以上
def test_headings_give_regions_and_numbering_restarts():
    text = (
        "今年参展明细（单位：万元）\n境内：\n1. 北京服贸会 3.5\n2. 上海进博会配套活动 2.4（另机票住宿0.9）\n"
        "3. 成都软件交易会 1.6\n境外：\n1. 东京IT周 9.2\n2. 迪拜GITEX 6.1\n都是商务局指定的。展会补贴能拿多少"
    )
    got, s = total(text)
    # 境内 20,000 + 16,800 + 11,200; 境外 50,000 + 42,700
    assert D(140700) == got
    assert any("机票住宿9,000元" in n and "不计入" in n for n in s.notes)


def test_heading_line_fairs_each_with_its_designation():
    text = (
        "展会费用（单位万元）：\n境内：\n1 武汉对接会 1.2\n2 长沙对接会 0.9\n以上境内2场都是商务部门指定的。\n"
        "境外：曼谷服务贸易展 6.0（商务厅组团）；河内那个是协会自己办的，不是商务部门指定的，花了3.0\n能补多少"
    )
    got, s = total(text)
    assert D(8400 + 6300 + 42000) == got
    assert any("河内" in n and "不计入" in n for n in s.notes)


def test_a_line_of_above_is_no_bound_of_the_figure_before_it():
    f = [x for x in parse_figures("长沙对接会 0.9万\n以上境内12场都是指定的") if x.kind == "money"][0]
    assert f.bound is None
    assert "以上" == [x for x in parse_figures("每场0.9万以上") if x.kind == "money"][0].bound


def test_a_place_named_first_opens_another_fair_in_unnumbered_phrases():
    got, s = total(
        "境外：新加坡服务贸易展 8万（商务厅组团）；吉隆坡那个是协会自己办的年会，不是指定的，花了4万。能补多少"
    )
    assert D(50000) == got
    assert any("吉隆坡" in n and "不计入" in n for n in s.notes)


def test_an_item_word_inside_a_fair_name_keeps_the_list():
    r = read("单位万元\n1 成都软件交易会 1.6\n2 服务外包人才交流会 1.0\n都是指定的国内展")
    assert [D(16000), D(10000)] == [D(str(f["cost_cny"])) for f in r.fields["fairs"]]


def test_items_parts_after_commas_take_the_unit():
    got = apply(normalize("展会明细，单位：万元\n1、北京服贸会：展位3.0，特装1.6，差旅1.1"))
    assert "展位3.0万元" in got and "特装1.6万元" in got and "差旅1.1万元" in got
    assert "1,500元" in apply(normalize("单位：万元\n合计1,500元"))  # a thousands separator is no list's comma


def test_regions_given_by_the_items_order():
    from bot.estimate.fair_letters import ordinal_regions

    assert {0: "domestic", 1: "domestic", 2: "overseas"} == ordinal_regions("前两个国内,第三个境外", 3)
    assert {0: "overseas", 1: "domestic", 2: "domestic"} == ordinal_regions("第一个在境外,其余都是国内的", 3)
    assert {} == ordinal_regions("第五个境外", 3)
    got, _ = total(
        "今年的展：①服贸会 4.6万 ②软交会 3.2万 ③新加坡服务贸易展 8万，前两个国内，第三个境外，都是指定的，能补多少"
    )
    assert D(20000 + 20000 + 50000) == got


def test_a_heading_line_without_a_colon_and_item_numbers_inside_a_line():
    text = (
        "今年展会（金额单位：万元，含展位、特装、注册）\n境内\n1 北京服贸会 3.3（差旅0.6另算）\n2 广州交易会 1.5\n"
        "上面两场都是商务局指定的\n境外\n1 迪拜GITEX 7.5\n2 首尔展 2.0（行业协会自己组织的，不是指定的）\n补贴能拿多少"
    )
    got, _ = total(text)
    assert D(20000 + 10500 + 50000) == got
    one_line = apply(normalize("费用（万元）：境内：1、服贸会北京 2.2 2、软交会大连 1.8；境外：(1)新加坡 6"))
    assert "2.2万元 2、" in one_line and "(1)新加坡 6万元" in one_line
