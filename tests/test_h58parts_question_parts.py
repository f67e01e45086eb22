"""Messages of several questions or several businesses (round 58): numbered questions are the parts, a part naming
no subject takes the subject of the part before it, a clause's text is said once per reply, two businesses are
classified each, a look-up of the company's own records is declined with the other requests, and fillers (到底、
究竟) are no part of the business quoted. Wording of our own."""

import pytest

from bot.answers import catalog, general
from bot.answers.model import Answer
from bot.answers.router import compose, declined_each, message_parts, without_repeated_lines
from bot.nlu.normalize import understand
from bot.understand import numbered_list
from tests.test_actions import run, texts, tracker


def parts_of(message: str) -> list:
    return message_parts(understand(message))


class TestNumberedItems:
    """numbered_list.items: the numbered questions of a message, in any numbering style."""

    @pytest.mark.parametrize(
        "message, count",
        [
            (
                "三个问题哈：1.参加境外展会每场最多补多少，一年最多多少 2.资质认证一年最多能报几个项目 3.平台最高补多少",
                3,
            ),
            ("想问两件事 ①离岸奖励门槛多少，比例多少 ②培训补贴每人最多多少", 2),
            ("（1）展会补贴境内每场最多多少，全年呢（2）认证补贴比例多少", 2),
            ("一、离岸奖励标准是啥；二、技术先进型奖励多少", 2),
            ("第一，离岸奖门槛多少，封顶多少；第二，房租补贴给几年", 2),
            ("a) offshore award 的 cap 多少, 比例呢 b) CMMI认证补多少", 2),
            ("Q1 离岸奖励上限多少 Q2 展会补贴比例多少", 2),
        ],
    )
    def test_each_numbered_question_is_one_item(self, message, count):
        """Each number starts an item; a comma inside an item splits nothing."""
        found = numbered_list.items(understand(message))
        assert found is not None
        assert count == len(found[1])

    def test_a_comma_inside_an_item_keeps_both_halves(self):
        """「1.参加境外展会每场最多补多少，一年最多多少」 is one item, both halves in it."""
        _, found = numbered_list.items(understand("1.参加境外展会每场最多补多少，一年最多多少 2.资质认证能报几个"))
        assert "每场" in found[0] and "一年最多多少" in found[0]

    @pytest.mark.parametrize(
        "message",
        [
            "1 服贸会北京 4.6 2 广交会 3.2 能补多少",  # a list of fairs and costs, no numbered questions
            "去年离岸150万美元，汇率7.1，能拿多少",
            "离岸奖励最多多少，境内展会最多多少2.资质认证能报几个",  # no first number
        ],
    )
    def test_no_numbered_questions(self, message):
        assert numbered_list.items(understand(message)) is None

    @pytest.mark.parametrize("words", ["三个问题哈:", "想问两件事", "有几个问题请教", "请问", ""])
    def test_words_that_only_announce_the_list(self, words):
        assert numbered_list.announces_only(words)

    @pytest.mark.parametrize("words", ["我们是软件公司", "离岸奖励多少"])
    def test_words_that_say_more(self, words):
        assert not numbered_list.announces_only(words)


class TestNumberedParts:
    """router.message_parts on a numbered message: the items, without the words that announce them."""

    def test_three_numbered_questions_are_three_parts(self):
        parts = parts_of(
            "三个问题哈：1.参加境外展会每场最多补多少，一年最多多少 2.资质认证一年最多能报几个项目 3.平台最高补多少"
        )
        assert 3 == len(parts)
        assert not any("三个问题" in p for p in parts)

    def test_a_statement_before_the_list_goes_with_the_first_item(self):
        parts = parts_of("我们是软件公司 1 这业务算吗 2 没注册能报吗")
        assert 2 == len(parts)
        assert parts[0].startswith("我们是软件公司")

    def test_the_reply_quotes_each_item_once(self):
        a = compose(
            None,
            "三个问题哈：1.参加境外展会每场最多补多少，一年最多多少 2.资质认证一年最多能报几个项目 3.公共服务平台建设最高补多少",
        )
        assert "4. 关于" not in a.text and "三个问题哈" not in a.text
        assert 1 == a.text.count("依据第三条第（五）项")
        for figure in ("5万元", "30万元", "3个", "200万元"):
            assert figure in a.text


class TestSubjectCarried:
    """A part naming no subject (「门槛多少、比例多少、封顶多少」) asks about the item of the part before it."""

    @pytest.mark.parametrize(
        "message, wanted, code",
        [
            (
                "听说杭州对离岸外包是按每美元奖励多少钱来算的，那郑州这边的离岸奖励标准是怎样的？门槛多少、比例多少、封顶多少",
                ["100万美元", "10%", "200万元"],
                "3.2",
            ),
            ("公共服务平台建设补贴讲一下？比例多少 封顶多少", ["30%", "200万元"], "3.9"),
            ("展会补贴是怎么规定的？比例和上限呢", ["70%", "2万元", "5万元"], "3.5"),
        ],
    )
    def test_the_item_before_not_the_yearly_total(self, message, wanted, code):
        a = compose(None, message)
        assert "500万" not in a.text
        for w in wanted:
            assert w in a.text
        assert a.clause == code

    def test_a_part_naming_its_own_item_keeps_it(self):
        """「②培训补贴每人最多多少」 after 离岸奖励: 三（七）3's per-person cap, not 三（二）'s."""
        a = compose(None, "想问两件事 ①离岸奖励门槛多少，比例多少 ②培训补贴每人最多多少")
        second = a.text.split("2. 关于")[1]
        assert "3万元" in second and "200万" not in second


class TestRepeatedLines:
    """without_repeated_lines: a line said in an earlier part of the reply is not said again."""

    def test_a_clause_text_said_once(self):
        clause = "依据第三条第（五）项：……"
        out = without_repeated_lines([("a", Answer("境外：5万\n" + clause)), ("b", Answer("全年：30万\n" + clause))])
        assert "全年：30万" == out[1][1].text
        assert clause in out[0][1].text

    def test_an_answer_of_repeated_lines_only_is_kept(self):
        out = without_repeated_lines([("a", Answer("同一行")), ("b", Answer("同一行"))])
        assert "同一行" == out[1][1].text


class TestTwoBusinesses:
    """Two businesses joined by 另外/还有/也: each classified."""

    @pytest.mark.parametrize(
        "message, placed",
        [
            (
                "我们给医院做CT、核磁这些设备的维修保养，另外门店也给个人客户修家用电脑和打印机，都能算服务外包吗",
                "医疗设备维修维护服务",
            ),
            ("公司主要给航空公司做飞机维修，另外也给小区居民修空调，这些都算服务外包吗", "交通工具维修维护服务"),
            ("我们一块是给工地的挖掘机、起重机这类设备做维保，还有门店帮人修手机，都能算吗", "工程机械维修维护服务"),
        ],
    )
    def test_each_business_has_its_line(self, message, placed):
        a = catalog.classify_answer(understand(message))
        assert a is not None
        assert "1. " in a.text and "2. " in a.text
        assert placed in a.text
        assert "不包括手机等消费产品的维修服务" in a.text.split("2. ")[1]

    def test_a_list_closed_by_these_is_one_business(self):
        """「做CT、核磁这些设备的维修保养」: the objects of one business, not two."""
        parts = catalog.business_parts(understand("我们给医院做CT、核磁这些设备的维修保养"))
        assert 1 == len(parts)

    def test_a_plain_list_still_splits(self):
        assert 3 == len(catalog.business_parts(understand("我们做软件开发、数据标注、呼叫中心")))


class TestOwnRecordsLookedUp:
    """A request to look up what the company filed is declined, with the other requests of the message."""

    @pytest.mark.parametrize(
        "message",
        [
            "你帮我查一下我们公司（郑州某某信息科技有限公司）去年在商务部服务外包系统里填报的执行额是多少？",
            "能不能帮我查查我司前年在统计系统里上报的离岸执行额？",
            "麻烦调一下我们公司2023年在商务部系统报送的数据",
            "你查一下我们（河南某某软件有限公司）在服务外包系统里填报的合同执行额是多少",
        ],
    )
    def test_declined(self, message):
        assert general.not_served_kind(understand(message)) in ("filed_records", "lookup")

    def test_figures_of_our_own_are_no_look_up(self):
        assert general.not_served_kind(understand("我们公司去年填报的执行额是2000万 能拿多少")) is None

    def test_two_requests_each_declined(self):
        said = "你帮我查一下我们公司（郑州某某信息科技有限公司）去年在商务部服务外包系统里填报的执行额是多少？顺便把评审我们的专家组名单告诉我"
        a = declined_each(parts_of(said), said)
        assert a is not None
        assert "查询不了" in a.text and "评审打分" in a.text
        assert 1 == a.text.count("我能做的是")
        assert "第一条" not in a.text

    async def test_the_action_declines_both(self):
        said = "你帮我查一下我们公司（郑州某某信息科技有限公司）去年在商务部服务外包系统里填报的执行额是多少？顺便把评审我们的专家组名单告诉我"
        from actions.policy import ActionAnswerPolicy

        d, _ = await run(ActionAnswerPolicy(), tracker(said, "out_of_scope"))
        out = texts(d)
        assert "查询不了" in out and "评审打分" in out
        assert "想知道某项业务属于哪个领域" not in out


class TestFillersAreNoBusiness:
    @pytest.mark.parametrize(
        "message, business",
        [
            ("数据标注到底算不算服务外包", "数据标注"),
            ("呼叫中心具体算哪个领域", "呼叫中心"),
            ("游戏美术外包真的算服务外包吗", "游戏美术外包"),
            ("图片标注到底是不是服务外包", "图片标注"),
        ],
    )
    def test_the_business_quoted_without_the_filler(self, message, business):
        assert business == catalog._subject(understand(message))
