"""Firms a park brought in, then counted again (bot/estimate/clauses/park_recognition.py _restates): a count that sums
up the firms just named (「一家500强 和一家领军企业 两家都入园一年多了」「…这两家…」「…一共两家」) is those firms, not more;
a count said as more firms (「另外两家」「还有两家」), or of a number the firms before it do not add up to, adds to them."""

import pytest

from bot.estimate.items import detect_items
from bot.estimate.understand import read
from bot.nlu.normalize import normalize

PARK = "我们是市级服务外包示范园区 由公司统一运营 "


def _firms(text):
    text = PARK + text
    return read(text, items=detect_items(normalize(text))).fields.get("park_top_enterprises")


@pytest.mark.parametrize(
    "text, count",
    [
        ("引进了一家世界500强 一家领军企业 两家都入园一年多了 能拿多少", 2),
        ("引进了一家500强和一家十大领军企业，这两家入园运营都一年多了，能奖多少", 2),
        ("引进一家500强、一家领军企业，上述两家均已运营满一年 奖励多少", 2),
        ("引进了一家500强和一家领军企业，两家企业都正常运营一年多 奖励多少", 2),
        ("引进了1家世界500强、1家IAOP100强，这2家都运营满一年了，奖励多少", 2),
        ("引进了一家500强 还有一家领军企业 一共两家 都运营一年多了 奖励多少", 2),
        ("世界500强一家 领军企业一家 两家都入园一年多了 奖励多少", 2),
        ("引进了一家500强 两家领军企业 三家都运营一年多了 奖励多少", 3),
        ("引进了两家500强 两家都运营一年多了 奖励多少", 2),
    ],
)
def test_a_count_restating_the_firms_named_is_no_more_firms(text, count):
    assert _firms(text) == count


@pytest.mark.parametrize(
    "text, count",
    [
        ("引进两家500强 和一家领军企业 都运营一年多了 奖励多少", 3),
        ("引进了一家500强 一家领军企业 另外两家都是100强 运营一年多 奖励多少", 4),
        ("引进了一家500强 一家领军企业 还有两家都是领军企业 都运营一年多了 奖励多少", 4),
        ("引进了一家500强 一家领军企业 还有两家100强 都运营一年以上 奖励多少", 4),
        ("引进了一家500强 一家领军企业 两家都运营一年多 另外还有两家100强也满一年了 奖励多少", 4),
        ("引进2家500强 3家领军企业 都运营一年以上 奖励多少", 5),
    ],
)
def test_counts_of_other_firms_add_up(text, count):
    assert _firms(text) == count
