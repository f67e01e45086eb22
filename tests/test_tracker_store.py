"""bot/tracker_store.py: conversations survive a restart, and what is written and read back is
what Rasa's own serialisation gives."""
import asyncio
import json

import pytest

pytest.importorskip("rasa")

from rasa.core.tracker_store import InMemoryTrackerStore  # noqa: E402
from rasa.shared.core.domain import Domain  # noqa: E402
from rasa.shared.core.events import (  # noqa: E402
    ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker  # noqa: E402

from bot.tracker_store import SQLiteTrackerStore  # noqa: E402

DOMAIN = Domain.from_dict({"intents": ["inform"], "slots": {
    "amount": {"type": "any", "mappings": [{"type": "custom"}]}}})


def tracker(sender="u1", text="离岸执行额１５０万美元 😀 a/b"):
    parse = {"intent": {"name": "inform", "confidence": 0.9407946727524366},
             "entities": [{"entity": "money", "value": "1500000|USD", "start": 5, "end": 11}],
             "intent_ranking": [{"name": "inform", "confidence": 1e-05}], "text": text}
    return DialogueStateTracker.from_events(sender, [
        ActionExecuted("action_session_start"), ActionExecuted("action_listen"),
        UserUttered(text, parse["intent"], parse["entities"], parse),
        SlotSet("amount", {"value": 0.1 + 0.2, "nested": [1, None, "中/文"]}),
        ActiveLoop("estimate_form"), BotUttered("依据第三条第（二）项", {"buttons": []}),
        ActionExecuted("action_listen")], slots=DOMAIN.slots)


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
