"""Messages asking two or three things: every part is found and answered on its own, and a part naming no subject
answers about the subject (or the business) of the part before it. Wording of our own."""

from decimal import Decimal

from actions.policy import estimate_parts
from bot.answers.router import compose, message_parts
from bot.estimate.session import EstimateSession, own_figures
from bot.nlu.normalize import normalize, understand
from bot.understand import inherit
from knowledge import shapes


def parts_of(text: str) -> list:
    return message_parts(understand(text))


class TestAddedQuestionsAreParts:
    def test_a_connective_opens_a_part_even_without_a_subject(self):
        parts = parts_of("去日本参展 境外一场最多补多少 全年封顶多少 另外差旅住宿能报吗")
        assert len(parts) == 3
        assert parts[-1].startswith("另外")

    def test_a_bare_clause_without_a_connective_still_joins(self):
        assert not inherit.opens_new_question("机票酒店能算进去吗")
        assert inherit.opens_new_question("然后机票酒店能算进去吗")

    def test_an_opener_that_asks_nothing_opens_no_part(self):
        assert not inherit.opens_new_question("另外我们是郑州注册的")

    def test_a_support_item_after_a_catalog_part_is_its_own_part(self):
        parts = parts_of("我们做银行的客服热线外包 这算服务外包吗 那员工培训费用能补吗")
        assert len(parts) == 2
        assert "培训" in parts[1] and "培训" not in parts[0]


class TestSubjectlessPartsInheritTheItem:
    def test_the_yearly_cap_of_the_fair_item_not_the_total(self):
        reply = compose(None, "去日本参展 境外一场最多补多少 全年封顶多少 另外差旅住宿能报吗").text
        assert "30万" in reply
        assert "500万" not in reply

    def test_travel_is_said_to_be_outside_the_listed_costs(self):
        reply = compose(None, "去日本参展 境外一场最多补多少 全年封顶多少 另外差旅住宿能报吗").text
        assert "不在列明范围内" in reply


class TestCatalogPartTakesTheBusinessBefore:
    def test_statements_before_travel_with_the_catalog_question(self):
        parts = ["我们给海外卖家做网店代运营 今年离岸120万美元 能拿离岸奖励吗", "这块业务属于哪个领域"]
        asked = inherit.with_context(parts[1], parts)
        assert "网店代运营" in asked and "属于哪个领域" in asked
        assert "能拿离岸奖励吗" not in asked  # questions of other parts stay out

    def test_a_catalog_question_naming_its_business_is_left_alone(self):
        parts = ["今年离岸120万美元 能拿离岸奖励吗", "软件测试属于哪个领域"]
        assert inherit.with_context(parts[1], parts) == parts[1]

    def test_the_whole_reply_places_the_business(self):
        reply = compose(
            None,
            "我们分公司在郑州纳税 替海外品牌做电商平台代运维 离岸刚好100万美元 能拿离岸奖励吗 这个业务属于哪个领域",
        ).text
        assert "电子商务平台服务" in reply


class TestPolicyEndDate:
    def test_an_end_date_question_is_about_validity(self):
        assert shapes.search("new_policy", "这份文件到哪年截止")

    def test_the_reply_says_no_end_date_is_given(self):
        reply = compose(None, "两个问题 1政策从哪天起执行 2这个政策什么时候到期").text
        assert "未规定截止日期" in reply
        assert "补贴期限" not in reply

    def test_a_subsidy_period_is_not_the_policy_end(self):
        assert not shapes.search("new_policy", "租金补贴最多补到哪年")


class TestFiguresAskedAreNotInputs:
    def test_a_policy_step_after_mei_is_no_amount_of_ours(self):
        found = own_figures(normalize("园区引进外资 每1000万美元给多少"))
        assert not [f for f in found if f.kind == "money"]

    def test_an_investment_of_our_own_is_kept(self):
        found = own_figures(normalize("我们园区吸引外资2500万美元"))
        assert [f.value for f in found if f.kind == "money"] == [Decimal("25000000")]

    def test_a_guessed_award_is_no_cost(self):
        s = EstimateSession.start("ITSS维护花了20万 PCMM花了12万 ITSS是不是能补14万 一共多少")
        costs = sorted(c["cost_cny"] for c in s.inputs.get("certifications", []))
        assert costs == [Decimal("120000"), Decimal("200000")]


class TestWhetherPartBesideAnEstimate:
    def test_a_figureless_can_it_be_subsidised_part_is_not_estimated(self):
        parts = parts_of("认证机构花了30万做CMMI3 能补多少 另外员工读EMBA的学费能补吗")
        asked = estimate_parts(parts)
        assert len(asked) == 1 and "30万" in asked[0]


class TestTwoAwardsAskedTogether:
    def test_tech_advanced_beside_innovation_from_stated_awards(self):
        s = EstimateSession.start(
            "刚认定为技术先进型服务企业 增量奖励30万 离岸奖励50万 连续两年有新软著 技先和创新奖各多少"
        )
        amounts = {i["code"]: i["amount_cny"] for i in s.compute()["items"]}
        assert amounts == {"3.3": 120000.0, "3.4": 100000.0}


class TestEnglishTotalCap:
    def test_a_cap_on_the_total_asked_in_english(self):
        reply = compose(None, "is there a cap on total subsidy per company per year? 还有离岸奖励按美元算吗").text
        assert "500万" in reply


class TestSidePartsCutFromTheEstimate:
    def test_a_policy_question_with_an_item_is_cut_whole(self):
        from actions.policy import estimate_text

        said = "我们前年拿了ITSS三级，今年还想报，补贴比例是多少？另外准备去新加坡参加商务部门指定的展会，展位费9万，能补多少"
        trimmed = estimate_text(said)
        assert trimmed is not None
        assert "itss" not in trimmed.lower() and "9万" in trimmed


class TestAnItemNamedOutweighsAWeakSearch:
    def test_the_rate_of_the_certification_item(self):
        from bot.answers.subsidies import find_clause

        assert find_clause(understand("我们去年拿了CMMI3 今年想申报 能补几成")) == "3.6"

    def test_a_strong_search_hit_still_decides(self):
        from bot.answers.subsidies import find_clause

        assert find_clause(understand("离岸服务外包业务奖励比例多少")) == "3.2"


class TestAQuestionOfEachStaysTogether:
    def test_each_of_the_items_named_before(self):
        parts = parts_of("ITSS和技术先进型今年都拿到了 这两个可以一起拿吗 然后分别有什么上限")
        assert len(parts) == 1

    def test_the_reply_gives_both_items(self):
        reply = compose(None, "ITSS和技术先进型今年都拿到了 这两个可以一起拿吗 然后分别有什么上限").text
        assert "10万" in reply and "30万" in reply
