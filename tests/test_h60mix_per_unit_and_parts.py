"""Round 59's answers that passed but were wrong, as phenomena (fix h60mix): a cap asked per person, event, project or
platform is that item's own, never 第四条's 500万; a park-operating company is an enterprise; several businesses in
one description are each placed; a figure corrected with 刚好/正好 keeps its name; a duration corrected is the new one."""

from bot.answers import catalog, router
from bot.nlu.normalize import understand
from bot.understand import retractions
from knowledge.conditions import MET, UNKNOWN, NOT_MET, evaluate


def reply(text: str, facts=None) -> str:
    return router.compose(None, understand(text), facts={} if facts is None else facts).text


def reply_with_facts(text: str) -> str:
    from bot.understand.facts import message_facts

    return router.compose(None, understand(text), facts=message_facts(text)).text


class TestPerUnitCap:
    def test_per_person_cap_of_training(self):
        """「每人每年封顶多少」 after 三（七）3's rate: its 3万 per person, not the 500万 yearly total."""
        text = reply("中高级人才培训补贴比例多少？每人每年封顶多少？")
        assert "3万元" in text and "500万" not in text

    def test_traditional_characters(self):
        """The same asked in traditional characters (封頂)."""
        text = reply("請問中高級人才培訓補貼比例是多少？每人每年封頂多少")
        assert "3万元" in text and "500万" not in text

    def test_per_event_cap_of_fairs(self):
        """「每场每年封顶多少」 after 境外展会: 三（五）'s per-event and yearly caps."""
        text = reply("参加境外展会的补贴比例是多少？每场每年封顶多少")
        assert "5万元" in text and "500万" not in text

    def test_per_project_cap_of_certificates(self):
        """「每个项目每年最多补多少」 after 资质认证: 30万 a project."""
        text = reply("资质认证补贴比例多少？每个项目每年最多补多少")
        assert "30万元" in text and "500万" not in text

    def test_item_named_in_the_same_part(self):
        """「高级人才培训每人每年封顶多少」 alone: the item it names, not the total."""
        text = reply("高级人才培训每人每年封顶多少")
        assert "3万元" in text and "500万" not in text

    def test_all_items_together_stay_the_total(self):
        """「一个企业一年所有补贴加起来封顶多少」: 第四条第（三）项's 500万, not the largest single item's cap."""
        text = reply("公共服务平台补贴每个平台最多补多少？一个企业一年所有补贴加起来封顶多少")
        assert "200万元" in text and "500万元" in text and "单项奖励的上限" not in text


class TestParkOperatorIsAnEnterprise:
    def test_certificates_to_confirm_never_refused(self):
        """A park operator's own certificate (三（六）) is left to confirm, never refused for its type."""
        from tests.test_conditions import ELIGIBLE, MEETS

        facts = dict(ELIGIBLE, **MEETS["3.6"], applicant_type="park_operator")
        assert UNKNOWN == evaluate("3.6", facts).status

    def test_own_rent_still_refused(self):
        """Its own rent in a park (三（八）3) stays refused."""
        from tests.test_conditions import ELIGIBLE, MEETS

        facts = dict(ELIGIBLE, **MEETS["3.8.3"], applicant_type="park_operator")
        assert NOT_MET == evaluate("3.8.3", facts).status

    def test_park_said_in_another_part(self):
        """「一是…CMMI…维护费用能不能补 二是我们运营的园区是区级的…」: part one is the company's, an enterprise's
        (符合 三（六）), part two refused for the 区级 park."""
        text = reply_with_facts(
            "你好 问两个事 一是我们CMMI三级证书到期了要做复评，复评的维护费用能不能补，补多少比例 "
            "二是我们运营的园区是区级的服务外包示范园区，刚认定下来，那个一次性20万的奖励能拿吗"
        )
        assert "不符合第三条第（六）项" not in text and "申报主体须为企业" not in text
        assert "符合第三条第（六）项" in text and "70%" in text and "区级" in text

    def test_met_for_an_enterprise(self):
        """Without the park, the company's certificate is simply 三（六）'s."""
        from tests.test_conditions import ELIGIBLE, MEETS

        assert MET == evaluate("3.6", dict(ELIGIBLE, **MEETS["3.6"])).status


class TestBusinessHalves:
    def test_compulsory_half_and_food_half(self):
        """「一半是…强制检测，一半是…委托食品检测」: the first excluded, the second 第三方食品检验检测服务."""
        text = catalog.classify_answer(
            understand(
                "我们是第三方检测机构，业务一半是法律法规规定必须做的强制检测，一半是给超市和食品厂做的委托食品检测，都算吗"
            )
        ).text
        assert "不包括法律法规规定强制检测" in text and "第三方食品检验检测服务" in text

    def test_halves_without_stops(self):
        """The halves said without a comma, the words before them naming no business of their own."""
        parts = catalog.business_parts(understand("我们检测中心业务一半是法定强制检测一半是给食品厂做委托检测"))
        assert ["法定强制检测", "给食品厂做委托检测"] == parts

    def test_parts_named_one_and_another(self):
        """「一部分是…另一部分是…」: each part placed."""
        text = catalog.classify_answer(understand("公司业务一部分是汽车外观设计另一部分是手机维修 算哪个领域")).text
        assert "工业设计服务" in text and "不包括手机等消费产品的维修服务" in text


class TestCorrectedFigures:
    def test_exact_word_keeps_the_name(self):
        """「合同执行额510万，哦不对审计出来是刚好500万整」: 合同执行额 names the 500万."""
        text = retractions.closed_up(understand("合同执行额510万，哦不对审计出来是刚好500万整，租金72万"))
        assert text.startswith("合同执行额500万") and "510" not in text

    def test_rent_corrected_with_exact_word(self):
        """「年租金80万，不对，是正好75万」: the rent is 75万."""
        assert "年租金75万" in retractions.closed_up(understand("年租金80万，不对，是正好75万，面积900平"))

    def test_count_corrected_after_sorry(self):
        """「30个学员，sorry 是正好25个」: 25 in the count's place."""
        assert "培训了25个学员" in retractions.closed_up(understand("培训了30个学员，sorry 是正好25个，都签了合同"))

    def test_duration_corrected(self):
        """「入驻两年，不对，是三年」: the duration is replaced, the words 入驻 kept."""
        assert retractions.closed_up(understand("入驻两年，不对，是三年，执行额600万")).startswith("入驻三年")

    def test_duration_with_a_half(self):
        """「两年半…更正一下，是整整三年」: three years, never 三年半."""
        text = retractions.closed_up(understand("我们入驻两年半了，更正一下，是整整三年了，执行额600万"))
        assert "入驻三年了" in text and "三年半" not in text

    def test_duration_corrected_to_a_half(self):
        """「入驻两年，不对，是两年半」: the half kept."""
        assert "入驻两年半" in retractions.closed_up(understand("入驻两年，不对，是两年半，执行额600万"))


class TestPrescreenOpening:
    """A pre-screening asked for, with words after it, opens whatever intent the NLU gave (greet, nlu_fallback)."""

    async def test_greeting_then_prescreen(self):
        """「你好我想做个预审 看看…」 labelled greet: the pre-screening's start runs next, no greeting said."""
        from actions.policy import ActionGreet
        from tests.test_actions import run, tracker

        d, events = await run(
            ActionGreet(), tracker("你好我想做个预审 看看我们今年能申请哪些补贴 大概能拿多少", "greet")
        )
        assert [] == d.messages
        assert any(e.get("event") == "followup" and e.get("name") == "action_prescreen_start" for e in events)

    async def test_bare_greeting(self):
        """「您好，请问有人吗」: the greeting only."""
        from actions.policy import ActionGreet
        from tests.test_actions import run, tracker

        d, events = await run(ActionGreet(), tracker("您好，请问有人吗", "greet"))
        assert [] == events and "utter_greet" == d.messages[0].get("response")

    async def test_fallback_opens_prescreen(self):
        """「我想做个预审 看看…大概能拿多少」 with no intent sure enough: the pre-screening's start runs next."""
        from actions.policy import ActionDefaultFallback
        from tests.test_actions import run, tracker

        d, events = await run(
            ActionDefaultFallback(), tracker("我想做个预审 看看我们今年能申请哪些补贴 大概能拿多少", "nlu_fallback")
        )
        assert any(e.get("event") == "followup" and e.get("name") == "action_prescreen_start" for e in events)
