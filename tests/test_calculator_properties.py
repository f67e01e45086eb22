"""Properties that hold for every valid input (hypothesis)."""

import io
import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculator import CalculatorError, calculate
from calculator.cli import main
from knowledge.figures import figure
from strategies import fair, inputs, money, rates

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def amounts(result: dict) -> dict:
    """{code: amount_cny} of a result."""
    return {i["code"]: i["amount_cny"] for i in result["items"]}


def fixed_caps(data: dict) -> dict:
    """The most each item can reach given the input's list lengths and counts."""
    f = figure
    return {
        "3.1": f("3.1", "cap_cny"),
        "3.2": f("3.2", "cap_cny"),
        "3.3": f("3.3", "rate") * (f("3.1", "cap_cny") + f("3.2", "cap_cny")),
        "3.4": f("3.4", "award_cny"),
        "3.5": f("3.5", "domestic_annual_cap_cny") + f("3.5", "overseas_annual_cap_cny"),
        "3.6": f("3.6", "item_cap_cny") * f("3.6", "max_items"),
        "3.7.2": f("3.7.2", "per_trainee_cny") * data.get("institution_trainees", 0),
        "3.7.3": f("3.7.3", "person_cap_cny") * f("3.7.3", "max_people"),
        "3.7.4": f("3.7.4", "total_cap_cny"),
        "3.8.1": f("3.8.1", "award_cny"),
        "3.8.2a": f("3.8.2", "top_award_min_cny") * data.get("park_top_enterprises", 0),
        "3.8.2b": f("3.8.2", "investment_park_cap_cny"),
        "3.8.3": f("3.8.3", "rate") * Decimal(str(data.get("rent_annual_cny", 0))),
        "3.9": f("3.9", "platform_cap_cny") * len(data.get("platforms", [])),
    }


class TestInvariants:
    @SETTINGS
    @given(inputs())
    def test_no_item_above_its_cap(self, data):
        """No item ever exceeds its cap (caps read from knowledge/)."""
        caps = fixed_caps(data)
        over = {
            code: value
            for code, value in amounts(calculate(data)).items()
            if Decimal(repr(value)) > caps[code] + Decimal("0.01")
        }
        assert {} == over

    @SETTINGS
    @given(inputs())
    def test_total_capped_at_five_million(self, data):
        """The total is min(sum, 500万元) and total_capped says whether the cap bound."""
        result = calculate(data)
        cap = figure("4.3", "annual_total_cap_cny")
        raw = sum(Decimal(repr(v)) for v in amounts(result).values())
        assert (min(raw, cap), raw > cap) == (Decimal(repr(result["total_cny"])), result["total_capped"])
        assert result["total_cny"] <= result["total_cny_max"] <= cap

    @SETTINGS
    @given(inputs())
    def test_qualified_and_capped_semantics(self, data):
        """qualified ⇔ amount > 0; an unqualified item is never capped."""
        for found in calculate(data)["items"]:
            assert found["qualified"] == (found["amount_cny"] > 0)
            assert not (found["capped"] and not found["qualified"])

    @SETTINGS
    @given(inputs())
    def test_two_decimals(self, data):
        """Every money number in the output has at most two decimals."""
        result = calculate(data)
        numbers = [result["total_cny"], result["total_cny_max"]]
        for found in result["items"]:
            numbers.append(found["amount_cny"])
            numbers.append(found.get("amount_cny_max", 0.0))
        for value in numbers:
            d = Decimal(repr(value))
            assert d == d.quantize(Decimal("0.01"))

    @SETTINGS
    @given(inputs())
    def test_every_item_explained(self, data):
        """Every item has a Chinese explanation and a clause label."""
        for found in calculate(data)["items"]:
            assert found["explanation"] and found["clause"].startswith("第")


class TestMonotonic:
    @SETTINGS
    @given(st.lists(fair, min_size=1, max_size=15), st.data())
    def test_fairs(self, entries, data):
        """A higher cost for one fair never lowers 3.5."""
        index = data.draw(st.integers(0, len(entries) - 1))
        extra = data.draw(money(10**6))
        higher = [dict(e) for e in entries]
        higher[index]["cost_cny"] = higher[index]["cost_cny"] + extra
        before = amounts(calculate({"fairs": entries}))["3.5"]
        after = amounts(calculate({"fairs": higher}))["3.5"]
        assert before <= after

    @SETTINGS
    @given(st.lists(money(10**6), min_size=1, max_size=30), st.data())
    def test_counted_lists(self, costs, data):
        """A higher cost never lowers 3.6, 3.7.3 or 3.9, count limits included."""
        index = data.draw(st.integers(0, len(costs) - 1))
        extra = data.draw(money(10**6))
        higher = list(costs)
        higher[index] = higher[index] + extra
        for field, code in (("certifications", "3.6"), ("senior_training", "3.7.3"), ("platforms", "3.9")):
            before = amounts(calculate({field: [{"cost_cny": c} for c in costs]}))[code]
            after = amounts(calculate({field: [{"cost_cny": c} for c in higher]}))[code]
            assert before <= after, (field, before, after)

    @SETTINGS
    @given(money(10**8), money(10**8), rates)
    def test_offshore(self, usd, extra, rate):
        """More offshore business never lowers 3.2."""
        before = amounts(calculate({"offshore_usd": usd, "usd_cny_rate": rate}))["3.2"]
        after = amounts(calculate({"offshore_usd": usd + extra, "usd_cny_rate": rate}))["3.2"]
        assert before <= after

    @SETTINGS
    @given(money(10**7), money(10**7), st.decimals(min_value=1, max_value=5000, places=1))
    def test_rent(self, rent, extra, area):
        """A higher rent never lowers 3.8.3."""
        base = {"rent_years_in_park": 3, "rent_contract_amount_cny": 6000000, "rent_area_m2": float(area)}
        before = amounts(calculate(dict(base, rent_annual_cny=rent)))["3.8.3"]
        after = amounts(calculate(dict(base, rent_annual_cny=rent + extra)))["3.8.3"]
        assert before <= after


def run_cli(data: dict):
    """(status, parsed stdout) of the in-process CLI on `data`."""
    out = io.StringIO()
    status = main([], io.StringIO(json.dumps(data)), out)
    return status, json.loads(out.getvalue())


class TestCliAgrees:
    @SETTINGS
    @given(inputs())
    def test_in_process(self, data):
        """The CLI's output equals calculate() on the same input."""
        assert (0, calculate(data)) == run_cli(data)

    @settings(max_examples=100, deadline=None)
    @given(inputs(with_rates=False))
    def test_errors_agree(self, data):
        """Without rates, the CLI fails exactly when calculate() does, naming the same field."""
        try:
            expected = (0, calculate(data, rate_table=[]))
        except CalculatorError as exc:
            expected = (2, {"error": exc.message, "field": exc.field})
        saved = os.environ.get("CALCULATOR_RATES_FILE")
        os.environ["CALCULATOR_RATES_FILE"] = str(ROOT / "no-such-rates-table.yml")
        try:
            assert expected == run_cli(data)
        finally:
            if saved is None:
                del os.environ["CALCULATOR_RATES_FILE"]
            else:
                os.environ["CALCULATOR_RATES_FILE"] = saved

    @settings(max_examples=5, deadline=None)
    @given(inputs())
    def test_subprocess(self, data):
        """A few real subprocess runs agree with calculate()."""
        proc = subprocess.run(
            [sys.executable, "-m", "calculator"],
            input=json.dumps(data),
            cwd=ROOT,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )
        assert (0, calculate(data)) == (proc.returncode, json.loads(proc.stdout))

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.lists(inputs(), min_size=1, max_size=5))
    def test_jsonl(self, batch):
        """--jsonl gives calculate() of each line."""
        out = io.StringIO()
        text = "\n".join(json.dumps(d) for d in batch) + "\n"
        status = main(["--jsonl"], io.StringIO(text), out)
        assert (0, [calculate(d) for d in batch]) == (
            status,
            [json.loads(line) for line in out.getvalue().splitlines()],
        )

    @SETTINGS
    @given(
        st.dictionaries(
            st.text(max_size=8),
            st.one_of(
                st.none(),
                st.booleans(),
                st.integers(),
                st.floats(),
                st.text(max_size=5),
                st.lists(st.integers(), max_size=3),
            ),
            max_size=4,
        )
    )
    def test_garbage_never_crashes(self, data):
        """Arbitrary objects give a result or an error object, never an internal error."""
        out = io.StringIO()
        text = json.dumps(data)
        status = main([], io.StringIO(text), out)
        result = json.loads(out.getvalue())
        assert status in (0, 2)
        assert "内部错误" not in result.get("error", "")
