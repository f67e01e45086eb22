"""Round 40 classes (hq4): each of several applicants gets a verdict, one whose form is no enterprise of 第二条
(个体户、事业单位、合伙) or an office (办事处、代表处) of a company set up and taxed elsewhere included, with why;
whether business left unfiled may still be filed late (第二条 及时填报, 第四条第（一）项's 实施细则); and 政府购买服务
(三（七）1) in users' words (政府买单). Wording of our own, not the case files'."""

import pytest

from actions.estimate import ActionEstimateStart
from bot.answers import eligibility
from bot.nlu.normalize import normalize, understand
from knowledge import query
from tests.test_actions import run, texts, tracker


def facts(text: str) -> dict:
    return eligibility.facts_from(understand(text))


async def answer(text: str) -> str:
    d, _ = await run(ActionEstimateStart(), tracker(text, intent="estimate_award"))
    return texts(d)


class TestOfficeOfACompanyElsewhere:
    @pytest.mark.parametrize(
        "text",
        [
            "我们是深圳公司在郑州的办事处 没有分公司执照 税在深圳交",
            "我们是北京一家软件企业驻郑代表处 没有营业执照",
            "杭州集团在郑州的联络处 税回杭州总部交",
            "我们是上海公司在郑东的办事处",
            "我们只是个办事处 税在武汉交",
        ],
    )
    def test_the_company_itself_is_set_up_elsewhere(self, text):
        read = facts(text)
        assert read.get("registered_in_zhengzhou") is False
        assert eligibility.verdict(read)["status"] == "not_eligible"

    def test_why_names_the_branch_paying_tax_here(self):
        read = facts("我们是深圳公司在郑州的办事处 税在深圳交")
        why = eligibility.explain("我们是深圳公司在郑州的办事处 税在深圳交", read)
        assert "在郑纳税" in why and "法人" in why

    @pytest.mark.parametrize(
        "text, expected",
        [
            # an office paying tax in Zhengzhou is read as the branch that does (unchanged)
            ("我们是深圳公司在郑州的办事处 税在郑州交", {"entity_type": "branch", "pays_tax_in_zhengzhou": True}),
            ("总部在郑州 我们是它在上海的办事处", {"entity_type": "legal_person", "registered_in_zhengzhou": True}),
        ],
    )
    def test_negatives_unchanged(self, text, expected):
        read = facts(text)
        assert {k: read.get(k) for k in expected} == expected

    def test_a_plain_company_with_an_office_is_not_moved(self):
        read = facts("我们是郑州高新区注册的独立法人 在北京有个办事处")
        assert read["entity_type"] == "legal_person" and read["registered_in_zhengzhou"] is True


class TestNoEnterpriseFormAlone:
    @pytest.mark.parametrize(
        "form", [{"entity_type": "other"}, {"entity_type": "other", "clear_property_rights": True}]
    )
    def test_placed_summary_refuses_a_form_that_is_no_enterprise(self, form):
        assert eligibility.summary(form, placed=True, form_alone=True).startswith("结论：不符合")

    def test_without_form_alone_a_lone_form_stays_silent(self):
        """Elsewhere (the line under a multi-part answer) a lone form word, which may be misread, says nothing."""
        assert eligibility.summary({"entity_type": "other"}) == ""
        assert eligibility.summary({"entity_type": "other"}, placed=True) == ""

    def test_a_lone_legal_person_is_no_verdict(self):
        assert eligibility.summary({"entity_type": "legal_person"}, placed=True, form_alone=True) == ""


class TestEveryApplicantGetsAVerdict:
    @pytest.mark.parametrize(
        "text, refused, word",
        [
            (
                "帮三家问下：A公司郑州金水区注册的独立法人；B是个体工商户做翻译的；C是广州公司驻郑州代表处 税在广州交。"
                "各自能不能申报",
                ["【B】", "【C】"],
                "个体",
            ),
            (
                "两家分别问能不能报：甲公司是郑州注册的有限公司；乙是一家事业单位 做数据服务",
                ["【乙】"],
                "事业单位",
            ),
            (
                "两家各自能不能报：甲是郑东新区的独立法人；乙是有限合伙企业",
                ["【乙】"],
                "",
            ),
        ],
    )
    async def test_each_named_applicant_has_its_block(self, text, refused, word):
        out = await answer(text)
        for label in refused:
            assert label in out
            block = out[out.index(label) :].split("【")[1]
            assert "不符合" in block
        if word:
            assert word in out or "个人和个体工商户" in out

    async def test_an_applicant_said_too_little_of_still_gets_a_line(self):
        out = await answer("两家分别问能不能申报：甲公司是郑州注册的独立法人，产权清晰；乙公司做软件的")
        assert "【乙公司】" in out
        assert "还不能" in out.split("【乙公司】")[1]


class TestLateFiling:
    @pytest.mark.parametrize(
        "text",
        [
            "系统注册了 去年的合同一直没录 现在补录还行吗",
            "统计系统有账号 但今年的执行额一直没填 补填还来得及吗",
            "合同一直没往系统里报 能不能补报",
            "Registered in the system but never filed our contracts, can we still file late?",
        ],
    )
    def test_late_filing_names_timely_filing_and_the_rules(self, text):
        t = understand(text)
        line = eligibility.explain(t, eligibility.facts_from(t))
        assert "及时填报" in line and "实施细则" in line and "市商务局" in line

    @pytest.mark.parametrize(
        "text",
        [
            "系统注册了 一直按时填报",
            "我们在统计系统里注册了 也及时填报了 能申报吗",
            "补贴什么时候能到账",
        ],
    )
    def test_no_late_filing_line_without_the_question(self, text):
        t = understand(text)
        assert "补填（补报）" not in eligibility.explain(t, eligibility.facts_from(t))


class TestGovernmentPurchase:
    @pytest.mark.parametrize(
        "text",
        [
            "政策里说政府买单那个是怎么回事",
            "政府买服务那条 培训机构能拿多少",
            "政府花钱买培训那个 怎么弄",
            "我们做服务贸易培训的 政府出钱+培训那块有没有标准",
        ],
    )
    def test_the_purchase_clause_leads(self, text):
        hits = [h for h in query.search(normalize(text)) if h["kind"] == "clause"]
        assert hits and hits[0]["key"] == "3.7.1"

    @pytest.mark.parametrize(
        "text, code",
        [
            ("培训机构每培训一名学员补多少", "3.7.2"),
            ("员工去参加项目经理培训 培训费能补多少", "3.7.3"),
        ],
    )
    def test_other_training_clauses_unchanged(self, text, code):
        hits = [h for h in query.search(normalize(text)) if h["kind"] == "clause"]
        assert hits[0]["key"] == code
