"""Which figure belongs to which fair, year or applicant: 分别 pairs follow the order of the years named (each later
分别 pair too, and 汇率分别X和Y); fairs named by a letter (A展…B展…) or counted (两个…展) are apart; applicants
listed 一是…二是… each naming an entity are estimated apart. Wording of our own."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.estimate import applicants
from bot.estimate.session import EstimateSession
from bot.nlu.normalize import normalize
from calculator import calculate


def done(text: str) -> EstimateSession:
    s = EstimateSession.start(text)
    assert s.status == "done", s.question()
    return s


def total(s) -> Decimal:
    return Decimal(str(s.compute()["total_cny"]))


def expected(fields: dict) -> Decimal:
    """The calculator's result on the fields given directly (never a figure written by hand)."""
    return Decimal(str(calculate(fields)["total_cny"]))


class TestRespectivePairs:
    def test_second_pair_without_years_follows_the_first_pairs_order(self):
        s = done(
            "我们去年和今年在岸分别为2000万元和2500万元，离岸分别为150万美元和200万美元，"
            "去年汇率按6.8今年按7.0，老企业，两项奖励各多少"
        )
        assert s.inputs["previous_offshore_usd"] == Decimal("1500000")
        assert s.inputs["offshore_usd"] == Decimal("2000000")
        fields = {
            "new_enterprise": False,
            "previous_onshore_cny": 20_000_000,
            "onshore_cny": 25_000_000,
            "previous_offshore_usd": 1_500_000,
            "offshore_usd": 2_000_000,
            "previous_usd_cny_rate": Decimal("6.8"),
            "usd_cny_rate": Decimal("7.0"),
        }
        assert total(s) == expected(fields) == Decimal("1664000")  # 3% × (3900万 − 3020万) + 200万美元 × 10% × 7.0

    def test_rates_said_respectively_follow_the_years(self):
        s = done("去年和今年离岸分别是200万美元和150万美元，汇率分别是6.8、7.2，在岸两年都是1000万，老企业 各多少")
        assert s.inputs["previous_usd_cny_rate"] == Decimal("6.8")
        assert s.inputs["usd_cny_rate"] == Decimal("7.2")
        assert total(s) == Decimal("1080000")  # no increment (a decrease); 三（二） 150万 × 10% × 7.2

    def test_this_year_named_first_reverses_every_pair(self):
        s = done("今年和去年离岸分别为90万美元和60万美元，汇率分别按7.1和6.9，没有在岸，老企业")
        assert (s.inputs["offshore_usd"], s.inputs["previous_offshore_usd"]) == (Decimal("900000"), Decimal("600000"))
        assert (s.inputs["usd_cny_rate"], s.inputs["previous_usd_cny_rate"]) == (Decimal("7.1"), Decimal("6.9"))

    def test_rates_with_their_own_years_pair_follow_that_pair(self):
        s = done("今年和去年离岸分别为90万美元和60万美元，汇率去年和今年分别是6.6和7.2，没有在岸，老企业")
        assert (s.inputs["previous_usd_cny_rate"], s.inputs["usd_cny_rate"]) == (Decimal("6.6"), Decimal("7.2"))


YEAR_WORDS = {"previous": "去年", "current": "今年"}


@settings(max_examples=25, deadline=None)
@given(
    first=st.sampled_from(["previous", "current"]),
    on=st.tuples(st.integers(10, 60), st.integers(10, 60)),
    off=st.tuples(st.integers(20, 200), st.integers(20, 200)),
    rates=st.tuples(st.sampled_from(["6.7", "6.9", "7.0"]), st.sampled_from(["7.1", "7.2", "6.5"])),
    onshore_first=st.booleans(),
)
def test_respective_pairs_in_any_order_give_the_calculators_result(first, on, off, rates, onshore_first):
    order = [first, "current" if first == "previous" else "previous"]
    on_part = f"在岸分别是{on[0] * 100}万元和{on[1] * 100}万元"
    off_part = f"离岸分别是{off[0]}万美元和{off[1]}万美元"
    kinds = [on_part, off_part] if onshore_first else [off_part, on_part]
    text = (
        f"{YEAR_WORDS[order[0]]}和{YEAR_WORDS[order[1]]}"
        + "，".join(kinds)
        + f"，汇率分别{rates[0]}和{rates[1]}，老企业"
    )
    s = done(text)
    key = {"previous": "previous_", "current": ""}
    fields = {"new_enterprise": False}
    for i, year in enumerate(order):
        fields[f"{key[year]}onshore_cny"] = on[i] * 1_000_000
        fields[f"{key[year]}offshore_usd"] = off[i] * 10_000
        fields[f"{key[year]}usd_cny_rate"] = Decimal(rates[i])
    for name, value in fields.items():
        if isinstance(value, bool):
            assert s.inputs.get(name) is value
            continue
        assert Decimal(str(s.inputs[name])) == Decimal(str(value)), (name, text)
    assert total(s) == expected(fields)


class TestNamedFairs:
    def test_letter_named_fairs_are_apart_and_travel_left_out(self):
        s = done("参加了两个市商务局指定的境外展，A展展位费2万、布展1万、酒店8000；B展展位费6万，能补多少")
        assert [Decimal(str(f["cost_cny"])) for f in s.inputs["fairs"]] == [Decimal("30000"), Decimal("60000")]
        assert total(s) == Decimal("21000") + Decimal("42000")  # 3万 × 70%; 6万 × 70% (under the 5万 cap)

    def test_chinese_letters_without_separators(self):
        s = done("两个境内指定展会 甲展会展位费1万 特装5000 乙展会展位费1.2万 机票3000 补多少")
        assert [Decimal(str(f["cost_cny"])) for f in s.inputs["fairs"]] == [Decimal("15000"), Decimal("12000")]
        assert all(f["region"] == "domestic" for f in s.inputs["fairs"])
        assert total(s) == Decimal("10500") + Decimal("8400")

    def test_places_named_per_fair_keep_their_region(self):
        s = done("A展在新加坡 展位费4万；B展在郑州 展位费1万 都是指定展会 补多少")
        regions = [(f["region"], Decimal(str(f["cost_cny"]))) for f in s.inputs["fairs"]]
        assert regions == [("overseas", Decimal("40000")), ("domestic", Decimal("10000"))]

    def test_the_other_one_keeps_the_place_the_fairs_were_counted_in(self):
        s = done("两个指定的境外展会，一个展位费2.5万 布展1万，另一个展位费3万 住宿6000，补多少")
        assert [(f["region"], Decimal(str(f["cost_cny"]))) for f in s.inputs["fairs"]] == [
            ("overseas", Decimal("35000")),
            ("overseas", Decimal("30000")),
        ]

    def test_the_other_one_uncounted_is_asked_where(self):
        s = EstimateSession.start("一个境内展 展位费1万，另一个展位费3万，都是指定的，补多少")
        assert s.status != "done" and "3万元的活动是在境内还是境外" in s.question()

    def test_one_fair_listed_cost_by_cost_stays_one(self):
        s = done("参加了一个境外指定展会 展位费3万 特装1万 能补多少")
        assert len(s.inputs["fairs"]) == 1 and total(s) == Decimal("28000")


class TestListedApplicants:
    def test_school_and_enterprise_listed_are_two(self):
        parts = applicants.split(
            normalize(
                "帮两家单位问：一是我们职业学院，今年60人签约；二是合作的软件企业，今年接收实习生20人。两家各多少"
            )
        )
        assert [n for n, _ in parts] == ["第1家", "第2家"]
        assert "20人" not in parts[0][1] and "60人" not in parts[1][1]

    def test_items_listed_one_is_not_two_applicants(self):
        assert applicants.split(normalize("想问两项：一是ITSS认证花了6万，二是CCRC认证3万，各能补多少")) == []
