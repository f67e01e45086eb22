"""三（五） fairs told batch by batch (own wording, not the case files'):

- 「境内3场，展位费加布展费分别是2万、3.5万、1.8万」: a count, then (after a comma, cost words joined by 加) 分别 and as
  many amounts — one amount per fair, never one fair's parts summed;
- 「国内…12场 每场3w多 国外的…7场 每场十万左右」: each count pairs with its own region, a count said after another
  region is a new batch there; a cost said as more than an amount (「3w多」「两万多」「9万余元」) is only a lower bound:
  every fair at its cap when the bound already reaches it (said approximate), otherwise asked, never guessed;
- 「还有一场国内的展」 with no cost is asked about, never dropped; its answer (naming its city) is added to the fairs
  told, and 「两场都是指定的」 then counts the fairs told, no new ones.
"""

from decimal import Decimal as D

import pytest

from bot.estimate.session import EstimateSession
from bot.estimate.vague_figures import find, more_than
from tests.test_hfair2_each_fair_parts import fairs, total


@pytest.mark.parametrize(
    "text, expected, award",
    [
        (
            "今年的展会：境内3场，展位费加布展费分别是2万、3.5万、1.8万；境外2场，第一场展位费加特装费8万，"
            "另外这场的机票酒店花了3万，第二场注册费加展位费4万。能补多少",
            {
                ("domestic", D(20000)): 1,
                ("domestic", D(35000)): 1,
                ("domestic", D(18000)): 1,
                ("overseas", D(80000)): 1,
                ("overseas", D(40000)): 1,
            },
            D(124600),
        ),
        (
            "国内参加了4场展会，展位费分别为1.2万、2.6万、9000元、3w；国外一场特装费6万",
            {
                ("domestic", D(12000)): 1,
                ("domestic", D(26000)): 1,
                ("domestic", D(9000)): 1,
                ("domestic", D(30000)): 1,
                ("overseas", D(60000)): 1,
            },
            D(8400 + 18200 + 6300 + 20000 + 42000),  # 3w × 70% → the 2万 cap
        ),
        (
            "海外展会两场：注册费加展位费分别是6万和3.5万，境内一场布展费1.5万",
            {("overseas", D(60000)): 1, ("overseas", D(35000)): 1, ("domestic", D(15000)): 1},
            D(42000 + 24500 + 10500),
        ),
    ],
)
def test_a_count_then_amounts_listed_with_fenbie_is_one_amount_per_fair(text, expected, award):
    got, r = fairs(text)
    assert got == expected
    assert not r.clarifications
    assert not any("同一场活动" in n for n in r.notes)
    assert total(text) == award


@pytest.mark.parametrize(
    "text, expected, award",
    [
        (
            "我们今年展会跑得多 国内指定的展跑了12场 每场费用都3w多 国外的也是指定的 去了7场 每场十万左右 最多能拿多少",
            {("domestic", D(30000)): 12, ("overseas", D(100000)): 7},
            D(500000),  # 12 × 2万 = 24万 → 20万 a year; 7 × 5万 = 35万 → 30万 a year
        ),
        (
            "海外参展5场，每场都是8万多；境内展会去了3场，单场1.5万",
            {("overseas", D(80000)): 5, ("domestic", D(15000)): 3},
            D(250000 + 31500),
        ),
        (
            "国外的展会去了3次，每次9w多，国内的展会去了4次，每次四万余元",
            {("overseas", D(90000)): 3, ("domestic", D(40000)): 4},
            D(150000 + 80000),
        ),
    ],
)
def test_each_count_pairs_with_its_region_and_a_more_than_cost_at_the_cap(text, expected, award):
    got, r = fairs(text)
    assert got == expected
    assert not r.clarifications
    assert any("约数" in n and "按上限计" in n for n in r.notes)
    assert total(text) == award


def test_a_more_than_cost_below_the_cap_is_asked_naming_it():
    got, r = fairs("境内展会6场 每场两万多 境外2场 每场6万")
    assert got == {("overseas", D(60000)): 2}  # 两万多 × 70% may stay under 2万: no guess
    assert len(r.clarifications) == 1
    assert "两万多" in r.clarifications[0].question and "6场" in r.clarifications[0].question


@pytest.mark.parametrize(
    "said, bound",
    [("3w多", 30000), ("3万多", 30000), ("30多万", 300000), ("100余万", 1000000), ("两万多块", 20000)],
)
def test_more_than_gives_the_lower_bound(said, bound):
    (v,) = find("每场" + said)
    assert more_than(v) == D(bound)


@pytest.mark.parametrize("said", ["十几万", "小两百万", "一两万"])
def test_other_rough_amounts_give_no_bound(said):
    assert all(more_than(v) is None for v in find("每场" + said))


@pytest.mark.parametrize(
    "first, second, expected",
    [
        (
            "今年去了德国汉诺威展，展位费加特装费一共9万6；还有一场国内的展，补贴一共能拿多少",
            "国内那场在深圳，展位费加布展费一共2万4。两场都是商务部门指定的展会。",
            [("overseas", D(96000)), ("domestic", D(24000))],
        ),
        (
            "境外一场展会展位费8万，国内另外还去了一次展会，能补多少",
            "在杭州 特装费1.5万",
            [("overseas", D(80000)), ("domestic", D(15000))],
        ),
    ],
)
def test_an_unpriced_fair_is_asked_and_its_answer_added(first, second, expected):
    s = EstimateSession.start(first)
    assert s.clarify and s.clarify["kind"] == "fair_cost" and "境内" in s.clarify["question"]
    s.handle(second)
    assert [(f["region"], D(str(f["cost_cny"]))) for f in s.inputs["fairs"]] == expected
    assert not s.clarify


@pytest.mark.parametrize(
    "first, second, expected",
    [
        (
            "今年去了日本的展会，展位费加特装费一共9万6，补贴多少",
            "还有一场国内的 展位费加布展费一共2万4 两场都是指定的",
            [("overseas", D(96000)), ("domestic", D(24000))],
        ),
        (
            "境外去了两场展会，一场6万一场8万，补贴多少",
            "还有两场国内的，每场1.5万",
            [("overseas", D(60000)), ("overseas", D(80000)), ("domestic", D(15000)), ("domestic", D(15000))],
        ),
    ],
)
def test_a_fair_added_in_a_later_message_joins_the_fairs_told(first, second, expected):
    s = EstimateSession.start(first)
    assert not s.clarify
    s.handle(second)
    assert [(f["region"], D(str(f["cost_cny"]))) for f in s.inputs["fairs"]] == expected
    assert not s.clarify


@pytest.mark.parametrize(
    "text, told",
    [
        ("参加了东京的展会，展位费4万；国内也去了一次，能补多少", {("overseas", D(40000)): 1}),
        ("境外展会一场展位费9万，还有个国内的展", {("overseas", D(90000)): 1}),
        ("国内展会去了一场，布展费1.2万，另外还有一场国外的展会", {("domestic", D(12000)): 1}),
    ],
)
def test_a_fair_told_with_no_cost_is_asked_by_its_region(text, told):
    got, r = fairs(text)
    assert got == told
    assert len(r.clarifications) == 1 and r.clarifications[0].kind == "fair_cost"
    place = "境外" if ("domestic", D(12000)) in told else "境内"
    assert r.clarifications[0].question.startswith(f"{place}那场活动的费用")


def test_a_fair_still_to_come_is_not_asked():
    got, r = fairs("今年参加了新加坡展会花了6万，明年打算再去一场国内的展")
    assert got == {("overseas", D(60000)): 1}
    assert not r.clarifications
