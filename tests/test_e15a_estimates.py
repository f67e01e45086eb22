"""Round-15 estimate fixes (e15a): one year's offshore amount told and the other's not asked for, a total of named
awards that is no award of its own, two-digit years before R&D amounts, the 三（三） base shown as a sum, and no
hypothetical figure in a read-back. New wording, not the case files'."""

from decimal import Decimal

from bot.estimate import stated_awards
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from bot.understand import facts
from calculator import calculate


def _items(result) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in result["items"]}


class TestOtherYearsOffshore:
    def test_last_years_offshore_is_asked_not_taken_as_zero(self):
        """This year's offshore told, last year's not: the question names last year's offshore amount."""
        s = EstimateSession.start("今年在岸3000万 离岸150万美元 汇率7.1 去年在岸2800万 增量奖励多少")
        assert "collecting" == s.status
        assert "previous_offshore_usd" == s.pending
        assert "上一年度的离岸" in s.question()

    def test_none_answers_last_years_offshore_only(self):
        """「没有」 to that question: last year's offshore is 0, this year's stays."""
        s = EstimateSession.start("今年在岸3000万 离岸150万美元 汇率7.1 去年在岸2800万 增量奖励多少")
        s.handle("没有")
        assert Decimal(0) == s.inputs["previous_offshore_usd"]
        assert Decimal("1500000") == s.inputs["offshore_usd"]
        assert Decimal("28000000") == s.inputs["previous_onshore_cny"]
        assert "done" == s.status

    def test_last_years_offshore_given_enters_the_increment(self):
        """(3000万 + 150万×7.1) − (2800万 + 100万×7) = 565万 × 3% = 169,500 (not 3000万 + 1065万 − 2800万)."""
        s = EstimateSession.start("今年在岸3000万 离岸150万美元 汇率7.1 去年在岸2800万 增量奖励多少")
        s.handle("去年离岸100万美元 汇率7")
        assert "done" == s.status
        assert Decimal("169500") == _items(s.compute())["3.1"]

    def test_this_years_offshore_asked_when_only_last_years_told(self):
        s = EstimateSession.start("去年离岸60万美元 汇率6.9 今年在岸2500万 去年在岸2000万 增量奖励多少")
        assert "offshore_usd" == s.pending

    def test_both_years_onshore_only_asks_nothing_more(self):
        s = EstimateSession.start("今年在岸3000万 去年在岸2800万 没有离岸 不是新企业 增量奖励多少")
        assert "done" == s.status


class TestTotalOfNamedAwards:
    def test_total_after_joined_names_is_no_award(self):
        """「增量奖励和离岸奖励合计90万 增量50万 离岸40万」: 50万 and 40万 are the awards, 90万 their sum."""
        stated = stated_awards.read(normalize("增量奖励和离岸奖励合计90万 增量50万 离岸40万"))
        assert {"3.1": Decimal("500000"), "3.2": Decimal("400000")} == {s.code: s.value for s in stated}

    def test_parts_read_as_awards_in_the_estimate(self):
        s = EstimateSession.start("增量奖励和离岸奖励合计90万 增量50万 离岸40万", topic="3.3")
        assert Decimal("500000") == s.inputs["_award_3.1"]
        assert Decimal("400000") == s.inputs["_award_3.2"]
        assert ["3.3"] == s.items

    def test_stated_base_after_innovation_talk(self):
        assert stated_awards.innovation_base(normalize("增量奖励和离岸奖励合计90万 增量50万 离岸40万"))
        assert not stated_awards.innovation_base(normalize("增量奖励50万 离岸奖励40万 加起来能拿多少"))

    def test_innovation_is_fifteen_percent_of_the_parts(self):
        known = facts.to_json(facts.read_facts_cached("研发投入20年100w 21年130w 22年150w 年年都涨"))
        s = EstimateSession.start("增量奖励和离岸奖励合计90万 增量50万 离岸40万", topic="3.3", known=known)
        assert "done" == s.status
        assert Decimal("135000") == _items(s.compute())["3.3"]


class TestShortYears:
    def test_two_digit_years_before_amounts_are_years(self):
        assert facts.read_facts_cached("研发投入20年100w 21年130w 22年150w 年年都涨").get(
            "innovation_rd_growth_two_years"
        )

    def test_a_fall_is_no_growth(self):
        assert (
            facts.read_facts_cached("研发费用20年100w 21年130w 22年120w").get("innovation_rd_growth_two_years") is False
        )

    def test_durations_are_not_years(self):
        """「入驻3年」 is no year of an R&D series."""
        assert "innovation_rd_growth_two_years" not in facts.read_facts_cached("研发投入3年100w")


class TestReadBack:
    def test_innovation_base_is_shown_as_a_sum(self):
        result = calculate(
            {"onshore_cny": 0, "offshore_usd": 1500000, "usd_cny_rate": 7, "innovation_patents_two_years": True}
        )
        text = next(i["explanation"] for i in result["items"] if i["code"] == "3.3")
        assert "= 1,050,000.00元；1,050,000.00元 × 15% = 157,500.00元" in text

    def test_rent_over_the_area_has_no_unlimited_figure(self):
        result = calculate(
            {
                "rent_years_in_park": 3,
                "rent_contract_amount_cny": 10000000,
                "rent_annual_cny": 500000,
                "rent_area_m2": 2000,
            }
        )
        item = next(i for i in result["items"] if i["code"] == "3.8.3")
        assert Decimal("75000") == Decimal(str(item["amount_cny"]))
        assert "150,000.00" not in item["explanation"]
        assert "× 1000 ÷ 2000 = 75,000.00元" in item["explanation"]


class TestRespectiveYears:
    def test_years_listed_then_figures_respectively(self):
        """「21年和22年分别是600万和700万」: the first figure is the earlier year's."""
        s = EstimateSession.start("21年和22年分别是600万和700万 都是境内的 没有离岸 不是新企业 增量奖励多少")
        assert Decimal("6000000") == s.inputs["previous_onshore_cny"]
        assert Decimal("7000000") == s.inputs["onshore_cny"]
        assert Decimal("30000") == _items(s.compute())["3.1"]

    def test_order_word_names_last_years(self):
        """「两年分别是…后一个是去年的」: the second figure is last year's."""
        s = EstimateSession.start("境内两年分别是700万和600万 后一个是去年的 没有离岸 不是新企业 增量多少")
        assert Decimal("6000000") == s.inputs["previous_onshore_cny"]
        assert Decimal("7000000") == s.inputs["onshore_cny"]

    def test_without_an_order_nothing_is_paired(self):
        s = EstimateSession.start("境内两年分别是700万和600万 增量多少")
        assert "previous_onshore_cny" not in s.inputs

    def test_correction_keeps_the_kind_said(self):
        s = EstimateSession.start("境内两年分别是600万和700万 前一个是去年的 没有离岸 不是新企业 增量多少")
        s.handle("不对 去年是650万 今年700万", intent="correct_value")
        assert not s.clarify
        assert Decimal("6500000") == s.inputs["previous_onshore_cny"]


class TestOtherWordings:
    def test_lower_case_million_with_dollars(self):
        """「1.2M USD」 arrives lower-cased: 1,200,000 dollars; 「两年都是」 gives both years' onshore."""
        s = EstimateSession.start(
            "offshore今年1.2M USD 中间价7.1 去年0.5M 中间价7.0 境内两年都是1,000万 老企业 increment多少"
        )
        assert Decimal("1200000") == s.inputs["offshore_usd"]
        assert Decimal("500000") == s.inputs["previous_offshore_usd"]
        assert Decimal("10000000") == s.inputs["previous_onshore_cny"]

    def test_an_area_in_metres_is_no_million(self):
        from bot.estimate.reading import english_to_chinese

        assert "1600m2" in english_to_chinese("离岸100万美元 租了1600m2 offshore")

    def test_none_last_year_after_an_offshore_figure(self):
        s = EstimateSession.start("在岸去年3000万今年3500万，今年离岸120万美元（汇率7.0，去年无），增量多少")
        assert Decimal(0) == s.inputs["previous_offshore_usd"]
        assert "done" == s.status

    def test_all_told_answers_the_offshore_question_with_a_note(self):
        s = EstimateSession.start("今年在岸3000万 离岸150万美元 汇率7.1 去年在岸2800万 增量奖励多少")
        s.handle("就这些")
        assert Decimal(0) == s.inputs["previous_offshore_usd"]
        assert any("按没有（0）计算" in n for n in s.notes)

    def test_set_up_before_the_policy_is_no_new_enterprise(self):
        from bot.estimate.understand import read

        assert read("不是 公司2015年就有了", "business_previous", ["3.1"], {}).fields["new_enterprise"] is False


class TestInstitutionPerHead:
    def test_per_head_support_of_an_institution_names_the_trainee_conditions(self):
        s = EstimateSession.start("我们机构今年培训了40个人 按人头给的支持有多少")
        assert ["3.7.2"] == s.items
        q = s.question()
        assert "大专以上学历" in q and "劳动合同" in q and "40人" in q
