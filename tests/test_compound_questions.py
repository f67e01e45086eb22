"""What people really type (issue 13): run-on questions split into parts, questions about this policy that
mention another place, requests not served, businesses outside the catalog, and a branch that is no legal
person. Each test uses wording of its own, not the outside evaluators' cases."""

from bot.answers import router
from bot.answers.eligibility import facts_from
from bot.nlu.normalize import understand
from bot.understand.segment import question_parts
from knowledge import query


def reply(text: str) -> str:
    return router.compose(None, text, facts={}).text


class TestQuestionParts:
    def test_request_to_tell_is_a_question_of_its_own(self):
        """「…也讲讲」 after 「另外」 asks a second question without a question word."""
        parts = question_parts("人才培训补贴要满足什么 另外实习补贴的要求也讲讲")
        assert ["人才培训补贴要满足什么", "另外实习补贴的要求也讲讲"] == parts

    def test_both_requests_answered_with_their_clauses(self):
        """Each part gets its own clause: 三（五） for the fairs, 三（八）3 for the rent."""
        text = reply("参展补贴要满足什么 另外房租补贴的要求也讲讲")
        assert "第三条第（五）项" in text and "第三条第（八）项第3点" in text

    def test_question_ending_in_a_particle_after_how_much(self):
        """「门槛多少啊汇率怎么定的」: two questions run together after 「多少啊」."""
        assert 2 == len(question_parts("技术先进型奖励标准多少啊汇率怎么定的"))

    def test_alternative_question(self):
        """「用签约那年的还是执行那年的」 asks to choose: a question without 吗/呢."""
        assert ["汇率用签约那年的还是执行那年的"] == question_parts("汇率用签约那年的还是执行那年的")


class TestSearchTieBreak:
    def test_typed_word_outranks_a_synonym(self):
        """「境外」 is read as 离岸 by a synonym, but 「展会」 was typed: 三（五） comes first."""
        hits = query.search(understand("境外展会一年最多补多少 国内展会呢"), limit=2)
        assert "3.5" == hits[0]["key"]


class TestAnotherPlaceIsContext:
    def test_for_example_a_city_is_no_comparison(self):
        """「比如去北京参展」 names where a fair is, not a comparison with Beijing's policy."""
        assert query.other_policy(understand("比如去北京参展 每场最多补多少")) is None
        assert "2万元" in reply("比如去北京参展 算境内吧 每场最多补多少")

    def test_a_real_comparison_is_still_declined(self):
        """「跟杭州比」 still asks about another city's policy."""
        assert query.other_policy(understand("离岸奖励跟杭州比哪个高")) is not None


class TestNotServed:
    def test_asking_for_the_website(self):
        """「申报系统的网址是哪个」 asks for a contact the policy does not publish."""
        text = reply("申报系统的网址是哪个 发个链接给我")
        assert "不提供未经核实的联系方式" in text

    def test_application_dates_not_given(self):
        """「几月几号开始报」: the file sets no dates; say so and point to the notice, inventing no date."""
        text = reply("今年几月几号开始报 哪天截止")
        assert "无法" in text and "申报通知" in text and "截止日期为" not in text

    def test_a_business_that_handles_paperwork_is_not_a_referral(self):
        """「社保代办」 describes a service the asker sells, not a request for an agent."""
        text = reply("我们帮客户做工资核算和社保代办 属于哪个领域")
        assert "不推荐" not in text and "业务流程外包" in text


class TestOutsideTheCatalog:
    def test_kind_named_in_the_question_part(self):
        """「开了几家便利店 这种零售算吗」: the kind of business is named only in the question."""
        text = reply("我们开了五家便利店 卖烟酒饮料 这种零售算服务外包吗")
        assert "不属于服务外包" in text and "商品销售" in text

    def test_typo_in_the_policy_word(self):
        """「服务外抱」 is read as 服务外包."""
        assert "服务外包" in understand("这算服务外抱吗")

    def test_building_a_mall_for_retailers_is_a_service(self):
        """「给零售商搭小程序商城」 serves retailers: 电子商务平台服务 (ITO), not goods sold."""
        text = reply("给几家零售商搭小程序商城 属于啥领域")
        assert "电子商务平台服务" in text and "不属于服务外包" not in text


class TestBranch:
    def test_branch_without_legal_personality(self):
        """A branch says it is not an independent legal person: still a branch of 第二条."""
        facts = facts_from(understand("我们是外地公司的分支机构 没有独立法人资格 税在郑州缴"))
        assert "branch" == facts["entity_type"] and facts["pays_tax_in_zhengzhou"] is True

    def test_no_legal_personality_alone(self):
        """Without a branch word, 「不具备独立法人资格」 is not an enterprise of 第二条."""
        assert "other" == facts_from(understand("我们不具备独立法人资格"))["entity_type"]


class TestSecondArticle:
    def test_condition_question_is_not_a_business_to_classify(self):
        """「会计交给代账机构 这样算财务管理规范吗」 asks about 第二条, not where 代账 belongs."""
        text = reply("会计交给外面的代账机构做 这样算财务管理规范吗")
        assert "第二条" in text and "可归入" not in text

    def test_a_county_of_zhengzhou(self):
        """「新密算不算郑州的」: 新密 is in Zhengzhou's administrative area."""
        text = reply("我们在新密注册的 新密算不算郑州的 能报吗")
        assert "新密属于郑州市行政区域" in text

    def test_two_applicants_judged_each_on_its_own_words(self):
        """A subsidiary and a branch paying tax elsewhere: the subsidiary applies, the branch does not."""
        text = reply("集团下面一个是在荥阳注册的子公司 另一个是郑州分公司 税在北京交 该用哪个报")
        assert "应由“在荥阳注册的子公司”申报" in text and "不满足：分支机构在郑纳税" in text

    def test_a_new_company_is_told_about_the_pure_increment(self):
        """成立年限 is no condition; one step further: a new enterprise's first year is pure increment."""
        text = router.compose("ask_eligibility", "公司上个月才成立 成立时间这么短能报吗", facts={}).text
        assert "不要求成立年限" in text and "纯增量" in text


class TestCostsLeftOut:
    def test_own_development_labour_is_no_purchase(self):
        """A platform's self-developed software: wages are not 购置费用 of 三（九）."""
        text = reply("平台用的系统是我们自己开发的 开发人员工资算进平台补贴吗")
        assert text.startswith("不能算") and "第三条第（九）项" in text


class TestVerdictShapes:
    def test_park_recognised_years_ago_and_the_other_park_awards(self):
        """A park recognised years ago is not 新通过认定; 「还有其他园区奖励吗」 brings 三（八）2 for the same applicant."""
        from bot.answers import qualify
        from bot.understand.facts import read_facts_cached

        t = understand("我们园区前年就是省级示范园区了 由公司统一运营 今年认定奖还能拿吗 还有其他园区奖励吗")
        facts = read_facts_cached(t)
        text = qualify.answer(t, facts, facts).text
        assert text.startswith("结论：不符合第三条第（八）项第1点") and "第三条第（八）项第2点" in text

    def test_does_this_person_count(self):
        """「那名学生算实习补贴名额吗」 asks for a verdict on the person."""
        from bot.answers import qualify

        assert qualify.is_shape("qualify", "应届本科 实习半年 那名学生算实习补贴名额吗")
