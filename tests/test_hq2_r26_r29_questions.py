"""Round 26/29 question classes (hq2): a 「还没了解」 aside is no must-question, an institution that is no enterprise
asked against 第二条 beside its business, a numbered list opened by a colon, 「是否需同时满足」, the count of 第三条's
directions, the largest single-item cap, and a business that shrank asked 「奖励还有吗」."""

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.policy import ActionAnswerPolicy
from bot.answers import compose, eligibility, layers
from bot.answers.router import message_parts
from bot.nlu.normalize import understand


def reply(text: str, intent: str = "ask_subsidy") -> str:
    """What the policy action says to `text` as the first message of a conversation."""
    msg = {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": [], "message_id": "hq2b"}
    tracker = Tracker(
        "hq2b", {}, msg, [{"event": "user", "text": text, "timestamp": 1}], False, None, {}, "action_listen"
    )
    d = CollectingDispatcher()
    asyncio.run(ActionAnswerPolicy().run(d, tracker, {}))
    return "\n".join(m.get("text") or "" for m in d.messages)


class TestUnknownRestIsNoMustQuestion:
    @pytest.mark.parametrize(
        "text",
        [
            "我们公司在郑州高新区注册，是独立法人，做数据标注外包，其他方面还没弄清楚，能报吗",
            "我们是在郑州注册的独立法人，其余情况暂时不了解。可以吗",
        ],
    )
    def test_two_facts_then_unknown_gives_the_open_verdict(self, text):
        out = compose("ask_eligibility", text).text
        assert out.startswith("结论：还不能确定")
        assert "还需确认" in out and "统计系统" in out
        assert "是的，必须满足" not in out

    def test_a_condition_left_out_is_still_a_must_question(self):
        assert eligibility.must_topic(understand("没在统计系统里填报能申报吗")) == "mofcom_registered"


class TestInstitutionAskedAgainstSecondArticle:
    @pytest.mark.parametrize("intent", [None, "ask_domain_of_business", "ask_eligibility"])
    def test_public_institution_with_a_business_is_not_an_enterprise(self, intent):
        text = "我们是省属科研院所（事业单位，不是公司），平时承接数据处理外包，能不能作为申报主体？"
        out = compose(intent, text).text
        assert out.startswith("结论：不符合")
        assert "企业" in out and "属于信息技术外包" not in out


class TestNumberedListAfterColon:
    @pytest.mark.parametrize(
        "text",
        [
            "关于离岸奖励想请教：1）门槛是多少？2）比例多少？3）封顶多少？",
            "培训补贴三个问题：一、学历要求是什么？二、每人最多补多少？三、一年最多几个人？",
            "问几件事：(1)政策谁解释？(2)什么时候开始执行？(3)细则谁制定？",
        ],
    )
    def test_each_numbered_question_is_a_part(self, text):
        assert len(message_parts(understand(text))) == 3

    def test_either_condition_question_in_the_third_part_is_answered(self):
        out = compose(
            None,
            "创新奖励我有三问：一、基数是什么？二、比例多少？三、专利软著和研发增长两个条件是不是要同时具备？",
        ).text
        assert "3. " in out and "满足其中一项即可" in out and "或" in out


class TestDirectionsCountAndLargestCap:
    def test_overview_says_how_many_directions(self):
        text = layers.overview().text
        assert "共9项支持方向" in text and "（一）至（九）" in text

    @pytest.mark.parametrize("text", ["这个政策总共有几大类奖励", "第三条分几项？"])
    def test_count_question_gets_the_overview(self, text):
        assert "共9项支持方向" in compose(None, text).text

    @pytest.mark.parametrize("text", ["哪一项补贴封顶最高", "单项最高能拿多少钱？"])
    def test_largest_single_cap(self, text):
        out = compose(None, text).text
        assert "200万元" in out and "三（九）" in out and "500万元" in out

    def test_an_item_named_keeps_its_own_cap(self):
        out = compose(None, "资质认证单项最高补多少").text
        assert "30万元" in out and "三（九）" not in out

    def test_three_numbered_questions_each_answered(self):
        out = compose(None, "请教三件事：①第三条有几个方向？②哪个方向封顶最多？③一家企业每年合计最多多少？").text
        assert "共9项支持方向" in out and "200万元" in out and "500万" in out and "3. " in out


class TestShrunkBusinessAskedWhetherAwardRemains:
    @pytest.mark.parametrize(
        "text",
        [
            "前年境内合同执行1200万 去年900万 少了 增量奖还有没有 也没做离岸",
            "上年在岸执行了600万 今年执行了450万 降了 规模奖励还有吗",
        ],
    )
    def test_no_increment_no_award(self, text):
        out = reply(text)
        assert "不予奖励" in out and "0元" in out
        assert "您算出的" not in out
