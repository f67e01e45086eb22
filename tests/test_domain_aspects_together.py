"""「云计算服务给我讲讲：定义是啥，有哪几种业务类型，面向哪几个行业？它属于哪类」: every part of the message asks an
aspect of the one domain it names; one answer gives every aspect, never a catalog overview for the part that names no
domain (bot/answers/catalog.one_domain_aspects). Industries are listed each whole in 「」 (names hold 、)."""

from bot.answers import catalog, router


def _reply(message: str) -> str:
    return router.compose(None, message).text


class TestOneDomainAspects:
    def test_definition_types_industries_and_category_of_one_domain(self):
        """Each aspect asked in its own part is answered for the domain named in the first part."""
        text = _reply("人工智能服务介绍一下：它是干啥的，业务类型有哪些，主要用在哪些行业？属于ITO还是KPO")
        assert "人工智能服务属于信息技术外包（ITO）" in text
        assert "智能语音服务" in text
        assert "「卫生和社会工作」" in text
        assert "23个重点发展领域" not in text

    def test_industries_asked_in_a_part_of_its_own(self):
        """「主要面向什么行业？」 names no domain: it asks about the domain named before."""
        text = _reply("呼叫中心服务包括哪几类业务？主要面向什么行业？")
        assert "语音服务" in text and "「金融业」" in text
        assert "ITO（信息技术外包）8个" not in text

    def test_types_then_exclusions(self):
        """Business types, then what the domain leaves out, for the same domain."""
        text = _reply("维修维护服务有哪些业务类型？不包括什么？")
        assert text.count("维修维护服务属于") == 1

    def test_a_business_described_is_no_aspect_question(self):
        """A part telling the asker's own business keeps the classification path."""
        t = router.understand("我们做云平台托管，云计算服务有哪些业务类型？我们算不算")
        assert catalog.one_domain_aspects(router.message_parts(t), t) is None


class TestIndustriesList:
    def test_an_industry_holding_a_pause_mark_stays_one(self):
        """「信息传输、软件和信息技术服务业」 is one industry, quoted whole."""
        line = catalog.industries_line(catalog.domain_in("云计算服务"))
        assert "「信息传输、软件和信息技术服务业」" in line
        assert "（5个国民经济行业）" in line
