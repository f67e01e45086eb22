"""A supposed case told whole, then an alternative opened by 或者/要么 giving some of its figures again (「如果去3场境外
展会，每场8万；或者干脆去7场，也是每场8万，分别多少」): two cases, the second the first with its own figures, each
estimated apart. Wording of our own."""

from bot.estimate import scenarios
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize


def cases(text: str) -> list:
    return scenarios.split(normalize(text))


def test_count_changed():
    found = cases("假如今年参加2场境内展会 每场展位费3万；要么就参加5场 每场也是3万 开拓市场补贴各多少")
    assert ["2场", "5场"] == [value for _, value, _ in found]
    totals = [EstimateSession.start(words).compute()["total_cny"] for _, _, words in found]
    assert [40000, 100000] == totals  # 2 × 2万; 5 × 2万 (under 20万)


def test_cost_changed():
    found = cases("如果明年CMMI认证花18万，或者干脆花50万做CMMI5，资质认证补贴分别多少")
    assert 2 == len(found)
    assert [126000, 300000] == [EstimateSession.start(w).compute()["total_cny"] for _, _, w in found]


def test_count_and_cost_changed():
    found = cases("要是派4个本科项目经理去涉外业务培训 每人2万；或者派6个 每人5万，补贴分别多少")
    assert ["4个、2万", "6个、5万"] == [value for _, value, _ in found]


def test_no_supposition_no_cases():
    assert [] == cases("今年去了3场境外展会，每场8万；或者说你们还有什么补贴，分别多少")


def test_a_new_kind_of_figure_is_no_alternative():
    assert [] == cases("如果去3场境外展会 每场8万；或者再做个ITSS认证6万 一共多少")
