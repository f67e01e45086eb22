"""A business asked against the one domain a question names, when that domain's own 「不包括…」 names it (附件
definitions): the answer says 不属于 that domain, quoting the exclusion, and where the business belongs when the
catalog has a domain for it (catalog.yml exclusions' `elsewhere`) — never the named domain described as if it
answered; a business of that domain said beside it stays that domain, and a question pointing at one business of
several (「投放那块又算啥」) is answered about that business."""

import pytest

from bot.answers import catalog, router
from knowledge import query, sources


def reply(text):
    return router.compose(None, text).text


class TestExcludedBusinessNamesWhereItGoes:
    @pytest.mark.parametrize(
        "text",
        [
            "我们替客户做电商平台的开发，这个能算互联网营销推广服务吗",
            "帮几个品牌搭建微信小程序商城，上线后也由我们运维，这能按互联网营销推广服务申报吗",
            "给客户做跨境电商独立站的开发，算不算互联网营销推广",
            "做电商平台的开发和运营，属不属于互联网营销推广",
            "公司给零售企业开发网上商城系统，互联网营销推广服务包括这个吗",
        ],
    )
    def test_platform_built_is_ecommerce_platform_service(self, text):
        out = reply(text)
        assert "不算互联网营销推广服务" in out, out
        assert "不包括电子商务平台的开发建设运营" in out, out
        assert "电子商务平台服务" in out and "ITO" in out, out
        assert "主要业务类型（3个）" not in out, out  # not the named domain described

    def test_a_shop_run_for_a_client_is_the_platform_service(self):
        out = reply("公司替品牌做天猫店代运营，还做小红书种草推广，天猫代运营那部分算互联网营销推广吗")
        assert "不算互联网营销推广服务" in out and "电子商务平台服务" in out, out
        assert "小红书" not in out, out  # the question points at the shop, not the marketing

    def test_digital_content_goes_where_the_catalog_lists_it(self):
        out = reply("帮出版社做数字内容服务的算不算互联网营销推广服务")
        assert "不算互联网营销推广服务" in out and "信息技术运营和维护服务" in out and "数字内容服务" in out, out

    @pytest.mark.parametrize(
        "text, domain, excluded",
        [
            ("我们做手机售后维修外包，这属于维修维护服务吧？", "维修维护服务", "手机等消费产品的维修服务"),
            ("我们主要做建筑工程施工管理，算工程技术服务吗", "工程技术服务", "具体的施工活动及工程管理"),
            ("我们是做汽车年检的 这个在检验检测服务里面吗", "检验检测服务", "法律法规规定强制检测"),
        ],
    )
    def test_no_domain_of_the_catalog_takes_it(self, text, domain, excluded):
        out = reply(text)
        assert f"不属于服务外包支持目录：{domain}" in out and excluded in out, out
        assert "可归入" not in out, out


class TestSeveralBusinessesAndPointers:
    TEXT = (
        "我们给连锁品牌开发会员商城小程序，也负责商城的代运维；同时帮他们做微信朋友圈广告的投放方案和效果监测。"
        "商城那块算互联网营销推广服务吗？广告投放那块呢，属于哪个领域"
    )

    def test_each_question_about_its_own_business(self):
        out = reply(self.TEXT)
        first, _, second = out.partition("2. ")
        assert "互联网营销推广服务的范围明确不包括" in first.replace("（BPO）", ""), out
        assert "电子商务平台服务" in first and "可归入互联网营销推广服务" not in first, out
        assert "可归入互联网营销推广服务" in second, out

    def test_pointer_word_finds_the_statement(self):
        whole = "我们帮客户做代理记账，另外还承接他们的招聘外包，招聘那块算哪一类"
        assert catalog.pointed_statements(whole, whole) == ["另外还承接他们的招聘外包"]

    def test_no_pointer_no_statement(self):
        assert catalog.pointed_statements("这块业务属于哪个领域", "我们做代账，这块业务属于哪个领域") == []

    @pytest.mark.parametrize(
        "text",
        [
            "我们给网店做信息流广告投放，算互联网营销推广服务吗",
            "帮电商客户做抖音短视频推广，这个属于互联网营销推广服务不",
        ],
    )
    def test_marketing_for_a_shop_is_no_exclusion(self, text):
        out = reply(text)
        assert "不算互联网营销推广服务" not in out and "互联网营销推广服务" in out, out


class TestEveryExclusionSaysWhereItGoes:
    def test_each_exclusion_states_its_elsewhere(self):
        """Every 「不包括…」 of catalog.yml says where its businesses go: a domain of the catalog, or none ([])."""
        names = {d["name"] for d in query.domains()}
        raw = sources.load_cached("catalog")["domains"]
        for d in raw:
            for exc in d.get("exclusions") or []:
                assert "elsewhere" in exc, (d["name"], exc["text"])
                for other in exc["elsewhere"]:
                    assert other["domain"] in names and other["domain"] != d["name"]

    def test_the_elsewhere_words_are_excluded_words(self):
        """A business sent elsewhere hits the exclusion first: its trigger words are the exclusion's own."""
        for d in sources.load_cached("catalog")["domains"]:
            for exc in d.get("exclusions") or []:
                for other in exc["elsewhere"]:
                    assert set(other.get("triggers") or []) <= set(exc["triggers"]), other["domain"]
