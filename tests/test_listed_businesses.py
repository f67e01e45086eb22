"""A lead-in announcing a list of businesses (「我们给医院提供三种服务：…」) is no business: every item of the list is
classified, one placed by no term said too, and a count the lead-in says is held against the items read."""

from bot.answers import catalog
from bot.nlu.normalize import understand
from knowledge import shapes


def classify(text):
    return catalog.classify_answer(understand(text)).text


class TestLeadIn:
    def test_lead_ins(self):
        for lead in (
            "我们给医院提供三种服务",
            "公司主要有以下几块业务",
            "我司的业务主要分为三块",
            "we offer four services",
        ):
            assert shapes.search("business_list_lead", lead), lead

    def test_businesses_are_no_lead_in(self):
        for part in ("我们提供呼叫中心服务", "我们做软件外包业务", "我们给医院做设备维修这类业务"):
            assert not shapes.search("business_list_lead", part), part

    def test_items_read(self):
        lead, items = catalog.listed_items(
            understand(
                "我们给医院提供三种服务：CT和核磁设备的维修保养、病理标本的第三方医学检测、医院HIS信息系统的运维。分别落在哪个领域？"
            )
        )
        assert ("我们给医院提供三种服务", 3) == (lead, len(items))

    def test_question_after_the_items_is_no_item(self):
        _, items = catalog.listed_items(understand("我们提供两种服务，软件测试、机房运维，ITO还是BPO还是KPO"))
        assert ["软件测试", "机房运维"] == items

    def test_numbers_the_items_are_told_with_are_no_part_of_them(self):
        _, items = catalog.listed_items(
            understand("我们公司业务有三块：一是给日本客户做软件外包，二是呼叫中心，三是数据标注。")
        )
        assert ["给日本客户做软件外包", "呼叫中心", "数据标注"] == items


class TestEveryItemClassified:
    def test_hospital_services(self):
        text = classify(
            "我们给医院提供三种服务：CT和核磁设备的维修保养、病理标本的第三方医学检测、医院HIS信息系统的运维。"
            "分别落在23个领域里哪个？属于ITO还是BPO还是KPO"
        )
        assert all(d in text for d in ("维修维护服务", "检验检测服务", "信息技术运营和维护服务"))
        assert "提供三种服务”" not in text and "没有找到" not in text

    def test_english_list(self):
        text = classify("We provide three services to banks: call center, software testing, and data center hosting.")
        assert all(d in text for d in ("呼叫中心服务", "软件研发服务", "信息技术运营和维护服务"))

    def test_item_no_term_places_still_said(self):
        text = classify("我们做两项业务：给车企做汽车外观方案，帮游戏公司做角色原画。分别属于哪个领域")
        assert "“给车企做汽车外观方案”" in text and "文化创意服务" in text

    def test_count_said_and_items_read_differ(self):
        text = classify("我们给制造企业做三项服务：工业设计、ERP系统的运行维护。分别算哪类？")
        assert "您说有3项业务，我从消息里读出了2项" in text


class TestSystemUpkeep:
    def test_information_system_upkeep_is_ito(self):
        for text in ("医院HIS信息系统的运维", "给银行的业务系统做运行维护"):
            assert "信息技术运营和维护服务" in classify(text + "，属于哪个领域"), text
