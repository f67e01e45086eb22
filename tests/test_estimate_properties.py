"""Property tests of the estimate conversation over generated messages, one group per clause.

The invariant (issue 14): every number an estimate uses is a span the user typed (or a sum of
the eligible costs typed for one fair); nothing is averaged, split or guessed; a figure whose
role is unclear is asked about, naming it; every figure typed is used, asked about or named as
not counted. And each generated estimate equals the calculator on the generated figures.
"""

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.estimate.session import EstimateSession, calculator_inputs
from bot.estimate.understand import figures
from bot.nlu.normalize import normalize
from calculator import calculate

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# whole 万 amounts and plain yuan amounts, written the ways finance staff type them
wan = st.integers(min_value=1, max_value=9999)
rate = st.decimals(min_value=Decimal("6.1"), max_value=Decimal("7.4"), places=2)
DOMESTIC = ["郑州", "北京", "上海", "成都", "杭州", "西安"]
OVERSEAS = ["迪拜", "新加坡", "东京", "德国", "曼谷", "吉隆坡"]


def yuan_text(n_wan: int, style: int) -> str:
    """n万 as 120万 / 120万元 / 1,200,000元 / 120w."""
    return [f"{n_wan}万", f"{n_wan}万元", f"{n_wan * 10000:,}元", f"{n_wan}w"][style % 4]


def typed_values(text: str) -> set:
    """Every figure value the user typed."""
    return {f.value for f in figures(normalize(text)) if f.value is not None}


def amounts(result: dict) -> dict:
    return {i["code"]: Decimal(str(i["amount_cny"])) for i in result["items"]}


def used_numbers(inputs: dict) -> list:
    """The money and count figures an estimate's inputs hold (lists flattened)."""
    out = []
    for key, value in calculator_inputs(inputs).items():
        if isinstance(value, list):
            out += [Decimal(str(e["cost_cny"])) for e in value]
        elif isinstance(value, (int, Decimal)) and not isinstance(value, bool) and key != "year":
            out.append(Decimal(value))
    return out


def assert_all_typed(session: EstimateSession, text: str, allowed=()) -> None:
    typed = typed_values(text) | {Decimal(0)} | set(allowed)
    for value in used_numbers(session.inputs):
        assert value in typed, f"{value} was not typed in {text!r}"


class TestIncrement:
    """三（一）: onshore amounts of two years."""

    @SETTINGS
    @given(wan, wan, st.integers(0, 3), st.integers(0, 3))
    def test_onshore_two_years(self, prev, cur, s1, s2):
        """Each generated estimate equals the calculator on the generated figures."""
        text = f"去年在岸执行额{yuan_text(prev, s1)}，今年在岸{yuan_text(cur, s2)}，增量奖励能拿多少"
        s = EstimateSession.start(text)
        assert "done" == s.status
        assert_all_typed(s, text)
        expected = calculate({"onshore_cny": cur * 10000, "previous_onshore_cny": prev * 10000})
        assert amounts(expected)["3.1"] == amounts(s.compute())["3.1"]

    @SETTINGS
    @given(wan, wan)
    def test_unclear_kind_is_asked_naming_the_figure(self, prev, cur):
        """ "今年执行额X万 去年Y万" with 离岸 named but not which figure is: both figures are asked about."""
        text = f"今年服务外包执行额{cur}万 去年{prev}万 有一部分是离岸的 增量奖多少"
        s = EstimateSession.start(text)
        assert s.clarify is not None
        assert f"{cur:,}万" in s.question() or f"{cur}万" in s.question()
        assert not calculator_inputs(s.inputs).get("onshore_cny")

    @SETTINGS
    @given(wan, wan)
    def test_yuan_totals_for_the_increment_alone_are_summed(self, prev, cur):
        """ "今年执行额X万 去年Y万 增量奖多少": yuan totals decide 三（一）; said as such, never split."""
        text = f"今年服务外包执行额{cur}万 去年{prev}万 增量奖多少"
        s = EstimateSession.start(text)
        assert s.status == "done" and any("人民币合计" in n for n in s.notes)
        expected = calculate({"onshore_cny": cur * 10000, "previous_onshore_cny": prev * 10000})
        assert amounts(expected)["3.1"] == amounts(s.compute())["3.1"]


class TestOffshore:
    """三（二）: offshore dollars at the year's rate; 三（一） with rates of both years."""

    @SETTINGS
    @given(st.integers(min_value=50, max_value=5000), rate)
    def test_offshore_with_rate(self, usd_wan, r):
        text = f"今年离岸执行额{usd_wan}万美元，汇率{r}，离岸奖励多少"
        s = EstimateSession.start(text)
        assert "done" == s.status
        assert_all_typed(s, text)
        expected = calculate({"offshore_usd": usd_wan * 10000, "usd_cny_rate": r})
        assert amounts(expected)["3.2"] == amounts(s.compute())["3.2"]

    @SETTINGS
    @given(st.integers(50, 3000), st.integers(50, 3000), rate, rate, st.booleans())
    def test_rates_of_both_years_in_one_phrase(self, prev, cur, r_prev, r_cur, explicit):
        """ "汇率今年7.1、去年6.9" and "汇率2022年按…、2023年按…" are read, each with its year."""
        rates = f"汇率2022年按{r_prev}、2023年按{r_cur}" if explicit else f"汇率今年{r_cur}、去年{r_prev}"
        years = ("2022年", "2023年") if explicit else ("去年", "今年")
        text = f"{years[0]}离岸{prev}万美元，{years[1]}离岸{cur}万美元，{rates}，增量奖励多少"
        s = EstimateSession.start(text)
        assert "done" == s.status
        assert_all_typed(s, text)
        expected = calculate(
            {
                "offshore_usd": cur * 10000,
                "previous_offshore_usd": prev * 10000,
                "usd_cny_rate": r_cur,
                "previous_usd_cny_rate": r_prev,
            }
        )
        assert amounts(expected)["3.1"] == amounts(s.compute())["3.1"]

    @SETTINGS
    @given(st.integers(50, 3000))
    def test_offshore_without_currency_is_asked(self, n):
        """ "离岸执行额X万" with no currency: asked, naming the figure as the user wrote it, never guessed."""
        s = EstimateSession.start(f"离岸执行额{n}万能奖多少")
        assert "美元" in s.question() and f"{n}万" in s.question()
        assert "offshore_usd" not in s.inputs


class TestInnovation:
    """三（三）: 15% of 三（一）+三（二）, read from 研发投入 / 软著 statements."""

    @SETTINGS
    @given(
        wan,
        wan,
        st.sampled_from(
            ["研发投入连续两年都在涨", "研发投入两年都在增长", "软著连续两年都有新的", "这两年每年都有新发明专利"]
        ),
    )
    def test_condition_said_yes(self, prev, cur, said):
        text = f"{said}，去年在岸{prev}万，今年在岸{cur}万，创新奖励多少"
        s = EstimateSession.start(text)
        assert "done" == s.status
        assert_all_typed(s, text)
        expected = calculate(
            {"onshore_cny": cur * 10000, "previous_onshore_cny": prev * 10000, "innovation_rd_growth_two_years": True}
        )
        assert amounts(expected)["3.3"] == amounts(s.compute())["3.3"]


class TestFairs:
    """三（五）: fairs told one by one; eligible costs summed, travel named as not counted."""

    @SETTINGS
    @given(
        st.lists(
            st.tuples(st.sampled_from(DOMESTIC + OVERSEAS), st.integers(1, 20), st.integers(0, 10), st.integers(0, 5)),
            min_size=1,
            max_size=3,
            unique_by=lambda t: t[0],
        )
    )
    def test_itemised_fairs(self, fairs):
        parts, expected, travel = [], [], []
        for place, booth, build, flight in fairs:
            text = f"{place}那场展位费{booth}万"
            cost = booth * 10000
            if build:
                text += f" 布展费{build}万"
                cost += build * 10000
            if flight:
                text += f" 机票{flight}万"
                travel.append(flight)
            parts.append(text)
            expected.append({"region": "domestic" if place in DOMESTIC else "overseas", "cost_cny": cost})
        message = "；".join(parts) + "，展会补贴一共多少"
        s = EstimateSession.start(message)
        assert "done" == s.status
        sums = {Decimal(e["cost_cny"]) for e in expected}
        assert_all_typed(s, message, allowed=sums)
        assert amounts(calculate({"fairs": expected}))["3.5"] == amounts(s.compute())["3.5"]
        if travel:
            assert any("机票" in n and "不" in n for n in s.notes)

    @SETTINGS
    @given(st.integers(2, 6), st.integers(5, 50))
    def test_total_over_several_fairs_is_not_averaged(self, count, total_wan):
        """ "N场展会一共花了X万": each fair's cost is asked; no average is computed."""
        s = EstimateSession.start(f"参加了{count}场境外展会，一共花了{total_wan}万，补贴多少")
        if s.clarify and s.clarify["kind"] == "per_or_total":
            s.handle("合计")
        assert "fairs" not in s.inputs
        assert "平均" in s.question() or "每场" in s.question()


class TestCertificationsTrainingPlatforms:
    """三（六）、三（七）3、三（九）: one entry per certification, person or platform named."""

    @SETTINGS
    @given(
        st.lists(
            st.tuples(st.sampled_from(["CMMI", "ITSS", "PCMM", "CCRC"]), st.integers(1, 60)),
            min_size=1,
            max_size=3,
            unique_by=lambda t: t[0],
        )
    )
    def test_certifications(self, certs):
        text = "，".join(f"{name}认证费{cost}万" for name, cost in certs) + "，资质认证补贴多少"
        s = EstimateSession.start(text)
        assert "done" == s.status
        assert_all_typed(s, text)
        expected = calculate({"certifications": [{"name": n, "cost_cny": c * 10000} for n, c in certs]})
        assert amounts(expected)["3.6"] == amounts(s.compute())["3.6"]

    @SETTINGS
    @given(st.integers(1, 15), st.integers(1, 10), st.integers(1, 10), st.integers(1, 10))
    def test_training_groups(self, n1, c1, n2, c2):
        text = f"中高级人才培训：{n1}个项目经理每人{c1}万，另外{n2}个人每人{c2}万，培训补贴多少"
        s = EstimateSession.start(text)
        assert "done" == s.status
        assert_all_typed(s, text)
        people = [{"cost_cny": c1 * 10000}] * n1 + [{"cost_cny": c2 * 10000}] * n2
        assert amounts(calculate({"senior_training": people}))["3.7.3"] == amounts(s.compute())["3.7.3"]

    @SETTINGS
    @given(
        st.lists(
            st.tuples(st.sampled_from(["公共技术服务平台", "信息服务平台", "培训服务平台"]), st.integers(10, 2000)),
            min_size=1,
            max_size=3,
            unique_by=lambda t: t[0],
        )
    )
    def test_platforms(self, platforms):
        """Each platform named keeps its own cost (the 800万/150万 case: nothing split or dropped)."""
        text = "，".join(f"{name}投入{cost}万" for name, cost in platforms) + "，平台补贴一共多少"
        s = EstimateSession.start(text)
        assert "done" == s.status
        assert_all_typed(s, text)
        expected = calculate({"platforms": [{"cost_cny": c * 10000} for _, c in platforms]})
        assert amounts(expected)["3.9"] == amounts(s.compute())["3.9"]

    @SETTINGS
    @given(st.integers(2, 5), st.integers(100, 2000))
    def test_platform_total_is_not_split(self, count, total):
        s = EstimateSession.start(f"我们建了{count}个平台 一共花了{total}万 平台补贴能有多少")
        assert "platforms" not in s.inputs
        assert s.clarify is not None and f"{total}万" in s.question()


class TestInternsRentAndFlags:
    """三（七）4、三（八）3、三（四）."""

    @SETTINGS
    @given(st.integers(1, 5), st.integers(1, 200), st.integers(1, 150))
    def test_interns(self, years, per_year, qualified):
        text = (
            f"和高校签了{years}年实训协议，每年接收实习生{per_year}名，符合条件的应届毕业生{qualified}人，实训补贴多少"
        )
        s = EstimateSession.start(text)
        assert "done" == s.status
        assert_all_typed(s, text)
        expected = calculate(
            {"internship_agreement_years": years, "interns_per_year": per_year, "qualified_interns": qualified}
        )
        assert amounts(expected)["3.7.4"] == amounts(s.compute())["3.7.4"]

    @SETTINGS
    @given(st.integers(1, 8), st.integers(100, 9000), st.integers(100, 3000), st.integers(5, 200))
    def test_rent(self, years, contract_wan, area, rent_wan):
        text = (
            f"入驻重点园区{years}年了，合同执行额{contract_wan}万，办公面积{area}平，年租金{rent_wan}万，租金补贴多少"
        )
        s = EstimateSession.start(text)
        assert "done" == s.status
        assert_all_typed(s, text)
        expected = calculate(
            {
                "rent_years_in_park": years,
                "rent_contract_amount_cny": contract_wan * 10000,
                "rent_area_m2": area,
                "rent_annual_cny": rent_wan * 10000,
            }
        )
        assert amounts(expected)["3.8.3"] == amounts(s.compute())["3.8.3"]

    @SETTINGS
    @given(st.integers(50, 3000), rate)
    def test_added_item_joins_the_running_estimate(self, usd_wan, r):
        """ "再加上技术先进型的奖励，一共多少" extends the estimate already made."""
        first = EstimateSession.start(f"今年离岸执行额{usd_wan}万美元，汇率{r}，离岸奖励多少")
        s = EstimateSession.start(
            "再加上技术先进型的奖励，一共多少 我们是今年新认定的技术先进型服务企业",
            running=calculator_inputs(first.inputs),
        )
        assert "done" == s.status
        expected = calculate({"offshore_usd": usd_wan * 10000, "usd_cny_rate": r, "tech_advanced_new": True})
        assert Decimal(str(expected["total_cny"])) == Decimal(str(s.compute()["total_cny"]))
