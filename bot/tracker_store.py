"""A fast SQLite tracker store: conversations served from memory, every turn written to SQLite.

Rasa's SQL tracker store writes each event through SQLAlchemy and re-reads the whole
conversation on every turn (about 10 ms a turn here). This store keeps the serialised tracker
in memory (a bounded LRU) and writes it as one row per conversation to an SQLite file in WAL
mode, so a restart loses nothing and a turn costs well under a millisecond of storage.

endpoints.yml:
    tracker_store:
      type: bot.tracker_store.SQLiteTrackerStore
      db: var/tracker.db
      cache_mb: 256         # memory for conversations, by size (default 256 MB)
      retention_days: 180   # conversations idle longer are deleted (default 180; 0 keeps all)

The memory cache is bounded by the size of the serialised trackers (`cache_mb`, and at most
`cache_size` conversations); a tracker larger than an eighth of it is served from disk only.
Conversations stop growing because sessions expire (domain.yml `session_config`: a turn after
60 idle minutes starts a new session, and this store keeps only the current session).
Old conversations are deleted when the store opens and by `make purge`
(`python -m bot.tracker_store purge [--days N] [--db var/tracker.db]`), which prints how many.
With `--endpoints FILE` whose tracker store is Rasa's SQL store on PostgreSQL (the cluster's
generated `var/cluster/endpoints.yml`), it also deletes there the events of every conversation
whose last event is older than the retention (`purge_sql_events`).
"""

import argparse
import logging
import os
import sqlite3
import sys
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any, Dict, Iterable, Optional, Text, Tuple
from urllib.parse import quote

import yaml

from rasa.core.tracker_store import InMemoryTrackerStore, TrackerDeserialisationException
from rasa.shared.core.conversation import Dialogue
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_speedups import dumps, loads

log = logging.getLogger(__name__)
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS conversations ("
    "sender_id TEXT PRIMARY KEY, tracker TEXT NOT NULL, updated_at REAL NOT NULL)"
)
INDEX = "CREATE INDEX IF NOT EXISTS conversations_updated_at ON conversations (updated_at)"
DEFAULT_CACHE_MB = 256
DEFAULT_RETENTION_DAYS = 180
DAY = 86400.0


def _env_number(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, "") or default)
    except ValueError:
        return default


def purge(conn: sqlite3.Connection, days: float, now: Optional[float] = None) -> int:
    """Deletes conversations last written more than `days` days ago; returns how many."""
    if days <= 0:
        return 0
    cutoff = (time.time() if now is None else now) - days * DAY
    return conn.execute("DELETE FROM conversations WHERE updated_at < ?", (cutoff,)).rowcount


def sql_tracker_url(endpoints: Path) -> Optional[str]:
    """The PostgreSQL URL of the tracker store in an endpoints file when it is Rasa's SQL store on
    PostgreSQL (as bot/scripts/cluster.sh writes it), else None."""
    try:
        config = (yaml.safe_load(endpoints.read_text(encoding="utf-8")) or {}).get("tracker_store") or {}
    except (OSError, yaml.YAMLError, AttributeError):
        return None
    if str(config.get("type", "")).lower() != "sql" or not str(config.get("dialect", "")).startswith("postgres"):
        return None
    user = quote(str(config.get("username") or ""), safe="")
    password = str(config.get("password") or "")
    login = f"{user}:{quote(password, safe='')}@" if password else (f"{user}@" if user else "")
    port = f":{config['port']}" if config.get("port") else ""
    return f"postgresql://{login}{config.get('url') or 'localhost'}{port}/{config.get('db') or 'rasa'}"


def purge_sql_events(url: str, days: float, now: Optional[float] = None) -> Tuple[int, int]:
    """In Rasa's SQL tracker store on PostgreSQL, deletes the events of conversations whose last
    event is more than `days` days old; returns (conversations deleted, conversations kept)."""
    import psycopg2

    conn = psycopg2.connect(url, connect_timeout=5)
    try:
        with conn, conn.cursor() as cur:
            cur.execute("SELECT to_regclass('events') IS NOT NULL")
            if not cur.fetchone()[0]:
                return 0, 0
            purged = 0
            if days > 0:
                cutoff = (time.time() if now is None else now) - days * DAY
                cur.execute(
                    "WITH old AS (SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < %s), "
                    "gone AS (DELETE FROM events e USING old WHERE e.sender_id = old.sender_id RETURNING e.sender_id) "
                    "SELECT COUNT(DISTINCT sender_id) FROM gone",
                    (cutoff,),
                )
                purged = cur.fetchone()[0]
            cur.execute("SELECT COUNT(DISTINCT sender_id) FROM events")
            return purged, cur.fetchone()[0]
    finally:
        conn.close()


class SQLiteTrackerStore(InMemoryTrackerStore):
    """In-memory trackers (LRU of `cache_size`) persisted to SQLite on every save."""

    def __init__(
        self,
        domain: Domain,
        db: Text = "var/tracker.db",
        cache_size: int = 5000,
        cache_mb: Optional[float] = None,
        retention_days: Optional[float] = None,
        event_broker=None,
        **kwargs: Dict[Text, Any],
    ) -> None:
        super().__init__(domain, event_broker, **kwargs)
        self.store = OrderedDict()
        self.cache_size = int(cache_size)
        if cache_mb is None:
            cache_mb = _env_number("TRACKER_CACHE_MB", DEFAULT_CACHE_MB)
        self.cache_bytes = int(float(cache_mb) * 1024 * 1024)
        self.cached_bytes = 0
        self._sizes: Dict[Text, int] = {}
        if retention_days is None:
            retention_days = _env_number("TRACKER_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
        self.retention_days = float(retention_days)
        self.path = Path(db)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = connect(self.path)
        self._purged_at = 0.0
        self._purge_daily()

    def _purge_daily(self) -> None:
        """Deletes expired conversations when the store opens and then once a day."""
        now = time.time()
        if now - self._purged_at < DAY:
            return
        self._purged_at = now
        purged = self.purge()
        if purged:
            log.info("deleted %d conversations idle for more than %g days", purged, self.retention_days)

    @staticmethod
    def memory_size(serialised: Text) -> int:
        """Bytes a cached tracker text takes: the str object, plus the UTF-8 copy Python keeps
        of non-ASCII text once SQLite has encoded it (3 bytes a character at most)."""
        return sys.getsizeof(serialised) + (0 if serialised.isascii() else 3 * len(serialised))

    def _forget(self, sender_id: Text) -> None:
        if self.store.pop(sender_id, None) is not None:
            self.cached_bytes -= self._sizes.pop(sender_id)

    def _remember(self, sender_id: Text, serialised: Text) -> None:
        self._forget(sender_id)
        size = self.memory_size(serialised)
        if size > self.cache_bytes // 8:
            return  # a huge conversation is read from disk each time rather than crowd out others
        self.store[sender_id] = serialised
        self._sizes[sender_id] = size
        self.cached_bytes += size
        while len(self.store) > self.cache_size or self.cached_bytes > self.cache_bytes:
            evicted, _ = self.store.popitem(last=False)
            self.cached_bytes -= self._sizes.pop(evicted)

    @staticmethod
    def serialise_tracker(tracker: DialogueStateTracker) -> Text:
        """The tracker as JSON text, as Rasa writes it, with the faster encoder."""
        return dumps(tracker.as_dialogue().as_dict())

    def deserialise_tracker(self, sender_id: Text, serialised_tracker) -> Optional[DialogueStateTracker]:
        """Rasa's deserialise_tracker with the faster JSON reader."""
        tracker = self.init_tracker(sender_id)
        try:
            dialogue = Dialogue.from_parameters(loads(serialised_tracker))
        except UnicodeDecodeError as e:
            raise TrackerDeserialisationException(
                "Tracker cannot be deserialised. Trackers must be serialised as json. "
                "Support for deserialising pickled trackers has been removed."
            ) from e
        tracker.recreate_from_dialogue(dialogue)
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Keep the tracker in memory and write it to SQLite."""
        await self.stream_events(tracker)
        serialised = self.serialise_tracker(tracker)
        self._remember(tracker.sender_id, serialised)
        with self._lock:
            self._conn.execute(
                "INSERT OR REPLACE INTO conversations VALUES (?, ?, ?)", (tracker.sender_id, serialised, time.time())
            )
        self._purge_daily()

    async def _retrieve(self, sender_id: Text, fetch_all_sessions: bool) -> Optional[DialogueStateTracker]:
        if sender_id not in self.store:
            with self._lock:
                row = self._conn.execute(
                    "SELECT tracker FROM conversations WHERE sender_id = ?", (sender_id,)
                ).fetchone()
            if row is None:
                return None
            self._remember(sender_id, row[0])
            if sender_id not in self.store:  # too big to keep in memory
                return self._from_text(sender_id, row[0], fetch_all_sessions)
        else:
            self.store.move_to_end(sender_id)
        return await super()._retrieve(sender_id, fetch_all_sessions)

    def _from_text(self, sender_id: Text, serialised: Text, fetch_all_sessions: bool):
        import rasa.shared.core.trackers

        tracker = self.deserialise_tracker(sender_id, serialised)
        if tracker is None or fetch_all_sessions:
            return tracker
        sessions = rasa.shared.core.trackers.get_trackers_for_conversation_sessions(tracker)
        return sessions[-1] if len(sessions) > 1 else tracker

    def purge(self, days: Optional[float] = None) -> int:
        """Deletes conversations idle for more than `days` (default: the retention setting)."""
        days = self.retention_days if days is None else days
        with self._lock:
            purged = purge(self._conn, days)
            if purged:
                kept = {r[0] for r in self._conn.execute("SELECT sender_id FROM conversations")}
                for sender_id in [k for k in self.store if k not in kept]:
                    self._forget(sender_id)
        return purged

    async def keys(self) -> Iterable[Text]:
        """Every conversation id, in memory or on disk."""
        with self._lock:
            rows = self._conn.execute("SELECT sender_id FROM conversations").fetchall()
        return list(dict.fromkeys([r[0] for r in rows] + list(self.store.keys())))


def connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(SCHEMA)
    conn.execute(INDEX)
    return conn


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.tracker_store", description="Conversation storage maintenance."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    cmd = sub.add_parser("purge", help="delete conversations idle for more than the retention period")
    cmd.add_argument("--db", default=os.environ.get("TRACKER_DB", "var/tracker.db"))
    cmd.add_argument(
        "--days",
        type=float,
        default=_env_number("TRACKER_RETENTION_DAYS", DEFAULT_RETENTION_DAYS),
        help=f"retention in days (default TRACKER_RETENTION_DAYS or {DEFAULT_RETENTION_DAYS})",
    )
    cmd.add_argument("--vacuum", action="store_true", help="give the freed space back to the file system")
    cmd.add_argument(
        "--endpoints",
        type=Path,
        help="also purge the tracker store of this endpoints file when it is Rasa's SQL store on PostgreSQL",
    )
    args = parser.parse_args(argv)
    status = 0
    url = sql_tracker_url(args.endpoints) if args.endpoints else None
    if url:
        where = url.split("@")[-1]
        try:
            purged, kept = purge_sql_events(url, args.days)
            print(f"purge: deleted {purged} conversations idle for more than {args.days:g} days; {kept} kept ({where})")
        except Exception as e:  # psycopg2.OperationalError and the like: say so, purge the rest
            reason = (str(e).strip().splitlines() or [type(e).__name__])[0]
            print(
                f"purge: 已跳过 PostgreSQL 对话库（{where}）：无法连接，集群是否已停止？/ skipped the PostgreSQL "
                f"tracker store at {where}: not reachable (is the cluster running? make cluster): {reason}",
                file=sys.stderr,
            )
            status = 1
    path = Path(args.db)
    if not path.exists():
        print(f"purge: {path} does not exist; nothing to do")
        return status
    conn = connect(path)
    purged = purge(conn, args.days)
    left = conn.execute("SELECT COUNT(*) FROM conversations").fetchone()[0]
    if args.vacuum:
        conn.execute("VACUUM")
    conn.close()
    print(f"purge: deleted {purged} conversations idle for more than {args.days:g} days; {left} kept ({path})")
    return status


if __name__ == "__main__":
    sys.exit(main())
