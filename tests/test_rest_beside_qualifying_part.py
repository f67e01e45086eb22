"""A part said to meet every person condition (「其中23个实习满3个月以上、社保连续交了6个月以上」) and the others said
after it with 另外/剩下/其余 (「另外8个社保才交了5个月，剩下5个实习期只有2个月」): those others are the rest of the
group outside the part, never people taken out of it (23, not 23 − 8 − 5). A bracketed detail of the part (「这23个里
有6个实习期正好3个月」) that fails nothing takes nobody out. Wording is our own."""

import pytest

from bot.estimate.session import EstimateSession

HEAD = "我们是服务外包企业，和高校签了3年实训协议，"


@pytest.mark.parametrize(
    "text, counted",
    [
        (
            "今年一共接了36个服务外包实习生，都是应届大专以上。其中23个实习满3个月以上、留下在职而且社保连续交了6个月"
            "以上（这23个里有6个实习期正好3个月），另外8个社保才交了5个月，剩下5个实习期只有2个月。补贴多少",
            23,
        ),
        (
            "今年接了30个实习生，其中20个是应届大专以上、实习4个月、社保交满6个月，另外6个是大三的，剩下4个社保只交了3个月。补贴多少",
            20,
        ),
        (
            "今年一共收了28个实习生，都是应届大专，其中18个实习3个月以上并且在职社保交了6个月以上（这18个里有3个实习刚好"
            "3个月），其余7个实习不到3个月，还有3个社保只交了2个月。能补多少",
            18,
        ),
        (
            "今年接收25名实习生，全是应届本科，其中15个实习半年、留用后社保交了8个月，剩下的10个社保只交了4个月。补贴多少",
            15,
        ),
    ],
)
def test_the_rest_outside_a_qualifying_part_is_not_taken_from_it(text, counted):
    session = EstimateSession.start(HEAD + text)
    assert session.status == "done", session.question()
    assert counted == session.inputs["qualified_interns"]
