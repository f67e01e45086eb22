"""R61E026: a pre-screening that never ended. 「没有展会、资质认证、培训、园区、平台等其他项目」 denies every item of the 、 list
(资质认证 had been read as 三（六）), and 「我把情况一次说全」 tells once, no fair (「一次」 had been one domestic fair whose
cost was asked again and again). Wording of our own beside the case's."""

import pytest

from bot.estimate.items import detect_items
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize


@pytest.mark.parametrize(
    "text, kept",
    [
        ("2023年新认定技术先进型服务企业；没有展会、资质认证、培训、园区、平台等其他项目", ["3.4"]),
        ("今年没有参展、资质认证和平台建设，技术先进型是今年新认定的", ["3.4"]),
        ("没有实习生和人才培训项目 今年CMMI认证费20万", ["3.6"]),
        ("去年参加了展会、拿了CMMI认证", ["3.5", "3.6"]),
    ],
)
def test_a_denied_list_names_no_item(text, kept):
    assert detect_items(normalize(text)) == kept


@pytest.mark.parametrize(
    "text",
    [
        "我把情况一次说全：2023年在岸2300万元、离岸150万美元，中间价7.05，2022年2400万全在岸",
        "我一次说清楚哈 今年在岸2300万 离岸150万美元 汇率7.05 去年在岸2400万",
        "一次性讲完：去年在岸2400万，今年在岸2300万、离岸150万美元，汇率7.05",
    ],
)
def test_telling_once_is_no_fair(text):
    s = EstimateSession.start(text)
    assert "3.5" not in s.items and not s.inputs.get("fairs")
    assert "活动" not in (s.question() if s.status != "done" else "")
