"""三（六） with more certifications than the 3 a year the policy supports: each one's 70% (capped at 30万) is computed,
the three largest are counted, the one left out is named with its subsidy, and the total given; a question that
asks for 「最划算的三个」 is that estimate, not the clause's cap. Wording of our own, English names among them."""

from decimal import Decimal

import pytest

from actions.policy import ActionAnswerPolicy, estimate_parts
from bot.answers.router import message_parts
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import understand
from knowledge import shapes
from tests.test_actions import run, texts, tracker

D = Decimal


def cert_item(text):
    s = EstimateSession.start(text)
    return next(i for i in s.compute()["items"] if i["code"] == "3.6")


class TestBestOfOwnShape:
    @pytest.mark.parametrize(
        "part",
        ["那就按最划算的三个报 最多能拿多少", "挑补贴最多的3项 一共最多多少", "选金额最大的两个申报 最多拿多少"],
    )
    def test_a_pick_among_own_items_is_an_estimate_part(self, part):
        assert shapes.search("best_of_own", part)
        assert [part] == estimate_parts([part])

    @pytest.mark.parametrize("part", ["资质认证最多能拿多少", "每项最高补多少", "一年最多能报几个"])
    def test_the_cap_alone_stays_the_clauses_answer(self, part):
        assert not shapes.search("best_of_own", part)
        assert [] == estimate_parts([part])


class TestBestThree:
    def test_four_certifications_best_three_and_the_one_left(self):
        """CMMI 40万→28万; ITSS 12万→8.4万; ISO27001 6万→4.2万; PCMM 60万→42万→30万: 30+28+8.4 = 66.4万;
        ISO27001 left out."""
        item = cert_item(
            "this year we have CMMI appraisal 40万, ITSS new cert 12万, ISO27001 renewal 6万, PCMM new 60万 "
            "听说每年最多三个 按最划算的报 能拿多少"
        )
        assert D("664000") == D(str(item["amount_cny"]))
        assert "未计入：ISO27001" in item["explanation"] and "最多3个" in item["explanation"]

    def test_more_than_three_without_asking_still_says_the_limit(self):
        """Five certifications, nothing said of the limit: the three largest counted and the limit named."""
        item = cert_item(
            "资质认证 CMMI认证费10万 ITSS认证费20万 CCRC认证费5万 PCMM认证费8万 ISO20000认证费3万 能补多少"
        )
        assert D("266000") == D(str(item["amount_cny"]))  # 14 + 7 + 5.6
        assert "最多3个" in item["explanation"] and "CCRC" in item["explanation"].split("未计入")[1]

    def test_three_or_fewer_drop_none(self):
        item = cert_item("CMMI维护费10万 ITSS新认证20万 能补多少")
        assert D("210000") == D(str(item["amount_cny"])) and "未计入" not in item["explanation"]

    async def test_the_question_with_a_cap_word_is_answered_with_the_estimate(self):
        said = "今年资质有四个 CMMI维护费20万 ITSS新认证15万 CCRC新认证10万 PCMM新认证50万 一年只能报三个吧？那按最划算的三个报 最多拿多少"
        assert len(message_parts(understand(said))) >= 2
        d, _ = await run(ActionAnswerPolicy(), tracker(said, "ask_subsidy"))
        out = texts(d)
        assert "545,000" in out and "未计入：CCRC" in out


def test_new_and_maintenance_fees_are_not_called_maintenance_only():
    s = EstimateSession.start("CMMI维护费20万 ITSS新认证15万 能补多少")
    assert not any("按已获得资质的维护费用计算" in n for n in s.notes)
    s = EstimateSession.start("CMMI的年度维护费20万 能补多少")
    assert any("维护费用" in n for n in s.notes)
