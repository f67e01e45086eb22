"""Cantonese question words read as the common ones (「補貼最多幾多」「可以攞幾多錢」「係咪又可以再補」), and the
question whether a further public service platform is subsidised again (三（九）'s cap is each platform's own; 四（三）'s
annual total is shared). New wording, not the case files'."""

import pytest

from bot.answers import per_platform
from bot.answers.router import compose
from bot.nlu.normalize import understand


class TestCantoneseWords:
    @pytest.mark.parametrize(
        "said, read",
        [
            ("離岸獎勵可以攞幾多？", "离岸奖励可以拿多少"),
            ("我哋公司係咪可以申報？", "我们公司是不是可以申报"),
            ("呢個平台補貼最多幾多", "这个平台补贴最多多少"),
            ("佢哋冇喺鄭州交稅", "他们没有在郑州交税"),
            ("分公司唔係法人", "分公司不是法人"),
        ],
    )
    def test_read_as_common_words(self, said, read):
        assert read in understand(said)

    @pytest.mark.parametrize("said", ["服务外包业务管理和统计系统", "系统注册了", "这个系列的软件"])
    def test_mandarin_words_unchanged(self, said):
        """系 alone (系统、系列) is no Cantonese 係: only 係咪/係唔係 are read as 是不是."""
        assert said in understand(said)


class TestAnotherPlatform:
    @pytest.mark.parametrize(
        "text",
        [
            "如果以后再搞一个培训平台，是不是还能补",
            "第二个公共服务平台也能申请吗",
            "另外一个信息服务平台能不能单独算",
            "每个平台都单独封顶吗",
            "我哋再建第二個平台，係咪又可以再補？",
        ],
    )
    def test_each_platform_on_its_own_within_the_annual_total(self, text):
        a = per_platform.answer(understand(text))
        assert a is not None, text
        assert "第三条第（九）项" in a.text and "200万" in a.text and "500万" in a.text
        assert "每个平台分别计算" in a.text

    @pytest.mark.parametrize(
        "text", ["建一个平台能补多少", "平台补贴比例是多少", "第二个问题 平台补贴最高多少", "离岸奖励第二年还能拿吗"]
    )
    def test_other_questions_are_not_this_answer(self, text):
        assert per_platform.answer(understand(text)) is None

    def test_router_gives_it(self):
        a = compose("ask_subsidy", understand("要是再建第二个平台 又能再补吗"))
        assert "每个平台分别计算" in a.text
