"""Interactions of this stop's branches that only the merged replay showed (each was right before the merge)."""

from decimal import Decimal

from bot.estimate import year_chain
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize


def people(text: str) -> int:
    return len(EstimateSession.start(text).inputs.get("senior_training") or [])


class TestSeniorTrainingPartsCountedOnce:
    """R6E032: a part left out by its 学历 was subtracted again by the failing-parts reader (5 − 3 = 2 for 5)."""

    def test_sibling_part_left_out_once(self):
        text = "我们送了8个人参加涉外业务培训 每人学费4万 其中5个是本科学历的项目经理 另外3个是专科的普通开发 中高级人才培训补贴能报多少"
        assert people(text) == 5

    def test_nested_parts_still_subtracted(self):
        text = "派了12个人参加涉外业务培训 每人3万 都是项目经理 其中2个是大专 其他10个本科以上 这10个里面有1个读的是在职EMBA"
        assert people(text) == 9

    def test_no_parts_counts_everyone(self):
        assert people("派了6个本科项目经理参加涉外业务培训 每人3万") == 6


class TestIsoNumberIsNoYuan:
    """R19E053: 「25万 27001今年是监督审核维护费2万」 read ISO 27001 as 27,001元 (a bare number after a 万 figure is
    the list's yuan only when it ends the entry)."""

    def test_standard_number_running_into_words(self):
        certs = EstimateSession.start("CMMI3今年新认证花了25万 27001今年是监督审核维护费2万 等保这次先不算").inputs[
            "certifications"
        ]
        assert [c["cost_cny"] for c in certs] == [Decimal("250000"), Decimal("20000")]

    def test_listed_bare_yuan_still_read(self):
        fairs = EstimateSession.start("指定的境内展会三场 分别是2万 4万 15000 补贴多少").inputs["fairs"]
        assert sorted(f["cost_cny"] for f in fairs) == [Decimal("15000"), Decimal("20000"), Decimal("40000")]


class TestEventYearDatesNoAmount:
    """R6E048: 「技先是前年认定的；…展位费2.4万」 dated the fair 前年 and split the answer into two years."""

    def test_status_year_is_no_business_year(self):
        text = normalize(
            "在岸今年3350万去年2900万，没有离岸；连续两年有新软著；技先是前年认定的；一次境内指定展会展位费2.4万；其他没有"
        )
        assert year_chain.asked_years(text) == []

    def test_first_business_year_still_dates(self):
        text = normalize(
            "公司2022年刚成立 22年离岸60万美元 汇率6.7 23年离岸140万美元 汇率7.05 没有在岸 这两年增量和离岸奖励各多少 合计呢"
        )
        assert year_chain.asked_years(text) == [2022, 2023]

    def test_fair_years_still_split(self):
        text = normalize("2021年去了4场国外展 每场9万 2022年去了7场国外展 每场8万 都是指定的 两年加起来能补多少")
        assert year_chain.asked_years(text) == [2021, 2022]


class TestPartRemovedAfterTheEstimate:
    """R17E034: 「哦对了 其中3个其实只是大专学历 那剩下的能补多少」 after 8 people counted for 三（七）3: the 3 leave the
    count and their 大专 is theirs alone (it met 三（七）2/4's 大专以上, so it was kept for the verdict: 不符合, 0元)."""

    def test_the_rest_are_counted_and_the_item_stands(self):
        from bot.estimate.session import items_for_inputs

        inputs = {"senior_training": [{"cost_cny": Decimal("70000")}] * 8}
        s = EstimateSession(items=items_for_inputs(inputs), inputs=dict(inputs))
        s.last_keys, s.amending = list(inputs), True
        s.handle("哦对了 其中3个其实只是大专学历 那剩下的能补多少", "correct_value")
        assert len(s.inputs["senior_training"]) == 5
        assert s.failed() == {}

    def test_interns_part_meeting_the_interns_conditions_still_kept(self):
        # the item named: 大专以上 meets 三（七）4, whatever 三（七）3 asks
        from bot.understand.subgroups import without_parts

        t = "今年接收了30个实习生 其中24个是应届毕业生 大专以上 实习3个月以上 社保连续交满6个月 剩下6个是在校生"
        assert "大专以上" in without_parts(t)
