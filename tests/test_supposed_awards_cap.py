"""Awards the user states or supposes for 三（一）、三（二） by number or joint name (「假设一二两项都顶格拿200万」
「三（一）拿了150万」「增量和离岸奖励各拿200万」) are this year's: 三（三）'s base, and part of the year's total held to
第四条第（三）项's 500万 with the items estimated beside them; 「三（三）条件也满足」 meets 三（三） without naming which
condition. Wording of our own."""

from decimal import Decimal

import pytest

from bot.estimate import explain, stated_awards
from bot.estimate.clauses.innovation import MET
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize

D = Decimal


def rendered(text):
    s = EstimateSession.start(text)
    assert s.status == "done", s.clarify
    result = s.compute()
    return s, result, explain.render(result, {}, ())


class TestJointAwards:
    @pytest.mark.parametrize(
        "text, each",
        [
            ("假设今年一二两项都顶格拿200万", 2000000),
            ("第一、二项各150万", 1500000),
            ("增量和离岸奖励都是150万", 1500000),
            ("增量和离岸都拿了120万", 1200000),
            ("三（一）和三（二）都拿满", 2000000),  # each one's ceiling
        ],
    )
    def test_one_amount_for_both(self, text, each):
        awards, _ = stated_awards.joint(normalize(text))
        assert {"3.1": D(each), "3.2": D(each)} == awards

    @pytest.mark.parametrize(
        "text",
        [
            "增量和离岸各200万 能拿多少",  # business amounts, the award asked
            "增量和离岸都有 分别200万和100万",
            "增量和离岸奖励各拿200万和150万",  # two amounts, each its own
            "资质认证12项都补了30万",
            "三(一)三(二)各拿200万美元",  # dollars are business
        ],
    )
    def test_no_joint_award(self, text):
        assert {} == stated_awards.joint(normalize(text))[0]


class TestConditionSaidMet:
    @pytest.mark.parametrize("text", ["三(三)条件也满足", "创新奖励的条件我们都符合", "第三条第(三)项条件满足"])
    def test_met(self, text):
        assert MET.search(normalize(text))

    @pytest.mark.parametrize("text", ["三(三)条件不满足", "创新奖励的条件满足吗", "三(三)条件没满足"])
    def test_not_met(self, text):
        assert not MET.search(normalize(text))


class TestYearTotal:
    def test_supposed_awards_fill_the_cap(self):
        """200万 + 200万 + 三（三）15% × 400万 = 460万: the platform's 200万 has 40万 left under 500万."""
        s, result, text = rendered(
            "假设一二两项都顶格拿200万 三（三）条件也满足 平台采购硬件软件1000万 平台这块在总额上限以内最多还能拿多少"
        )
        assert {"_award_3.1", "_award_3.2", "_innovation_met"} <= set(s.inputs)
        assert "最多还能拿400,000.00元" in text and "年度合计660万元" in text
        assert D("1000000") == D(str(result["total_cny"]))  # 60万 + 40万
        assert "连续两年取得新的发明专利" not in text  # which condition is unsaid

    def test_numbered_awards_each_said(self):
        s, result, text = rendered(
            "三（一）拿了150万 三（二）拿了100万 创新奖励条件符合 另外平台硬件采购800万 总共能拿多少"
        )
        assert D("1500000") == s.inputs["_award_3.1"] and D("1000000") == s.inputs["_award_3.2"]
        assert "年度合计487.5万元，未超过" in text  # 150 + 100 + 37.5 + 200

    def test_innovation_alone_keeps_its_answer(self):
        _, _, text = rendered("增量奖励30万 离岸奖励20万 连续两年有新专利 创新奖励多少")
        assert "年度合计" not in text and "75,000.00元" in text

    def test_condition_not_met_is_asked(self):
        s = EstimateSession.start("三（三）条件不满足 增量奖励30万 离岸奖励20万 平台采购100万 一共多少")
        assert "_innovation_met" not in s.inputs


@pytest.mark.parametrize(
    "text, total, year",
    [
        (
            "上年服务外包合同执行额\t9000万元\n本年服务外包合同执行额\t1.7亿元（含离岸）\n本年离岸合同执行额\t350万美元\n汇率\t7.0\n"
            "新发明专利\t2021、2022连续两年都有\n境外展会补贴\t已按上限30万核定\n境内展会补贴\t已按上限20万核定\n总共多少？",
            "4500000",
            "510万元",
        ),
        (
            "今年离岸300万美元 汇率7 连续两年都有新软著 另外展会补贴已按上限30万核定 一共能拿多少",
            "2300000",
            "260万元",
        ),
    ],
)
def test_awards_granted_at_the_cap_count_in_the_year(text, total, year):
    """R62Q016: 「境外展会补贴已按上限30万核定」 is an award granted (the user's amount), not the cap asked about, and the
    year's total under 第四条第（三）项 counts it beside the items estimated."""
    result = EstimateSession.start(text).compute()
    assert Decimal(total) == Decimal(str(result["total_cny"])) and year in result["total_line"]
