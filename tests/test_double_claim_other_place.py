"""A double claim between this policy's item and another place's or level's policy (「这个培训补贴和省里的类似政策能不能
一起报」) is about this policy's 第四条第（三）项 (自行选择，不得重复申报), not a question about the other policy to decline."""

from bot.answers import router
from knowledge import other_policies


class TestDoubleClaimOtherPlace:
    def test_this_item_with_the_provinces_policy_is_this_policys_question(self):
        """The other policy is only the context: no decline."""
        for text in ("这项资质认证补贴跟省里的认证奖励能一起拿吗", "咱们的展会补贴和区里的类似补贴能不能同时报"):
            assert other_policies.subject(text) is None, text

    def test_answered_by_article_four_three(self):
        """第四条第（三）项's own words answer it."""
        a = router.compose(None, "这个实习补贴和省里的类似政策能不能一起领")
        assert "4.3" == a.clause and "不得重复申报" in a.text

    def test_another_places_policy_alone_is_still_declined(self):
        """Asking only what another place's policy gives stays declined."""
        assert other_policies.subject("上海的离岸奖励是多少") is not None
