"""Applicants named by a bare letter and a colon (bot/estimate/applicants.py _bare_letters): 「甲：入驻4年…\n乙：入驻2年…」
「A: 离岸150万美元…; B: …」 in a message about several entities are estimated apart, never added; a colon after a
letter in a message about one entity names no applicant."""

from bot.estimate.applicants import split


def test_letters_with_colons_name_the_applicants():
    text = (
        "帮三家企业算租金补贴（都在市级重点园区）：\n甲：入驻5年，合同执行额900万，租500平，年租金30万\n"
        "乙：入驻3年，合同执行额600万，租700平，年租金35万\n丙：入驻1年，合同执行额800万，租300平，年租金12万\n各自多少"
    )
    parts = split(text)
    assert [n for n, _ in parts] == ["甲", "乙", "丙"]
    assert "900万" in parts[0][1] and "600万" not in parts[0][1] and "各自多少" in parts[2][1]


def test_latin_letters_with_colons():
    parts = split("两家企业的离岸奖励 A: 离岸150万美元 汇率7.1; B： 离岸90万美元 汇率7.1 各多少")
    assert [n for n, _ in parts] == ["a", "b"]
    assert "150万" in parts[0][1] and "90万" in parts[1][1] and "150万" not in parts[1][1]


def test_one_entity_with_a_lettered_list_is_one_applicant():
    assert split("我们公司 A：在岸1200万 B：离岸80万美元 能拿多少") == []
