"""A question that carries every figure of an estimate is computed, and each subject's facts stay with it (round 25).
Wording of our own: the amount asked beside its cap, travel told per fair, another entity's facts in a later part,
an English correction 「A, not B」, a request not served before the real question."""

from decimal import Decimal

from actions.policy import ActionAnswerPolicy, estimate_parts, estimate_text
from bot.answers import reasoning
from bot.answers.general import not_served_aside
from bot.answers.router import message_parts
from bot.estimate import other_subject
from bot.estimate.reading import english_to_chinese
from bot.estimate.session import EstimateSession, items_for_inputs
from bot.nlu.normalize import normalize, understand
from knowledge import shapes
from tests.test_actions import run, texts, tracker


class TestAmountBesideItsCap:
    def test_amount_and_cap_asked_together_is_an_estimate_part(self):
        parts = ["与高校签了2年协议 每年来40个实习生 留用了12个大专应届生 能补贴多少钱 封顶是多少"]
        assert estimate_parts(parts) == parts

    def test_the_cap_alone_is_not_an_estimate_part(self):
        assert estimate_parts(["实习生补贴一家企业最多能补多少"]) == []

    async def test_amount_is_computed_and_the_cap_stated(self):
        said = (
            "问一下实习补贴 我们和两所高校都签了4年实训协议 每年接收26名实习生 今年18个应届毕业生 大专以上 "
            "实习半年 社保交满了7个月 一共能补多少 上限多少"
        )
        d, _ = await run(ActionAnswerPolicy(), tracker(said, "ask_subsidy"))
        out = texts(d)
        assert "90,000" in out  # 18 × 5000
        assert "50万" in out


class TestHowComputedWithFigures:
    def test_colloquial_how_is_it_computed_asks_an_amount(self):
        assert shapes.search("asks_amount", "今年在岸600万 增量奖励按啥算")
        assert shapes.search("asks_how_computed", "离岸奖励按啥算")

    def test_new_enterprise_with_its_amount_is_estimated(self):
        said = "公司今年刚在郑州成立 首年在岸执行额500万 增量奖励按啥算 原来那家公司的业绩算不算上年基数"
        parts = message_parts(understand(said))
        assert len(estimate_parts(parts)) == 1
        s = EstimateSession.start(estimate_text(said) or said)
        assert s.inputs.get("new_enterprise") is True
        assert s.inputs.get("onshore_cny") == Decimal("5000000")

    def test_another_company_is_not_this_ones_previous_year(self):
        answer = reasoning.answer("原来那家公司的业绩要不要算进上年基数")
        assert answer is not None and answer.clause == "3.1"
        assert "对比上年度" in answer.text and "不计入" in answer.text and "纯增量" in answer.text


class TestTravelToldPerFair:
    def test_travel_per_fair_is_no_new_fair(self):
        s = EstimateSession.start("今年去了2场境内展会 每场展位费加布展3万 机票酒店另外一场花了8000 能补多少")
        assert s.clarify is None and s.status == "done"
        assert s.inputs["fairs"] == [{"region": "domestic", "cost_cny": Decimal("30000")}] * 2
        assert any("不属于第三条第（五）项" in n for n in s.notes)


class TestAnotherSubjectsFacts:
    def test_words_naming_another_entity(self):
        assert other_subject.names_another("另外我们还有个分校区 没认定")
        assert other_subject.names_another("原来那家公司的业绩算不算")
        assert not other_subject.names_another("我们是已认定的培训机构 培训了20个学员")
        assert not other_subject.names_another("还有个问题想问一下公司注册的事")

    def test_the_estimate_reads_only_its_own_subject(self):
        said = (
            "我们培训学校已经获得市里认定 今年有30个大专学员考核通过 都签了一年以上劳动合同 能拿多少？"
            "另外还有一家合作机构没有认定 它的学员能算吗"
        )
        s = EstimateSession.start(estimate_text(said))
        assert s.inputs.get("institution_recognized") is True
        assert s.inputs.get("institution_trainees") == 30

    async def test_both_subjects_answered(self):
        said = (
            "我们是已获认定的服务外包培训机构 今年培训了12个本科学员 考核全过 都和外包企业签了两年劳动合同 能拿多少？"
            "另外我们还有个分校是单独注册的 没经过认定 那边的学员能不能也算"
        )
        d, _ = await run(ActionAnswerPolicy(), tracker(said, "ask_subsidy"))
        out = texts(d)
        assert "6,000" in out  # 12 × 500
        assert "不符合" in out


class TestEnglishFigures:
    def test_not_before_a_figure_is_the_figure_replaced(self):
        assert "不是" in english_to_chinese(normalize("offshore is really 160万美元, not 150万美元"))
        assert "不是" not in english_to_chinese(normalize("we do not have offshore business"))

    def test_english_correction_replaces_the_old_figure(self):
        running = {"previous_onshore_cny": Decimal("10000000"), "onshore_cny": Decimal("12000000")}
        s = EstimateSession(items=items_for_inputs(running), inputs=dict(running))
        s.last_keys, s.amending = list(running), True
        turn = s.handle(
            "oops — this year's onshore is actually 1,300万, not 1,200万. recalculate please", "correct_value"
        )
        assert turn.understood and s.inputs["onshore_cny"] == Decimal("13000000")

    def test_new_copyrights_in_both_years_is_two_years(self):
        s = EstimateSession.start(
            "onshore was 800万 last year and 1,000万 this year. we got new 软件著作权 both this year and last year, "
            "how much in total?"
        )
        assert s.inputs.get("innovation_patents_two_years") is True


class TestRequestBeforeTheQuestion:
    def test_a_request_first_then_a_new_point(self):
        found = not_served_aside(understand("你说下周股市会不会涨 另外我们平台买设备花了300万 补贴多少"))
        assert found is not None
        decline, rest = found
        assert decline.text.startswith("抱歉") and "300万" in rest

    def test_a_request_without_a_new_point_is_the_whole_message(self):
        assert not_served_aside(understand("今天股市会不会涨")) is None


class TestStatementsBeforeHowItIsComputed:
    def test_facts_told_before_a_how_question_stay_with_the_estimate(self):
        said = "我们是今年刚注册的新公司 第一年 增量奖励咋算 境内执行额450万 没有离岸 能拿多少 封顶多少"
        s = EstimateSession.start(estimate_text(said) or said)
        assert s.status == "done" and s.clarify is None
        assert s.inputs.get("new_enterprise") is True
        assert s.inputs.get("onshore_cny") == Decimal("4500000")
