"""「哪些奖励只给一次，哪些每年都能报」: every support item of 第三条 sorted by its own words — 一次性, yearly, a term,
or not said (the 实施细则) — with 第四条第（三）项's yearly total (bot/answers/recurrence.list_answer)."""

from bot.answers import recurrence, router
from bot.nlu.normalize import understand


class TestOnceOrYearlyListed:
    def test_the_list_names_both_one_off_awards(self):
        """三（四） and 三（八）1 say 一次性; both are listed under it."""
        text = router.compose(None, "帮我捋一下，一次性的奖励有哪几项？其他的是不是每年都能申请").text
        once = text.split("二、")[0]
        assert "技术先进型" in once and "示范园区" in once

    def test_yearly_items_quote_their_words(self):
        """A yearly item quotes its 年度/每年/全年 words about the award; a yearly condition is not enough."""
        text = recurrence.list_answer(understand("哪些补贴可以年年拿？"))
        assert text is not None
        yearly = text.text.split("二、")[1].split("三、")[0]
        assert "第三条第（五）项" in yearly and "全年最高" in yearly
        assert "第三条第（七）项第4点" not in yearly

    def test_a_term_and_the_total(self):
        """三（八）3's 补贴期限 is a term; 第四条第（三）项's yearly total ends the list."""
        text = recurrence.list_answer(understand("哪几样只能拿一次？哪些按年度报？")).text
        assert "补贴期限" in text and "第四条第（三）项" in text

    def test_one_item_asked_is_not_the_list(self):
        """「技术先进型奖励是一次性的吗」 asks of one item (recurrence.answer)."""
        assert recurrence.list_answer(understand("技术先进型奖励是一次性的吗")) is None
