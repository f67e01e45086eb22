"""The catalog asked the way people ask: someone's claim of a domain (「老板非说这算互联网营销推广服务…到底算哪个」) against
the business placed without the claim's words; two named domains decided by the business type the catalog lists
(工业生产线设计 under 工业设计服务); several aspects of one domain at once (what it is and its types; its domain and the
industries it serves) (bot/answers/catalog.py)."""

import pytest

from bot.answers import catalog, router
from bot.nlu.normalize import understand


class TestDomainClaimed:
    @pytest.mark.parametrize(
        "text",
        [
            "我们帮商家开发电商小程序商城 上线后还负责代运维 领导认为这属于互联网营销推广服务 对吗",
            "给客户搭建跨境独立站并维护 同事坚持说算互联网营销推广 到底归哪",
        ],
    )
    def test_not_the_domain_claimed(self, text):
        t = understand(text)
        assert router.is_classify_question(None, t)
        out = catalog.classify_answer(t).text
        assert out.startswith("不算互联网营销推广服务")
        assert "不包括电子商务平台的开发建设运营" in out
        assert "电子商务平台服务" in out and "ITO" in out

    def test_the_domain_claimed_when_right(self):
        out = catalog.classify_answer(
            understand("我们给品牌做抖音投放方案和效果监测 老板说算互联网营销推广服务 对吗")
        ).text
        assert not out.startswith("不算")
        assert "互联网营销推广服务" in out


class TestBusinessTypeDecides:
    @pytest.mark.parametrize(
        "text",
        [
            "给汽车厂规划装配线的布局设计 属于工程技术服务还是工业设计服务",
            "帮客户做产线设计 算工业设计服务还是工程技术服务呀",
        ],
    )
    def test_production_line_design(self, text):
        out = catalog.classify_answer(understand(text)).text
        assert "工业生产线设计" in out
        assert "不是工程技术服务" in out


class TestSeveralAspects:
    def test_definition_and_types(self):
        out = catalog.answer(understand("供应链管理服务到底是干啥的 有哪几种业务类型")).text
        assert "定义和范围" in out and "主要业务类型" in out

    def test_classification_and_industries(self):
        out = catalog.classify_answer(understand("我们做云主机租用和SaaS 归哪个领域 应用在哪些行业")).text
        assert "云计算服务" in out and "主要应用行业" in out

    def test_industry_of_the_business_is_no_question(self):
        out = catalog.classify_answer(understand("我们给金融行业做软件定制开发 属于哪个领域")).text
        assert "主要应用行业" not in out
