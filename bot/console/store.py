"""The console's storage: the one module with SQL, in SQLite by default or PostgreSQL in the cluster.

Where: ``$CONSOLE_DATABASE_URL`` when it is a ``postgresql://`` URL; when that variable is unset,
``$REPORTS_DATABASE_URL`` (the cluster's PostgreSQL, exported by bot/scripts/cluster.sh to the
action servers and the web server); otherwise the SQLite file ``$CONSOLE_DB`` (default
``var/console.db``, beside ``var/tracker.db``). ``CONSOLE_DATABASE_URL=sqlite`` keeps SQLite even in
the cluster. Every statement is written once, in SQLite's form with ``?`` and ``:name``
parameters; ``_sql()`` turns it into PostgreSQL's (``%s``, ``%(name)s``, ``REAL`` → ``DOUBLE
PRECISION``, ``AUTOINCREMENT`` → an identity column) and is the only place the dialects differ.
SQLite keeps one connection per thread; PostgreSQL a small pool per process, each ``connect()``
block one transaction, so several action servers and the web server write at once.

Tables: ``users`` (staff accounts, password hashes), ``sessions`` (signed-in sessions, so signing
out ends one), ``login_failures`` (for the sign-in rate limit), ``turns`` (one row per user message
that reached the action server: day, channel, topic, answered or not, estimate total),
``questions`` (the review queue: text, reply, why, status, label), ``feedback`` (👍/👎 from the web
chat) and ``meta`` (the console's secret key). Sender ids are never stored, only an HMAC of them.
"""

import hashlib
import hmac
import os
import re
import secrets
import sqlite3
import threading
import time
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator, List, Optional

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB_PATH = PROJECT_ROOT / "var" / "console.db"
BUSY_TIMEOUT_S = 30
PG_SCHEMA_LOCK = 1_700_017  # any constant: CREATE TABLE IF NOT EXISTS from two processes at once can collide
PG_POOL_IDLE = 4  # connections kept open per process; more are opened when threads need them

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS users (name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, "
    "created_at REAL NOT NULL, updated_at REAL NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, user_name TEXT NOT NULL, "
    "created_at REAL NOT NULL, expires_at REAL NOT NULL)",
    "CREATE TABLE IF NOT EXISTS login_failures (key TEXT NOT NULL, at REAL NOT NULL)",
    "CREATE INDEX IF NOT EXISTS login_failures_key ON login_failures (key, at)",
    "CREATE TABLE IF NOT EXISTS turns (conversation TEXT NOT NULL, message_id TEXT NOT NULL, "
    "at REAL NOT NULL, day TEXT NOT NULL, channel TEXT NOT NULL, intent TEXT, confidence REAL, "
    "topic TEXT, answered INTEGER NOT NULL, estimate_total TEXT, PRIMARY KEY (conversation, message_id))",
    "CREATE INDEX IF NOT EXISTS turns_day ON turns (day)",
    "CREATE INDEX IF NOT EXISTS turns_at ON turns (at)",
    "CREATE TABLE IF NOT EXISTS questions (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation TEXT NOT NULL, "
    "message_id TEXT NOT NULL, at REAL NOT NULL, day TEXT NOT NULL, channel TEXT NOT NULL, "
    "reasons TEXT NOT NULL, text TEXT NOT NULL, reply TEXT NOT NULL, intent TEXT, confidence REAL, "
    "status TEXT NOT NULL, label TEXT, reviewed_by TEXT, reviewed_at REAL, UNIQUE (conversation, message_id))",
    "CREATE INDEX IF NOT EXISTS questions_at ON questions (at)",
    "CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation TEXT NOT NULL, "
    "at REAL NOT NULL, day TEXT NOT NULL, rating TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS feedback_at ON feedback (at)",
]
STATUSES = ("new", "fine", "needs_answer", "labelled")
_SECRETS: dict = {}
_LOCAL = threading.local()
_POOLS: dict = {}
_POOLS_LOCK = threading.Lock()


def database_url() -> Optional[str]:
    """The PostgreSQL URL the console uses, or None for SQLite (see the module's docstring)."""
    url = os.environ.get("CONSOLE_DATABASE_URL")
    if url is None:
        url = os.environ.get("REPORTS_DATABASE_URL")
    url = (url or "").strip()
    return url if url.startswith(("postgresql://", "postgres://")) else None


def db_path() -> Path:
    """$CONSOLE_DB, else <project root>/var/console.db."""
    return Path(os.environ.get("CONSOLE_DB") or DEFAULT_DB_PATH)


def location() -> str:
    """Where the console's data is: the PostgreSQL URL (without a password) or the SQLite file."""
    url = database_url()
    return without_password(url) if url else str(db_path())


def without_password(url: str) -> str:
    """A database URL fit to print: its password, if any, as ***."""
    return re.sub(r"://([^:@/]*):[^@/]*@", r"://\1:***@", url)


@lru_cache(maxsize=None)
def _sql(statement: str, postgresql: bool) -> str:
    """The statement for the dialect: written for SQLite, translated here for PostgreSQL."""
    if not postgresql:
        return statement.replace(" FOR UPDATE", "")
    statement = statement.replace(
        "INTEGER PRIMARY KEY AUTOINCREMENT", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"
    )
    statement = re.sub(r"\bREAL\b", "DOUBLE PRECISION", statement)
    statement = statement.replace("%", "%%").replace("?", "%s")
    return re.sub(r"(?<!:):([a-z_]+)", r"%(\1)s", statement)


class _PgConnection:
    """A psycopg2 connection that runs this module's SQLite-form statements, like sqlite3's ``execute``."""

    def __init__(self, raw) -> None:
        self.raw = raw

    def execute(self, statement: str, args=()):
        from psycopg2.extras import DictCursor

        cur = self.raw.cursor(cursor_factory=DictCursor)
        cur.execute(_sql(statement, True), args)
        return cur

    def commit(self) -> None:
        self.raw.commit()

    def rollback(self) -> None:
        self.raw.rollback()


class _SqliteConnection(sqlite3.Connection):
    """sqlite3's connection, running this module's statements through ``_sql`` like the PostgreSQL one."""

    def execute(self, statement: str, *args):
        return super().execute(_sql(statement, False), *args)


def _open_sqlite(path: Path) -> sqlite3.Connection:
    """This thread's connection to the file (kept open: closing the last one checkpoints the WAL)."""
    cache = _LOCAL.__dict__.setdefault("connections", {})
    conn = cache.get(str(path))
    if conn is not None and path.exists():
        return conn
    if conn is not None:
        conn.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, factory=_SqliteConnection)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")  # WAL: durable at checkpoints, no fsync per logged turn
    for statement in SCHEMA:
        conn.execute(_sql(statement, False))
    conn.commit()
    cache[str(path)] = conn
    return conn


def _pg_pool(url: str) -> dict:
    """This process's pool for the URL (a forked child makes its own: connections are not shared)."""
    key = (url, os.getpid())
    with _POOLS_LOCK:
        pool = _POOLS.get(key)
        if pool is None:
            pool = _POOLS[key] = {"idle": [], "ready": False, "lock": threading.Lock()}
        return pool


def _take_pg(url: str) -> _PgConnection:
    import psycopg2

    pool = _pg_pool(url)
    with pool["lock"]:
        while pool["idle"]:
            conn = pool["idle"].pop()
            if not conn.raw.closed:
                return conn
        ready = pool["ready"]
    conn = _PgConnection(psycopg2.connect(url, connect_timeout=5))
    if not ready:
        try:
            conn.execute("SELECT pg_advisory_xact_lock(?)", [PG_SCHEMA_LOCK])
            for statement in SCHEMA:
                conn.execute(statement)
            conn.commit()
        except BaseException:
            conn.raw.close()
            raise
        pool["ready"] = True
    return conn


def _give_back_pg(url: str, conn: _PgConnection) -> None:
    pool = _pg_pool(url)
    with pool["lock"]:
        if not conn.raw.closed and len(pool["idle"]) < PG_POOL_IDLE:
            pool["idle"].append(conn)
            return
    conn.raw.close()


def _drop_idle(url: str) -> None:
    pool = _pg_pool(url)
    with pool["lock"]:
        idle, pool["idle"] = pool["idle"], []
    for conn in idle:
        conn.raw.close()


def close() -> None:
    """Close this process's idle PostgreSQL connections and this thread's SQLite ones (tests, shutdown)."""
    with _POOLS_LOCK:
        pools = [pool for (url, pid), pool in _POOLS.items() if pid == os.getpid()]
        _POOLS.clear()
    for pool in pools:
        for conn in pool["idle"]:
            conn.raw.close()
    for conn in _LOCAL.__dict__.pop("connections", {}).values():
        conn.close()


@contextmanager
def connect() -> Iterator:
    """A connection with the tables in place: one transaction, committed on success, else rolled back.

    Rows read through it answer ``row[0]``, ``row["column"]`` and ``dict(row)`` in both dialects."""
    url = database_url()
    if url is None:
        conn = _open_sqlite(db_path())
        try:
            yield conn
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        return
    import psycopg2

    conn = _take_pg(url)
    try:
        yield conn
        conn.commit()
    except BaseException as e:
        try:
            conn.rollback()
        except Exception:  # a broken connection: not given back
            conn.raw.close()
        if isinstance(e, (psycopg2.OperationalError, psycopg2.InterfaceError)):
            _drop_idle(url)  # the server restarted or went away: the idle ones are broken too
        raise
    finally:
        _give_back_pg(url, conn)


def secret_key() -> bytes:
    """The key that signs cookies and hashes sender ids: $CONSOLE_SECRET, else one made once per store."""
    env = os.environ.get("CONSOLE_SECRET")
    if env:
        return env.encode("utf-8")
    path = location()
    if path not in _SECRETS:
        with connect() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('secret', ?) ON CONFLICT (key) DO NOTHING",
                [secrets.token_hex(32)],
            )
            _SECRETS[path] = conn.execute("SELECT value FROM meta WHERE key = 'secret'").fetchone()[0].encode("utf-8")
    return _SECRETS[path]


def conversation_hash(sender_id: str) -> str:
    """An HMAC of a sender id: turns of one conversation group together, the id is not kept."""
    return hmac.new(secret_key(), str(sender_id).encode("utf-8"), hashlib.sha256).hexdigest()[:32]


# ---------------------------------------------------------------- accounts and sessions


def set_user(name: str, password_hash: str, now: Optional[float] = None) -> None:
    """Create the account or replace its password (and end its sessions)."""
    now = time.time() if now is None else now
    with connect() as conn:
        conn.execute(
            "INSERT INTO users (name, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, updated_at = excluded.updated_at",
            [name, password_hash, now, now],
        )
        conn.execute("DELETE FROM sessions WHERE user_name = ?", [name])


def password_hash_of(name: str) -> Optional[str]:
    with connect() as conn:
        row = conn.execute("SELECT password_hash FROM users WHERE name = ?", [name]).fetchone()
    return row[0] if row else None


def create_session(user_name: str, lifetime_s: float, now: Optional[float] = None) -> str:
    """A new session id for the user."""
    now = time.time() if now is None else now
    session_id = secrets.token_urlsafe(32)
    with connect() as conn:
        conn.execute(
            "INSERT INTO sessions (id, user_name, created_at, expires_at) VALUES (?, ?, ?, ?)",
            [session_id, user_name, now, now + lifetime_s],
        )
    return session_id


def session_user(session_id: str, now: Optional[float] = None) -> Optional[str]:
    """The signed-in user of a live session, or None."""
    now = time.time() if now is None else now
    with connect() as conn:
        row = conn.execute(
            "SELECT s.user_name FROM sessions s JOIN users u ON u.name = s.user_name WHERE s.id = ? AND s.expires_at > ?",
            [session_id, now],
        ).fetchone()
    return row[0] if row else None


def end_session(session_id: str) -> None:
    with connect() as conn:
        conn.execute("DELETE FROM sessions WHERE id = ?", [session_id])


def add_login_failure(key: str, now: Optional[float] = None) -> None:
    with connect() as conn:
        conn.execute("INSERT INTO login_failures (key, at) VALUES (?, ?)", [key, time.time() if now is None else now])


def login_failures_since(key: str, since: float) -> int:
    with connect() as conn:
        return conn.execute("SELECT COUNT(*) FROM login_failures WHERE key = ? AND at > ?", [key, since]).fetchone()[0]


def clear_login_failures(key: str) -> None:
    with connect() as conn:
        conn.execute("DELETE FROM login_failures WHERE key = ?", [key])


# ------------------------------------------------------------------------------ turns


def record_turn(turn: dict) -> None:
    """One user message (several actions of one turn merge: the first topic, answered only if all were)."""
    with connect() as conn:
        conn.execute(
            "INSERT INTO turns (conversation, message_id, at, day, channel, intent, confidence, topic, answered, "
            "estimate_total) VALUES (:conversation, :message_id, :at, :day, :channel, :intent, :confidence, :topic, "
            ":answered, :estimate_total) ON CONFLICT (conversation, message_id) DO UPDATE SET "
            "topic = CASE WHEN turns.topic IS NULL THEN excluded.topic ELSE turns.topic END, "
            "answered = CASE WHEN excluded.answered < turns.answered THEN excluded.answered ELSE turns.answered END, "
            "estimate_total = CASE WHEN excluded.estimate_total IS NULL THEN turns.estimate_total "
            "ELSE excluded.estimate_total END",
            turn,
        )


def turns_since(day: str) -> List[dict]:
    """Turns from that day (YYYY-MM-DD) on."""
    with connect() as conn:
        rows = conn.execute(
            "SELECT day, channel, topic, answered, estimate_total FROM turns WHERE day >= ? ORDER BY day", [day]
        ).fetchall()
    return [dict(r) for r in rows]


# --------------------------------------------------------------------------- the queue


def queue_question(item: dict) -> None:
    """Queue a question for review; the same message queued twice keeps one row with both reasons."""
    with connect() as conn:
        added = conn.execute(
            "INSERT INTO questions (conversation, message_id, at, day, channel, reasons, text, reply, intent, "
            "confidence, status) VALUES (:conversation, :message_id, :at, :day, :channel, :reasons, :text, "
            ":reply, :intent, :confidence, 'new') ON CONFLICT (conversation, message_id) DO NOTHING",
            item,
        ).rowcount
        if added:
            return
        row = conn.execute(
            "SELECT id, reasons, reply FROM questions WHERE conversation = ? AND message_id = ? FOR UPDATE",
            [item["conversation"], item["message_id"]],
        ).fetchone()
        reasons = row["reasons"].split(",")
        reasons += [r for r in item["reasons"].split(",") if r not in reasons]
        reply = row["reply"] if item["reply"] in row["reply"] else (row["reply"] + "\n" + item["reply"]).strip()
        conn.execute("UPDATE questions SET reasons = ?, reply = ? WHERE id = ?", [",".join(reasons), reply, row["id"]])


def questions(status: Optional[str] = None, limit: int = 200) -> List[dict]:
    """The queue, newest first, optionally of one status."""
    sql = "SELECT * FROM questions"
    args: list = []
    if status:
        sql += " WHERE status = ?"
        args.append(status)
    sql += " ORDER BY at DESC, id DESC LIMIT ?"
    args.append(limit)
    with connect() as conn:
        return [dict(r) for r in conn.execute(sql, args).fetchall()]


def question(question_id: int) -> Optional[dict]:
    with connect() as conn:
        row = conn.execute("SELECT * FROM questions WHERE id = ?", [question_id]).fetchone()
    return dict(row) if row else None


def review_question(question_id: int, status: str, label: Optional[str], user_name: str) -> bool:
    """Mark a queued question; False when there is no such question."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}")
    with connect() as conn:
        cur = conn.execute(
            "UPDATE questions SET status = ?, label = ?, reviewed_by = ?, reviewed_at = ? WHERE id = ?",
            [status, label, user_name, time.time(), question_id],
        )
        return cur.rowcount == 1


def labelled_questions() -> List[dict]:
    with connect() as conn:
        rows = conn.execute(
            "SELECT text, label FROM questions WHERE status = 'labelled' AND label IS NOT NULL ORDER BY label, id"
        ).fetchall()
    return [dict(r) for r in rows]


def add_feedback(item: dict) -> None:
    with connect() as conn:
        conn.execute(
            "INSERT INTO feedback (conversation, at, day, rating) VALUES (:conversation, :at, :day, :rating)", item
        )


def feedback_since(day: str) -> dict:
    with connect() as conn:
        rows = conn.execute("SELECT rating, COUNT(*) FROM feedback WHERE day >= ? GROUP BY rating", [day]).fetchall()
    return {r[0]: r[1] for r in rows}


# ---------------------------------------------------------------------------- retention


PURGED = (
    ("turns", "at"),
    ("questions", "at"),
    ("feedback", "at"),
    ("login_failures", "at"),
    ("sessions", "expires_at"),
)


def purge(before: float) -> dict:
    """Delete turns, queued questions, feedback, sign-in failures and sessions older than ``before``."""
    with connect() as conn:
        return _delete_old(conn, before)


def purge_sqlite_file(before: float) -> Optional[dict]:
    """The same in the SQLite file (``db_path()``) even when PostgreSQL is the store (data kept
    there by `make run` before the cluster); None when the file does not exist."""
    path = db_path()
    if not path.exists():
        return None
    conn = _open_sqlite(path)
    try:
        counts = _delete_old(conn, before)
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return counts


def _delete_old(conn, before: float) -> dict:
    return {
        table: conn.execute(f"DELETE FROM {table} WHERE {column} < ?", [before]).rowcount for table, column in PURGED
    }
