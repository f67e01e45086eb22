"""Policy figures live only in knowledge/data/: no amount, rate or threshold is written in bot/ or actions/."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:万元|万美元|万|元|%|美元)")
# what a user might type, shown as an example (「离岸执行额150万美元能拿多少？」), and "0元" (nothing)
EXAMPLE = re.compile(r"“[^”]*”|「[^」]*」|例如[^。]*|比如[^。]*|(?<![\d.])0元|(?<![\d.])1美元(?=折合|兑)")
# module constants that hold sample user messages (warm-up turns), not answers
SAMPLE_NAMES = re.compile(r"TEXTS|EXAMPLES|SAMPLES")


def string_literals(path: Path):
    """(line, text) of every string constant in a module that is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docs.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and SAMPLE_NAMES.search(t.id) for t in node.targets
        ):
            docs.update(id(n) for n in ast.walk(node.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.lineno, node.value


class TestNoPolicyLiterals:
    def test_no_figure_written_in_bot_or_actions(self):
        """Every policy figure in an answer or question comes from knowledge/data/figures.yml."""
        found = []
        for folder in ("bot", "actions"):
            for path in sorted((ROOT / folder).rglob("*.py")):
                for line, text in string_literals(path):
                    for m in FIGURE.finditer(EXAMPLE.sub("", text)):
                        found.append(f"{path.relative_to(ROOT)}:{line}: {m.group(0)}")
        assert [] == found

    def test_the_check_finds_a_literal(self):
        """The scan is not blind: a cap written into a string is found."""
        assert FIGURE.search(EXAMPLE.sub("", "境内每场最高补贴2万元")) is not None
        assert FIGURE.search(EXAMPLE.sub("", "例如“离岸执行额150万美元”")) is None
