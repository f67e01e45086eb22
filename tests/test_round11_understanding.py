"""Round 11 (questions): places inside Zhengzhou beside another topic, English-mixed questions, a transport
business against a named domain, requests not served, 在岸 business in the increment, documents the policy
implements. Each test uses wording of its own, not the outside evaluators' cases."""

from bot.answers import router
from bot.answers.eligibility import facts_from, places_named
from bot.answers.general import cannot_serve
from bot.nlu.normalize import glossary_words, understand
from bot.understand.segment import asks_something


def reply(text: str, topic_clause=None) -> str:
    return router.compose(None, text, (), topic_clause, None, {}).text


class TestPlacesInZhengzhou:
    def test_registering_office_names_the_place(self):
        """「在巩义市市场监管局登记注册」: registered in 巩义, a county-level city of Zhengzhou."""
        assert facts_from("公司在巩义市市场监管局登记注册")["registered_in_zhengzhou"] is True

    def test_registered_and_taxed_together(self):
        assert facts_from("独立法人 新郑注册并纳税")["registered_in_zhengzhou"] is True

    def test_a_place_outside_zhengzhou_at_its_office(self):
        assert facts_from("我们在新乡市工商局注册的")["registered_in_zhengzhou"] is False

    def test_place_question_beside_another_topic_answers_both(self):
        text = reply("荥阳的公司算郑州的吗 另外办公用房租金补贴标准是多少")
        assert "荥阳属于郑州市行政区域" in text
        assert "租金" in text and "第三条第（八）项" in text

    def test_self_description_gets_a_verdict_naming_the_place(self):
        text = reply("我们是独立法人 在新密注册的")
        assert "新密属于郑州市行政区域" in text
        assert "结论：" in text and "已满足" in text

    def test_a_place_outside_zhengzhou_is_not_said_to_be_inside(self):
        text = reply("我们是独立法人 在洛阳注册的")
        assert "属于郑州市行政区域" not in text
        assert "结论：不符合" in text

    def test_every_county_and_city_is_known(self):
        assert places_named("中牟 巩义 荥阳 新密 新郑 登封 上街 惠济 航空港") == [
            "中牟",
            "巩义",
            "荥阳",
            "新密",
            "新郑",
            "登封",
            "上街",
            "惠济",
            "航空港",
        ]


class TestEnglishMixed:
    def test_glossary_words_found(self):
        assert glossary_words("the offshore award cap") == ["离岸", "奖励", "上限"]

    def test_rate_and_cap_both_answered(self):
        text = reply("offshore award 的 exchange rate 按哪一年 还有 max 多少")
        assert "执行年度中间价" in text
        assert "最高200万元" in text


class TestTransportAgainstADomain:
    def test_named_domain_with_own_vehicles(self):
        text = reply("快递公司 自己的车送件 这算供应链管理服务吗")
        assert "不属于服务外包" in text and "方案设计" in text

    def test_described_again_after_a_catalog_answer(self):
        text = reply("只是用自己的车队送货 不做规划", topic_clause="annex")
        assert "不属于服务外包" in text

    def test_without_a_catalog_topic_it_is_not_placed(self):
        assert "不属于服务外包" not in reply("只是用自己的车队送货 不做规划")


class TestNotServed:
    def test_own_past_awards(self):
        a = cannot_serve(understand("你能查到我们公司以前拿过多少奖补吗"))
        assert a is not None and "看不到" in a.text and "编造" in a.text

    def test_stated_past_award_is_not_declined(self):
        assert cannot_serve(understand("我们去年拿过增量奖励 今年还能报吗")) is None

    def test_deadline_question_is_a_question(self):
        assert asks_something("申报窗口几号截止 别说你不清楚")
        text = reply("申报窗口几号截止 别说你不清楚")
        assert "实施细则" in text and "市商务局" in text


class TestIncrementScope:
    def test_onshore_business_counts(self):
        text = reply("国内客户的业务增长也计入增量奖励吗")
        assert "在岸（境内）业务和离岸业务都计入业务增量" in text
        assert "3%" in text

    def test_fairs_still_get_the_domestic_fair_line(self):
        assert "境内活动" in reply("国内展会每场补多少")


class TestImplementedDocuments:
    def test_named_by_number_with_other_brackets(self):
        text = reply("商服贸发[2020]12号跟本政策啥关系")
        assert "贯彻落实" in text and "商服贸发〔2020〕12号" in text

    def test_city_document(self):
        assert "贯彻落实" in reply("郑政（2017）29号和58号文什么关系")
