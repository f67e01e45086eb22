"""``python -m bot.reports``: show and list reports, with their exit statuses."""

import os
import subprocess
import sys
from datetime import datetime

import pytest

from bot.reports.store import PROJECT_ROOT, TIMEZONE, save_report

NOW = datetime(2026, 11, 28, 9, 15, tzinfo=TIMEZONE)
RESULT = {
    "eligibility": {"status": "eligible", "unmet": [], "missing": []},
    "items": [
        {
            "code": "3.4",
            "name": "技术先进型服务企业认定奖励",
            "clause": "第三条第（四）项",
            "qualified": True,
            "amount_cny": 100000.0,
            "capped": False,
            "explanation": "新获得技术先进型服务企业资格，一次性奖励10万元。",
        }
    ],
    "total_cny": 100000.0,
    "total_cny_max": 100000.0,
    "total_capped": False,
    "rates_used": {},
    "notes": [],
}


@pytest.fixture
def db_file(tmp_path, monkeypatch):
    """A temporary store, named by REPORTS_DB for this process and the CLI."""
    path = tmp_path / "reports.db"
    monkeypatch.setenv("REPORTS_DB", str(path))
    return path


@pytest.fixture
def two_reports(db_file):
    """A 符合 report of an enterprise, then a 待确认 one of a training institution."""
    first = save_report(
        "wx-1",
        "enterprise",
        {"tech_advanced_new": True},
        RESULT,
        {"status": "符合", "failing": [], "fixes": [], "unknown": []},
        now=NOW,
    )
    second = save_report(
        "wx-2",
        "training_institution",
        {"institution_trainees": 10},
        RESULT,
        {"status": "待确认", "failing": [], "fixes": [], "unknown": ["产权清晰"]},
        now=NOW.replace(hour=10),
    )
    return first, second


def run(*args):
    """Run the CLI as a user would, with this test's REPORTS_DB."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "bot.reports", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


class TestShow:
    def test_known_ref(self, two_reports):
        """A known report prints as Markdown, exit 0."""
        first, _ = two_reports
        done = run("show", first)
        assert (0, "") == (done.returncode, done.stderr)
        assert done.stdout.startswith("# 服务外包政策申报预审报告\n")
        assert f"编号：{first}" in done.stdout
        assert "100,000.00元（10万元）" in done.stdout

    def test_unknown_ref(self, two_reports):
        """An unknown reference number: Chinese error on stderr, exit 1."""
        done = run("show", "YS-20261128-0099")
        assert (1, "", "未找到预审报告 YS-20261128-0099\n") == (done.returncode, done.stdout, done.stderr)

    def test_unknown_ref_without_store(self, db_file):
        """With no store at all the answer is the same, and no file appears."""
        done = run("show", "YS-20261128-0001")
        assert (1, "未找到预审报告 YS-20261128-0001\n", False) == (done.returncode, done.stderr, db_file.exists())

    @pytest.mark.parametrize("ref", ["YS-2026-1", "20261128-0001", "YS-20261399-0001", "ys_20261128_0001"])
    def test_malformed_ref(self, two_reports, ref):
        """A malformed reference number: a message naming the format, exit 2."""
        done = run("show", ref)
        assert (2, "") == (done.returncode, done.stdout)
        assert f"预审报告编号格式不正确：{ref}（应为 YS-YYYYMMDD-NNNN" in done.stderr

    def test_missing_argument(self, db_file):
        """``show`` without a reference number is a usage error, exit 2."""
        assert 2 == run("show").returncode


class TestList:
    def test_recent_reports(self, two_reports):
        """Reports are listed newest first with time, applicant and verdict."""
        first, second = two_reports
        done = run("list")
        assert (0, "") == (done.returncode, done.stderr)
        lines = done.stdout.splitlines()
        assert 3 == len(lines)
        assert lines[0].split() == ["编号", "生成时间", "申报主体", "结论"]
        assert [second, "2026-11-28", "10:15", "培训机构", "待确认"] == lines[1].split()
        assert [first, "2026-11-28", "09:15", "服务外包企业", "符合"] == lines[2].split()

    def test_limit(self, two_reports):
        """``--limit 1`` lists only the newest."""
        _, second = two_reports
        done = run("list", "--limit", "1")
        assert (0, 2) == (done.returncode, len(done.stdout.splitlines()))
        assert second in done.stdout

    def test_bad_limit(self, db_file):
        """A limit below 1 is a usage error, exit 2."""
        assert 2 == run("list", "--limit", "0").returncode

    def test_empty_store(self, db_file):
        """An empty store says so."""
        done = run("list")
        assert (0, "暂无预审报告\n") == (done.returncode, done.stdout)


class TestPackage:
    def test_no_rasa_import(self):
        """The report package and its CLI load without Rasa."""
        code = "import sys, bot.reports, bot.reports.cli; print(sorted(m for m in sys.modules if m.split('.')[0] in ('rasa', 'rasa_sdk')))"
        done = subprocess.run(
            [sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=60
        )
        assert (0, "[]\n") == (done.returncode, done.stdout)
