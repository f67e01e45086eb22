"""Zhengzhou's divisions as data (knowledge/data/places.yml), several applicants placed apart judged one by one
(bot/answers/placed_applicants.py), and every part of a message about what the policy does not provide answered
(bot/answers/outside_parts.py)."""

import pytest

from bot.answers.router import compose
from bot.nlu.normalize import understand
from knowledge import places


class TestZhengzhouPlaces:
    """A place inside Zhengzhou is never called outside, and places outside are."""

    @pytest.mark.parametrize("word,inside", [tuple(e) for e in places.examples()])
    def test_examples(self, word, inside):
        """Each example of places.yml is placed as it says."""
        assert inside == (places.inside(word) and not places.outside(word))

    def test_zone_of_another_city_is_outside(self):
        """「洛阳高新区」 is 洛阳's zone, not Zhengzhou's 高新区."""
        assert places.outside("洛阳高新区")
        assert not places.outside("郑州高新区")

    def test_typo_mended_before_a_place_word(self):
        """「巩意」 typed for 巩义 is mended where a place is said."""
        assert "巩义" in understand("我们注册在巩意市")


def _reply(text: str) -> str:
    return compose(None, text, facts={}).text


class TestPlacedApplicants:
    """Two applicants set up in different places get one verdict each."""

    def test_gongyi_and_kaifeng(self):
        """巩义 is inside (its missing system registration fails it); 开封 is outside."""
        out = _reply(
            "我们集团下面两个子公司都是独立法人 一个注册在巩义市 一个注册在开封 业务其实都在郑州做 两家都想报 "
            "另外巩义那家还没在商务部那个服务外包统计系统里注册 有没有影响啊"
        )
        first, second = out.split("\n")[1:3]
        assert "巩义" in first and "属于郑州市行政区域" in first and "统计系统" in first, out
        assert "开封不在郑州市行政区域内" in second and "统计系统" not in second.split("不满足")[1], out

    def test_letters_and_other_cities(self):
        """「A公司注册在新郑，B公司注册在许昌」: A inside, B outside, each named."""
        out = _reply("A公司注册在新郑，B公司注册在许昌，两家都能申报吗")
        lines = out.split("\n")
        assert lines[1].startswith("1. A公司") and "新郑属于郑州市行政区域" in lines[1], out
        assert lines[2].startswith("2. B公司") and "许昌不在郑州市行政区域内" in lines[2], out

    def test_both_inside_with_a_typo(self):
        """「一个在巩意 一个在中牟县」: both inside, neither called outside."""
        out = _reply("集团有两个子公司，一个在巩意 一个在中牟县，都是独立法人，能不能都申报？")
        assert "不在郑州市行政区域内" not in out and "巩义" in out and "中牟县" in out, out

    def test_three_applicants_and_no_spaces(self):
        """Three applicants, and two opened inside one phrase, each get a line."""
        out = _reply("三个子公司 一个在金水区 一个在惠济 一个在许昌 都能报吗")
        assert [line[:2] for line in out.split("\n")[1:4]] == ["1.", "2.", "3."], out
        assert "许昌不在郑州市行政区域内" in out.split("\n")[3], out
        out = _reply("我们有两个公司一个在郑州一个在新乡 新乡的那个统计系统注册了 都能申报么")
        assert "新乡不在郑州市行政区域内" in out and "1. 在郑州的那家" in out, out

    def test_a_branch_is_left_to_the_subjects_answer(self):
        """「一个是分公司但税在上海交」: a branch's place is where its tax goes, judged as before."""
        out = _reply("一个是郑州注册的子公司 一个是分公司但税在上海交 用哪个报")
        assert "所以应由" in out, out

    def test_one_applicant_is_not_split(self):
        """A single applicant keeps the usual verdict."""
        out = _reply("我们是荥阳注册的独立法人 能报吗")
        assert "分别看" not in out and "荥阳属于郑州市行政区域" in out, out


class TestOutsideParts:
    """Every part of a message about taxes and other cities is answered."""

    def test_tax_and_city(self):
        """The VAT question and the tax-benefit question get the tax line, the city comparison its own."""
        out = _reply(
            "offshore外包的收入是不是免增值税啊 郑州这个政策里面有没有什么tax方面的优惠 上海那边是不是比郑州优惠"
        )
        assert "税务机关" in out and "没有税收方面的规定或优惠" in out, out
        assert "无法介绍或比较" in out, out

    def test_tax_beside_a_policy_question(self):
        """A tax question beside a question on this policy: both answered."""
        out = _reply("增值税能不能减免 离岸奖励按多少比例")
        assert "没有税收方面的规定或优惠" in out and "10%" in out, out

    def test_tax_asked_about_applying_stays_second_article(self):
        """「享受免税会影响申报吗」 asks about applying: 第二条's reading, not the tax line."""
        out = _reply("我们享受增值税免税 会影响申报吗 离岸奖励多少")
        assert "没有税收方面的规定或优惠" not in out, out


class TestBotInfo:
    """「你是真人还是机器人呀 能帮我干点啥」: who the assistant is and what it can do, both answered."""

    async def test_identity_and_capabilities(self):
        """Both asked: both said."""
        from actions.common import BOT_CAPABILITIES, BOT_IDENTITY
        from actions.policy import ActionBotInfo
        from tests.test_actions import run, texts, tracker

        d, _ = await run(ActionBotInfo(), tracker("哈喽 在吗 你是真人还是机器人呀 能帮我干点啥", "bot_identity"))
        out = texts(d)
        assert BOT_IDENTITY in out and BOT_CAPABILITIES in out, out

    async def test_identity_alone(self):
        """Only who it is asked: no list of what it can do."""
        from actions.common import BOT_CAPABILITIES
        from actions.policy import ActionBotInfo
        from tests.test_actions import run, texts, tracker

        d, _ = await run(ActionBotInfo(), tracker("你是真人吗", "bot_identity"))
        assert BOT_CAPABILITIES not in texts(d)
