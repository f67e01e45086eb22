"""A closing question naming each applicant's own items (「A的增量奖励和B的离岸奖励各多少」) gives each applicant only
its own items: B's offshore figure is never asked of A, A's increment never of B."""

import pytest

from bot.estimate import applicants
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize

CASES = [
    "帮两家企业问：\nA公司：去年在岸1800万，今年2300万，没有离岸。\nB公司：今年离岸140万美元，汇率7.0。\nA的增量奖励和B的离岸奖励各多少？",
    "两家公司：甲公司上年在岸900万 本年1200万 无离岸；乙公司本年离岸执行额160万美元 汇率按7.1。甲算增量，乙算离岸，分别多少",
    "替两家客户问。A公司：去年在岸3000万，今年3600万，没离岸；B公司：今年离岸120万美元，汇率6.9。请算A的增量奖和B的离岸奖",
]


@pytest.mark.parametrize("text", CASES)
def test_each_applicant_gets_its_own_item(text):
    parts = dict(applicants.split(normalize(text)))
    assert len(parts) == 2
    first, second = (EstimateSession.start(w) for w in parts.values())
    assert "3.1" in first.items and "3.2" not in first.items
    assert "3.2" in second.items and "3.1" not in second.items
    assert second.status == "done"


def test_a_question_for_every_applicant_stays_everyones():
    text = "A公司：今年离岸150万美元，汇率7.1；B公司：今年离岸130万美元，汇率7.1。两家各能拿多少离岸奖励"
    parts = dict(applicants.split(normalize(text)))
    assert all("离岸奖励" in w for w in parts.values())
