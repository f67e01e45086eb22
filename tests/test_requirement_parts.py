"""A requirement asked in a part of its own (「…每人补贴还能拿吗？最高多少？社保要交满几个月才行？」) is asked of the clause
the message's other parts are about: that clause's own condition on it, or that it has none, naming the clause that
states it (「连续交纳社保不低于6个月」 is 三（七）4's, never 三（七）2's)."""

from bot.answers import router, unstated
from bot.nlu.normalize import understand


def reply(text):
    return router.compose(None, text, facts={}).text


class TestAskedOf:
    def test_clause_without_the_requirement_says_it_has_none(self):
        """三（七）2 has no 社保 condition; the one that has it is named."""
        a = unstated.asked_of("3.7.2", understand("社保要交满几个月才行？"))
        assert "没有要求" in a.text and "第三条第（七）项第4点" in a.text and "3.7.2" == a.clause

    def test_clause_with_the_requirement_says_it(self):
        a = unstated.asked_of("3.7.4", understand("社保要交满几个月才行"))
        assert "不低于6个月" in a.text and "没有要求" not in a.text

    def test_other_words_of_requiring(self):
        for part, found in (
            ("实习期要多长才行", "没有要求"),
            ("劳动合同要签满几年", "1年以上"),
            ("社保有没有要求", "没有要求"),
        ):
            assert found in unstated.asked_of("3.7.2", understand(part)).text, part

    def test_rank_requirement_of_senior_training(self):
        assert "本科以上" in unstated.asked_of("3.7.3", understand("学历得是什么才行")).text

    def test_part_naming_an_item_of_its_own_is_not_taken(self):
        assert unstated.asked_of("3.7.2", understand("实习生补贴的社保要交几个月")) is None

    def test_degree_education_is_a_cost_asked_not_a_requirement(self):
        assert unstated.asked_of("3.7.3", understand("学历教育（如在职MBA）的学费是否在补贴范围内？")) is None

    def test_rules_of_article_four_are_no_requirements(self):
        assert unstated.asked_of("4.3", understand("学历有没有要求")) is None

    def test_part_asking_no_requirement(self):
        assert unstated.asked_of("3.7.2", understand("最高多少")) is None


class TestComposedReply:
    def test_training_institution_with_insurance_part(self):
        text = reply(
            "我们是认定过的服务外包培训机构。学员大专毕业，考核过了，签了1年劳动合同，社保才交了两个月。"
            "每人补贴还能拿吗？最高多少？社保要交满几个月才行？"
        )
        assert "500元" in text and "第三条第（七）项第2点对社保没有要求" in text
        assert "给予5000元的补贴" not in text  # 三（七）4's text is no answer to the question on 三（七）2

    def test_internship_period_asked_after_training_institution(self):
        text = reply("培训机构每培训一个人补多少？实习期要多长才行？")
        assert "对实习期没有要求" in text and "“实习期3个月以上”是第三条第（七）项第4点" in text

    def test_intern_clause_states_both(self):
        text = reply("实习生补贴一年最多补多少？实训协议要签几年？社保要交满几个月才行？")
        assert "两年以上" in text and "不低于6个月" in text and "没有要求" not in text
