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


@pytest.mark.parametrize(
    "text, words",
    [
        ("我们是郑州的一家货运公司 信息部也给外面做软件 但是还欠着一笔税没补上 这种可以申报吗", ("不符合", "依法纳税")),
        ("我们律所是特殊普通合伙 在金水区 也给外资企业做法律流程外包 我们所可以申请奖励吗", ("法人",)),
    ],
)
def test_a_failed_second_article_fact_beside_a_business_gets_that_verdict(text, words):
    """Tax arrears, a partnership: the business described is context, 第二条's verdict is the answer."""
    t = _t(text)
    said = read_facts_cached(t)
    a = qualify.answer(t, said, said)
    assert a is not None and a.clause == "2" and a.verdict == "not_met"
    assert all(w in a.text for w in words)


def test_outsourcing_fell_against_last_year_is_no_increment():
    said = read_facts_cached(_t("我们外包这块今年比去年少了两百来万 扩大规模的奖励还能拿吗"))
    assert said.get("business_grew") is False
    a = qualify.answer(_t("我们外包这块今年比去年少了两百来万 扩大规模的奖励还能拿吗"), said, said)
    assert a is not None and a.clause == "3.1" and a.verdict == "not_met"


def test_innovation_award_is_not_met_when_neither_base_award_is_won():
    from knowledge import conditions

    facts = {"entity_type": "legal_person", "business_grew": False, "has_offshore_business": False}
    facts["innovation_patents_two_years"] = True
    verdicts = {}
    assert conditions.evaluate("3.3", facts, verdicts).status == conditions.NOT_MET
    assert conditions.evaluate("3.2", facts, {}).status == conditions.NOT_MET


def test_innovation_question_with_falling_business_and_no_offshore_names_the_zero_base():
    t = _t("我们连续两年都有新的软件著作权 可今年业务下滑了 离岸也没有做 创新那个奖励能拿多少")
    said = read_facts_cached(t)
    a = qualify.answer(t, said, said)
    assert a is not None and a.clause == "3.3" and a.verdict == "not_met"
    assert "不符合第三条第（三）项" in a.text and "基数为0" in a.text


@pytest.mark.parametrize(
    "text",
    [
        "我们IT部门自己写了个ERP 只给自己公司用 这算服务外包吗",
        "集团内部开发的财务系统 仅内部使用 属于哪个领域",
    ],
)
def test_work_only_for_ones_own_company_is_not_service_outsourcing(text):
    from bot.answers import catalog

    a = catalog.classify_answer(_t(text))
    assert a is not None and a.domain is None
    assert "不属于服务外包" in a.text and "发包方" in a.text


@pytest.mark.parametrize(
    "text",
    [
        "公司去年底才成立 做软件测试的 申报对成立满两年有要求吗",
        "我们刚成立半年 做呼叫中心外包的 对成立年限有要求吗",
    ],
)
def test_a_question_on_company_age_is_the_second_articles_whatever_business_is_described(text):
    t = _t(text)
    assert not router.is_classify_question(None, t)
    a = router.compose(None, text)
    assert a.clause == "2"
    assert "不要求成立年限" in a.text and "新增企业首年计算纯增量" in a.text


def test_a_business_the_catalog_does_not_list_is_said_to_be_not_listed():
    from bot.answers import catalog

    a = catalog.classify_answer(_t("我们是做同声传译和文件翻译的 算哪个领域"))
    assert a is not None and a.domain is None
    assert "没有单独列出" in a.text


def test_two_years_joined_by_he_are_one_subjects_history_not_two_questions():
    t = _t("我们前年和去年各拿到一项软件著作权 今年业务少了 离岸也没有 创新奖励能有多少")
    assert len(router.message_parts(t)) == 1
    assert len(router.message_parts(_t("软件测试和数据标注分别属于哪个领域"))) == 2
