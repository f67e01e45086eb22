"""Every people count the user types for 三（七）3 is used, asked about, or named as not counted: two people with
their own training costs are two people (「两个…项目经理 一个培训费18600 一个33250」), and a count that does not match
the costs listed is asked, naming both. New wording, not the case files'."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.estimate.session import EstimateSession
from bot.estimate.understand import read
from calculator.figures_zh import parse_figures

NUMERALS = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六"}


def costs(reading):
    return [e["cost_cny"] for e in reading.fields.get("senior_training", [])]


class TestPlainNumberListedAfterMoney:
    def test_each_listed_number_is_money(self):
        """A plain number listed after a plain money figure (另一个, 、, 和) is money too, never dropped."""
        for text in ("一个培训费18600 一个33250", "培训费分别18600、33250", "培训费18600和33250"):
            money = [f.value for f in parse_figures(text) if f.kind == "money"]
            assert [Decimal("18600"), Decimal("33250")] == money, text

    def test_a_year_or_a_count_after_money_keeps_its_kind(self):
        assert ["money", "year"] == [f.kind for f in parse_figures("租金18600 2023年")]
        assert ["money", "count"] == [f.kind for f in parse_figures("展位费18600 20个人")]


class TestTwoPeopleTheirOwnCosts:
    def test_both_people_counted(self):
        """18600 × 50% + min(33250 × 50%, 3万) = 9,300 + 16,625 = 25,925."""
        s = EstimateSession.start("俩研究生学历的高级项目经理去参加涉外业务培训了 一个培训费18600 另一个33250")
        assert [Decimal("18600"), Decimal("33250")] == [e["cost_cny"] for e in s.inputs["senior_training"]]
        assert Decimal("25925") == Decimal(str(s.compute()["total_cny"]))

    def test_more_people_than_costs_is_asked_naming_both(self):
        r = read("三个项目经理参加了涉外业务培训 一个培训费18600 一个33250", items=["3.7.3"])
        assert [] == costs(r)
        question = r.clarifications[0].question
        assert "3人" in question and "18600" in question.replace(",", "").replace("1.86万", "18600")
        assert "33,250" in question

    def test_a_list_of_costs_for_fewer_people_is_asked(self):
        r = read("2个项目经理参加涉外业务培训 培训费分别1万、2万、3万", items=["3.7.3"])
        assert [] == costs(r)
        assert "2人" in r.clarifications[0].question


@settings(max_examples=60, deadline=None)
@given(
    told=st.integers(min_value=1, max_value=6),
    listed=st.lists(st.integers(min_value=1000, max_value=90000), min_size=1, max_size=6),
    form=st.sampled_from(["each_one", "listed"]),
)
def test_every_people_count_is_used_or_asked(told, listed, form):
    """N people said and M costs given: the estimate counts N people with the M costs when N = M, else it asks,
    naming N; it never counts a number of people the user did not say."""
    if form == "each_one":
        body = " ".join(f"一个培训费{c}" for c in listed)
    else:
        body = "培训费分别" + "、".join(str(c) for c in listed)
    text = f"{NUMERALS[told]}个本科的项目经理参加了涉外业务培训 {body}"
    r = read(text, items=["3.7.3"])
    got = costs(r)
    if len(listed) == told:
        assert [Decimal(c) for c in listed] == got
    else:
        assert [] == got
        assert any(f"{told}人" in c.question for c in r.clarifications)


class TestBareNumbersThatLookLikeYears:
    """Two bare numbers in 2000–2099 are a pair of years only when they differ and lie close together."""

    def test_two_equal_costs_are_costs(self):
        assert [Decimal(2000), Decimal(2000)] == costs(
            read("两个本科的项目经理参加了涉外业务培训 培训费分别2000、2000", items=["3.7.3"])
        )

    def test_far_apart_costs_are_costs(self):
        assert [Decimal(2000), Decimal(2050)] == costs(
            read("两个本科的项目经理参加了涉外业务培训 培训费分别2000、2050", items=["3.7.3"])
        )

    def test_close_years_stay_years(self):
        from bot.estimate.understand import full_years

        assert "2023年、2024年" in full_years("研发投入2023、2024都增长了")
