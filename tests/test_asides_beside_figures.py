"""Three ways a message was answered by one of its parts alone (round 42's first play):
- several companies' businesses asked where they belong (「甲做…乙做…丙做… 各属于23个领域里哪个」) were taken for
  several applicants to estimate, and each one's figures were asked instead of classifying;
- another place's policy asked beside figures to compute (「…增量奖励能拿多少 另外…上海那边是不是也有类似的政策」)
  declined the whole message, the figures dropped;
- whether a fact affects applying here (「社保缴费基数按最低档交行不行 会不会影响申请」) was declined as social
  insurance, though its subject is this policy."""

import pytest

from actions.estimating import _classifies_only
from actions.policy import _other_policy_aside
from bot.nlu.normalize import understand
from knowledge import query


class TestClassifyingSeveralCompanies:
    @pytest.mark.parametrize(
        "text",
        [
            "帮忙看看 我们几个子公司：甲给小区物业做人脸识别门禁和视频分析方案，乙给电网公司做用电数据采集清洗和分析挖掘，"
            "丙是CRO给药企做临床前试验和临床试验，丁给中小企业做代理记账 各属于23个领域里哪个",
            "A公司做软件测试 B公司做呼叫中心 两家分别算哪个领域 是ITO还是BPO",
        ],
    )
    def test_classified_not_estimated(self, text):
        assert _classifies_only(text)

    @pytest.mark.parametrize(
        "text",
        [
            "A公司今年离岸150万美元 B公司离岸200万美元 汇率7.1 两家各能拿多少",
            "A公司做软件测试 B公司做呼叫中心 两家今年离岸各150万美元 汇率7 各能拿多少",
        ],
    )
    def test_figures_still_estimated(self, text):
        assert not _classifies_only(text)


class TestOtherPolicyAside:
    def test_figures_beside_another_places_policy_are_estimated(self):
        text = (
            "我们公司是2024年新成立的 服务外包执行额在岸200万 离岸已经按2024年中间价折成人民币800万了 增量奖励能拿多少 "
            "另外离岸这块是不是免增值税 上海那边是不是也有类似的政策"
        )
        assert _other_policy_aside(understand(text))

    @pytest.mark.parametrize(
        "text",
        ["上海那边的服务外包政策离岸奖励是多少", "我们在上海有个分公司 离岸150万美元 汇率7 在郑州能拿多少"],
    )
    def test_no_aside(self, text):
        assert not _other_policy_aside(understand(text))


class TestWhetherItAffectsApplying:
    @pytest.mark.parametrize(
        "text",
        ["另外社保缴费基数按最低档交行不行 会不会影响申请", "社保断缴了一个月 是否会影响申报实习生补贴"],
    )
    def test_asked_here(self, text):
        assert query.other_policy(text) is None

    def test_social_insurance_itself_still_declined(self):
        assert query.other_policy("社保缴费基数怎么调整") is not None


class TestContributionBaseLeftOpen:
    """「…另外社保缴费基数按最低档交行不行 会不会影响申请」: the policy asks 在职并连续交纳社保不低于6个月 (三（七）4) and says
    nothing of the base: that it does not say, who settles it, and the clause's own words (not another item's verdict)."""

    def test_part_answered_as_left_open(self):
        from bot.answers import router

        a = router.answer_part(None, understand("另外社保缴费基数按最低档交行不行 会不会影响申请"), facts={})
        assert "没有规定" in a.text and "第三条第（七）项第4点" in a.text and "第四条第（一）项" in a.text
        assert "第三条第（三）项" not in a.text


class TestApologyAfterAReplacement:
    """「离岸是150万美元 不对不对 是180万美元 我看错了 … 在岸400万」: 「我看错了」 after the replacement ends that correction;
    read as a second one it blanked 「是180万美元」 and the offshore amount was lost (round 42)."""

    @pytest.mark.parametrize(
        "text, field, value",
        [
            ("今年离岸是150万美元 不对不对 是180万美元 我看错了 汇率按6.9 在岸400万", "offshore_usd", "1800000"),
            ("今年离岸是150万美元 不对 是180万美元 说错了 在岸400万 汇率7", "onshore_cny", "4000000"),
        ],
    )
    def test_both_figures_kept(self, text, field, value):
        from decimal import Decimal

        from bot.estimate.session import EstimateSession

        s = EstimateSession.start(text)
        assert s.inputs.get("offshore_usd") == Decimal("1800000")
        assert s.inputs.get(field) == Decimal(value)

    def test_apology_before_the_figure_still_corrects(self):
        from decimal import Decimal

        from bot.estimate.session import EstimateSession

        certs = EstimateSession.start("CMMI认证费15万 不对 我看错了是18万 补多少").inputs["certifications"]
        assert [c["cost_cny"] for c in certs] == [Decimal("180000")]
