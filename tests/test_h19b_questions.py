"""What a question is about (issue 13), round 19 (the wording here is the team's own): the speaker's role is
context, not the subject; 「够不够条件」 about the applicant described is 第二条; 填报平台 is the 商务部 system; a
business outside the 23 domains asked 「跟我们有关系吗」 gets the catalog's answer; 「已经补了两个 还能补几个」 is
answered with the limit minus those used; verdicts say 不能 plainly; part headers quote the user's own words."""

from decimal import Decimal

from rasa_sdk import Tracker

from actions.policy import ActionAnswerPolicy
from bot.answers import compose, remaining
from bot.answers.eligibility import facts_from
from bot.nlu.normalize import understand
from bot.understand.quote import user_words
from bot.understand.subject import without_speaker
from calculator.counts import remaining as left_of
from tests.test_actions import run, slots_of, texts, tracker


def conversation(history, text, intent="inform", slots=None):
    """A tracker whose earlier user messages are `history` and whose latest is `text`."""
    msg = {"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": [], "message_id": "h19b"}
    events = [{"event": "user", "text": h, "timestamp": 1} for h in history]
    events.append({"event": "user", "text": text, "timestamp": 2})
    return Tracker("h19b", dict(slots or {}), msg, events, False, None, {}, "action_listen")


class TestSpeakerRoleIsNotTheSubject:
    def test_intern_and_relay_words_dropped(self):
        out = without_speaker("老师好 我是郑州某职院大三在这家公司实习的 经理让我问一下 我们公司能不能报")
        assert "实习" not in out and "经理让我" not in out
        assert out.endswith("我们公司能不能报")

    def test_role_dropped_organisation_kept(self):
        """「我是一家培训机构的负责人」: the organisation is the applicant, only the person's role goes."""
        out = without_speaker("我是一家服务外包培训机构的负责人 想问下定额培训怎么补")
        assert "培训机构" in out and "负责人" not in out

    def test_applicants_are_not_roles(self):
        for text in ("我是个体工商户 能申报吗", "我是园区运营公司的 园区能拿什么奖", "我们实习生每年有40个"):
            assert without_speaker(text) == text

    async def test_intern_asking_for_her_company_gets_the_second_article(self):
        text = (
            "您好 我是大四的实习生 在这边实习的 主管让我问问 我们公司是在郑东新区注册的有限公司 做数据标注外包"
            " 股权清楚 一直照常经营按时交税 有专职的财务人员和财务制度 商务部的外包统计系统注册了也按时填 这样够不够条件"
        )
        d, events = await run(ActionAnswerPolicy(), tracker(text, "ask_subsidy"))
        reply = texts(d)
        assert reply.startswith("结论：符合第二条的申报资格") or "结论：符合第二条的申报资格" in reply
        assert "第三条第（七）项第4点" not in reply and "实习生实训协议" not in reply
        assert slots_of(events)["topic_clause"] == "2"

    async def test_intern_asking_about_intern_subsidy_still_gets_it(self):
        text = "我是实习生 帮经理问问 我们公司每年接收25个实习生 和学校签了3年协议 实习补贴能拿吗"
        d, _ = await run(ActionAnswerPolicy(), tracker(text, "ask_subsidy"))
        assert "第三条第（七）项第4点" in texts(d)


class TestSecondArticleWords:
    def test_tax_paid_normally(self):
        assert facts_from(understand("公司一直照常经营 每个月按期缴税")).get("lawful_tax") is True

    def test_finance_department(self):
        assert facts_from(understand("财务上有独立的财务部门")).get("sound_finance") is True

    def test_reporting_platform_is_the_mofcom_system(self):
        assert facts_from(understand("部里的外包报数平台一直没开通")).get("mofcom_registered") is False
        assert facts_from(understand("商务部那个填报系统早就注册了")).get("mofcom_registered") is True

    async def test_whole_conditions_asked_with_two_facts(self):
        """「看看够不够条件」 with the applicant described: 第二条, naming what is still to confirm."""
        text = "麻烦看看我们够不够条件 我们是在郑州注册的独立法人 做呼叫中心外包"
        d, events = await run(ActionAnswerPolicy(), tracker(text, "ask_subsidy"))
        reply = texts(d)
        assert "第二条" in reply and "还需确认" in reply and "统计系统" in reply
        assert "公共服务平台" not in reply
        assert slots_of(events)["topic_clause"] == "2"

    async def test_platform_not_registered_is_not_met(self):
        first = "麻烦看看我们够不够条件 我们是在郑州注册的独立法人 做呼叫中心外包"
        then = "产权清楚 依法经营纳税 财务健全 就是部里那个外包填报平台一直没弄"
        d, _ = await run(ActionAnswerPolicy(), conversation([first], then, slots={"topic_clause": "2"}))
        reply = texts(d)
        assert "不符合第二条" in reply and "不能申报" in reply
        assert "服务外包业务管理和统计系统" in reply
        assert "建设了几个公共服务平台" not in reply


class TestOutsideTheCatalog:
    async def test_real_estate_agency_asked_whether_the_policy_is_for_it(self):
        text = "我们公司开的是房产中介 主要卖二手房 这个政策跟我们有关系吗"
        d, _ = await run(ActionAnswerPolicy(), tracker(text, "ask_subsidy"))
        reply = texts(d)
        assert "房地产中介" in reply and "不在目录23个领域内" in reply
        assert "租金补贴" not in reply

    async def test_the_first_named_business_decides(self):
        """「二手房买卖」 is real estate, not 买卖 of goods."""
        d, _ = await run(ActionAnswerPolicy(), tracker("我们做二手房买卖 能沾上边不", "ask_subsidy"))
        reply = texts(d)
        assert "房地产中介" in reply and "商品销售" not in reply

    async def test_renting_an_office_is_no_real_estate_business(self):
        """「在高新区租房办公」 says where the company works: its software business is placed, not called 房地产."""
        text = "我们在郑东新区租房办公 做软件外包 这个政策对我们适用吗"
        d, _ = await run(ActionAnswerPolicy(), tracker(text, "ask_subsidy"))
        assert "房地产中介" not in texts(d)


class TestRemainingCount:
    def test_limit_minus_used(self):
        assert left_of(Decimal(3), Decimal(1)) == Decimal(2)
        assert left_of(Decimal(3), Decimal(4)) == Decimal(0)

    def test_certifications_left(self):
        a = remaining.answer(understand("资质认证补贴今年已经用掉1个 还能再申请几个"))
        assert a is not None and a.clause == "3.6"
        assert "还能再申请2个" in a.text and "3个 − 1个 = 2个" in a.text

    def test_people_left(self):
        a = remaining.answer(understand("中高级人才培训补贴今年已经补了18个人 还能补几个人"))
        assert a is not None and "还能再补2人" in a.text and "最多20人" in a.text

    def test_limit_used_up(self):
        a = remaining.answer(understand("CMMI和ITSS和PCMM今年已经补了3个 还能补几个"))
        assert a is not None and "不能再补了" in a.text and "还能再补" not in a.text

    def test_qualifications_named_count_as_used(self):
        """「SAS70和CCRC都补过了」: two used; a qualification only planned (「ITSS今年要做年审」) is not counted."""
        a = remaining.answer(understand("ITSS今年要做年审 SAS70和CCRC今年都已经补过了 还能再补几个"))
        assert a is not None and "还能再补1个" in a.text and "3个 − 2个 = 1个" in a.text

    def test_without_a_count_used_no_answer(self):
        assert remaining.answer(understand("资质认证还能补几个")) is None

    def test_the_second_part_of_a_question_gets_the_arithmetic(self):
        text = "客户D的CMMI证书要复评 复评费能补多少比例 另外客户D今年已经补了两个资质了 还能补几个"
        reply = compose(None, text, facts={}).text
        assert "70%" in reply and "还能再补1个" in reply


class TestPlainVerdictAndOwnWords:
    async def test_a_year_before_2020_cannot(self):
        d, _ = await run(ActionAnswerPolicy(), tracker("2018年的业务增量 现在还能申请增量奖励吗", "ask_subsidy"))
        reply = texts(d)
        assert "不符合第三条第（一）项" in reply and "不能申报" in reply and "自2020年开始" in reply

    def test_headers_quote_what_the_user_wrote(self):
        text = "客户C的PCMM认证能补多少比例 另外申报的deadline是几号"
        reply = compose(None, text, facts={}).text
        assert "关于“客户C的PCMM认证能补多少比例”" in reply
        assert "deadline" in reply and "客户c" not in reply

    def test_user_words_skip_dropped_filler(self):
        raw = "你好 ITSS维护费能补吗"
        assert user_words(understand(raw), raw) == "ITSS维护费能补吗"
