"""「能补多少」 asks an amount and 「报销单上：…」 is a heading: neither asks whether a named cost counts (routes.yml
cost_included), so an estimate's reply gets no 「算，可以补：展位费…」 part beside it."""

import pytest

from bot.answers import subsidies
from knowledge import shapes


@pytest.mark.parametrize(
    "text",
    [
        "报销单上：北京展位费3万 布展0.5万，展会补贴能报多少",
        "特装费4万 宣传推广1万，能补多少",
        "展位费2.8万可以补贴多少钱",
        "注册费6000元能补几万",
    ],
)
def test_amount_questions_are_not_cost_questions(text):
    assert not shapes.search("cost_included", text)
    assert "算，可以补" not in subsidies.aspect_line("3.5", text)


@pytest.mark.parametrize("text", ["展位费能补吗", "特装费可以报销吗", "布展费算不算在里面", "宣传推广费能不能算"])
def test_cost_questions_still_answered(text):
    assert shapes.search("cost_included", text)
    assert subsidies.aspect_line("3.5", text).startswith("算，可以补")
