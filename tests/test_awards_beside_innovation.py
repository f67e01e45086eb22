"""Beside 三（三）, an amount right after another item's award name (「展会补贴10万」「CMMI补贴20万」「平台补贴拿了200万」) is an
award already got, told to ask about the base: never that item's costs, and not in 三（三）'s base; a request for a
contact (「给个市商务局服务贸易处的电话」) beside figures is declined and the figures estimated. New wording, not the
case files'."""

from decimal import Decimal

import pytest

from bot.answers.general import not_served_aside
from bot.estimate.understand import read
from bot.nlu.normalize import understand


class TestOtherAwardsBesideInnovation:
    def test_fair_and_certification_awards_are_not_costs(self):
        r = read("创新发展奖励基数包括啥 增量奖励20万 离岸奖励10万 另外展会补贴8万 ITSS补贴15万 连续两年有新专利")
        assert "market_fairs" not in r.fields and "certifications" not in r.fields
        assert Decimal("200000") == r.fields["_award_3.1"]
        assert any("不计入第三条第（三）项的基数" in n for n in r.notes)

    def test_platform_award_received(self):
        r = read("创新奖 增量奖励40万 离岸奖励60万 平台补贴拿了200万 研发投入连续两年增长 能拿多少")
        assert "platforms" not in r.fields
        assert Decimal("600000") == r.fields["_award_3.2"]

    @pytest.mark.parametrize(
        "text, key",
        [
            ("CMMI认证费20万 能补多少", "certifications"),
            ("连续两年有新专利 增量奖励20万 另外CMMI认证费用40万 都能补多少", "certifications"),
        ],
    )
    def test_costs_stay_costs(self, text, key):
        assert key in read(text).fields


class TestContactRequestBesideFigures:
    @pytest.mark.parametrize(
        "text",
        [
            "我们是认定的培训机构 合格学员30个 能拿多少 另外给个商务局服务外包处的电话",
            "离岸150万美元 汇率7.1 能拿多少 顺便给我个市商务局负责申报的处室的联系方式",
        ],
    )
    def test_declined_aside(self, text):
        found = not_served_aside(understand(text))
        assert found is not None and "电话" in found[0].text
        assert "能拿多少" in found[1]

    @pytest.mark.parametrize("text", ["给个培训机构的补贴标准", "告诉我这个政策的补贴比例"])
    def test_other_requests_are_not_contacts(self, text):
        assert not_served_aside(understand(text)) is None
