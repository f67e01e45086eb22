"""bot/tracker_store.py: conversations survive a restart, and what is written and read back is
what Rasa's own serialisation gives."""

import asyncio
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("rasa")

from rasa.core.tracker_store import InMemoryTrackerStore  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402
from rasa.shared.core.events import (  # noqa: E402
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker  # noqa: E402

from bot.tracker_store import SQLiteTrackerStore  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = Domain.from_dict(
    {"intents": ["inform"], "slots": {"amount": {"type": "any", "mappings": [{"type": "custom"}]}}}
)


def tracker(sender="u1", text="离岸执行额１５０万美元 😀 a/b"):
    parse = {
        "intent": {"name": "inform", "confidence": 0.9407946727524366},
        "entities": [{"entity": "money", "value": "1500000|USD", "start": 5, "end": 11}],
        "intent_ranking": [{"name": "inform", "confidence": 1e-05}],
        "text": text,
    }
    return DialogueStateTracker.from_events(
        sender,
        [
            ActionExecuted("action_session_start"),
            ActionExecuted("action_listen"),
            UserUttered(text, parse["intent"], parse["entities"], parse),
            SlotSet("amount", {"value": 0.1 + 0.2, "nested": [1, None, "中/文"]}),
            ActiveLoop("estimate_form"),
            BotUttered("依据第三条第（二）项", {"buttons": []}),
            ActionExecuted("action_listen"),
        ],
        slots=DOMAIN.slots,
    )


def events(t):
    return [e.as_dict() for e in t.events]


@pytest.mark.parametrize("text", ["离岸执行额１５０万美元 😀 a/b", "\ud800 lone surrogate", ""])
def test_saved_tracker_reads_back_as_rasa_reads_it(tmp_path, text):
    store = SQLiteTrackerStore(DOMAIN, db=str(tmp_path / "t.db"))
    original = tracker(text=text)
    asyncio.run(store.save(original))
    assert events(asyncio.run(store.retrieve("u1"))) == events(original)
    # the text written is JSON with the same content as Rasa's own serialisation
    ours = json.loads(store.serialise_tracker(original))
    assert ours == json.loads(InMemoryTrackerStore.serialise_tracker(original))
    # and Rasa's reader gives the same tracker from our text
    rasa_reader = InMemoryTrackerStore(DOMAIN)
    assert events(rasa_reader.deserialise_tracker("u1", store.serialise_tracker(original))) == events(original)


def test_conversations_survive_a_restart(tmp_path):
    db = str(tmp_path / "t.db")
    saved = tracker("a")
    asyncio.run(SQLiteTrackerStore(DOMAIN, db=db).save(saved))
    again = SQLiteTrackerStore(DOMAIN, db=db)
    assert events(asyncio.run(again.retrieve("a"))) == events(saved)
    assert asyncio.run(again.retrieve("nobody")) is None
    assert list(asyncio.run(again.keys())) == ["a"]


def test_memory_is_bounded_and_evicted_conversations_come_back_from_disk(tmp_path):
    store = SQLiteTrackerStore(DOMAIN, db=str(tmp_path / "t.db"), cache_size=2)
    saved = {sender: tracker(sender) for sender in ("a", "b", "c")}
    for t in saved.values():
        asyncio.run(store.save(t))
    assert list(store.store) == ["b", "c"]
    assert events(asyncio.run(store.retrieve("a"))) == events(saved["a"])
    assert list(store.store) == ["c", "a"]


def test_memory_is_bounded_by_bytes(tmp_path):
    one = SQLiteTrackerStore.memory_size(SQLiteTrackerStore.serialise_tracker(tracker("s10")))
    store = SQLiteTrackerStore(DOMAIN, db=str(tmp_path / "t.db"), cache_mb=one * 20.5 / 2**20)
    saved = [tracker(f"s{i}") for i in range(50)]
    for t in saved:
        asyncio.run(store.save(t))
    assert len(store.store) == 20 and store.cached_bytes <= store.cache_bytes
    assert store.cached_bytes == sum(store._sizes.values()) and set(store._sizes) == set(store.store)
    assert events(asyncio.run(store.retrieve("s0"))) == events(saved[0])  # back from disk


def test_a_huge_conversation_is_served_from_disk_and_does_not_evict_others(tmp_path):
    store = SQLiteTrackerStore(DOMAIN, db=str(tmp_path / "t.db"), cache_mb=1)
    asyncio.run(store.save(tracker("small")))
    huge = tracker("huge", text="长" * 300_000)
    asyncio.run(store.save(huge))
    assert list(store.store) == ["small"]
    assert events(asyncio.run(store.retrieve("huge"))) == events(huge)
    assert list(store.store) == ["small"]


def old_rows(db, ages_days):
    conn = sqlite3.connect(db)
    for sender, age in ages_days.items():
        conn.execute("UPDATE conversations SET updated_at = ? WHERE sender_id = ?", (time.time() - age * 86400, sender))
    conn.commit()
    conn.close()


def test_retention_deletes_idle_conversations_when_the_store_opens(tmp_path):
    db = str(tmp_path / "t.db")
    store = SQLiteTrackerStore(DOMAIN, db=db)
    for sender in ("old", "recent"):
        asyncio.run(store.save(tracker(sender)))
    old_rows(db, {"old": 200, "recent": 10})
    again = SQLiteTrackerStore(DOMAIN, db=db, retention_days=180)
    assert list(asyncio.run(again.keys())) == ["recent"]
    assert asyncio.run(again.retrieve("old")) is None
    keep_all = SQLiteTrackerStore(DOMAIN, db=db, retention_days=0)
    assert keep_all.purge() == 0


def test_purge_command(tmp_path):
    db = tmp_path / "t.db"
    store = SQLiteTrackerStore(DOMAIN, db=str(db))
    for sender in ("a", "b", "c"):
        asyncio.run(store.save(tracker(sender)))
    old_rows(str(db), {"a": 40, "b": 20})
    out = subprocess.run(
        [sys.executable, "-m", "bot.tracker_store", "purge", "--db", str(db), "--days", "30", "--vacuum"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "deleted 1 conversations" in out.stdout and "2 kept" in out.stdout
    rows = sqlite3.connect(str(db)).execute("SELECT sender_id FROM conversations ORDER BY 1").fetchall()
    assert rows == [("b",), ("c",)]
