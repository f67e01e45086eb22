"""Several applicants in one message, each estimated on its own: every applicant whose figures are complete is
estimated (its own caps, its own 500万 total, 第四条第（三）项) with its own 第二条 verdict; one that still lacks a figure
is asked for it by name. Wording of our own, not the case files'."""

import pytest

from actions.estimate import ActionEstimateStart
from bot.answers import eligibility
from bot.estimate import applicants
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from tests.test_actions import run, texts, tracker


def parts(text: str) -> dict:
    return dict(applicants.split(normalize(text)))


class TestApplicantsNamed:
    @pytest.mark.parametrize(
        "text, names",
        [
            ("子公司一：离岸130万美元 汇率7；子公司二：CCRC认证费4万。各能拿多少", ["子公司一", "子公司二"]),
            ("A厂和B厂分别算：A厂离岸执行额180万美元 汇率7.1；B厂ITSS认证费9万", ["a厂", "b厂"]),
            (
                "Two subsidiaries, separately: Company A offshore 1.2 million USD, rate 7.0; Company B booth fee "
                "50,000 yuan at an overseas fair. How much each?",
                ["company a", "company b"],
            ),
            (
                "母公司和分公司分别问：母公司在郑州注册，今年在岸3000万，去年2500万；分公司在郑州纳税，ITSS认证费8万。各多少",
                ["母公司", "分公司"],
            ),
        ],
    )
    def test_named_applicants(self, text, names):
        assert names == list(parts(text))

    def test_a_head_office_only_said_as_where_the_branch_belongs_is_no_applicant(self):
        """「总部在北京，分公司…」: the head office has no figure of its own: one applicant, nothing split."""
        assert {} == parts("总部在北京，分公司在郑州纳税，今年在岸800万 去年600万，分别算下增量和离岸")

    def test_roles_listed_together_in_the_opening_are_no_ones_words(self):
        """「母公司和分公司分别问」 opens the message: 分公司 is not said of the parent, nor 母公司 of the branch."""
        got = parts(
            "母公司和分公司分别问：母公司在郑州注册，今年在岸3000万，去年2500万；分公司在郑州纳税，ITSS认证费8万"
        )
        assert "分公司" not in got["母公司"] and "母公司" not in got["分公司"]
        assert eligibility.facts_from(got["母公司"])["entity_type"] == "legal_person"
        assert eligibility.facts_from(got["分公司"])["entity_type"] == "branch"


class TestSharedWords:
    @pytest.mark.parametrize(
        "text",
        [
            "两个子公司分别算。子公司甲：离岸240万美元。子公司乙：在岸今年900万、去年700万，离岸110万美元。汇率今年7.0。各多少",
            "两家公司各自算：汇率今年按7.0。A公司今年离岸240万美元；B公司今年离岸110万美元，在岸900万，去年在岸700万",
            "A厂今年离岸240万美元；B厂今年离岸110万美元，在岸900万，去年在岸700万。\n中间价今年7.0。两家各能拿多少",
        ],
    )
    def test_a_rate_said_apart_serves_each_applicant_with_dollars(self, text):
        """A year's central parity is the same for every enterprise: a sentence stating only the rate, apart from
        any applicant's figures, serves each applicant that states none."""
        for words in parts(text).values():
            session = EstimateSession.start(words)
            assert session.inputs.get("usd_cny_rate") == 7, words

    @pytest.mark.parametrize(
        "text",
        [
            "两家分别算：A公司离岸150万美元；B公司离岸120万美元，汇率两家都按7.1，各多少",
            "Company A offshore 1.5 million USD; Company B offshore 1.2 million USD, rate 7.1 for both. How much each?",
        ],
    )
    def test_a_rate_said_of_both_serves_both(self, text):
        for words in parts(text).values():
            assert str(EstimateSession.start(words).inputs.get("usd_cny_rate")) == "7.1", words

    def test_a_rate_said_with_one_applicants_figures_is_not_lent_to_another(self):
        """「B公司离岸120万美元，汇率7.1」: the rate is said with B's figures; A's rate is asked, not borrowed."""
        got = parts("两家分别算：A公司离岸150万美元；B公司离岸120万美元，汇率7.1，各多少")
        assert "7.1" not in got["a公司"]

    def test_a_fact_said_of_both_goes_with_each(self):
        got = parts("甲公司今年离岸150万美元 汇率7.1。两家都是郑州注册的独立法人。乙公司ITSS认证费8万。各多少")
        for words in got.values():
            assert eligibility.facts_from(words).get("registered_in_zhengzhou") is True, words

    def test_the_rate_is_not_added_to_an_applicant_without_dollars(self):
        got = parts("两家分别算，汇率今年按7.1：甲公司离岸150万美元；乙公司CCRC认证费4万。各多少")
        assert "7.1" in got["甲公司"] and "7.1" not in got["乙公司"]

    def test_rates_said_of_two_applicants_are_not_shared_with_a_third(self):
        """Rates stand in two places: whose rate serves the third is not clear, so none is added (asked instead)."""
        got = parts(
            "三家分别算：甲公司离岸150万美元。汇率7.1。乙公司离岸130万美元。汇率7.0。丙公司离岸120万美元。各多少"
        )
        assert "汇率" not in got["丙公司"]

    @pytest.mark.parametrize(
        "opening",
        ["我们集团在郑州有两个主体：", "集团下面两家子公司，", "我们有两个单位想问问，"],
    )
    def test_the_count_of_applicants_counts_no_fair(self, opening):
        """「有两个主体」 counts the applicants: the one fair of an applicant is one fair, not two."""
        got = parts(
            opening
            + "甲是郑州注册的公司，ITSS认证费6万；乙是郑州注册的公司，去了商务部门指定的境外展会 展位费6万。各多少"
        )
        session = EstimateSession.start(got["乙"])
        assert session.clarify is None
        assert session.compute()["total_cny"] == 42000.0


class TestRegisteredElsewhereIsNoBranch:
    @pytest.mark.parametrize(
        "text",
        [
            "B公司注册在新乡 郑州这边没有注册任何分支机构 也不在郑州纳税",
            "乙公司是开封注册的，在郑州从未设立过分公司",
            "丙厂在许昌注册 郑州没有开设分支机构 税在许昌交",
        ],
    )
    def test_a_company_registered_elsewhere_with_no_branch_here(self, text):
        """Saying there is no branch in Zhengzhou makes it no branch: the company itself, not set up in Zhengzhou,
        fails 在郑州市行政区域内依法设立."""
        facts = eligibility.facts_from(text)
        assert facts["entity_type"] == "legal_person" and facts["registered_in_zhengzhou"] is False
        assert eligibility.summary(facts, placed=True).startswith(
            "结论：不符合第二条的申报资格，不满足：在郑州市行政区域内依法设立"
        )


async def answer(text: str):
    d, events = await run(ActionEstimateStart(), tracker(text, intent="estimate_award"))
    return texts(d), events


class TestEachApplicantEstimated:
    async def test_each_complete_applicant_is_estimated_with_its_own_total_cap(self):
        """Two subsidiaries: one under the 500万 total, the other over it: each capped on its own, never pooled."""
        out, _ = await answer(
            "两个子公司都是郑州注册的独立法人，分别算：子公司甲：今年离岸150万美元，公共服务平台硬件投入500万。"
            "子公司乙：今年离岸400万美元，公共服务平台投入800万，另一个平台投入900万。汇率今年7.0。两家各多少"
        )
        assert "【子公司甲】" in out and "【子公司乙】" in out
        assert "2,550,000.00元" in out  # 甲: 1,050,000 + 1,500,000
        assert "5,000,000.00元" in out and "第四条第（三）项" in out  # 乙: 2,000,000 + 2,000,000 + 2,000,000 → 500万
        assert "7,550,000" not in out
        assert "结论：" in out  # each its own 第二条 verdict

    @pytest.mark.parametrize(
        "text, named, computed",
        [
            (
                "A厂和B厂分别算一下：A厂郑州注册，离岸执行额180万美元；B厂郑州注册，ITSS认证费10万。两家各能拿多少",
                "A厂",
                "70,000.00元",
            ),
            (
                "子公司一：郑州注册的独立法人，去了商务部门指定的展会，费用5万；子公司二：郑州注册，CCRC认证费4万。各能拿多少",
                "子公司一",
                "28,000.00元",
            ),
            (
                "Two subsidiaries, separately: Company A offshore 1.6 million USD this year; Company B attended an "
                "overseas fair designated by MOFCOM, booth fee 40,000 yuan. How much can each get?",
                "COMPANY A",
                "28,000.00元",
            ),
        ],
    )
    async def test_the_applicant_lacking_a_figure_is_asked_by_name(self, text, named, computed):
        """The complete applicant's amount is given; the other's missing figure (a rate, or whether a fair was at
        home or abroad) is asked naming that applicant, with no amount guessed for it and no refusal of both."""
        out, events = await answer(text)
        assert computed in out
        assert f"{named}的测算还需要" in out
        assert "一次只说一家企业" not in out
        state = next(e["value"] for e in events if e.get("name") == "estimate_state")
        assert state and state["status"] == "collecting"

    async def test_an_applicant_set_up_elsewhere_is_told_so_and_the_other_estimated(self):
        out, _ = await answer(
            "两家分别问：甲公司在高新区注册的独立法人，CMMI认证费20万；乙公司注册在南阳，郑州没有设立任何分支机构，"
            "ITSS认证费8万。各自能补多少"
        )
        assert "140,000.00元" in out
        block = out[out.index("【乙公司】") :]
        assert "不符合" in block and "在郑州市行政区域内依法设立" in block and "分支机构在郑纳税" not in block
        assert "56,000" not in out


class TestVerdictsOnly:
    @pytest.mark.parametrize(
        "text",
        [
            "两家分别问能不能申报：甲公司是郑州注册的独立法人，产权清晰；乙公司注册在洛阳，郑州这边没有任何分支机构。",
            "A公司和B公司各自能不能报：A公司在金水区注册的独立法人；B公司注册地在安阳，郑州没设分公司",
        ],
    )
    async def test_no_figures_each_gets_its_own_verdict_and_no_estimate_talk(self, text):
        out, _ = await answer(text)
        assert "申报资格按每家自己的情况分别判断" in out
        second = out.split("【")[2]
        assert "不符合" in second and "在郑州市行政区域内依法设立" in second
        assert "测算还需要" not in out and "元" not in out


class TestCompanyPlaceIsNoFairPlace:
    @pytest.mark.parametrize(
        "text",
        [
            "我们是郑州注册的独立法人，去了商务部门指定的展会，展位费5万",
            "公司注册在洛阳，税在郑州交，参加了一个指定展会 布展费4万",
            "深圳总部的分公司 在郑州纳税 今年参展一次 特装费3万",
        ],
    )
    def test_where_the_company_is_set_up_does_not_place_the_fair(self, text):
        """Where the company is registered or pays tax says nothing of where the fair was: 境内 or 境外 is asked."""
        session = EstimateSession.start(text)
        assert not session.inputs.get("fairs")
        assert "境内" in session.question() and "境外" in session.question()

    @pytest.mark.parametrize(
        "text, region",
        [
            ("公司在郑州注册 今年去上海参展 展位费5万", "domestic"),
            ("参加了一场在吉隆坡的指定展会 吉隆坡注册费加展位费4万", "overseas"),
        ],
    )
    def test_a_fair_place_said_beside_still_counts(self, text, region):
        session = EstimateSession.start(text)
        assert [f["region"] for f in session.inputs["fairs"]] == [region]
