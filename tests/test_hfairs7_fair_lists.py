"""Round 46 (own wordings, not the case files'): fairs listed by place, by name and by number, and a whole company's
list whose denied items are dropped.

1. A fair named by its own name among fairs named by their place (「广州那个…；软交会…；北京的…」) starts a fair of its
   own; a list read as fewer fairs than counted is asked, never computed.
2. Numbered items (①②③, 1）2）, (1)(2)) are one fair each, with their own designation; 「这三个都是指定的」 holds for
   the items before it.
3. Items denied in a list (「没建平台」「没有实习生和人才培训项目」) are not asked about."""

from decimal import Decimal as D

from bot.estimate.fair_items import groups, spread_back
from bot.estimate.items import detect_items
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from tests.test_hfair2_each_fair_parts import fairs, total


# 1. places and names
def test_a_name_among_places_starts_its_own_fair():
    got, _ = fairs("今年参加了3个指定的国内展：广州那个展位费3万；软交会1.8万；北京的展位加布展2.2万。能补多少")
    assert {("domestic", D(30000)): 1, ("domestic", D(18000)): 1, ("domestic", D(22000)): 1} == dict(got)


def test_a_name_between_places_is_computed():
    text = "参加了3个商务局指定的境内展：成都那个展位费2.6万；服贸会4万；武汉的特装加展位1万。能补多少"
    got, _ = fairs(text)
    assert 3 == sum(got.values())
    assert D(18200 + 20000 + 7000) == total(text)


def test_a_word_read_as_no_name_is_asked_not_merged():
    """「GITEX展会」 is read as no fair name: its cost would join 东京's — the count (3) says otherwise, so it is asked."""
    s = EstimateSession.start(
        "去了3个商务局指定的境外展：东京那个展位费6万；GITEX展会4万；新加坡的特装加展位3万。能补多少"
    )
    assert s.clarify and "3场" in s.question()


def test_fewer_fairs_than_counted_is_asked():
    """Two costs for two counted fairs that read as one fair's parts: asked, the figures named."""
    s = EstimateSession.start("今年去了两个国外的展：新加坡那个展位费4万，另外布展费1万，能补多少")
    assert s.clarify and "2场" in s.question() and "4万" in s.question()


# 2. numbered items
def test_numbered_item_styles():
    assert [["①"], ["②"]] == [x for _, x in groups(normalize("①深圳的2万；②上海的1.5万"))]
    assert 3 == len(groups(normalize("1）北京的2万 2）广州的3万 3）成都的1万")))
    assert 2 == len(groups(normalize("（1）东京的5万；（2）首尔的3万")))
    assert [] == groups(normalize("展位费1.5万、布展2万"))
    assert [] == groups(normalize("②深圳的2万；①上海的1.5万"))


def test_a_numbered_fair_said_not_designated_is_left_out():
    text = (
        "都是国内的展：(1)杭州的展位费2万；(2)成都的1.2万，这两个都是商务局指定的；(3)另外有个行业协会自己办的，"
        "不是指定展会，花了8000。能补多少"
    )
    got, r = fairs(text)
    assert {("domestic", D(20000)): 1, ("domestic", D(12000)): 1} == dict(got)
    assert any("不计入" in n and "(3)" in n for n in r.notes)
    assert D(14000 + 8400) == total(text)


def test_a_phrase_speaks_of_the_items_before_it():
    words = ["①a", "②b", "③c，这三个都是商务局指定的", "④d，不是指定的"]
    assert [True, True, True, False] == spread_back(words, [None, None, True, False])
    assert [None, True, True] == spread_back(["1", "2", "3，这两个都是指定的"], [None, None, True])


def test_a_whole_company_list_is_left_to_the_other_readers():
    assert [] == [
        x
        for x in __import__("bot.estimate.fair_letters", fromlist=["groups"]).groups(
            normalize("1）执行额去年2000万今年2500万；2）参加了1场指定展会花了3万")
        )
    ]


# 3. denied items in a list
def test_items_denied_in_a_list_are_not_named():
    found = detect_items(normalize("没建平台、不在园区、没有实习生和人才培训项目，今年展会2场"))
    assert "3.9" not in found and "3.7.2" not in found and "3.7.3" not in found and "3.5" in found


def test_a_denial_does_not_reach_past_the_list():
    found = detect_items(normalize("我们没有离岸业务和实习生，今年有中高级人才培训5人"))
    assert "3.7.3" in found


def test_a_whole_company_list_with_denials_is_computed():
    text = (
        "数据如下：1）去年执行额合计1800万，今年2300万，全部在岸，没有离岸；2）今年参加了1场商务局指定的境内展，费用2万；"
        "3）没申请技术先进型，也没建平台，没有实习生和人才培训项目。能拿多少"
    )
    s = EstimateSession.start(text)
    assert not s.clarify and not s.missing(), s.question()
    assert D(150000 + 14000) == D(str(s.compute()["total_cny"]))
