"""A part asking whether a cost counts is asked of the support item the message is about (R60Q022): 「公共服务平台的
subsidy哪些费用能算？我们平台开发人员的工资和机房房租能不能算进去？」 is 三（九）'s 购置费用, never 三（八）3's rent
subsidy because 房租 is one of its words. Wording of our own beside the case's."""

import pytest

from bot.answers.router import compose


@pytest.mark.parametrize(
    "text",
    [
        "公共服务平台的subsidy哪些费用能算？我们平台开发人员的工资和机房房租能不能算进去？单个平台最多补多少",
        "平台补贴比例多少？另外场地租金可以算进去吗",
        "建公共技术服务平台补贴多少？机房的租金算不算",
        "服务外包培训服务平台能补多少比例，平台运营人员工资和房租能计入吗？",
    ],
)
def test_rent_of_a_platform_is_no_rent_subsidy(text):
    reply = compose(None, text).text
    assert "第三条第（九）项" in reply
    assert "第三条第（八）项第3点" not in reply
    assert "不能算" in reply and "购置费用" in reply


def test_the_rent_subsidy_named_is_still_its_own_item():
    reply = compose(None, "公共服务平台补贴多少比例？另外我们在园区的租金补贴能拿吗").text
    assert "第三条第（八）项第3点" in reply


def test_wages_asked_of_the_rent_subsidy_stay_there():
    reply = compose(None, "租金补贴的条件是什么？员工工资能算进去吗").text
    assert "第三条第（八）项第3点" in reply and "不能算" in reply


@pytest.mark.parametrize(
    "text",
    [
        "参加展会的补贴标准是啥 国内和国外的有没有区别 还有是不是随便什么展会都能补",
        "展会补贴比例多少？境内境外的上限一样吗",
        "出去参展补贴怎么算，境内和境外有什么不同",
    ],
)
def test_regions_apart_of_the_fair_item(text):
    """R61Q014: 「国内和国外的有没有区别」 after the fair item is its 境内/境外 caps, never 三（二）'s 离岸奖励."""
    reply = compose(None, text).text
    assert "第三条第（二）项" not in reply
    assert "每场最高补贴2万元" in reply and "每场最高补贴5万元" in reply
