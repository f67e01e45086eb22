"""Two ways a question about this policy went wrong (own wording): a part saying the user already knows another
city's rule (「杭州的离岸奖励我清楚怎么算」) states it and asks nothing, so the Zhengzhou question is answered, not
declined; and 「能直接申报吗」 (an adverb between 能 and 申报) still asks whether the applicant may apply, so the
第二条 verdict leads even when the business is described."""

import pytest

from bot.answers import router
from knowledge import other_policies


@pytest.mark.parametrize(
    "text",
    [
        "杭州的离岸奖励我清楚怎么算，郑州这个离岸奖励门槛多少？",
        "深圳那边的补贴我大概了解是多少 想问下咱们这边培训补贴每人多少",
        "苏州的政策我已经知道是怎么规定的，我想问郑州的展会补贴封顶多少",
    ],
)
def test_knowing_another_citys_rule_is_no_question_about_it(text):
    assert other_policies.subject(text) is None


@pytest.mark.parametrize("text", ["我不知道杭州的离岸奖励怎么算", "深圳的补贴是多少", "不太清楚苏州的政策怎么规定的"])
def test_asking_another_citys_rule_is_still_declined(text):
    assert other_policies.subject(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "我们是郑州注册的保洁公司 独立法人 也给客户做点数据录入外包 商务部统计系统一直没注册 能直接申报吗",
        "本地一家装修公司 法人企业 兼做一些软件开发外包 服务外包统计系统没填报过 可以正常申请吗",
    ],
)
def test_can_we_apply_with_an_adverb_gets_the_second_article_verdict(text):
    reply = router.compose("ask_eligibility", text).text
    assert reply.startswith("结论：不符合第二条")
    assert "统计系统" in reply
