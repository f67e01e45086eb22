"""Three cases the round-20 merges lost, each said here in other words than the case files."""

import pytest

from bot.answers import router
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize, understand


@pytest.mark.parametrize(
    "text",
    [
        "今年去了两个展会 一个在杭州一个在新加坡 总共花了12万 能补多少",
        "参加了两个指定的展 一个北京的一个东京的 合计花费8万",
    ],
)
def test_a_total_for_two_fairs_is_never_one_fairs_cost(text):
    """「两个展会…一共X万」 with one total: the total is not one fair's cost (a wrong figure); each fair's is asked."""
    s = EstimateSession.start(normalize(text))
    assert "done" != s.status
    assert "fairs" not in s.inputs


@pytest.mark.parametrize("zero", ["离岸０", "离岸0", "离岸 0"])
def test_a_bare_zero_offshore_is_none_not_a_unit_question(zero):
    """「离岸０」 needs no unit: 0 in any unit is none; 三（一） is computed on the onshore amounts."""
    s = EstimateSession.start(normalize(f"今年境内业务2500万 {zero} 去年2100万 增量奖励多少"))
    assert "done" == s.status
    assert 0 == s.inputs["offshore_usd"]
    assert 120000 == s.compute()["total_cny"]  # (2500万 − 2100万) × 3%


@pytest.mark.parametrize(
    "text",
    [
        "帮小微企业做代账和社保核算 这算服务外包吗 算的话是哪个",
        "给中小企业做人力资源外包 属于哪个领域",
    ],
)
def test_a_clients_size_does_not_turn_a_catalog_question_into_eligibility(text):
    """The clients' size (中小企业) is no question about the applicant's size: the catalog answers."""
    assert router.is_classify_question(None, understand(text))


def test_the_catalog_answers_a_catalog_question_that_names_the_clients_size():
    """The whole answer, not only the routing test: the domain (内部管理服务, BPO), not 第二条's size rule."""
    reply = router.compose("ask_domain_of_business", "给中小企业做代理记账和工资核算 算服务外包吗 是哪个领域").text
    assert "内部管理服务" in reply and "第二条" not in reply
