"""Conversation lock stores that hand the lock on as soon as it is free.

Rasa processes one message per conversation at a time: each message takes a ticket and waits
until it is the lowest one (rasa/core/lock_store.py). Rasa's stores look again only every
`wait_time_in_seconds` (1 s, what Agent.handle_message uses), so 20 quick messages in one
conversation were answered about a second apart (the last after 19.6 s), although each needs
only milliseconds. People double-send on WeChat all the time.

* `AsyncioLockStore` (one Rasa process, the default here): Rasa's in-memory ticket lock, and a
  waiter sleeps on an asyncio.Condition that is notified when a ticket is finished, so the next
  ticket starts at once. Tickets still expire after `lock_lifetime` (Rasa's
  TICKET_LOCK_LIFETIME, 60 s): a waiter also wakes when the ticket ahead of it expires.
* `FastRedisLockStore` (several Rasa processes, one Redis): Rasa's RedisLockStore; a release in
  the same process wakes local waiters at once, and a waiter also looks at Redis again after
  `poll_interval` seconds (default 0.005, doubling up to `max_poll_interval`, default 0.05), so a
  release by another process is seen within tens of milliseconds instead of a second.
  Rasa's RedisLockStore reads the lock, changes it and writes it back as three separate calls,
  so two replicas taking a ticket at the same moment both got the same number and served the
  same conversation at once (20 parallel messages over two replicas kept 3 of 20 turns, each
  replica appending to a conversation it read before the other's turn). Here every change of a
  lock (a ticket issued, finished, expired) is one Redis transaction (WATCH/MULTI, retried when
  another replica changed the lock meanwhile), and a lock with no ticket left is deleted.
  Tested against a real Redis by tests/test_cluster.py (`make cluster`); tests/test_lock_store.py
  uses a small in-memory stand-in without transactions, for which Rasa's own calls are used.

endpoints.yml:
    lock_store:
      type: bot.lock_store.AsyncioLockStore
or, scaled out:
    lock_store:
      type: bot.lock_store.FastRedisLockStore
      url: redis-host
      port: 6379
      db: 1
"""

import asyncio
import json
import logging
import time
from contextlib import asynccontextmanager
from typing import Any, AsyncGenerator, Dict, Optional, Set, Text

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, RedisLockStore


logger = logging.getLogger(__name__)


def _next_expiry(lock: TicketLock) -> Optional[float]:
    """Seconds until the ticket being served expires (None when there is none)."""
    tickets = [t for t in lock.tickets if not t.has_expired()]
    if not tickets:
        return None
    return max(0.0, min(t.expires for t in tickets) - time.time())


class _Wakeups:
    """Waiters of each conversation, each on its own asyncio.Event; a finished ticket sets them."""

    def __init__(self) -> None:
        self.waiters: Dict[Text, Set[asyncio.Event]] = {}

    async def wait(self, conversation_id: Text, timeout: float) -> None:
        event = asyncio.Event()
        waiters = self.waiters.setdefault(conversation_id, set())
        waiters.add(event)
        try:
            await asyncio.wait_for(event.wait(), timeout)
        except asyncio.TimeoutError:
            pass
        finally:
            waiters.discard(event)
            if not waiters and self.waiters.get(conversation_id) is waiters:
                del self.waiters[conversation_id]

    def notify(self, conversation_id: Text) -> None:
        for event in self.waiters.get(conversation_id, ()):
            event.set()


class _FastAcquire:
    """The waiting part shared by both stores: Rasa's `_acquire_lock` loop, woken early."""

    _wakeups: _Wakeups

    def _max_wait(self, lock: TicketLock, wait_time_in_seconds: float, attempt: int) -> float:
        """How long to sleep before looking again: each store (in-memory, Redis) defines its own."""
        raise NotImplementedError  # abstract: both stores below override it

    async def _acquire_lock(self, conversation_id: Text, ticket: int, wait_time_in_seconds: float) -> TicketLock:
        attempt = 0
        while True:
            lock = self.get_lock(conversation_id)
            if not lock:  # the lock expired while waiting (Rasa's rule)
                break
            if not lock.is_locked(ticket):
                return lock
            await self._wakeups.wait(conversation_id, self._max_wait(lock, wait_time_in_seconds, attempt))
            attempt += 1
            self.update_lock(conversation_id)
        raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")

    @asynccontextmanager
    async def lock(
        self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME, wait_time_in_seconds: float = 1
    ) -> AsyncGenerator[TicketLock, None]:
        ticket = self.issue_ticket(conversation_id, lock_lifetime)
        try:
            yield await self._acquire_lock(conversation_id, ticket, wait_time_in_seconds)
        finally:
            self.cleanup(conversation_id, ticket)
            self._wakeups.notify(conversation_id)


class AsyncioLockStore(_FastAcquire, InMemoryLockStore):
    """In-memory ticket locks; the next ticket starts as soon as the previous one finishes."""

    def __init__(self, endpoint_config: Any = None, **kwargs: Any) -> None:
        super().__init__()
        self._wakeups = _Wakeups()

    def _max_wait(self, lock: TicketLock, wait_time_in_seconds: float, attempt: int) -> float:
        # Woken by the release; otherwise when the ticket ahead expires (plus a little).
        expiry = _next_expiry(lock)
        return LOCK_LIFETIME if expiry is None else expiry + 0.01


class FastRedisLockStore(_FastAcquire, RedisLockStore):
    """Redis ticket locks, woken at once by releases in this process and polled every few ms."""

    def __init__(
        self,
        endpoint_config: Any = None,
        poll_interval: float = 0.005,
        max_poll_interval: float = 0.05,
        redis_client: Any = None,
        **kwargs: Any,
    ) -> None:
        config: Dict[str, Any] = dict(getattr(endpoint_config, "kwargs", None) or {})
        config.update(kwargs)
        self.poll_interval = float(config.pop("poll_interval", poll_interval))
        self.max_poll_interval = float(config.pop("max_poll_interval", max_poll_interval))
        host = getattr(endpoint_config, "url", None) or config.pop("host", "localhost")
        config.pop("type", None)
        RedisLockStore.__init__(self, host=host, **config)
        if redis_client is not None:  # tests: a stand-in with get/set/delete
            self.red = redis_client
        self._wakeups = _Wakeups()

    def _max_wait(self, lock: TicketLock, wait_time_in_seconds: float, attempt: int) -> float:
        return min(self.poll_interval * (2 ** min(attempt, 16)), self.max_poll_interval)

    def _atomic(self, conversation_id: Text, change: Any) -> Any:
        """`change(lock)` applied to the stored lock as one transaction; returns its result."""
        import redis

        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(raw)) if raw else TicketLock(conversation_id)
                    result = change(lock)
                    pipe.multi()
                    if lock.tickets:
                        # Kept a while after its last ticket expires, should nobody clean up.
                        keep = max(t.expires for t in lock.tickets) - time.time() + LOCK_LIFETIME
                        pipe.set(key, lock.dumps(), ex=max(1, int(keep)))
                    else:
                        pipe.delete(key)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue

    def _transactions(self) -> bool:
        return hasattr(self.red, "pipeline")

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        if not self._transactions():
            return super().issue_ticket(conversation_id, lock_lifetime)
        return self._atomic(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime))

    def update_lock(self, conversation_id: Text) -> None:
        if not self._transactions():
            return super().update_lock(conversation_id)
        self._atomic(conversation_id, lambda lock: lock.remove_expired_tickets())

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        if not self._transactions():
            return super().cleanup(conversation_id, ticket_number)
        self._atomic(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))
