"""An offshore award estimated from the one offshore figure the user said of 去年 (「去年离岸有200万美元」): the
read-back names 去年, as the note does, never 今年 (a year the user did not say). No server."""

import pytest

from bot.estimate.explain import render
from bot.estimate.session import PREVIOUS_YEAR_OFFSHORE_NOTE, EstimateSession


@pytest.mark.parametrize(
    "text",
    [
        "去年离岸执行额200万美元，汇率按7.0，离岸奖励多少",
        "我们去年离岸做了150万美金 去年的汇率6.9 能拿多少离岸奖励",
        "offshore去年有300万美元 汇率7.1 离岸那块奖励多少",
    ],
)
def test_readback_names_last_year(text):
    """The basis line says 去年离岸执行额 and no 今年离岸执行额."""
    s = EstimateSession.start(text)
    assert PREVIOUS_YEAR_OFFSHORE_NOTE in s.notes
    reply = render(s.compute(), s.inputs, s.notes)
    first = reply.splitlines()[0]
    assert first.startswith("按去年离岸执行额"), first
    assert "今年离岸执行额" not in reply


def test_this_years_figure_keeps_this_year():
    """「今年离岸200万美元」 is read back as 今年."""
    s = EstimateSession.start("今年离岸执行额200万美元，汇率按7.0，离岸奖励多少")
    assert PREVIOUS_YEAR_OFFSHORE_NOTE not in s.notes
    assert render(s.compute(), s.inputs, s.notes).startswith("按今年离岸执行额")
