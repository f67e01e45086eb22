"""「增量奖励跟离岸奖励是不是只能二选一」「有增量奖励 创新奖励还能叠加吗」: items of this policy asked together are had
together (each its own direction, within 500万 a year); 第四条第（三）项's 不得重复申报 is for another policy of the city,
so it answers only when one is named (routes.yml other_source; bot/answers/together.py)."""

import pytest

from bot.answers import compose, together
from bot.nlu.normalize import understand


class TestOwnItemsTogether:
    @pytest.mark.parametrize(
        "text",
        [
            "离岸业务奖励和业务增量奖励只能选其一吗",
            "展会补贴跟资质认证补贴会不会互斥",
            "增量奖和离岸奖可以叠加吗 还是只能拿其中一个",
        ],
    )
    def test_can_be_had_together(self, text):
        out = compose("ask_subsidy", text).text
        assert out.startswith("可以同时申报")
        assert "500万" in out

    def test_the_innovation_award_is_on_top_of_its_base(self):
        out = compose("ask_subsidy", "创新奖励和离岸奖励是不是冲突的").text
        assert "另给" in out and "15%" in out


class TestAnotherPolicyNamed:
    @pytest.mark.parametrize(
        "text",
        [
            "区里的展会补贴和这边的展会补贴能叠加吗",
            "科技局的研发补助跟这里的创新奖励能不能同时拿",
            "同一笔展位费 展会补贴和平台补贴能都报吗",
        ],
    )
    def test_is_no_combination_of_own_items(self, text):
        assert [] == together.own_items(understand(text))


def test_a_numbered_pair_of_questions():
    out = compose("ask_subsidy", "问两件事：一 离岸奖励和增量奖励能不能都拿 二 全年各种奖补合计最多多少").text
    assert "可以同时申报" in out and "500万" in out
