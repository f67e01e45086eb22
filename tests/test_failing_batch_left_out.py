"""A batch added after an estimate whose own words fail the item's condition (「还有8个项目经理今年在读在职MBA学位班…加上
一共多少」): that batch is left out and named, the people counted before stay; the item is never ruled out whole."""

import pytest

from bot.estimate.session import EstimateSession


def _then(first, added):
    before = EstimateSession.start(first)
    return EstimateSession.start(added, known=before.facts, running=before.inputs)


SENIOR = "我们公司送了12个项目经理（都是本科以上）去参加涉外项目管理培训，每人学费4.8万，这个中高级人才培训能补多少"
DIRECTORS = "公司派了6个本科的项目总监参加海外交付管理培训，每人3万，能补多少"
TRAINEES = (
    "我们是认定的服务外包培训机构，今年培训了60个大专以上学员，都考核通过并和服务外包企业签了两年劳动合同，能补多少"
)


@pytest.mark.parametrize(
    "first, added, key, kept, condition",
    [
        (
            SENIOR,
            "好的。另外补充一项：还有8个项目经理今年在读在职MBA学位班，每人学费6万，这个也能补吗？加上一共多少",
            "senior_training",
            12,
            "学历教育",
        ),
        (DIRECTORS, "还有4个部门经理在读EMBA，学费每人12万，加上一共能拿多少", "senior_training", 6, "学历教育"),
        (
            DIRECTORS,
            "另外再加5个大专学历的项目经理也参加了同一个培训，每人3万，一共多少",
            "senior_training",
            6,
            "本科以上",
        ),
        (DIRECTORS, "还有3个普通程序员也参加了这个培训，每人2万，加上一共多少", "senior_training", 6, "项目经理以上"),
        (
            TRAINEES,
            "还有一期20人也都签了两年合同考核也过了，不过都是中专学历，加上一共多少",
            "institution_trainees",
            60,
            "大专以上",
        ),
    ],
)
def test_the_failing_batch_alone_is_left_out(first, added, key, kept, condition):
    session = _then(first, added)
    people = session.inputs[key]
    assert kept == (len(people) if isinstance(people, list) else people)
    assert not session.failed()
    assert any(n.startswith("本次补充的") and condition in n for n in session.notes)


def test_a_batch_that_qualifies_is_added():
    session = _then(DIRECTORS, "还有4个本科的项目经理也参加了这个培训，每人2万，加上一共多少")
    assert 10 == len(session.inputs["senior_training"])
    assert not any(n.startswith("本次补充的") for n in session.notes)
