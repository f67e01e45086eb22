"""Readings fixed after the round-15 outside question cases were played (the wording here is the team's own):
a question part with no subject of its own, 「一个人」 that is not 个人, a misremembered article number, a one-off
award asked about yearly, a total of awards listed by name with a misremembered cap, a zero base for 三（三）,
English run-ons and English facts against 第二条, the categories spelled out, a business a domain excludes placed
where it belongs, 「是啥分类」, and no rate-like figure in the rate decline."""

import re

from actions.details import details_first
from actions.policy import ActionAnswerPolicy, ActionOutOfScope
from bot.answers import catalog, compose, router
from bot.answers.general import cannot_serve
from bot.answers.layers import article_titled, number_correction
from bot.estimate import stated_awards
from bot.nlu.normalize import normalize, understand
from bot.understand.facts import read_facts
from bot.understand.segment import english_clauses, is_english
from knowledge import conditions, query, shapes
from knowledge.figures import figure
from tests.test_actions import run, texts, tracker

RATE_LIKE = re.compile(r"(?<![\d.])[5-8]\.\d{1,4}(?![\d万亿%])")


def _wan(value) -> str:
    return f"{value / 10000:.0f}万"


class TestSubjectlessPart:
    def test_the_fragment_joins_the_question_before(self):
        """「…我们能申报吗 需要满足啥」 is one question: 需要满足啥 has no subject of its own."""
        text = understand("刚在东区开了个小公司 做软件外包的 我们能报吗 要满足啥")
        assert 1 == len(router.message_parts(text))

    def test_a_fragment_with_a_subject_stays_apart(self):
        assert not shapes.search("subjectless_ask", "展会补贴需要满足什么条件")

    def test_answered_with_the_second_article(self):
        """The conditions of 第二条 are named, not a catalog lookup of 「满足」."""
        reply = compose(
            "ask_eligibility", "刚在郑东新区注册了个小公司 做软件外包的 想问下我们能报吗 要满足啥", facts={}
        ).text
        assert "第二条" in reply and "统计系统" in reply and "财务管理制度" in reply and "产权清晰" in reply
        assert "目录23个领域里没有" not in reply


class TestOnePersonIsNotAnIndividual:
    def test_who_applies_not_read_in_per_person(self):
        assert not shapes.search("who_applies", "已认定的培训机构每培训一个人能拿多少")
        assert shapes.search("who_applies", "个人可以申报吗")

    async def test_both_questions_answered(self):
        """政府购买服务 (no amount) and the per-trainee support of 三（七）2 are both answered."""
        d, _ = await run(
            ActionAnswerPolicy(),
            tracker(
                "我们是培训机构 政府购买服务那条是怎么回事 还有已认定的机构每培训一个人给多少", intent="ask_subsidy"
            ),
        )
        reply = texts(d)
        assert "政府购买服务" in reply and _yuan(figure("3.7.2", "per_trainee_cny")) in reply


def _yuan(value) -> str:
    return f"{value:.0f}元"


class TestMisrememberedArticle:
    def test_the_title_decides(self):
        assert "2" == article_titled("第三条的项目申报资格有哪些")
        assert article_titled("第三条有哪些") is None

    def test_the_number_is_corrected(self):
        line = number_correction("第三条规定的项目申报资格", "2")
        assert "第二条" in line and "不是第三条" in line
        assert "" == number_correction("第二条项目申报资格", "2")

    def test_details_request_answers_the_second_article(self):
        class Dispatcher:
            messages = []

            def utter_message(self, **kw):
                self.messages.append(kw)

        d = Dispatcher()
        events = details_first(d, tracker("第三条说的那个项目申报资格 具体有哪几条 是第三条吧", intent="nlu_fallback"))
        reply = d.messages[0]["text"]
        assert events is not None and "第二条（项目申报资格）" in reply and "不是第三条" in reply


class TestOneOffAward:
    def test_recurrence_question(self):
        assert shapes.search("asks_recurrence", "这个奖以后每年都有吗")
        assert not shapes.search("asks_recurrence", "业务每年都有增长")

    def test_said_not_every_year(self):
        """三（四） gives its award once: the reply says so, quoting 一次性."""
        reply = compose(None, "刚新认定了技术先进型服务企业 奖多少 以后每年都能拿吗", facts={}).text
        assert "不是每年" in reply and "一次性" in reply and _wan(figure("3.4", "award_cny")) in reply

    def test_a_yearly_award_gets_no_such_line(self):
        from bot.answers.subsidies import once_line

        assert "" == once_line("3.2", "离岸奖励以后每年都有吗")


class TestTotalListedByName:
    def test_the_total_is_not_the_last_name_amount(self):
        """「…平台加起来620万」: 620万 is the sum, not the platform's award."""
        assert [] == stated_awards.read(normalize("离岸 增量 创新 展会 平台加起来620万 能全拿到吗"))

    def test_capped_and_the_remembered_cap_corrected(self):
        reply = stated_awards.answer(
            normalize("各项奖补我加了下 离岸 增量 创新 展会 资质 平台加起来差不多620万 能都拿到吗 我记得上限是一千万")
        )
        cap = figure("4.3", "annual_total_cap_cny")
        assert reply is not None and "第四条第（三）项" in reply and _wan(cap) in reply
        assert "1000万元不对" in reply and "拿不到全部" in reply

    def test_the_right_cap_is_not_corrected(self):
        assert stated_awards.remembered_cap(normalize("我记得上限是500万")) is None


class TestZeroBase:
    def test_neither_award_is_read(self):
        assert {"base_award": False} == {
            k: v for k, v in read_facts("当年既没拿增量奖励也没拿离岸奖励 光有专利").items() if k == "base_award"
        }

    def test_innovation_not_met(self):
        verdict = conditions.evaluate_all({"base_award": False, "innovation_patents_two_years": True}, ["3.3"])["3.3"]
        assert conditions.NOT_MET == verdict.status

    def test_answered_as_nothing_to_get(self):
        reply = compose(None, "创新奖励啥条件 要是当年增量奖励和离岸奖励都没拿到 光有软著 能拿钱吗", facts={}).text
        assert "不符合第三条第（三）项" in reply and "基数为0" in reply


class TestEnglish:
    def test_run_on_split_at_each_question(self):
        text = understand(
            "quick ones: what's the max offshore award per year, what's the overall annual cap across all items,"
            " and is the offshore amount counted in USD or RMB?"
        )
        assert is_english(text) and 3 == len(router.message_parts(text))

    def test_a_list_stays_whole(self):
        assert ["what do ito, bpo and kpo stand for"] == english_clauses("what do ito, bpo and kpo stand for")

    def test_chinese_words_are_not_english_questions(self):
        assert 1 == len(router.message_parts(understand("我们 are 郑州的公司 能申报吗")))

    def test_the_three_caps_answered(self):
        reply = compose(
            None,
            "what's the max offshore award per company per year, what's the overall annual cap for one company"
            " across all items, and is the offshore amount counted in USD or RMB?",
        ).text
        assert _wan(figure("3.2", "cap_cny")) in reply and _wan(figure("4.3", "annual_total_cap_cny")) in reply
        assert "美元" in reply

    async def test_a_lawsuit_over_equity_fails_clear_property_rights(self):
        d, _ = await run(
            ActionOutOfScope(),
            tracker(
                "We are an independent legal entity in Zhengzhou. Two shareholders are in a lawsuit over the equity."
                " Can we apply?",
                intent="out_of_scope",
            ),
        )
        reply = texts(d)
        assert "不符合第二条" in reply and "产权清晰" in reply

    async def test_no_company_in_zhengzhou_fails(self):
        d, _ = await run(
            ActionOutOfScope(),
            tracker(
                "We are based in Malaysia and have no company or branch registered in Zhengzhou. Can we apply?",
                intent="out_of_scope",
            ),
        )
        reply = texts(d)
        assert "不符合第二条" in reply and "在郑州市行政区域内依法设立" in reply

    def test_categories_spelled_out(self):
        reply = catalog.category_names_answer(understand("what do ITO, BPO and KPO stand for"))
        assert reply is not None
        for name in ("信息技术外包", "业务流程外包", "知识流程外包", "Knowledge Process Outsourcing"):
            assert name in reply.text

    def test_a_category_asked_where_is_no_names_question(self):
        assert catalog.category_names_answer("人工智能服务属于ito还是bpo") is None


class TestExcludedBusinessPlaced:
    def test_placed_in_the_domain_it_belongs_to(self):
        reply = catalog.classify_answer(normalize("帮客户做电商网站开发 还负责后期运维 这算互联网营销推广吗")).text
        assert "不算互联网营销推广服务" in reply and "电子商务平台服务" in reply and "ITO" in reply
        assert "不属于服务外包支持目录" not in reply

    def test_every_elsewhere_domain_exists(self):
        for d in query.domains():
            for exc in d.get("exclusions") or []:
                for other in exc.get("elsewhere") or []:
                    assert query.domain(other["domain"]) is not None


class TestWhichCategory:
    async def test_each_business_classified(self):
        d, _ = await run(
            ActionAnswerPolicy(),
            tracker(
                "我们帮别的公司代理记账 还有人事外包管工资社保 还有合同审核 这些在服务外包里是啥分类", "ask_eligibility"
            ),
        )
        reply = texts(d)
        assert "记下了" not in reply and reply.count("内部管理服务") >= 3 and "BPO" in reply


class TestRateDecline:
    def test_no_rate_like_figure(self):
        """Today's rate declined: no figure that could be read as a rate, not even as an example."""
        reply = cannot_serve(understand("今天美元兑人民币中间价多少")).text
        assert "汇率" in reply and not RATE_LIKE.search(reply)

    def test_the_check_finds_a_rate(self):
        assert RATE_LIKE.search("例如“汇率7.05”") and not RATE_LIKE.search("最高200万元，比例10%")
