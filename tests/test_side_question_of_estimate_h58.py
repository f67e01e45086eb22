"""Questions asked in the same message as an estimate (actions/policy.other_parts): a rule question quoting the
policy's threshold (全部还是只算超过部分) is answered from the clause, never read as the estimate's; a rate or ceiling
naming no item, clause or the policy as a whole is the estimated item's (bot/answers/estimated_item.py), while
「一年所有补贴加起来最多多少」 stays 第四条第（三）项's. No server."""

import pytest

from actions.policy import _how_parts, _rule_clauses
from bot.answers import general, reasoning, router, subsidies
from bot.answers.estimated_item import asks_of_estimated, with_estimated_item
from bot.nlu.normalize import understand


class TestWholeOrExcess:
    @pytest.mark.parametrize(
        "text",
        [
            "超过100万美元之后是按全部金额算还是只算超过的那部分",
            "是只算超出100万美元那部分吗",
            "离岸奖励是按整个执行额还是超过部分算",
            "is it the whole amount or only the part above the threshold",
        ],
    )
    def test_offshore_award_is_on_the_whole_amount(self, text):
        """三（二）: the threshold decides who gets it; the rate is on the whole contract amount."""
        line = subsidies.whole_or_excess_line("3.2", understand(text))
        assert line.startswith("按全部合同执行额算，不是只算超过的那部分")
        assert "第三条第（二）项" in line and "超过100万美元" in line and "10%" in line

    @pytest.mark.parametrize("code", ["3.1", "3.8.3", "3.9"])
    def test_no_line_for_a_clause_without_threshold_and_base(self, code):
        """三（八）3's rate is of the rent, 三（一） and 三（九） have no threshold: nothing is said."""
        assert "" == subsidies.whole_or_excess_line(code, "是按全部金额算还是只算超过的那部分")

    def test_not_asked(self):
        assert "" == subsidies.whole_or_excess_line("3.2", "离岸超过多少才有")


class TestRuleQuestionIsNotTheEstimates:
    def test_part_quoting_the_threshold_is_a_how_part(self):
        parts = router.message_parts(
            understand(
                "今年离岸合同执行额180万美元，汇率按7.1，离岸奖励多少？顺便问下超过100万美元之后是按全部金额算还是只算超过的那部分"
            )
        )
        assert [parts[1]] == _how_parts(parts)

    def test_rule_clause_inside_the_estimate_part(self):
        asked = [understand("离岸今年210万美元 汇率7.1 能拿多少 是全额算还是只算超过100万的部分")]
        assert ["是全额算还是只算超过100万的部分"] == _rule_clauses(asked)

    def test_no_rule_clause(self):
        assert [] == _rule_clauses([understand("离岸今年210万美元 汇率7.1 能拿多少")])


class TestAsksOfEstimated:
    @pytest.mark.parametrize(
        "part, code",
        [
            ("按多少比例 最多能补多少钱", "3.9"),
            ("另外按什么比例补 最多补多少", "3.9"),
            ("补贴比例多少 封顶多少", "3.5"),
            ("最高能补多少", "3.6"),
            ("是全额算还是只算超过门槛的部分", "3.2"),
        ],
    )
    def test_the_estimated_items_standard(self, part, code):
        assert asks_of_estimated(understand(part), code)

    @pytest.mark.parametrize(
        "part, code",
        [
            ("一年所有补贴加起来最多能拿多少", "3.9"),  # 第四条第（三）项
            ("一間企業一年喺呢個政策最多可以攞幾多錢", "3.2"),
            ("also total cap per company?", "3.2"),
            ("单一企业全年各项奖补合计有无上限", "3.2"),
            ("离岸奖励比例多少", "3.9"),  # an item of its own
            ("第三条第（二）项的比例多少", "3.9"),  # a clause of its own
            ("一年最多能报几个项目", "3.6"),  # a count, not money
            ("按多少比例 最多能补多少钱", "4.3"),
            ("按多少比例 最多能补多少钱", None),
        ],
    )
    def test_another_subject_keeps_its_words(self, part, code):
        assert not asks_of_estimated(understand(part), code)

    @pytest.mark.parametrize(
        "part, code, figure",
        [
            ("按多少比例 最多能补多少钱", "3.9", "30%"),
            ("补贴比例多少 封顶多少", "3.6", "70%"),
            ("最多补多少", "3.5", "5万"),
        ],
    )
    def test_router_answers_the_estimated_item(self, part, code, figure):
        """The part with the item's name is answered with that item's clause and figures, not 三（二）'s 10%."""
        a = router.answer_part(None, with_estimated_item(understand(part), code), (), code, None, {})
        assert code == a.clause
        assert figure in a.text and "国际服务外包" not in a.text


class TestIncrementAgainstLastYear:
    @pytest.mark.parametrize("text", ["这个增量是跟去年全部业务比吗", "增量是对比上年度整体执行额吗"])
    def test_against_last_years_business_as_a_whole(self, text):
        a = reasoning.answer(understand(text))
        assert "3.1" == a.clause
        assert a.text.startswith("是，和上年度") and "在岸" in a.text and "离岸" in a.text


class TestCatalogueOrigin:
    @pytest.mark.parametrize("text", ["这23个领域是郑州自己定的吗", "目录里那些领域是市里自己编的还是国家的"])
    def test_not_zhengzhous_own(self, text):
        a = general.answer(understand(text))
        assert a.text.startswith("不是郑州自己定的")
        assert "商务部、财政部、海关总署2019年1月10日" in a.text and "（2018年版）" in a.text
        assert "第一条" in a.text and "第四条第（二）项" in a.text

    def test_who_set_it(self):
        """「目录是谁定的」 asks no yes/no: the issuers, no 不是."""
        a = general.answer(understand("目录是谁定的"))
        assert not a.text.startswith("不是") and "海关总署" in a.text
