"""Firms a park brought in (own wording): 「N家…其中M家…另一家…」 splits the N firms, it adds none (a firm short of
a year in the park is then left out of the N); and a brought-in firm that is the subject of other items
(「园区引进的一家企业，入驻满3年…它的租金」) is no count of top firms (三（八）2 is not estimated)."""

import pytest

from bot.estimate.items import detect_items
from bot.estimate.understand import read
from bot.nlu.normalize import normalize


def _firms(text):
    return read(text, items=detect_items(normalize(text))).fields.get("park_top_enterprises")


@pytest.mark.parametrize(
    "text, count",
    [
        ("示范园区今年引进了五家世界500强，其中四家运营一年以上，另一家刚入园", 4),
        ("园区引进了4家国内500强项目 其中3家都运营两年了 剩下的1家才来半年", 3),
        ("我们引进了3家IAOP100强，其中两家运营满一年，另外一家也满一年了", 3),
        ("引进2家500强 3家领军企业 都运营一年以上", 5),
    ],
)
def test_parts_of_a_count_split_it(text, count):
    assert _firms(text) == count


def test_a_brought_in_firm_as_subject_is_no_count_of_top_firms():
    text = "园区引进的一家企业，入驻重点园区满4年，今年合同执行额800万，年租金40万、面积500平，租金补贴多少"
    assert "3.8.2a" not in detect_items(normalize(text))
    assert "3.8.3" in detect_items(normalize(text))
