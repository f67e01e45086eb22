"""三（五） fairs, each event read with its place, cost and designation (own wording, not the case files'):

- a bare yuan number listed after 万 figures (「分别是2万 4万 15000」) is the list's next cost, never dropped; 「150万
  1200」 (1200万?) stays no figure;
- a correction naming an event by its place (「迪拜那场是5.5万」) replaces THAT event's figure, not the last one said;
- 「一场展位费1.8万加宣传推广0.6万 另一场特装4万」: parts joined by 加 are one fair, the next 另一场 is the count's other;
- an event said not designated leaves alone (named), by its cost or as 「其中有一场…」 of fairs all of one cost; the
  others are computed and the item's designation is the rest's (「指定的境内展会三场…」 → 符合); 「其他8场」 counts
  fairs told, no new ones; when the costs cannot tell which one leaves, the designated fairs' costs are asked;
- a cost said roughly (「每场差不多都是10w左右」) is used as told and the answer says it is approximate.
"""

from decimal import Decimal as D

import pytest

from bot.estimate.reading import figures
from bot.estimate.understand import read
from bot.understand.facts import read_facts
from bot.understand.retractions import without_retracted


from tests.test_hfair2_each_fair_parts import fairs, total  # the same readers


@pytest.mark.parametrize(
    "text, money",
    [
        ("费用分别是2万、4万、15000", [20000, 40000, 15000]),
        ("展位费分别是3万，2.5万和12000", [30000, 25000, 12000]),
        ("分别2万 4万 15,000", [20000, 40000, 15000]),
        ("培训费分别18600、33250", [18600, 33250]),
    ],
)
def test_bare_number_listed_after_wan_figures_is_yuan(text, money):
    assert [f.value for f in figures(text) if f.kind == "money"] == [D(m) for m in money]


@pytest.mark.parametrize(
    "text, money",
    [
        ("今年150万 1200", [1500000]),  # 1200万? never read as 1200元
        ("分别是2万 4万 1.5", [20000, 40000]),  # 1.5万? not a whole yuan number
        ("分别是2万 4万 300", [20000, 40000]),  # far below the list's figures
        ("2万 4万 2000年", [20000, 40000]),
    ],
)
def test_bare_number_not_like_the_list_stays_no_figure(text, money):
    assert [f.value for f in figures(text) if f.kind == "money"] == [D(m) for m in money]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "国外参加了两场 一场迪拜的6.5万 一场伦敦的9万 哦不对不对 迪拜那场是5.5万 都是指定展会",
            {("overseas", D(55000)): 1, ("overseas", D(90000)): 1},
        ),
        (
            "境外展会两场 东京4万 新加坡3万 哦不对 东京的是2.5万",
            {("overseas", D(25000)): 1, ("overseas", D(30000)): 1},
        ),
        (
            "国外去了两次展会 一次在东京花了4万 一次在首尔花了3万 哦不对 东京那次是5万",
            {("overseas", D(50000)): 1, ("overseas", D(30000)): 1},
        ),
        (
            "境外两场展会，东京展位费4万，新加坡3万，不对不对，东京那场是3.5万",
            {("overseas", D(35000)): 1, ("overseas", D(30000)): 1},
        ),
    ],
)
def test_correction_naming_a_place_replaces_that_events_figure(text, expected):
    got, r = fairs(text)
    assert got == expected
    assert not r.clarifications


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "境外展会两场 东京4万 新加坡3万 哦不对 新加坡的是2.5万",
            {("overseas", D(40000)): 1, ("overseas", D(25000)): 1},
        ),
        ("境外展会两场 东京4万 新加坡3万 哦不对 是2.5万", {("overseas", D(40000)): 1, ("overseas", D(25000)): 1}),
    ],
)
def test_correction_of_the_last_event_or_unnamed_stays_as_before(text, expected):
    assert fairs(text)[0] == expected


def test_place_named_twice_before_is_not_guessed():
    # 迪拜 holds two figures: the place alone does not tell which is meant; the cost word 布展 does (its figure
    # replaced, longer as it is), never 伦敦's 9万
    out = without_retracted("迪拜展位费3万 布展2万 伦敦9万 哦不对 迪拜那场布展是2.5万")
    assert "展位费3万" in out and "布展2.5万" in out and "伦敦9万" in out
    # the event named with one figure and no cost word: that event's figure now, its costs all replaced
    out = without_retracted("迪拜展位费3万 布展2万 伦敦9万 哦不对 迪拜那场是2.5万")
    assert "展位费2.5万" in out and "布展" not in out and "伦敦9万" in out


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "今年参加了两场商务部门指定的境内展会 一场展位费1.8万加宣传推广0.6万 另一场特装4万",
            {("domestic", D(24000)): 1, ("domestic", D(40000)): 1},
        ),
        (
            "国外展会两场，一场展位费3万加特装1万，另一场展位费5万",
            {("overseas", D(40000)): 1, ("overseas", D(50000)): 1},
        ),
        (
            "境内展会3场 一场展位费1万加布展5000 一场2万 还有一场1.2万",
            {("domestic", D(15000)): 1, ("domestic", D(20000)): 1, ("domestic", D(12000)): 1},
        ),
    ],
)
def test_parts_joined_by_jia_are_one_fair_of_the_count(text, expected):
    got, r = fairs(text)
    assert got == expected
    assert not r.clarifications


@pytest.mark.parametrize(
    "text, expected, amount",
    [
        (
            "今年参加了商务部门指定的境内展会三场 展位费加布展费分别是2万 4万 15000 还有一场境外的 也是指定的 德国那个"
            " 特装加展位费一共9万 另外还去了一个行业协会自己办的交流会 花了3万 那个不是商务部门指定的 一共能补多少",
            {
                ("domestic", D(20000)): 1,
                ("domestic", D(40000)): 1,
                ("domestic", D(15000)): 1,
                ("overseas", D(90000)): 1,
            },
            D(94500),
        ),
        (
            "境外展会5场 每场展位费4万 其中有一场是我们自己办的 其余4场都是商务局指定的 能补多少",
            {("overseas", D(40000)): 4},
            D(112000),
        ),
        (
            "国外展会一共7场 每场差不多8万左右 其中有一场是我们自己在东京办的客户答谢会 不是商务部门指定的 其他6场都是指定的"
            " 另外国内也参加了一场指定展会 花了1万",
            {("overseas", D(80000)): 6, ("domestic", D(10000)): 1},
            D(307000),
        ),
    ],
)
def test_an_event_said_not_designated_leaves_alone(text, expected, amount):
    got, r = fairs(text)
    assert got == expected
    assert any("不计入" in n for n in r.notes)
    assert r.fields.get("_fact_fair_designated@3.5") is not False
    assert total(text) == amount


def test_rest_said_designated_is_the_items_fact():
    text = "参加了商务部门指定的境内展会两场 分别2万 1万 另外还去了一个行业协会自己办的交流会 花了3万 那个不是商务部门指定的"
    assert read(text).fields.get("_fact_fair_designated@3.5") is True
    assert read_facts(text).get("fair_designated") is True


@pytest.mark.parametrize(
    "text",
    [
        "这个展不是商务部门指定的",
        "两场 展位费各3万 都不是指定的",
        "去了一个展会 展位费3万 不是商务部门指定的",
        "境外展会5场，每场展位费4万，都不是商务部门指定的",
    ],
)
def test_not_designated_said_of_every_fair_stays(text):
    assert read_facts(text).get("fair_designated") is False


def test_count_of_the_other_fairs_is_no_new_batch():
    got, r = fairs("境内展会3场 每场2万 其中有一场在上海 其他两场在郑州")
    assert got == {("domestic", D(20000)): 3}
    assert not r.clarifications
    got, r = fairs("境外展会5场 每场展位费4万 另外2场境内的 每场1万")  # 另外: two more fairs
    assert got == {("overseas", D(40000)): 5, ("domestic", D(10000)): 2}


@pytest.mark.parametrize(
    "text",
    [
        "境外展会两场 一场4万 一场6万 其中有一场是我们自己办的",
        "境内展会3场 每场2万 境外2场 一场5万 一场8万 其中有一场在东京 是我们自己办的 不是指定的",
    ],
)
def test_which_fair_is_not_designated_unclear_is_asked(text):
    got, r = fairs(text)
    assert ("overseas", D(40000)) not in got and ("overseas", D(50000)) not in got
    assert r.clarifications and r.clarifications[0].kind == "fair_cost"
    assert "我不猜" in r.clarifications[0].question


@pytest.mark.parametrize(
    "text, said",
    [
        ("境外展会9场 每场booth加布展差不多都是10w左右", "差不多都是10w左右"),
        ("境内展会2场 每场大概1.5万", "大概1.5万"),
        ("境外展会一场 展位费约3万", "约3万"),
    ],
)
def test_rough_cost_is_used_and_said_approximate(text, said):
    r = read(text)
    assert r.fields.get("fairs")
    assert any(f"“{said}”是约数" in n for n in r.notes)


def test_exact_cost_has_no_approximate_note():
    assert not any("约数" in n for n in read("境外展会一场 展位费3万").notes)
