"""Travel costs typed in dollars beside a fair are named in dollars when they are left out of 三（五）'s base:
「机票酒店花了8000美元」 must never be written back as 8,000元 (a figure the user did not say)."""

import pytest

from bot.estimate.items import detect_items
from bot.estimate.understand import Reader


def notes(text):
    return "\n".join(Reader(text, items=detect_items(text)).read().notes)


@pytest.mark.parametrize(
    "text, said",
    [
        ("上个月去美国参加了个展会 是商务局指定的 展位费1万美元 机票酒店花了8000美元 汇率按7.1 能补多少", "8000美元"),
        ("参加了指定的拉斯维加斯展会，展位费12000美元，差旅住宿6500美元，汇率7.0，补贴多少", "6500美元"),
        ("去迪拜参加商务局指定展会 特装费2万美元 机票3千美元 按7.1折算 能补多少", "3千美元"),
    ],
)
def test_dollar_travel_is_named_in_dollars(text, said):
    """The left-out travel cost is quoted as typed, in 美元; no 元 figure of the same number appears."""
    out = notes(text)
    assert said in out
    number = said.replace("美元", "")
    assert f"{number}元" not in out.replace(said, "")
