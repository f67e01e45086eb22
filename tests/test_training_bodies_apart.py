"""Several training bodies (or a company and the training school it runs) in one message: a fact said of one body
(认定 or not, its trainees) stays with that body; each is estimated on its own. Wording of our own."""

import pytest

from actions.estimate import ActionEstimateStart
from bot.estimate import applicants
from bot.nlu.normalize import normalize
from tests.test_actions import run, texts, tracker


def parts(text: str) -> dict:
    return dict(applicants.split(normalize(text)))


class TestSplit:
    @pytest.mark.parametrize(
        "text,first,second",
        [
            (
                "两家培训机构：丙机构没有认定，合格学员12人；丁机构是认定的服务外包培训机构，合格学员30人，各能拿多少",
                "丙机构",
                "丁机构",
            ),
            (
                "我们有两所学校 A校是已认定的培训机构 合格学员12人 B校不是认定机构 合格学员9人 两个学校加起来多少",
                "a校",
                "b校",
            ),
            (
                "两个培训机构，一个已经是认定的服务外包培训机构，今年合格学员40人；另一个还没认定，合格学员30人，各能拿多少",
                "第1个培训机构",
                "第2个培训机构",
            ),
        ],
    )
    def test_each_body_has_its_own_words(self, text, first, second):
        found = parts(text)
        assert [first, second] == list(found)
        assert not ("认定" in found[first] and "没" in found[first] and "没" in found[second])

    def test_a_company_and_its_school(self):
        found = parts(
            "问两个主体：我们公司ITSS认证费5万；还有我们旗下的培训学校是认定的服务外包培训机构，合格学员20个，分别多少"
        )
        assert ["我们公司", "培训学校"] == list(found)
        assert "5万" not in found["培训学校"] and "20个" not in found["我们公司"]

    def test_one_institution_is_not_split(self):
        assert {} == parts("我们是认定的培训机构 一个班40人 另一个班30人 都符合条件 能拿多少")


class TestAction:
    async def test_recognition_said_of_one_body_is_not_the_others(self):
        d, _ = await run(
            ActionEstimateStart(),
            tracker(
                "两个培训机构 乙机构还在申请认定 合格学员16人；甲机构已经是认定的服务外包培训机构 今年合格学员24人 "
                "都是大专以上 考核通过 签了一年以上劳动合同 一共能拿多少",
                intent="estimate_award",
            ),
        )
        out = texts(d)
        assert "12,000.00元" in out  # 甲: 24 × 500
        assert "申报主体" in out and "算术和" in out
        assert "20,000.00元" not in out  # never 40 × 500 pooled

    async def test_no_body_gets_zero_for_the_others_missing_recognition(self):
        d, _ = await run(
            ActionEstimateStart(),
            tracker(
                "我们两所学校 B校没有认定 合格学员10人；A校是市里认定的服务外包培训机构 合格学员8人 两个学校分别多少",
                intent="estimate_award",
            ),
        )
        out = texts(d)
        assert "4,000.00元" in out  # A: 8 × 500
        assert "9,000.00元" not in out  # never 18 × 500 pooled
