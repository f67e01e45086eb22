"""三（七）3: one course of several is not related to foreign business (bot/estimate/clauses/senior_training.py
`_foreign_courses_only`): that course and its cost drop out and are named, the other course is counted — never the
whole item failed on the course left out, never its cost counted."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession


def start(text):
    return EstimateSession.start(text)


def statuses(est):
    return {c.id: c.status for c in est.verdicts()["3.7.3"].checks}


class TestCourseLeftOut:
    def test_fire_safety_course_beside_an_overseas_one(self):
        """10 × min(2万 × 50%, 3万) = 10万; the 消防 course's 5000 is not counted and is named."""
        est = start(
            "我们8个项目经理都是本科 今年参加了两个培训 一个是欧美客户交付管理培训每人2万 另一个是消防安全培训每人4000 补贴多少"
        )
        assert [Decimal(20000)] * 8 == [e["cost_cny"] for e in est.inputs["senior_training"]]
        assert "met" == statuses(est)["foreign"]
        assert Decimal(80000) == Decimal(str(est.compute()["total_cny"]))
        assert any("消防安全培训每人4000" in n and "不计入" in n for n in est.notes)

    def test_team_building_said_after_with_another(self):
        """「另外还参加了团建拓展培训」: left out; the 对日离岸交付培训 counted (5 × 2万)."""
        est = start(
            "我们5个项目经理都是硕士 今年去上了对日离岸交付培训 每人学费4万 另外还参加了团建拓展培训每人3000 补贴多少"
        )
        assert Decimal(100000) == Decimal(str(est.compute()["total_cny"]))

    @pytest.mark.parametrize(
        "text",
        [
            "我们5个项目经理都是硕士 今年参加了消防安全培训 每人3000 补贴多少",
            "我们5个项目经理都是硕士 今年参加了团建拓展培训 每人3000 补贴多少",
        ],
    )
    def test_only_a_course_not_foreign_fails_the_item(self, text):
        """No foreign course said: the condition decides the whole item (not met), nothing is counted."""
        est = start(text)
        assert "not_met" == statuses(est)["foreign"]
        assert Decimal(0) == Decimal(str(est.compute()["total_cny"]))
