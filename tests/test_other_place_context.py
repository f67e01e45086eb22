"""Another city named beside a question about this policy (issue 13 kind 1): 「上海那边…离岸奖励是多少我不清楚，你先说说郑州的
离岸业务奖励，门槛是多少」 asks about Zhengzhou's policy — answered, the other city noted in a line; only a question whose
asked part is the other city's policy is declined."""

import pytest

from bot.understand.segment import question_parts
from knowledge import other_policies


class TestSubject:
    @pytest.mark.parametrize(
        "text",
        [
            "上海那边服务外包政策的离岸奖励是多少我不清楚，你先说说郑州的离岸业务奖励，门槛是多少，按多少比例，封顶多少",
            "北京的离岸奖励我不了解，郑州这边离岸奖励门槛多少，比例多少",
            "先不管深圳的补贴，给我讲讲郑州的展会补贴标准，每场最多补多少",
            "苏州的补贴是多少我不清楚，你说说这边的租金补贴怎么算",
            "广州那边实习补贴多少钱我也不知道，先讲讲郑州的实习补贴，每人补多少",
            "杭州的政策我没看过，郑州的技术先进型奖励给多少",
        ],
    )
    def test_this_policy_asked_is_not_declined(self, text):
        """The asked part is this policy's: no decline as another policy."""
        assert other_policies.subject(text) is None

    @pytest.mark.parametrize(
        "text",
        [
            "上海的离岸奖励是多少",
            "上海那边服务外包政策的离岸奖励是多少，你说说",
            "郑州的我知道，上海那边服务外包政策的离岸奖励是多少",
            "深圳那边的展会补贴是多少我不清楚，你帮我查一下",
        ],
    )
    def test_other_place_asked_is_declined(self, text):
        """The asked part is the other city's policy: declined."""
        assert other_policies.subject(text) is not None

    def test_other_place_noted_beside(self):
        """The other city is named as not covered, beside the answer."""
        aside = other_policies.aside("上海那边的离岸奖励是多少我不清楚，你先说说郑州的离岸奖励门槛是多少")
        assert aside is not None and "上海" in aside["name"]


class TestSegments:
    def test_not_knowing_another_place_is_context(self):
        """「…是多少我不清楚」 of another city is no question part of its own."""
        parts = question_parts("上海那边的离岸奖励是多少我不清楚，你先说说郑州的离岸业务奖励")
        assert 1 == len(parts)

    def test_not_knowing_this_policy_stays_a_question(self):
        """「离岸奖励怎么算我不清楚」 still asks."""
        assert ["离岸奖励怎么算我不清楚"] == question_parts("离岸奖励怎么算我不清楚")
