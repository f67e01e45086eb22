"""Words that are not the subject of the applicant's facts (h58subj, round 58).

- 个人/个体户/自然人 name the applicant only when said of the speaker (「我是个人」「我们是个体户」) or asked of a kind of
  applicant (「个体户可以吗」); said of employees, trainees, customers (「员工个人报个税」「个人客户」「客户大多是个体户」)
  they say nothing of the applicant's form (eligibility_words.yml entity_type.of_others);
- a park an enterprise operates (「我们是企业统一运营的园区」) speaks for its 园区管理和运营企业 (facts.yml applicant_type);
- a dollar 执行额/合同额 is offshore business, however far the offshore word is in a run-on (facts.yml offshore_usd), so
  a figure exactly at a threshold (「刚好100万美金整」) gets its verdict (超过 excludes the number, 以上 includes it).
"""

import asyncio
import itertools

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.policy import ActionAnswerPolicy
from bot.answers import eligibility, subsidies, unstated
from bot.nlu.normalize import understand
from bot.understand.facts import message_facts

SECOND_ARTICLE_SUBJECT_FAILED = "第二条申报资格：独立法人企业或法人企业分支机构"


def reply(text: str, intent: str = "ask_subsidy") -> str:
    """What the policy action says to `text` as the first message of a conversation."""
    msg = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [], "message_id": "h58"}
    tracker = Tracker(
        "h58", {}, msg, [{"event": "user", "text": text, "timestamp": 1}], False, None, {}, "action_listen"
    )
    d = CollectingDispatcher()
    asyncio.run(ActionAnswerPolicy().run(d, tracker, {}))
    return "\n".join(m.get("text") or "" for m in d.messages)


class TestOthersIndividuals:
    @pytest.mark.parametrize(
        "text",
        [
            "公司给做日本外包项目的3个项目经理（都是本科）报了PMP培训，员工个人报个税时也填了继续教育专项附加扣除",
            "学员个人承担了一半培训费，公司出另一半",
            "我们主要面向个人客户做APP开发",
            "我们的客户很多是个人和个体户，我们公司在郑州注册",
            "我个人觉得我们公司应该符合条件",
            "实习生个人的社保是学校交的",
            "我们给不少个体户做代理记账外包",
            "公司跟几个自然人签了劳务合同做数据标注",
        ],
    )
    def test_said_of_others_is_no_applicant_form(self, text):
        """An individual said of employees, trainees, customers or partners leaves the applicant's form unread."""
        assert "other" != eligibility.facts_from(understand(text)).get("entity_type")

    @pytest.mark.parametrize(
        "text",
        ["我是个人 想申报", "我们是个体户", "个体户可以吗", "我是个体工商户 做软件外包的", "俺是个自由职业者 能报吗"],
    )
    def test_said_of_the_speaker_still_is(self, text):
        """「我是个体户」 and 「个体户可以吗」 keep their verdict on 第二条's subject."""
        assert "other" == eligibility.facts_from(understand(text)).get("entity_type")

    def test_true_positive_keeps_its_verdict(self):
        out = reply("我是个体户 做数据标注 能申请离岸奖励吗")
        assert "不符合第二条" in out and "个体工商户不是法人企业" in out, out

    def test_round58_training_question(self):
        """R58Q003: the employees' 个税 deduction is no condition of 三（七）3; its figures are answered."""
        out = reply(
            "公司给做日本外包项目的3个项目经理（都是本科）报了PMP培训，员工个人报个税时也填了继续教育专项附加扣除，"
            "这会影响公司申请郑州服务外包的中高级人才培训补贴吗？补贴比例和上限分别是多少"
        )
        assert SECOND_ARTICLE_SUBJECT_FAILED not in out and "不符合" not in out, out
        assert "50%" in out and "3万元" in out and "20人" in out and "第三条第（七）项第3点" in out, out
        assert "对个税没有要求" in out, out


# the people a company's message speaks of, what is said of them, and the question: none is the applicant
PEOPLE = ["员工", "学员", "项目经理", "实习生", "学生", "客户"]
SAID = ["{p}个人报个税时填了专项附加扣除", "培训费有一部分是{p}个人承担的", "{p}个人的社保在郑州交"]
ASKED = ["这会影响公司申请培训补贴吗", "我们公司能申报吗", "公司能拿离岸奖励吗"]
CUSTOMERS = ["我们的客户大多是个体户", "我们主要给个人用户做软件", "客户里有不少自然人", "我们面向个人客户提供数据服务"]


@pytest.mark.parametrize(
    "text",
    [f"我们公司在郑州注册，{s.format(p=p)}，{q}" for p, s, q in itertools.product(PEOPLE, SAID, ASKED)]
    + [f"{c}，{q}" for c, q in itertools.product(CUSTOMERS, ASKED)],
)
def test_generated_mentions_never_fail_the_subject(text):
    """Generated: an individual said of others never makes 第二条's subject 不符合."""
    assert "other" != eligibility.facts_from(understand(text)).get("entity_type"), text
    out = reply(text)
    assert SECOND_ARTICLE_SUBJECT_FAILED not in out and "个体工商户不是法人企业" not in out, out


class TestParkOperators:
    @pytest.mark.parametrize(
        "text",
        [
            "我们是企业统一运营的园区，刚通过市级服务外包示范园区认定",
            "我们是一家国企统一管理和运营的软件园",
            "我们这个产业园是由平台公司统一运营管理的",
            "我们园区是公司化运营的 去年评上省级示范园区",
            "我们是园区运营公司",
        ],
    )
    def test_a_park_an_enterprise_operates(self, text):
        assert "park_operator" == message_facts(understand(text)).get("applicant_type")

    @pytest.mark.parametrize("text", ["我们是企业运营的园区里的一家公司", "我们是入驻在一家公司运营的软件园里的企业"])
    def test_an_enterprise_in_such_a_park(self, text):
        assert "enterprise" == message_facts(understand(text)).get("applicant_type")

    def test_round58_park_question_part(self):
        """R58Q009: a park operator asking 三（八）2's investment award is not refused as an enterprise."""
        out = reply(
            "园区的几个问题：我们是企业统一运营的园区，刚通过市级服务外包示范园区认定。1 新认定给多少钱，是每年给吗 "
            "2 引进世界500强要入园多久才奖励 3 引进软件类外资项目，每1000万美元奖多少、一个园区最多多少"
        )
        assert "申报主体须为园区管理和运营企业" not in out and "不符合" not in out, out
        assert "一次性" in out and "一年以上" in out and "10万元" in out and "30万元" in out, out

    @pytest.mark.parametrize(
        "text",
        [
            "我们是一家国企统一管理和运营的软件园，市级示范园区，引进软件类外资项目每1000万美元奖多少？一个园区最多奖多少？",
            "咱们是企业运营的科技园 市级示范园区 引进信息服务业外资项目 每1000万美元给多少 上限多少",
            "我们园区是公司化运营的，去年评上省级示范园区。吸引外商投资的软件项目怎么奖，封顶多少",
        ],
    )
    def test_the_point_asked_not_the_speakers_words(self, text):
        """The park's own words (统一运营、示范园区) are 三（八）1's; the question asks 三（八）2."""
        assert "3.8.2" == subsidies.find_clause(understand(text))

    def test_operator_own_rent_stays_refused(self):
        out = reply("我们是企业统一运营的园区 园区自己租的办公楼能申请租金补贴吗")
        assert "不符合第三条第（八）项第3点" in out, out

    def test_caps_said_once(self):
        line = subsidies.aspect_line("3.8.2", "一个园区最多奖多少")
        assert 1 == line.count("10—30万元"), line


class TestThresholdsExactlyMet:
    @pytest.mark.parametrize(
        "text",
        [
            "喂你好 我们公司是做软件外包的在郑东新区 然后我们去年开始做日本的offshore项目 嗯 今年执行额的话 就是刚好100万美金整吧 "
            "然后就是想问一下 离岸那个subsidy我们能拿吗 门槛是多少来着 还有那个是按人民币算还是按美元算",
            "我们是做日本离岸外包的 公司在金水区 嗯 今年的合同额呢 是整整一百万美元 这个离岸奖励能拿吗",
            "公司在高新区 主要接欧美的offshore单子 然后今年业务额正好100万美金 离岸补贴门槛多少 我们够不够",
        ],
    )
    def test_offshore_exactly_the_threshold_fails(self, text):
        """超过100万美元 excludes the number: exactly 100万美元 is 不符合 三（二）."""
        out = reply(text)
        assert "不符合第三条第（二）项" in out and "不包含本数" in out, out

    def test_currency_asked_beside_the_verdict(self):
        out = reply("我们给欧美客户做外包 今年合同执行额正好一百万美元整，离岸奖励能拿吗？按美元算还是人民币")
        assert "不符合第三条第（二）项" in out and "以美元计算" in out and "币种" in out, out

    def test_rent_contract_exactly_500(self):
        out = reply(
            "我们公司在市级服务外包重点园区入驻刚好满三年 去年合同执行额正好500万元整 办公室是租的 租金补贴能拿吗"
        )
        assert "不符合第三条第（八）项第3点" in out and "正好500万元不算超过" in out, out

    def test_rent_years_exactly_three(self):
        out = reply("我们公司在省级示范园区入驻正好三年了 合同执行额520万元 办公室租的 租金补贴能申请吗")
        assert "符合第三条第（八）项第3点" in out and "不符合" not in out and "也算达到" in out, out

    def test_interns_exactly_twenty(self):
        out = reply("跟郑州两所高校签了整两年的实训协议 每年正好接收20名实习生 实习生补贴能拿吗")
        assert "不符合" not in out and "正好是20名" in out and "正好是2年" in out, out

    def test_interns_one_short(self):
        out = reply("我们和高校签的实训协议刚好两年 每年接收的实习生刚好19名 实习基地那个补贴能拿吗")
        assert "不符合第三条第（七）项第4点" in out and "19名" in out, out


class TestRequirementReferredBack:
    def test_topic_of_the_clause_before(self):
        text = understand("员工个人报个税时也填了继续教育专项附加扣除，这会影响公司申请中高级人才培训补贴吗")
        assert "个税" in unstated.line("3.7.3", text)

    def test_no_question_no_line(self):
        assert "" == unstated.line("3.7.3", understand("员工个人报个税时也填了继续教育专项附加扣除，这不影响"))
