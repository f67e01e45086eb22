"""``python -m bot.console user NAME`` (make console-user) and ``purge`` (part of make purge).

``user``: creates the staff account or resets its password (and ends its sessions); the password
comes from ``CONSOLE_PASSWORD`` or, when that is unset, is asked for twice without echo.
``purge``: deletes console data (turns, the review queue, 👍/👎, sign-in records) and pre-screening
reports with their print links older than the retention: ``--days``, else
``TRACKER_RETENTION_DAYS``, else ``tracker_store.retention_days`` in endpoints.yml (180). 0 keeps all.
Both act on PostgreSQL when the console / reports use it (``CONSOLE_DATABASE_URL``, ``REPORTS_DATABASE_URL``).
"""

import argparse
import getpass
import os
import re
import sys
import time
from datetime import datetime, timedelta
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
    from bot.reports import pg_store
    from bot.reports.store import TIMEZONE, purge_reports

    if days <= 0:
        print("purge: retention 0 keeps all console data and reports")
        return 0
    now = time.time() if now is None else now
    before = now - days * 86400
    try:
        counts = store.purge(before)
        reports = purge_reports(datetime.fromtimestamp(now, TIMEZONE) - timedelta(days=days))
    except Exception as e:
        if store.database_url() is None and pg_store.database_url() is None:
            raise
        print(f"purge: PostgreSQL {store.location()} not reachable (is the cluster running?): {e}", file=sys.stderr)
        return 1
    print(
        f"purge: console data older than {days:g} days deleted: {counts['turns']} turns, "
        f"{counts['questions']} queued questions, {counts['feedback']} ratings, {reports} pre-screening reports "
        f"({store.location()})"
    )
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
