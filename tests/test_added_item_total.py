"""An item added to a finished estimate (「那再加上CMMI认证的 一共多少」): the new item's questions start, and once
answered everything is summed, each item under its cap and the whole under 第四条第（三）项's yearly total
(EstimateSession.start with the running estimate, bot/estimate/session.added_items). No server."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession, added_items, running_inputs


def _running(text: str, *answers) -> dict:
    session = EstimateSession.start(text)
    for said in answers:
        session.handle(said, "inform")
    assert "done" == session.status
    return running_inputs(session.inputs)


OFFSHORE = ("想申请那个离岸的 今年150万美金", "6.9")  # 150万美元 × 10% × 6.9 = 103.5万


def _total(session: EstimateSession) -> Decimal:
    return Decimal(str(session.compute()["total_cny"]))


class TestAddedItemAsked:
    @pytest.mark.parametrize(
        "text, code",
        [
            ("那再加上CMMI认证的 一共多少", "3.6"),
            ("再加上技术先进型的奖励一共多少", "3.4"),
            ("还有展会补贴也算进去", "3.5"),
            ("CMMI那个也帮我加上", "3.6"),
            ("plus the CMMI subsidy, total?", "3.6"),
            ("资质认证那块也一起算上 合计多少", "3.6"),
            ("把参展的补贴也加进来算个总数", "3.5"),
        ],
    )
    def test_new_item_without_figure(self, text, code):
        """The message names a new item without its figures: the session extends the estimate and asks for them."""
        running = _running(*OFFSHORE)
        fresh = EstimateSession.start(text, running=running)
        assert fresh.extends
        assert [code] == added_items(fresh, text, running)
        assert "collecting" == fresh.status
        assert fresh.question()

    def test_old_items_are_not_added(self):
        """「一共多少」 or an item already estimated adds nothing new."""
        running = _running(*OFFSHORE)
        for text in ("那一共多少", "离岸那个一共多少"):
            fresh = EstimateSession.start(text, running=running)
            assert [] == added_items(fresh, text, running)


class TestAddedItemSummed:
    def test_cmmi_answered_then_all_summed(self):
        """CMMI3 认证费28万 × 70% = 19.6万 beside 离岸 103.5万: 123.1万 in all."""
        running = _running(*OFFSHORE)
        fresh = EstimateSession.start("那再加上CMMI认证的 一共多少", running=running)
        fresh.handle("CMMI3 今年新认证的 认证费28万", "inform")
        assert "done" == fresh.status
        assert Decimal("1231000") == _total(fresh)

    def test_figure_in_the_same_message(self):
        """「…认证费28万 一共多少」: done at once, the same total."""
        running = _running(*OFFSHORE)
        fresh = EstimateSession.start("那再加上CMMI3认证的 认证费28万 一共多少", running=running)
        assert "done" == fresh.status
        assert Decimal("1231000") == _total(fresh)

    def test_tech_advanced_yes(self):
        """技术先进型 newly recognised: 10万 one-off beside 103.5万."""
        running = _running(*OFFSHORE)
        fresh = EstimateSession.start("再加上技术先进型的奖励一共多少", running=running)
        fresh.handle("是的 今年新认定的", "affirm")
        assert Decimal("1135000") == _total(fresh)

    def test_fairs_capped_per_event(self):
        """境外2场 每场8万 × 70% = 5.6万 → 5万 each: 10万 beside 103.5万."""
        running = _running(*OFFSHORE)
        fresh = EstimateSession.start("还有展会补贴也算进去", running=running)
        fresh.handle("境外2场 每场8万 都是指定的展会", "inform")
        assert Decimal("1135000") == _total(fresh)

    def test_english_with_figure(self):
        """「plus the CMMI subsidy, certification fee 50万, total?」: 35万 → 30万 per item."""
        running = _running(*OFFSHORE)
        fresh = EstimateSession.start("plus the CMMI subsidy, certification fee 50万, total?", running=running)
        assert "done" == fresh.status
        assert Decimal("1335000") == _total(fresh)

    def test_yearly_total_cap(self):
        """增量 200万 + 离岸 200万 (both capped), then three certifications at 30万 each (90万), then fairs at their
        regions' yearly caps (境外 30万 + 境内 20万): 540万 held to 第四条第（三）项's 500万."""
        running = _running("去年在岸1亿 去年没有离岸 今年在岸2亿 离岸500万美元 汇率7 能拿多少")
        fresh = EstimateSession.start("再加上资质认证的 一共多少", running=running)
        fresh.handle("CMMI5认证费50万 ITSS认证费50万 PCMM认证费50万 都是今年新认证的", "inform")
        assert Decimal("4900000") == _total(fresh)
        running = running_inputs(fresh.inputs)
        fresh = EstimateSession.start("还有展会补贴也算进去", running=running)
        fresh.handle("境外6场 每场10万 境内10场 每场3万", "inform")
        result = fresh.compute()
        by_code = {i["code"]: Decimal(str(i["amount_cny"])) for i in result["items"]}
        assert Decimal("500000") == by_code["3.5"]
        assert Decimal("5000000") == Decimal(str(result["total_cny"]))
