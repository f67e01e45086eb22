"""三（五） fairs named by their own names, and counted with 仨/俩 (own wording, not the case files'):

- 「仨」 is 三个 and 「俩」 is 两个: a count of fairs, never a word passed over; 咱俩/他俩 count no fairs;
- 「软交会…4万，数博会1.5w，服贸会注册费+展位费一共2.8万」: each named fair starts one fair, its costs (展位加特装)
  are that fair's parts — never one fair of the sum;
- names with no cost of their own between them (「服贸会和广交会一共5万」) or fewer names than the fairs counted tell
  no fair each: asked, never guessed.
"""

from decimal import Decimal as D

import pytest

from bot.estimate.colloquial_counts import colloquial_counts
from bot.estimate.fair_names import fair_names
from tests.test_hfair2_each_fair_parts import fairs, total


@pytest.mark.parametrize(
    "text, expected",
    [
        ("去年跑了仨境外展", [("仨", D(3))]),
        ("参加了俩国内的展会", [("俩", D(2))]),
        ("国内仨场，国外俩", [("仨场", D(3)), ("俩", D(2))]),
    ],
)
def test_colloquial_numerals_count(text, expected):
    """仨 and 俩 hold their measure word: counts of 3 and 2."""
    assert expected == [(f.raw, f.value) for f in colloquial_counts(text, [])]


@pytest.mark.parametrize("text", ["咱俩一起去的展会", "他俩负责布展", "这是他的伎俩"])
def test_a_pair_of_people_is_no_count(text):
    """咱俩、他俩 name two people, 伎俩 is a word: no count of fairs."""
    assert [] == colloquial_counts(text, [])


@pytest.mark.parametrize(
    "text, names",
    [
        ("参加了进博会，还有广交会", ["进博会", "广交会"]),
        ("去了中国国际服务贸易交易会和厦洽会", ["中国国际服务贸易交易会", "厦洽会"]),
        ("国内的交易会两场，一个行业博览会", []),
        ("我们外贸会计说的", []),
    ],
)
def test_fair_names(text, names):
    """A name ends as a fair's does (交会、博会、博览会 …); a bare or generic ending names no fair."""
    assert names == [n for _, _, n in fair_names(text)]


@pytest.mark.parametrize(
    "text, expected, award",
    [
        (
            "今年去了俩国内展，都是商务局指定的：高交会展台搭建加特装2.5万，进博会报名费+展位费1.2万，能补多少",
            {("domestic", D(25000)): 1, ("domestic", D(12000)): 1},
            D(17500 + 8400),
        ),
        (
            "国内指定展会参加了仨，广交会展位费1万，厦洽会特装加布展一共3.6万，文博会8000，补贴一共多少",
            {("domestic", D(10000)): 1, ("domestic", D(36000)): 1, ("domestic", D(8000)): 1},
            D(7000 + 20000 + 5600),
        ),
        (
            "北京服贸会展位费2万，东京国际博览会展位5万，都是指定的展，能补多少",
            {("domestic", D(20000)): 1, ("overseas", D(50000)): 1},
            D(14000 + 35000),
        ),
    ],
)
def test_each_named_fair_is_one_fair(text, expected, award):
    """One fair per named fair, its cost words its parts; never one fair of the costs summed."""
    got, r = fairs(text)
    assert expected == dict(got)
    assert award == total(text)


def test_fewer_names_than_fairs_counted_is_asked():
    """仨 fairs counted and two costs named: the costs are asked against the count, never two fairs taken."""
    got, r = fairs("参加了仨国内指定展会，进博会3万，广交会2万，能补多少")
    assert not got
    assert r.clarifications and "3场" in r.clarifications[0].question


def test_names_with_one_cost_between_them_are_no_fairs_each():
    """「服贸会和广交会一共5万」: a total of two fairs, asked, never one fair of 5万."""
    got, r = fairs("服贸会和广交会一共5万，都是国内指定的展，能补多少")
    assert not got
    assert r.clarifications


def test_a_named_fair_with_no_cost_is_asked_by_its_name():
    """「…文博会也去了」: the named fair with no cost is asked about by name, never dropped."""
    got, r = fairs("国内指定展会，广交会展位费1万，厦洽会特装加布展一共3.6万，文博会也去了，补贴一共多少")
    assert {("domestic", D(10000)): 1, ("domestic", D(36000)): 1} == dict(got)
    assert any("文博会" in c.question for c in r.clarifications)


def test_a_bare_number_after_a_named_fair_is_its_cost():
    """「文博会8000」: the number right after the name is that fair's cost."""
    got, _ = fairs("国内指定展会参加了仨，广交会展位费1万，厦洽会特装加布展一共3.6万，文博会8000，补贴一共多少")
    assert {("domestic", D(10000)): 1, ("domestic", D(36000)): 1, ("domestic", D(8000)): 1} == dict(got)
