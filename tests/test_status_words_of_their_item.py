"""Words of an old status (「之前就有的」「复审」) are said of the item they stand beside: SAS70 held from before
leaves a first grant of 技术先进型 newly obtained (三（四）), and 之前就 said of 技术先进型 still denies it."""

import pytest

from bot.estimate.understand import read


@pytest.mark.parametrize(
    "text",
    [
        "我们刚拿到技术先进型服务企业认定（第一次认定），今年还新过了CMMI Level 5，认证费48万，另外SAS70是之前就有的，今年交了维护费2万，这几项加起来能补多少",
        "今年首次认定为技术先进型服务企业，ITSS是以前就有的，维护费3万，一共能补多少",
        "技术先进型今年刚批下来，CMMI3早就有了，年审费5万，能拿多少",
        "新获得技术先进型服务企业资格；PCMM去年就认定了，今年续证花了4万，合计补多少",
    ],
)
def test_old_status_of_another_item_leaves_new_grant(text):
    assert read(text).fields.get("tech_advanced_new") is True


@pytest.mark.parametrize(
    "text",
    [
        "技术先进型我们之前就有了，CMMI5今年新认证花了40万，能补多少",
        "技术先进型今年是复审通过的，CMMI认证费20万，能补多少",
    ],
)
def test_old_status_said_of_it_still_denies(text):
    assert read(text).fields.get("tech_advanced_new") is False
