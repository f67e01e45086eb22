"""Test helpers that play the part of WeChat.

* An independent re-implementation of WeChat's signing/encryption (it uses the
  ``cryptography`` PKCS7 padder rather than the channel's own code), so protocol
  tests do not merely check the channel against itself.
* ``WeChatAPIStub``: a local aiohttp server standing in for api.weixin.qq.com
  (access_token + customer-service message API).
* ``FakeAgent`` + ``serve_channel``: the channel registered on a real Sanic server
  exactly as Rasa registers it (``/webhooks/wechat/webhook``).
"""

import asyncio
import base64
import hashlib
import secrets
import socket
import struct
import time
import uuid
from contextlib import asynccontextmanager
from typing import Any, Callable, Dict, List, Optional, Tuple
from urllib.parse import urlencode
from xml.etree import ElementTree

import aiohttp
import yarl
from aiohttp import web
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from sanic import Sanic

from rasa.core.channels.channel import UserMessage, register

# Several Sanic apps start in one test process: test mode makes Sanic's
# TouchUp keep the original methods (as sanic-testing does).
Sanic.test_mode = True

# WeChat's published WXBizMsgCrypt sample account and vectors.
SAMPLE_TOKEN = "QDG6eK"
SAMPLE_APPID = "wx5823bf96d3bd56c7"
SAMPLE_AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
SAMPLE_VERIFY = {
    "msg_signature": "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
    "timestamp": "1409659589",
    "nonce": "263014780",
    "echostr": "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
}
SAMPLE_VERIFY_PLAIN = "1616140317555161061"
SAMPLE_POST_QUERY = {
    "msg_signature": "477715d11cdb4164915debcba66cb864d751f3e6",
    "timestamp": "1409659813",
    "nonce": "1372623149",
}
SAMPLE_POST_ENCRYPT = (
    "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3"
    "QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48"
    "kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izo"
    "un1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUa"
    "x5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl"
    "/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q=="
)
SAMPLE_POST_BODY = (
    "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
    f"<Encrypt><![CDATA[{SAMPLE_POST_ENCRYPT}]]></Encrypt></xml>"
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --------------------------------------------------------------- crypto (indep.)


def sign(*parts: str) -> str:
    return hashlib.sha1("".join(sorted(parts)).encode("utf-8")).hexdigest()


def _key(aes_key: str) -> bytes:
    key = base64.b64decode(aes_key + "=")
    assert len(key) == 32
    return key


def wx_encrypt(aes_key: str, appid: str, message: str) -> str:
    key = _key(aes_key)
    raw = message.encode("utf-8")
    plain = secrets.token_bytes(16) + struct.pack("!I", len(raw)) + raw + appid.encode()
    padder = padding.PKCS7(256).padder()
    padded = padder.update(plain) + padder.finalize()
    enc = Cipher(algorithms.AES(key), modes.CBC(key[:16])).encryptor()
    return base64.b64encode(enc.update(padded) + enc.finalize()).decode()


def wx_decrypt(aes_key: str, ciphertext: str) -> Tuple[str, str]:
    key = _key(aes_key)
    dec = Cipher(algorithms.AES(key), modes.CBC(key[:16])).decryptor()
    padded = dec.update(base64.b64decode(ciphertext)) + dec.finalize()
    unpadder = padding.PKCS7(256).unpadder()
    plain = unpadder.update(padded) + unpadder.finalize()
    (length,) = struct.unpack("!I", plain[16:20])
    return plain[20 : 20 + length].decode("utf-8"), plain[20 + length :].decode("utf-8")


def random_aes_key() -> str:
    return base64.b64encode(secrets.token_bytes(32)).decode()[:43]


# ------------------------------------------------------------------ messages


def xml_message(fields: Dict[str, Any]) -> str:
    parts = []
    for tag, value in fields.items():
        if isinstance(value, int):
            parts.append(f"<{tag}>{value}</{tag}>")
        else:
            parts.append(f"<{tag}><![CDATA[{value}]]></{tag}>")
    return "<xml>" + "".join(parts) + "</xml>"


_msg_counter = [int(time.time() * 1000)]


def next_msg_id() -> int:
    _msg_counter[0] += 1
    return _msg_counter[0]


def text_msg(content: str, openid: str = "oUser123", msg_id: Optional[int] = None, **extra: Any) -> str:
    fields = {
        "ToUserName": "gh_account",
        "FromUserName": openid,
        "CreateTime": int(time.time()),
        "MsgType": "text",
        "Content": content,
        "MsgId": msg_id if msg_id is not None else next_msg_id(),
    }
    fields.update(extra)
    return xml_message(fields)


def typed_msg(msg_type: str, openid: str = "oUser123", **extra: Any) -> str:
    fields = {
        "ToUserName": "gh_account",
        "FromUserName": openid,
        "CreateTime": int(time.time()),
        "MsgType": msg_type,
    }
    fields.update(extra)
    if msg_type != "event" and "MsgId" not in fields:
        fields["MsgId"] = next_msg_id()
    return xml_message(fields)


def parse_reply(body: str) -> Dict[str, str]:
    root = ElementTree.fromstring(body)
    return {child.tag: child.text or "" for child in root}


class WeChatSender:
    """Signs (and in safe mode encrypts) requests the way WeChat does."""

    def __init__(
        self,
        base_url: str,
        token: str,
        aes_key: Optional[str] = None,
        appid: str = "",
        session: Optional[aiohttp.ClientSession] = None,
    ) -> None:
        self.url = base_url + "/webhooks/wechat/webhook"
        self.token = token
        self.aes_key = aes_key
        self.appid = appid
        self.session = session

    def query(self, timestamp: Optional[int] = None, nonce: Optional[str] = None, **extra: str) -> Dict[str, str]:
        ts = str(int(time.time()) if timestamp is None else timestamp)
        nonce = nonce or str(secrets.randbelow(10**9))
        params = {"signature": sign(self.token, ts, nonce), "timestamp": ts, "nonce": nonce}
        params.update(extra)
        return params

    def _url(self, params: Dict[str, str]) -> yarl.URL:
        return yarl.URL(self.url + "?" + urlencode(params), encoded=True)

    async def get(self, params: Dict[str, str]) -> Tuple[int, str]:
        assert self.session is not None
        async with self.session.get(self._url(params)) as resp:
            return resp.status, await resp.text()

    async def post_raw(self, params: Dict[str, str], body: Any) -> Tuple[int, str]:
        assert self.session is not None
        data = body.encode("utf-8") if isinstance(body, str) else body
        async with self.session.post(self._url(params), data=data, headers={"Content-Type": "text/xml"}) as resp:
            return resp.status, await resp.text()

    async def post(self, xml: str, **query: Any) -> Tuple[int, str]:
        """Posts a plaintext-mode message with a valid signature."""
        return await self.post_raw(self.query(**query), xml)

    async def post_encrypted(self, xml: str, appid: Optional[str] = None) -> Tuple[int, str]:
        assert self.aes_key
        ciphertext = wx_encrypt(self.aes_key, appid if appid is not None else self.appid, xml)
        params = self.query(encrypt_type="aes")
        params["msg_signature"] = sign(self.token, params["timestamp"], params["nonce"], ciphertext)
        body = xml_message({"ToUserName": "gh_account", "Encrypt": ciphertext})
        return await self.post_raw(params, body)

    def open_encrypted_reply(self, body: str) -> Tuple[Dict[str, str], str]:
        """Checks MsgSignature, decrypts; returns (inner fields, appid)."""
        outer = parse_reply(body)
        expected = sign(self.token, outer["TimeStamp"], outer["Nonce"], outer["Encrypt"])
        assert outer["MsgSignature"] == expected, "bad MsgSignature on reply"
        inner, appid = wx_decrypt(self.aes_key, outer["Encrypt"])  # type: ignore[arg-type]
        return parse_reply(inner), appid


# ------------------------------------------------------------------ the bot


class FakeAgent:
    """Stands in for rasa's Agent: records messages, answers via a callback."""

    def __init__(
        self,
        responder: Optional[Callable[[str], List[Dict[str, Any]]]] = None,
        delay: float = 0.0,
    ) -> None:
        self.messages: List[UserMessage] = []
        self.responder = responder or (lambda text: [{"text": f"收到：{text}"}])
        self.delay = delay
        self.error: Optional[BaseException] = None

    @property
    def texts(self) -> List[str]:
        return [m.text for m in self.messages]

    async def handle_message(self, message: UserMessage) -> None:
        self.messages.append(message)
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.error is not None:
            raise self.error
        for reply in self.responder(message.text or ""):
            await message.output_channel.send_response(message.sender_id, dict(reply))


@asynccontextmanager
async def serve_channel(channel: Any, agent: FakeAgent):
    """Runs a Sanic app with the channel registered the way `rasa run` does."""
    app = Sanic(f"wechat_test_{uuid.uuid4().hex[:12]}", configure_logging=False)
    app.ctx.agent = agent
    register([channel], app, route="/webhooks/")
    port = free_port()
    server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False)
    await server.startup()  # create_server() is already listening
    await server.after_start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await channel.wait_background()
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()


# ------------------------------------------------------- api.weixin.qq.com stub


class WeChatAPIStub:
    """Local stand-in for the access_token and customer-service APIs."""

    def __init__(self, appid: str, secret: str, expires_in: int = 7200) -> None:
        self.appid = appid
        self.secret = secret
        self.expires_in = expires_in
        self.token_requests: List[Dict[str, str]] = []
        self.sent: List[Dict[str, Any]] = []
        self.send_tokens: List[str] = []
        self.valid_token: Optional[str] = None
        self.fail_sends_with_status: Optional[int] = None
        self._counter = 0
        self._runner: Optional[web.AppRunner] = None
        self.base_url = ""
        self._changed = asyncio.Event()

    def expire_token(self) -> None:
        """Makes the current token invalid (WeChat would answer 40001)."""
        self.valid_token = "revoked-" + (self.valid_token or "")

    async def _token(self, request: web.Request) -> web.Response:
        query = dict(request.query)
        self.token_requests.append(query)
        if (
            query.get("grant_type") != "client_credential"
            or query.get("appid") != self.appid
            or query.get("secret") != self.secret
        ):
            return web.json_response({"errcode": 40013, "errmsg": "invalid appid"})
        self._counter += 1
        self.valid_token = f"TOKEN-{self._counter}"
        return web.json_response({"access_token": self.valid_token, "expires_in": self.expires_in})

    async def _send(self, request: web.Request) -> web.Response:
        if self.fail_sends_with_status:
            return web.Response(status=self.fail_sends_with_status, text="boom")
        token = request.query.get("access_token", "")
        self.send_tokens.append(token)
        if token != self.valid_token:
            return web.json_response({"errcode": 40001, "errmsg": "invalid credential"})
        self.sent.append(await request.json())
        self._changed.set()
        return web.json_response({"errcode": 0, "errmsg": "ok"})

    async def wait_for_sent(self, count: int, timeout: float = 5.0) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while len(self.sent) < count:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise AssertionError(f"expected {count} sent messages, got {len(self.sent)}")
            self._changed.clear()
            try:
                await asyncio.wait_for(self._changed.wait(), remaining)
            except asyncio.TimeoutError:
                pass

    async def start(self) -> "WeChatAPIStub":
        app = web.Application()
        app.router.add_get("/cgi-bin/token", self._token)
        app.router.add_post("/cgi-bin/message/custom/send", self._send)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        port = free_port()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self.base_url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
