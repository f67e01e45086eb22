"""Statements about another company than the applicant (「上海的兄弟公司去年做了3000多万，跟我们不是一个法人」): left out
of the message the readers read, named in a note; questions about it and several applicants are left as they are
(bot/understand/other_company.py, estimate_words.yml other_company)."""

import pytest

from bot.understand.facts import message_facts
from bot.understand.other_company import note, without_other_company

E025 = (
    "我们是2022年3月在郑州新注册的独立法人，2022年是第一年有业务，系统里填的在岸执行额1860万、离岸45万美元。"
    "增量奖励能拿多少？离岸那个10%能不能拿？上海的兄弟公司去年做了3000多万，跟我们不是一个法人"
)


class TestWithoutOtherCompany:
    @pytest.mark.parametrize(
        "text, kept",
        [
            (E025, "增量奖励能拿多少？离岸那个10%能不能拿？"),
            (
                "我们集团另一家公司今年离岸500万美元，不在郑州。我们今年在岸2000万 离岸50万美元 汇率7.1 能拿多少",
                "我们今年在岸2000万 离岸50万美元 汇率7.1 能拿多少",
            ),
            (
                "母公司在北京，执行额2亿，我们今年在岸3000万，去年2500万，增量奖多少",
                "我们今年在岸3000万，去年2500万，增量奖多少",
            ),
            ("另外北京那家关联公司今年离岸300万美元，我们离岸80万美元 能拿离岸奖吗", "我们离岸80万美元 能拿离岸奖吗"),
        ],
    )
    def test_the_other_companys_statement_is_left_out(self, text, kept):
        """The statement goes, up to the sentence's end or a clause about the applicant again."""
        out = without_other_company(text)
        assert out.endswith(kept)
        assert "兄弟公司" not in out and "另一家" not in out and "母公司" not in out and "关联公司" not in out

    @pytest.mark.parametrize(
        "text",
        [
            "我们是集团的子公司，今年在岸3000万",  # the applicant described
            "我们给别的公司做外包，今年在岸2000万",  # a customer, not the subject
            "兄弟公司的业绩能不能算进来",  # a question about it
            "集团在郑州有两家子公司都是独立法人，A公司去年离岸执行额正好100万美元整，B公司是100.8万美元，两家分别多少",
            "另一家老子公司：去年境内2000万 今年2600万 都是境内。增量奖励多少",  # a heading: the company asked about
            "我们是校企孵化公司 母公司在北京 去年在郑州注册了全资子公司 想问是子公司报还是北京母公司报",  # which body
            "我们集团 母公司在郑州 独立法人 子公司在洛阳 又在郑州设了一个分公司 哪几个主体能报",  # a group's bodies
            "兄弟公司去年做了3000万，今年在岸2000万 增量多少",  # the applicant not spoken of apart from it
        ],
    )
    def test_other_messages_are_left_whole(self, text):
        """Nothing is taken out."""
        assert text == without_other_company(text)

    def test_note_names_it(self):
        """The note quotes the statement and says it is another legal body's."""
        said = note(E025)
        assert "上海的兄弟公司去年做了3000多万" in said and "法人" in said


class TestFacts:
    def test_other_companys_legal_status_is_not_the_applicants(self):
        """「跟我们不是一个法人」 about the sister company says nothing against the applicant's 第二条 status."""
        assert "legal_person" == message_facts(E025).get("entity_type")

    @pytest.mark.parametrize(
        "text",
        [
            "上海的兄弟公司去年做了3000多万，跟我们不是一个法人。我们今年在岸2000万",
            "我们集团另一家公司不是独立法人，是个事业部。我们今年在岸2000万",
        ],
    )
    def test_no_fact_of_the_other_company_is_read(self, text):
        """Its 法人 words are not read as the applicant's entity type."""
        assert "other" != message_facts(text).get("entity_type")
