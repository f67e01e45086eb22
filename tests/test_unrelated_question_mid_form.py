"""A question about nothing this policy speaks of, asked in the middle of an estimate (「另外你知道郑州这周限行尾号
是多少吗」「对了你们能开发票吗」): a short decline, the figures beside it read, the form going on — never the overview
of every clause."""

import pytest

from actions.estimate import ActionEstimateStart, ValidateEstimateForm
from actions.forms import figures_beside_declined
from bot.answers.unrelated_asides import unrelated, unrelated_aside
from tests.test_actions import run, slots_of, texts, tracker


class TestUnrelated:
    @pytest.mark.parametrize(
        "asked", ["顺便问下郑州哪家烩面好吃？", "顺便问下，附近有停车场吗？", "另外问一句，地铁几点停运？"]
    )
    def test_questions_about_something_else(self, asked):
        assert unrelated(asked)

    @pytest.mark.parametrize(
        "asked",
        [
            "另外境外参展每场最多补多少？",
            "对了，这个是怎么算出来的？",
            "顺便问下申报截止是什么时候？",
            "那我们一共能拿多少？",
        ],
    )
    def test_policy_questions_are_not(self, asked):
        assert not unrelated(asked)


class TestAside:
    def test_the_figures_are_kept_with_their_punctuation(self):
        said = "入驻四年了，执行额900万。面积700平，哦不对，是720平，月租3万。另外顺便问一下，地铁几点停运？"
        decline, rest = unrelated_aside(said)
        assert "超出" in decline
        assert rest == "入驻四年了，执行额900万。面积700平，哦不对，是720平，月租3万。"

    def test_no_aside_without_figures(self):
        assert unrelated_aside("你好。另外地铁几点停运？") is None

    def test_the_form_declines_it_briefly(self):
        found = figures_beside_declined("68个。对了，地铁几点停运？")
        assert found is not None and "超出" in found[0] and found[1].startswith("68个")

    def test_a_receipt_asked_mid_form_is_declined_as_a_document(self):
        # documents the assistant cannot issue have their own decline (knowledge/data/document.yml)
        found = figures_beside_declined("68个。对了，你们这边能开收据吗？")
        assert found is not None and "不能开具" in found[0] and "收据" in found[0] and found[1].startswith("68个")


class TestForm:
    async def test_unrelated_question_beside_the_last_figures(self):
        _, events = await run(ActionEstimateStart(), tracker("帮我算算房租补贴", "estimate_award", message_id="a"))
        state = slots_of(events)["estimate_state"]
        said = "入驻市级服务外包重点园区5年，执行额900万，租了800平，月租4万。顺便问下，你知道郑州哪家烩面好吃吗？"
        d, events = await run(
            ValidateEstimateForm(), tracker(said, "inform", {"estimate_state": state}, message_id="b")
        )
        out = texts(d)
        assert "超出" in out and "支持方向和标准" not in out
        assert "done" == slots_of(events)["estimate_answer"]

    async def test_unrelated_question_alone_mid_form(self):
        _, events = await run(ActionEstimateStart(), tracker("帮我算算房租补贴", "estimate_award", message_id="a"))
        state = slots_of(events)["estimate_state"]
        said = "你知道郑州这周限行尾号是多少吗？"
        d, _ = await run(
            ValidateEstimateForm(), tracker(said, "ask_subsidy", {"estimate_state": state}, message_id="c")
        )
        out = texts(d)
        assert "超出" in out and "支持方向和标准" not in out and "回到刚才的测算" in out
