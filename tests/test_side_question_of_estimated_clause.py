"""Questions asked beside an estimate: more certifications than 三（六） supports a year, asked whether all can be,
get the count (每个企业每年支持项目最多3个)."""

import pytest

from bot.answers import general


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
