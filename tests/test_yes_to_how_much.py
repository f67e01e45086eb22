"""A bare yes (「是的」「对的」「嗯」) to a how-much question of the estimate: asked again with what the answer needs — a
number and its unit, and for the rent the other ways to tell it — never the generic could-not-read line alone."""

from bot.estimate import yes_to_number
from bot.estimate.session import EstimateSession


def test_a_yes_to_the_rent_question_names_a_number_and_the_other_ways():
    s = EstimateSession.start("想算一下我们的房租补贴")
    turn = s.handle("嗯嗯")
    said = " ".join(turn.messages)
    assert "数字" in said and "元" in said and "每平方米" in said
    assert "确认" not in said  # no confirmation asked


def test_a_yes_to_a_count_question_names_the_unit():
    s = EstimateSession.start("我们是市里认定的服务外包培训机构，培训补贴能拿多少")
    turn = s.handle("对的")
    assert any("数字" in m and "名" in m for m in turn.messages)


def test_a_yes_with_a_figure_is_read_as_the_figure():
    s = EstimateSession.start("想算一下我们的房租补贴")
    s.handle("是的，年租金36万")
    assert "rent_annual_cny" in s.inputs


def test_only_a_bare_yes_to_a_numeric_field_gets_the_hint():
    assert yes_to_number.hint("rent_annual_cny", "好的。") is not None
    assert yes_to_number.hint("rent_annual_cny", "不知道") is None
    assert yes_to_number.hint(None, "是的") is None
