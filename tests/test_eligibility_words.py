"""第二条's facts read from messages (bot/answers/eligibility.py with knowledge/data/eligibility_words.yml)."""

from pathlib import Path

import pytest
import yaml

from bot.answers.eligibility import answer, facts_from, summary
from bot.nlu.normalize import normalize, understand
from bot.prescreen.session import PrescreenSession

WORDS = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "knowledge" / "data" / "eligibility_words.yml").read_text(encoding="utf-8")
)["second_article"]
EXAMPLES = [
    (field, text, want)
    for field, spec in WORDS.items()
    if isinstance(spec, dict)
    for text, want in spec.get("examples", [])
]


def read(text: str) -> dict:
    """The facts as the answers read them: English and pinyin words through synonyms.yml first."""
    return facts_from(understand(text))


class TestWordListExamples:
    """Every example of eligibility_words.yml reads as written there."""

    @pytest.mark.parametrize("field,text,want", EXAMPLES, ids=[f"{f}:{t[:12]}" for f, t, _ in EXAMPLES])
    def test_example(self, field, text, want):
        """The example's fact has its expected value."""
        assert want == read(text).get(field)

    def test_every_fact_has_examples(self):
        """Each fact of 第二条 has at least two examples, one of each polarity where it is a yes/no fact."""
        for field in (
            "registered_in_zhengzhou",
            "pays_tax_in_zhengzhou",
            "clear_property_rights",
            "lawful_operation",
            "lawful_tax",
            "sound_finance",
            "mofcom_registered",
        ):
            values = {want for f, _, want in EXAMPLES if f == field}
            assert {True, False} <= values, field


class TestNotRequired:
    """Things 第二条 does not ask for are said not to be required."""

    @pytest.mark.parametrize("text,want", WORDS["not_required_examples"])
    def test_example(self, text, want):
        """The example names what it asks about."""
        from bot.answers.eligibility import not_required

        assert want == not_required(normalize(text))

    def test_answer_says_not_required(self):
        """「不是高新技术企业能申报吗」: not a condition."""
        out = answer(normalize("我们公司在郑州高新区 但不是高新技术企业 能申报这个服务外包政策吗")).text
        assert out.startswith("第二条的申报资格不要求高新技术企业")


class TestQuestionWords:
    """The words that steer the answer's wording (must-questions, kinds of applicant)."""

    @pytest.mark.parametrize("text,want", WORDS["must_examples"])
    def test_must_topic(self, text, want):
        """A "must we …" question names its condition; other questions name none."""
        from bot.answers.eligibility import must_topic

        assert (want or "") == must_topic(normalize(text))

    @pytest.mark.parametrize("kind,text", WORDS["explain_examples"])
    def test_explain_words(self, kind, text):
        """Each kind's words find its example."""
        from bot.answers.eligibility import words

        assert words()[kind].search(normalize(text))


class TestNegationScope:
    """A negation turns round only the statement it stands in."""

    def test_negation_after_a_positive_statement(self):
        """「纳税正常没欠过」: 没 negates 欠, so 依法纳税 holds."""
        assert True is read("产权清晰，依法经营，纳税正常没欠过")["lawful_tax"]

    def test_negated_debt(self):
        """「没欠过税」 holds; 「还有一笔欠税」 fails."""
        assert True is read("我们从来没欠过税")["lawful_tax"]
        assert False is read("公司目前还有一笔欠税没交上")["lawful_tax"]

    def test_never_registered(self):
        """「一直没注册过」 inside the statement about the system fails it."""
        assert False is read("商务部那个统计系统一直没注册过")["mofcom_registered"]

    def test_registered_but_not_reported(self):
        """Registered but not reported in time: not 注册并及时填报 (one failing statement wins)."""
        facts = read("我们在商务部统计系统是注册了的 但是去年一整年都没上去填报合同签约和执行的数据")
        assert False is facts["mofcom_registered"]

    def test_no_problem_is_no_negation(self):
        """「都没问题」 confirms the facts it names."""
        facts = read("产权、经营、财务、统计系统注册这些都没问题")
        assert all(
            facts[f] is True
            for f in ("clear_property_rights", "lawful_operation", "sound_finance", "mofcom_registered")
        )

    def test_negation_stays_in_its_phrase(self):
        """A negation in the phrase before does not reach the next one."""
        facts = read("我们不是新企业，财务制度健全")
        assert True is facts["sound_finance"]

    def test_equity_dispute(self):
        """A lawsuit over shares: 产权清晰 fails."""
        assert False is read("几个股东正在打股权官司 公司股权到底谁的现在还说不清")["clear_property_rights"]


class TestWhoAndWhere:
    """The applicant's form and place."""

    def test_office_of_a_company_registered_elsewhere(self):
        """An 办事处 is not a branch paying tax here: the company itself is registered outside Zhengzhou."""
        facts = read("我们公司营业执照注册在开封 在郑州只有一个办事处")
        assert "legal_person" == facts["entity_type"] and False is facts["registered_in_zhengzhou"]

    def test_office_paying_tax_here(self):
        """An office said to pay tax in Zhengzhou counts as a branch paying tax here."""
        facts = read("总部在开封 郑州办事处在郑州单独纳税")
        assert "branch" == facts["entity_type"] and True is facts["pays_tax_in_zhengzhou"]

    def test_branch_paying_tax_elsewhere(self):
        """「分公司税在洛阳交」: a branch not paying tax in Zhengzhou."""
        facts = read("总公司在郑州 我们是洛阳的分公司 分公司税在洛阳交")
        assert "branch" == facts["entity_type"] and False is facts["pays_tax_in_zhengzhou"]

    def test_not_a_branch(self):
        """「郑州没有分公司」 is not a branch."""
        facts = read("我们是外地公司 注册在武汉 郑州没有分公司 只是在郑州有业务")
        assert "legal_person" == facts["entity_type"] and False is facts["registered_in_zhengzhou"]

    def test_tax_elsewhere_with_all_else_met(self):
        """「税不在郑州交，其他都满足」: 其他 does not cover the tax stated unmet."""
        facts = read("我们税不在郑州交，其他条件都满足")
        assert "branch" == facts["entity_type"] and False is facts["pays_tax_in_zhengzhou"]

    def test_sole_trader(self):
        """个体工商户 is not an enterprise of 第二条."""
        assert "other" == read("我们营业执照上写的是个体工商户，不是公司")["entity_type"]

    def test_system_is_not_a_place(self):
        """「在商务部系统注册」 says nothing of where the company is registered."""
        assert "registered_in_zhengzhou" not in read("我们在商务部系统注册了")


class TestVerdicts:
    """The answer says 结论 first and never 符合 to an applicant that fails a condition."""

    @pytest.mark.parametrize(
        "text,named",
        [
            ("我们公司营业执照注册在开封 在郑州只有一个办事处 可以申报吗", "在郑州市行政区域内依法设立"),
            ("我们是金水区注册的独立法人 别的都还行 就是商务部那个统计系统一直没注册过 现在能直接申报吗", "统计系统"),
            ("问下 我们在商务部统计系统是注册了的 但是去年一整年都没上去填报 这样还有申报资格吗", "及时填报"),
            ("我们几个股东正在打股权官司 公司股权到底谁的现在还说不清 公司本身是郑州注册的 能报吗", "产权清晰"),
            ("总公司在郑州 我们是洛阳的分公司 分公司税在洛阳交 能不能单独申报", "在郑纳税"),
        ],
    )
    def test_not_eligible(self, text, named):
        """Each stated unmet condition makes the answer start 「结论：不符合」 and name it."""
        text_out = answer(normalize(text)).text
        assert text_out.startswith("结论：不符合") and named in text_out.split("\n")[0]

    def test_eligible(self):
        """Every condition stated met: 「结论：符合」."""
        text = (
            "您好 我们公司在郑东新区注册，独立法人。产权清晰，依法经营，纳税正常没欠过，财务制度健全规范，"
            "商务部服务外包统计系统注册好几年了 合同签约和执行都及时填。这样具备申报资格吗"
        )
        out = answer(normalize(text)).text
        assert out.startswith("结论：符合") and "不符合" not in out

    def test_summary_needs_a_description(self):
        """An estimate gets a 第二条 line only when the applicant described itself."""
        assert "" == summary({"entity_type": "legal_person"})
        assert summary(read("郑州注册独立法人 产权清晰 依法经营 依法纳税 财务健全 统计系统按时填报")).startswith(
            "结论：符合"
        )


class TestPrescreenVolunteered:
    """Facts volunteered out of turn are kept; an unmet one ends the pre-screening 不符合."""

    def test_opening_message(self):
        """「分支机构，税不在郑州交，其他条件都满足」 ends at once, failing 在郑纳税."""
        s = PrescreenSession.start("帮我做个预审 我们是分支机构，税不在郑州交，其他条件都满足")
        assert "done" == s.step and ["pays_tax_in_zhengzhou"] == s.failing()

    def test_answer_to_another_question(self):
        """Asked about 依法纳税, the user says the branch pays no tax here: kept, and the verdict fails."""
        s = PrescreenSession.start("我想做个预审")
        s.handle("企业")
        s.handle("我们是北京总公司在郑州的分公司，税是总公司汇总在北京交的，郑州这边不交税")
        assert "done" == s.step and "pays_tax_in_zhengzhou" in s.failing()

    def test_at_the_checklist(self):
        """At the checklist, a statement of an unmet condition still ends it 不符合."""
        s = PrescreenSession.start("我想做个预审 郑州注册的独立法人 其他条件都满足")
        assert "items" == s.step
        s.handle("对了，统计系统我们其实一直没注册过")
        assert "done" == s.step and ["mofcom_registered"] == s.failing()

    def test_no_problem_is_yes(self):
        """「没问题」 answers yes, although it starts with 没."""
        s = PrescreenSession.start("我想做个预审 郑州注册的独立法人")
        assert "clear_property_rights" == s.pending
        s.handle("没问题")
        assert True is s.facts["clear_property_rights"]

    def test_eligible_goes_on_to_items(self):
        """An eligible applicant is asked for items and figures, not stopped."""
        s = PrescreenSession.start(
            "预审：郑州注册独立法人，产权清晰、依法经营、依法纳税、财务制度健全，统计系统按时填报"
        )
        assert "items" == s.step and [] == s.failing()


CONDITION_FIELDS = ("clear_property_rights", "lawful_operation", "lawful_tax", "sound_finance", "mofcom_registered")


class TestNeverQualifiesWhenAConditionFails:
    """Property: a message that states one condition unmet is never told 符合, whatever else it says."""

    # (field, text): a met statement of the unmet one's own field would contradict it (「财务没有专门的财务部」 beside
    # 「财务外包给代账公司 账目很规范」), so the met statements drawn are of the other fields only
    UNMET = [(field, text) for field, text, want in EXAMPLES if want is False and field in CONDITION_FIELDS]
    MET = [(field, text) for field, text, want in EXAMPLES if want is True and field in CONDITION_FIELDS]

    def test_property(self):
        """Any met statements, in any order, with one unmet statement and 「其他条件都满足」: 不符合."""
        from hypothesis import given, settings
        from hypothesis import strategies as st

        @settings(max_examples=150, deadline=None)
        @given(
            st.sampled_from(self.UNMET),
            st.lists(st.sampled_from(self.MET), max_size=4),
            st.integers(0, 4),
            st.booleans(),
        )
        def check(unmet, met, at, others):
            parts = ["我们是郑州注册的独立法人"] + [text for field, text in met if field != unmet[0]]
            parts.insert(min(at, len(parts)), unmet[1])
            text = "，".join(parts) + ("，其他条件都满足" if others else "") + "，能申报吗"
            out = answer(understand(text)).text
            assert "结论：符合" not in out and out.startswith("结论：不符合"), text

        check()
