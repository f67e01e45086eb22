"""三（五） fair costs told in US dollars: converted at the rate the user states (Decimal, the arithmetic shown),
then 70% and the per-event / yearly caps; with no rate stated the yuan amount or the rate is asked, never assumed.
New wording, not the case files'."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.estimate.session import EstimateSession
from bot.estimate.understand import read
from calculator import calculate
from calculator.figures_zh import parse_figures


def total(session) -> Decimal:
    return Decimal(str(session.compute()["total_cny"]))


def fairs_award(fairs: list) -> Decimal:
    """The calculator's 三（五） on yuan figures given directly."""
    return Decimal(str(calculate({"fairs": fairs})["total_cny"]))


def test_rate_in_brackets_converts_the_dollar_cost():
    """「新加坡那场 展台费美元3,200（汇率6.95）」: 3,200 × 6.95 = 22,240.00元, 70% = 15,568元 < 5万."""
    r = read("去新加坡参展 展位费 USD 3,200（汇率6.95）宣传推广费9,000元", items=["3.5"])
    assert r.fields["fairs"] == [
        {
            "region": "overseas",
            "cost_cny": Decimal("31240.00"),
            "_parts": {"展位费": Decimal("22240.00"), "宣传推广费": Decimal("9000")},
        }
    ]
    assert any("3,200美元 × 6.95 = 22,240.00元" in n for n in r.notes), r.notes
    assert "usd_cny_rate" not in r.fields  # the rate converted a cost; it is not the year's central parity
    assert not r.problems and not r.clarifications


def test_rate_said_as_conversion_to_yuan_is_a_rate():
    """「按6.9折人民币」「按7.05换算成人民币」: the number is the rate; 「打8.5折」 stays a discount (no figure)."""
    for text, rate in (("展位费USD 900（按6.9折人民币）", "6.9"), ("美元按7.05换算成人民币", "7.05")):
        rates = [f for f in parse_figures(text) if f.kind == "rate"]
        assert [f.value for f in rates] == [Decimal(rate)], text
    assert not [f for f in parse_figures("门票打8.5折") if f.kind == "rate"]


def test_each_dollar_fair_is_converted_and_capped_on_its_own():
    """Two overseas fairs of 6,000 and 12,000 dollars at 7.0: 42,000 → 29,400; 84,000 → 58,800 capped at 5万."""
    s = EstimateSession.start("参加了两个国外展会 展位费各自是 USD 6,000 与 USD 12,000 汇率用7.0 能补多少")
    assert s.status == "done", s.question()
    assert [f["cost_cny"] for f in s.inputs["fairs"]] == [Decimal("42000.00"), Decimal("84000.00")]
    assert total(s) == Decimal("79400")
    assert "usd_cny_rate" not in s.inputs


def test_domestic_yuan_and_overseas_dollar_fairs_together():
    """境内 two fairs in yuan, 境外 one in dollars: three events, each capped by its region."""
    s = EstimateSession.start(
        "指定展会 境内两场—进博会 展位费2.4万；软交会 特装 18,000元；境外一场迪拜 booth fee USD 3,000（汇率7.3）"
    )
    assert s.status == "done", s.question()
    regions = sorted(f["region"] for f in s.inputs["fairs"])
    assert regions == ["domestic", "domestic", "overseas"]
    # 24,000 × 70% = 16,800; 18,000 × 70% = 12,600; 3,000 × 7.3 = 21,900 × 70% = 15,330
    assert total(s) == Decimal("44730")


def test_no_rate_is_invented():
    """Dollars with no rate in the message: nothing is computed and the yuan amount or the rate is asked,
    even when an earlier turn gave the year's central parity for the offshore award."""
    for known in (None, {"usd_cny_rate": Decimal("7.0")}):
        r = read("去东京参展 展位费2万美元 能补多少", items=["3.5"], known=known)
        assert "fairs" not in r.fields
        assert "usd_cny_rate" not in r.fields
        (ask,) = [c for c in r.clarifications if c.kind == "usd_cost"]
        assert "2万美元" in ask.question and "汇率" in ask.question and "人民币" in ask.question
    s = EstimateSession.start("去东京参展 展位费2万美元 能补多少")
    assert s.status == "collecting" and "fairs" not in s.inputs
    assert "汇率" in s.question()
    s.handle("不清楚")
    assert "fairs" not in s.inputs and "usd_cny_rate" not in s.inputs


def test_the_answer_gives_the_rate_or_the_yuan_amount():
    """The answer to that question: a rate converts the dollar cost; a yuan amount replaces it."""
    s = EstimateSession.start("去首尔参展 注册费800美元 展位费5200美元")
    s = EstimateSession.load(s.dump())
    s.handle("就按6.8算")
    assert s.status == "done", s.question()
    assert s.inputs["fairs"][0]["cost_cny"] == Decimal("40800.00")  # (800 + 5,200) × 6.8
    assert "usd_cny_rate" not in s.inputs
    assert total(s) == Decimal("28560")
    s = EstimateSession.start("去东京参展 展位费2万美元")
    s.handle("折合人民币14.2万")
    assert s.inputs["fairs"] == [{"region": "overseas", "cost_cny": Decimal("142000")}]
    assert total(s) == Decimal("50000")  # 99,400 capped at 5万 per overseas event


def test_two_different_rates_are_not_chosen_between():
    """Two different rates in one message: neither is used for the fair's dollars."""
    r = read("境外展会 展位费USD 4,000 汇率7.1还是6.9", items=["3.5"])
    assert "fairs" not in r.fields


@settings(max_examples=40, deadline=None)
@given(
    usd=st.lists(st.integers(min_value=100, max_value=40000), min_size=1, max_size=4),
    rate=st.decimals(min_value=Decimal("6.0"), max_value=Decimal("7.5"), places=2),
)
def test_result_equals_the_calculator_on_the_converted_figures(usd, rate):
    """Property: the estimate from dollar costs and a stated rate equals the calculator on the yuan figures
    (each cost × rate, to the fen), with the per-event and yearly overseas caps."""
    costs = "、".join(f"USD {u:,}" for u in usd)
    s = EstimateSession.start(f"参加了{len(usd)}场境外展会 展位费分别为 {costs} 汇率按{rate} 能补多少")
    assert s.status == "done", s.question()
    converted = [(Decimal(u) * rate).quantize(Decimal("0.01")) for u in usd]
    assert [f["cost_cny"] for f in s.inputs["fairs"]] == converted
    assert total(s) == fairs_award([{"region": "overseas", "cost_cny": c} for c in converted])
