"""A pre-screening says what it judged 第二条 on (the applicant basis and every condition's answer), keeps facts the
user repeats or corrects, and answers a statement made after its report was saved."""

from bot.prescreen import after_report
from bot.prescreen.session import PrescreenSession, read_in_order
from bot.answers.eligibility import facts_from
from bot.reports.render import render_chat, render_markdown
from bot.reports.verdict import applicant_basis, basis_line, condition_answers

BRANCH_ALL_MET = {
    "entity_type": "branch",
    "pays_tax_in_zhengzhou": True,
    "clear_property_rights": True,
    "lawful_operation": True,
    "lawful_tax": True,
    "sound_finance": True,
    "mofcom_registered": True,
}


def saved_report(inputs, status="符合", items=()):
    return {
        "ref": "YS-20261201-0042",
        "created_at": "2026-12-01T10:00:00",
        "applicant": "enterprise",
        "inputs": dict(inputs),
        "result": {"items": list(items), "total_cny": 0, "notes": []},
        "verdict": {"status": status, "failing": [], "fixes": [], "unknown": []},
    }


class TestApplicantBasis:
    def test_branch_paying_tax_here(self):
        assert "法人企业分支机构，在郑纳税" == applicant_basis(BRANCH_ALL_MET)

    def test_legal_person_set_up_elsewhere(self):
        said = {"entity_type": "legal_person", "registered_in_zhengzhou": False}
        assert "独立法人企业，不在郑州市依法设立" == applicant_basis(said)

    def test_type_not_told(self):
        assert "未说明" == applicant_basis({"lawful_tax": True})

    def test_each_condition_with_its_answer(self):
        said = dict(BRANCH_ALL_MET, sound_finance=False)
        del said["lawful_tax"]
        answers = dict(condition_answers(said))
        assert ("否", "未说明", "是") == (
            answers["财务管理制度健全、财务管理规范"],
            answers["依法纳税"],
            answers["产权清晰"],
        )


class TestReportSaysTheBasis:
    def test_chat_report_names_the_branch_and_each_answer(self):
        chat = render_chat(saved_report(BRANCH_ALL_MET))
        assert "申报主体：法人企业分支机构，在郑纳税" in chat
        assert "产权清晰：是" in chat and "依法纳税：是" in chat

    def test_no_item_chosen_is_not_an_award_of_nought(self):
        chat = render_chat(saved_report(BRANCH_ALL_MET))
        assert "合计：0元" not in chat
        assert "只就第二条申报资格作结论" in chat

    def test_markdown_lists_every_condition(self):
        md = render_markdown(saved_report(BRANCH_ALL_MET))
        assert "- 申报主体类型：法人企业分支机构，在郑纳税" in md
        assert md.count("：是\n") >= 5


class TestVolunteeredAtTheOpening:
    OPENING = "预审下 我们是深圳总公司在郑州的分公司 财务制度健全 已经在商务部服务外包系统注册并且按时填报了 税在郑州交"

    def finished_conditions(self):
        s = PrescreenSession.start(self.OPENING)
        for answer in ("产权清晰", "依法经营 没有违法", "依法纳税"):
            s.handle(answer)
        return s

    def test_only_the_untold_conditions_are_asked(self):
        s = PrescreenSession.start(self.OPENING)
        assert "clear_property_rights" == s.pending

    def test_checklist_states_the_branch_basis(self):
        s = self.finished_conditions()
        assert "items" == s.step
        assert "申报主体：法人企业分支机构，在郑纳税" in s.question()
        assert "结论：符合" in s.question()

    def test_repeating_the_facts_at_the_checklist_is_no_answer_of_none(self):
        s = self.finished_conditions()
        turn = s.handle("没有违法 深圳总公司的郑州分公司，在郑纳税，财务制度健全")
        assert "items" == s.step and not turn.done
        assert "branch" == s.facts["entity_type"]

    def test_a_condition_failed_at_the_checklist_ends_with_it(self):
        s = self.finished_conditions()
        turn = s.handle("哦对了 其实统计系统我们还没注册")
        assert turn.done and ["mofcom_registered"] == s.failing()


class TestCorrections:
    def test_the_later_statement_in_one_message_wins(self):
        said = read_in_order(facts_from, "统计系统已经注册了 哦不对 还没注册")
        assert said["mofcom_registered"] is False
        said = read_in_order(facts_from, "统计系统还没注册 哦不对 上个月已经注册了")
        assert said["mofcom_registered"] is True

    def test_a_correction_of_another_condition_is_no_answer_to_the_question(self):
        s = PrescreenSession.start("我想做个预审 我们是郑州注册的独立法人公司")
        s.handle("产权清晰")
        s.handle("依法经营")
        assert "lawful_tax" == s.pending
        turn = s.handle("不对 产权其实有纠纷")
        assert turn.done and ["clear_property_rights"] == s.failing()

    def test_a_failing_fact_with_the_figures_ends_the_prescreen(self):
        s = PrescreenSession.start("我想做个预审 我们是郑州注册的独立法人公司")
        for answer in ("产权清晰", "依法经营", "依法纳税", "财务规范", "统计系统注册了", "2"):
            s.handle(answer)
        turn = s.handle("今年离岸150万美元 对了我们财务其实不太规范")
        assert turn.done and ["sound_finance"] == s.failing()


class TestAfterTheReport:
    def test_a_fact_the_report_holds_is_said_to_stand(self):
        text = after_report.reply("财务制度健全规范", saved_report(BRANCH_ALL_MET))
        assert "YS-20261201-0042" in text and "一致" in text and "结论不变：符合" in text

    def test_a_fact_contradicting_the_report_names_the_condition(self):
        text = after_report.reply("其实我们财务不规范", saved_report(BRANCH_ALL_MET))
        assert "不同" in text and "不符合" in text and "财务管理" in text

    def test_no_fact_no_reply(self):
        assert after_report.reply("谢谢", saved_report(BRANCH_ALL_MET)) is None
        assert after_report.stated_facts("离岸奖励怎么算") == {}

    def test_basis_line_is_one_line(self):
        assert "\n" not in basis_line(BRANCH_ALL_MET)
