"""Round-10 causes (issue 13), each on wording of our own: a catalog question asked as 「目录里对应哪项」,
a catalog question that mentions 社保基数 as part of the business, the day the policy starts to apply,
and 「同一笔钱」 / 「别的政策」 as a double-claim question (第四条第（三）项)."""

from bot.answers import router
from knowledge import query


def reply(text: str) -> str:
    return router.compose(None, text, facts={}).text


class TestCatalogItemQuestion:
    def test_which_item_of_the_catalog(self):
        """「目录里对应哪项」 asks where a business belongs: 呼叫中心服务 (BPO), not a request for a person."""
        text = reply("帮快递公司做在线客服和投诉热线 目录里对应哪项")
        assert "呼叫中心服务" in text and "业务流程外包（BPO）" in text

    def test_social_insurance_as_the_business_not_declined(self):
        """社保基数 named as what an HR-outsourcing business does is no question about 社会保险."""
        question = "我们帮客户公司办员工入职离职、核算社保基数 这种人事外包属于哪个领域"
        assert query.other_policy(question) is None
        text = reply(question)
        assert "人力资源管理服务" in text and "内部管理服务" in text

    def test_social_insurance_question_still_declined(self):
        """Without a catalog question, how to fix 社保基数 is still another policy's matter."""
        assert query.other_policy("员工社保基数怎么核定") == "社会保险"


class TestPolicyStart:
    def test_start_day_is_publication_day(self):
        """「从哪一天施行」: 自发布之日起执行 and the publication date, not the application window."""
        text = reply("这个措施从哪一天施行")
        assert "自发布之日起执行" in text and "2020年12月26日" in text
        assert "无法告诉您" not in text

    def test_start_day_as_one_of_several_questions(self):
        """As the first of two questions, the start day is answered as well as the cap."""
        text = reply("这份文件啥时候开始实施的？另外一家企业每年封顶多少")
        assert "自发布之日起执行" in text and "500万元" in text

    def test_application_time_is_not_the_start_day(self):
        """「什么时候可以申报」 still points to the implementing rules (第四条第（一）项)."""
        text = reply("什么时候可以申报")
        assert "第四条第（一）项" in text and "自发布之日起执行" not in text


class TestSameMoneyTwice:
    def test_same_spending_under_another_fund(self):
        """「这笔展位费还能拿去报市里其它专项资金吗」: 第四条第（三）项, 不得重复申报."""
        text = reply("这笔展位费还能拿去报市里其它专项资金吗")
        assert "第四条第（三）项" in text and "不得重复申报" in text

    def test_two_items_of_this_policy_still_together(self):
        """Two items of this policy asked together stay the 「可以同时申报」 answer."""
        assert reply("增量奖励和离岸奖励能同时申请吗").startswith("可以同时申报")


class TestNoBranchHere:
    def test_no_branch_set_up_in_zhengzhou(self):
        """「没在郑州开分公司」 says there is no branch: a company registered elsewhere, 不符合 第二条."""
        from bot.answers.eligibility import facts_from
        from bot.nlu.normalize import understand

        question = "我们公司注册地在新乡 销售团队常驻郑州 但没在郑州开分公司 这个政策能报吗"
        assert facts_from(understand(question)) == {"entity_type": "legal_person", "registered_in_zhengzhou": False}
        assert reply(question).startswith("结论：不符合第二条的申报资格")

    def test_branch_set_up_in_zhengzhou_still_a_branch(self):
        """「在郑州设了分公司」 stays a branch."""
        from bot.answers.eligibility import facts_from
        from bot.nlu.normalize import understand

        assert facts_from(understand("总部在新乡 在郑州设了分公司 税也在郑州交"))["entity_type"] == "branch"
