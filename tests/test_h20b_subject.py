"""The subject of a question vs a business described in it (h20b).

A «can we apply / get it» question beside a business description is about the applicant (第二条) or the
item it names, not the catalog; a business described alone, or asked outright where it belongs, stays
the catalog's.
"""

import pytest

from bot.answers import eligibility, qualify, router
from bot.nlu.normalize import understand
from bot.understand.facts import read_facts_cached


def _t(text):
    return understand(text)


@pytest.mark.parametrize(
    "text",
    [
        "我们做仓储物流的 IT部也对外接软件开发 可是公司有欠税还没缴清 这样还能报吗",
        "我们是一家运输公司 有一笔税款逾期没交 能申请服务外包的奖励吗",
        "我们是普通合伙的会计师事务所 帮企业做记账外包 可以申报吗",
        "搞快递配送的 今年外包业务比去年少了一百多万 扩大规模那个奖励还能拿吗",
    ],
)
def test_apply_question_with_other_subject_is_not_the_catalogs(text):
    t = _t(text)
    assert router.asks_of_applicant_or_item(t)
    assert not router.is_classify_question(None, t)


@pytest.mark.parametrize(
    "text",
    [
        "我们是做物流运输的 有自己的车队 这种能申报吗",  # the business alone: is it service outsourcing
        "我们物流公司欠着税 帮客户做物流方案设计 这个属于哪个领域",  # asked outright where it belongs
    ],
)
def test_business_alone_or_asked_outright_stays_a_catalog_question(text):
    assert not router.asks_of_applicant_or_item(_t(text))


@pytest.mark.parametrize(
    "text",
    ["我们所是特殊普通合伙的律师事务所", "我们是有限合伙 不是有限公司", "我们就是合伙制律所 不是公司"],
)
def test_a_partnership_is_no_legal_person_enterprise(text):
    assert eligibility.facts_from(_t(text)).get("entity_type") == "other"


def test_tax_arrears_with_a_business_described_get_the_second_article_verdict():
    t = _t("我们是郑州的一家货运公司 信息部也给外面做软件 但是还欠着一笔税没补上 这种可以申报吗")
    said = read_facts_cached(t)
    a = qualify.answer(t, said, said)
    assert a is not None and a.clause == "2" and a.verdict == "not_met"
    assert "不符合" in a.text and "依法纳税" in a.text


def test_partnership_law_firm_gets_not_met_on_second_article():
    t = _t("我们律所是特殊普通合伙 在金水区 也给外资企业做法律流程外包 我们所可以申请奖励吗")
    said = read_facts_cached(t)
    a = qualify.answer(t, said, said)
    assert a is not None and a.clause == "2" and a.verdict == "not_met"
    assert "法人" in a.text


def test_outsourcing_fell_against_last_year_is_no_increment():
    said = read_facts_cached(_t("我们外包这块今年比去年少了两百来万 扩大规模的奖励还能拿吗"))
    assert said.get("business_grew") is False
    a = qualify.answer(_t("我们外包这块今年比去年少了两百来万 扩大规模的奖励还能拿吗"), said, said)
    assert a is not None and a.clause == "3.1" and a.verdict == "not_met"
