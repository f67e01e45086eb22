"""English, pinyin and mixed messages: the applicant's facts and figures read as the Chinese ones are (h22b)."""

from decimal import Decimal

import pytest

from bot.answers import eligibility
from bot.nlu.normalize import hanzi_of_pinyin, pinyin_to_hanzi, understand
from bot.understand.facts import message_facts, read_facts


def facts(text: str) -> dict:
    return eligibility.facts_from(understand(text))


class TestReadingPinyinAndEnglish:
    def test_a_preposition_word_keeps_its_place(self):
        assert "注册在郑州" in understand("our office is registered in 郑州")
        assert "税交在上海" in understand("tax is paid in Shanghai")

    def test_spaces_of_a_pinyin_message_part_words_not_phrases(self):
        assert understand("women zai zhengzhou zhuce de youxian gongsi") == "我们在郑州注册的有限公司"

    def test_little_syllables_beside_read_words(self):
        assert pinyin_to_hanzi("quanbu shi zaian de") == "全部是在岸的"
        assert pinyin_to_hanzi("he said you can") == "he said you can"  # no pinyin word: nothing read

    def test_units_after_a_figure(self):
        assert pinyin_to_hanzi("jinnian 80 wan meiyuan") == "今年 80万美元"
        assert pinyin_to_hanzi("we paid 80 want") == "we paid 80 want"

    def test_hanzi_of_pinyin_leaves_english_and_chinese_as_they_came(self):
        assert hanzi_of_pinyin("Can a Branch apply?") == "Can a Branch apply?"
        assert hanzi_of_pinyin("我们能申报吗") == "我们能申报吗"
        assert hanzi_of_pinyin("women neng shenbao ma") == "我们能申报吗"


class TestApplicantFacts:
    @pytest.mark.parametrize(
        "text",
        [
            "我们公司在大陆没有注册过任何公司",
            "还没注册公司呢",
            "we have no entity in mainland China",
            "meiyou zhuce gongsi",
        ],
    )
    def test_no_company_set_up_is_no_enterprise_here(self, text):
        read = facts(text)
        assert read.get("entity_type") != "legal_person" or read.get("registered_in_zhengzhou") is False
        v = eligibility.verdict(read)
        assert v["status"] == "not_eligible"

    def test_a_company_elsewhere_with_nothing_here_is_not_set_up_in_zhengzhou(self):
        read = facts("Our company is registered in Singapore and has no local company in China")
        assert read == {"entity_type": "legal_person", "registered_in_zhengzhou": False}

    def test_not_registered_in_another_city_says_nothing_of_zhengzhou(self):
        assert "registered_in_zhengzhou" not in facts("我们没在洛阳注册")

    def test_a_place_starting_with_a_negation_character_is_a_place(self):
        assert facts("公司在无锡注册")["registered_in_zhengzhou"] is False

    def test_branch_paying_tax_elsewhere_in_english_fails(self):
        read = facts("we are a branch office, taxes are paid in Beijing")
        assert read["entity_type"] == "branch" and read["pays_tax_in_zhengzhou"] is False
        assert (
            "在郑纳税"
            in eligibility.answer(understand("we are a branch office, taxes are paid in Beijing. eligible?")).text
        )

    def test_english_words_state_the_other_conditions(self):
        read = facts("registered in Zhengzhou, clear ownership, sound financial management, operating legally")
        assert read["clear_property_rights"] and read["sound_finance"] and read["lawful_operation"]

    def test_first_time_status_in_english_is_newly_obtained(self):
        assert (
            message_facts("we just got the 技术先进型服务企业 status for the first time")["tech_advanced_new"] is True
        )


class TestQuotedRequirementAndOwnFigure:
    def test_the_policy_figure_quoted_is_not_the_users(self):
        read = read_facts("政策要求社保连续交满不低于6个月 我们那个毕业生社保才交了4个月 能算吗")
        assert read["social_insurance_months"].lo == Decimal("4")

    def test_verdict_names_the_condition(self):
        from bot.answers import qualify
        from bot.nlu.normalize import normalize

        text = "实习生要求连续交社保不低于6个月 我们这个实习生社保交了3个月 可以算吗"
        read = read_facts(text)
        answer = qualify.answer(normalize(text), read, read)
        assert answer.text.startswith("结论：不符合") and "社保不低于6个月" in answer.text

    def test_a_duration_asked_about_is_no_part_taken_out(self):
        from bot.understand.subgroups import removed

        assert removed("社保刚交了5个月 能不能算进去") == []
        assert removed("有4个人社保只交了4个月 这4个得去掉吧") != []


class TestEstimateReadsPinyin:
    def test_a_fair_told_in_pinyin(self):
        from bot.estimate.session import EstimateSession

        s = EstimateSession.start("jinnian qu Dubai canjia le yi ge zhanhui, zhan wei fei 4w, butie duoshao")
        assert s.items == ["3.5"] and s.inputs["fairs"] == [{"region": "overseas", "cost_cny": Decimal("40000")}]

    def test_a_pinyin_answer_to_onshore_or_offshore(self):
        from bot.estimate.session import EstimateSession

        s = EstimateSession.start("帮我算一下增量奖励，去年500万今年620万")
        assert s.clarify
        s.handle("quanbu shi guonei de", "inform")
        assert s.inputs["onshore_cny"] == Decimal("6200000") and s.inputs["previous_onshore_cny"] == Decimal("5000000")


def test_entity_words_in_latin_letters_are_whole_words():
    from bot.nlu.entity_ruler import extract

    assert not [e for e in extract("we are mainly in the mainland") if e["entity"] == "domain"]
    assert [e["value"] for e in extract("we do AI data labelling") if e["entity"] == "domain"] == ["人工智能服务"]


def test_qualified_interns_named_before_their_conditions_and_count():
    from bot.estimate.session import EstimateSession

    s = EstimateSession.start(
        "跟两所学院签了三年实训协议 每年收40个实习生 今年符合条件的应届生 大专以上 实习满3个月 社保交满半年 有25个 补贴多少"
    )
    assert s.inputs["qualified_interns"] == 25 and s.inputs["interns_per_year"] == 40
