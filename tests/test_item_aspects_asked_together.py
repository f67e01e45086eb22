"""Several aspects of one item asked together (「离岸奖励…执行额是按什么币种算的？超过多少才有？奖励比例是多少？」): each
answered from the clause — 币种 in the clause's own words (以美元计算 / 折合为人民币计算), 门槛 from its threshold figure, 比例 —
never only some of them. An item named by its number (「Do we qualify for 第三条（二）?」) outranks the words' search of the
catalog. The wording is our own."""

import pytest

from bot.answers import router


@pytest.mark.parametrize(
    "said",
    [
        "我们离岸业务的增值税是免税的，这个先不管哈。我就想问这个政策的离岸奖励，执行额是按什么币种算的？超过多少才有？奖励比例是多少？",
        "离岸奖励按什么币种算？门槛多少？比例呢",
        "离岸那个奖 以美元还是人民币计 做到多少才能拿 给百分之几",
    ],
)
def test_currency_threshold_and_ratio(said):
    text = router.compose(None, said).text
    assert "美元" in text
    assert "超过100万美元" in text
    assert "10%" in text


def test_threshold_alone():
    text = router.compose(None, "离岸奖励超过多少才有").text
    assert text.startswith("门槛：年度离岸服务外包业务超过100万美元")


def test_currency_of_the_increment_is_yuan():
    text = router.compose(None, "增量奖励的执行额按美元还是人民币算").text
    assert "折合为人民币计算" in text


@pytest.mark.parametrize(
    "said, code",
    [
        ("do we qualify for 第三条（二）? rate we'd use 7.0", "3.2"),
        ("is 三（五） open to us? we use 7.0 for the rate", "3.5"),
    ],
)
def test_item_named_by_its_number(said, code):
    assert code == router.compose(None, said).clause
