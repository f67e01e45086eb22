"""A pasted table whose money column is named in its header (「每人培训费」「认证费用」): its cells are the user's own
amounts, so the message is estimated, not answered with the clause's text. Wording of our own."""

import pytest

from actions.policy import own_money


@pytest.mark.parametrize(
    "text",
    [
        "人才培训如下\n姓名 | 学历 | 职位 | 培训费\n张三 | 本科 | 项目经理 | 2万\n李四 | 硕士 | 项目总监 | 3.5万",
        "认证情况\n资质 | 类型 | 费用\nCMMI3 | 新获得 | 18万\nITSS | 维护 | 3万",
        "展会 | 地点 | 展位费\n服贸会 | 北京 | 3.5万\n广交会 | 广州 | 2万",
    ],
)
def test_table_cells_are_own_money(text):
    assert own_money(text)


def test_a_policy_figure_alone_is_not_own_money():
    assert not own_money("技术先进型那10万什么时候发")
