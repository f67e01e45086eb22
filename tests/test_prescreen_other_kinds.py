"""Pre-screening of a 园区管理和运营企业 or a 培训机构 (bot/prescreen/other_kinds.py): one 第二条 question, the kind's items."""

from calculator import calculate

from bot.prescreen.session import PrescreenSession

PARK = (
    "我们是园区运营公司 园区是前年认定的市级服务外包示范园区 想预审下今年能拿啥 我先说下情况 "
    "去年引进了一家IAOP全球外包100强 到现在入园正常运营15个月了"
)


def play(first, answers):
    s = PrescreenSession.start(first)
    asked = [s.question()]
    for a in answers:
        if s.step in ("done", "cancelled"):
            break
        s = PrescreenSession.load(s.dump())
        s.handle(a)
        asked.append(s.question())
    return s, asked


def items(s):
    return {i["code"]: i for i in calculate(s.calculator_input())["items"]}


class TestPark:
    def test_one_second_article_question_then_the_park_items(self):
        """The park's opening is read; 第二条 is one question; the investment told in its answer is used."""
        s, asked = play(
            PARK, ["园区是我们公司统一管理运营的。哦还有，引进的软件和信息服务业项目外商投资一共3500万美元"]
        )
        assert "以上都符合吗" in asked[0] and "企业产权清晰吗" not in "".join(asked)
        assert "done" == s.step
        got = items(s)
        assert not got["3.8.1"]["qualified"]  # recognised 前年: not newly
        assert 100000 == got["3.8.2a"]["amount_cny"] and 300000 == got["3.8.2a"]["amount_cny_max"]
        assert 300000 == got["3.8.2b"]["amount_cny"]

    def test_opening_says_the_recognition_award_fails(self):
        """The opening verdict says 不符合 三（八）1 for a park recognised 前年."""
        s = PrescreenSession.start(PARK)
        assert "不符合第三条第（八）项第1点" in s.opening_verdicts()

    def test_all_met_then_investment_asked_once(self):
        """「都符合」 settles 第二条; the investment not told is asked, a bare dollar answer read."""
        s, asked = play(PARK, ["都符合", "3500万美元"])
        assert "外商投资" in asked[1]
        assert "done" == s.step and 300000 == items(s)["3.8.2b"]["amount_cny"]

    def test_no_top_firm_said_is_not_asked(self):
        """「没有引进500强之类的」 is a count of 0, never asked again."""
        s, asked = play(
            "我们是软件园的运营公司，想做个预审看看能拿啥。园区2021年就认定为市级服务外包示范园区了，"
            "引进的信息服务项目外资3000万美元，没有引进500强之类的",
            ["都符合"],
        )
        assert "done" == s.step and not any("有几家" in q for q in asked)
        assert 300000 == items(s)["3.8.2b"]["amount_cny"] and not items(s)["3.8.2a"]["qualified"]

    def test_unsaid_conditions_left_to_confirm(self):
        """A reply that does not speak of 第二条 leaves its conditions 需确认, never asked again."""
        s, _ = play(PARK, ["引进的软件和信息服务业项目外商投资一共2000万美元"])
        assert "done" == s.step and "clear_property_rights" in s.unsure


class TestTraining:
    def test_company_form_is_no_other_kind(self):
        """「我们是有限公司」 in the answer keeps the training institution (三（七）2 is still its item)."""
        s, asked = play(
            "您好 我们是一家培训学校 想做个自查 看看能申请什么支持 我们去年已经拿到市里服务外包培训机构的认定了 "
            "今年培训了48个大专以上学员 都通过考核 也都和外包企业签了两年劳动合同",
            ["都符合，我们是有限公司"],
        )
        assert "training_institution" == s.applicant and "done" == s.step
        assert 24000 == items(s)["3.7.2"]["amount_cny"]

    def test_enterprise_still_asked_one_by_one(self):
        """An enterprise's pre-screening is unchanged: one condition per question."""
        s, asked = play("我想做个预审 我们是独立法人企业", ["是"])
        assert "企业是在郑州市行政区域内依法设立（注册）的吗？（是/否）" == asked[0]
