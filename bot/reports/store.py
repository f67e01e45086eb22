"""Pre-screening reports kept in SQLite (sqlite-utils), each under a reference number YS-YYYYMMDD-NNNN.

The file is ``<project root>/var/reports.db`` unless ``REPORTS_DB`` names another. Several
processes (action server workers) may write at once: each save is one ``BEGIN IMMEDIATE``
transaction that takes the next number of the day from ``ref_counters`` and inserts the
report, so numbers are never reused and a report is never split from its number. The
database runs in WAL mode and waits up to ``BUSY_TIMEOUT_S`` for a lock. Creating the
tables and switching to WAL happen under an exclusive lock on ``<db>.lock``: SQLite
answers "database is locked" at once, without waiting, to a second connection switching
the journal mode of a new file.

With ``REPORTS_DATABASE_URL`` set (``postgresql://…``, as `make cluster` does), reports, their
numbers and their print links are kept in PostgreSQL instead (bot/reports/pg_store.py), shared by
every action server and web server: same functions, same reference numbers, unique across servers.

The sender id of the conversation is not stored: only an HMAC-SHA256 of it, keyed by a salt
(``REPORTS_SALT`` if set, else a random salt made once per database and kept in its
``meta`` table). ``get_report(ref, conversation_id)`` hashes the id it is given and
compares. Changing ``REPORTS_SALT`` makes earlier reports unreadable by conversation (they
stay readable by reference number alone, e.g. from the CLI).
"""

import fcntl
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import sqlite3
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Optional
from zoneinfo import ZoneInfo

import sqlite_utils

from bot.reports import pg_store
from bot.reports.verdict import STATUSES, applicant_code

logger = logging.getLogger(__name__)

TIMEZONE = ZoneInfo("Asia/Shanghai")
PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DB_PATH = PROJECT_ROOT / "var" / "reports.db"
BUSY_TIMEOUT_S = 30
REF_PREFIX = "YS"
REF_PATTERN = re.compile(r"^YS-(\d{8})-(\d{4,})$")
REF_FORMAT_HINT = "YS-YYYYMMDD-NNNN，例如 YS-20261128-0007"

_SALT_KEY = "conversation_salt"


def db_path() -> Path:
    """The SQLite file of the report store: $REPORTS_DB, else <project root>/var/reports.db."""
    return Path(os.environ.get("REPORTS_DB") or DEFAULT_DB_PATH)


def format_ref(day: str, seq: int) -> str:
    """A reference number from a day (YYYYMMDD) and that day's sequence number."""
    return f"{REF_PREFIX}-{day}-{seq:04d}"


def normalize_ref(ref) -> Optional[str]:
    """The reference number in canonical form, or None when it is malformed."""
    if not isinstance(ref, str):
        return None
    candidate = ref.strip().upper()
    match = REF_PATTERN.match(candidate)
    if not match:
        return None
    try:
        datetime.strptime(match.group(1), "%Y%m%d")
    except ValueError:
        return None
    if int(match.group(2)) == 0:
        return None
    return candidate


def local_time(now: Optional[datetime] = None) -> datetime:
    """``now`` (default: the current time) in Asia/Shanghai; a naive datetime is taken as Shanghai time."""
    if now is None:
        return datetime.now(TIMEZONE)
    if now.tzinfo is None:
        return now.replace(tzinfo=TIMEZONE)
    return now.astimezone(TIMEZONE)


def _json_default(value):
    """JSON for the non-JSON values a calculator may hand over (Decimal amounts, dates)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def _connect() -> sqlite_utils.Database:
    """An autocommit connection (transactions are explicit) to a store with its tables in place."""
    path = db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
    db = sqlite_utils.Database(conn)
    try:
        with open(path.with_name(path.name + ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                _ensure_schema(db)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
    except BaseException:
        db.close()
        raise
    return db


def _ensure_schema(db: sqlite_utils.Database) -> None:
    """Create the tables, WAL mode and the conversation salt if they are not there yet."""
    db.enable_wal()
    if not db["reports"].exists():
        db["reports"].create(
            {
                "ref": str,
                "day": str,
                "seq": int,
                "conversation_hash": str,
                "created_at": str,
                "applicant": str,
                "verdict_status": str,
                "inputs": str,
                "result": str,
                "verdict": str,
            },
            pk="ref",
            not_null={"day", "seq", "conversation_hash", "created_at", "applicant", "verdict_status"},
            if_not_exists=True,
        )
        db["reports"].create_index(["created_at"], if_not_exists=True)
        db["reports"].create_index(["day", "seq"], unique=True, if_not_exists=True)
    if not db["ref_counters"].exists():
        db["ref_counters"].create({"day": str, "last": int}, pk="day", if_not_exists=True)
    if not db["meta"].exists():
        db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
    if db.execute("SELECT 1 FROM meta WHERE key = ?", [_SALT_KEY]).fetchone() is None:
        db.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)",
            [_SALT_KEY, secrets.token_hex(32)],
        )


def _conversation_hash(db, conversation_id: str) -> str:
    """HMAC-SHA256 of the sender id under the store's salt (db: SQLite store or PostgreSQL connection)."""
    salt = os.environ.get("REPORTS_SALT")
    if not salt:
        if isinstance(db, sqlite_utils.Database):
            salt = db.execute("SELECT value FROM meta WHERE key = ?", [_SALT_KEY]).fetchone()[0]
        else:
            salt = pg_store.salt(db)
    return hmac.new(salt.encode("utf-8"), conversation_id.encode("utf-8"), hashlib.sha256).hexdigest()


def save_report(
    conversation_id: str,
    applicant: str,
    inputs: dict,
    result: dict,
    verdict: dict,
    now: Optional[datetime] = None,
) -> str:
    """Store one report and return its new reference number (YS-YYYYMMDD-NNNN, per-day sequence)."""
    if not isinstance(conversation_id, str) or not conversation_id:
        raise ValueError("conversation_id must be a non-empty string")
    applicant = applicant_code(applicant)
    if not isinstance(verdict, dict) or verdict.get("status") not in STATUSES:
        raise ValueError(f"verdict status must be one of {STATUSES}")
    created = local_time(now)
    day = created.strftime("%Y%m%d")
    payload = [
        created.isoformat(timespec="seconds"),
        applicant,
        verdict["status"],
        _dumps(inputs),
        _dumps(result),
        _dumps(verdict),
    ]
    url = pg_store.database_url()
    if url:
        with pg_store.connect(url) as conn:
            ref = pg_store.insert(conn, day, _conversation_hash(conn, conversation_id), payload, format_ref)
        logger.info("pre-screening report %s saved (applicant=%s, verdict=%s)", ref, applicant, verdict["status"])
        return ref

    db = _connect()
    try:
        conversation_hash = _conversation_hash(db, conversation_id)
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute(
                "INSERT OR IGNORE INTO ref_counters (day, last) "
                "SELECT ?, COALESCE(MAX(seq), 0) FROM reports WHERE day = ?",
                [day, day],
            )
            db.execute("UPDATE ref_counters SET last = last + 1 WHERE day = ?", [day])
            seq = db.execute("SELECT last FROM ref_counters WHERE day = ?", [day]).fetchone()[0]
            ref = format_ref(day, seq)
            db.execute(
                "INSERT INTO reports (ref, day, seq, conversation_hash, created_at, applicant, "
                "verdict_status, inputs, result, verdict) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [ref, day, seq, conversation_hash, *payload],
            )
            db.execute("COMMIT")
        except BaseException:
            if db.conn.in_transaction:
                db.execute("ROLLBACK")
            raise
    finally:
        db.close()
    logger.info("pre-screening report %s saved (applicant=%s, verdict=%s)", ref, applicant, verdict["status"])
    return ref


def _open_existing() -> Optional[sqlite_utils.Database]:
    """The store for reading, or None when it has never been written (no file is created)."""
    if not db_path().exists():
        return None
    return _connect()


def get_report(ref: str, conversation_id: Optional[str] = None) -> Optional[dict]:
    """The report with this reference number, or None; with ``conversation_id``, only that conversation's."""
    key = normalize_ref(ref)
    if key is None:
        return None
    url = pg_store.database_url()
    if url:
        with pg_store.connect(url) as conn:
            row = pg_store.row(conn, key)
            if row is None or (conversation_id is not None and not _same_conversation(conn, row, conversation_id)):
                return None
        return _report(row)
    db = _open_existing()
    if db is None:
        return None
    try:
        rows = list(db["reports"].rows_where("ref = ?", [key]))
        if not rows:
            return None
        row = rows[0]
        if conversation_id is not None and not _same_conversation(db, row, conversation_id):
            return None
    finally:
        db.close()
    return _report(row)


def _same_conversation(db, row: dict, conversation_id) -> bool:
    return hmac.compare_digest(row["conversation_hash"], _conversation_hash(db, str(conversation_id)))


def _report(row: dict) -> dict:
    return {
        "ref": row["ref"],
        "created_at": row["created_at"],
        "applicant": row["applicant"],
        "inputs": json.loads(row["inputs"]),
        "result": json.loads(row["result"]),
        "verdict": json.loads(row["verdict"]),
    }


def list_reports(limit: int = 20) -> list:
    """The most recent reports, newest first: [{ref, created_at, applicant, verdict_status}]."""
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError("limit must be a positive integer")
    url = pg_store.database_url()
    if url:
        with pg_store.connect(url) as conn:
            return pg_store.recent(conn, limit)
    db = _open_existing()
    if db is None:
        return []
    try:
        return list(
            db["reports"].rows_where(
                select="ref, created_at, applicant, verdict_status",
                order_by="created_at DESC, rowid DESC",
                limit=limit,
            )
        )
    finally:
        db.close()


# ------------------------------------------------------------- print links and the console


def _ensure_links(db: sqlite_utils.Database) -> None:
    db.execute(
        "CREATE TABLE IF NOT EXISTS report_links (token_hash TEXT PRIMARY KEY, ref TEXT NOT NULL, "
        "created_at TEXT NOT NULL)"
    )


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_print_token(ref: str, now: Optional[datetime] = None) -> str:
    """A new unguessable token (256 bits) that opens this report's print page; only its hash is kept,
    in PostgreSQL beside the report when ``REPORTS_DATABASE_URL`` is set (any web server opens it)."""
    key = normalize_ref(ref)
    if key is None:
        raise ValueError("malformed reference number")
    token = secrets.token_urlsafe(32)
    created_at = local_time(now).isoformat(timespec="seconds")
    url = pg_store.database_url()
    if url:
        with pg_store.connect(url) as conn:
            if not pg_store.add_link(conn, _token_hash(token), key, created_at):
                raise ValueError(f"no report {key}")
        return token
    db = _connect()
    try:
        _ensure_links(db)
        db.execute(
            "INSERT INTO report_links (token_hash, ref, created_at) VALUES (?, ?, ?)",
            [_token_hash(token), key, created_at],
        )
    finally:
        db.close()
    return token


def report_by_token(token: str) -> Optional[dict]:
    """The report a print token opens, or None. With PostgreSQL, a link not found there is looked
    up in the local SQLite file too (links made before they moved to PostgreSQL)."""
    if not isinstance(token, str) or not re.fullmatch(r"[A-Za-z0-9_-]{32,128}", token):
        return None
    url = pg_store.database_url()
    if url:
        with pg_store.connect(url) as conn:
            ref = pg_store.link_ref(conn, _token_hash(token))
        if ref is not None:
            return get_report(ref)
    db = _open_existing()
    if db is None:
        return None
    try:
        _ensure_links(db)
        row = db.execute("SELECT ref FROM report_links WHERE token_hash = ?", [_token_hash(token)]).fetchone()
    finally:
        db.close()
    return get_report(row[0]) if row else None


def search_reports(
    ref: str = "",
    date_from: str = "",
    date_to: str = "",
    verdict: str = "",
    item: str = "",
    limit: int = 1000,
) -> list:
    """Reports matching every filter given, newest first, each with its items' names and total.

    ``ref``: part of the reference number; ``date_from``/``date_to``: YYYY-MM-DD (inclusive);
    ``verdict``: 符合 / 不符合 / 待确认; ``item``: part of an item's name or its clause code (3.5).
    """
    where, args = ["1 = 1"], []
    if ref.strip():
        where.append("ref LIKE ?")
        args.append("%" + ref.strip().upper().replace("%", "").replace("_", "") + "%")
    if date_from:
        where.append("day >= ?")
        args.append(date_from.replace("-", ""))
    if date_to:
        where.append("day <= ?")
        args.append(date_to.replace("-", ""))
    if verdict:
        where.append("verdict_status = ?")
        args.append(verdict)
    sql = (
        "SELECT ref, created_at, applicant, verdict_status, result FROM reports WHERE "
        + " AND ".join(where)
        + " ORDER BY created_at DESC, ref DESC LIMIT ?"
    )
    url = pg_store.database_url()
    if url:
        with pg_store.connect(url) as conn, conn.cursor() as cur:
            cur.execute(sql.replace("?", "%s"), [*args, limit])
            rows = cur.fetchall()
    else:
        db = _open_existing()
        if db is None:
            return []
        try:
            rows = db.execute(sql, [*args, limit]).fetchall()
        finally:
            db.close()
    out = []
    for ref_, created_at, applicant, status, result_json in rows:
        result = json.loads(result_json or "{}")
        items = [i for i in result.get("items") or [] if i.get("qualified")]
        names = [str(i.get("name") or "") for i in items]
        codes = [str(i.get(k) or "") for i in items for k in ("code", "clause")]
        if item and not any(item in text for text in names + codes):
            continue
        out.append(
            {
                "ref": ref_,
                "created_at": created_at,
                "applicant": applicant,
                "verdict_status": status,
                "items": names,
                "total_cny": Decimal(str(result.get("total_cny") or 0)),
            }
        )
    return out


def purge_reports(before: datetime) -> int:
    """Delete reports and their print links made before ``before``: in PostgreSQL when
    ``REPORTS_DATABASE_URL`` is set, and in the SQLite file when it exists; returns how many reports."""
    count = purge_postgresql_reports(before) if pg_store.database_url() else 0
    return count + purge_sqlite_reports(before)


def purge_postgresql_reports(before: datetime) -> int:
    """Delete the reports (with their print links) made before ``before`` from $REPORTS_DATABASE_URL."""
    with pg_store.connect(pg_store.database_url()) as conn:
        return pg_store.purge(conn, local_time(before).isoformat(timespec="seconds"))


def purge_sqlite_reports(before: datetime) -> int:
    """Delete the reports and print links made before ``before`` from the SQLite file, if it exists."""
    cutoff = local_time(before).isoformat(timespec="seconds")
    db = _open_existing()
    if db is None:
        return 0
    try:
        _ensure_links(db)
        db.execute("BEGIN IMMEDIATE")
        db.execute("DELETE FROM report_links WHERE ref IN (SELECT ref FROM reports WHERE created_at < ?)", [cutoff])
        count = db.execute("DELETE FROM reports WHERE created_at < ?", [cutoff]).rowcount
        db.execute("DELETE FROM report_links WHERE created_at < ?", [cutoff])
        db.execute("COMMIT")
    finally:
        db.close()
    return count
