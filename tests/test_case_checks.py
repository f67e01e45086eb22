"""The case checker itself (tests/case_checks.py): a check that cannot fail is a defect."""

from tests.case_checks import amounts, problems


def test_amounts_read_every_writing():
    assert amounts("合计196,500.00元（约19.65万元），上限1.2亿元") == [196500.0, 196500.0, 120000000.0]


def test_numeric_none_catches_the_figure_in_any_writing():
    case = {"none": [196500]}
    assert problems("补贴19.65万元", case) == ["has figure 196500"]
    assert problems("补贴196,500.00元", case) == ["has figure 196500"]
    assert problems("补贴19.66万元", case) == []


def test_text_none_is_a_substring():
    assert problems("比例是70%", {"none": ["70%"]}) == ["has 70%"]
    assert problems("比例是30%", {"none": ["70%"]}) == []


def test_verdict_groups_do_not_pass_on_the_opposite():
    case = {"all": [["不符合"]]}
    assert problems("结论：符合第二条", case) == ["missing 不符合"]
    assert problems("结论：不符合第二条", case) == []


def test_amount_tolerance_and_empty_reply():
    assert problems("共计30万元", {"amount": 300000}) == []
    assert problems("共计31万元", {"amount": 300000}) != []
    assert "no reply" in problems("", {})
