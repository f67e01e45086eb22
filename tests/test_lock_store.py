"""bot/lock_store.py: a conversation's lock passes to the next message as soon as it is free
(Rasa's own stores look again only every second), in ticket order, and expired tickets still
let the next one in."""

import asyncio
import time

import pytest

pytest.importorskip("rasa")

from rasa.core.lock_store import InMemoryLockStore  # noqa: E402

from bot.lock_store import AsyncioLockStore, FastRedisLockStore  # noqa: E402


async def burst(store, n=20, hold=0.005, conversation="c1"):
    """n messages at once on one conversation, each holding the lock `hold` seconds."""
    order, inside = [], []

    async def message(i):
        async with store.lock(conversation):
            inside.append(i)
            assert len(inside) == 1, "two messages of one conversation at once"
            await asyncio.sleep(hold)
            order.append(i)
            inside.remove(i)

    started = time.perf_counter()
    tasks = []
    for i in range(n):
        tasks.append(asyncio.ensure_future(message(i)))
        await asyncio.sleep(0)  # tickets are issued in this order
    await asyncio.wait_for(asyncio.gather(*tasks), 10)
    return time.perf_counter() - started, order


async def test_twenty_quick_messages_are_served_back_to_back_in_order():
    store = AsyncioLockStore()
    elapsed, order = await burst(store)
    assert order == list(range(20))
    assert elapsed < 0.5, f"{elapsed:.2f} s for 20 × 5 ms"
    assert store.conversation_locks == {} and store._wakeups.waiters == {}


async def test_rasa_in_memory_store_waits_a_second_per_message():
    """The behaviour being replaced (so the test above means something)."""
    elapsed, _ = await burst(InMemoryLockStore(), n=2)
    assert elapsed >= 0.9


async def test_other_conversations_do_not_wait():
    store = AsyncioLockStore()
    async with store.lock("busy"):
        started = time.perf_counter()
        async with store.lock("other"):
            pass
        assert time.perf_counter() - started < 0.05


async def test_a_failing_message_releases_the_lock_at_once():
    store = AsyncioLockStore()

    async def fails():
        async with store.lock("c"):
            await asyncio.sleep(0.01)
            raise RuntimeError("boom")

    first = asyncio.ensure_future(fails())
    await asyncio.sleep(0)
    started = time.perf_counter()
    async with store.lock("c"):
        waited = time.perf_counter() - started
    with pytest.raises(RuntimeError):
        await first
    assert waited < 0.2


async def test_an_expired_ticket_lets_the_next_message_in():
    """A holder that never finishes (lifetime 0.3 s) blocks the next one only until it expires."""
    store = AsyncioLockStore()
    stuck = store.issue_ticket("c", lock_lifetime=0.3)
    assert stuck == 0
    started = time.perf_counter()
    async with store.lock("c", lock_lifetime=5):
        waited = time.perf_counter() - started
    assert 0.25 <= waited < 1.0


async def test_endpoint_configuration_creates_it():
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import EndpointConfig

    store = LockStore.create(EndpointConfig(type="bot.lock_store.AsyncioLockStore"))
    assert isinstance(store, AsyncioLockStore)


class FakeRedis:
    """The calls RedisLockStore makes (get, set, delete), over one dict shared by 'processes'."""

    def __init__(self):
        self.data = {}

    def get(self, key):
        return self.data.get(key)

    def set(self, key, value, **_):
        self.data[key] = value.encode() if isinstance(value, str) else value

    def delete(self, key):
        return 1 if self.data.pop(key, None) is not None else 0


async def test_redis_store_hands_on_within_milliseconds_in_one_process():
    store = FastRedisLockStore(redis_client=FakeRedis())
    elapsed, order = await burst(store)
    assert order == list(range(20))
    assert elapsed < 0.5


async def test_redis_store_sees_another_process_release_by_polling():
    """Two stores on one Redis (two Rasa processes): B waits for A's ticket without a local
    wake-up, so only its few-millisecond polling can see the release."""
    redis = FakeRedis()
    a = FastRedisLockStore(redis_client=redis)
    b = FastRedisLockStore(redis_client=redis, poll_interval=0.005, max_poll_interval=0.02)
    released = asyncio.get_running_loop().create_future()

    async def holder():
        async with a.lock("c"):
            await asyncio.sleep(0.1)
        released.set_result(time.perf_counter())

    task = asyncio.ensure_future(holder())
    await asyncio.sleep(0.01)
    async with b.lock("c"):
        got = time.perf_counter()
    await task
    assert 0 <= got - released.result() < 0.08, "B saw A's release late"


def test_redis_store_is_configured_from_endpoints_without_connecting():
    from rasa.core.lock_store import LockStore
    from rasa.utils.endpoints import EndpointConfig

    store = LockStore.create(
        EndpointConfig(
            url="redis.example", type="bot.lock_store.FastRedisLockStore", port=6380, db=2, poll_interval=0.002
        )
    )
    assert isinstance(store, FastRedisLockStore) and store.poll_interval == 0.002
    kwargs = store.red.connection_pool.connection_kwargs
    assert (kwargs["host"], kwargs["port"], kwargs["db"]) == ("redis.example", 6380, 2)
