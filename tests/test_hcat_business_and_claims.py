"""A support item asked about a business that is not service outsourcing (catalog.yml not_service_outsourcing,
outsourcing_items); a question part naming ITO/BPO/KPO counts beside another question; a double claim under two
policies (第四条第（三）项). Each test uses wording of its own, not the outside evaluators' cases."""

from actions.estimate import ActionEstimateStart
from actions.policy import ActionAnswerPolicy
from bot.answers import not_outsourcing, router
from bot.nlu.normalize import understand
from tests.test_actions import run, texts, tracker


def reply(text: str, intent=None) -> str:
    return router.compose(intent, text, facts={}).text


class TestItemForABusinessOutsideTheCatalog:
    def test_oem_shoe_factory_exporting_gets_no_offshore_award(self):
        """An OEM factory's export is manufacturing and goods: 第三条第（二）项 is not for it, said with the reason."""
        text = reply("我们鞋厂给欧美品牌做OEM代工 去年出口了1500万美元 离岸那个10%的奖励我们能申请吗", "ask_subsidy")
        assert text.startswith("结论：") and "不能按第三条第（二）项" in text
        assert "不属于服务外包" in text and "制造" in text and "第一条" in text
        assert "符合第三条" not in text

    def test_goods_wholesaler_at_a_fair(self):
        """A wholesaler of goods asking about fair costs: 三（五） supports service-outsourcing enterprises."""
        text = reply("我们公司是做五金批发的 今年去广交会摆了个展位 展位费能按政策补吗", "ask_subsidy")
        assert "第三条第（五）项" in text and "不属于服务外包" in text and "批发" in text

    def test_own_fleet_and_the_increment(self):
        """Carrying goods with one's own lorries is transport, so the increment award is not for it."""
        text = reply("我们是自己有货车跑城际货运的 今年营收涨了两千万 规模增量奖励有戏吗", "ask_subsidy")
        assert "第三条第（一）项" in text and "运输" in text and "不属于服务外包" in text

    def test_consumer_repair_shop_and_certification(self):
        """Repairing phones for consumers is outside 维修维护服务: no certification subsidy (三（六）)."""
        text = reply("我们是开手机维修店的 准备做个ISO27001认证 认证费能补贴吗", "ask_subsidy")
        assert "第三条第（六）项" in text and "不属于服务外包" in text and "消费" in text

    def test_software_for_a_factory_is_still_service_outsourcing(self):
        """Software built for a manufacturer is a service for a client: no rejection, the item is answered."""
        t = understand("我们给一家汽车零部件工厂开发生产管理软件 客户在德国 离岸奖励能拿吗")
        assert not_outsourcing.answer(t) is None

    def test_no_item_asked_leaves_the_catalog_answer(self):
        """Only a classification asked (no support item): the catalog's own answer, not this one."""
        assert not_outsourcing.answer(understand("我们是开烤鸭店的 这算服务外包吗")) is None

    def test_another_question_beside_it_is_answered(self):
        """A second question in the same message (who interprets the policy) keeps its own answer."""
        text = reply("我们是做农资批发的 去参加农博会能补展位费吗 另外这个政策谁负责解释", "ask_subsidy")
        assert "不属于服务外包" in text and "市商务局解释为准" in text

    async def test_estimate_with_figures_is_not_computed(self):
        """With the figures of an estimate, the award is not computed for a goods exporter: the reason is given."""
        msg = "我们是做家具出口贸易的 今年出口货物900万美元 汇率按7.0 能拿多少离岸奖励"
        d, _ = await run(ActionEstimateStart(), tracker(msg, "estimate_award"))
        out = texts(d)
        assert "不属于服务外包" in out and "第三条第（二）项" in out
        assert "630,000.00" not in out and "符合第三条" not in out

    async def test_policy_action_says_it_before_a_verdict(self):
        """The policy action gives the rejection, not the 三（二） verdict on the amount stated."""
        msg = "我们服装厂主要做来料加工 一年给日本客户加工出口300万美元 离岸奖励符合条件吗"
        d, _ = await run(ActionAnswerPolicy(), tracker(msg, "ask_subsidy"))
        out = texts(d)
        assert "不属于服务外包" in out and not out.startswith("结论：符合")


class TestEveryQuestionAnswered:
    def test_category_counts_then_who_interprets(self):
        """「KPO ITO各几个…？还有…」: the counts of the catalog and 第四条第（一）项 both."""
        text = reply("KPO和ITO各包括几个领域？还有这份文件由哪个部门负责解释？", "ask_catalog")
        assert "9个" in text and "8个" in text and "市商务局解释为准" in text

    def test_who_interprets_then_category_count(self):
        text = reply("这个政策最终由谁解释？还有BPO一共几个领域？", "ask_general_rules")
        assert "市商务局解释为准" in text and "BPO（业务流程外包）6个" in text


class TestDoubleClaimUnderTwoPolicies:
    def test_another_city_policy_pays_for_the_same_certification(self):
        text = reply("市里还有个数字经济的政策也补认证费 同一个CMMI认证两个政策能一起领吗", "ask_subsidy")
        assert "不得重复申报" in text and "自行选择" in text and "第四条第（三）项" in text

    def test_this_policy_beside_a_district_policy(self):
        text = reply("这个政策和高新区的人才政策能同时申请吗", "ask_subsidy")
        assert "不得重复申报" in text and "自行选择" in text

    def test_two_items_of_this_policy_are_still_together(self):
        """Two items of this policy are not a double claim: they can be had together, within 500万."""
        text = reply("增量奖励跟离岸奖励两个都可以拿吗", "ask_subsidy")
        assert "可以同时申报" in text


class TestNotABusinessDescription:
    def test_hotel_cost_of_a_fair_is_no_business(self):
        """「住宿」 among a fair's costs says what was spent, not what the company does: the fair is answered."""
        t = understand("我们上个月去成都参加了指定的服务外包展会 展位费2万 交通住宿5000 能补多少")
        assert not_outsourcing.answer(t) is None

    def test_software_sold_abroad_is_a_service(self):
        """「把自研的SaaS卖给国外用户」: the catalog places SaaS (云计算服务); 卖 is no goods trade here."""
        t = understand("我们把自研的SaaS系统卖给国外用户 一年150万美元 离岸奖励有多少")
        assert not_outsourcing.answer(t) is None
