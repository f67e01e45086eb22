"""Several businesses in one message each get their answer: a consumer product and a repair word apart fall under
维修维护服务's exclusion, 话务 and 坐席 are 呼叫中心服务, 维保 of MRI/核磁 is medical-equipment maintenance, and a
part that only says what the company is (「我们是医疗器械公司」) is not one of its businesses."""

from bot.answers import catalog
from bot.nlu.normalize import normalize
from knowledge import query


def classify(text):
    return catalog.classify_answer(normalize(text)).text


def top(text):
    return query.classify_business(normalize(text), limit=1)[0]


class TestConsumerRepairApart:
    def test_phone_brand_after_sales_repair_is_excluded(self):
        hit = top("给某手机品牌做售后维修外包")
        assert ("维修维护服务", True) == (hit["domain"], hit["excluded"])

    def test_other_phrasings_are_excluded(self):
        for text in ("帮海尔做家电售后维修", "给笔记本厂商做保修维修", "替电视品牌做上门修理"):
            assert top(text)["excluded"], text

    def test_specialised_equipment_is_not_excluded(self):
        for text in ("给三一重工做工程机械维修", "给医院的CT MRI做维保", "给航空公司做飞机维修"):
            hit = top(text)
            assert ("维修维护服务", False) == (hit["domain"], hit["excluded"]), text

    def test_phone_software_testing_is_not_repair(self):
        assert "软件研发服务" == top("给华为手机做软件测试")["domain"]


class TestEveryBusinessAnswered:
    def test_three_businesses(self):
        text = classify(
            "业务比较杂 一块是给某手机品牌做售后维修外包 一块是给医院做CT核磁的维保 还有一块是给移动做10086话务外包 分别算啥"
        )
        assert "1." in text and "2." in text and "3." in text
        assert "不属于服务外包支持目录" in text and "呼叫中心服务" in text and "BPO" in text

    def test_call_centre_words(self):
        for text in ("给联通做话务外包", "给银行提供坐席外包"):
            assert "呼叫中心服务" == top(text)["domain"], text

    def test_company_identity_is_not_a_business(self):
        text = classify("我们是医疗器械公司 一块是给医院的CT MRI做维保 另一块是给药企做临床试验CRO 分别算哪类")
        assert "医疗器械公司" not in text
        assert "维修维护服务" in text and "医药和生物技术研发服务" in text

    def test_identity_alone_is_still_classified(self):
        text = classify("我们是一家软件企业 给银行做系统运维 算哪类")
        assert "信息技术运营和维护服务" in text
