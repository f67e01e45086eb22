"""Businesses listed after a colon with list markers (①②, 1. 2., (1)(2)) are each classified; the question before the
colon is no business and the first item is never dropped."""

import pytest

from bot.answers.catalog import classify_answer

CASES = [
    (
        "帮我对一下这三块业务分别属于目录里哪个领域：①给银行做信用卡清算和档案管理外包 ②给车企做汽车外观设计 ③给风电场做储能技术研发方案",
        ["金融后台服务", "工业设计服务", "新能源技术研发服务"],
    ),
    (
        "帮我对一下这两块业务分别属于哪个领域：1.给银行做信用卡清算和档案管理外包 2.给车企做汽车外观设计",
        ["金融后台服务", "工业设计服务"],
    ),
    ("我们有两块业务:给电商做客服热线;给银行开发核心系统 分别属于哪个", ["呼叫中心服务", "软件研发服务"]),
    ("看下这俩分别算啥领域：(1)给车企做汽车外观设计(2)给银行做信用卡清算", ["工业设计服务", "金融后台服务"]),
]


@pytest.mark.parametrize("text,domains", CASES)
def test_each_listed_business_classified(text, domains):
    answer = classify_answer(text)
    assert answer is not None
    for d in domains:
        assert d in answer.text, (d, answer.text)
    assert "分别属于" not in answer.text.split("\n")[1]  # the question is no business


def test_decimal_figure_is_no_list_marker():
    answer = classify_answer("我们给银行做信用卡清算，规模2.5亿，算哪个领域")
    assert answer is not None and "金融后台服务" in answer.text


@pytest.mark.parametrize(
    "text,domains",
    [
        (
            "我们业务比较杂一块是帮品牌商搭建网上商城平台并且代运维一块是给客户做互联网营销方案设计和效果监测"
            "还有一块是给游戏公司做动漫和网游角色设计这三块分别算哪个领域",
            ["电子商务平台服务", "互联网营销推广服务", "文化创意服务"],
        ),
        ("我们一个是给银行做清算服务另一个是给游戏公司做美术外包 这俩各属于哪个领域", ["金融后台服务", "文化创意服务"]),
        (
            "一块是给车企做汽车外观设计 还有一块是给银行做信用卡清算以上两块分别算什么领域",
            ["工业设计服务", "金融后台服务"],
        ),
    ],
)
def test_question_run_on_after_the_last_business(text, domains):
    """「…还有一块是给游戏公司做动漫和网游角色设计这三块分别算哪个领域」: the last business is said before the question."""
    answer = classify_answer(text)
    assert answer is not None
    for d in domains:
        assert d in answer.text, (d, answer.text)
