"""How the modules of actions/, bot/ and calculator/ depend on each other: no import cycle among the
actions, and no module reaching into another module's private names."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("actions", "bot", "calculator", "knowledge")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path: Path) -> set:
    """Every module `path` imports (at the top or inside a function), as dotted names."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
    return out


def action_graph() -> dict:
    modules = {module_name(p): p for p in (ROOT / "actions").glob("*.py")}
    return {name: {m for m in imports_of(path) if m in modules and m != name} for name, path in modules.items()}


def cycle(graph: dict):
    """One import cycle of `graph` as a list of modules, or None."""
    state: dict = {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                return trail[trail.index(nxt) :] + [nxt]
            if nxt not in state:
                found = visit(nxt, trail + [nxt])
                if found:
                    return found
        state[node] = "done"
        return None

    for start in sorted(graph):
        if start not in state:
            found = visit(start, [start])
            if found:
                return found
    return None


class TestActionImports:
    def test_no_import_cycle_among_actions(self):
        """actions/estimate.py, forms.py and policy.py (and the rest) import one another without a cycle,
        counting the imports made inside functions."""
        assert cycle(action_graph()) is None

    def test_the_check_finds_a_cycle(self):
        assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
        assert cycle({"a": {"b"}, "b": set()}) is None

    def test_one_module_owns_the_estimate_slots(self):
        """Only actions/estimate_store.py names the estimate session's slots."""
        owners = set()
        for path in (ROOT / "actions").glob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and node.value in ("estimate_state", "estimate_inputs"):
                    owners.add(path.name)
        assert owners == {"estimate_store.py"}


def private_uses(path: Path) -> list:
    """`from x import _y` and `x._y` where x is another module of the project (not self/cls)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported_modules = {}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in PACKAGES:
            for a in node.names:
                if a.name.startswith("_") and not a.name.startswith("__"):
                    found.append(f"from {node.module} import {a.name}")
                imported_modules[a.asname or a.name] = f"{node.module}.{a.name}"
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] in PACKAGES:
                    imported_modules[a.asname or a.name.split(".")[0]] = a.name
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and isinstance(node.value, ast.Name)
            and node.value.id in imported_modules
        ):
            found.append(f"{node.value.id}.{node.attr}")
    return found


class TestPublicInterfaces:
    def test_no_module_calls_another_modules_private_names(self):
        found = []
        for package in PACKAGES:
            for path in sorted((ROOT / package).rglob("*.py")):
                found += [f"{path.relative_to(ROOT)}: {use}" for use in private_uses(path)]
        assert [] == found

    def test_the_check_finds_a_private_use(self, tmp_path):
        sample = tmp_path / "sample.py"
        sample.write_text("from bot.estimate.session import _x\nfrom bot.estimate import items\nitems._y()\n")
        assert private_uses(sample) == ["from bot.estimate.session import _x", "items._y"]
