"""Batches named without 第 (own wording): 「一期…；二期…」 and letter classes 「a班…；b班…」 are batches, each counted on its
own chain (培训 → 通过 → 签约) less its own failing part; a batch whose whole is said to fail (「签的都是半年合同」)
counts 0 and is named; 「三期学员：」 counts the batches and names none."""

import pytest

from bot.estimate.items import detect_items
from bot.estimate.understand import read
from bot.nlu.normalize import normalize


def _trainees(text):
    f = read(text, items=detect_items(normalize(text))).fields
    return f.get("institution_trainees"), f.get("_parts_institution_batches")


@pytest.mark.parametrize(
    "text, total",
    [
        (
            "认定的服务外包培训机构，一期培训40人，考核通过35人，其中30人签了一年以上劳动合同；二期培训20人，通过18人，签一年以上合同的15人，这15人里有3个是中专",
            42,
        ),
        ("我们是认定过的培训机构 三批学员：一批25人全部符合；二批30人 其中5个签的半年合同", 50),
        ("认定培训机构，A班22人全部符合；B班18人，其中2个高中学历；C班10人都签的6个月合同", 38),
    ],
)
def test_batches_without_ordinal_word(text, total):
    assert _trainees(text)[0] == total


def test_whole_batch_failing_counts_zero_and_is_named():
    text = "认定的培训机构 a班30人全部符合；b班12人全通过，但都只签了半年合同"
    r = read(text, items=detect_items(normalize(text)))
    assert r.fields["institution_trainees"] == 30
    assert any("12 − 12 = 0" in n for n in r.notes)


@pytest.mark.parametrize(
    "text, total",
    [
        ("认定的培训机构 第一期30人 第二期30人 第一期有2个是高中学历 其他都符合", 58),
        ("认定的培训机构 a班25人 b班25人 b班还有3个没通过考核 其余都符合", 47),
    ],
)
def test_a_batch_named_again_with_you_opens_a_part(text, total):
    assert _trainees(text)[0] == total


def test_a_batch_size_said_with_you_is_still_its_size():
    assert _trainees("认定的培训机构 第一期有40人 第二期有30人 都符合")[0] == 70
