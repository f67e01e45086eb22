"""A table of groups whose condition columns hold counts (「学历 培训人数 考核通过 已签1年以上劳动合同 / 本科 40 38 35」):
each row's label is its education, its people meeting every column are its smallest count (the columns filter one
another), and a row below the clause's education floor is left out, named by its own label."""

import pytest

from bot.estimate import tables
from bot.estimate.understand import read

R59 = (
    "我们是市里认定过的服务外包培训机构 今年培训情况如下 签合同的都是考核通过的 都跟服务外包企业签的 能拿多少培训支持\n"
    "学历\t培训人数\t考核通过\t已签1年以上劳动合同\n本科\t40\t38\t35\n大专\t30\t27\t20\n中专\t16\t16\t16"
)


@pytest.mark.parametrize(
    "said, counted, left_out",
    [
        (R59, 55, "中专"),
        (
            "我们是已认定的服务外包培训机构，今年培训结果如下，签约的都在考核通过的人里面，都是和外包企业签的，能拿多少\n"
            "| 学历 | 考核通过 | 签1年以上劳动合同 | 培训人数 |\n| 硕士 | 5 | 5 | 6 |\n| 本科 | 28 | 22 | 30 |\n"
            "| 专科 | 18 | 15 | 25 |\n| 高中 | 10 | 9 | 12 |",
            42,
            "高中",
        ),
        (
            "认定的培训机构，签约都满1年，都是考核通过后签的\n学历 考核合格 签约人数\n本科 20 18\n大专 12 10\n中专 8 8",
            28,
            "中专",
        ),
        (
            "已认定培训机构 学员都和服务外包企业签了一年以上合同\n学历  培训人数  签约人数  考核通过人数\n"
            "硕士  4  3  4\n大专  50  41  45\n高中  9  7  8",
            44,
            "高中",
        ),
    ],
)
def test_rows_counted_by_their_smallest_count(said, counted, left_out):
    r = read(said, None, ["3.7.2"])
    assert counted == r.fields["institution_trainees"]
    note = next(n for n in r.notes if "逐行核对" in n)
    assert f"（{left_out}）" in note and "不符合“学员大专以上学历”" in note


def test_count_above_the_row_people_is_no_count_of_them():
    table = tables.people_table("学历\t培训人数\t考核通过\n本科\t40\t41\n大专\t30\t20")
    assert () == table.funnel


def test_yes_no_cells_stay_yes_no():
    table = tables.people_table("学历\t人数\t考核\t合同\n本科\t10\t通过\t3年\n中专\t5\t通过\t2年")
    assert () == table.funnel and (10, 5) == tuple(r.count for r in table.rows)
