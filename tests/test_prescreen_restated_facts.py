"""A pre-screening reply that tells again what was told (R61E027: the whole story sent twice) adds nothing: the park's
2000万美元 stays 2000万 (had been 2000万 + 2000万) and one 国内500强 stays one; and a fact that fails an item the
calculator cannot see (入园正常运营才6个月 against 一年以上) gives that item 0 in the saved report. Wording of our own
beside the case's."""

from decimal import Decimal

import pytest

from bot.prescreen.session import PrescreenSession, once_each
from calculator import calculate

OPEN = "帮我们园区自查一下 今年能申请哪些园区类的奖励 大概能拿多少"
STORIES = [
    "我们是2023年新通过认定的市级服务外包示范园区，由我们公司统一管理和运营。引进信息传输、软件和信息服务业项目外商投资共2000万美元；"
    "引进一家国内500强，入园正常运营才6个月",
    "园区今年新通过市级示范园区认定，我们公司统一运营；引进软件和信息服务业项目外资2000万美元；引进了一家世界500强，入园8个月",
    "市级服务外包示范园区，今年新通过认定，由我们公司统一运营。外商投资2000万美元（软件和信息服务业项目）。引进IAOP全球外包100强一家，入园正常运营10个月",
]


def _run(story: str) -> PrescreenSession:
    s = PrescreenSession.start(OPEN)
    for m in (story, story):  # told, then told again in reply to 第二条's question
        s = PrescreenSession.load(s.dump())
        s.handle(m)
    return s


@pytest.mark.parametrize("story", STORIES)
def test_a_story_told_twice_counts_once(story):
    inputs = _run(story).calculator_input()
    assert inputs["park_foreign_investment_usd"] == Decimal("20000000")
    assert inputs.get("park_top_enterprises", 0) <= 1


@pytest.mark.parametrize("story", STORIES)
def test_a_firm_under_a_year_gets_nothing_in_the_report(story):
    s = _run(story)
    result = calculate(s.calculator_input(), ruled_out=s.estimate_ruled_out())
    award = {i["code"]: i["amount_cny"] for i in result["items"]}
    assert award["3.8.2a"] == 0
    assert award["3.8.1"] == 200000 and award["3.8.2b"] == 200000


def test_once_each_keeps_each_sentence_once():
    assert once_each(["甲100万；乙200万", "甲100万；乙200万。丙3个"]).count("100万") == 1
