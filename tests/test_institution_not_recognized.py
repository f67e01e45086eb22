"""三（七）2: an institution that says it is not recognised (「我们不是认定的培训机构」, 不是 before 认定 with words between)
is read as not recognised (facts.yml `institution_recognized`), never as 已获认定 and paid. New wording, not the
case files'."""

import pytest

from bot.estimate.understand import read


@pytest.mark.parametrize(
    "text",
    [
        "我们不是认定的培训机构 培训了30个大专学员 都考核通过签了一年合同 能拿多少",
        "另外我们学校并不是认定的培训机构，每人500元那个能拿吗",
        "我们培训机构还没有被认定 培训了20人",
    ],
)
def test_not_recognised(text):
    assert read(text, items=["3.7.2"]).fields.get("institution_recognized") is False


@pytest.mark.parametrize(
    "text", ["我们是认定的培训机构 培训了30个大专学员", "我们是已获得认定的服务外包培训机构，培训了20人"]
)
def test_recognised_stays(text):
    assert read(text, items=["3.7.2"]).fields.get("institution_recognized") is True
