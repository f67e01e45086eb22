"""Estimate readings of rounds 36: English platform capex beside a growth pair, one certificate's cost before a later
question naming others, and awards already got or a base asked beside 三（三）."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession


def _start(text: str) -> EstimateSession:
    return EstimateSession.start(text)


class TestEnglishPlatforms:
    def test_capex_of_two_platforms_beside_a_growth(self):
        """「2 public service platforms: capex 8.5m RMB and 7m RMB … onshore growth: A vs B」: two platforms with their
        own costs, and last year's onshore business is no platform cost."""
        e = _start(
            "We run 2 public service platforms: capex 9m RMB and 6m RMB (hardware + licensed software). "
            "Also onshore growth: 0.5bn vs 0.4bn RMB, no offshore. Total?"
        )
        assert [Decimal("9000000"), Decimal("6000000")] == [p["cost_cny"] for p in e.inputs["platforms"]]
        assert Decimal("400000000") == e.inputs["previous_onshore_cny"]

    def test_one_platform_in_english(self):
        """A single public service platform's capex is its cost."""
        e = _start("One public service platform, capex 3m RMB on hardware and licensed software. How much subsidy?")
        assert [Decimal("3000000")] == [p["cost_cny"] for p in e.inputs.get("platforms", [])]


class TestOneCertificateCost:
    @pytest.mark.parametrize(
        "text",
        [
            "CMMI3级新认证 认证费40万 能补多少 另外明年打算再做ITSS和PCMM 都能补吗",
            "ITSS新拿的 认证费用40万 补多少钱 还有我们想同时做CMMI PCMM CCRC 这几个都能补吗",
        ],
    )
    def test_the_cost_is_the_one_named_before_it(self, text):
        """One cost after one certificate, the others only in a later question: that certificate's cost, not asked
        as each-or-total."""
        e = _start(text)
        assert e.clarify is None
        assert [Decimal("400000")] == [c["cost_cny"] for c in e.inputs["certifications"]]

    @pytest.mark.parametrize(
        "text",
        [
            "CMMI ITSS PCMM三个认证一共花了60万 能补多少",  # all named before: a total of three, asked per item
            "CMMI认证费40万 ITSS和PCMM也一起做的 能补多少",  # the others in the same question: each or total asked
        ],
    )
    def test_several_named_with_the_cost_are_still_asked(self, text):
        e = _start(text)
        assert e.clarify is not None


class TestBesideInnovation:
    def test_a_base_asked_is_no_offshore_amount(self):
        """「15%是按60万算还是按多少算」: the 60万 is the base asked about; other awards stay out; 15% of 增量 alone."""
        e = _start(
            "创新奖励的基数包括什么 今年增量奖励200,000元 没有离岸奖励 展会补贴8万 CMMI补贴12万 "
            "连续两年都有新专利 是按40万算还是按多少算"
        )
        assert e.clarify is None
        assert ["3.3"] == e.items
        assert 30000.0 == e.compute()["total_cny"]

    def test_an_amount_of_business_is_still_read(self):
        """An offshore amount stated as such (no 按…算还是) is read as the year's business."""
        e = _start("连续两年有新软著 今年离岸执行额150万美元 汇率7 创新奖励能拿多少")
        assert Decimal("1500000") == e.inputs.get("offshore_usd")


class TestManyCertificatesAsked:
    def test_more_than_three_named_gets_the_count(self):
        """「CMMI ITSS PCMM 还有ISO27001 四个都能补吗」: 三（六） supports at most 3 a year, said with the names."""
        from bot.answers import general

        a = general.many_certs_answer("我们想同时做cmmi itss pcmm ccrc 这四个都能补吗")
        assert "最多3个" in a.text and "不能4项都补" in a.text

    @pytest.mark.parametrize(
        "text",
        ["cmmi和itss都能补吗", "cmmi itss pcmm ccrc sas70", "cmmi itss pcmm ccrc 第一个补多少"],
    )
    def test_not_for_three_or_fewer_or_no_question_of_all(self, text):
        from bot.answers import general

        assert general.many_certs_answer(text) is None

    def test_a_count_of_the_names_is_no_figure(self):
        """The count that only counts the certificates named before it leaves the part a whether-question."""
        from actions.policy import _whether_without_figures

        assert _whether_without_figures("另外我们想同时搞cmmi itss pcmm 还有iso27001 四个都能补吗")
        assert not _whether_without_figures("另外实习生20个 能补吗")
