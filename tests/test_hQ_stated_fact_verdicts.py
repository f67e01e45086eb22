"""A question that states facts gets a verdict on those facts (符合 / 不符合 / 还需确认, naming the condition and
its clause): 第二条's facts read from what the applicant says of itself, every clause's numeric thresholds from
conditions.yml with their bound words (以上/不低于 include the number, 超过 excludes it)."""

from decimal import Decimal

import pytest

from knowledge import conditions as cond

from bot.answers import eligibility, qualify, router
from bot.nlu.normalize import understand
from bot.understand.facts import read_facts


def second(text: str) -> dict:
    return eligibility.facts_from(understand(text))


# --- 第二条: the applicant's own words ----------------------------------------------------------------------------


class TestSecondArticleFacts:
    def test_a_denial_covers_every_form_it_lists(self):
        """「没有设立任何公司或分公司」 says there is no branch either: no 分支机构 read from it."""
        facts = second("我们在内地没有开设任何公司或分公司，业务都在新加坡签")
        assert facts.get("entity_type") != "branch"
        assert facts.get("registered_in_zhengzhou") is False

    def test_traditional_characters_read_like_simplified(self):
        said = "我們是澳門註冊的公司，在內地沒有設立任何公司或分公司，可以申請鄭州的獎勵嗎"
        facts = second(said)
        assert facts == {"entity_type": "legal_person", "registered_in_zhengzhou": False}
        reply = eligibility.answer(understand(said)).text
        assert reply.startswith("结论：不符合第二条") and "在郑州市行政区域内依法设立" in reply

    def test_the_system_named_before_a_space_is_what_was_not_registered(self):
        facts = second("部里的外包统计系统 我们到现在还没注册 会不会影响")
        assert facts.get("mofcom_registered") is False
        reply = eligibility.answer(understand("部里的外包统计系统 我们到现在还没注册 会不会影响")).text
        assert reply.startswith("结论：不符合") and "统计系统" in reply

    def test_a_system_named_in_a_phrase_of_its_own_with_punctuation_stays_apart(self):
        """Only a space joins the topic phrase to the next: 「系统。」 ends the sentence."""
        assert "mofcom_registered" not in second("我们公司自己开发了一个管理系统。还没注册商标")

    def test_a_branch_that_pays_tax_here_gets_the_verdict_with_what_is_left(self):
        reply = eligibility.answer(understand("我们是上海一家软件公司在郑州设的分公司 税也在郑州缴 够条件吗")).text
        assert reply.startswith("结论：还不能确定")
        assert "分支机构在郑纳税" in reply.split("还需确认")[0]
        assert "统计系统" in reply.split("还需确认")[1] and "财务" in reply.split("还需确认")[1]

    def test_a_branch_paying_tax_elsewhere_is_not_eligible(self):
        reply = eligibility.answer(understand("我们是郑州的分公司 税在武汉总部交 能申报吗")).text
        assert reply.startswith("结论：不符合")


# --- every clause's numeric thresholds, from the data ---------------------------------------------------------------


def numeric_leaves():
    out = []
    for code in cond.clause_codes():
        for leaf in cond.leaves(code):
            if leaf.get("op") in ("ge", "gt") and leaf.get("figure") and not leaf.get("when"):
                out.append(pytest.param(code, leaf, id=f"{code}:{leaf['id']}"))
    return out


def status_of(code: str, leaf: dict, value) -> str:
    v = cond.evaluate(code, {leaf["fact"]: value})
    return next(c.status for c in v.checks if c.id == leaf["id"])


@pytest.mark.parametrize("code,leaf", numeric_leaves())
def test_the_threshold_itself_counts_only_under_an_inclusive_bound_word(code, leaf):
    limit = cond.threshold(leaf)
    word = cond.bound_word(leaf)
    inclusive = word in ("以上", "不低于", "不少于", "每", "自")
    assert status_of(code, leaf, limit) == (cond.MET if inclusive else cond.NOT_MET), word
    step = Decimal(1) if limit >= 1 else Decimal("0.01")
    assert status_of(code, leaf, limit - step) == cond.NOT_MET
    assert status_of(code, leaf, limit + step) == cond.MET


def test_the_data_has_both_kinds_of_bound_word():
    """The numeric thresholds the verdicts compare with carry the policy's own words, inclusive and exclusive."""
    words = {cond.bound_word(leaf) for c in cond.clause_codes() for leaf in cond.leaves(c) if leaf.get("figure")}
    assert {"超过", "以上", "不低于"} <= words


# --- verdicts on the facts a question states ----------------------------------------------------------------------


def verdict(text: str):
    t = understand(text)
    facts = read_facts(t)
    return qualify.answer(t, facts, facts)


class TestBoundaryQuestions:
    def test_exactly_the_number_under_yi_shang_is_met_and_said_so(self):
        a = verdict("我们跟学院签了两年实训协议 今年正好收了20个实习生 包不包括20这个数")
        assert a is not None and "每年接受服务外包实习生20名以上（“以上”包含本数" in a.text
        assert "不满足" not in a.text

    def test_one_below_is_not_met(self):
        a = verdict("我们签了三年实训协议 今年收了19个实习生 够不够20名以上的条件")
        assert a is not None and a.text.startswith("结论：不符合第三条第（七）项第4点")
        assert "（您说的是：19名）" in a.text

    def test_a_self_description_asking_whether_it_is_enough_gets_the_verdict(self):
        a = verdict("我们和两所高校签了4年协议 每年正好接20名实习生 这个够不够条件")
        assert a is not None and a.verdict != "noted" and "包含本数" in a.text

    def test_exactly_one_million_dollars_is_not_over_it(self):
        a = verdict("我们今年离岸执行额正好100万美元 离岸奖励能拿吗")
        assert a is not None and a.text.startswith("结论：不符合第三条第（二）项")
        assert "“超过”不包含本数" in a.text

    def test_social_insurance_short_of_six_months(self):
        a = verdict("我们有个应届生社保连续交了5个月 实训补贴能算他吗")
        assert a is not None and a.text.startswith("结论：不符合") and "不低于6个月（您说的是：5个月）" in a.text

    def test_social_insurance_exactly_six_months(self):
        a = verdict("我们有个应届生社保正好连续交了6个月 实训补贴能算他吗")
        assert a is not None and "不满足" not in a.text and "不低于”包含本数" in a.text


class TestFiguresAcrossParts:
    def test_the_cue_of_the_requirement_asked_names_the_next_phrase_figure(self):
        facts = read_facts(understand("培训基地那条的社保要连续交几个月？我们一个应届生交了3个月了 算不算"))
        assert facts.get("social_insurance_months") == cond.Span.of(3)
        assert "internship_months" not in facts

    def test_a_question_alone_states_nothing(self):
        assert "social_insurance_months" not in read_facts(understand("社保要交多久？"))

    def test_the_part_after_the_requirement_gets_the_verdict(self):
        said = "实训补贴说的社保 要求连续交多长时间？我们这边一个学生交了2个月 能算吗"
        facts = read_facts(understand(said))
        reply = router.compose(None, said, facts=facts).text
        assert "结论：不符合第三条第（七）项第4点" in reply and "（您说的是：2个月）" in reply

    def test_english_words_between_cue_and_figure(self):
        t = understand('offshore award says "more than 1M USD" - our company did exactly USD 1,000,000 in 2024, ok?')
        assert read_facts(t).get("offshore_usd") == cond.Span.of(1000000)


class TestAfterTheVerdict:
    def test_the_rest_unknown_stays_to_be_confirmed(self):
        facts = second("我们是外地公司在郑州的分公司 在郑州纳税")
        a = qualify.rest_unknown_answer("2", facts)
        assert a is not None and "待确认" in a.text and "还需确认" in a.text and "统计系统" in a.text

    def test_the_rest_unknown_after_a_failed_condition_keeps_the_verdict(self):
        facts = read_facts(understand("我们今年收了12个实习生"))
        a = qualify.rest_unknown_answer("3.7.4", facts)
        assert a is not None and "结论不变" in a.text and "不符合" in a.text

    def test_nothing_said_of_the_clause_gives_no_answer(self):
        assert qualify.rest_unknown_answer("3.7.4", {}) is None
        assert qualify.rest_unknown_answer(None, {"interns_per_year": 20}) is None


def test_choices_of_an_alternative_question_are_no_figures_told():
    from actions.estimate import _figures_told

    assert _figures_told("技术先进型的奖励 是年年都发还是只发一次") == []
    assert _figures_told("我们离岸150万美元 是按执行年的汇率还是申报年的") != []


def test_compound_question_says_the_described_branch_against_the_second_article():
    said = "我们是深圳总部在郑州的分公司 在郑州缴税 新认定了技术先进型 奖励多少 另外我们做软件测试 属于哪个领域"
    reply = router.compose(None, said, facts=read_facts(understand(said))).text
    assert "关于申报资格（第二条）" in reply and "分支机构在郑纳税" in reply
