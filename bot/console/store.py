"""The console's storage: the one module with SQL, plain and portable (qmark parameters).

SQLite file ``$CONSOLE_DB`` (default ``var/console.db``, beside ``var/tracker.db``). Every
statement is plain SQL (``INSERT … ON CONFLICT``, ``CASE``, no SQLite-only functions), so pointing
the console at PostgreSQL means changing ``connect()`` and the ``?`` placeholders here only.

Tables: ``users`` (staff accounts, password hashes), ``sessions`` (signed-in sessions, so signing
out ends one), ``login_failures`` (for the sign-in rate limit), ``turns`` (one row per user message
that reached the action server: day, channel, topic, answered or not, estimate total),
``questions`` (the review queue: text, reply, why, status, label), ``feedback`` (👍/👎 from the web
chat) and ``meta`` (the console's secret key). Sender ids are never stored, only an HMAC of them.
"""

import hashlib
import hmac
import os
import secrets
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List, Optional

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB_PATH = PROJECT_ROOT / "var" / "console.db"
BUSY_TIMEOUT_S = 30

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
    "CREATE TABLE IF NOT EXISTS questions (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation TEXT NOT NULL, "
    "message_id TEXT NOT NULL, at REAL NOT NULL, day TEXT NOT NULL, channel TEXT NOT NULL, "
    "reasons TEXT NOT NULL, text TEXT NOT NULL, reply TEXT NOT NULL, intent TEXT, confidence REAL, "
    "status TEXT NOT NULL, label TEXT, reviewed_by TEXT, reviewed_at REAL, UNIQUE (conversation, message_id))",
    "CREATE INDEX IF NOT EXISTS questions_at ON questions (at)",
    "CREATE TABLE IF NOT EXISTS feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, conversation TEXT NOT NULL, "
    "at REAL NOT NULL, day TEXT NOT NULL, rating TEXT NOT NULL)",
]
STATUSES = ("new", "fine", "needs_answer", "labelled")
_SECRETS: dict = {}
_LOCAL = threading.local()


def db_path() -> Path:
    """$CONSOLE_DB, else <project root>/var/console.db."""
    return Path(os.environ.get("CONSOLE_DB") or DEFAULT_DB_PATH)


def _open(path: Path) -> sqlite3.Connection:
    """This thread's connection to the file (kept open: closing the last one checkpoints the WAL)."""
    cache = _LOCAL.__dict__.setdefault("connections", {})
    conn = cache.get(str(path))
    if conn is not None and path.exists():
        return conn
    if conn is not None:
        conn.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")  # WAL: durable at checkpoints, no fsync per logged turn
    for statement in SCHEMA:
        conn.execute(statement)
    conn.commit()
    cache[str(path)] = conn
    return conn


@contextmanager
def connect() -> Iterator[sqlite3.Connection]:
    """A connection with the tables in place; commits on success, rolls back on error."""
    conn = _open(db_path())
    try:
        yield conn
        conn.commit()
    except BaseException:
        conn.rollback()
        raise


def secret_key() -> bytes:
    """The key that signs cookies and hashes sender ids: $CONSOLE_SECRET, else one made once per store."""
    env = os.environ.get("CONSOLE_SECRET")
    if env:
        return env.encode("utf-8")
    path = str(db_path())
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
        row = conn.execute(
            "SELECT id, reasons, reply FROM questions WHERE conversation = ? AND message_id = ?",
            [item["conversation"], item["message_id"]],
        ).fetchone()
        if row is None:
            conn.execute(
                "INSERT INTO questions (conversation, message_id, at, day, channel, reasons, text, reply, intent, "
                "confidence, status) VALUES (:conversation, :message_id, :at, :day, :channel, :reasons, :text, "
                ":reply, :intent, :confidence, 'new')",
                item,
            )
            return
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


def purge(before: float) -> dict:
    """Delete turns, queued questions, feedback, sign-in failures and sessions older than ``before``."""
    counts = {}
    with connect() as conn:
        for table, column in (
            ("turns", "at"),
            ("questions", "at"),
            ("feedback", "at"),
            ("login_failures", "at"),
            ("sessions", "expires_at"),
        ):
            counts[table] = conn.execute(f"DELETE FROM {table} WHERE {column} < ?", [before]).rowcount
    return counts
