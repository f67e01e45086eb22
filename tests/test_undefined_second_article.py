"""What 第二条 names only in general words is never failed on words the text does not decide: a tax fine paid up
(taxes and 滞纳金 补缴) and bookkeeping by an outside firm leave 依法经营 / 财务管理制度 open, and asked, the answer says
the 实施细则 decide; a fine not paid, tax still owed, or no accountant with nothing else said still fail."""

import pytest

from bot.answers import catalog, eligibility
from bot.nlu.normalize import understand


def facts(text):
    return eligibility.facts_from(understand(text))


class TestPaidFineIsNoFailure:
    @pytest.mark.parametrize(
        "text",
        ["罚款已经交了，税款和滞纳金都补缴了，其他都正常", "税务那次罚款交清了 滞纳金也补交了 别的都没问题"],
    )
    def test_not_failed(self, text):
        assert facts(text).get("lawful_operation") is not False

    def test_other_conditions_still_read(self):
        assert facts("罚款已经交了，税款和滞纳金都补缴了，其他都正常").get("mofcom_registered") is True

    @pytest.mark.parametrize("text", ["去年被市场监管罚款了", "欠的税款还没补缴 其他都正常"])
    def test_real_failures_stay(self, text):
        assert False in facts(text).values()


class TestOutsideBookkeeping:
    def test_asked_says_the_rules_decide(self):
        t = understand("我们自己没有会计 财务是找代账公司做的 这算不算有健全的财务管理制度啊")
        assert ["委托代理记账"] == eligibility.not_defined(t)
        assert "实施细则" in eligibility.answer(t).text and "不符合" not in eligibility.answer(t).text

    def test_other_phrasing(self):
        assert facts("账是委托给记账公司做的").get("sound_finance") is not False

    def test_no_accountant_alone_still_fails(self):
        assert facts("我们没有会计").get("sound_finance") is False


class TestOwnBusinessAskedApart:
    WHOLE = "我们是一家做财务外包和HR外包的公司 独立法人 顺便问下我们这业务在目录里算哪一类"

    def test_described_business_classified(self):
        a = catalog.own_business_answer(understand("顺便问下我们这业务在目录里算哪一类"), understand(self.WHOLE))
        assert "内部管理服务" in a.text and "BPO" in a.text

    def test_other_phrasing(self):
        whole = understand("我们公司是做呼叫中心外包的 在郑州注册 我们的业务属于哪个领域")
        a = catalog.own_business_answer(understand("我们的业务属于哪个领域"), whole)
        assert "呼叫中心服务" in a.text

    def test_part_naming_its_business_is_left_alone(self):
        assert (
            catalog.own_business_answer(understand("我们的软件开发业务算哪类"), understand("我们的软件开发业务算哪类"))
            is None
        )

    def test_nothing_described(self):
        assert catalog.own_business_answer(understand("我们这业务算哪一类"), understand("我们这业务算哪一类")) is None


class TestLateFilingBesideAnEstimate:
    def test_part_says_the_rules_decide_and_cites_article_one(self):
        from bot.answers import router

        t = understand(
            "我们去年的合同执行信息当时没及时在统计系统里填 拖到今年三月才补录进去 这种情况还能不能报 会不会有影响"
        )
        a = router.answer_part(None, t, (), "3.6", None, {})
        assert "及时填报" in a.text and "实施细则" in a.text and "当年填报" in a.text
        assert "不符合" not in a.text

    def test_never_filed_still_fails(self):
        assert facts("统计系统一直没及时填 到现在也没补").get("mofcom_registered") is False


class TestLeftOpenOnlyWhenNothingElseFails:
    @pytest.mark.parametrize(
        "text",
        [
            "有一笔税款被税务机关认定为欠缴并处罚，尚未补缴，其他条件均满足，能申报吗",
            "去年被市场监管罚款了，税款和滞纳金也补缴了，能申报吗",
            "没啥财务制度，账是年底找代账公司一次性补的，这种情况能报吗",
            "我们财务其实不太规范，账是找代账公司做的，能申报吗",
        ],
    )
    def test_still_fails(self, text):
        t = understand("我们是郑州注册的独立法人，" + text)
        assert eligibility.answer(t).text.startswith("结论：不符合")
