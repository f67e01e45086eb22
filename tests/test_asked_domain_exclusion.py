"""「这个算X不/吗」 about a business that X's own 「不包括…」 names (附件 definitions): the answer is 不属于 X, quoting the
exclusion, and where the business does belong when the catalog says (a platform built or run for a client is
电子商务平台服务, ITO; 数字内容服务 is listed under 信息技术运营和维护服务); every domain's exclusions, not one wording."""

import pytest

from bot.answers import catalog
from bot.nlu.normalize import normalize
from knowledge import query


def classify(text):
    return catalog.classify_answer(normalize(text)).text


class TestPlatformBuiltOrRunIsNotMarketing:
    @pytest.mark.parametrize(
        "text",
        [
            "帮一家连锁药房开发了一个小程序商城，后面也是我们在做运维，这种属于互联网营销推广服务吗",
            "我们替客户搭建跨境独立站并提供托管维护，算不算互联网营销推广",
            "给水果批发商定制了个网上购物平台，现在还负责代运营，这个能算互联网营销推广服务不",
        ],
    )
    def test_not_marketing_but_ecommerce_platform_ito(self, text):
        out = classify(text)
        assert "不算互联网营销推广服务" in out, out
        assert "不包括电子商务平台的开发建设运营" in out, out
        assert "电子商务平台服务" in out and "ITO" in out, out
        assert "可归入互联网营销推广服务" not in out, out

    @pytest.mark.parametrize(
        "text",
        [
            "给几个网店做运营推广和信息流广告投放，算互联网营销推广服务吗",
            "帮电商客户做抖音短视频推广，这个属于互联网营销推广服务不",
            "我们为商城客户做搜索引擎优化，算互联网营销推广吗",
        ],
    )
    def test_marketing_for_a_shop_stays_marketing(self, text):
        """A shop as the client of marketing (no build or run word) is no exclusion."""
        out = classify(text)
        assert "可归入互联网营销推广服务" in out and "不算互联网营销推广服务" not in out, out

    def test_digital_content_is_placed_where_the_catalog_lists_it(self):
        out = classify("我们给出版社做数字内容加工，这个算互联网营销推广服务吗")
        assert "不算互联网营销推广服务" in out and "信息技术运营和维护服务" in out, out


class TestEveryDomainsExclusion:
    @pytest.mark.parametrize(
        "text, domain, excluded",
        [
            ("我们门店给消费者修笔记本电脑，这算维修维护服务吗", "维修维护服务", "手机等消费产品的维修服务"),
            ("我们是做机动车安全技术检验的，也就是年检，算检验检测服务吗", "检验检测服务", "法律法规规定强制检测"),
            ("公司主要承接厂房的土建施工，这个算不算工程技术服务", "工程技术服务", "具体的施工活动及工程管理"),
        ],
    )
    def test_not_that_domain_and_why(self, text, domain, excluded):
        out = classify(text)
        assert f"不属于服务外包支持目录：{domain}" in out and excluded in out, out
        assert "可归入" not in out, out

    def test_each_exclusion_elsewhere_names_a_domain_of_the_catalog(self):
        names = {d["name"] for d in query.domains()}
        for d in query.domains():
            for exc in d.get("exclusions") or []:
                for other in exc.get("elsewhere") or []:
                    assert other["domain"] in names and other["domain"] != d["name"]
                    assert other.get("triggers") or other.get("together")


class TestWordsTogether:
    def test_each_group_needs_a_word(self):
        groups = [["商城", "网店"], ["开发", "运维"]]
        assert query.words_together("帮客户的网店做运维", groups) == ["网店", "运维"]
        assert query.words_together("帮客户的网店做推广", groups) == []

    def test_a_denied_word_is_not_said(self):
        assert query.words_together("商城不开发，只做推广", [["商城"], ["开发"]]) == []
