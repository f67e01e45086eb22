"""「我们给工厂做生产线布局设计，算工程技术服务吗」: a business asked against one domain the question names, which the
catalog places in another domain by one of that domain's business types (or its name): the answer says 不算 the
domain asked and where the business belongs — never the domain asked described as if it answered. When the
business could be the domain asked, the usual answer stands."""

import pytest

from bot.answers import catalog, router


def reply(text):
    return router.compose(None, text).text


class TestAnotherDomainsBusiness:
    @pytest.mark.parametrize(
        "text, asked, placed",
        [
            ("我们给工厂做生产线布局设计，算工程技术服务吗", "工程技术服务", "工业设计服务"),
            ("我们做呼叫中心外包，这个算互联网营销推广服务吗", "互联网营销推广服务", "呼叫中心服务"),
            ("我们帮药企做临床试验监查，这个算检验检测服务吗", "检验检测服务", "医药和生物技术研发服务"),
            ("公司承接医院CT机的维保，算不算医药和生物技术研发服务", "医药和生物技术研发服务", "维修维护服务"),
        ],
    )
    def test_not_the_domain_asked_but_its_own(self, text, asked, placed):
        out = reply(text)
        assert out.startswith(f"不算{asked}"), out
        assert f"可归入{placed}" in out, out

    @pytest.mark.parametrize(
        "text",
        [
            "我们给网店做信息流广告投放，算互联网营销推广服务吗",  # the domain asked holds it
            "我们做saas客服系统，算呼叫中心服务吗",  # both could hold it
            "云计算服务包括哪些业务类型",  # no business described
        ],
    )
    def test_left_to_the_usual_answer(self, text):
        from bot.nlu.normalize import normalize

        assert catalog.asked_against_answer(normalize(text)) is None
