"""Pre-screening and who the applicant is (round 18, h18e).

第二条 applies in full to every applicant that is an enterprise: a 园区管理和运营企业, and a 培训机构 that says it is an
有限公司 / 独立法人. An unmet condition then gives 不符合 naming it; only a training institution that has not said it
is an enterprise keeps the conditions of conditions.yml `open_unless_enterprise` 待确认. The applicant kind said in the
opening message is not asked again; 第二条's 符合 is said before the item menu, and the menu ends after one retry.
Companies of a park that its operator asks about are the applicants of their own clauses."""

import pytest

from calculator import calculate

from bot.estimate.corrections import for_another_enterprise
from bot.estimate.session import EstimateSession, calculator_inputs
from bot.nlu.normalize import normalize
from bot.prescreen.session import PrescreenSession
from bot.reports import verdict_from
from knowledge import conditions

SYSTEM = "在商务部“服务外包业务管理和统计系统”中注册并及时填报"


def run(first, answers):
    """The session after the opening and each answer (stops when it is done), reloaded between turns as the slot is."""
    s = PrescreenSession.start(first)
    for a in answers:
        if s.step in ("done", "cancelled"):
            break
        s = PrescreenSession.load(s.dump())
        s.handle(a)
    return s


def verdict(s):
    return verdict_from(calculate(s.calculator_input())["eligibility"], s.applicant)


CONDUCT_MET = ["产权清晰", "依法经营", "依法纳税", "财务制度健全"]


class TestTrainingInstitutionThatIsAnEnterprise:
    @pytest.mark.parametrize(
        "form",
        ["独立法人 是有限公司", "我们是有限责任公司 独立法人", "独立法人企业"],
    )
    def test_system_not_registered_is_not_qualified(self, form):
        """A training school that says it is a company and never registered in the system: 不符合, the system named,
        the pre-screening ends at that answer (no figures asked). 第二条 is one question for a training institution
        (bot/prescreen/other_kinds.py): the conditions come in one reply."""
        s = run(
            "我们是一所服务外包培训学校 想预审一下",
            [f"{form} 注册在郑州高新区 {' '.join(CONDUCT_MET)} 那个系统还没注册过 也不知道要注册"],
        )
        assert "training_institution" == s.applicant
        assert "done" == s.step
        v = verdict(s)
        assert ("不符合", [SYSTEM], []) == (v["status"], v["failing"], v["unknown"])

    def test_all_met_is_qualified(self):
        """The same school with every condition met: 符合, said before the item menu."""
        s = run("我们是培训机构 想做个预审", [])
        turn = s.handle(f"独立法人 郑州注册 {' '.join(CONDUCT_MET)} 统计系统注册了 按时填报")
        assert "figures" == s.step  # the institution's own item (三（七）2) was named: its figures are asked next
        assert turn.messages[0].startswith("第二条项目申报资格：您说的情况满足各项条件（申报主体：独立法人企业，")
        assert turn.messages[0].endswith("结论：符合第二条的申报资格（申报主体：培训机构；最终以市商务局审核为准）。")
        assert "符合" == verdict(s)["status"]

    def test_everything_told_at_once(self):
        """All of 第二条 told in the opening, the item named: 符合 said at once, before the figures are asked."""
        s = PrescreenSession.start(
            "我们是郑州注册的独立法人培训机构 有限公司 产权清晰 依法经营 依法纳税 财务规范 统计系统已注册 想预审"
        )
        assert ("training_institution", "figures") == (s.applicant, s.step)
        assert "结论：符合第二条的申报资格（申报主体：培训机构；" in s.opening_verdicts()

    def test_not_an_enterprise_stays_to_confirm(self):
        """A 民办非企业单位 school that is not registered in the system: 待确认 (never 不符合, never 符合), with the note."""
        s = run("我们是培训学校 民办非企业单位 想预审", [f"{' '.join(CONDUCT_MET)} 系统还没注册"])
        v = verdict(s)
        assert "待确认" == v["status"] and [] == v["failing"]
        assert any(u.startswith("在商务部") and "以市商务局解释为准" in u for u in v["unknown"])


class TestConditionsLeftOpen:
    def test_open_only_until_the_applicant_says_it_is_an_enterprise(self):
        """conditions.yml open_unless_enterprise: the training institution's open facts, none once it is a company."""
        assert {"entity_type", "mofcom_registered"} == set(conditions.left_open("training_institution"))
        assert {"entity_type", "mofcom_registered"} == set(conditions.left_open("培训机构", "other"))
        assert {} == conditions.left_open("training_institution", "legal_person")
        assert {} == conditions.left_open("training_institution", "branch")

    @pytest.mark.parametrize("applicant", ["enterprise", "park_operator", "园区管理和运营企业"])
    def test_nothing_open_for_enterprises(self, applicant):
        assert {} == conditions.left_open(applicant)
        assert {} == conditions.left_open(applicant, None)

    def test_training_company_verdict_from_eligibility(self):
        """verdict_from: entity_type met (not unmet, not missing) → the system registration fails the company."""
        v = verdict_from({"status": "not_eligible", "unmet": ["mofcom_registered"], "missing": []}, "培训机构")
        assert ("不符合", [SYSTEM]) == (v["status"], v["failing"])
        v = verdict_from(
            {"status": "not_eligible", "unmet": ["mofcom_registered"], "missing": ["entity_type"]}, "培训机构"
        )
        assert ("待确认", []) == (v["status"], v["failing"])


class TestParkOperator:
    @pytest.mark.parametrize(
        "opening",
        [
            "我们是园区的运营管理公司 想先做个预审",
            "我们是产业园的运营方 想预审下申报资格",
            "我司负责运营一个软件园 帮我们做个预审吧",
            "我们是园区运营公司 预审一下",
            "我们是软件园的运营公司 想预审",
            "我们是科技园管理公司 帮我预审下资格",
        ],
    )
    def test_opening_says_the_applicant(self, opening):
        """The kind told in the opening is kept: the first question is a 第二条 condition, not the kind."""
        s = PrescreenSession.start(opening)
        assert ("park_operator", "conditions") == (s.applicant, s.step)
        assert "申报主体是哪一类" not in s.question()

    def test_all_met_gives_qualified_before_the_menu(self):
        s = run(
            "我们是园区的运营管理公司 想先做个预审",
            [f"独立法人 郑州航空港区注册的 {' '.join(CONDUCT_MET)} 统计系统已注册 按时填报"],
        )
        assert "items" == s.step
        q = s.question()
        assert "结论：符合第二条的申报资格（申报主体：园区管理和运营企业；" in q and "1. 示范园区认定奖励" in q
        assert "符合" == verdict(s)["status"]

    def test_system_not_registered_is_not_qualified(self):
        """A park operator is an enterprise: not registered in the system → 不符合 at once, the system named (第二条 is
        one question for a park operator, bot/prescreen/other_kinds.py)."""
        s = run("我们是园区运营方 想预审", [f"独立法人 郑州注册 {' '.join(CONDUCT_MET)} 统计系统没有注册"])
        assert "done" == s.step
        v = verdict(s)
        assert ("不符合", [SYSTEM]) == (v["status"], v["failing"])

    def test_asking_for_a_company_in_the_park_makes_it_the_applicant(self):
        s = PrescreenSession.start("我们是园区运营方 帮园区里一家企业做个预审")
        assert "enterprise" == s.applicant


class TestItemMenuEnds:
    def _at_menu(self):
        s = run("我想做个预审", ["企业", "独立法人", "是", *CONDUCT_MET, "是"])
        assert "items" == s.step
        return s

    def test_facts_restated_twice_give_the_report(self):
        s = self._at_menu()
        again = "独立法人 郑州注册 产权清晰 依法经营 依法纳税 财务规范 商务部统计系统已注册"
        s.handle(again)
        assert "items" == s.step  # asked once more
        turn = s.handle(again)
        assert (True, "done", []) == (turn.done, s.step, s.items)
        assert "符合" == verdict(s)["status"]

    def test_unrelated_answers_twice_give_the_report(self):
        s = self._at_menu()
        first = s.handle("嗯嗯 这个我得回去问问老板")
        assert not first.understood and "items" == s.step
        s.handle("还是先看结果吧")
        assert ("done", []) == (s.step, s.items)

    @pytest.mark.parametrize("answer", ["只看资格", "先看结论", "我就想知道能不能申报", "不用测算"])
    def test_only_the_verdict(self, answer):
        """「只看资格」 at the menu: no item, the report on 第二条 at once."""
        s = self._at_menu()
        assert s.handle(answer).done and ("done", []) == (s.step, s.items)

    def test_a_choice_after_one_miss_still_works(self):
        s = self._at_menu()
        s.handle("嗯嗯 这个我得回去问问老板")
        s.handle("5")
        assert ["3.5"] == s.items and "figures" == s.step


class TestSystemAnswers:
    @pytest.mark.parametrize(
        "answer, value",
        [("那个系统还没注册过 不知道要注册", False), ("系统还没注册", False), ("系统注册了 一直按时填", True)],
    )
    def test_the_system_named_by_a_pointer_word(self, answer, value):
        s = run("我想做个预审", ["企业", "独立法人", "是", *CONDUCT_MET])
        assert "mofcom_registered" == s.pending
        s.handle(answer)
        assert value is s.facts["mofcom_registered"]


class TestCompaniesOfThePark:
    @pytest.mark.parametrize(
        "text",
        [
            "我们是园区运营方 园区里两家企业想问租金补贴",
            "园区内的3家公司要申请租金补贴",
            "我们园区有家企业想预审一下",
            "A公司在我们市级重点园区入驻5年",
            "乙公司也在我们软件园",
        ],
    )
    def test_said_for_companies(self, text):
        assert for_another_enterprise(normalize(text))

    @pytest.mark.parametrize(
        "text",
        [
            "我们公司在园区入驻3年",
            "我们园区今年引进了2家世界500强企业",
            "园区内有3家企业是500强",
            "我们公司入驻了我们园区",
        ],
    )
    def test_not_said_for_companies(self, text):
        assert not for_another_enterprise(normalize(text))

    @pytest.mark.parametrize(
        "text",
        [
            "我们是园区运营方 园区里有家企业想问租金补贴 入驻4年 去年执行额800万 租500平 年租金20万 没享受过 能补多少",
            "我们是软件园的运营公司 X公司在我们园区入驻4年了 去年执行额800万 租500平 年租金20万 没享受过租金补贴 能补多少",
        ],
    )
    def test_rent_subsidy_of_a_company_in_the_park(self, text):
        """The park operator asks for its tenant: the rent subsidy is the tenant's, 200,000 × 30% = 60,000 (500 m²)."""
        s = EstimateSession.start(text)
        assert "done" == s.status and ["3.8.3"] == s.items
        assert not s.failed()
        item = calculate(calculator_inputs(s.inputs))["items"][0]
        assert ("3.8.3", 60000.0, True) == (item["code"], item["amount_cny"], item["qualified"])


class TestWhoAsks:
    @pytest.mark.parametrize(
        "opening, applicant",
        [
            ("我们是一家培训公司 想预审", "training_institution"),
            ("我们是做培训的 想预审", "training_institution"),
            ("我们公司给员工做职业技能培训 想预审一下", "enterprise"),
            ("我们是一家软件外包公司 想预审", "enterprise"),
        ],
    )
    def test_applicant_of_the_opening(self, opening, applicant):
        assert applicant == PrescreenSession.start(opening).applicant


class TestWhatCanATrainingCompanyGet:
    def test_company_not_in_the_system_is_told_not_qualified(self):
        """「能申报哪些」 from a training company not registered in the system: 不符合, the system named."""
        from bot.answers.qualify import whatcan_answer
        from bot.understand.facts import read_facts

        text = whatcan_answer(read_facts("我们是培训机构 有限公司 郑州注册 还没在统计系统注册 能申报哪些")).text
        assert text.startswith("结论：按您说的情况，不符合第二条的申报资格（在商务部“服务外包业务管理和统计系统”中注册")

    def test_school_not_an_enterprise_is_not_refused(self):
        from bot.answers.qualify import whatcan_answer
        from bot.understand.facts import read_facts

        text = whatcan_answer(read_facts("我们是培训学校 事业单位 能申报哪些")).text
        assert "不符合第二条" not in text and "三（七）2" in text
