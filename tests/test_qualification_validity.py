"""Validity words said of the company's own 技术先进型 qualification (「资格一直有效 今年到期复审又通过了」) ask about
三（四）'s 新获得, not the policy's validity (第四条第（二）项); a misspelt 技术先进形 is still the qualification, and a
renewal read from it is not 新获得 (round 43)."""

from bot.answers import router
from bot.nlu.normalize import normalize, understand
from bot.understand.facts import read_facts
from knowledge import conditions


def clause(text):
    t = understand(text)
    return router.compose(None, text, facts=read_facts(t)).clause


class TestQualificationValidityRoutesToTheItem:
    def test_renewal_with_validity_words_is_3_4(self):
        for text in (
            "公司的技术先进型服务企业资格去年过期了，今年重新申请下来了，算不算新获得",
            "技术先进型资格一直有效，没过期，今年复核通过，10万奖励有份吗",
            "技先资格有效期三年，我们的今年到期了，复审刚通过，那10万还能申请吗",
            "我们2019年就被认定为技术先进形服务企业了，资格一直有效没断过，今年到期复审又通过了，这个能拿那10万奖励吗？",
        ):
            assert clause(text) == "3.4", text

    def test_the_policys_own_validity_is_still_4_2(self):
        for text in ("这个政策现在还有效吗", "技术先进型奖励政策还有效吗", "文件什么时候到期"):
            assert clause(text) == "4.2", text

    def test_asks_policy_validity(self):
        assert router.asks_policy_validity(normalize("这个政策还有效吗"))
        assert not router.asks_policy_validity(normalize("技术先进型资格一直有效 没过期"))
        assert not router.asks_policy_validity(normalize("高新资质去年过期了"))


class TestMisspeltQualification:
    def test_typos_read_as_the_qualification(self):
        for wrong in ("技术先进形服务企业", "技术先近型服务企业", "技术先进性服务企业", "技术先进行服务企业"):
            assert "技术先进型服务企业" in normalize(wrong), wrong

    def test_shape_word_left_alone(self):
        assert normalize("树立先进形象") == "树立先进形象"

    def test_renewal_of_a_misspelt_status_is_not_new(self):
        facts = read_facts(normalize("我们2020年就被认定为技术先进形服务企业了，一直有效，今年复审又通过了"))
        assert facts.get("tech_advanced_new") is False
        assert conditions.evaluate("3.4", facts).status == conditions.NOT_MET
