"""Questions asked beside an estimate: a rate or ceiling with no item of its own is the estimated clause's (never
another clause's standard beside it), and more certifications than 三（六） supports a year, asked whether all can
be, get the count (每个企业每年支持项目最多3个)."""

import pytest

from actions.policy import _asks_standard_unnamed
from bot.answers import general


@pytest.mark.parametrize(
    "part", ["按多少比例 最多能补多少钱", "补贴比例多少 封顶多少", "最高能拿多少钱", "按百分之几补 上限是多少"]
)
def test_rate_or_ceiling_with_no_item_is_the_estimated_ones(part):
    assert _asks_standard_unnamed(part)


@pytest.mark.parametrize("part", ["离岸奖励比例多少", "展会补贴最多补多少", "租金补贴上限是多少", "注册费算在里面吗"])
def test_a_named_item_or_another_question_is_not(part):
    assert not _asks_standard_unnamed(part)


@pytest.mark.parametrize(
    "text",
    [
        "另外今年还打算新做itss pcmm sas70 ccrc 加上cmmi一共5个资质 是不是都能补",
        "另外itss pcmm ccrc sas70也想做 四个都能补吗",
        "资质认证帮我算下 cmmi3认证费20万 itss维护费5万 另外明年还想做pcmm ccrc sas70 iso27001 这么多个都能补吗",
    ],
)
def test_many_certifications_asked_all_get_the_count(text):
    answer = general.many_certs_answer(text)
    assert answer is not None and "最多3个" in answer.text
