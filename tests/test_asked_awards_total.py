"""Awards the user already knows beside a sum question that names other items (「增量奖励80万，离岸奖励120万…创新发展奖励
和技术先进型这两块一共多少钱」): the total is of the items asked, the stated awards are 三（三）'s base only; an asked item
with no amount is placed from the facts said (三（四） newly recognised: 10万) and 三（三） counts 0 when its condition
fails. The wordings are the team's own."""

from bot.estimate import stated_awards
from bot.nlu.normalize import normalize


def answer(text: str) -> str:
    return stated_awards.answer(normalize(text)) or ""


def test_the_two_asked_items_are_added_without_the_stated_ones():
    reply = answer(
        "增量奖励批了60万，离岸奖励140万。我们连续两年研发投入都在增长，今年也新评上了技术先进型服务企业。"
        "创新奖和技先这两项一共多少？"
    )
    assert "300,000.00元" in reply  # (60万 + 140万) × 15%
    assert "合计400,000.00元" in reply
    assert "合计2,300,000.00元" not in reply and "合计2,400,000.00元" not in reply.split("您问的")[1].split("。")[0]


def test_a_stated_award_asked_again_counts_once():
    """离岸奖励 (stated) and 创新奖励 (computed) asked: 90万 + 21万; 增量奖励 is the base only."""
    reply = answer("增量奖励算出来50万，离岸奖励90万，连续两年都有新的发明专利。离岸奖励和创新奖励加起来多少？")
    assert "210,000.00元" in reply
    assert "合计1,110,000.00元" in reply


def test_a_failed_innovation_condition_counts_nothing():
    reply = answer(
        "增量奖励100万，离岸奖励100万，研发投入只增长了一年，也没有连续两年的软著，今年新认定了技术先进型。"
        "创新奖励和技术先进型一共多少？"
    )
    assert "不符合条件" in reply
    assert "300,000.00元" not in reply  # never 15% of a base whose condition fails
    assert "合计100,000.00元" in reply


def test_an_added_item_still_sums_everything():
    """Negative: 「再加上创新奖一共多少」 adds to the stated awards: all of them together, as before."""
    reply = answer("增量奖励100万 离岸奖励100万 再加上创新奖一共多少")
    assert "2,300,000.00元" in reply
