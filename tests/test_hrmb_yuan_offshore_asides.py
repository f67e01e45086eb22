"""Offshore business told in yuan (「美元签的 折成人民币是…」), and a request not served beside figures or a question
in the same message (round 27). Wording of our own."""

import re
from decimal import Decimal

import pytest

from actions.forms import figures_beside_declined
from actions.policy import ActionHumanContact
from bot.answers.general import not_served_aside
from bot.answers.router import answer_part, compose
from bot.estimate.session import EstimateSession
from bot.estimate.understand import Reader
from bot.nlu.normalize import understand
from knowledge import shapes
from tests.test_actions import run, texts, tracker


def _items(session) -> dict:
    result = session.compute()
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in result["items"]}, Decimal(str(result["total_cny"]))


class TestOffshoreToldInYuan:
    def test_yuan_words_before_the_figure_make_it_yuan(self):
        """「合同用美元结算 换算成人民币大约1080万」: the currency beside the figure is its own, not the contract's."""
        reader = Reader("今年离岸合同用美元结算 换算成人民币大约1080万 汇率7.2")
        money = [f for f in reader.figs if f.kind == "money"]
        assert [f.currency for f in money] == ["CNY"]

    def test_offshore_in_yuan_with_the_rate_is_converted(self):
        """1080万元 ÷ 7.2 = 150万美元 > 100万美元: 三（二） is 10% of the yuan figure."""
        s = EstimateSession.start("今年离岸合同用美元结算 换算成人民币大约1080万 汇率7.2 离岸奖励能拿多少")
        assert s.status == "done" and s.clarify is None
        assert s.inputs["offshore_usd"] == Decimal("1500000")
        items, total = _items(s)
        assert items["3.2"] == Decimal("1080000") and total == Decimal("1080000")
        assert any("1080万元 ÷ 7.2" in n and "150万美元" in n for n in s.notes)

    def test_yuan_below_the_threshold_after_conversion(self):
        """690万元 at 7.0 is 98.57万美元: not over 100万美元, whatever the yuan figure looks like."""
        s = EstimateSession.start("离岸这块以人民币计690万 今年汇率7.0 离岸奖励有吗")
        assert s.status == "done"
        items, _ = _items(s)
        assert items["3.2"] == 0

    def test_increment_adds_onshore_and_offshore_parts_given_apart(self):
        """This year = 在岸200万 + 离岸1080万元 = 1280万; last year only onshore 950万: increment 330万 × 3%."""
        said = (
            "离岸业务是美元签的合同 今年折合人民币1080万 当年汇率7.2 离岸奖励多少 "
            "增量也算一下 上一年只有在岸950万 今年在岸还有200万"
        )
        s = EstimateSession.start(said)
        assert s.status == "done" and s.clarify is None
        items, total = _items(s)
        assert items["3.1"] == Decimal("99000") and items["3.2"] == Decimal("1080000")
        assert total == Decimal("1179000")

    def test_both_years_in_yuan_each_at_its_own_rate(self):
        """Last year 630万元 (counted in yuan as said: only 三（一） needs it), this year 1136万元 at 7.1 (160万美元)."""
        s = EstimateSession.start(
            "离岸这两年都按人民币说 去年折合人民币630万 今年折合人民币1136万 去年汇率7.0 今年汇率7.1 在岸两年都没有 "
            "增量奖励多少"
        )
        assert s.status == "done"
        assert s.inputs["previous_offshore_cny"] == Decimal("6300000")
        assert s.inputs["offshore_usd"] == Decimal("1600000")
        items, _ = _items(s)
        assert items["3.1"] == Decimal("151800")  # (1136万 − 630万) × 3%

    def test_yuan_without_a_rate_is_asked_not_guessed(self):
        s = EstimateSession.start("今年离岸是美元合同 按人民币算是860万 离岸奖励多少")
        assert s.status != "done"
        assert "860万元折合多少美元" in s.question() and "汇率" in s.question()

    def test_a_dollar_amount_restated_in_yuan_is_not_counted_twice(self):
        """「离岸160万美元 折合人民币是1136万」: the yuan figure is the same amount converted."""
        s = EstimateSession.start("今年离岸160万美元 折合人民币是1136万 汇率7.1 离岸奖励多少")
        assert s.inputs["offshore_usd"] == Decimal("1600000")
        items, _ = _items(s)
        assert items["3.2"] == Decimal("1136000")

    @pytest.mark.parametrize("before", ["人民币汇率", "美元合同签的"])
    def test_rate_words_do_not_make_a_figure_yuan(self, before):
        assert not shapes.search("yuan_named_before", before)


class TestRequestNotServedBesideTheRest:
    def test_a_request_over_several_clauses_is_one_point(self):
        """「对了 商务局办公地点在哪 邮箱是多少 还有…」: the request's clauses go, the new point stays."""
        found = not_served_aside(understand("对了 商务局办公地点在哪 邮箱是多少 还有一个迪拜的展 特装费6万 加上多少"))
        assert found is not None
        decline, rest = found
        assert decline.text.startswith("抱歉")
        assert "6万" in rest and "邮箱" not in rest and "办公地点" not in rest

    def test_a_request_alone_is_no_aside(self):
        assert not_served_aside(understand("对了 商务局办公地点在哪 邮箱是多少")) is None

    def test_figures_beside_a_status_request_in_a_form(self):
        """In the middle of an estimate: 「汇率7.05 另外我们那笔奖励批下来没」 declines and keeps 7.05."""
        found = figures_beside_declined("汇率7.05 另外我们去年申报的那笔奖励批下来没")
        assert found is not None
        assert found[0].startswith("抱歉") and "我能做的是" not in found[0]
        assert "7.05" in found[1] and "批下来" not in found[1]

    def test_a_question_beside_a_request_is_left_to_the_answer(self):
        assert figures_beside_declined("离岸奖励上限多少 另外你们官网是哪个") is None

    def test_another_policy_asked_in_a_part_of_its_own_is_declined(self):
        """「…另外问下专精特新企业有什么奖励」 after an estimate question: that part's subject is another policy."""
        part = answer_part(None, "另外问下高新技术企业认定有什么奖励")
        assert part.text.startswith("抱歉") and "高新技术企业" in part.text

    def test_declined_part_not_noted_twice(self):
        text = compose(None, "离岸奖励最高多少 另外高新技术企业认定有什么奖励").text
        assert "200万" in text
        assert text.count("高新技术企业的认定和奖励") == 2  # the one decline names it twice, no aside note after it

    async def test_contact_request_beside_a_fair_added_to_the_running_estimate(self):
        """human_contact taken for the whole message: the request declined, then the fair added to the estimate."""
        running = {"fairs": [{"region": "domestic", "cost_cny": "25000"}]}
        said = "顺带问一下商务局在哪办公 电话是多少 另外还参加了迪拜的展会 特装费6万 一起算多少"
        d, _ = await run(ActionHumanContact(), tracker(said, "human_contact", {"estimate_inputs": running}))
        out = texts(d)
        assert out.startswith("抱歉") and "电话" in out
        assert not re.search(r"\d{3,4}-?\d{7,8}|0371", out)  # no invented number
        assert "59,500.00元" in out  # 2.5万 × 70% + 6万 × 70%

    async def test_contact_request_alone_still_points_to_the_sponsor(self):
        d, _ = await run(ActionHumanContact(), tracker("商务局电话多少", "human_contact"))
        assert "市商务局" in texts(d) and "无法转接人工" in texts(d)


class TestFigureAskedAbout:
    @pytest.mark.parametrize("said", ["离岸业务到不到120万美元", "境外这块超没超过100万美元", "在园区里满不满3年"])
    def test_a_not_a_before_a_figure_states_nothing(self, said):
        """「够不够/超没超过 X」 asks about X: no fact is read from it (the verdict is not 不符合)."""
        from bot.understand.facts import read_facts_cached

        facts = read_facts_cached(said)
        assert "offshore_usd" not in facts and "rent_years_in_park" not in facts

    def test_a_stated_shortfall_is_still_read(self):
        from bot.understand.facts import read_facts_cached

        assert read_facts_cached("离岸业务不够100万美元")["offshore_usd"].hi == Decimal("1000000")
