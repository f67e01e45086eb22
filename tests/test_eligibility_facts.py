"""第二条's facts read as the user means them: English statements and English negation, a rule quoted in a
rhetorical question, one verdict for one applicant across a message's parts, and things 第二条 does not require
asked as 「是不是必须X才行」 (bot/answers/eligibility.py, bot/understand/english_facts.py, eligibility_words.yml)."""

from pathlib import Path

import pytest
import yaml

from bot.answers import eligibility, router
from bot.answers.model import Answer
from bot.nlu.normalize import normalize, understand
from knowledge import conditions, query

WORDS = yaml.safe_load(
    (Path(__file__).resolve().parents[1] / "knowledge" / "data" / "eligibility_words.yml").read_text(encoding="utf-8")
)["second_article"]


def read(text: str) -> dict:
    return eligibility.facts_from(understand(text))


class TestEnglishStatements:
    """English fact statements and English negation read like their Chinese."""

    @pytest.mark.parametrize("text,want", WORDS["english_examples"], ids=[t[:24] for t, _ in WORDS["english_examples"]])
    def test_examples(self, text, want):
        facts = read(text)
        for field, value in want.items():
            assert facts.get(field) is value, (field, facts)

    def test_denied_violation_is_lawful(self):
        """「without any 违规经营 history」: a denied violation is lawful operation, not its failure."""
        assert read("Zero 违规经营 history here, we are a 郑州 company")["lawful_operation"] is True

    def test_negation_reaches_only_the_next_words(self):
        """「no 欠税 and we pay 纳税 on time」: the 'no' denies 欠税 only, not the tax paid after it."""
        facts = read("There is no 欠税 and we pay our taxes promptly.")
        assert facts["lawful_tax"] is True

    def test_stated_failure_still_fails(self):
        """「we still owe taxes」 is no denial: 依法纳税 fails and the verdict is 不符合."""
        text = understand(
            "We are an independent legal entity registered in 郑州金水区, clear property rights, but we still owe taxes from 2023."
        )
        facts = eligibility.facts_from(text)
        assert facts["lawful_tax"] is False
        assert eligibility.answer(text).text.startswith("结论：不符合")

    def test_all_stated_in_english_is_met(self):
        """Every condition stated in English words → 符合."""
        text = understand(
            "Our 有限公司 is registered in 郑州经开区; ownership is clear; no illegal operations; taxes are paid on time; "
            "our accounts are audited; we signed up on the MOFCOM statistics system and update our contracts monthly. Can we apply?"
        )
        out = eligibility.answer(text).text
        assert out.startswith("结论：符合"), out

    def test_chinese_only_text_unchanged(self):
        from bot.understand.english_facts import chinese_reading

        said = "我们在郑州注册 产权清晰 没有欠税"
        assert chinese_reading(said) == said


class TestRhetoricalRule:
    """「不是说要…才行吗」「难道…就不能…」 quote a rule, not the applicant's facts."""

    @pytest.mark.parametrize(
        "text",
        [
            "不是说只有在郑州市区注册的才可以申报吗 我们是荥阳注册的",
            "难道不在郑州市区注册就不能报？我们公司注册在中牟县",
            "听说必须在郑州主城区注册 我们是在上街区注册的",
        ],
    )
    def test_rule_quoted_is_no_fact(self, text):
        assert eligibility.facts_from(normalize(text)).get("registered_in_zhengzhou") is True

    def test_one_verdict_for_the_whole_message(self):
        """A rule doubted in one part, the facts in another: one verdict on all of them, 符合."""
        text = (
            "不是说得在郑州市区注册才能申报吗？我们注册在巩义市 这样是不是就没希望了？"
            "其他条件都满足 独立法人 产权清晰 依法经营 依法纳税 财务规范 商务部统计系统也注册并按时填报"
        )
        out = router.compose(None, text, facts={}).text
        assert out.count("结论：") == 1, out
        assert "结论：符合" in out and "不符合" not in out, out

    def test_parts_on_one_applicant_merged(self):
        """Two 第二条 verdicts in one reply become one, on the facts of both parts."""
        parts = [
            ("我们在新密注册的公司", Answer("结论：还不能确定是否符合第二条的申报资格。", clause="2")),
            (
                "产权清晰 依法经营 依法纳税 财务规范 统计系统已注册填报",
                Answer("结论：符合第二条的申报资格。", clause="2"),
            ),
        ]
        merged = router.one_applicant_verdict(parts, " ".join(p for p, _ in parts), {})
        assert len(merged) == 1
        assert merged[0][1].text.startswith("结论：符合")

    def test_several_applicants_keep_their_verdicts(self):
        parts = [
            ("子公司在郑州注册", Answer("结论：符合第二条的申报资格。", clause="2")),
            ("分公司税在深圳交", Answer("结论：不符合第二条的申报资格。", clause="2")),
        ]
        whole = "我们有一个子公司在郑州注册 还有一个分公司税在深圳总部交"
        assert router.one_applicant_verdict(parts, whole, {}) == parts


class TestNotRequired:
    """「是不是必须X才行」 with X a thing 第二条 does not require: not required, what is required, the clause."""

    @pytest.mark.parametrize(
        "text",
        [
            "我们公司目前是小规模纳税人，申报的时候是不是一定得是一般纳税人",
            "小规模纳税人可以报服务外包的奖励吗 还是只有一般纳税人才可以",
        ],
    )
    def test_taxpayer_type(self, text):
        out = router.compose(None, text, facts={}).text
        assert "没有区分" in out and "依法纳税" in out and "第二条" in out, out
        assert "必须满足" not in out, out

    def test_taxpayer_type_in_english(self):
        out = router.compose(
            None, "We're a small scale taxpayer - must we be a general taxpayer to apply?", facts={}
        ).text
        assert out.startswith("第二条没有区分一般纳税人和小规模纳税人"), out

    def test_loss_making(self):
        out = router.compose(None, "公司这两年一直亏损 这种情况能申报吗", facts={}).text
        assert "没有盈利的要求" in out and "第二条" in out, out

    def test_real_condition_still_required(self):
        """「依法纳税必须做到吗」: a condition of 第二条 is required."""
        assert eligibility.must_topic(normalize("依法纳税是不是必须的")) == "lawful_tax"

    def test_no_topic_is_a_condition_of_the_clause(self):
        """The topics said not to be required are none of 第二条's words (its text and its conditions' quotes)."""
        said = query.clause("2")["text"] + "".join(leaf.get("quote", "") for leaf in conditions.leaves("2"))
        for topic, pattern in eligibility.words()["not_required"].items():
            assert not pattern.search(said), topic


def test_supposed_cases_keep_their_verdicts():
    """「如果…呢？要是…呢？」: each part supposes a case of its own, so each keeps its verdict."""
    parts = [
        ("如果我们在金水区注册能报吗", Answer("结论：还不能确定是否符合第二条的申报资格。", clause="2")),
        ("要是税在上海交呢", Answer("结论：不符合第二条的申报资格。", clause="2")),
    ]
    assert router.one_applicant_verdict(parts, " ".join(p for p, _ in parts), {}) == parts


def test_english_word_in_a_chinese_message_keeps_its_phrases():
    """「…的branch office 税在上海总部交」 read raw (no glossary): the branch kept, the Chinese phrases still apart."""
    facts = eligibility.facts_from(
        normalize("我们是上海总公司在郑州设的branch office 税是在上海总部交的 今年离岸150万美元")
    )
    assert facts["entity_type"] == "branch" and facts["pays_tax_in_zhengzhou"] is False


def test_rhetorical_question_about_a_class_keeps_its_fact():
    """「难道外地注册的…也算？」 asks whether a rule reaches it: the 外地注册 said of the company stands."""
    facts = eligibility.facts_from(normalize("难道外地注册的企业在郑州接了项目也能算？我们是武汉的公司"))
    assert facts.get("registered_in_zhengzhou") is False
