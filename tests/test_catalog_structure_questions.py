"""Questions about how the catalog's 23 domains divide among ITO, BPO and KPO (「ITO BPO KPO 分别是几个」「BPO类的领域有
多少个，分别是哪些」): each category's count and domains, counted from catalog.yml; and a domain asked by its name
beside filler words (「顺便问下大数据服务是属于哪一类的」) is that domain, never a business quoted with the filler."""

import pytest

from bot.answers import catalog, router
from knowledge import query


def reply(text):
    return router.compose(None, text).text


def counts():
    s = query.catalog_summary()
    return {c: f"{c}（{query.domains(c)[0]['category_name']}）{s[c]}个" for c in ("ITO", "BPO", "KPO")}


class TestCountsPerCategory:
    @pytest.mark.parametrize(
        "text",
        [
            "目录里的领域 ITO、BPO、KPO 各有几个",
            "23个领域按ITO BPO KPO分 每类多少个领域",
            "三大类各占几个领域啊",
            "信息技术外包 业务流程外包 知识流程外包 分别有几个领域",
        ],
    )
    def test_all_three_counted(self, text):
        out = reply(text)
        for line in counts().values():
            assert line in out, out

    @pytest.mark.parametrize(
        "text, cat",
        [
            ("服务外包目录里ITO类的有几个？", "ITO"),
            ("BPO包含几个领域 分别叫什么", "BPO"),
            ("知识流程外包一共有几个领域啊", "KPO"),
        ],
    )
    def test_one_category_counted_and_listed(self, text, cat):
        out = reply(text)
        assert counts()[cat] in out, out
        assert all(d["name"] in out for d in query.domains(cat)), out
        assert "郑政办" not in out, out  # not the document's introduction

    def test_counts_come_from_the_catalog(self):
        s = query.catalog_summary()
        assert s["ITO"] + s["BPO"] + s["KPO"] == s["total"] == len(query.domains())

    @pytest.mark.parametrize(
        "text",
        [
            "人工智能服务属于ITO还是BPO",
            "我们做数据标注算ITO还是KPO",
            "各类奖补资金一年总共最高能拿多少",
            "ITO企业离岸奖励能拿多少",
        ],
    )
    def test_other_questions_are_not_counted(self, text):
        assert catalog.structure_answer(text.lower()) is None


class TestSubjectWithoutFiller:
    @pytest.mark.parametrize(
        "text, subject",
        [
            ("顺便问下给医院做ct机维保算哪个领域", "给医院做ct机维保"),
            ("另外代理记账属于哪一类", "代理记账"),
            ("还有就是游戏原画外包归哪个领域", "游戏原画外包"),
            ("数据标注属不属于服务外包", "数据标注"),
            ("开火锅店算不算服务外包", "开火锅店"),
            ("我们做代账是不是服务外包", "代账"),
        ],
    )
    def test_filler_left_out_of_the_business_quoted(self, text, subject):
        assert catalog._subject(text) == subject


class TestDomainAskedBesideFiller:
    @pytest.mark.parametrize(
        "text, domain, cat",
        [
            ("ITO BPO KPO各几个？顺便问下大数据服务是属于哪一类的", "大数据服务", "KPO"),
            ("KPO有几个领域？另外云计算属于哪类", "云计算服务", "ITO"),
            ("三大类各有多少个领域？还有就是呼叫中心服务是哪一类", "呼叫中心服务", "BPO"),
        ],
    )
    def test_counts_then_the_domains_category(self, text, domain, cat):
        out = reply(text)
        assert f"{domain}属于{query.domain(domain)['category_name']}（{cat}）" in out, out
        assert "可归入" not in out, out  # not a business quoted with its filler (「“顺便问下大数据服务是”可归入…」)
