"""A later numbered part that supposes another case (「2 要是…呢」) is not read into the estimate of the first."""

from actions.policy import _supposed_parts, estimate_text


def test_supposed_condition_is_left_out_of_the_estimate():
    t = (
        "我们和三所高校签了四年的实训协议，每年接收实习生30名，今年符合全部条件的应届生有12个。"
        "1、能拿多少补贴？2、要是协议只签了一年半呢？"
    )
    trimmed = estimate_text(t)
    assert trimmed is not None
    assert "四年" in trimmed and "一年半" not in trimmed


def test_supposed_amount_stays_with_the_estimate():
    parts = ["今年离岸150万美元 能拿多少?", "如果汇率按7.0呢?"]
    assert _supposed_parts(parts, parts[:1]) == []
    assert _supposed_parts(["去年在岸800万 今年900万 能拿多少?", "2 假如去年是新成立的呢?"], []) == [
        "2 假如去年是新成立的呢?"
    ]
