"""Pre-screening reports in PostgreSQL, for several action servers at once (`make cluster`).

Used by bot/reports/store.py when ``REPORTS_DATABASE_URL`` (``postgresql://user@host:port/db``)
is set; otherwise reports stay in the SQLite file. The reference numbers keep their form
YS-YYYYMMDD-NNNN: each save is one transaction that takes the day's next number with
``INSERT … ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last`` (the day's counter
row is locked until the report is inserted), so two action servers never get the same number,
and a number is never used without its report. The conversation salt is kept in
``report_meta`` like the SQLite store's ``meta`` table. The print links' tokens (their SHA-256
only) are in ``report_links``, beside their reports, so any web server opens a link made by any
action server; a link goes when its report goes (``ON DELETE CASCADE``).
"""

import os
import secrets
import threading
from contextlib import contextmanager
from typing import Iterator, List, Optional

SALT_KEY = "conversation_salt"
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS reports ("
    " ref TEXT PRIMARY KEY, day TEXT NOT NULL, seq INTEGER NOT NULL, conversation_hash TEXT NOT NULL,"
    " created_at TEXT NOT NULL, applicant TEXT NOT NULL, verdict_status TEXT NOT NULL,"
    " inputs TEXT NOT NULL, result TEXT NOT NULL, verdict TEXT NOT NULL, UNIQUE (day, seq))",
    "CREATE INDEX IF NOT EXISTS reports_created_at ON reports (created_at)",
    "CREATE TABLE IF NOT EXISTS ref_counters (day TEXT PRIMARY KEY, last INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS report_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS report_links (token_hash TEXT PRIMARY KEY,"
    " ref TEXT NOT NULL REFERENCES reports (ref) ON DELETE CASCADE, created_at TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS report_links_ref ON report_links (ref)",
)
# Any constant: CREATE TABLE IF NOT EXISTS run by two servers at once can still collide.
SCHEMA_LOCK = 1_600_016
_ready: set = set()
_ready_lock = threading.Lock()


def database_url() -> Optional[str]:
    """$REPORTS_DATABASE_URL when it names a PostgreSQL database, else None (SQLite is used)."""
    url = (os.environ.get("REPORTS_DATABASE_URL") or "").strip()
    return url if url.startswith(("postgresql://", "postgres://")) else None


@contextmanager
def connect(url: str) -> Iterator:
    """A connection with the tables in place; committed when the block ends, else rolled back."""
    import psycopg2

    conn = psycopg2.connect(url, connect_timeout=5)
    try:
        with _ready_lock:
            if url not in _ready:
                with conn.cursor() as cur:
                    cur.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
                    for statement in SCHEMA:
                        cur.execute(statement)
                    cur.execute(
                        "INSERT INTO report_meta (key, value) VALUES (%s, %s) ON CONFLICT (key) DO NOTHING",
                        (SALT_KEY, secrets.token_hex(32)),
                    )
                conn.commit()
                _ready.add(url)
        yield conn
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    finally:
        conn.close()


def salt(conn) -> str:
    with conn.cursor() as cur:
        cur.execute("SELECT value FROM report_meta WHERE key = %s", (SALT_KEY,))
        return cur.fetchone()[0]


def insert(conn, day: str, conversation_hash: str, payload: list, format_ref) -> str:
    """Takes the day's next number and inserts the report under it (commit is the caller's)."""
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO ref_counters (day, last) VALUES (%s, 1) "
            "ON CONFLICT (day) DO UPDATE SET last = ref_counters.last + 1 RETURNING last",
            (day,),
        )
        seq = cur.fetchone()[0]
        ref = format_ref(day, seq)
        cur.execute(
            "INSERT INTO reports (ref, day, seq, conversation_hash, created_at, applicant, verdict_status,"
            " inputs, result, verdict) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [ref, day, seq, conversation_hash, *payload],
        )
    return ref


COLUMNS = ("ref", "conversation_hash", "created_at", "applicant", "verdict_status", "inputs", "result", "verdict")


def row(conn, ref: str) -> Optional[dict]:
    with conn.cursor() as cur:
        cur.execute(f"SELECT {', '.join(COLUMNS)} FROM reports WHERE ref = %s", (ref,))
        found = cur.fetchone()
    return dict(zip(COLUMNS, found)) if found else None


def recent(conn, limit: int) -> List[dict]:
    keys = ("ref", "created_at", "applicant", "verdict_status")
    with conn.cursor() as cur:
        cur.execute(
            f"SELECT {', '.join(keys)} FROM reports ORDER BY created_at DESC, day DESC, seq DESC LIMIT %s", (limit,)
        )
        return [dict(zip(keys, r)) for r in cur.fetchall()]


def add_link(conn, token_hash: str, ref: str, created_at: str) -> bool:
    """Keeps a print link's token hash for the report; False when there is no such report."""
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO report_links (token_hash, ref, created_at) SELECT %s, ref, %s FROM reports WHERE ref = %s",
            (token_hash, created_at, ref),
        )
        return cur.rowcount == 1


def link_ref(conn, token_hash: str) -> Optional[str]:
    """The reference number a print link's token hash opens, or None."""
    with conn.cursor() as cur:
        cur.execute("SELECT ref FROM report_links WHERE token_hash = %s", (token_hash,))
        found = cur.fetchone()
    return found[0] if found else None


def purge(conn, cutoff: str) -> int:
    """Deletes the reports made before ``cutoff`` (ISO time, as ``created_at``) with their print
    links, and any older link; returns how many reports."""
    with conn.cursor() as cur:
        cur.execute("DELETE FROM reports WHERE created_at < %s", (cutoff,))
        count = cur.rowcount
        cur.execute("DELETE FROM report_links WHERE created_at < %s", (cutoff,))
        return count
