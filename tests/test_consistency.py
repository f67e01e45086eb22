"""The pieces agree: domain ↔ actions ↔ data ↔ knowledge, and the core stays free of Rasa."""

import ast
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
FORM_ACTIONS = {"estimate_form", "prescreen_form"}


def action_classes() -> dict:
    """Action name → class name, read from actions/*.py without importing Rasa."""
    found = {}
    for path in (ROOT / "actions").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in [n for n in tree.body if isinstance(n, ast.ClassDef)]:
            for fn in [n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "name"]:
                ret = next((n for n in ast.walk(fn) if isinstance(n, ast.Return)), None)
                if ret is not None and isinstance(ret.value, ast.Constant):
                    found[ret.value.value] = cls.name
    return found


def nlu_intents() -> dict:
    counts = {}
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if "intent" in block:
                counts[block["intent"]] = counts.get(block["intent"], 0) + len(
                    [line for line in block["examples"].splitlines() if line.strip().startswith("- ")]
                )
    return counts


class TestDomain:
    """domain.yml, actions/ and data/ agree."""

    def test_every_action_has_a_class(self):
        """Each custom action listed in the domain is implemented."""
        assert [] == sorted(set(DOMAIN["actions"]) - set(action_classes()))

    def test_every_class_is_listed(self):
        """Each implemented action is listed in the domain."""
        assert [] == sorted(set(action_classes()) - set(DOMAIN["actions"]))

    def test_every_response_used_in_python_exists(self):
        """utter_* names used in Python exist in the domain."""
        used = set()
        for path in list((ROOT / "actions").glob("*.py")) + list((ROOT / "bot").rglob("*.py")):
            used |= set(re.findall(r"[\"'](utter_[a-z_]+)[\"']", path.read_text(encoding="utf-8")))
        assert [] == sorted(used - set(DOMAIN["responses"]))

    def test_every_intent_has_examples(self):
        """Each intent has at least 40 training examples."""
        counts = nlu_intents()
        assert {i: counts.get(i, 0) for i in DOMAIN["intents"] if counts.get(i, 0) < 40} == {}

    def test_no_stray_intents(self):
        """Training data uses only the domain's intents."""
        assert [] == sorted(set(nlu_intents()) - set(DOMAIN["intents"]))

    def test_forms_have_ask_and_validate_actions(self):
        """Each form has its validate_<form> action and an action_ask_<slot>."""
        for form, spec in DOMAIN["forms"].items():
            assert f"validate_{form}" in DOMAIN["actions"]
            for slot in spec["required_slots"]:
                assert f"action_ask_{slot}" in DOMAIN["actions"]


def nlu_examples(path: Path) -> list:
    """(normalised text, intent) of every example in one NLU file."""
    out = []
    for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []) or []:
        if "intent" not in block:
            continue
        for line in block["examples"].splitlines():
            line = line.strip()
            if line.startswith("- "):
                text = re.sub(r"\[([^\]]*)\][({][^)}]*[)}]", r"\1", line[2:])
                out.append((re.sub(r"[\s?？!！。.,，~～]+$", "", text.strip().lower()), block["intent"]))
    return out


class TestTrainingData:
    """The NLU data is clean: one label per text, nothing copied from held-out or sample cases."""

    TRAINING = [e for p in sorted((ROOT / "data" / "nlu").glob("*.yml")) for e in nlu_examples(p)]

    def test_no_text_has_two_intents(self):
        labels = {}
        for text, intent in self.TRAINING:
            labels.setdefault(text, set()).add(intent)
        assert {t: sorted(i) for t, i in labels.items() if len(i) > 1} == {}

    def test_holdout_is_not_trained_on(self):
        trained = {t for t, _ in self.TRAINING}
        held = [t for t, _ in nlu_examples(ROOT / "tests" / "nlu_holdout.yml")]
        assert len(held) > 200
        assert [t for t in held if t in trained] == []

    def test_shared_samples_are_not_trained_on(self):
        samples = ROOT.parent / "shared" / "eval" / "sample_cases.yaml"
        if not samples.exists():
            pytest.skip("../shared/eval/sample_cases.yaml is not beside this checkout")
        cases = yaml.safe_load(samples.read_text(encoding="utf-8"))
        says = {re.sub(r"[\s?？!！。.,，~～]+$", "", c["say"].strip().lower()) for c in cases if c.get("say")}
        assert len(says) >= 10
        assert sorted(says & {t for t, _ in self.TRAINING}) == []


class TestKnowledgeReach:
    """Every clause can be reached by a question."""

    def test_every_leaf_clause_is_answered(self):
        """For each support clause, asking by its title gets an answer that names it."""
        from bot.answers import compose
        from knowledge import query

        missed = []
        for c in query.clauses():
            if not c["text"]:
                continue
            family = {"1": "ask_business_scope", "2": "ask_eligibility"}.get(c["code"], "ask_subsidy")
            if c["code"].startswith("4"):
                family = "ask_general_rules"
            answer = compose(family, c["title"] if c["code"].startswith("3") else c["keywords"][0])
            if c["label"] not in answer.text:
                missed.append((c["code"], answer.text[:60]))
        assert [] == missed


class TestCoreIsPlain:
    """calculator/, knowledge/ and the dialogue core import no Rasa."""

    @pytest.mark.parametrize(
        "package", ["calculator", "knowledge", "bot/estimate", "bot/answers", "bot/prescreen", "bot/reports"]
    )
    def test_no_rasa_import(self, package):
        """No module in the package imports rasa or rasa_sdk."""
        offenders = []
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom):
                    names = [node.module or ""]
                if any(n == "rasa" or n.startswith(("rasa.", "rasa_sdk")) for n in names):
                    offenders.append(str(path.relative_to(ROOT)))
        assert [] == offenders


def test_other_policies_are_features_too():
    """Every other policy the NLU lookup teaches DIET is one the knowledge base declines when it is the subject."""
    from knowledge import query

    blocks = yaml.safe_load((ROOT / "data" / "nlu" / "lookups.yml").read_text(encoding="utf-8"))["nlu"]
    lookup = next(b for b in blocks if b.get("lookup") == "other_policy")
    terms = [line.strip()[2:] for line in lookup["examples"].splitlines() if line.strip().startswith("- ")]
    assert [t for t in terms if query.other_policy(f"{t}怎么办理") is None] == []
