"""Awards the user already knows, put together (bot/estimate/stated_awards.py): known answers,
ceilings, the 500万 annual total, and a property over generated amounts."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.estimate import stated_awards
from knowledge.figures import figure

TOTAL_CAP = figure("4.3", "annual_total_cap_cny")


def test_three_awards_over_the_total_are_held_to_500wan():
    reply = stated_awards.answer("我们离岸奖励200万 增量奖励200万 平台补贴200万 加起来能拿600万吗")
    assert "合计6,000,000.00元" in reply
    assert "一年最多只能拿到5,000,000.00元" in reply and "拿不到全部" in reply
    assert "第四条第（三）项" in reply


def test_innovation_is_recomputed_from_the_two_awards():
    reply = stated_awards.answer("增量奖励算下来60万 离岸奖励120万 创新发展奖励能拿多少 三项加一起超没超上限")
    assert "= 270,000.00元" in reply
    assert "合计2,070,000.00元" in reply and "未超过" in reply and "不能全部" not in reply


def test_a_wrong_innovation_figure_is_named():
    reply = stated_awards.answer("增量奖励100万 离岸奖励100万 创新奖励50万 一共多少")
    assert "= 300,000.00元" in reply and "不是您说的50万元" in reply
    assert "合计2,300,000.00元" in reply


def test_an_award_over_its_clause_ceiling_counts_at_the_ceiling():
    reply = stated_awards.answer("增量奖励250万 离岸奖励80万 加起来多少")
    assert "您说250万元，超过该项上限" in reply
    assert "合计2,800,000.00元" in reply


def test_boundary_total_exactly_500wan_is_not_over():
    reply = stated_awards.answer("增量奖励200万 离岸奖励200万 平台补贴100万 加起来超没超")
    assert "合计5,000,000.00元（约500.00万元），未超过" in reply and "一年最多只能拿到" not in reply


def test_platform_award_over_one_platforms_ceiling_is_asked_not_guessed():
    reply = stated_awards.answer("增量奖励100万 平台补贴300万 一共多少")
    assert "是几个平台" in reply and "合计" not in reply


def test_no_answer_without_two_awards_or_a_sum_question():
    assert stated_awards.answer("增量奖励200万 都能拿到吗") is None
    assert stated_awards.answer("增量奖励200万 离岸奖励100万") is None
    assert stated_awards.answer("离岸奖励怎么算 今年离岸250万美元 增量奖励一共多少") is None


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=0, max_value=400).map(lambda w: Decimal(w) * 10000),
    st.integers(min_value=0, max_value=400).map(lambda w: Decimal(w) * 10000),
    st.integers(min_value=0, max_value=100).map(lambda w: Decimal(w) * 10000),
)
def test_total_is_capped_sum_of_capped_items(increment, offshore, rent):
    text = f"增量奖励{increment}元 离岸奖励{offshore}元 租金补贴{rent}元 加起来多少"
    reply = stated_awards.answer(text)
    cap = figure("3.1", "cap_cny")
    expected = min(increment, cap) + min(offshore, figure("3.2", "cap_cny")) + rent
    assert f"合计{expected:,.2f}元" in reply
    assert ("一年最多只能拿到" in reply) == (expected > TOTAL_CAP)


def test_awards_named_at_their_ceiling_count_at_the_ceiling():
    reply = stated_awards.answer("假如增量奖励和离岸奖励都拿到顶了 那创新发展奖最多能拿多少")
    assert "按上限2,000,000.00元" in reply
    assert "= 600,000.00元" in reply and "合计4,600,000.00元" in reply


def test_a_total_the_user_worked_out_is_held_to_500wan():
    reply = stated_awards.answer("我们各项奖励算下来加起来有620万 能全拿到吗")
    assert "合计620万元" in reply and "拿不到全部" in reply and "5,000,000.00元" in reply
    reply = stated_awards.answer("各项补贴加起来480万 能全拿吗")
    assert "未超过上限" in reply and "不能全部" not in reply


def test_short_names_are_awards_when_the_amounts_add_up_to_the_total_said():
    """增量150万 离岸180万 创新49.5万 ITSS补20万 = 399.5万, the total the user states."""
    reply = stated_awards.answer("我们列了下今年的 增量150万 离岸180万 创新49.5万 ITSS补20万 一共399.5万 有没有超")
    assert "业务规模增量奖励：1,500,000.00元" in reply and "离岸业务奖励：1,800,000.00元" in reply
    assert "= 495,000.00元" in reply  # (150万 + 180万) × 15%
    assert "合计3,995,000.00元" in reply and "未超过" in reply


def test_short_names_are_business_amounts_when_nothing_says_award():
    """「离岸300万 增量120万 一共多少」 adds up to no stated total and has no award verb: not awards."""
    assert stated_awards.answer("今年离岸300万 增量120万 一共多少") is None
    assert stated_awards.read("今年离岸300万 增量120万 一共多少") == []


def test_award_verb_makes_a_short_name_an_award():
    reply = stated_awards.answer("离岸奖励120万 国外展会补了25万 PCMM补了15万 加起来多少")
    assert "开拓市场补贴（展会等活动）：250,000.00元" in reply
    assert "合计1,600,000.00元" in reply


def test_each_of_several_platforms():
    reply = stated_awards.answer("三个平台各补150万 再加离岸奖200万 一共能拿多少")
    assert "公共服务平台补贴：4,500,000.00元" in reply and "3个平台" in reply
    assert "合计6,500,000.00元" in reply and "一年最多只能拿到5,000,000.00元" in reply
