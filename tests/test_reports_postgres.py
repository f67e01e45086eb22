"""Print links of pre-screening reports in the cluster's PostgreSQL: made by one process (an action
server), opened by another (the web server, with a SQLite file of its own that it never needs),
refused when wrong, purged with their reports; against a throwaway server (tests/pg_server.py)."""

import http.client
import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from bot.reports import store as reports_store
from conftest import web_server
from pg_server import rows

ROOT = Path(__file__).resolve().parents[1]
VERDICT = {"status": "符合", "failing": [], "fixes": [], "unknown": []}
RESULT = {"items": [], "total_cny": 0}
MAKE_LINK = (
    "import sys\n"
    "from datetime import datetime\n"
    "from bot.reports.store import TIMEZONE, create_print_token, save_report\n"
    "now = datetime.fromisoformat(sys.argv[1]).replace(tzinfo=TIMEZONE)\n"
    "ref = save_report('enterprise-a', 'enterprise', {}, {'items': [], 'total_cny': 0},\n"
    "                  {'status': '符合', 'failing': [], 'fixes': [], 'unknown': []}, now=now)\n"
    "print(ref, create_print_token(ref, now=now))\n"
)


@pytest.fixture
def pg_url(postgres, monkeypatch, tmp_path):
    """A fresh PostgreSQL database for the reports; this process's SQLite file in tmp_path/here."""
    url = postgres.new_database()
    monkeypatch.setenv("REPORTS_DATABASE_URL", url)
    monkeypatch.setenv("CONSOLE_DATABASE_URL", url)
    monkeypatch.setenv("REPORTS_DB", str(tmp_path / "here" / "reports.db"))
    monkeypatch.setenv("CONSOLE_DB", str(tmp_path / "here" / "console.db"))
    return url


def make_link(tmp_path: Path, made_at: datetime) -> tuple:
    """(ref, token) made by another process whose own SQLite file is tmp_path/other/reports.db."""
    env = dict(os.environ, REPORTS_DB=str(tmp_path / "other" / "reports.db"))
    out = subprocess.run(
        [sys.executable, "-c", MAKE_LINK, made_at.replace(tzinfo=None).isoformat()],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert 0 == out.returncode, out.stderr[-2000:]
    ref, token = out.stdout.split()
    return ref, token


def get(port: int, path: str) -> tuple:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    conn.request("GET", path)
    response = conn.getresponse()
    return response.status, response.read().decode("utf-8", errors="replace")


def test_a_link_made_by_one_process_opens_through_another(pg_url, tmp_path):
    """The token is kept (as its hash) in PostgreSQL, not in either process's SQLite file."""
    ref, token = make_link(tmp_path, datetime.now(reports_store.TIMEZONE))
    assert ref == reports_store.report_by_token(token)["ref"]
    wrong = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert reports_store.report_by_token(wrong) is None
    assert reports_store.report_by_token(ref) is None
    [(token_hash, linked_ref)] = rows(pg_url, "SELECT token_hash, ref FROM report_links")
    assert (reports_store._token_hash(token), ref) == (token_hash, linked_ref)
    assert not (tmp_path / "other" / "reports.db").exists()
    assert not (tmp_path / "here" / "reports.db").exists()


def test_the_web_server_serves_a_link_made_elsewhere(pg_url, tmp_path):
    """`python -m bot.webserver` (as cluster.sh starts it) prints a report whose link an action
    server made: 200 with the report for the token, 404 for a wrong one."""
    ref, token = make_link(tmp_path, datetime.now(reports_store.TIMEZONE))
    env = dict(os.environ, REPORTS_DB=str(tmp_path / "web" / "reports.db"), CONSOLE_DB=str(tmp_path / "web.db"))
    with web_server(env) as call:
        status, page = call(lambda port: get(port, f"/report/{token}"))
        wrong_status, wrong_page = call(lambda port: get(port, f"/report/{token[:-2]}xy"))
    assert 200 == status
    assert ref in page
    assert 404 == wrong_status and ref not in wrong_page


def test_unknown_report_gets_no_link(pg_url):
    with pytest.raises(ValueError):
        reports_store.create_print_token("YS-20261128-9999")
    assert [] == rows(pg_url, "SELECT * FROM report_links")


def test_purge_takes_old_links_with_their_reports(pg_url, tmp_path):
    now = datetime.now(reports_store.TIMEZONE)
    old_ref, old_token = make_link(tmp_path, now - timedelta(days=200))
    new_ref, new_token = make_link(tmp_path, now - timedelta(days=10))
    assert 1 == reports_store.purge_reports(now - timedelta(days=180))
    assert reports_store.report_by_token(old_token) is None
    assert new_ref == reports_store.report_by_token(new_token)["ref"]
    assert [(new_ref,)] == rows(pg_url, "SELECT ref FROM report_links")
    assert [(new_ref,)] == rows(pg_url, "SELECT ref FROM reports")


def test_links_made_before_the_move_still_open(pg_url, tmp_path, monkeypatch):
    """A link kept in the SQLite file (made before links moved to PostgreSQL) still opens its
    report, which is in PostgreSQL."""
    ref = reports_store.save_report("enterprise-a", "enterprise", {}, RESULT, VERDICT)
    monkeypatch.delenv("REPORTS_DATABASE_URL")
    token = "t" * 43
    (tmp_path / "here").mkdir()
    db = sqlite3.connect(tmp_path / "here" / "reports.db")
    db.execute("CREATE TABLE report_links (token_hash TEXT PRIMARY KEY, ref TEXT NOT NULL, created_at TEXT NOT NULL)")
    db.execute("INSERT INTO report_links VALUES (?, ?, ?)", [reports_store._token_hash(token), ref, "2026-11-28"])
    db.commit()
    db.close()
    assert reports_store.report_by_token(token) is None  # SQLite store: the report is not there
    monkeypatch.setenv("REPORTS_DATABASE_URL", pg_url)
    assert ref == reports_store.report_by_token(token)["ref"]
