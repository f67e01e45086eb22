"""What a clause needs, file by file, and that the estimate dialogue's registry has it.

Adding a clause of 第三条 touches exactly these places:

    knowledge/data/clauses.yml      the clause's text, label and keywords
    knowledge/data/figures.yml      its figures (rates, caps, thresholds) with their bounding words
    knowledge/data/conditions.yml   its conditions (who applies, facts, thresholds from figures.yml)
    calculator/items/<x>.py         its arithmetic (CODE, compute)
    bot/estimate/clauses/<x>.py     its conversation (CLAUSES: code, name, trigger words, fields, failure checks)

These tests fail, naming the file, when one of them is missing or disagrees with another.
"""

import ast
import importlib
import re
from pathlib import Path

import pytest
import yaml

from bot.estimate import clauses
from bot.estimate.clauses.base import Clause, Field
from calculator import inputs as contract
from knowledge import conditions
from knowledge.figures import all_figures, words

ROOT = Path(__file__).resolve().parents[1]
CALC_ITEMS = ROOT / "calculator" / "items"
CLAUSE_MODULES = ROOT / "bot" / "estimate" / "clauses"
SHARED = {"__init__", "base"}


def module_names(folder: Path) -> set:
    return {p.stem for p in folder.glob("*.py") if p.stem not in SHARED}


def calculator_codes(name: str) -> set:
    """The item codes a calculator module computes: its string constants named CODE / *_CODE."""
    tree = ast.parse((CALC_ITEMS / f"{name}.py").read_text(encoding="utf-8"))
    codes = set()
    for node in tree.body:
        if not isinstance(node, ast.Assign):
            continue
        for target, value in _pairs(node):
            if isinstance(target, ast.Name) and re.fullmatch(r"([A-Z]+_)?CODE", target.id):
                codes.add(value.value)
    return codes


def _pairs(node: ast.Assign):
    for target in node.targets:
        if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple):
            yield from zip(target.elts, node.value.elts)
        else:
            yield target, node.value


def clause_module(name: str):
    return importlib.import_module(f"bot.estimate.clauses.{name}")


def files_for(code: str, module: str) -> dict:
    """The files a clause needs, each with whether it has the clause."""
    clause_text = {str(c["code"]) for c in yaml.safe_load((ROOT / "knowledge/data/clauses.yml").read_text("utf-8"))}
    parent = code.rstrip("ab")
    return {
        "knowledge/data/clauses.yml": parent in clause_text,
        "knowledge/data/figures.yml": parent in all_figures(),
        "knowledge/data/conditions.yml": code in conditions.clause_codes(),
        f"calculator/items/{module}.py": (CALC_ITEMS / f"{module}.py").exists() and code in calculator_codes(module),
        f"bot/estimate/clauses/{module}.py": code in {c.code for c in clause_module(module).CLAUSES},
    }


ALL = [(c.code, m.__name__.rsplit(".", 1)[1], c) for m in clauses.MODULES for c in m.CLAUSES]


class TestFilesOfAClause:
    def test_every_calculator_item_has_one_clause_module_and_back(self):
        """calculator/items/<x>.py and bot/estimate/clauses/<x>.py come in pairs, by name."""
        assert module_names(CALC_ITEMS) == module_names(CLAUSE_MODULES)

    def test_the_registry_holds_every_clause_module(self):
        registered = {m.__name__.rsplit(".", 1)[1] for m in clauses.MODULES}
        assert registered == module_names(CLAUSE_MODULES)
        assert len(clauses.MODULES) == len(registered)

    @pytest.mark.parametrize("name", sorted(module_names(CALC_ITEMS)))
    def test_each_pair_computes_and_talks_about_the_same_items(self, name):
        assert calculator_codes(name) == {c.code for c in clause_module(name).CLAUSES}

    def test_each_item_code_belongs_to_exactly_one_clause_module(self):
        codes = [c.code for m in clauses.MODULES for c in m.CLAUSES]
        assert len(codes) == len(set(codes))
        assert set(codes) == {code for name in module_names(CALC_ITEMS) for code in calculator_codes(name)}

    @pytest.mark.parametrize("code,module,clause", ALL, ids=[a[0] for a in ALL])
    def test_every_file_a_clause_needs_has_it(self, code, module, clause):
        missing = [path for path, present in files_for(code, module).items() if not present]
        assert [] == missing, f"clause {code} is missing from: {', '.join(missing)}"


class TestWhatAClauseModuleDeclares:
    @pytest.mark.parametrize("name", sorted(module_names(CLAUSE_MODULES)))
    def test_module_declares_its_clauses(self, name):
        module = clause_module(name)
        assert module.__doc__, f"{name}.py has no docstring naming its clause"
        assert isinstance(module.CLAUSES, tuple) and module.CLAUSES
        assert all(isinstance(c, Clause) for c in module.CLAUSES)

    @pytest.mark.parametrize("code,module,clause", ALL, ids=[a[0] for a in ALL])
    def test_clause_attributes(self, code, module, clause):
        assert clause.name and clause.triggers and clause.fields
        re.compile(clause.triggers)
        assert all(isinstance(f, Field) for f in clause.fields)
        assert clause.applicant in conditions.APPLICANT_TYPES
        assert conditions.APPLICANT_TYPES[clause.applicant] in conditions.spec(clause.condition_code)["applicants"]
        assert (clause.read is None) == (clause.reads_when is None)

    @pytest.mark.parametrize("code,module,clause", ALL, ids=[a[0] for a in ALL])
    def test_fields_are_the_contracts(self, code, module, clause):
        """Every field is a calculator input; its type and long label are calculator/inputs.py's."""
        for f in clause.fields:
            assert f.key in contract.FIELDS, f"{module}.py: {f.key} is not a calculator input"
            assert f.type == contract.field_type(f.key) and f.contract_label == contract.LABELS[f.key]
            assert f.label, f"{module}.py: {f.key} has no read-back label"
            assert f.recognised_by, f"{module}.py: {f.key} does not say how its figures are recognised"
            if f.type == "list":
                assert f.describe is not None, f"{module}.py: list field {f.key} has no read-back"

    @pytest.mark.parametrize("code,module,clause", ALL, ids=[a[0] for a in ALL])
    def test_every_asked_key_has_a_question(self, code, module, clause):
        class Probe:
            inputs: dict = {}
            fairs_none: list = []

        for key in clause.asked_keys() + tuple(clause.questions):
            assert clauses.question(key, Probe()), f"{module}.py: nothing asks for {key}"

    @pytest.mark.parametrize("code,module,clause", ALL, ids=[a[0] for a in ALL])
    def test_failure_checks_name_conditions_that_exist(self, code, module, clause):
        assert clause.condition_code in conditions.clause_codes()
        if clause.person_conditions:
            count_key, group_key, ids = clause.person_conditions
            known = {leaf.get("id") for leaf in conditions.leaves(clause.condition_code)}
            assert set(ids) <= known
            assert count_key in contract.FIELDS and (group_key is None or group_key in contract.FIELDS)

    def test_a_field_two_clauses_share_is_one_declaration(self):
        seen = {}
        for clause in clauses.CLAUSES:
            for f in clause.fields:
                assert seen.setdefault(f.key, f) is f, f"{f.key} is declared twice"


class TestFiguresInQuestions:
    """The figures in questions and labels are figures.yml's (tests/test_policy_literals.py checks that
    none is written in the code)."""

    def test_conditions_in_questions_quote_figures_yml(self):
        from types import SimpleNamespace

        q = clauses.FIELDS["qualified_interns"].ask(SimpleNamespace(inputs={}))
        assert words("3.7.4", "internship_months", "个月") + "以上" in q
        assert "不低于" + words("3.7.4", "social_insurance_months", "个月") in q
        assert (
            words("3.7.2", "contract_years", "年") + "以上劳动合同" in clauses.FIELDS["institution_trainees"].question
        )

    def test_checklist_quotes_the_offshore_threshold(self):
        lines = dict(clauses.checklist("enterprise"))
        assert words("3.2", "threshold_usd", "美元") in lines["3.2"]

    def test_the_fair_caps_note_quotes_figures_yml(self):
        note = clauses.market_fairs.caps_note()
        assert words("3.5", "domestic_event_cap_cny") in note and words("3.5", "overseas_event_cap_cny") in note

    def test_rent_note_quotes_the_years_cap(self):
        assert words("3.8.3", "max_years", "年") in clauses.rent.unasked_note()


class TestRegistryDrivesTheDialogue:
    def test_read_back_covers_every_field_once(self):
        from bot.estimate.session import restate

        assert len(clauses.FIELDS) == len({f.key for c in clauses.CLAUSES for f in c.fields})
        text = restate({"tech_advanced_new": True, "rent_area_m2": 120})
        assert text == "新获得技术先进型服务企业资格：是、面积120平方米"

    def test_missing_follows_the_clauses(self):
        from bot.estimate.session import EstimateSession

        s = EstimateSession(items=["3.7.4", "3.9"])
        assert s.missing() == ["internship_agreement_years", "interns_per_year", "qualified_interns", "platforms"]
        s = EstimateSession(items=["3.8.3"], inputs={"onshore_cny": 1})
        assert s.missing() == ["rent_annual_cny", "rent_area_m2", "rent_years_in_park"]

    def test_awards_given_stop_the_questions_after_innovation(self):
        from decimal import Decimal

        from bot.estimate.session import EstimateSession

        s = EstimateSession(items=["3.3", "3.5"], inputs={"_award_3.1": Decimal(400000)})
        assert s.missing() == ["innovation"]

    def test_prescreen_checklist_is_the_registry(self):
        from bot.prescreen.session import CHECKLIST

        offered = [code for lines in CHECKLIST.values() for code, _ in lines]
        assert sorted(offered) == sorted(c.code for c in clauses.CLAUSES)
