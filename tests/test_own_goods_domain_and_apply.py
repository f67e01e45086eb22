"""「卖自己工厂的货…这算不算电子商务平台服务？能申报服务外包补贴吗？」: the domain's name (电子商务平台服务) names no support
item (公共服务平台), so the business is placed; and whether it may be applied for is answered in a part of its own."""

import pytest

from bot.answers import catalog, router
from bot.nlu.normalize import understand

BOTH = [
    "我们在天猫和京东上开网店，卖我们自己工厂生产的小家电，这算不算电子商务平台服务？能申报服务外包补贴吗？",
    "我们公司在拼多多上卖自己做的服装，这属于电子商务平台服务吗？可以申请服务外包奖励吗？",
    "在亚马逊开店卖自家工厂的灯具，算电子商务平台服务吗，能拿奖励不",
]


@pytest.mark.parametrize("said", BOTH)
def test_classified_and_apply_answered(said):
    t = understand(said)
    assert router.is_classify_question(None, t)
    text = catalog.classify_answer(t).text
    head, _, tail = text.partition("关于能否申报：")
    assert "不属于服务外包" in head and "为客户搭建电子商务平台" in head
    assert tail.startswith("这项业务不是服务外包，不能按本政策申报") and "第一条" in tail


def test_no_apply_line_without_the_question():
    t = understand("我们在亚马逊上开店卖自家工厂的灯具，算电子商务平台服务吗")
    assert "关于能否申报" not in catalog.classify_answer(t).text


def test_item_still_read_beside_a_business():
    assert router.asks_of_applicant_or_item(understand("我们做物流的，公共服务平台的补贴能拿吗"))
