"""A year word half typed in pinyin (「qu年」「jin年」) read as the year it names. Wording of our own."""

import pytest

from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize


@pytest.mark.parametrize(
    "typed,word",
    [
        ("qu年在岸500万", "去年"),
        ("JIN年离岸", "今年"),
        ("ming年打算", "明年"),
        ("qian年", "前年"),
        ("shang年的", "上年"),
    ],
)
def test_year_word(typed, word):
    out = normalize(typed)
    assert word in out and len(out) == len(typed)


def test_the_estimate_reads_last_year():
    s = EstimateSession.start("qu年在岸800w 今年在岸1100w 都是境内的 增量奖励多少")
    assert 8000000 == s.inputs["previous_onshore_cny"]
    assert 90000 == s.compute()["total_cny"]
