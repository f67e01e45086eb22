"""English (or mixed) questions naming this policy's items are answered, not declined as out of scope.

The English words are read through synonyms.yml's glossary (payroll, HR admin, per trainee, education level,
contract length, senior staff training, per person per year, total cap, contact words); requests the assistant
cannot serve (contact details, a guessed figure) get their own specific decline (document.yml cannot_serve)."""

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.policy import ActionOutOfScope, stated_awards_first
from bot.answers import router
from bot.answers.general import cannot_serve
from bot.nlu.normalize import glossary_words, joined_hanzi, understand
from knowledge import other_policies
from tests.test_actions import run, texts, tracker


def test_payroll_and_hr_admin_are_read_as_policy_words():
    words = glossary_words("our team runs payroll processing and HR administration for clients")
    assert "薪酬核算" in words and "人力资源管理" in words


def test_bare_address_is_not_a_contact_word():
    assert "地址" not in understand("how do we address the increment question")


@pytest.mark.asyncio
async def test_hr_outsourcing_described_in_english_is_placed_in_the_catalog():
    d, _ = await run(
        ActionOutOfScope(),
        tracker(
            "apart from our hotline work we handle payroll and HR admin for client firms, which category of the catalog?",
            intent="out_of_scope",
        ),
    )
    reply = texts(d)
    assert "内部管理服务" in reply and "业务流程外包" in reply
    assert "超出了我的范围" not in reply


@pytest.mark.asyncio
async def test_training_institution_support_asked_in_english_gives_amount_and_conditions():
    d, _ = await run(
        ActionOutOfScope(),
        tracker(
            "a training centre we work with: what do they receive per trainee, and what education level and"
            " contract length are required?",
            intent="out_of_scope",
        ),
    )
    reply = texts(d)
    assert "500元" in reply and "大专" in reply and "1年以上" in reply


@pytest.mark.asyncio
async def test_senior_staff_training_cap_asked_in_english():
    d, _ = await run(
        ActionOutOfScope(),
        tracker("senior employee training subsidy - what is the ceiling per person per year?", intent="out_of_scope"),
    )
    reply = texts(d)
    assert "3万" in reply and "超出了我的范围" not in reply


def test_total_cap_per_company_is_the_annual_500_wan():
    answer = router.answer_part(None, understand("and the overall cap for one company each year?"), [], None, None)
    assert answer.clause == "4.3" and "500万" in answer.text


def test_contact_details_asked_in_english_are_declined_as_such():
    reply = cannot_serve(understand("could you send me the hotline and website of the commerce bureau"))
    assert reply is not None and "不提供" in reply.text


def test_a_guessed_figure_is_refused_with_the_figures_needed():
    reply = cannot_serve(understand("条款什么的先放一边 你拍个数 我们能拿多少"))
    assert reply is not None and "不能凭空估" in reply.text and "合同执行额" in reply.text


def test_an_estimate_with_figures_is_no_guess():
    assert cannot_serve(understand("大概估一下 今年离岸300万美元 汇率7.1 能拿多少")) is None
    assert cannot_serve(understand("大概说一下培训补贴的条件吧")) is None


def test_awards_named_in_english_read_as_one_term():
    assert joined_hanzi(understand("the growth award 150万")) == "the 增量奖励 150万"


@pytest.mark.asyncio
async def test_awards_stated_in_english_are_held_to_the_annual_total():
    d = CollectingDispatcher()
    t = tracker(
        "suppose the growth award is 150万, offshore award 200万 and rent subsidy 180万, added together"
        " do we receive it all?",
        intent="estimate_award",
    )
    assert stated_awards_first(d, t) is not None
    reply = texts(d)
    assert "500万" in reply and "拿不到全部" in reply


def test_a_tax_mention_beside_a_foreign_project_training_is_context():
    said = "我们一个项目经理上了个涉外业务的课程 花了1.6万 个税在郑州交的 能补多少"
    assert other_policies.subject(said) is None


@pytest.mark.asyncio
async def test_a_person_in_charge_contact_asked_in_english_is_declined_specifically():
    d, _ = await run(
        ActionOutOfScope(),
        tracker(
            "can you give me the telephone number of the official who handles these grants?", intent="out_of_scope"
        ),
    )
    reply = texts(d)
    assert "不提供" in reply and "500万" not in reply
