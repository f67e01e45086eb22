"""A fair said already subsidised under another policy of the city is left out of 三（五）, named with 第四条第（三）项's
不得重复申报; 「帮我算下」 asks the bot to work it out and is no result of the user's to check."""

from decimal import Decimal

import pytest

from bot.estimate import claims
from bot.estimate.session import EstimateSession
from bot.estimate.understand import figures
from bot.nlu.normalize import normalize

CASES = [
    (
        "展会补贴帮我算下：德国那场是商务局指定的，展位费加布展6万；国内一场是行业协会自己办的，不在商务部门指定名单里，"
        "花了3万；还有国内一场指定展会2.5万，不过这场已经用市里另一个会展政策拿过补贴了。能补多少",
        [("overseas", "60000")],
        "2.5万",
    ),
    (
        "帮我算一下展会补贴：去了新加坡的指定展会，展位费8万；还有北京一场指定展会4万，这个之前在区里的专项资金报过了。能拿多少",
        [("overseas", "80000")],
        "4万",
    ),
    (
        "参加了两场商务局指定的展会，境外迪拜一场10万，国内上海一场3万，上海那场别的政策已经补过了，能补多少",
        [("overseas", "100000")],
        "3万",
    ),
]


@pytest.mark.parametrize("text,fairs,left", CASES)
def test_fair_claimed_elsewhere_left_out(text, fairs, left):
    s = EstimateSession.start(text)
    got = [(f["region"], str(Decimal(str(f["cost_cny"])))) for f in s.inputs["fairs"]]
    assert got == [(region, str(Decimal(cost))) for region, cost in fairs]
    note = next(n for n in s.notes if "其他政策" in n)
    assert left in note and "第四条第（三）项" in note and "不得重复申报" in note
    assert "_claims" not in s.inputs


def test_one_fair_only_is_never_dropped_here():
    s = EstimateSession.start("国内指定展会一场3万，这场已经用区里的会展政策拿过补贴了，还能补多少")
    assert [Decimal(str(f["cost_cny"])) for f in s.inputs["fairs"]] == [Decimal("30000")]


@pytest.mark.parametrize(
    "text,found",
    [
        ("帮我算下展会补贴：境外展一场6万，能补多少", []),
        ("麻烦给我算一下，境外展一场6万，能补多少", []),
        ("境外展一场6万，我算的展会补贴4.2万，对吗", [Decimal("42000")]),
        ("帮我算下：境外展一场6万，我算的展会补贴4.2万，对吗", [Decimal("42000")]),
    ],
)
def test_request_to_work_out_is_no_claim(text, found):
    t = normalize(text)
    assert [c.value for c in claims.find(t, figures(t))] == found


@pytest.mark.parametrize(
    "text,count",
    [
        (
            "都是商务局指定的展会。境内3场，费用分别是2万、3.5万、1.5万；境外1场在新加坡，费用9万。之前没用别的政策申报过，能补多少",
            4,
        ),
        ("境外迪拜一场指定展会10万，国内上海一场指定展会3万，这两场以前从未在其他政策里申请过，帮我算算", 2),
        ("国内两场指定展会，一场4万一场2万，去年也没有用市里的专项资金报过，补贴多少", 2),
    ],
)
def test_negated_claim_elsewhere_leaves_every_fair(text, count):
    """「之前没用别的政策申报过」 says the opposite of a claim elsewhere: every fair is counted, no 不得重复申报 note."""
    s = EstimateSession.start(text)
    assert not [n for n in s.notes if "不得重复申报" in n]
    assert len(s.inputs["fairs"]) == count
