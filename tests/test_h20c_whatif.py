"""A what-if that says both the addition and the amount it comes to (「再多50万美元，就是今年210万美元」): the stated
amount is used when the two agree, both are named in a question when they do not, and saying it again changes nothing."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.estimate import corrections
from bot.estimate.session import EstimateSession
from tests.test_e14b_followups import amend

D = Decimal
FIRST = "今年离岸执行额160万美元，汇率按7.0；去年离岸110万美元，去年汇率6.9；没有在岸业务，老企业。两项奖励一共多少"


def _start():
    return EstimateSession.start(FIRST)


class TestStatedResult:
    def test_consistent_result_is_the_amount(self):
        s, turn = amend(_start().inputs, "假如离岸再多做50万美元呢，也就是今年一共210万美元，别的都一样")
        assert D("2100000") == s.inputs["offshore_usd"]
        # 3.1 (14,700,000 − 7,590,000) × 3% = 213,300; 3.2 2,100,000 × 10% × 7.0 = 1,470,000
        assert D("1683300") == s.compute()["total_cny"]

    def test_said_twice_gives_the_same(self):
        text = "要是离岸再多50万美元呢？就是今年210万美元，其他不变"
        s, _ = amend(_start().inputs, text)
        again, _ = amend(s.inputs, text)
        assert D("2100000") == again.inputs["offshore_usd"]
        assert s.compute()["total_cny"] == again.compute()["total_cny"] == D("1683300")

    def test_result_alone_replaces(self):
        out, notes, problems = corrections.added_amounts(
            {"offshore_usd": D("1600000")}, {"offshore_usd": D("2300000")}, "再多一些，变成230万美元呢"
        )
        assert D("2300000") == out["offshore_usd"] and not problems

    def test_addition_alone_adds(self):
        out, notes, problems = corrections.added_amounts(
            {"offshore_usd": D("1600000")}, {"offshore_usd": D("500000")}, "要是离岸再多50万美元呢"
        )
        assert D("2100000") == out["offshore_usd"]
        assert any("210万美元" in n for n in notes)

    def test_disagreeing_figures_are_both_named(self):
        s, turn = amend(_start().inputs, "如果离岸再增加50万美元，变成250万美元呢")
        assert D("1600000") == s.inputs["offshore_usd"]
        said = " ".join(s.problems)
        assert "50万美元" in said and "250万美元" in said and "确认" in said


@settings(max_examples=60, deadline=None)
@given(
    a=st.integers(min_value=1, max_value=900),
    d=st.integers(min_value=1, max_value=500),
    off=st.sampled_from([0, 0, 1, -1, 7]),
)
def test_stated_result_property(a, d, off):
    """Start A万, add D万, stated result R万: R is used when R == A + D, otherwise the amount stays and a question is
    asked; the same message again gives the same amount."""
    r = a + d + off
    if r <= 0:
        return
    text = f"要是离岸再多{d}万美元呢？就是今年{r}万美元"
    told = {"offshore_usd": D(a) * 10000}
    said = {"offshore_usd": D(r) * 10000}
    out, _, problems = corrections.added_amounts(told, said, text)
    if r == a + d:
        assert D(r) * 10000 == out["offshore_usd"] and not problems
        again = corrections.added_amounts(out, said, text)
        amount = again[0]["offshore_usd"] if again else said["offshore_usd"]
        assert amount == out["offshore_usd"] and not (again and again[2])
    else:
        assert "offshore_usd" not in out and problems
        assert f"{d}万美元" in problems[0] and f"{r}万美元" in problems[0]
