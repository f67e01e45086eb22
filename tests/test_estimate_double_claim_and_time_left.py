"""Two things an estimate says beside its figures (round 39): a double claim asked in the estimate's own words
(「另一个政策已经补过这笔钱了 还能再报吗 …能补多少」) gets 第四条第（三）项's rule (不得重复申报，由申报企业自行选择) under
the amount, never merged away; an item failed only by time still to run (入园运营8个月 against 一年以上) says the
shortfall in whole months and what the policy gives on the user's figures once it has run (10—30万元 each)."""

from decimal import Decimal

import pytest

from bot.estimate.session import EstimateSession
from knowledge import conditions
from bot.nlu.normalize import normalize


def session(text, known=None):
    return EstimateSession.start(normalize(text), known=known)


def rule_notes(s):
    return [n for n in s.notes if "不得重复申报" in n]


class TestDoubleClaimBesideAnEstimate:
    @pytest.mark.parametrize(
        "text, amount",
        [
            (
                "ITSS新认证花了10万，市科技局的专项已经补贴过这笔了，还能再按服务外包政策报一次吗，选这边的话补多少",
                "70000",
            ),
            ("今年首次认定技术先进型服务企业，另一个政策已经奖励过了，还能在这边再领一遍吗 能拿多少", "100000"),
            ("PCMM认证费用20万，同一笔费用能不能两边都报，这边能补多少", "140000"),
        ],
    )
    def test_amount_and_rule(self, text, amount):
        s = session(text)
        result = s.compute()
        assert Decimal(str(result["total_cny"])) == Decimal(amount)
        notes = rule_notes(s)
        assert len(notes) == 1 and "自行选择" in notes[0] and "第四条第（三）项" in notes[0], s.notes

    def test_no_rule_without_a_double_claim(self):
        assert rule_notes(session("CMMI5新认证费40万，能补多少")) == []
        assert rule_notes(session("CMMI5新认证费40万，以前没在其他政策里申报过，能补多少")) == []

    def test_a_fair_left_out_quotes_the_rule_once(self):
        s = session(
            "参加了两场商务局指定的展会，境外迪拜一场10万，国内上海一场3万，上海那场别的政策已经补过了，能补多少"
        )
        assert len(rule_notes(s)) == 1


class TestTimeStillToRun:
    def test_shortfall_of_a_year_in_months(self):
        leaf = next(x for x in conditions.leaves("3.8.2a") if x["fact"] == "top_operating_years")
        assert conditions.shortfall(leaf, {"top_operating_years": Decimal(7) / Decimal(12)}) == "5个月"
        assert conditions.shortfall(leaf, {"top_operating_years": Decimal("0.5")}) == "6个月"

    def test_park_top_enterprise_running_months_gives_the_range_once_met(self):
        known = {"applicant_type": "park_operator", "park_enterprise_operated": True, "park_level": "省级"}
        s = session("我们园区去年引进了一家世界500强，入园运营才半年，引进奖励能给多少", known)
        explanation = next(i["explanation"] for i in s.compute()["items"] if i["code"] == "3.8.2a")
        assert "还差6个月" in explanation and "10—30万元" in explanation, explanation
        assert "0.5000" not in explanation

    def test_a_failure_no_time_cures_gives_no_standard(self):
        s = session("培训机构今年培训了20个中专学历学员，都考核通过签了1年劳动合同，定额培训补贴多少")
        explanation = " ".join(i["explanation"] for i in s.compute()["items"])
        assert "待满足这一条件后" not in explanation
