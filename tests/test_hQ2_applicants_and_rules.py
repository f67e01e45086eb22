"""Round 25 classes (hQ2): the applicant that has nothing in Zhengzhou, an individual in dialect, each of several
applicants asked about in a numbered part of its own, a new national catalog asked in English, and a double claim
with another policy of the city."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.policy import ActionAnswerPolicy
from bot.answers import compose, eligibility, qualify
from bot.nlu.normalize import understand
from bot.understand import part_subjects
from bot.understand.facts import message_facts
from knowledge import shapes


def reply(text: str, intent: str = "ask_eligibility") -> str:
    """What the policy action says to `text` as the first message of a conversation."""
    msg = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [], "message_id": "hq2"}
    tracker = Tracker(
        "hq2", {}, msg, [{"event": "user", "text": text, "timestamp": 1}], False, None, {}, "action_listen"
    )
    d = CollectingDispatcher()
    asyncio.run(ActionAnswerPolicy().run(d, tracker, {}))
    return "\n".join(m.get("text") or "" for m in d.messages)


def facts(text: str) -> dict:
    return eligibility.facts_from(understand(text))


class TestNothingSetUpInZhengzhou:
    @pytest.mark.parametrize(
        "text",
        [
            "Our parent is a legal entity registered in Beijing, and we do not have any company or branch in Zhengzhou",
            "母公司是在北京注册的独立法人 在郑州目前还没有公司或分公司",
        ],
    )
    def test_a_legal_person_elsewhere_is_not_set_up_here(self, text):
        read = facts(text)
        assert read == {"entity_type": "legal_person", "registered_in_zhengzhou": False}
        assert eligibility.verdict(read)["status"] == "not_eligible"

    def test_neither_company_nor_branch_and_nothing_else_is_no_enterprise(self):
        assert facts("在郑州既没有公司也没有分公司 我自己接活")["entity_type"] == "other"

    def test_english_question_gets_the_not_met_verdict_naming_zhengzhou(self):
        a = compose(
            None,
            "Our group HQ is a legal entity registered in Beijing. We don't have any company or branch in Zhengzhou, "
            "can the Beijing company apply for the 服务外包 subsidy?",
            facts={},
        )
        assert "不符合" in a.text and "在郑州市行政区域内依法设立" in a.text


class TestDialectIndividual:
    def test_dialect_negation_and_freelancer_read_as_no_enterprise(self):
        read = message_facts("俺就是个搞自由职业的 木有开公司 平时帮人做网站")
        assert read["entity_type"] == "other"

    def test_no_business_licence_is_no_enterprise(self):
        read = message_facts("俺们就仨人 木有营业执照 给国外客户做游戏美术")
        assert read["entity_type"] == "other"

    def test_a_company_hiring_freelancers_is_still_a_company(self):
        assert message_facts("我们公司外包给几个自由职业者做测试")["entity_type"] == "legal_person"

    @pytest.mark.parametrize("text", ["这个补贴俺能领不 咋弄", "我们能报不，急"])
    def test_spoken_can_or_not_with_words_after_it_is_a_yes_no_question(self, text):
        assert qualify.is_shape("qualify", text)

    def test_can_not_get_is_no_question(self):
        assert not qualify.is_shape("qualify", "今年肯定能拿不到了吧这事我知道")

    def test_dialect_words_are_read_as_common_words(self):
        assert understand("俺们木有注册公司 咋整") == "我们没有注册公司 怎么办"

    def test_individual_asking_in_dialect_gets_not_met_not_a_catalog_domain(self):
        said = reply(
            "俺是自由职业者 木有注册公司 帮国外客户做app开发 这个政策俺能申请不 咋整", "ask_domain_of_business"
        )
        assert said.startswith("结论：不符合第二条") and "独立法人企业" in said
        assert "可归入" not in said


class TestEachApplicantItsOwnFacts:
    MESSAGE = (
        "我们是北京总部的软件集团 在郑州设了一个子公司(独立法人 注册在郑州 产权清晰 依法经营 依法纳税 财务规范 "
        "商务部统计系统已注册填报)还有一个分公司 分公司的税回北京总部统一交 两个问题 1子公司能申报吗 2分公司能申报吗"
    )

    def test_tax_sent_back_to_head_office_is_not_paid_here(self):
        assert facts("分公司的税是回北京汇总交的")["pays_tax_in_zhengzhou"] is False
        assert facts("税都回郑州交")["pays_tax_in_zhengzhou"] is True

    def test_a_part_reads_only_the_facts_said_of_its_applicant(self):
        whole = understand(self.MESSAGE)
        sub = part_subjects.part_facts(whole, "1子公司能申报吗", {"pays_tax_in_zhengzhou": False})
        branch = part_subjects.part_facts(whole, "2分公司能申报吗", {"registered_in_zhengzhou": True})
        assert sub["entity_type"] == "legal_person" and sub["registered_in_zhengzhou"] is True
        assert "pays_tax_in_zhengzhou" not in sub
        assert branch == {"entity_type": "branch", "pays_tax_in_zhengzhou": False}

    def test_one_applicant_described_leaves_the_facts_alone(self):
        assert part_subjects.part_facts("我们是郑州注册的子公司 独立法人", "子公司能报吗", {}) is None

    def test_each_part_gets_the_verdict_of_its_own_applicant(self):
        a = compose(None, self.MESSAGE, facts={})
        first, _, second = a.text.partition("2. ")
        assert "结论：符合" in first and "不符合" not in first
        assert "不符合" in second and "在郑纳税" in second


class TestPolicyRules:
    def test_new_national_catalog_in_english_is_the_catalog_update_rule(self):
        t = understand("If the ministry issues a new national catalogue, will Zhengzhou's list be adjusted?")
        assert shapes.search("catalog_update", t)
        a = compose(None, "If MOFCOM releases a new national catalog, is Zhengzhou's supported list updated by itself?")
        assert "市商务局" in a.text and "调整" in a.text

    def test_both_sides_with_another_city_policy_is_the_double_claim_rule(self):
        text = "郑州另外一个人才扶持政策也补培训 这个政策的培训补贴我们也沾边 两边能都领吗"
        assert shapes.search("double_claim", understand(text))
        a = compose(None, text, facts={})
        assert "不得重复申报" in a.text and "自行选择" in a.text


def test_new_catalog_question_the_nlu_calls_out_of_scope_is_answered_from_the_rule():
    from actions.policy import ActionOutOfScope

    text = "Will the supported list change once a revised catalogue comes out nationally?"
    msg = {"text": text, "intent": {"name": "out_of_scope", "confidence": 0.9}, "entities": [], "message_id": "hq2b"}
    tracker = Tracker(
        "hq2b", {}, msg, [{"event": "user", "text": text, "timestamp": 1}], False, None, {}, "action_listen"
    )
    d = CollectingDispatcher()
    asyncio.run(ActionOutOfScope().run(d, tracker, {}))
    said = "\n".join(m.get("text") or "" for m in d.messages)
    assert "市商务局" in said and "调整" in said
