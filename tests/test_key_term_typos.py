"""Key terms typed by sound or shape (synonyms.yml typo_patterns): 「技术现金型服务企业」 is 技术先进型, 「离安业务」 离岸,
「美圆」 美元, 「服务外宝」 服务外包, 「示范园去」 示范园区 — read as the policy's words, never routed to another clause."""

import pytest

from bot.answers import router
from bot.nlu.normalize import normalize, understand
from knowledge.text import mend_typos_in_place


class TestUnderstood:
    @pytest.mark.parametrize(
        "typed, meant",
        [
            ("技术现金型服务企业", "技术先进型服务企业"),
            ("技术鲜进型企业", "技术先进型企业"),
            ("技术先尽形服务企业", "技术先进型服务企业"),
            ("技术显近型", "技术先进型"),
            ("技鲜资格", "技先资格"),
            ("离安业务", "离岸业务"),
            ("理岸奖励", "离岸奖励"),
            ("超过100万美圆", "超过100万美元"),
            ("服务外宝企业", "服务外包企业"),
            ("服务外报政策", "服务外包政策"),
            ("外报企业", "外包企业"),
            ("示范园去认定", "示范园区认定"),
            ("示范圆区", "示范园区"),
        ],
    )
    def test_typo_read_as_the_term(self, typed, meant):
        """The answers read the policy's term."""
        assert meant == understand(typed)

    @pytest.mark.parametrize("kept", ["美园小区", "境外报企业", "对外报价", "技术性服务", "先进性"])
    def test_other_words_are_left(self, kept):
        """Words that only look alike are not changed."""
        assert kept == understand(kept)

    def test_mended_in_place_for_the_nlu_and_estimate(self):
        """The same-length mends keep positions: the NLU's text and the estimate's reading see the term too."""
        assert "技术先进型服务企业" == normalize("技术现金型服务企业")
        assert "今年离岸120万美元" == mend_typos_in_place("今年离安120万美圆")


class TestRouted:
    @pytest.mark.parametrize(
        "typed",
        [
            "技术现金型服务企业新认定的奖励多少钱",
            "技术鲜进型企业认定下来奖多少",
            "新拿到技术先近型服务企业资格 奖励多少",
        ],
    )
    def test_tech_advanced_typos_reach_its_clause(self, typed):
        """A typo of 技术先进型 is answered with 第三条第（四）项, never 三（八）1's 示范园区."""
        answer = router.compose(None, typed, facts={})
        assert "第三条第（四）项" in answer.text
        assert "示范园区" not in answer.text

    def test_offshore_and_dollar_typos(self):
        """「离案业务要超过多少美圆」 is the offshore threshold."""
        answer = router.compose(None, "离案业务要超过多少美圆才有奖励", facts={})
        assert "100万美元" in answer.text
