"""「这到底算人工智能服务还是呼叫中心服务」: a business asked between two named catalog domains is a classification
question (bot/answers/router.is_classify_question), and 人工 inside the business (人工坐席, 人工客服) is no request to
talk to a person."""

from bot.answers import catalog, router
from bot.answers.router import shapes
from bot.nlu.normalize import understand


def test_two_named_domains_make_a_classification_question():
    t = understand("替保险公司做电话回访 人工客服加语音机器人 归呼叫中心服务还是人工智能服务")
    assert router.is_classify_question(None, t)
    assert not shapes.search("human_request", t)


def test_the_domains_named_in_order():
    t = understand("医院影像AI辅助诊断外包 属于人工智能服务还是医药和生物技术研发服务")
    assert ["人工智能服务", "医药和生物技术研发服务"] == [d["name"] for d in catalog.domains_in(t)]
    assert router.is_classify_question(None, t)


def test_the_question_part_is_not_classified_as_a_business():
    answer = catalog.classify_answer(
        understand("我们给电信运营商做客服外包，人工坐席加智能外呼，算呼叫中心服务还是人工智能服务")
    )
    assert answer is not None and "呼叫中心服务" in answer.text
    assert "“算呼叫中心服务还是人工智能服务”" not in answer.text


def test_a_request_for_a_person_stays_one():
    assert shapes.search("human_request", understand("能不能帮我转人工"))
    assert not router.is_classify_question(None, understand("能不能帮我转人工"))
