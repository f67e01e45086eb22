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
    asked (unless A already is R: the same what-if said again); the same message again gives the same amount."""
    r = a + d + off
    if r <= 0:
        return
    text = f"要是离岸再多{d}万美元呢？就是今年{r}万美元"
    told = {"offshore_usd": D(a) * 10000}
    said = {"offshore_usd": D(r) * 10000}
    got = corrections.added_amounts(told, said, text)
    out, problems = (got[0], got[2]) if got else (said, [])
    if r == a:  # the amount already is the result said (the same what-if again): nothing changes, nothing asked
        assert D(a) * 10000 == out["offshore_usd"] and not problems
    elif r == a + d:
        assert D(r) * 10000 == out["offshore_usd"] and not problems
        again = corrections.added_amounts(out, said, text)
        amount = again[0]["offshore_usd"] if again else said["offshore_usd"]
        assert amount == out["offshore_usd"] and not (again and again[2])
    else:
        assert "offshore_usd" not in out and problems
        assert f"{d}万美元" in problems[0] and f"{r}万美元" in problems[0]


class TestBreakdownSaidAgain:
    TOTAL = "我们搭了一个服务外包公共技术服务平台 花了600万 补贴多少"
    PARTS = "服务器等硬件设备310万，正版软件70万，其余220万是员工工资和房租"

    def test_the_breakdown_twice_keeps_the_purchases(self):
        s, _ = amend(EstimateSession.start(self.TOTAL).inputs, self.PARTS)
        assert D("3800000") == s.inputs["platforms"][0]["cost_cny"]
        again, _ = amend(s.inputs, self.PARTS)
        assert D("3800000") == again.inputs["platforms"][0]["cost_cny"]
        assert D("1140000") == again.compute()["total_cny"]  # 3,800,000 × 30%

    def test_a_part_named_after_its_figure(self):
        from bot.estimate.clauses.platforms import correct_part

        told = [{"cost_cny": D("3800000"), "_parts": {"设备": D("3100000"), "软件": D("700000")}}]
        out = correct_part(told, "不对，设备310万没错，还有80万是软件")
        assert D("800000") == out[0]["_parts"]["软件"] and D("3900000") == out[0]["cost_cny"]


class TestPartsAreNotMoney:
    def test_two_parts_then_people_each(self):
        s = EstimateSession.start(
            "公司这次有两块要报：派了6个项目经理去参加中高级培训，都是本科，每人学费5万；"
            "另外和学校签了三年实训协议，今年接收22个实习生，都是应届大专以上、实习三个月以上、社保连续交了6个月。能补多少"
        )
        assert s.status == "done", s.clarify
        assert 6 == len(s.inputs["senior_training"]) and D("2") not in [
            e["cost_cny"] for e in s.inputs["senior_training"]
        ]
        # 6 × min(50,000 × 50%, 30,000) = 150,000; 22 × 5,000 = 110,000
        assert D("260000") == s.compute()["total_cny"]

    def test_pieces_with_a_money_word_stay_money(self):
        from bot.estimate.reading import figures

        assert [D("2")] == [f.value for f in figures("打印费两块钱") if f.kind == "money"]
        assert [] == [f.value for f in figures("分三块问一下") if f.kind == "money"]


class TestBareOffshoreNumber:
    def test_bare_number_is_asked_with_its_unit(self):
        for said, n in (("离岸今年２５０ 汇率7.1 奖励多少", "250"), ("今年离岸130，汇率6.95，能拿多少", "130")):
            s = EstimateSession.start(said)
            assert s.clarify and f"{n}是{n}万美元吗" in s.clarify["question"], said
            assert "offshore_usd" not in s.inputs and not s.problems

    def test_the_answer_with_its_unit_is_taken(self):
        s = EstimateSession.start("离岸今年２５０ 汇率7.1 奖励多少")
        s.handle("250万美元", "inform")
        assert D("2500000") == s.inputs["offshore_usd"]
        assert D("1775000") == s.compute()["total_cny"]  # 2,500,000 × 10% × 7.1

    def test_yes_takes_the_number_named(self):
        s = EstimateSession.start("今年离岸130，汇率6.95，能拿多少")
        s.handle("是的", "affirm")
        assert D("1300000") == s.inputs["offshore_usd"]
        assert D("903500") == s.compute()["total_cny"]  # 1,300,000 × 10% × 6.95
