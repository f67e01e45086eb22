"""When applications open, until when, where and with which documents (「今年的申报啥时候开始啊 截止到哪天 材料交到哪个窗口」)
are not in the policy: the answer says 本政策没有规定…, names 第四条第（一）项's 实施细则 and 市商务局, and invents no date,
window or list (bot/answers/procedure.py). A question on something else in the same message is answered too; the
policy's own dates stay general.py's. The wording is our own."""

import re

import pytest

from bot.answers import procedure, router
from bot.nlu.normalize import understand

LOGISTICS = [
    "今年的申报啥时候开始啊 截止到哪天 材料交到哪个窗口",
    "申报材料要交到哪里",
    "一般几月份开始受理申报？最晚哪天交？",
    "需要准备哪些申报材料 线上还是线下交",
    "什么时候能报 去哪儿报",
]


@pytest.mark.parametrize("said", LOGISTICS)
def test_said_not_in_the_policy(said):
    a = router.compose(None, said)
    assert "没有规定" in a.text
    assert "实施细则" in a.text and "市商务局" in a.text
    assert "第四条第（一）项" in a.text
    assert not re.search(r"\d{1,2}月\d{1,2}日|\d{1,2}号(之前|前|截止)", a.text)  # no date made up


def test_names_each_aspect_asked():
    text = router.compose(None, "今年的申报啥时候开始啊 截止到哪天 材料交到哪个窗口").text
    for aspect in ("开始时间", "截止日期", "受理窗口", "申报材料"):
        assert aspect in text


def test_another_question_beside_it_is_answered_first():
    text = router.compose(None, "离岸奖励最高多少 今年几月份能报").text
    assert "200万" in text and "第三条第（二）项" in text
    assert "没有规定每年申报的开始时间" in text


@pytest.mark.parametrize("said", ["政策什么时候开始执行", "这个文件有效期到什么时候"])
def test_the_policys_own_dates_are_no_application_logistics(said):
    assert not procedure.asked(understand(said))


@pytest.mark.parametrize("said", ["装修材料能补吗", "材料费算不算"])
def test_materials_as_a_cost_are_no_documents(said):
    assert not procedure.asked(understand(said))
