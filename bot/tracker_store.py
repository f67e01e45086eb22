"""A fast SQLite tracker store: conversations served from memory, every turn written to SQLite.

Rasa's SQL tracker store writes each event through SQLAlchemy and re-reads the whole
conversation on every turn (about 10 ms a turn here). This store keeps the serialised tracker
in memory (a bounded LRU) and writes it as one row per conversation to an SQLite file in WAL
mode, so a restart loses nothing and a turn costs well under a millisecond of storage.

endpoints.yml:
    tracker_store:
      type: bot.tracker_store.SQLiteTrackerStore
      db: var/tracker.db
"""
import logging
import sqlite3
import threading
import time
from collections import OrderedDict
from pathlib import Path
from typing import Any, Dict, Iterable, Optional, Text

from rasa.core.tracker_store import InMemoryTrackerStore, TrackerDeserialisationException
from rasa.shared.core.conversation import Dialogue
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_speedups import dumps, loads  # also installs the speed-ups (see its docstring)

log = logging.getLogger(__name__)
SCHEMA = ("CREATE TABLE IF NOT EXISTS conversations ("
          "sender_id TEXT PRIMARY KEY, tracker TEXT NOT NULL, updated_at REAL NOT NULL)")


class SQLiteTrackerStore(InMemoryTrackerStore):
    """In-memory trackers (LRU of `cache_size`) persisted to SQLite on every save."""

    def __init__(self, domain: Domain, db: Text = "var/tracker.db", cache_size: int = 5000,
                 event_broker=None, **kwargs: Dict[Text, Any]) -> None:
        super().__init__(domain, event_broker, **kwargs)
        self.store = OrderedDict()
        self.cache_size = int(cache_size)
        self.path = Path(db)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.execute(SCHEMA)

    def _remember(self, sender_id: Text, serialised: Text) -> None:
        self.store[sender_id] = serialised
        self.store.move_to_end(sender_id)
        while len(self.store) > self.cache_size:
            self.store.popitem(last=False)

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
                "Support for deserialising pickled trackers has been removed.") from e
        tracker.recreate_from_dialogue(dialogue)
        return tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Keep the tracker in memory and write it to SQLite."""
        await self.stream_events(tracker)
        serialised = self.serialise_tracker(tracker)
        self._remember(tracker.sender_id, serialised)
        with self._lock:
            self._conn.execute("INSERT OR REPLACE INTO conversations VALUES (?, ?, ?)",
                               (tracker.sender_id, serialised, time.time()))

    async def _retrieve(self, sender_id: Text, fetch_all_sessions: bool) -> Optional[DialogueStateTracker]:
        if sender_id not in self.store:
            with self._lock:
                row = self._conn.execute("SELECT tracker FROM conversations WHERE sender_id = ?",
                                         (sender_id,)).fetchone()
            if row is None:
                return None
            self._remember(sender_id, row[0])
        return await super()._retrieve(sender_id, fetch_all_sessions)

    async def keys(self) -> Iterable[Text]:
        """Every conversation id, in memory or on disk."""
        with self._lock:
            rows = self._conn.execute("SELECT sender_id FROM conversations").fetchall()
        return list(dict.fromkeys([r[0] for r in rows] + list(self.store.keys())))
