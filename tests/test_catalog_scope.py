"""The catalog classifier says when a business is in none of the 23 domains (selling goods of one's own), finds the
domain of creative work asked in Chinese, by catalog number or in English, and reads the facts around it."""

from bot.answers import catalog, router
from bot.nlu.normalize import normalize, understand
from bot.understand.facts import read_facts, to_json
from bot.answers.eligibility import facts_from
from knowledge import query


def outside(text):
    return [k["key"] for k in query.not_service_outsourcing(normalize(text))]


class TestSellingGoodsIsNoServiceOutsourcing:
    def test_own_online_shop(self):
        assert ["trade"] == outside("我们在京东开了家店 卖宠物用品")
        answer = catalog.classify_answer(normalize("我们在淘宝有个小店卖茶具 这算服务外包吗"))
        assert "不属于服务外包" in answer.text and "销售" in answer.text and "商品" in answer.text

    def test_selling_a_kind_of_goods(self):
        assert ["trade"] == outside("我们主要售卖进口红酒")

    def test_running_a_shop_for_a_client_is_a_service(self):
        assert [] == outside("帮品牌方做天猫店代运营")
        assert [] == outside("给淘宝卖家做客服外包")

    def test_food_delivery_riders_are_no_goods_sold(self):
        # R61Q007: 「外卖骑手」 had matched 「卖骑手…」; 外卖 is the delivery business, not the company selling goods
        assert [] == outside("我们主要是开发外卖骑手的众包平台")
        assert [] == outside("给外卖平台做骑手调度系统开发")
        assert [] == outside("帮外卖商家做客服外包")
        assert ["trade"] == outside("我们做外贸 主要卖进口红酒")

    def test_not_selling_is_not_selling(self):
        assert [] == outside("我们不卖东西 只给客户做软件开发")


class TestCreativeWork:
    def test_asked_by_catalog_number(self):
        t = normalize("我们给海外游戏厂商画角色原画 归目录第几类")
        assert router.is_classify_question(None, t)
        answer = catalog.classify_answer(t)
        assert "文化创意服务" in answer.text and "KPO" in answer.text

    def test_asked_in_english(self):
        t = understand("we do concept art and 3D modeling for game studios, which 领域 in the catalog? ITO or KPO?")
        assert router.is_classify_question(None, t)
        answer = catalog.classify_answer(t)
        assert "动漫及网游设计服务" in answer.text


class TestFactsAroundTheQuestion:
    def test_an_association_running_the_fair_is_not_the_applicant(self):
        assert "entity_type" not in facts_from(normalize("我们去参加了软件行业协会主办的展会"))
        assert "other" == facts_from(normalize("我们单位是一个行业协会"))["entity_type"]

    def test_a_fair_the_bureau_never_heard_of_is_not_designated(self):
        said = to_json(read_facts(normalize("商务局事先不知道这个展 我们自己去的")))
        assert said["fair_designated"] is False

    def test_a_bare_not_yet_recognised(self):
        assert to_json(read_facts(normalize("还没认定 在准备材料")))["institution_recognized"] is False
        assert "institution_recognized" not in to_json(read_facts(normalize("技术先进型还没认定")))


class TestBusinessesJoinedByAnd:
    """R62Q013: 「呼叫中心（语音加在线客服）和给零售商做数据分析挖掘」 are two businesses in two domains (the second had been
    swallowed by the first's 呼叫中心服务)."""

    def test_two_domains_joined_by_and(self):
        for text, second in [
            (
                "我们公司同时做软件定制开发、呼叫中心（语音加在线客服）和给零售商做数据分析挖掘，分别落在哪个领域",
                "大数据服务",
            ),
            ("我们做呼叫中心(语音加在线客服)和数据分析 分别属于哪个领域", "大数据服务"),
            ("我们做软件测试和信息系统运维 算哪个领域", "信息技术运营和维护服务"),
        ]:
            out = catalog.classify_answer(understand(text)).text
            assert out.count("可归入") >= 2 and second in out, out

    def test_one_business_named_twice_stays_one(self):
        out = catalog.classify_answer(understand("给医院做CT和核磁这些医疗设备的维修保养 算哪个领域")).text
        assert 1 == out.count("可归入") and "维修维护服务" in out
