"""One person of a list of trainees on a degree course (学历教育, 三（七）3): that person alone is left out and named;
the others, in a business training, are counted and the item still qualifies. Wording is our own."""

from decimal import Decimal

import pytest

from bot.estimate.clauses.senior_training import degree_course
from bot.estimate.session import EstimateSession

D = Decimal

LISTS = [
    (
        "涉外业务的项目经理培训，人员如下：\n- 王 本科 项目经理 培训费2万\n- 陈 硕士 技术总监 培训费4万\n"
        "- 刘 本科 项目经理 在读EMBA 学费12万\n能补多少",
        D(20000) * D("0.5") + D(20000),
    ),
    (
        "开展涉外业务培训：张工 本科 项目经理 培训费1.8万；吴总 硕士 交付总监 培训费2.4万；郑经理 本科 项目经理 "
        "公司出钱读在职研究生 学费6万。补贴多少",
        D(9000) + D(12000),
    ),
    (
        "涉外业务相关的中高级人才培训 1号 硕士 项目总监 培训费5万、2号 本科 项目经理 读MBA 学费15万、"
        "3号 本科 项目经理 培训费1万 能拿多少",
        D(25000) + D(5000),
    ),
]


@pytest.mark.parametrize("text,total", LISTS)
def test_the_degree_course_person_alone_is_left_out(text, total):
    s = EstimateSession.start(text)
    assert "3.7.3" not in s.failed()
    assert D(str(s.compute()["total_cny"])) == total
    assert any("学历教育" in n and "不计入" in n for n in s.notes)


def test_everyone_on_degree_courses_still_fails_the_item():
    s = EstimateSession.start("涉外业务培训：李 本科 项目经理 读MBA 学费8万；何 硕士 项目总监 读EMBA 学费20万 能补多少")
    assert "3.7.3" in s.failed()


@pytest.mark.parametrize("words", ["读在职MBA 学费10万", "在读EMBA", "公司出钱让他读在职研究生"])
def test_degree_course_words(words):
    assert degree_course(words)


@pytest.mark.parametrize("words", ["参加PMP认证培训", "本科 项目经理 培训费3万", "MBA的不算在里面"])
def test_not_degree_course_words(words):
    assert not degree_course(words)
