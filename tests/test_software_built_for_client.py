"""Software built for a client is 软件研发服务 (ITO) whatever the software is for (catalog.yml software_build):
「给银行开发清算系统」 is not 清算服务; doing the client's business itself still is; a purpose that names an ITO business
(人脸识别, 商城) keeps its own domain."""

from bot.answers import catalog
from bot.nlu.normalize import normalize
from knowledge import query


def top(text):
    return query.classify_business(normalize(text), limit=1)[0]


class TestSoftwareBuiltForClient:
    def test_a_system_for_a_business_process_is_software_development(self):
        """The words between the build word and the software say what it is for, not the service."""
        for text in (
            "给证券公司开发一套结算系统",
            "为医院定制挂号软件",
            "替人力资源公司编写薪酬核算系统",
            "给保险公司开发了一个理赔app",
        ):
            hit = top(text)
            assert ("软件研发服务", "ITO") == (hit["domain"], hit["category"]), text

    def test_doing_the_business_itself_stays_with_its_domain(self):
        """No software built: the client's business done for it keeps its BPO domain."""
        for text in ("帮银行处理资金清算业务", "替保险公司做定损理赔"):
            assert "金融后台服务" == top(text)["domain"], text

    def test_an_ito_purpose_keeps_its_domain(self):
        """A purpose that names an ITO business itself (a mall, face recognition) is that business."""
        assert "电子商务平台服务" == top("给零售商开发商城系统")["domain"]
        assert "人工智能服务" == top("给园区开发人脸识别系统")["domain"]

    def test_three_businesses_each_get_a_line(self):
        """Building the system and running the process are two businesses, both said, beside goods sold."""
        text = catalog.classify_answer(
            normalize("我们两块：给券商开发结算系统、替券商做资金清算处理 分别属于哪个领域")
        ).text
        assert "软件研发服务" in text and "金融后台服务" in text
