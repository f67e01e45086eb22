"""An applicant that 第二条 rules out (a branch paying no tax in 郑州) gets 0 with the reason and is not asked for
more figures (a rate, last year's amounts): no figure could change the 0. An eligible one still is. No server."""

import pytest

from actions.estimating import estimate_reply
from bot.estimate.session import INCREMENT_NOT_ESTIMATED_NOTE, EstimateSession


def reply(text):
    s = EstimateSession.start(text)
    return s, estimate_reply(s, s.compute())


@pytest.mark.parametrize(
    "text",
    [
        "我们是上海总公司在郑州开的branch office 不是独立法人 税是上海总部统一交的 郑州这边不交税 今年离岸有200万美元",
        "外地公司在郑州的分公司，税都在北京总部交，郑州不纳税，今年离岸执行额150万美元，能拿多少",
        "分支机构 郑州不交税 离岸今年300万美元 离岸奖励多少",
    ],
)
def test_ineligible_branch_is_asked_nothing_more(text):
    """0 with 第二条's reason; no 「未计算」 line and no request for last year's figures."""
    s, out = reply(text)
    assert s.ineligible()
    assert "不符合条件，0元" in out and "第二条" in out
    assert "未计算" not in out
    assert INCREMENT_NOT_ESTIMATED_NOTE not in out


def test_eligible_offshore_alone_still_offers_the_increment():
    """An enterprise with no 第二条 failure keeps the note asking for last year's figures."""
    s, out = reply("我们是郑州的独立法人 今年离岸执行额200万美元 汇率7.1 能拿多少")
    assert not s.ineligible()
    assert INCREMENT_NOT_ESTIMATED_NOTE in out
