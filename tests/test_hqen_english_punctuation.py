"""Questions typed mostly in English, or with runs of punctuation (。。。，，？？), are read as the policy questions
they are (round 37).

- a business described in English and the catalog asked in English (「customer care … what category」, 「is interpreting
  one of the 23 domains」) is placed, or said to be listed by no domain — never declined as out of scope;
- English compute and part words (「how much subsidy altogether」, 「one of them is doing an MBA」, 「all domestic」)
  give the estimate, the degree course only that person's;
- a claim under this and another policy asked in English (「claim both or pick one」) is 第四条第（三）项's rule;
- 表格 inside a business described is no request for forms, and a correction typed after a run of stops still wins."""

from decimal import Decimal

import pytest

from actions.policy import ActionOutOfScope
from bot.answers import router
from bot.answers.general import cannot_serve
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize, understand
from bot.understand.facts import message_facts
from bot.understand.retractions import without_retracted
from tests.test_actions import run, texts, tracker

DECLINED = "超出了我的范围"


async def _out_of_scope_reply(text: str) -> str:
    d, _ = await run(ActionOutOfScope(), tracker(text, intent="out_of_scope"))
    return texts(d)


# --- the catalog asked in English -------------------------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "text",
    [
        "our team handles customer support by live chat and telephone for a US retailer — which type does that belong to?",
        "we provide customer care over the phone for telecom operators, what category is that? BPO?",
        "fully outsourced customer care for a bank, phone support around the clock. which field is it in?",
    ],
)
async def test_customer_service_described_in_english_is_a_call_centre(text):
    reply = await _out_of_scope_reply(text)
    assert "呼叫中心服务" in reply and "BPO" in reply
    assert DECLINED not in reply


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "text",
    [
        "does interpreting at business meetings count as one of the 23 domains?",
        "is translating product manuals into Japanese in the 23 fields? we looked but it isnt there",
        "legal document translation for clients: is translation itself on the list?",
    ],
)
async def test_a_business_no_domain_names_is_said_to_be_not_listed(text):
    reply = await _out_of_scope_reply(text)
    assert "没有单独列出" in reply
    assert DECLINED not in reply


def test_the_listing_question_is_a_catalog_question_in_chinese_too():
    t = understand("同声传译本身是23个领域之一吗")
    assert router.is_classify_question(None, t)
    assert not router.is_classify_question(None, understand("23个领域都有哪些"))


# --- English compute words and parts of a group ------------------------------------------------------------------


@pytest.mark.asyncio
async def test_english_training_question_is_estimated_and_a_degree_course_of_two_is_theirs_alone():
    """4 people × min(50% × 5万, 3万) = 4 × 25,000 = 100,000; the EMBA two of them take rules nobody out."""
    reply = await _out_of_scope_reply(
        "4 project managers, all 硕士, took a delivery training for our Japanese clients, 5万 each — how much subsidy"
        " altogether? two of them are also doing an EMBA, is that covered?"
    )
    assert "100,000.00元" in reply
    assert "不符合" not in reply


@pytest.mark.parametrize(
    "text",
    [
        "2 project managers took a PMP course, 3万 each; one of them is also doing an MBA",
        "five senior staff went to training for our US clients and one of whom is enrolled in an EMBA",
        "3 PMs did business training, two of them are also in an MBA program",
    ],
)
def test_a_degree_course_said_of_some_of_the_people_is_not_everyones(text):
    assert message_facts(text).get("degree_education") is not True


@pytest.mark.parametrize(
    "text",
    [
        "all 3 are project manager level, training not counting the MBA",
        "the course fee excluding the EMBA tuition",
        "培训费里不包括那个MBA 只是业务培训",
        "读MBA的那笔不算在里面",
    ],
)
def test_a_degree_course_left_out_of_the_training_is_no_degree_education(text):
    assert message_facts(text).get("degree_education") is False


def test_a_degree_course_said_of_everyone_still_counts():
    assert message_facts("our 2 PMs are doing an MBA, can the tuition be subsidized").get("degree_education") is True


@pytest.mark.parametrize(
    "text,previous,current",
    [
        ("last year 去年执行额1200万 all domestic, this year 今年900万, any 增量奖励?", "12000000", "9000000"),
        ("去年合同额500万 今年650万 domestic only, how much 增量奖励", "5000000", "6500000"),
        ("去年70万，今年90万，全是本地客户的单子，能奖多少", "700000", "900000"),
    ],
)
def test_one_kind_said_of_every_figure_is_onshore(text, previous, current):
    s = EstimateSession.start(text)
    assert s.inputs.get("previous_onshore_cny") == Decimal(previous)
    assert s.inputs.get("onshore_cny") == Decimal(current)


def test_a_business_that_dropped_gets_no_increment_award():
    s = EstimateSession.start("our revenue fell: 去年执行额1200万 all domestic, 今年900万 — still any 增量奖励?")
    assert s.status == "done"
    assert s.compute()["total_cny"] == Decimal(0)


def test_the_company_registered_locally_is_no_kind_of_business():
    s = EstimateSession.start("公司都是本地注册的，今年执行额500万，去年400万，能拿多少")
    assert "onshore_cny" not in s.inputs  # 在岸 or 离岸 is asked, never assumed


# --- a claim under two policies asked in English -----------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "text",
    [
        "the 区 commerce bureau also pays part of our booth fee for the Tokyo expo, can we claim both or must we choose one?",
        "our 管委会 has a talent policy that also pays training fees — can we get both for the same cost?",
        "a 科技局 fund covers the same platform hardware. is double dipping allowed, or pick one?",
    ],
)
async def test_a_claim_under_two_policies_asked_in_english_gets_the_rule(text):
    reply = await _out_of_scope_reply(text)
    assert "自行选择" in reply and "不得重复申报" in reply
    assert "不能申报" not in reply and DECLINED not in reply


# --- 表格 and punctuation runs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "我们帮医院把纸质病历表格录进系统。。。算啥领域？？",
        "公司给企业做excel表格整理和数据核对，，这个属于哪类",
        "就是把客户的调查表格扫描录入，，算服务外包吗？？",
    ],
)
def test_a_table_in_a_business_described_is_no_request_for_forms(text):
    assert cannot_serve(understand(text)) is None


@pytest.mark.parametrize(
    "text", ["申报表格哪里下载？？", "给我发一份补贴申请的表格。。。", "奖补申报表格有没有模板", "你帮我把材料都填好"]
)
def test_forms_asked_for_are_still_declined(text):
    assert cannot_serve(understand(text)) is not None


def test_filled_in_the_system_is_a_fact_not_a_request():
    assert cannot_serve(understand("统计系统里都填好了，，能报吗")) is None


@pytest.mark.parametrize(
    "text,gone,kept",
    [
        ("今年在岸500万。。。说错了，，是520万", "500万", "520万"),
        ("去年离岸90万美元！！！不对不对。。。是95万美元", "90万美元", "95万美元"),
        ("培训费一共6万，，，我搞错了，，，是7万", "6万", "7万"),
    ],
)
def test_a_correction_typed_after_a_run_of_stops_replaces_the_figure(text, gone, kept):
    read = without_retracted(normalize(text))
    assert gone not in read and kept in read


def test_a_figure_taken_back_is_not_asked_about_again():
    s = EstimateSession.start("去年的单子80万，，哦不对不对是90万，，今年120万，，能拿多少？？")
    assert s.inputs.get("_unplaced") == ["90万元", "120万元"]


@pytest.mark.asyncio
async def test_an_it_help_desk_is_it_operations_not_a_call_centre():
    reply = await _out_of_scope_reply("we do IT helpdesk and desktop support for client offices — which domain?")
    assert "信息技术运营和维护服务" in reply and "呼叫中心服务" not in reply
