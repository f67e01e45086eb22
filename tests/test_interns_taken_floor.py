"""「今年接了130多个实习生」: the interns taken are at least the figure said. The floor decides 每年接受实习生20名以上 only
when it reaches the threshold (knowledge/data/figures.yml); a floor below it (「十多个」) is asked, never a number of
our own. It is never the qualified count. Wording is our own."""

import pytest

from bot.estimate.session import EstimateSession

HEAD = "我们是服务外包企业，和高校签了3年实训协议，"


@pytest.mark.parametrize(
    "text, floor, counted",
    [
        (
            "今年接了130多个实习生，完全符合条件（应届大专以上、实习3个月以上、在职社保满6个月）的有112个。补贴多少",
            130,
            112,
        ),
        ("今年来了一百多个实习生，符合条件的应届毕业生有80个，实习补贴多少", 100, 80),
        ("实习生今年接了50多个，符合条件的应届毕业生有30个，实习补贴多少", 50, 30),
        ("今年招了40余名实习生，符合条件的应届生有25个，能拿多少", 40, 25),
    ],
)
def test_a_floor_at_or_above_the_threshold_meets_it(text, floor, counted):
    session = EstimateSession.start(HEAD + text)
    assert session.status == "done", session.question()
    assert floor == session.inputs["interns_per_year"]
    assert counted == session.inputs["qualified_interns"]
    item = next(i for i in session.compute()["items"] if i["code"] == "3.7.4")
    assert item["qualified"]


def test_a_floor_below_the_threshold_is_asked():
    session = EstimateSession.start(HEAD + "今年接了十多个实习生，符合条件的应届毕业生有10个，实习补贴多少")
    assert "interns_per_year" not in session.inputs
    assert "实习生" in session.question()


def test_the_cap_applies_with_a_floor_and_another_item():
    session = EstimateSession.start(
        "两块一起问：1.实训基地，和郑州轻工业大学签的三年期协议，今年接了130多个实习生，完全符合条件（应届大专以上、"
        "实习3个月以上、在职社保满6个月）的有112个；2.中高级人才培训，8个项目经理都是本科，涉外业务培训每人5w。合计多少"
    )
    items = {i["code"]: i["amount_cny"] for i in session.compute()["items"]}
    assert {"3.7.4": 500000.0, "3.7.3": 200000.0} == items
