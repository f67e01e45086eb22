"""The command line `python -m calculator [--jsonl] [FILE]`: results, errors, speed."""

import ast
import io
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from calculator.cli import main

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
EXAMPLE = {
    "entity_type": "legal_person",
    "registered_in_zhengzhou": True,
    "clear_property_rights": True,
    "lawful_operation": True,
    "lawful_tax": True,
    "sound_finance": True,
    "mofcom_registered": True,
    "year": 2023,
    "usd_cny_rate": 7.0467,
    "offshore_usd": 1500000,
}


def cli(text, *argv):
    """Run main() in-process on `text` (str or bytes); (exit status, stdout text)."""
    stdin = io.BytesIO(text) if isinstance(text, bytes) else io.StringIO(text)
    out = io.StringIO()
    status = main(list(argv), stdin, out)
    return status, out.getvalue()


def error_of(text, *argv):
    """(exit status, error object) of a run expected to fail."""
    status, out = cli(text, *argv)
    return status, json.loads(out)


def subprocess_run(args, text=None):
    """Run `python -m calculator` for real."""
    return subprocess.run(
        [PYTHON, "-m", "calculator", *args],
        input=text,
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


class TestSingleObject:
    def test_result(self):
        """One object in, one result line out, exit 0."""
        status, out = cli(json.dumps(EXAMPLE))
        result = json.loads(out)
        assert (0, 1057005.0, 1) == (status, result["total_cny"], out.count("\n"))

    def test_bytes_with_bom(self):
        """UTF-8 input with a byte-order mark is read."""
        status, out = cli(b"\xef\xbb\xbf" + json.dumps(EXAMPLE).encode("utf-8"))
        assert 0 == status

    def test_file_argument(self, tmp_path):
        """A file named on the command line is read instead of stdin."""
        path = tmp_path / "input.json"
        path.write_text(json.dumps(EXAMPLE), encoding="utf-8")
        status, out = cli("not json", str(path))
        assert (0, 1057005.0) == (status, json.loads(out)["total_cny"])

    def test_dash_is_stdin(self):
        """FILE "-" means stdin."""
        assert 0 == cli(json.dumps(EXAMPLE), "-")[0]

    def test_help(self):
        """--help prints the usage and exits 0."""
        status, out = cli("", "--help")
        assert (0, True) == (status, "--jsonl" in out)


BAD_INPUTS = [
    ("{", None),
    ("", None),
    ("   \n", None),
    ("[]", None),
    ('"text"', None),
    ("42", None),
    ("null", None),
    ('{"offshore_usd": NaN}', None),
    ('{"offshore_usd": Infinity}', None),
    ('{"offshore_usd": -Infinity}', None),
    ('{"offshore_usd": 1e999}', "offshore_usd"),
    ('{"offshore_usd": ' + "9" * 5000 + "}", "offshore_usd"),
    ('{"year": 2023, "year": 2024}', "year"),
    ('{"offhsore_usd": 1}', "offhsore_usd"),
    ('{"offshore_usd": true}', "offshore_usd"),
    ('{"onshore_cny": false}', "onshore_cny"),
    ('{"offshore_usd": "1500000"}', "offshore_usd"),
    ('{"offshore_usd": [1]}', "offshore_usd"),
    ('{"offshore_usd": {}}', "offshore_usd"),
    ('{"offshore_usd": -1}', "offshore_usd"),
    ('{"onshore_cny": -0.01}', "onshore_cny"),
    ('{"onshore_cny": 10000000000000.01}', "onshore_cny"),
    ('{"offshore_usd": 2e13}', "offshore_usd"),
    ('{"usd_cny_rate": 0}', "usd_cny_rate"),
    ('{"usd_cny_rate": -7}', "usd_cny_rate"),
    ('{"previous_usd_cny_rate": 0.0}', "previous_usd_cny_rate"),
    ('{"usd_cny_rate": "7.05"}', "usd_cny_rate"),
    ('{"new_enterprise": 1}', "new_enterprise"),
    ('{"new_enterprise": "true"}', "new_enterprise"),
    ('{"entity_type": "person"}', "entity_type"),
    ('{"entity_type": 1}', "entity_type"),
    ('{"year": 1999}', "year"),
    ('{"year": 2101}', "year"),
    ('{"year": 2023.5}', "year"),
    ('{"year": "2023"}', "year"),
    ('{"institution_trainees": 20.5}', "institution_trainees"),
    ('{"interns_per_year": -1}', "interns_per_year"),
    ('{"qualified_interns": 10000001}', "qualified_interns"),
    ('{"park_top_enterprises": true}', "park_top_enterprises"),
    ('{"rent_years_subsidized": 1.5}', "rent_years_subsidized"),
    ('{"internship_agreement_years": -2}', "internship_agreement_years"),
    ('{"rent_area_m2": 0, "rent_annual_cny": 1}', "rent_area_m2"),
    ('{"rent_annual_cny": 1}', "rent_area_m2"),
    ('{"fairs": {"region": "domestic", "cost_cny": 1}}', "fairs"),
    ('{"fairs": [1]}', "fairs[0]"),
    ('{"fairs": [{"region": "domestic", "cost_cny": 1}, "x"]}', "fairs[1]"),
    ('{"fairs": [{"region": "mars", "cost_cny": 1}]}', "fairs[0].region"),
    ('{"fairs": [{"region": "domestic", "cost_cny": 1}, {"region": "domestic", "cost_cny": -5}]}', "fairs[1].cost_cny"),
    ('{"fairs": [{"region": "domestic"}]}', "fairs[0].cost_cny"),
    ('{"fairs": [{"region": "domestic", "cost_cny": 1, "days": 3}]}', "fairs[0].days"),
    ('{"fairs": [{"region": "domestic", "cost_cny": true}]}', "fairs[0].cost_cny"),
    ('{"certifications": [{"name": 5, "cost_cny": 1}]}', "certifications[0].name"),
    ('{"certifications": [{"name": "CMMI", "cost_cny": "1"}]}', "certifications[0].cost_cny"),
    ('{"senior_training": [{"cost_cny": 1, "person": "x"}]}', "senior_training[0].person"),
    ('{"platforms": [{"cost_cny": NaN}]}', None),
    ('{"platforms": [{"cost_cny": 1e14}]}', "platforms[0].cost_cny"),
    ('{"senior_training": [' + ",".join(['{"cost_cny": 1}'] * 10001) + "]}", "senior_training"),
    ('{"offshore_usd": 2000000}', "usd_cny_rate"),
    ('{"onshore_cny": 1, "previous_offshore_usd": 1}', "previous_usd_cny_rate"),
    ("[" * 100000 + "]" * 100000, None),
]


class TestBadInput:
    @pytest.mark.parametrize("text, field", BAD_INPUTS)
    def test_error_object(self, text, field):
        """Bad input: exit 2 and {"error": <中文>, "field": …}, nothing else."""
        status, error = error_of(text)
        assert (2, ["error", "field"], field) == (status, list(error), error["field"])
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error["error"])

    def test_invalid_utf8(self):
        """Bytes that are not UTF-8 are an error, not a traceback."""
        assert (2, None) == (error_of(b'{"year": "\xff"}')[0], error_of(b"\xff")[1]["field"])

    def test_missing_file(self, tmp_path):
        """A missing input file is an error object."""
        status, error = error_of("", str(tmp_path / "nope.json"))
        assert (2, None) == (status, error["field"])

    def test_unknown_option(self):
        """An unknown option is an error object."""
        assert 2 == error_of("{}", "--yaml")[0]

    def test_two_files(self):
        """Only one input file is accepted."""
        assert 2 == error_of("{}", "a.json", "b.json")[0]

    @pytest.mark.parametrize(
        "text",
        [
            '{"interns_per_year": 20.0, "qualified_interns": 1}',
            '{"year": 2023.0}',
            '{"qualified_interns": 1e1}',
            '{"offshore_usd": null}',
        ],
    )
    def test_lenient_forms(self, text):
        """Integral numbers written as 20.0 count as ints; null counts as not given."""
        assert 0 == cli(text)[0]


class TestJsonl:
    def test_one_line_per_line(self):
        """Each line yields its own result or error object; exit 2 when any failed."""
        lines = [json.dumps(EXAMPLE), "{bad", json.dumps({"tech_advanced_new": True}), '{"offshore_usd": -1}', "[]"]
        status, out = cli("\n".join(lines) + "\n", "--jsonl")
        objects = [json.loads(line) for line in out.splitlines()]
        assert 2 == status
        assert [1057005.0, None, 100000.0, None, None] == [o.get("total_cny") for o in objects]
        assert [2, 4, 5] == [o["line"] for o in objects if "error" in o]
        assert "offshore_usd" == objects[3]["field"]

    def test_all_good_exit_zero(self):
        """All lines good: exit 0; blank lines are skipped."""
        status, out = cli(json.dumps(EXAMPLE) + "\n\n" + "{}\n", "--jsonl")
        assert (0, 2) == (status, len(out.splitlines()))

    def test_empty_input(self):
        """No lines: no output, exit 0."""
        assert (0, "") == cli("", "--jsonl")

    def test_bad_bytes_line(self):
        """A line that is not UTF-8 fails alone."""
        status, out = cli(b'{}\n\xff\xfe\n{"tech_advanced_new": true}\n', "--jsonl")
        objects = [json.loads(line) for line in out.splitlines()]
        assert (2, [False, True, False]) == (status, ["error" in o for o in objects])

    def test_file(self, tmp_path):
        """--jsonl reads a named file too."""
        path = tmp_path / "batch.jsonl"
        path.write_text("{}\n{}\n", encoding="utf-8")
        status, out = cli("", "--jsonl", str(path))
        assert (0, 2) == (status, len(out.splitlines()))


class TestSubprocess:
    def test_stdin(self):
        """The real command reads stdin and writes UTF-8 JSON."""
        proc = subprocess_run([], json.dumps(EXAMPLE))
        assert (0, "", 1057005.0) == (proc.returncode, proc.stderr, json.loads(proc.stdout)["total_cny"])
        assert "离岸业务奖励" in proc.stdout

    def test_file(self, tmp_path):
        """The real command reads a named file."""
        path = tmp_path / "in.json"
        path.write_text(json.dumps(EXAMPLE), encoding="utf-8")
        proc = subprocess_run([str(path)])
        assert (0, "") == (proc.returncode, proc.stderr)

    @pytest.mark.parametrize("text", ["{", '{"offshore_usd": NaN}', '{"fairs": [1]}', "\xff"])
    def test_error_no_traceback(self, text):
        """Errors exit 2 with a JSON object on stdout and nothing on stderr."""
        proc = subprocess_run([], text)
        assert (2, "", ["error", "field"]) == (proc.returncode, proc.stderr, list(json.loads(proc.stdout)))

    def test_median_wall_time(self):
        """A call takes well under a second (median of 5 runs)."""
        times = []
        for _ in range(5):
            start = time.perf_counter()
            proc = subprocess_run([], json.dumps(EXAMPLE))
            times.append(time.perf_counter() - start)
            assert 0 == proc.returncode
        assert statistics.median(times) < 0.8, times

    def test_jsonl_ten_thousand_lines(self, tmp_path):
        """--jsonl handles 10,000 lines in a few seconds."""
        lines = []
        for i in range(10000):
            lines.append(
                json.dumps(
                    dict(
                        EXAMPLE,
                        offshore_usd=1000000 + i * 1000,
                        onshore_cny=i * 100,
                        previous_onshore_cny=500,
                        fairs=[{"region": "domestic", "cost_cny": i}],
                        certifications=[{"name": "CMMI", "cost_cny": i * 10}],
                    )
                )
            )
        path = tmp_path / "batch.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run(
            [PYTHON, "-m", "calculator", "--jsonl", str(path)], cwd=ROOT, capture_output=True, timeout=120
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        # CPU seconds of the calculator process: the work done, whatever else the machine is doing
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        assert (0, 10000) == (proc.returncode, len(proc.stdout.splitlines()))
        assert cpu < 10, cpu


class TestNoRasa:
    def test_source_never_imports_rasa(self):
        """No module of calculator/ imports rasa or rasa_sdk."""
        found = []
        for path in sorted((ROOT / "calculator").rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0:
                    names = [node.module or ""]
                found += [f"{path.name}: {n}" for n in names if n.split(".")[0] in ("rasa", "rasa_sdk")]
        assert [] == found

    def test_import_loads_no_rasa(self):
        """Importing the package and its CLI loads no rasa module."""
        code = (
            "import sys, calculator, calculator.cli, calculator.figures_zh; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rasa', 'rasa_sdk')))"
        )
        proc = subprocess.run([PYTHON, "-c", code], cwd=ROOT, capture_output=True, text=True)
        assert "[]" == proc.stdout.strip()
