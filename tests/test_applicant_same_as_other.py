"""Several applicants where one is said to be 「跟甲一样」: the other's statements it does not make itself are its
too (never the other's counts or money), and a clause its own words rule out is said as 不符合 with why."""

from actions.estimating import _clauses_ruled_out
from bot.estimate import applicants


def _pieces(text):
    return dict(applicants.split(text))


def test_same_as_takes_the_others_conditions_not_its_count():
    text = (
        "两个培训学校：甲校已获认定，培训了40个大专学员，全部考核通过，都签了两年劳动合同；"
        "乙校还没认定，培训了30个本科生，其余情况跟甲校一样。两个学校分别能拿多少"
    )
    pieces = _pieces(text)
    second = pieces["乙校"]
    assert "30" not in pieces["甲校"] and "跟甲校" not in pieces["甲校"]
    assert "考核通过" in second and "劳动合同" in second
    assert "40" not in second and "已获认定" not in second


def test_same_as_by_letter_alone():
    text = (
        "我们有两个培训机构，A机构已获认定，培训了20个大专学员，都考核通过并签了一年以上劳动合同；"
        "B机构也已获认定，培训了10个本科学员，其他跟A一样。两家各能拿多少"
    )
    second = _pieces(text)["b机构"]
    assert "考核通过" in second and "20" not in second


def test_no_same_as_no_words_added():
    text = "两家公司：A公司离岸执行额100万美元，汇率7；B公司离岸执行额200万美元，汇率7。两家各能拿多少"
    pieces = _pieces(text)
    assert "100" not in pieces["b公司"] and "200" not in pieces["a公司"]


def test_a_body_not_recognised_is_told_not_met_with_why():
    said = "乙学校还在申请认定没批下来，培训了30个本科生，全都考核通过，都和外包公司签了2年劳动合同"
    line = _clauses_ruled_out(said)
    assert line.startswith("结论：不符合第三条第（七）项第2点")
    assert "已获得认定的本市服务外包培训机构" in line


def test_nothing_ruled_out_says_nothing():
    assert _clauses_ruled_out("甲学校已获认定，培训了30个本科生，全都考核通过") == ""
