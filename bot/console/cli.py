"""``python -m bot.console user NAME`` (make console-user) and ``purge`` (part of make purge).

``user``: creates the staff account or resets its password (and ends its sessions); the password
comes from ``CONSOLE_PASSWORD`` or, when that is unset, is asked for twice without echo.
``purge``: deletes console data (turns, the review queue, 👍/👎, sign-in records) and pre-screening
reports with their print links older than the retention: ``--days``, else
``TRACKER_RETENTION_DAYS``, else ``tracker_store.retention_days`` in endpoints.yml (180). 0 keeps all.
Both act on PostgreSQL when the console / reports use it (``CONSOLE_DATABASE_URL``, ``REPORTS_DATABASE_URL``);
``purge`` also purges the SQLite files left by `make run`, skips (naming it) a store it cannot reach
and still purges the others, then exits 1.
"""

import argparse
import getpass
import os
import re
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Optional

import yaml

from bot.console import auth, store

DEFAULT_RETENTION_DAYS = 180
USER_RE = re.compile(r"^[A-Za-z0-9_.@-]{1,64}$")


def retention_days(endpoints: Path = store.PROJECT_ROOT / "endpoints.yml") -> float:
    """The retention period in days: TRACKER_RETENTION_DAYS, else endpoints.yml, else 180."""
    env = os.environ.get("TRACKER_RETENTION_DAYS")
    if env:
        return float(env)
    try:
        config = yaml.safe_load(endpoints.read_text(encoding="utf-8")) or {}
        return float((config.get("tracker_store") or {}).get("retention_days", DEFAULT_RETENTION_DAYS))
    except (OSError, ValueError, TypeError, yaml.YAMLError):
        return DEFAULT_RETENTION_DAYS


def add_user(name: str, password: Optional[str] = None) -> int:
    if not USER_RE.match(name or ""):
        print("用户名只能包含字母、数字和 _ . @ -（最多64个字符）", file=sys.stderr)
        return 2
    if password is None:
        password = os.environ.get("CONSOLE_PASSWORD")
    if password is None:
        password = getpass.getpass(f"{name} 的密码：")
        if getpass.getpass("再输入一次：") != password:
            print("两次输入的密码不一致", file=sys.stderr)
            return 2
    if len(password) < auth.MIN_PASSWORD_CHARS:
        print(f"密码至少{auth.MIN_PASSWORD_CHARS}个字符", file=sys.stderr)
        return 2
    existed = store.password_hash_of(name) is not None
    store.set_user(name, auth.hash_password(password))
    print(f"console-user: {'reset the password of' if existed else 'created'} {name} ({store.location()})")
    return 0


def purge(days: float, now: Optional[float] = None) -> int:
    """Delete console data and reports older than ``days`` in every store configured or present:
    the console's store (PostgreSQL or SQLite) and its SQLite file, the reports' PostgreSQL and
    SQLite file. A store that cannot be reached (the cluster stopped) is named and skipped, the
    others are still purged; the exit status is then 1."""
    from bot.reports import pg_store
    from bot.reports import store as reports

    if days <= 0:
        print("purge: retention 0 keeps all console data and reports")
        return 0
    before = (time.time() if now is None else now) - days * 86400
    before_time = datetime.fromtimestamp(before, reports.TIMEZONE)
    console = ("控制台数据", "console data")
    report = ("预审报告", "pre-screening reports")
    steps = [(console, store.location(), lambda: store.purge(before))]
    if store.database_url():
        steps.append((console, str(store.db_path()), lambda: store.purge_sqlite_file(before)))
    if pg_store.database_url():
        steps.append(
            (
                report,
                store.without_password(pg_store.database_url()),
                lambda: reports.purge_postgresql_reports(before_time),
            )
        )
    if reports.db_path().exists():
        steps.append((report, str(reports.db_path()), lambda: reports.purge_sqlite_reports(before_time)))
    totals = {"turns": 0, "questions": 0, "feedback": 0, "reports": 0}
    done, skipped = [], []
    for (what_zh, what_en), where, run in steps:
        try:
            counts = run()
        except Exception as e:
            reason = (str(e).strip().splitlines() or [type(e).__name__])[0]
            print(
                f"purge: 已跳过{what_zh}（{where}）：无法连接或清理失败，集群是否已停止？/ skipped {what_en} at "
                f"{where}: not reachable or failed (is the cluster running? make cluster): {reason}",
                file=sys.stderr,
            )
            skipped.append(f"{what_en} ({where})")
            continue
        if counts is None:
            continue
        for key, value in counts.items() if isinstance(counts, dict) else [("reports", counts)]:
            if key in totals:
                totals[key] += value
        done.append(where)
    print(
        f"purge: console data older than {days:g} days deleted: {totals['turns']} turns, "
        f"{totals['questions']} queued questions, {totals['feedback']} ratings, {totals['reports']} pre-screening "
        f"reports ({', '.join(dict.fromkeys(done)) or 'nothing stored yet'})"
    )
    if skipped:
        print(f"purge: 未清理（无法连接）/ not purged (not reachable): {'; '.join(skipped)}", file=sys.stderr)
        return 1
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.console", description="管理后台：账号与数据保留")
    sub = parser.add_subparsers(dest="command", required=True)
    user = sub.add_parser("user", help="create a staff account or reset its password")
    user.add_argument("name")
    cmd = sub.add_parser("purge", help="delete console data and reports older than the retention period")
    cmd.add_argument("--days", type=float, default=None)
    args = parser.parse_args(argv)
    if args.command == "user":
        return add_user(args.name)
    return purge(args.days if args.days is not None else retention_days())
