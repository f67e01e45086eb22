"""Parts opened by 其中 right after a count are parts of that count (R61E017): 「每年接收实习生30名 今年应届毕业生…留下来的
有26个 其中3个社保才连续交了4个月 还有1个是高中学历」 is 26 − 3 − 1 = 22 (110,000), not 30 − 4 = 26 (130,000).
Wording of our own beside the case's."""

import pytest

from bot.estimate.session import EstimateSession


@pytest.mark.parametrize(
    "text, counted",
    [
        (
            "我们跟两所高校签了3年的实习实训协议 每年接收实习生30名 今年应届毕业生实习满3个月以上后留下来的有26个 "
            "其中3个社保才连续交了4个月 还有1个是高中学历 其他都大专以上社保交满半年了 能补多少",
            22,
        ),
        ("实训协议两年 每年接收实习生40个 今年留下来的应届生有35个 其中5个社保只交了3个月 能补多少", 30),
        ("跟学校签了3年协议，一年收实习生50人，留用应届毕业生32人，其中2人是中专，能拿多少实训补贴", 30),
        ("实训协议3年 接了35个实习生 不过有7个人社保才交了4个月 能补多少", 28),
    ],
)
def test_parts_come_off_the_count_they_follow(text, counted):
    assert EstimateSession.start(text).inputs.get("qualified_interns") == counted
