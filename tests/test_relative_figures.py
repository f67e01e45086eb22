"""Business amounts said relative to another year's (bot/estimate/relative_figures.py): the other year's amount is
derived exactly, keeps its currency and 在岸/离岸, and is shown; what cannot be derived exactly is asked, naming it."""

from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.estimate import explain, relative_figures
from bot.estimate.session import EstimateSession
from bot.estimate.understand import english_to_chinese, full_years
from bot.nlu.normalize import normalize

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CN = "零一二三四五六七八九"


def restated(text: str):
    return relative_figures.restate(full_years(english_to_chinese(normalize(text))))


def business(inputs: dict) -> dict:
    return {k: inputs[k] for k in relative_figures.BUSINESS_KEYS if k in inputs}


# -- the derived figure ----------------------------------------------------------------------------------------------
def test_growth_in_percent_gives_last_year_by_division():
    s = EstimateSession.start("今年都是在岸业务 没有离岸 执行额4500万 比去年多了25% 增量奖励多少")
    assert s.inputs["onshore_cny"] == Decimal("45000000")
    assert s.inputs["previous_onshore_cny"] == Decimal("36000000")
    assert s.inputs["_derived"]["previous_onshore_cny"]["text"] == "去年在岸执行额 = 4500万元 ÷ (1 + 25%) = 3600万元"


def test_a_growth_percentage_is_never_an_amount():
    s = EstimateSession.start("今年都是在岸业务 执行额4500万 比去年多了25% 能奖多少")
    values = set(business(s.inputs).values())
    assert Decimal("11250000") not in values and Decimal("25") not in values
    assert values - {Decimal(0)} == {Decimal("45000000"), Decimal("36000000")}


def test_share_of_this_year_keeps_dollars_and_offshore():
    s = EstimateSession.start(
        "今年离岸执行额300万美元，去年离岸是今年的八成；在岸两年都是1000万元；汇率两年都按7.1 增量多少"
    )
    assert s.inputs["previous_offshore_usd"] == Decimal("2400000")
    assert s.inputs["offshore_usd"] == Decimal("3000000")
    assert s.inputs["previous_onshore_cny"] == s.inputs["onshore_cny"] == Decimal("10000000")


def test_difference_in_yuan_is_added_back():
    s = EstimateSession.start("在岸今年3200万，比去年少了200万；离岸今年150万美元，去年没有离岸；今年汇率7.1。增量多少")
    assert s.inputs["previous_onshore_cny"] == Decimal("34000000")
    assert s.inputs["previous_offshore_usd"] == 0


def test_named_years_derive_the_later_year_forward():
    s = EstimateSession.start(
        "2025年离岸执行额200万美元，2026年比2025年多了30%，全是离岸没有在岸。汇率2025年按7.05、2026年按7.12 增量多少"
    )
    assert s.inputs["offshore_usd"] == Decimal("2600000")
    assert s.inputs["previous_offshore_usd"] == Decimal("2000000")


def test_doubled_flat_and_fell_by_tenths():
    cases = {
        "今年在岸3000万，比去年翻了一番": "去年在岸1500万",
        "今年在岸3000万，同比增长一倍": "去年在岸1500万",
        "今年在岸3000万，跟去年持平": "去年在岸3000万",
        "今年在岸6000万 比去年下降了两成": "去年在岸7500万",
        "今年在岸4500万，是去年的1.5倍": "去年在岸3000万",
        "去年在岸3600万，今年增长了25%": "今年在岸4500万",
    }
    for text, figure in cases.items():
        r = restated(text)
        assert figure in r.text and not r.problems, text


def test_words_after_the_relation_about_the_award_do_not_stop_it():
    r = restated("想问增量奖励 今年在岸4500万 比去年多了25% 增量奖励多少")
    assert "去年在岸3600万" in r.text


def test_the_figure_after_the_relation_stays_this_years():
    s = EstimateSession.start("今年比去年多了25%，做了4500万 都是在岸 增量多少")
    assert s.inputs["onshore_cny"] == Decimal("45000000")
    assert s.inputs["previous_onshore_cny"] == Decimal("36000000")


def test_the_kind_said_before_the_comparison_picks_the_figure():
    s = EstimateSession.start("今年在岸3000万 离岸200万美元，在岸比去年多了20% 增量多少")
    assert s.inputs["previous_onshore_cny"] == Decimal("25000000")
    assert "previous_offshore_usd" not in s.inputs


def test_what_was_added_described_is_no_relation():
    r = restated("去年在岸3000万，今年多了500万美元的离岸业务")
    assert not r.derivations and not r.problems


def test_relations_of_other_things_are_left_alone():
    for text in (
        "研发投入今年300万 比去年多了20%",
        "今年营收4500万 比去年多了25%",
        "跟去年比 在岸执行额多了850万元",
        "今年离岸300万美元 汇率比去年高了2%",
        "今年在岸3000万。今年和去年一样都没有离岸",
    ):
        r = restated(text)
        assert not r.derivations and not r.problems, text


# -- what is asked ---------------------------------------------------------------------------------------------------
def test_a_result_not_exact_to_the_cent_is_asked_never_rounded():
    s = EstimateSession.start("今年在岸4500万 比去年多了30% 没有离岸 增量奖励多少")
    assert "previous_onshore_cny" not in s.inputs
    assert any("4500万元 ÷ (1 + 30%)" in p and "不四舍五入" in p for p in s.problems)
    assert "上一年度" in s.question()


def test_a_relation_fitting_two_figures_is_asked():
    s = EstimateSession.start("今年在岸3000万 离岸200万美元 比去年多了20% 增量多少")
    assert "previous_onshore_cny" not in s.inputs and "previous_offshore_usd" not in s.inputs
    assert any("3000万" in p and "200万美元" in p and "不猜" in p for p in s.problems)


def test_an_approximate_relation_is_asked():
    r = restated("今年在岸3000万 比去年多了20%左右")
    assert not r.derivations and "大概" in r.problems[0] and "左右" not in r.text


def test_a_difference_in_an_unsaid_currency_of_dollars_is_asked():
    r = restated("今年离岸300万美元，比去年多了50万")
    assert not r.derivations and "币种" in r.problems[0]


# -- shown in the worked arithmetic ------------------------------------------------------------------------------------
def test_the_derivation_is_shown_above_the_increment_arithmetic():
    s = EstimateSession.start("今年都是在岸 没有离岸 执行额4500万 比去年多了25% 增量奖励多少")
    derived = relative_figures.shown_by_item(s.inputs, ["3.1"])
    result = {
        "items": [
            {
                "code": "3.1",
                "name": "业务规模增量奖励",
                "qualified": True,
                "amount_cny": "270000",
                "explanation": "增量 = 9,000,000.00元",
                "clause": "第三条第（一）项",
            }
        ],
        "total_cny": "270000",
    }
    text = explain.render(result, {"onshore_cny": Decimal("45000000")}, derived=derived)
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "去年在岸执行额 = 4500万元 ÷ (1 + 25%) = 3600万元" in line)
    assert "增量 = 9,000,000.00元" in lines[at + 1]


def test_a_corrected_figure_drops_the_derivation():
    inputs = {
        "previous_onshore_cny": Decimal("30000000"),
        "_derived": {"previous_onshore_cny": {"value": "36000000", "text": "去年在岸执行额 = …"}},
    }
    assert relative_figures.shown_by_item(inputs, ["3.1"]) == {}


# -- property: this year's figure and a relation → last year's exact figure, or a question ------------------------------
def _yuan_text(fen: int) -> tuple:
    """A this-year figure typed as 万 (when whole 万) or as 元 with cents, and its value in 元."""
    value = Fraction(fen, 100)
    if fen % 1_000_000 == 0:
        return f"{fen // 1_000_000}万", value
    return f"{Decimal(fen) / 100:f}元", value


def _percent_text(tenths: int) -> str:
    return f"{tenths // 10}%" if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10}%"


relations = st.one_of(
    st.tuples(
        st.just("more"), st.integers(1, 3000), st.sampled_from(["比去年多了", "比去年增长了", "同比增长", "较上年增加"])
    ),
    st.tuples(st.just("less"), st.integers(1, 900), st.sampled_from(["比去年少了", "比去年下降了", "同比下降"])),
    st.tuples(st.just("tenths"), st.integers(1, 9), st.just("")),
    st.tuples(st.just("share"), st.integers(1, 999), st.just("")),
    st.tuples(st.just("diff_more"), st.integers(1, 9999), st.just("比去年多了")),
    st.tuples(st.just("diff_less"), st.integers(1, 9999), st.just("比去年少了")),
)


def _phrase_and_previous(kind: str, n: int, words: str, this_year: Fraction) -> tuple:
    if kind == "more":
        return words + _percent_text(n), this_year / (1 + Fraction(n, 1000))
    if kind == "less":
        return words + _percent_text(n), this_year / (1 - Fraction(n, 1000))
    if kind == "tenths":
        return f"去年在岸是今年的{CN[n]}成", this_year * Fraction(n, 10)
    if kind == "share":
        return f"去年在岸是今年的{_percent_text(n)}", this_year * Fraction(n, 1000)
    if kind == "diff_more":
        return f"{words}{n}万", this_year - n * 10000
    return f"{words}{n}万", this_year + n * 10000


@SETTINGS
@given(fen=st.one_of(st.integers(1, 99_999).map(lambda w: w * 1_000_000), st.integers(1, 10**11)), rel=relations)
def test_last_year_is_the_exact_arithmetic_or_asked(fen, rel):
    typed, this_year = _yuan_text(fen)
    phrase, expected = _phrase_and_previous(*rel, this_year)
    s = EstimateSession.start(f"今年在岸执行额{typed}，{phrase}，两年都没有离岸，增量奖励多少")
    assert s.inputs["onshore_cny"] == Decimal(this_year.numerator) / Decimal(this_year.denominator)
    exact = expected > 0 and (expected * 100).denominator == 1
    if exact:
        assert s.inputs.get("previous_onshore_cny") == Decimal(expected.numerator) / Decimal(expected.denominator)
        assert s.inputs["_derived"]["previous_onshore_cny"]["text"].split(" = ")[0] in (
            "去年在岸执行额",
            "上年在岸执行额",
        )
    else:
        assert "previous_onshore_cny" not in s.inputs
        assert any("年在岸执行额 = " in p and "不四舍五入" in p for p in s.problems), s.problems
    assert set(business(s.inputs)) <= {"onshore_cny", "previous_onshore_cny", "offshore_usd", "previous_offshore_usd"}


@SETTINGS
@given(wan=st.integers(1, 99_999), tenths=st.integers(1, 3000))
def test_this_year_from_last_year_and_growth(wan, tenths):
    s = EstimateSession.start(
        f"去年离岸{wan}万美元，今年比去年多了{_percent_text(tenths)}，没有在岸，汇率7.1，增量多少"
    )
    expected = Fraction(wan * 10000) * (1 + Fraction(tenths, 1000))
    if (expected * 100).denominator == 1:
        assert s.inputs.get("offshore_usd") == Decimal(expected.numerator) / Decimal(expected.denominator)
    else:
        assert "offshore_usd" not in s.inputs
        assert any("今年离岸执行额" in p for p in s.problems)
    assert s.inputs["previous_offshore_usd"] == wan * 10000
