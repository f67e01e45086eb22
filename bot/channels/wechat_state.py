"""The WeChat channel's per-user and per-message state in Redis, shared by every Rasa replica.

With ``REDIS_URL`` set (``redis://host:port/db``, as `make cluster` does), the channel keeps here
what it otherwise keeps in the process's memory, so WeChat's retries and the user's next
message may reach any replica:

* ``wechat:msg:<MsgId key>`` — one inbound message: ``pending`` while a replica computes it
  (taken with SET NX: only one replica computes a message), then ``done`` with the passive reply
  text, or ``custom`` when the reply goes out through the customer-service API. A retry that
  reaches another replica waits for ``done`` and answers with the same text. Expires after
  ``DEDUP_TTL_SECONDS`` (120 s), like the in-memory entries.
* ``wechat:user:<openid>`` — the numbered choices and the remaining "继续" pages of the last
  reply; expires after ``USER_STATE_TTL_SECONDS`` (1 hour) without a message.
* ``wechat:access_token`` — the customer-service API token, fetched by one replica and used by
  all until shortly before it expires (a replica whose call is refused with it fetches a new one).

Without ``REDIS_URL`` the channel works as before, in memory (one Rasa process).
"""

import asyncio
import json
import os
from typing import Any, Dict, List, Optional, Tuple

PENDING, DONE, CUSTOM = "pending", "done", "custom"
POLL_SECONDS = 0.02


def from_env(dedup_ttl: int, user_ttl: int) -> Optional["RedisWeChatState"]:
    """The shared state at $REDIS_URL, or None when it is not set."""
    url = (os.environ.get("REDIS_URL") or "").strip()
    return RedisWeChatState(url, dedup_ttl, user_ttl) if url else None


class RedisWeChatState:
    def __init__(self, url: str, dedup_ttl: int, user_ttl: int, client: Any = None) -> None:
        self.url = url
        self.dedup_ttl = int(dedup_ttl)
        self.user_ttl = int(user_ttl)
        self._client = client

    @property
    def client(self) -> Any:
        if self._client is None:  # made on first use, inside the server's event loop
            import redis.asyncio

            self._client = redis.asyncio.Redis.from_url(self.url, socket_timeout=2, socket_connect_timeout=2)
        return self._client

    # --- one inbound message and its retries ------------------------------------------------

    async def claim(self, key: str) -> bool:
        """True for the first replica to see this message (it computes the reply)."""
        value = json.dumps({"s": PENDING})
        return bool(await self.client.set(f"wechat:msg:{key}", value, nx=True, ex=self.dedup_ttl))

    async def finish(self, key: str, text: Optional[str]) -> None:
        await self.client.set(f"wechat:msg:{key}", json.dumps({"s": DONE, "t": text}), ex=self.dedup_ttl)

    async def mark_custom(self, key: str) -> None:
        await self.client.set(f"wechat:msg:{key}", json.dumps({"s": CUSTOM}), ex=self.dedup_ttl)

    async def outcome(self, key: str, timeout: float) -> Tuple[str, Optional[str]]:
        """(state, reply text) of a message another replica computes, waiting up to `timeout`
        seconds for it to be done; (PENDING, None) when it is not done by then."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + max(0.0, timeout)
        while True:
            raw = await self.client.get(f"wechat:msg:{key}")
            entry = json.loads(raw) if raw else {"s": PENDING}
            if entry.get("s") != PENDING or loop.time() >= deadline:
                return entry.get("s", PENDING), entry.get("t")
            await asyncio.sleep(min(POLL_SECONDS, max(0.0, deadline - loop.time())))

    # --- the access token --------------------------------------------------------------------

    async def load_token(self) -> Tuple[Optional[str], float]:
        """(token, seconds it stays usable), or (None, 0)."""
        key = "wechat:access_token"
        token, seconds = await self.client.get(key), await self.client.ttl(key)
        return (token.decode() if isinstance(token, bytes) else token), max(0.0, float(seconds or 0))

    async def save_token(self, token: str, lifetime: float) -> None:
        await self.client.set("wechat:access_token", token, ex=max(1, int(lifetime)))

    # --- per-user choices and pages ---------------------------------------------------------

    async def load_user(self, openid: str) -> Dict[str, List]:
        raw = await self.client.get(f"wechat:user:{openid}")
        data = json.loads(raw) if raw else {}
        return {"choices": [tuple(c) for c in data.get("choices", [])], "pages": list(data.get("pages", []))}

    async def save_user(self, openid: str, choices: List, pages: List[str]) -> None:
        value = json.dumps({"choices": [list(c) for c in choices], "pages": pages}, ensure_ascii=False)
        await self.client.set(f"wechat:user:{openid}", value, ex=self.user_ttl)
