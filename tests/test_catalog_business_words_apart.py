"""Every business a message names gets its line (round 43): a platform word and a run or build word apart
(「帮两个品牌代运维他们自己的线上商城平台」) still name 电子商务平台服务's business type (catalog.yml
business_type_together), and a service for a client that no term places is said as unplaced, never dropped."""

from bot.answers import catalog
from bot.nlu.normalize import normalize
from knowledge import query


def classify(text):
    return catalog.classify_answer(normalize(text)).text


def top(text):
    return query.classify_business(normalize(text), limit=1)[0]


class TestPlatformWordsApart:
    def test_operating_a_clients_mall_is_ecommerce_platform_ito(self):
        for text in (
            "帮两个品牌代运维他们自己的线上商城平台",
            "替几家连锁超市维护他们的网上购物平台",
            "帮一家药企运营维护它的电商平台",
        ):
            hit = top(text)
            assert (hit["domain"], hit["category"], hit["confident"]) == ("电子商务平台服务", "ITO", True), text
            assert "电子商务平台代运维" in hit["business_types"], text

    def test_building_a_clients_mall(self):
        hit = top("为一家服装品牌搭建他们的线上商城")
        assert (hit["domain"], hit["confident"]) == ("电子商务平台服务", True)
        assert "电子商务平台开发" in hit["business_types"]

    def test_one_group_alone_places_nothing_new(self):
        assert not top("帮客户运维机房")["domain"] == "电子商务平台服务"


class TestEveryBusinessGetsALine:
    def test_three_businesses_selling_running_a_mall_and_ads(self):
        text = classify(
            "我们在京东开店卖自家的大米，另外帮三个品牌代运维他们自己的官方商城，还给客户做快手投放的效果监测，"
            "这三项各算哪个领域"
        )
        lines = [x for x in text.splitlines() if x[:2] in ("1.", "2.", "3.")]
        assert len(lines) == 3
        assert "不属于服务外包" in lines[0]
        assert "电子商务平台服务" in lines[1] and "信息技术外包（ITO）" in lines[1]
        assert "互联网营销推广服务" in lines[2] and "业务流程外包（BPO）" in lines[2]

    def test_unplaced_service_beside_placed_ones_is_said(self):
        text = classify("我们给客户做人力资源外包，也给银行做呼叫中心外包，另外帮客户做宠物寄养，这三块分别算什么")
        lines = [x for x in text.splitlines() if x[:2] in ("1.", "2.", "3.")]
        assert len(lines) == 3
        assert "内部管理服务" in lines[0] and "呼叫中心服务" in lines[1]
        assert "宠物寄养" in lines[2] and "没有找到直接对应" in lines[2] and "可归入" not in lines[2]

    def test_one_unplaced_service_alone_keeps_the_single_answer(self):
        text = classify("我们帮客户做宠物寄养，这算服务外包哪个领域")
        assert not text.startswith("您说的几项业务分别看")

    def test_pieces_of_one_business_beside_the_company_are_placed_whole(self):
        text = classify(
            "我们呼叫中心公司最近拓展了一块业务 替企业做招聘流程外包 员工入离职手续 薪酬核算 这个属于哪个领域"
        )
        assert "没有找到直接对应" not in text and "人力资源管理" in text
