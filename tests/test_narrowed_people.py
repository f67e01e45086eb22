"""People narrowed condition by condition in one message (三（七）2 trainees, 三（七）4 interns): 「培训了N人，大专以上的M人，
其中考核通过的K人，通过的人里J人签了一年以上合同」 counts J — the count meeting every person condition — never N; the
parts said beside the last count (「另外4个是大三学生」「剩下20个还没签」) are named as left out; parts that do not add up
with it are asked about, naming them, never guessed. A part naming the item whose figures were given (「定额培训支持
最多能拿多少」) asks the estimate, not the cap alone. Wording is our own."""

from decimal import Decimal

import pytest

from actions.policy import estimate_parts
from bot.answers.router import message_parts
from bot.estimate.clauses import institution_training, internships
from bot.estimate.clauses.base import OVERLAP_ASKED
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import understand
from bot.understand.narrowing import read

D = Decimal
TRAINING = (institution_training.CODE, institution_training.PERSON_CONDITIONS)
INTERNS = (internships.CODE, internships.PERSON_CONDITIONS)


def _amount(text: str, code: str) -> Decimal:
    session = EstimateSession.start(text)
    assert session.status == "done", session.question()
    return D(str(next(i for i in session.compute()["items"] if i["code"] == code)["amount_cny"]))


@pytest.mark.parametrize(
    "text, counted",
    [
        (
            "我们是认定的服务外包培训机构，今年一共办班培训了180名学员，大专及以上学历的160名，其中结业考核合格的140名，"
            "合格的人里有120名和外包公司签了两年劳动合同，其余的只签了半年。能补多少",
            120,
        ),
        (
            "我们是认定的服务外包培训机构。今年培训了300个学员，学历都是大专以上，考核合格的260个；合格的里面210个跟服务"
            "外包企业签了劳动合同（有签1年的也有签2年的），40个回老家了，剩下10个还没签。能拿多少",
            210,
        ),
        (
            "我们是认定的服务外包培训机构，今年一共培训了90人 大专以上的有84人，这84人中考核通过的80人 过了的人里签一年"
            "以上劳动合同的72人 另外8人签的是半年 能补多少",
            72,
        ),
        (  # the rest said with no count: the parts beside need not add up
            "我们是认定的服务外包培训机构，今年培训了200人，大专以上且考核合格的170人，其中签了两年劳动合同的120人，"
            "签三个月的30人，剩下的还没签。能补多少",
            120,
        ),
    ],
)
def test_trainees_narrowed_step_by_step_count_the_last(text, counted):
    found = read(text, *TRAINING)
    assert found is not None and found.counted == counted
    assert _amount(text, institution_training.CODE) == D(counted) * 500


@pytest.mark.parametrize(
    "text, counted, left_out",
    [
        (
            "和两所高职签了三年的实训协议，今年一共来了26个服务外包实习生，其中应届毕业的21个，都是大专以上、实习4个月、"
            "转正后社保已经交了7个月；另外5个是大二的在校生。能补多少",
            21,
            "另外5个是大二的在校生",
        ),
        (
            "跟本地大学签了4年实习协议，今年接收实习生32名，这里面应届本科生25名，实习都满了3个月，留下来工作社保连续"
            "交了半年；还有7名是大三学生。实习补贴多少",
            25,
            "还有7名是大三学生",
        ),
    ],
)
def test_interns_narrowed_count_the_graduates_and_name_the_others(text, counted, left_out):
    found = read(text, *INTERNS)
    assert found is not None and found.counted == counted
    assert left_out in found.said(text)
    assert _amount(text, internships.CODE) == D(counted) * 5000


def test_parts_beside_that_do_not_add_up_are_asked_naming_them():
    text = (
        "我们是认定的服务外包培训机构，今年培训了120个学员，其中本科和大专的100个，这里面考核合格的90个，合格的人里80个"
        "跟外包公司签了两年合同，其余6个签了半年。能补多少"
    )
    found = read(text, *TRAINING)
    assert found is not None and found.counted is None
    session = EstimateSession.start(text)
    assert session.status != "done"
    assert "其余6个签了半年" in session.question() and "90" in session.question()
    assert session.inputs.get(OVERLAP_ASKED)


@pytest.mark.parametrize(
    "text",
    [
        # each condition's count said apart, none inside the one before: the people meeting all are not said
        "我们是认定的服务外包培训机构，今年培训了100人：大专以上的90人，考核通过的85人，签一年以上合同的80人。能补多少",
        # more groups that qualify beside the last (12 also signed long enough): added up by the readers of groups
        "我们是认定的服务外包培训机构，这批50个学员都是大专、都考核通过了，其中32个签了1年劳动合同，12个签了3年，"
        "另外6个签的半年。能补多少",
        # the parts beside do not add up after one narrowing only: another reader's message
        "收了30个实习生，其中应届本科和大专的24个，都实习了4个月以上、留用后社保交了7个月；另外5个是在校的研究生",
    ],
)
def test_no_chain_is_guessed(text):
    assert read(text, *TRAINING) is None and read(text, *INTERNS) is None


def test_the_item_named_after_its_figures_asks_the_estimate_not_the_cap():
    said = (
        "我们是认定的服务外包培训机构，今年培训了150人，大专以上学历的130人，其中考核通过的110人，通过的人里有96人跟"
        "服务外包企业签了一年期劳动合同，其余签的是半年。另外我们还办了一个服务贸易业务培训项目，这个怎么支持？"
    )
    asked = "定额培训支持最多能拿多少"
    assert estimate_parts([said, asked]) == [asked]
    # the parts as the router splits them (stops read as spaces): 「一个服务贸易业务培训项目」 counts no trainee
    assert estimate_parts(message_parts(understand(said + asked))) == [asked]
    assert estimate_parts(["离岸奖励最高多少？", "定额培训支持最多能拿多少"]) == []
