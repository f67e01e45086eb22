"""三（五） fairs told letter by letter, each letter group with its own sentence (own wording, not the case files'):
「各」 shares one cost among the letters listed, one letter's costs are its parts; a group said not designated, or
already subsidised under another policy of the city (第四条第（三）项 不得重复申报), is left out and named; travel is no
cost; the letters must be as many as the fairs counted."""

from decimal import Decimal as D

from bot.estimate.fair_designation import message_verdict
from bot.estimate.fair_letters import groups
from bot.nlu.normalize import normalize
from tests.test_hfair2_each_fair_parts import fairs, total

TEXT = (
    "今年一共5个展：甲、乙、丙三场是商务局指定的境内展，各花了1.5万；丁也是指定的境外展，展位费5万，可这场区里的专项资金"
    "之前已经报过了；戊是我们自己组织的客户答谢会，不是商务部门指定的，花了1万。能补多少"
)


def test_letter_groups():
    """甲、乙、丙 listed together are one group; the groups run in order."""
    assert [["甲", "乙", "丙"], ["丁"], ["戊"]] == [x for _, x in groups(normalize(TEXT))]


def test_each_shares_the_cost_and_the_left_out_are_named():
    """各1.5万 gives each of 甲乙丙 1.5万; 丁 (claimed elsewhere) and 戊 (not designated) are left out, named."""
    got, r = fairs(TEXT)
    assert {("domestic", D(15000)): 3} == dict(got)
    note = next(n for n in r.notes if "不计入" in n)
    assert "第四条第（三）项" in note and "不得重复申报" in note and "不符合" in note and "按其余3场计算" in note
    assert D(31500) == total(TEXT)


def test_the_message_fact_is_the_rest():
    """One group said not designated beside designated ones: the message's fact is the rest's (designated)."""
    assert (True, True) == message_verdict(normalize(TEXT))


def test_one_letters_parts_and_travel():
    """A letter's several costs are its parts; 机票酒店 is named and left out."""
    text = "今年参加了3个指定展会：a是北京的，展位费2万加特装1万；b是深圳的，花了1.2万；c在新加坡，展位费4万，机票酒店2万。能补多少"
    got, r = fairs(text)
    assert {("domestic", D(30000)): 1, ("domestic", D(12000)): 1, ("overseas", D(40000)): 1} == dict(got)
    assert any("机票酒店" in n for n in r.notes)


def test_letters_of_other_words_are_no_fairs():
    """「b端」「c轮」 are words, and letters out of order (b before a) name no list of fairs."""
    assert [] == groups(normalize("我们做b端和c端的业务，参加了两场展会"))
    assert [] == groups(normalize("展会两场：b花了2万，a花了1万"))
