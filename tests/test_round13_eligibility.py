"""Eligibility and question parts fixed after the round-13 outside question cases were played (the wording here is the team's own):
numbered questions and 「…不」 questions split, a stated 第二条 fact that fails deciding any "can we apply",
bare topic words listed before 「都规范」, the applicant described against 第二条 with a question on a
requirement it does not have, and a policy figure quoted back (「那10万」) told from the user's amount."""

from actions.estimate import ActionLooseAnswer
from actions.policy import ActionAnswerPolicy, ActionDefaultFallback
from bot.answers import eligibility, router
from bot.estimate.session import own_figures
from bot.nlu.normalize import normalize, understand
from bot.understand import segment
from tests.test_actions import run, texts, tracker

REFUSED = ("不符合", "不满足")


class TestQuestionParts:
    def test_numbered_questions_are_parts_of_their_own(self):
        """「1 …哪个领域 2 …可以申报吗」: the second numbered question is not folded into the first."""
        t = understand("我们接外企的员工福利外包 统计系统还没开账号 1 这个属于哪个领域 2 账号没开可以申报吗")
        parts = router.message_parts(t)
        assert 2 == len(parts) and parts[1].endswith("账号没开可以申报吗") and "账号没开" not in parts[0]

    def test_a_number_that_is_an_amount_is_no_list_marker(self):
        whole = "1 展位费能补吗 2.5万的特装费呢"
        assert not segment.numbered("2.5万的特装费呢", whole)
        assert not segment.numbered("2 个人能报吗", "2 个人能报吗")  # no 1 before it
        assert segment.numbered("② 账号没开可以申报吗", "① 算哪个领域 ② 账号没开可以申报吗")

    def test_a_clause_ending_in_bu_asks(self):
        assert segment.is_question("我们这种合伙企业可以申请不")
        assert not segment.is_question("我们这种合伙企业")
        parts = router.message_parts(understand("我们是合伙企业 可以申请不 还有实习生补贴每个人给多少"))
        assert 2 == len(parts)


class TestStatedFactFailsSecondArticle:
    async def test_a_penalty_not_yet_rectified_is_not_lawful_operation(self):
        text = "你好 我们公司前年超范围经营被市场监管局罚过 到现在整改还没验收 服务外包的奖励还能申请吗"
        d, _ = await run(ActionDefaultFallback(), tracker(text, intent="nlu_fallback"))
        reply = texts(d)
        assert reply.startswith("结论：不符合第二条") and "依法经营" in reply

    async def test_a_licence_issued_elsewhere_is_not_set_up_in_zhengzhou(self):
        text = "执照是在许昌办的 人基本都在郑州上班 统计系统也注册了 可以按郑州这边的政策报奖励吗"
        d, _ = await run(ActionAnswerPolicy(), tracker(text, intent="ask_eligibility"))
        reply = texts(d)
        assert reply.startswith("结论：不符合第二条") and "在郑州市行政区域内依法设立" in reply

    async def test_each_numbered_question_gets_its_answer(self):
        """The catalog part is placed; the unregistered applicant's "can we apply" part is 不符合, naming the system."""
        text = "我们接外企的员工福利外包 统计系统还没开账号 1 这个属于哪个领域 2 账号没开可以申报吗"
        d, _ = await run(ActionDefaultFallback(), tracker(text, intent="nlu_fallback"))
        reply = texts(d)
        second = reply.split("\n\n2. ")[1]  # its header quotes no 「可以申报」 the verdict does not say
        assert "1. 关于" in reply and "领域" in reply.split("\n\n2. ")[0]
        assert second.split("：\n", 1)[1].startswith("结论：不符合第二条") and "统计系统" in second

    async def test_an_individual_and_a_second_question_on_costs(self):
        text = "我们是合伙企业 可以申请不 还有展会补贴能报销哪些费用"
        d, _ = await run(ActionAnswerPolicy(), tracker(text, intent="ask_subsidy"))
        reply = texts(d)
        first, second = reply.split("2. 关于")
        assert "结论：不符合第二条" in first
        assert all(w in second for w in ("注册费", "展位费", "特装费"))

    def test_a_clause_fact_stated_keeps_the_clause_verdict(self):
        """「协会办的展 没有商务部门指定」: the fair's own condition is what the message speaks to; 三（五） answers."""
        from bot.answers import qualify
        from bot.understand.facts import read_facts_cached

        text = normalize("我们去的是一个协会办的展 没有商务部门指定 展位费能申请补贴吗")
        said = read_facts_cached(text)
        assert "3.5" == qualify.answer(text, said, said).clause

    def test_training_institutions_are_not_held_to_the_second_article(self):
        from bot.answers import qualify

        facts = {"applicant_type": "training_institution", "entity_type": "other"}
        assert qualify._second_article_failed("我们培训机构能申请吗", facts, None) is None


class TestFactsListedBeforeTheirPredicate:
    def test_bare_topic_words_before_dou_guifan(self):
        facts = eligibility.facts_from(normalize("郑州注册的独立法人 统计系统 纳税 产权都没问题"))
        assert facts["mofcom_registered"] is True and facts["lawful_tax"] is True
        assert facts["clear_property_rights"] is True

    def test_a_long_phrase_before_is_not_part_of_the_list(self):
        facts = eligibility.facts_from(normalize("我们去年的账目做得比较乱 纳税都正常"))
        assert "sound_finance" not in facts and facts["lawful_tax"] is True


class TestApplicantAgainstTheSecondArticle:
    async def test_a_young_company_asking_whether_an_age_is_required(self):
        text = (
            "公司成立才八个月 金水区注册的有限公司 统计系统开通了合同都及时填 产权清晰 财务 纳税 经营都合规 "
            "行不行啊 是不是要成立满三年才能报"
        )
        d, events = await run(ActionLooseAnswer(), tracker(text, intent="inform"))
        reply = texts(d)
        assert reply.startswith("结论：符合第二条的申报资格") and "不要求成立年限" in reply
        assert not any(e.get("name") == "estimate_state" for e in events)

    def test_a_client_of_a_size_is_no_question_on_the_applicant(self):
        assert not eligibility.asks_about_applicant(understand("帮小微企业做人事代理 发工资 算服务外包吗"))


class TestQuotedPolicyFigure:
    def test_the_award_quoted_back_is_not_an_amount(self):
        text = normalize("技术先进型是前年评上的 今年复核又通过了 这个10万今年还能领吗")
        assert [] == [f for f in own_figures(text) if f.kind == "money"]

    def test_an_amount_that_is_no_figure_of_the_named_item_stays(self):
        text = normalize("展会那10万能补多少")
        assert [100000] == [f.value for f in own_figures(text) if f.kind == "money"]

    async def test_a_renewal_gets_no_one_off_award_and_the_other_question_its_rate(self):
        text = "技术先进型资格是续期的 能领这个10万不 另外离岸奖励比例多少"
        d, _ = await run(ActionAnswerPolicy(), tracker(text, intent="ask_subsidy"))
        reply = texts(d)
        first, second = reply.split("2. 关于")
        assert "结论：不符合第三条第（四）项" in first and "新获得" in first
        assert "10%" in second and "测算" not in first


class TestRegressionsFoundAfterMerging:
    """Found by the whole case run after the round-13 branches were merged (wording the team's own)."""

    def test_branch_paying_tax_at_head_office_in_english_is_never_met(self):
        import asyncio

        t = tracker(
            "hello we want to apply, we are a branch office, tax paid in Beijing HQ, 别的条件都满足 可以报吗",
            intent="ask_eligibility",
        )
        d, _ = asyncio.run(run(ActionAnswerPolicy(), t))
        reply = texts(d)
        assert "结论：符合" not in reply
        assert "在郑纳税" in reply

    def test_double_claim_naming_one_event_is_not_an_estimate(self):
        import asyncio

        t = tracker("同一场展会 市里的补贴和县里的补贴两边都能领吗", intent="ask_subsidy")
        d, _ = asyncio.run(run(ActionAnswerPolicy(), t))
        reply = texts(d)
        assert "第四条第（三）项" in reply and "不得重复申报" in reply
        assert "各是多少" not in reply and "按您给的数字测算" not in reply
