"""A status or certificate the user says the company has beside an estimate, which no item of this policy rewards
(高新技术企业、专精特新、科技型中小企业、ISO9001 …), is named under the estimate as not covered, never silently
dropped; the items the policy does reward are estimated as before (words in estimate_words.yml `not_covered`)."""

from decimal import Decimal

import pytest

from bot.estimate import not_covered
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize


def session(text):
    return EstimateSession.start(normalize(text))


def covered_notes(s):
    return [n for n in s.notes if "不在本政策支持范围" in n]


class TestNamedUnderTheEstimate:
    @pytest.mark.parametrize(
        "text, typed",
        [
            ("去年底我们评上了国家高新技术企业，今年又首次通过技术先进型服务企业认定，能拿多少钱", "国家高新技术企业"),
            ("公司今年入选专精特新企业名单，ITSS认证新花了12万，两样一共补多少", "专精特新企业"),
            ("拿到了科技型中小企业入库证明，PCMM新认证费用20万，按服务外包政策能补多少", "科技型中小企业"),
        ],
    )
    def test_the_mention_is_named_with_why(self, text, typed):
        s = session(text)
        notes = covered_notes(s)
        assert len(notes) == 1 and f"“{typed}" in notes[0] and "未计入" in notes[0], s.notes

    def test_the_items_rewarded_are_still_computed(self):
        s = session("同时拿到了高企证书，今年CMMI3首次认证费用16万，能补多少")
        result = s.compute()
        assert [(i["code"], Decimal(str(i["amount_cny"]))) for i in result["items"]] == [("3.6", Decimal("112000"))]
        assert "第三条第（四）项" in covered_notes(s)[0]  # what the policy rewards instead: 技术先进型

    def test_iso9001_without_a_fee_quotes_what_three_six_lists(self):
        s = session("今年还通过了ISO9001质量管理体系认证，另外CMMI5新认证花了30万，能补多少")
        note = covered_notes(s)[0]
        assert "ISO9001" in note and "CMMI、ITSS、PCMM、SAS70、CCRC" in note


class TestNotSaid:
    @pytest.mark.parametrize(
        "text",
        [
            "我们还不是高新技术企业，今年CMMI3认证花了20万能补多少",
            "为了提高企业竞争力，今年ITSS认证花了8万，能补多少",
            "公司没有评上专精特新，今年新获得技术先进型资格，能拿多少",
        ],
    )
    def test_denied_or_absent_mentions_add_nothing(self, text):
        assert covered_notes(session(text)) == []

    def test_a_certificate_with_a_fee_left_out_is_not_named_twice(self):
        """「ISO9001认证费3万」 beside CMMI: 三（六）'s reader already leaves it out and names it."""
        notes = not_covered.notes(normalize("CMMI3级认证费20万、ISO9001认证费3万"), ["“ISO9001”不属于…，不计入"])
        assert notes == []
