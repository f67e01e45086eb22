"""Policy words typed in toneless pinyin are read as 汉字 (synonyms.yml's pinyin list), English is left alone."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlu.normalize import glossary_words, pinyin_to_hanzi, understand
from knowledge import sources

GLOSSARY_TERMS = [str(g["term"]) for g in sources.load_cached("synonyms").get("glossary") or []]
ENGLISH_TERMS = [t for t in GLOSSARY_TERMS if re.fullmatch(r"[a-zA-Z ]+", t)]


def test_syllables_typed_together_or_apart_read_the_same():
    assert pinyin_to_hanzi("能shenbao吗") == "能申报吗"
    assert pinyin_to_hanzi("能shen bao吗") == "能申报吗"
    assert pinyin_to_hanzi("zaian业务") == "在岸业务"


def test_apostrophe_and_doubled_n_spellings_of_offshore():
    assert pinyin_to_hanzi("li'an的奖励") == "离岸的奖励"
    assert pinyin_to_hanzi("lian'an的奖励") == "离岸的奖励"
    assert pinyin_to_hanzi("lianan的奖励") == "离岸的奖励"


def test_longest_word_wins_and_spaces_between_words_go():
    assert understand("zengliang jiangli an duoshao bili") == "增量奖励按多少比例"
    assert understand("caiwu zhidu还没建起来,能shenbao butie吗") == "财务制度还没建起来,能申报补贴吗"


def test_an_all_pinyin_question_reads_as_chinese_with_its_figures_kept():
    read = understand("erzi gongsi qunian zhixing e 300w, zengliang jiangli hai you ma")
    assert read == "子公司去年执行额 300w, 增量奖励还有吗"


def test_deadline_in_pinyin_names_the_deadline():
    assert "截止日期" in understand("jin nian shenbao de jiezhi riqi shi ji yue ji hao")
    assert glossary_words("jiezhi riqi shi duoshao") == ["截止日期", "多少"]


def test_a_syllable_inside_a_longer_run_of_letters_is_not_read():
    assert pinyin_to_hanzi("shenbaoxyz") == "shenbaoxyz"
    assert pinyin_to_hanzi("xbutie") == "xbutie"


def test_single_syllables_that_are_english_words_stay_english():
    for text in ["an award", "he said you can", "she bin long men"]:
        assert pinyin_to_hanzi(text) == text


def test_english_glossary_still_applies_beside_pinyin():
    # in a message typed in pinyin spaces only part words: the English word joins the pinyin one (one phrase)
    assert understand("offshore jiangli") == "离岸奖励"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(ENGLISH_TERMS + ["we", "are", "a", "company", "in", "the", "can", "an", "do", "you"]),
        min_size=1,
        max_size=8,
    )
)
def test_english_sentences_are_not_changed_by_the_pinyin_reading(words):
    sentence = " ".join(words).lower()
    assert pinyin_to_hanzi(sentence) == sentence


def test_english_award_year_and_currency_words_read_as_the_policys():
    read = understand("for a newly established company how is the growth award counted in the first year")
    assert "新增企业" in read and "增量奖励" in read and "首年" in read
    assert "欧元" in understand("our contracts are invoiced in EUR")
    assert "超过" in understand("the award says more than 1M USD")


def test_retired_asker_is_not_a_social_insurance_question():
    from knowledge import query

    assert query.other_policy(understand("我是退休会计，帮儿子问问他的公司能shenbao butie吗")) is None
    assert query.other_policy("退休金每个月怎么领") is not None


def test_contracts_in_another_currency_are_counted_in_dollars_and_the_conversion_left_to_the_rules():
    from bot.answers import unspecified

    answer = unspecified.answer(understand("our offshore contracts are invoiced in EUR, how is the award counted?"))
    assert answer is not None
    assert "以美元计算" in answer.text and "中间价" in answer.text and "没有明确规定" in answer.text
    assert "实施细则" in answer.text
    assert unspecified.answer(understand("离岸合同用日元结算，离岸奖励怎么算")) is not None
    assert unspecified.answer(understand("我们今年离岸业务200万美元")) is None
